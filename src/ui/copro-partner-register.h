/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-partner-map-page.h"
#include "copro-partners-section.h"
#include "copro-register-view.h"

G_BEGIN_DECLS

/*
 * CoproPartnerRegister: the project's partners in a grid (sortable
 * columns, several rows selectable) with a search bar, filters by sector,
 * level and status and the count of partners shown; or, in its place, the
 * map of the same partners. Only the visible rows get widgets, so 100,000
 * partners stay quick.
 *
 * Properties: "model" (the partners shown, sorted and filtered), "selection"
 * (over "model"), "search-mode", "view" ("register" or "map") and
 * "view-stack" (for a view switcher). Row activation activates
 * "partners.show-details".
 */
#define COPRO_TYPE_PARTNER_REGISTER (copro_partner_register_get_type ())
G_DECLARE_FINAL_TYPE (CoproPartnerRegister, copro_partner_register, COPRO, PARTNER_REGISTER, CoproPartnersSection)

GListModel          *copro_partner_register_get_model       (CoproPartnerRegister *self);
GtkSelectionModel   *copro_partner_register_get_selection   (CoproPartnerRegister *self);
CoproRegisterView   *copro_partner_register_get_rows        (CoproPartnerRegister *self);
AdwViewStack        *copro_partner_register_get_view_stack  (CoproPartnerRegister *self);
CoproPartnerMapPage *copro_partner_register_get_map_page    (CoproPartnerRegister *self);
const char          *copro_partner_register_get_view        (CoproPartnerRegister *self);
void                 copro_partner_register_set_view        (CoproPartnerRegister *self,
                                                             const char           *view);
gboolean             copro_partner_register_get_search_mode (CoproPartnerRegister *self);
void                 copro_partner_register_set_search_mode (CoproPartnerRegister *self,
                                                             gboolean              search_mode);
/* Shows the register with its search bar open and the focus in the entry. */
void                 copro_partner_register_focus_search    (CoproPartnerRegister *self);
gboolean             copro_partner_register_is_searching    (CoproPartnerRegister *self);
void                 copro_partner_register_set_search      (CoproPartnerRegister *self,
                                                             const char           *text);
void                 copro_partner_register_set_filter      (CoproPartnerRegister *self,
                                                             const char           *key,
                                                             const char           *value);
/* Clears the search, the filters and a restriction to some partners. */
void                 copro_partner_register_clear_search    (CoproPartnerRegister *self);
/* Shows only @partners (the partners of a check's finding), with a banner
 * offering to show all again; NULL shows all. */
void                 copro_partner_register_show_only       (CoproPartnerRegister *self,
                                                             GPtrArray            *partners);
gboolean             copro_partner_register_get_showing_only (CoproPartnerRegister *self);
void                 copro_partner_register_sort_by         (CoproPartnerRegister *self,
                                                             const char           *key,
                                                             GtkSortType           direction);
/* The key of the column sorted by ("" for the list's order), and whether
 * in descending order. */
const char          *copro_partner_register_get_sort_key    (CoproPartnerRegister *self);
gboolean             copro_partner_register_get_sort_descending (CoproPartnerRegister *self);
/* The partners selected, in the order shown (a new array of references). */
GPtrArray           *copro_partner_register_get_selected    (CoproPartnerRegister *self);
/* Selects @partner alone and scrolls to it; FALSE if it is not shown. */
gboolean             copro_partner_register_select          (CoproPartnerRegister *self,
                                                             CoproRecord          *partner);
/* Selects the row shown at @position alone and scrolls to it. */
void                 copro_partner_register_select_shown    (CoproPartnerRegister *self,
                                                             guint                 position);

G_END_DECLS
