/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-checks.h"

G_BEGIN_DECLS

/* CoproChecksPanel: the findings of the checks, problems first, in a list
 * view, each with why its rule matters. Activating one
 * emits "finding-activated" with the record and the field it is about, and
 * every record it concerns (a rule many partners break is one finding). */
#define COPRO_TYPE_CHECKS_PANEL (copro_checks_panel_get_type ())
G_DECLARE_FINAL_TYPE (CoproChecksPanel, copro_checks_panel, COPRO, CHECKS_PANEL, GtkWidget)

GtkWidget  *copro_checks_panel_new            (const char       *title,
                                               const char       *guidance);
/* @findings: from copro_checks_run(); the panel keeps what it needs. */
void        copro_checks_panel_set_findings   (CoproChecksPanel *self,
                                               GPtrArray        *findings);
guint       copro_checks_panel_get_n_findings (CoproChecksPanel *self);
guint       copro_checks_panel_get_n_problems (CoproChecksPanel *self);
/* The message of the finding at @position (for tests). */
const char *copro_checks_panel_get_message    (CoproChecksPanel *self,
                                               guint             position);
/* Why the rule of the finding at @position matters: the toolkit's rule in
 * our words, shown beneath its message (for tests). */
const char *copro_checks_panel_get_why        (CoproChecksPanel *self,
                                               guint             position);
/* As activating the finding's row does. */
void        copro_checks_panel_activate       (CoproChecksPanel *self,
                                               guint             position);

G_END_DECLS
