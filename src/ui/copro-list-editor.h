/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-list.h"

G_BEGIN_DECLS

/*
 * CoproListEditor: a group showing the items of a CoproList, one expandable
 * row each (its fields appear, as a CoproRecordForm's rows, when opened),
 * with Add, Delete (and an "Undo" toast), Move Up and Move Down. Budget
 * lines show a live total; risks show their score and band. A widget per
 * item: for the lists of a plan, not for the partner register (a list view).
 */
#define COPRO_TYPE_LIST_EDITOR (copro_list_editor_get_type ())
G_DECLARE_FINAL_TYPE (CoproListEditor, copro_list_editor, COPRO, LIST_EDITOR, AdwPreferencesGroup)

GtkWidget   *copro_list_editor_new          (CoproList       *list,
                                             const char      *title);
CoproList   *copro_list_editor_get_list     (CoproListEditor *self);
/* Adds an item at the end, opens it and focuses its first field. */
CoproRecord *copro_list_editor_add          (CoproListEditor *self);
/* Deletes the item at @position and offers to undo it in a toast. */
void         copro_list_editor_delete       (CoproListEditor *self,
                                             guint            position);
/* Moves the item at @position by @delta places (-1 up, +1 down). */
void         copro_list_editor_move         (CoproListEditor *self,
                                             guint            position,
                                             int              delta);
/* The row of the item at @position, opened (its fields built) if @open. */
GtkWidget   *copro_list_editor_get_row      (CoproListEditor *self,
                                             guint            position,
                                             gboolean         open);
/* The line under the list: the budget total, or the risks by band. */
const char  *copro_list_editor_get_summary  (CoproListEditor *self);

/* Finds the widget of @record's field @key below @root, opening the list
 * items on the way, and gives it the keyboard focus. */
GtkWidget   *copro_list_editor_reveal       (GtkWidget       *root,
                                             CoproRecord     *record,
                                             const char      *key);

/* A risk's band (copro_risk_get_band()), translated, with the style class
 * of its badge. @css_class may be NULL. Unscored risks give NULL. */
const char  *copro_risk_band                (CoproRecord     *risk,
                                             int             *score,
                                             const char     **css_class);

G_END_DECLS
