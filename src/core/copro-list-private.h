/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What only the record code and the loaders use of CoproList. */
#pragma once

#include "copro-list.h"

G_BEGIN_DECLS

/* The owner is going away: forget it, then let go of the items. */
void         _copro_list_release       (CoproList   *self);
/* For loaders only, while nothing can be listening yet: appends @item (taking
 * the reference) with no change report and no signal. */
void         _copro_list_append_loaded (CoproList   *self,
                                        CoproRecord *item);

/* For the history's undo of copro_list_remove_many() and redo of
 * insertions: puts @items[i] back at @positions[i] (ascending: each the
 * place in the list once those before it are in), with one items-changed.
 * The history is told each insertion, in that order. */
void         _copro_list_insert_at     (CoproList    *self,
                                        CoproRecord **items,
                                        const guint  *positions,
                                        guint         n_items);

G_END_DECLS
