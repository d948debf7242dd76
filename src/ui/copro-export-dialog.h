/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-document.h"

G_BEGIN_DECLS

/* "Export for Sign-Off": the choice to include personal details (off
 * unless the officer turns it on, every time), then "Export…", which asks
 * where with a GtkFileDialog and starts copro_export_flow_start (). Show it
 * with adw_dialog_present; Esc closes it and the focus goes back.
 *
 * Properties: "document" (construct-only), "toasts" (construct-only, the
 * overlay to announce the result in; NULL for a dialogue),
 * "include-personal-data" (what the switch shows). */
#define COPRO_TYPE_EXPORT_DIALOG (copro_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CoproExportDialog, copro_export_dialog, COPRO, EXPORT_DIALOG, AdwDialog)

AdwDialog *copro_export_dialog_new                       (CoproDocument     *document,
                                                          AdwToastOverlay   *toasts);
gboolean   copro_export_dialog_get_include_personal_data (CoproExportDialog *self);
void       copro_export_dialog_set_include_personal_data (CoproExportDialog *self,
                                                          gboolean           include_personal_data);

G_END_DECLS
