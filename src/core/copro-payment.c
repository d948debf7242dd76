/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See copro-payment.h. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "copro-budget.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-payment.h"

CoproList *
copro_payments_get (CoproRecord *project)
{
  g_return_val_if_fail (COPRO_IS_RECORD (project), NULL);
  g_return_val_if_fail (copro_record_get_desc (project) == &copro_desc_project, NULL);

  return copro_record_get_list (copro_record_lookup (project, "plan.resources"), "payments");
}

gint64
copro_payments_sum_for_partner (CoproList  *payments,
                                const char *partner_id,
                                guint      *n_payments)
{
  guint partner = copro_record_desc_field_index (&copro_desc_payment, "partner");
  guint amount = copro_record_desc_field_index (&copro_desc_payment, "amount");
  guint n = copro_list_get_n_items (payments);
  gint64 total = 0;
  guint count = 0;

  g_return_val_if_fail (partner_id != NULL, 0);

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *payment = copro_list_get (payments, i);

      if (g_strcmp0 (copro_record_get_string_at (payment, partner), partner_id) == 0)
        {
          total += copro_record_get_money_at (payment, amount);
          count++;
        }
    }
  if (n_payments != NULL)
    *n_payments = count;
  return total;
}

guint
copro_payments_clear_personal (CoproList  *payments,
                               const char *partner_id)
{
  guint partner = copro_record_desc_field_index (&copro_desc_payment, "partner");
  guint note = copro_record_desc_field_index (&copro_desc_payment, "note");
  guint n = copro_list_get_n_items (payments);
  guint changed = 0;

  g_return_val_if_fail (partner_id != NULL, 0);

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *payment = copro_list_get (payments, i);

      if (g_strcmp0 (copro_record_get_string_at (payment, partner), partner_id) != 0 ||
          copro_text_is_blank (copro_record_get_string_at (payment, note)))
        continue;
      copro_record_set_string (payment, "note", "");
      changed++;
    }
  return changed;
}

gboolean
copro_payment_has_budget_line (CoproRecord *payment,
                               CoproList   *lines)
{
  const char *id;

  g_return_val_if_fail (COPRO_IS_RECORD (payment), FALSE);

  id = copro_record_get_string (payment, "budget_line");
  return id != NULL && copro_list_find_by_id (lines, id) != NULL;
}

char *
copro_payment_dup_title (CoproRecord *payment,
                         CoproList   *partners)
{
  const char *id;
  CoproRecord *partner;
  const char *who;
  g_autofree char *amount = NULL;
  gint64 pence;

  g_return_val_if_fail (COPRO_IS_RECORD (payment), NULL);

  id = copro_record_get_string (payment, "partner");
  partner = id != NULL && partners != NULL ? copro_list_find_by_id (partners, id) : NULL;
  pence = copro_record_get_money (payment, "amount");
  amount = copro_money_format (pence);
  if (partner != NULL)
    who = copro_partner_get_title (partner);
  else if (id != NULL)
    who = copro_partner_get_missing_title ();
  else
    /* TRANSLATORS: a payment with no partner chosen; %s is an amount such as £25.00 */
    return g_strdup_printf (_("A payment of %s"), amount);
  /* TRANSLATORS: a payment: an amount such as £25.00, and who was paid */
  return g_strdup_printf (_("%s to %s"), amount, who);
}
