/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See copro-budget.h. */

#include "config.h"

#include "copro-budget.h"
#include "copro-list.h"
#include "copro-model.h"

#define CHECK_LINE(line, fail) \
  G_STMT_START { \
    g_return_val_if_fail (COPRO_IS_RECORD (line), fail); \
    g_return_val_if_fail (copro_record_get_desc (line) == &copro_desc_budget_line, fail); \
  } G_STMT_END

gint64
copro_budget_line_get_total (CoproRecord *line)
{
  CHECK_LINE (line, 0);

  return copro_record_get_money (line, "amount");
}

CoproList *
copro_budget_get_lines (CoproRecord *project)
{
  g_return_val_if_fail (COPRO_IS_RECORD (project), NULL);
  g_return_val_if_fail (copro_record_get_desc (project) == &copro_desc_project, NULL);

  return copro_record_get_list (copro_record_lookup (project, "plan.resources"), "budget_lines");
}

gint64
copro_budget_get_planned (CoproList *lines)
{
  gint64 total = 0;
  guint n;

  g_return_val_if_fail (lines != NULL, 0);

  n = copro_list_get_n_items (lines);
  for (guint i = 0; i < n; i++)
    total += copro_budget_line_get_total (copro_list_get (lines, i));
  return total;
}

gboolean
copro_budget_line_pays_for (CoproRecord *line,
                            const char  *cost_head)
{
  CHECK_LINE (line, FALSE);

  return g_strcmp0 (copro_record_get_string (line, "cost_head"), cost_head) == 0;
}

static gboolean
flags_contain (const char * const *flags,
               const char         *key)
{
  return flags != NULL && g_strv_contains (flags, key);
}

gboolean
copro_budget_line_meets_need (CoproRecord *line,
                              const char  *need)
{
  static const struct { const char *cost_head; const char *need; } implied[] = {
    { "translation",        "bsl" },
    { "translation",        "translation" },
    { "accessible-formats", "large-print" },
    { "accessible-formats", "easy-read" },
  };

  CHECK_LINE (line, FALSE);
  g_return_val_if_fail (need != NULL, FALSE);

  if (flags_contain (copro_record_get_flags (line, "access_needs"), need))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (implied); i++)
    if (g_str_equal (implied[i].need, need) && copro_budget_line_pays_for (line, implied[i].cost_head))
      return TRUE;
  return FALSE;
}
