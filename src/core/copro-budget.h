/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * The budget: the lines of the plan's resources (records of
 * copro_desc_budget_line) and what they add up to, the same in the window's
 * total, the workbook's Budget and Sign-off sheets and the checks.
 *
 * The plan records what is planned only: there is no field for what has been
 * spent, so a line's total is its amount.
 */

/* A line's total, in pence. */
gint64      copro_budget_line_get_total   (CoproRecord *line);
/* The lines of @project's budget. */
CoproList  *copro_budget_get_lines        (CoproRecord *project);
/* What @lines (a project's budget lines) plan to spend, in pence. */
gint64      copro_budget_get_planned      (CoproList   *lines);
/* Whether a line pays for @cost_head, a key of copro_enum_cost_head. */
gboolean    copro_budget_line_pays_for    (CoproRecord *line,
                                           const char  *cost_head);
/* Whether a line pays for meeting @need, a key of copro_enum_access_need:
 * ticked among the needs it pays for, or implied by its cost head
 * (interpreting and translation for a British Sign Language interpreter or a
 * translation, accessible formats for large print and easy read). */
gboolean    copro_budget_line_meets_need  (CoproRecord *line,
                                           const char  *need);

G_END_DECLS
