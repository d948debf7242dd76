/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See copro-budget.h. */

#include "config.h"

#include <string.h>

#include "copro-budget.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-payment.h"

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

CoproBudgetSpending *
copro_budget_spending_new (CoproRecord *project)
{
  CoproList *lines = copro_budget_get_lines (project);
  CoproList *payments = copro_payments_get (project);
  guint line_field = copro_record_desc_field_index (&copro_desc_payment, "budget_line");
  guint amount_field = copro_record_desc_field_index (&copro_desc_payment, "amount");
  g_autoptr(GHashTable) positions = NULL;
  CoproBudgetSpending *spending = g_new0 (CoproBudgetSpending, 1);
  guint n;

  spending->n_lines = copro_list_get_n_items (lines);
  spending->spent = g_new0 (gint64, MAX (spending->n_lines, 1));
  spending->planned = copro_budget_get_planned (lines);
  /* Ids are compared as written: the document keeps them as they were read. */
  positions = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < spending->n_lines; i++)
    {
      const char *id = copro_record_get_id (copro_list_get (lines, i));

      if (id != NULL)
        g_hash_table_insert (positions, (gpointer) id, GUINT_TO_POINTER (i + 1));
    }

  n = copro_list_get_n_items (payments);
  for (guint i = 0; i < n; i++)
    {
      CoproRecord *payment = copro_list_get (payments, i);
      const char *id = copro_record_get_string_at (payment, line_field);
      gint64 amount = copro_record_get_money_at (payment, amount_field);
      guint position = id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (positions, id)) : 0;

      spending->total_spent += amount;
      if (position > 0)
        spending->spent[position - 1] += amount;
      else
        {
          spending->unassigned += amount;
          spending->n_unassigned++;
        }
    }
  return spending;
}

void
copro_budget_spending_free (CoproBudgetSpending *spending)
{
  if (spending == NULL)
    return;
  g_free (spending->spent);
  g_free (spending);
}

gint64
copro_budget_line_get_spent (CoproRecord *project,
                             CoproRecord *line)
{
  CoproList *payments;
  guint line_field, amount_field, n;
  const char *id;
  gint64 total = 0;

  CHECK_LINE (line, 0);
  g_return_val_if_fail (COPRO_IS_RECORD (project), 0);

  payments = copro_payments_get (project);
  line_field = copro_record_desc_field_index (&copro_desc_payment, "budget_line");
  amount_field = copro_record_desc_field_index (&copro_desc_payment, "amount");
  id = copro_record_get_id (line);
  n = copro_list_get_n_items (payments);
  for (guint i = 0; i < n && id != NULL; i++)
    {
      CoproRecord *payment = copro_list_get (payments, i);

      if (g_strcmp0 (copro_record_get_string_at (payment, line_field), id) == 0)
        total += copro_record_get_money_at (payment, amount_field);
    }
  return total;
}

char *
copro_money_format (gint64 pence)
{
  GString *out = g_string_new ("£");
  g_autofree char *pounds = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (pence) / 100);
  gsize len = strlen (pounds);

  if (pence < 0)
    g_string_prepend_c (out, '-');
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, pounds[i]);
    }
  g_string_append_printf (out, ".%02d", (int) (ABS (pence) % 100));
  return g_string_free (out, FALSE);
}
