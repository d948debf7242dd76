/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-document.h"
#include "copro-history.h"

G_BEGIN_DECLS

/*
 * CoproProjectView: the sections of one project — a sidebar that comes over
 * the panel on narrow windows (an AdwOverlaySplitView collapsed by an
 * AdwBreakpoint), one panel per section, undo and redo, and the checks,
 * rerun a moment after each change.
 *
 * Properties: "document", "editable", "show-sidebar", and the read-only
 * "section" and "collapsed".
 */
#define COPRO_TYPE_PROJECT_VIEW (copro_project_view_get_type ())
G_DECLARE_FINAL_TYPE (CoproProjectView, copro_project_view, COPRO, PROJECT_VIEW, GtkWidget)

/* Shows @document (NULL: nothing). The view keeps the document's history. */
void           copro_project_view_set_document   (CoproProjectView *self,
                                                  CoproDocument    *document);
CoproDocument *copro_project_view_get_document   (CoproProjectView *self);
CoproHistory  *copro_project_view_get_history    (CoproProjectView *self);
/* FALSE for a read-only project: every panel becomes insensitive. */
void           copro_project_view_set_editable   (CoproProjectView *self,
                                                  gboolean          editable);
gboolean       copro_project_view_get_editable   (CoproProjectView *self);
/* TRUE on a narrow window, where the sidebar comes over the panel. */
gboolean       copro_project_view_get_collapsed  (CoproProjectView *self);

/* Adds undo, redo, show-section, next-section, previous-section,
 * toggle-sidebar and find (the partner search, while the partners show)
 * to @map (the window's "win" actions). */
void           copro_project_view_install_actions (CoproProjectView *self,
                                                   GActionMap       *map);

gboolean       copro_project_view_show_section   (CoproProjectView *self,
                                                  const char       *name);
const char    *copro_project_view_get_section    (CoproProjectView *self);
GtkWidget     *copro_project_view_get_panel      (CoproProjectView *self,
                                                  const char       *name);
/* Goes to the section that shows @record and focuses its field @key. */
gboolean       copro_project_view_reveal         (CoproProjectView *self,
                                                  CoproRecord      *record,
                                                  const char       *key);
/* The number of problems the checks found (shown in the sidebar). */
guint          copro_project_view_get_n_problems (CoproProjectView *self);
/* Whether the focus can go into the panels (copro_window_show ()). */
void           copro_project_view_set_panels_can_focus (CoproProjectView *self,
                                                        gboolean          can_focus);
/* Runs the checks now rather than after the usual pause (for tests). */
void           copro_project_view_run_checks     (CoproProjectView *self);

G_END_DECLS
