/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-document.h"
#include "copro-partner-register.h"

G_BEGIN_DECLS

/*
 * CoproPartnersPage: the Partners section. The recruitment checklist above
 * a split view of the partner register (or its map) and the editor of the
 * selected partner; on a narrow window the split view collapses and the
 * editor comes in place of the register, with a back button.
 *
 * Its parts (CoproPartnerRegister, CoproPartnerEditor,
 * CoproRecruitmentChecklist, CoproPartnerMapPage) are CoproPartnersSections
 * that share the register's model and selection through properties.
 *
 * Actions (group "partners"): add, duplicate, delete, find,
 * remove-selected-details, remove-withdrawn-details, import-csv, save-map;
 * and for the parts: show-details, show-partner (s: a partner's id).
 */
#define COPRO_TYPE_PARTNERS_PAGE (copro_partners_page_get_type ())
G_DECLARE_FINAL_TYPE (CoproPartnersPage, copro_partners_page, COPRO, PARTNERS_PAGE, GtkWidget)

GtkWidget   *copro_partners_page_new             (CoproDocument     *document,
                                                  const char        *title,
                                                  const char        *guidance);
CoproDocument *copro_partners_page_get_document  (CoproPartnersPage *self);
CoproPartnerRegister *copro_partners_page_get_register (CoproPartnersPage *self);
/* Shows and selects @partner (or the partner @record belongs to), clearing
 * the search and filters, and opens its editor. */
gboolean     copro_partners_page_reveal          (CoproPartnersPage *self,
                                                  CoproRecord       *record);
/* The rows shown, after search and filters, in their sorted order. */
guint        copro_partners_page_get_n_shown     (CoproPartnersPage *self);
CoproRecord *copro_partners_page_get_shown       (CoproPartnersPage *self,
                                                  guint              position);
/* TRUE until a search or filter is applied to every partner. The register
 * filters all at once (15 ms for 100,000 partners, measured), so this is
 * FALSE except while GtkFilterListModel works in slices, should it be made
 * incremental. */
/* Shows the register with only @partners (a check's finding) in it. */
void         copro_partners_page_show_only       (CoproPartnersPage *self,
                                                  GPtrArray         *partners);
gboolean     copro_partners_page_is_searching    (CoproPartnersPage *self);
void         copro_partners_page_set_search      (CoproPartnersPage *self,
                                                  const char        *text);
/* Chooses in the drop-down of @key ("sector", "level" or "status") the
 * value @value (a key of its enumeration), or "any" for NULL. */
void         copro_partners_page_set_filter      (CoproPartnersPage *self,
                                                  const char        *key,
                                                  const char        *value);
/* Sorts by the column of @key ("name", "organisation", "sector", "level",
 * "status", "influence", "interest", "consent_date") as its header would;
 * NULL: unsorted. */
void         copro_partners_page_sort_by         (CoproPartnersPage *self,
                                                  const char        *key,
                                                  GtkSortType        direction);
CoproRegisterView *copro_partners_page_get_rows        (CoproPartnersPage *self);
GtkSelectionModel *copro_partners_page_get_selection   (CoproPartnersPage *self);
/* The partner whose editor is open (exactly one row selected), or NULL. */
CoproRecord *copro_partners_page_get_editing     (CoproPartnersPage *self);
/* The box holding the editor's groups (its field widgets are registered,
 * see copro_field_widget_find()). */
GtkWidget   *copro_partners_page_get_editor      (CoproPartnersPage *self);

G_END_DECLS
