/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * The budget: the lines of the plan's resources (records of
 * copro_desc_budget_line) and what they add up to, the same in the window's
 * total, the workbook's Budget and Sign-off sheets and the checks.
 *
 * A line's total is its amount, what is planned. What has been spent is the
 * sum of the payments (copro-payment.h) that name the line.
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

/* What has been spent, from @project's payments: spent[i] for the line at
 * position i of copro_budget_get_lines(); a payment naming no line, or a
 * line no longer in the budget, counts in @unassigned. Returns a new array of
 * as many entries as there are lines (NULL when there are none). */
typedef struct
{
  gint64 *spent;
  guint   n_lines;
  gint64  planned;      /* every line's total */
  gint64  total_spent;  /* every payment, on a line or not */
  gint64  unassigned;   /* payments on no line of the budget */
  guint   n_unassigned;
} CoproBudgetSpending;

CoproBudgetSpending *copro_budget_spending_new  (CoproRecord         *project);
void                 copro_budget_spending_free (CoproBudgetSpending *spending);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoproBudgetSpending, copro_budget_spending_free)

/* What the payments naming @line add up to, in pence. */
gint64      copro_budget_line_get_spent   (CoproRecord *project,
                                           CoproRecord *line);

/* Pence as people read them: “£1,234.56”, the same in every locale. */
char       *copro_money_format            (gint64       pence);

G_END_DECLS
