/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * CoproPartnerCell: one cell of the partner register, the field "key" of
 * "partner" as text (a name cell marks a partner whose review date has
 * passed). It follows the partner's changes while it shows it.
 */
#define COPRO_TYPE_PARTNER_CELL (copro_partner_cell_get_type ())
G_DECLARE_FINAL_TYPE (CoproPartnerCell, copro_partner_cell, COPRO, PARTNER_CELL, GtkWidget)

CoproRecord *copro_partner_cell_get_partner (CoproPartnerCell *self);
void         copro_partner_cell_set_partner (CoproPartnerCell *self,
                                             CoproRecord      *partner);
/* Shows the partner again, after it changed. */
void         copro_partner_cell_update      (CoproPartnerCell *self);
const char  *copro_partner_cell_get_key     (CoproPartnerCell *self);
/* The text shown for the field @key of @partner. */
char        *copro_partner_cell_format      (CoproRecord      *partner,
                                             const char       *key);

G_END_DECLS
