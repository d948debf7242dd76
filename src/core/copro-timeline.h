/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "copro-document.h"
#include "copro-record.h"

G_BEGIN_DECLS

/*
 * The timeline: the project's activities on a time axis, one band per step
 * of the toolkit, each activity a bar from its start to its end date
 * coloured by the level of involvement it plans. Drawn with cairo and Pango
 * only, never GTK: the window's Review section, the printed plan and the
 * workbook draw the same picture.
 */

/* The height the timeline needs when drawn @width wide (device units). */
double  copro_timeline_get_height   (CoproDocument *document,
                                     double         width);
/* The tallest height up to @max_height at which the timeline drawn @width
 * wide can be cut between two rows, so that no row is cut through: its full
 * height if that fits. For a page that cannot hold it all. */
double  copro_timeline_fit_height   (CoproDocument *document,
                                     double         width,
                                     double         max_height);
/* Draws the timeline into the rectangle (0, 0, @width, @height) of @cr. */
void    copro_timeline_draw         (CoproDocument *document,
                                     cairo_t       *cr,
                                     double         width,
                                     double         height);
/* The same picture in words, translated, for its alternative text: what a
 * screen reader says for the widget and what the PDF gives as the figure's
 * alternative text. Never NULL. */
char   *copro_timeline_describe     (CoproDocument *document);

/* The same three for a project record that is not (or no longer) in a
 * document, e.g. the copy the workbook export works on in its thread. */
double  copro_timeline_get_height_for_project (CoproRecord *project,
                                               double       width);
void    copro_timeline_draw_project           (CoproRecord *project,
                                               cairo_t     *cr,
                                               double       width,
                                               double       height);
char   *copro_timeline_describe_project       (CoproRecord *project);

/* The timeline of @project as a PNG on white, @width pixels wide at its
 * height, or scaled down to @max_height pixels tall when it needs more. */
GBytes *copro_timeline_to_png                 (CoproRecord  *project,
                                               int           width,
                                               int           max_height,
                                               GError      **error);

G_END_DECLS
