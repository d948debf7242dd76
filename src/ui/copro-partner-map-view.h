/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "copro-record.h"

G_BEGIN_DECLS

/* CoproPartnerMapView: the partner map on screen. Draws the core layout of
 * the partners in a GListModel of CoproRecord (e.g. a GtkFilterListModel, so
 * the map follows the register's filters), with tooltips, clicks and keyboard
 * navigation between dots. It follows items-changed of the model and changes
 * to a partner's name, organisation, sector, influence or interest (one
 * handler on the record owning the list). While it is not on screen it does
 * no work: changes are taken up when it is shown again. On screen, a big
 * register is read in slices and drawn in a worker thread; the old drawing
 * stays until the new one is ready. Its accessible name is "Partner map";
 * its description names the partner with the ring, then the counts.
 *
 * Signal "partner-activated" (CoproRecord *partner): a dot was clicked, or
 * chosen with Enter or space.
 *
 * Keys: arrows move a ring to the nearest dot that way; Page Down and Page
 * Up go through every dot in reading order (copro_partner_map_layout_move);
 * Home and End to the first and last; Enter or space activate. They are the
 * widget's actions "map.move" (int: a CoproPartnerMapMove) and
 * "map.activate-partner" (enabled while a dot has the ring). */
#define COPRO_TYPE_PARTNER_MAP_VIEW (copro_partner_map_view_get_type ())
G_DECLARE_FINAL_TYPE (CoproPartnerMapView, copro_partner_map_view, COPRO, PARTNER_MAP_VIEW, GtkWidget)

GtkWidget *copro_partner_map_view_new       (GListModel          *partners);
void       copro_partner_map_view_set_model (CoproPartnerMapView *self,
                                             GListModel          *partners);
/* The map as a PNG, drawn as on screen (at the widget's size, 960 × 600
 * when never shown) but without the ring, by the core's PNG code. */
gboolean   copro_partner_map_view_save_png  (CoproPartnerMapView *self,
                                             GFile               *file,
                                             GError             **error);

GListModel  *copro_partner_map_view_get_model        (CoproPartnerMapView *self);
/* TRUE while the map on screen is being redrawn after a change (in the
 * background: a big register is read in slices and drawn in a thread). The
 * functions below always answer for the model as it is now. */
gboolean     copro_partner_map_view_is_updating      (CoproPartnerMapView *self);
/* Partners drawn, and partners left off because influence or interest is unset. */
guint        copro_partner_map_view_get_n_dots       (CoproPartnerMapView *self);
guint        copro_partner_map_view_get_n_unplaced   (CoproPartnerMapView *self);
/* Where @partner's dot is, in widget coordinates; FALSE when not on the map. */
gboolean     copro_partner_map_view_get_dot_position (CoproPartnerMapView *self,
                                                      CoproRecord         *partner,
                                                      double              *x,
                                                      double              *y);
/* The dot chosen from the keyboard (shown with a ring while the map has the
 * focus), or NULL; and choosing one, e.g. to show a partner on the map. */
CoproRecord *copro_partner_map_view_get_focused      (CoproPartnerMapView *self);
gboolean     copro_partner_map_view_focus_partner    (CoproPartnerMapView *self,
                                                      CoproRecord         *partner);
/* The tooltip's text at (@x, @y): the name (and organisation) of the
 * partner whose dot is there, or NULL. */
char        *copro_partner_map_view_dup_tooltip_text (CoproPartnerMapView *self,
                                                      double               x,
                                                      double               y);

G_END_DECLS
