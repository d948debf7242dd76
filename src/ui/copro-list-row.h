/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * CoproListRow: the row of one item in a CoproListEditor, an expander whose
 * fields are built the first time it is opened (copro_list_row_populate()),
 * followed by Move Up, Move Down and Delete. Those buttons use the row's
 * actions (item.move-up, item.move-down, item.delete), which ask the list
 * editor around it (list-editor.move-item "(ui)", list-editor.delete-item
 * "u") with the row's place. Properties:
 *
 *   item           the CoproRecord shown (construct only)
 *   populated      whether its fields are built (read only)
 *   can-move-up    whether Move Up is enabled
 *   can-move-down  whether Move Down is enabled
 *   badge          the text of a badge beside the title (NULL: none)
 */
#define COPRO_TYPE_LIST_ROW (copro_list_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproListRow, copro_list_row, COPRO, LIST_ROW, AdwExpanderRow)

GtkWidget   *copro_list_row_new               (CoproRecord  *item);
CoproRecord *copro_list_row_get_item          (CoproListRow *self);
gboolean     copro_list_row_get_populated     (CoproListRow *self);
void         copro_list_row_populate          (CoproListRow *self);
void         copro_list_row_set_can_move_up   (CoproListRow *self,
                                               gboolean      can_move_up);
void         copro_list_row_set_can_move_down (CoproListRow *self,
                                               gboolean      can_move_down);
const char  *copro_list_row_get_badge         (CoproListRow *self);
/* @css_class: a style for the badge (e.g. "risk-high"), or NULL. */
void         copro_list_row_set_badge         (CoproListRow *self,
                                               const char   *badge,
                                               const char   *css_class);
/* The title and subtitle; the subtitle and the badge (set first) also
 * describe the row to screen readers (its header, named by the title,
 * takes the focus). */
void         copro_list_row_describe          (CoproListRow *self,
                                               const char   *title,
                                               const char   *subtitle);
/* The Move Up (@delta < 0) or Move Down button. */
GtkWidget   *copro_list_row_get_move_button   (CoproListRow *self,
                                               int           delta);

G_END_DECLS
