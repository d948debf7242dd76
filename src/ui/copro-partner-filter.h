/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * CoproPartnerFilter: the register's filter. Matches partners whose name,
 * organisation, role or notes contain the search text (ignoring case), and
 * whose sector, intended level and status are the chosen ones. With nothing
 * set it matches everything without looking at a partner. Narrowing the
 * search ("ab" to "abc") only looks again at the partners shown.
 */
#define COPRO_TYPE_PARTNER_FILTER (copro_partner_filter_get_type ())
G_DECLARE_FINAL_TYPE (CoproPartnerFilter, copro_partner_filter, COPRO, PARTNER_FILTER, GtkFilter)

CoproPartnerFilter *copro_partner_filter_new         (void);
void                copro_partner_filter_set_search  (CoproPartnerFilter *self,
                                                      const char         *text);
const char         *copro_partner_filter_get_search  (CoproPartnerFilter *self);
/* @key: "sector", "level" or "status"; @value: a key of its enumeration, or NULL for any. */
void                copro_partner_filter_set_field   (CoproPartnerFilter *self,
                                                      const char         *key,
                                                      const char         *value);
gboolean            copro_partner_filter_is_active   (CoproPartnerFilter *self);
/* The filter keeps each partner's searchable text: call this when @partner
 * changes, or with NULL when partners leave the list. */
void                copro_partner_filter_forget      (CoproPartnerFilter *self,
                                                      CoproRecord        *partner);

G_END_DECLS
