/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* CoproTextView: a GtkTextView for long answers in a form row, which grows
 * and shrinks with its content as the width changes. (GtkTextView measures
 * its height at the width it had, not the width it gets, so on its own it
 * can stay too short or too tall after a resize.) */
#define COPRO_TYPE_TEXT_VIEW (copro_text_view_get_type ())
G_DECLARE_FINAL_TYPE (CoproTextView, copro_text_view, COPRO, TEXT_VIEW, GtkTextView)

GtkWidget *copro_text_view_new (void);

G_END_DECLS
