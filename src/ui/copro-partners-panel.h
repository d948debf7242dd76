/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-document.h"

G_BEGIN_DECLS

/* CoproPartnersPanel: for now, the partners of the project as a searchable
 * list (a GtkListView, so a register of any size costs only the visible
 * rows). The partner register issue replaces this file. */
#define COPRO_TYPE_PARTNERS_PANEL (copro_partners_panel_get_type ())
G_DECLARE_FINAL_TYPE (CoproPartnersPanel, copro_partners_panel, COPRO, PARTNERS_PANEL, GtkWidget)

GtkWidget *copro_partners_panel_new      (CoproDocument      *document,
                                          const char         *title,
                                          const char         *guidance);
/* Shows and selects @partner (or the partner @record belongs to). */
gboolean   copro_partners_panel_reveal   (CoproPartnersPanel *self,
                                          CoproRecord        *record);
guint      copro_partners_panel_get_n_shown (CoproPartnersPanel *self);
/* A big register is searched in slices: TRUE until the search is done. */
gboolean   copro_partners_panel_is_searching (CoproPartnersPanel *self);
void       copro_partners_panel_set_search (CoproPartnersPanel *self,
                                            const char         *text);

G_END_DECLS
