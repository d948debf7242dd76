/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-document.h"

G_BEGIN_DECLS

/* "Export for sign-off…": shows the export dialogue (CoproExportDialog: the
 * choice to include personal details, off by default, then "Export…", which
 * asks where with a GtkFileDialog), writes the workbook off the main thread
 * with its progress shown, then says so in a toast with an "Open" button (the
 * window's export.open-workbook action) or, when @toasts is NULL, in a
 * dialogue with "Open" and "Show in Folder"; failures are shown in a
 * dialogue. */
void copro_export_flow_run (GtkWindow       *parent,
                            CoproDocument   *document,
                            AdwToastOverlay *toasts);

/* The same once the file is chosen (what the export dialogue's answer leads to). */
void copro_export_flow_start (GtkWindow       *parent,
                              CoproDocument   *document,
                              AdwToastOverlay *toasts,
                              GFile           *file,
                              gboolean         include_personal_data);

G_END_DECLS
