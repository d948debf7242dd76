/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "copro-list.h"

G_BEGIN_DECLS

/*
 * The partner register's rows: the partners of a CoproList searched, filtered
 * and sorted in one pass, as a GListModel. It keeps, per partner, its folded
 * search text and each column's sort key, made once (in threads for big
 * lists) and remade for a partner when it changes; every change of search,
 * filter, sort or partners is one items-changed covering only the rows that
 * moved.
 */
#define COPRO_TYPE_SORTED_PARTNERS (copro_sorted_partners_get_type ())
G_DECLARE_FINAL_TYPE (CoproSortedPartners, copro_sorted_partners, COPRO, SORTED_PARTNERS, GObject)

CoproSortedPartners *copro_sorted_partners_new         (CoproList           *partners);
/* Makes every partner's search text while the main loop is idle, ahead of
 * the first search; whether they are all made. */
void                 copro_sorted_partners_prepare_search (CoproSortedPartners *self);
gboolean             copro_sorted_partners_is_search_made (CoproSortedPartners *self);
/* The partners' key the rows are sorted by (NULL: the list's own order). */
void                 copro_sorted_partners_sort        (CoproSortedPartners *self,
                                                        const char          *key,
                                                        gboolean             descending);
void                 copro_sorted_partners_set_search  (CoproSortedPartners *self,
                                                        const char          *text);
const char          *copro_sorted_partners_get_search  (CoproSortedPartners *self);
/* Only partners whose @key ("sector", "level" or "status") is @value (NULL: any). */
void                 copro_sorted_partners_set_field   (CoproSortedPartners *self,
                                                        const char          *key,
                                                        const char          *value);
/* Only these partners (with the search and the filters); NULL: any. */
void                 copro_sorted_partners_set_only    (CoproSortedPartners *self,
                                                        CoproRecord        **partners,
                                                        guint                n_partners);
gboolean             copro_sorted_partners_has_only    (CoproSortedPartners *self);
gboolean             copro_sorted_partners_is_filtered (CoproSortedPartners *self);
gboolean             copro_sorted_partners_find        (CoproSortedPartners *self,
                                                        CoproRecord         *partner,
                                                        guint               *position);

G_END_DECLS
