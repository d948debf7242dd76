/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * CoproSortedPartners: the partners of a list model, in the order of a key.
 * GTK 4.8's GtkSortListModel compares partners through a GtkSorter, looking
 * up what to compare for each of the ~1.7 million comparisons a list of
 * 100,000 needs; this model asks for each partner's key once, sorts the keys
 * side by side (a stable merge sort) and so sorts 100,000 partners several
 * times faster. It sorts again when the list changes, announcing only the
 * rows that moved, but not when a partner is edited (as GtkSortListModel).
 */
#define COPRO_TYPE_SORTED_PARTNERS (copro_sorted_partners_get_type ())
G_DECLARE_FINAL_TYPE (CoproSortedPartners, copro_sorted_partners, COPRO, SORTED_PARTNERS, GObject)

/* A partner's key: @text (compared with strcmp(), e.g. a collation key), or
 * if that is NULL, @number. The text must live until the sort is done. */
typedef struct
{
  const char *text;
  gint64      number;
} CoproSortKey;

typedef void (*CoproSortKeyFunc) (CoproRecord  *partner,
                                  CoproSortKey *key,
                                  gpointer      user_data);

CoproSortedPartners *copro_sorted_partners_new  (GListModel          *partners);
/* @func NULL: the list's own order. */
void                 copro_sorted_partners_sort (CoproSortedPartners *self,
                                                 CoproSortKeyFunc     func,
                                                 gpointer             user_data,
                                                 gboolean             descending);

G_END_DECLS
