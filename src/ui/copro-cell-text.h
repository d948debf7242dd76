/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * CoproCellText: one line of text in a cell of the partner register, ended
 * with "…" when it does not fit. GTK 4.8's column view makes about 200 rows
 * whatever the window's height, and binds and measures them all after each
 * sort or search; a GtkLabel lays its text out to be measured, which at
 * eight columns cost most of the time to show a sorted or searched register
 * of 100,000 partners (bench/copro-bench-register.c). This cell measures
 * from the font's height alone and lays its text out only when it is drawn
 * inside the visible part of the list. Screen readers get the text as the
 * cell's accessible label.
 */
#define COPRO_TYPE_CELL_TEXT (copro_cell_text_get_type ())
G_DECLARE_FINAL_TYPE (CoproCellText, copro_cell_text, COPRO, CELL_TEXT, GtkWidget)

GtkWidget  *copro_cell_text_new      (float          xalign);
/* A cell of its own in a grid (a "grid cell" to assistive technology),
 * not the text inside one. */
GtkWidget  *copro_cell_text_new_cell (float          xalign);
void        copro_cell_text_set_text (CoproCellText *self,
                                      const char    *text);
const char *copro_cell_text_get_text (CoproCellText *self);

G_END_DECLS
