/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "copro-record.h"

G_BEGIN_DECLS

/* A list of records owned by one record: a GListModel the UI can show, whose
 * items know their owner so that an edit anywhere marks the document changed. */
#define COPRO_TYPE_LIST (copro_list_get_type ())
G_DECLARE_FINAL_TYPE (CoproList, copro_list, COPRO, LIST, GObject)

CoproList   *copro_list_new        (GType        item_type,
                                    CoproRecord *owner,
                                    const char  *key);
CoproRecord *copro_list_get_owner  (CoproList   *self);
const char  *copro_list_get_key    (CoproList   *self);
guint        copro_list_get_n_items (CoproList  *self);
CoproRecord *copro_list_get        (CoproList   *self,
                                    guint        position);
void         copro_list_append     (CoproList   *self,
                                    CoproRecord *item);
void         copro_list_insert     (CoproList   *self,
                                    guint        position,
                                    CoproRecord *item);
void         copro_list_remove     (CoproList   *self,
                                    guint        position);
/* Inserts @n_items items at @position (each a change of its own to the
 * history, which a group makes one step) with one items-changed. */
void         copro_list_insert_many (CoproList   *self,
                                     guint        position,
                                     CoproRecord **items,
                                     guint        n_items);
/* Removes @n_items items from @position, with one items-changed. */
void         copro_list_remove_range (CoproList  *self,
                                      guint       position,
                                      guint       n_items);
/* Removes the @n_items @items (items of this list, in any order) with one
 * items-changed, from the first place one was to the end, as one step of
 * the history when the document has one. The history is told each
 * removal, from the last place to the first, as a loop of
 * copro_list_remove() from the end would; its undo puts them back in one
 * pass too. */
void         copro_list_remove_many (CoproList   *self,
                                     CoproRecord **items,
                                     guint        n_items);
void         copro_list_move       (CoproList   *self,
                                    guint        from,
                                    guint        to);
void         copro_list_remove_all (CoproList   *self);
gboolean     copro_list_find       (CoproList   *self,
                                    CoproRecord *item,
                                    guint       *position);
CoproRecord *copro_list_find_by_id (CoproList   *self,
                                    const char  *id);
/* Sets the field @key of each of @n_items @items (items of this list) to
 * @value, a value of the field's property type (a string for text, dates,
 * enumerations and references, NULL or empty to clear those that may be
 * unset). When the list's document has a history, it is one step, which one
 * undo takes back, and views that wait for the history's "batch-finished"
 * take the changes in at once. */
void         copro_list_set_field_many (CoproList    *self,
                                        CoproRecord **items,
                                        guint         n_items,
                                        const char   *key,
                                        const GValue *value);
/* Appends a new, empty item with a fresh id and returns it (owned by the list). */
CoproRecord *copro_list_add_new    (CoproList   *self);

G_END_DECLS
