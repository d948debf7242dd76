/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "copro-partner-map-view.h"
#include "copro-partners-section.h"

G_BEGIN_DECLS

/*
 * CoproPartnerMapPage: the map of the partners in "model" (the register's
 * partners shown, while the map is shown; NULL otherwise), and saving it as
 * a PNG. Activating a partner on the map activates
 * "partners.show-partner" with the partner's id.
 */
#define COPRO_TYPE_PARTNER_MAP_PAGE (copro_partner_map_page_get_type ())
G_DECLARE_FINAL_TYPE (CoproPartnerMapPage, copro_partner_map_page, COPRO, PARTNER_MAP_PAGE, CoproPartnersSection)

GListModel          *copro_partner_map_page_get_model    (CoproPartnerMapPage *self);
void                 copro_partner_map_page_set_model    (CoproPartnerMapPage *self,
                                                          GListModel          *model);
CoproPartnerMapView *copro_partner_map_page_get_map_view (CoproPartnerMapPage *self);
/* Asks where to save the map, then saves it as a PNG and says so in a toast. */
void                 copro_partner_map_page_save         (CoproPartnerMapPage *self);

G_END_DECLS
