/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-document.h"

G_BEGIN_DECLS

/*
 * CoproPartnersPanel: the partner register. A GtkColumnView over the
 * project's partners (sortable columns, a search bar and filters by sector,
 * level and status, several rows selectable), the detail editor of the
 * selected partner beside it (below it on narrow windows), the recruitment
 * checklist above it, the partner map in place of the list, and the privacy
 * tools. Only the visible rows get widgets, so 100,000 partners stay quick.
 *
 * Actions (group "partners"): add, duplicate, delete, find,
 * remove-selected-details, remove-withdrawn-details, import-csv, save-map.
 */
#define COPRO_TYPE_PARTNERS_PANEL (copro_partners_panel_get_type ())
G_DECLARE_FINAL_TYPE (CoproPartnersPanel, copro_partners_panel, COPRO, PARTNERS_PANEL, GtkWidget)

GtkWidget *copro_partners_panel_new      (CoproDocument      *document,
                                          const char         *title,
                                          const char         *guidance);
/* Shows and selects @partner (or the partner @record belongs to), clearing
 * the search and filters, and opens its editor. */
gboolean   copro_partners_panel_reveal   (CoproPartnersPanel *self,
                                          CoproRecord        *record);
/* The rows shown, after search and filters, in their sorted order. */
guint      copro_partners_panel_get_n_shown (CoproPartnersPanel *self);
CoproRecord *copro_partners_panel_get_shown (CoproPartnersPanel *self,
                                             guint               position);
/* TRUE until a search or filter is applied to every partner. The register
 * filters all at once (15 ms for 100,000 partners, measured), so this is
 * FALSE except while GtkFilterListModel works in slices, should it be made
 * incremental. */
gboolean   copro_partners_panel_is_searching (CoproPartnersPanel *self);
void       copro_partners_panel_set_search (CoproPartnersPanel *self,
                                            const char         *text);
/* Chooses in the drop-down of @key ("sector", "level" or "status") the
 * value @value (a key of its enumeration), or "any" for NULL. */
void       copro_partners_panel_set_filter (CoproPartnersPanel *self,
                                            const char         *key,
                                            const char         *value);
/* Sorts by the column of @key ("name", "organisation", "sector", "level",
 * "status", "influence", "interest", "consent_date") as its header would;
 * NULL: unsorted. */
void       copro_partners_panel_sort_by  (CoproPartnersPanel *self,
                                          const char         *key,
                                          GtkSortType         direction);
GtkColumnView *copro_partners_panel_get_column_view (CoproPartnersPanel *self);
GtkSelectionModel *copro_partners_panel_get_selection (CoproPartnersPanel *self);
/* The partner whose editor is open (exactly one row selected), or NULL. */
CoproRecord *copro_partners_panel_get_editing (CoproPartnersPanel *self);
/* The box holding the editor's groups (its field widgets are registered,
 * see copro_field_widget_find()). */
GtkWidget *copro_partners_panel_get_editor (CoproPartnersPanel *self);
/* Whether a partner's review or deletion date is before today. */
gboolean   copro_partner_review_is_due   (CoproRecord        *partner);

G_END_DECLS
