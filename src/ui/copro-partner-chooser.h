/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-list.h"

G_BEGIN_DECLS

/* A dialogue (an AdwDialog: show it with adw_dialog_present, Esc closes
 * it and the focus goes back where it was) to pick one partner from the
 * register, searchable by name, organisation and role. It shows the register
 * through a GtkListView, so a register of 100,000 partners costs only the
 * rows on screen. Emits "chosen" with the partner's id, or NULL for "no
 * partner", then closes.
 *
 * Properties (construct-only): "partners", the register; "selected-id", the
 * partner chosen so far, or NULL; "multiple", see copro_partner_chooser_new_multiple().
 *
 * Drop-downs above the list filter it by sector, intended level and status,
 * with the search. */
#define COPRO_TYPE_PARTNER_CHOOSER (copro_partner_chooser_get_type ())
G_DECLARE_FINAL_TYPE (CoproPartnerChooser, copro_partner_chooser, COPRO, PARTNER_CHOOSER, AdwDialog)

CoproPartnerChooser *copro_partner_chooser_new        (CoproList           *partners,
                                                       const char          *selected_id);
void                 copro_partner_chooser_set_search (CoproPartnerChooser *self,
                                                       const char          *text);
/* A big register is searched in slices: TRUE until the search is done. */
gboolean             copro_partner_chooser_is_searching (CoproPartnerChooser *self);
/* How many partners the search shows (for tests). */
guint                copro_partner_chooser_get_n_shown (CoproPartnerChooser *self);
/* The partner shown at @position (owned by the register), or NULL. */
CoproRecord         *copro_partner_chooser_get_shown  (CoproPartnerChooser *self,
                                                       guint                position);
/* Chooses the partner shown at @position, as activating its row does. */
void                 copro_partner_chooser_choose     (CoproPartnerChooser *self,
                                                       guint                position);

/* Picking several partners at once (for attendance): each row has a check
 * box (Space or activating the row ticks it), and @action_label's button
 * emits "picked" with the ids ticked, in the register's order, then closes.
 * Partners in @exclude_ids (may be NULL) are not offered. */
CoproPartnerChooser *copro_partner_chooser_new_multiple (CoproList          *partners,
                                                         const char         *action_label,
                                                         const char * const *exclude_ids);
/* Shows only partners whose @key ("sector", "level" or "status") is @value
 * (NULL: any), as the filters above the list do. */
void                 copro_partner_chooser_set_filter (CoproPartnerChooser *self,
                                                       const char          *key,
                                                       const char          *value);
/* In the multiple mode: ticks or unticks the partner shown at @position. */
void                 copro_partner_chooser_toggle     (CoproPartnerChooser *self,
                                                       guint                position);
/* How many partners are ticked. */
guint                copro_partner_chooser_get_n_picked (CoproPartnerChooser *self);
/* Emits "picked" with the ticked partners and closes, as the button does. */
void                 copro_partner_chooser_pick       (CoproPartnerChooser *self);

/* The register of the project @record belongs to, or NULL. */
CoproList           *copro_partner_register_for       (CoproRecord *record);

G_END_DECLS
