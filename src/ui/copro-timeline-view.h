/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "copro-record.h"

G_BEGIN_DECLS

/* CoproTimelineView: the timeline of a project's activities on screen, drawn
 * by the core (copro-timeline.h) on white, as tall as its width needs. It
 * follows the project: adding, removing or moving an activity, or changing
 * its title, dates, step or planned level, redraws it. An image to assistive
 * technology: its accessible name is "Timeline of the activities" and its
 * description the core's description in words. */
#define COPRO_TYPE_TIMELINE_VIEW (copro_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (CoproTimelineView, copro_timeline_view, COPRO, TIMELINE_VIEW, GtkWidget)

GtkWidget   *copro_timeline_view_new         (CoproRecord       *project);
CoproRecord *copro_timeline_view_get_project (CoproTimelineView *self);
void         copro_timeline_view_set_project (CoproTimelineView *self,
                                              CoproRecord       *project);
/* The description given to assistive technology, as it is now. */
const char  *copro_timeline_view_get_description (CoproTimelineView *self);

G_END_DECLS
