/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* CoproPanel: one section of the project, as a scrolling page: a heading,
 * a short guidance text, then groups of rows (record forms, list editors).
 * Properties: title, overline (the part the section belongs to, or NULL),
 * guidance (or NULL), editable (the groups are insensitive when FALSE). */
#define COPRO_TYPE_PANEL (copro_panel_get_type ())
G_DECLARE_FINAL_TYPE (CoproPanel, copro_panel, COPRO, PANEL, GtkWidget)

/* @overline: the part the section belongs to (e.g. "Plan"), or NULL. */
GtkWidget  *copro_panel_new          (const char *title,
                                      const char *overline,
                                      const char *guidance);
/* Makes a group of the panel (a record form, a list editor). */
typedef GtkWidget *(*CoproPanelGroupFunc) (gpointer data);
/* Adds the group @func will make: at once while the panel has fewer than
 * two groups, otherwise just after the panel's first frame is drawn (the
 * main loop's next idle), so that a section is shown as soon as what is in
 * sight is ready. Groups keep the order they were added in. @destroy frees
 * @data once the group is made, or with the panel. */
void        copro_panel_add_group    (CoproPanel          *self,
                                      CoproPanelGroupFunc  func,
                                      gpointer             data,
                                      GDestroyNotify       destroy);
/* Makes the groups still waiting for the first frame now: for anything
 * that looks for a field's widget. */
void        copro_panel_build_pending (CoproPanel *self);
gboolean    copro_panel_has_pending  (CoproPanel *self);
/* The widget that holds the groups: insensitive when the project is read-only. */
GtkWidget  *copro_panel_get_content  (CoproPanel *self);
const char *copro_panel_get_title    (CoproPanel *self);
void        copro_panel_set_title    (CoproPanel *self,
                                      const char *title);
const char *copro_panel_get_overline (CoproPanel *self);
void        copro_panel_set_overline (CoproPanel *self,
                                      const char *overline);
const char *copro_panel_get_guidance (CoproPanel *self);
void        copro_panel_set_guidance (CoproPanel *self,
                                      const char *guidance);
gboolean    copro_panel_get_editable (CoproPanel *self);
void        copro_panel_set_editable (CoproPanel *self,
                                      gboolean    editable);

/* The pieces every section's page is made of, for pages that are not a
 * CoproPanel (the checks, the partners): the width they keep to, and the
 * overline (may be NULL), heading and guidance (may be NULL) above them. */
GtkWidget  *copro_panel_clamp_new    (void);
GtkWidget  *copro_panel_header_new   (const char *overline,
                                      const char *title,
                                      const char *guidance);

/* Shows @toast (taking it) in the toast overlay around @widget; FALSE, and
 * the toast dropped, when there is none. Works around libadwaita 1.2 naming
 * the toast's button twice ("Undo Undo") for screen readers. */
gboolean    copro_show_toast         (GtkWidget  *widget,
                                      AdwToast   *toast);
/* A scrolled window that screen readers know by @name. GTK 4.18 gives a
 * scrolled window the generic role, which may not carry a name (its label
 * is dropped): this one is made a group, still a scroll pane over AT-SPI. */
GtkWidget  *copro_scrolled_window_new_named (const char *name);
/* Names the scrolled window inside @widget (an AdwStatusPage, say), which
 * libadwaita leaves nameless for screen readers. */
void        copro_name_scrolled_window (GtkWidget  *widget,
                                        const char *name);

G_END_DECLS
