/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * Payments for time and expenses claimed (records of copro_desc_payment, in
 * the list "payments" of the plan's resources): who was paid, for which
 * activity, how much (pence), when, how, and from which budget line.
 *
 * Payments are personal data. Removing a partner's personal details clears
 * the note of each of their payments (it may hold bank or personal details)
 * but keeps the partner link, the amounts, dates, methods and budget lines:
 * the partner record stays, with its name, as the rest of that tool leaves
 * it, and the budget must still add up. The workbook shows payments per
 * person only when personal details are included.
 */

/* The payments of @project's resources. */
CoproList   *copro_payments_get              (CoproRecord *project);
/* The sum of the payments to the partner with id @partner_id, in pence,
 * and (@n_payments, may be NULL) how many name them: one pass for both. */
gint64       copro_payments_sum_for_partner  (CoproList   *payments,
                                              const char  *partner_id,
                                              guint       *n_payments);
/* Clears what identifies the person in each payment to @partner_id (the
 * note); returns how many payments changed. */
guint        copro_payments_clear_personal   (CoproList   *payments,
                                              const char  *partner_id);
/* Whether the budget line a payment names is set and in @lines. */
gboolean     copro_payment_has_budget_line   (CoproRecord *payment,
                                              CoproList   *lines);
/* “A payment of £25.00” or, naming the partner, how a list shows it; the
 * partner's title, or that it is no longer in the register. Owned by the
 * caller. */
char        *copro_payment_dup_title         (CoproRecord *payment,
                                              CoproList   *partners);

G_END_DECLS
