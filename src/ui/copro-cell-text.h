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
 * accessible label.
 */
#define COPRO_TYPE_CELL_TEXT (copro_cell_text_get_type ())
G_DECLARE_FINAL_TYPE (CoproCellText, copro_cell_text, COPRO, CELL_TEXT, GtkWidget)

GtkWidget  *copro_cell_text_new      (float          xalign);
void        copro_cell_text_set_text (CoproCellText *self,
                                      const char    *text);
const char *copro_cell_text_get_text (CoproCellText *self);

/* Draws @text on one line of @widget, ended with "…" when it is wider
 * than @width, at @x and centred in @height, placed across the room left
 * by @xalign (mirrored right to left), in @color. @layout keeps the text
 * laid out for the next time (set it to NULL when the text changes). */
void        copro_cell_text_draw     (GtkWidget     *widget,
                                      GtkSnapshot   *snapshot,
                                      PangoLayout  **layout,
                                      const char    *text,
                                      float          xalign,
                                      int            x,
                                      int            width,
                                      int            height,
                                      const GdkRGBA *color);

G_END_DECLS
