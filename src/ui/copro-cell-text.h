/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * CoproCellText: one line of text in a cell of the partner register, ended
 * with "…" when it does not fit. A GtkLabel lays its text out to be
 * measured, which for the register's cells cost most of the time to show a
 * sorted or searched register (bench/copro-bench-register.c, when GTK's
 * column view made about 200 rows). This cell measures from the font's
 * height alone and lays its text out only when it is drawn inside the
 * visible part of the list. Screen readers get the text as the cell's
 * accessible label; copro_cell_text_new_cell() makes one that is itself a
 * grid cell.
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
