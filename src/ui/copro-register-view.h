/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "copro-model.h"

G_BEGIN_DECLS

/*
 * CoproRegisterView: the rows of the partner register, a grid of columns
 * over a GtkSelectionModel of partners, that makes widgets only for the
 * rows in sight (about 25 in a window of ordinary height, whatever the
 * number of partners) and keeps a row's widgets while its partner stays in
 * sight. Each row is a "row" and each cell a "grid cell" to assistive
 * technology, inside a "grid" that knows how many rows there are; the
 * column headings are a row of their own. From the keyboard: the arrows,
 * Page Up, Page Down, Home and End move through the rows (with Shift
 * selecting as they go, with Ctrl without changing the selection), Left
 * and Right scroll the columns into view, Space selects, Ctrl+A selects all
 * and Enter activates.
 *
 * Signals: "activate" (the position activated: Enter, or a double click)
 * and "sort-changed" (a column heading chosen).
 */
#define COPRO_TYPE_REGISTER_VIEW (copro_register_view_get_type ())
G_DECLARE_FINAL_TYPE (CoproRegisterView, copro_register_view, COPRO, REGISTER_VIEW, GtkWidget)

typedef struct
{
  const char *key;     /* a partner field, or "last_contact" */
  const char *title;   /* N_() */
  int         width;   /* pixels: the cells do not measure their text */
  gboolean    expand;  /* takes a share of the room left over */
} CoproRegisterColumn;

void               copro_register_view_set_columns        (CoproRegisterView         *self,
                                                           const CoproRegisterColumn *columns,
                                                           guint                      n_columns);
GtkSelectionModel *copro_register_view_get_model          (CoproRegisterView         *self);
void               copro_register_view_set_model          (CoproRegisterView         *self,
                                                           GtkSelectionModel         *model);
/* The column sorted by (-1: none) and whether it is in descending order. */
int                copro_register_view_get_sort_column    (CoproRegisterView         *self);
gboolean           copro_register_view_get_sort_descending (CoproRegisterView        *self);
void               copro_register_view_set_sort           (CoproRegisterView         *self,
                                                           int                        column,
                                                           gboolean                   descending);
/* Shows @partner again in the rows showing it; NULL, in every row. */
void               copro_register_view_update             (CoproRegisterView         *self,
                                                           CoproRecord               *partner);
/* Moves the keyboard's place to @position and scrolls to it. */
void               copro_register_view_scroll_to          (CoproRegisterView         *self,
                                                           guint                      position);
/* The row widget showing @position, or NULL when none is made. */
GtkWidget         *copro_register_view_get_row            (CoproRegisterView         *self,
                                                           guint                      position);
/* The text the row showing @partner draws in its @column-th cell (from 0),
 * or NULL when no row shows it or the cell is a widget of its own (the
 * name's); for tests. */
const char        *copro_register_view_get_cell_text      (CoproRegisterView         *self,
                                                           CoproRecord               *partner,
                                                           guint                      column);
/* How many row widgets are made (for tests and the benchmark). */
guint              copro_register_view_get_n_rows_made    (CoproRegisterView         *self);

G_END_DECLS
