/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The typed layer over the records (src/core/copro-partner.c, copro-risk.c,
 * copro-budget.c, copro-activity.c): each rule, both ways. */

#include "config.h"

#include "copro-activity.h"
#include "copro-budget.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-payment.h"
#include "copro-risk.h"
#include "copro-signoff.h"

static CoproRecord *
new_partner (const char *name,
             const char *organisation)
{
  CoproRecord *partner = copro_record_new (&copro_desc_partner);

  copro_record_set_string (partner, "name", name);
  copro_record_set_string (partner, "organisation", organisation);
  return partner;
}

static void
test_text_is_blank (void)
{
  g_assert_true (copro_text_is_blank (NULL));
  g_assert_true (copro_text_is_blank (""));
  g_assert_true (copro_text_is_blank (" \t\n\u00a0"));
  g_assert_false (copro_text_is_blank (" a "));
  g_assert_false (copro_text_is_blank ("é"));
}

static void
test_field_access_by_index (void)
{
  g_autoptr(CoproRecord) partner = new_partner ("Asha", "Carers Forum");
  guint name = copro_record_desc_field_index (&copro_desc_partner, "name");
  guint influence = copro_record_desc_field_index (&copro_desc_partner, "influence");
  guint rate = copro_record_desc_field_index (&copro_desc_partner, "remuneration_rate");
  guint needs = copro_record_desc_field_index (&copro_desc_partner, "access_needs");
  const char * const bsl[] = { "bsl", NULL };

  g_assert_cmpstr (copro_record_desc_find_field (&copro_desc_partner, "name")->key, ==,
                   copro_desc_partner.fields[name].key);
  g_assert_cmpstr (copro_record_get_string_at (partner, name), ==, "Asha");
  g_assert_cmpint (copro_record_get_int_at (partner, influence), ==, 0);
  copro_record_set_int (partner, "influence", 4);
  g_assert_cmpint (copro_record_get_int_at (partner, influence), ==, 4);
  copro_record_set_money (partner, "remuneration_rate", 2550);
  g_assert_cmpint (copro_record_get_money_at (partner, rate), ==, 2550);
  g_assert_null (copro_record_get_flags_at (partner, needs)[0]);
  copro_record_set_flags (partner, "access_needs", bsl);
  g_assert_cmpstr (copro_record_get_flags_at (partner, needs)[0], ==, "bsl");
}

static void
test_partner_title (void)
{
  g_autoptr(CoproRecord) both = new_partner ("Asha", "Carers Forum");
  g_autoptr(CoproRecord) name_only = new_partner ("Asha", " ");
  g_autoptr(CoproRecord) organisation_only = new_partner ("", "Carers Forum");
  g_autoptr(CoproRecord) neither = new_partner (" ", "");
  g_autofree char *full_both = copro_partner_dup_full_title (both);
  g_autofree char *full_name = copro_partner_dup_full_title (name_only);
  g_autofree char *full_organisation = copro_partner_dup_full_title (organisation_only);
  g_autofree char *full_neither = copro_partner_dup_full_title (neither);

  g_assert_cmpstr (copro_partner_get_title (both), ==, "Asha");
  g_assert_cmpstr (copro_partner_get_title (name_only), ==, "Asha");
  g_assert_cmpstr (copro_partner_get_title (organisation_only), ==, "Carers Forum");
  g_assert_cmpstr (copro_partner_get_title (neither), ==, "A partner with no name");

  g_assert_cmpstr (full_both, ==, "Asha, Carers Forum");
  g_assert_cmpstr (full_name, ==, "Asha");
  g_assert_cmpstr (full_organisation, ==, "Carers Forum");
  /* One wording for a partner with no name, in the short title and the full. */
  g_assert_cmpstr (full_neither, ==, copro_partner_get_title (neither));
  g_assert_cmpstr (copro_partner_get_missing_title (), ==, "A partner no longer in the register");
}

static void
test_partner_personal_details (void)
{
  g_autoptr(CoproRecord) partner = new_partner ("Asha", "");

  g_assert_false (copro_partner_holds_personal_details (partner));
  g_assert_false (copro_partner_has_contact_details (partner));
  copro_record_set_string (partner, "notes", "Prefers mornings");
  g_assert_true (copro_partner_holds_personal_details (partner));
  g_assert_false (copro_partner_has_contact_details (partner));
  copro_record_set_string (partner, "notes", "");
  copro_record_set_string (partner, "phone", "  ");
  g_assert_false (copro_partner_has_contact_details (partner));
  copro_record_set_string (partner, "phone", "01632 960000");
  g_assert_true (copro_partner_has_contact_details (partner));
  g_assert_true (copro_partner_holds_personal_details (partner));

  for (guint i = 0; i < G_N_ELEMENTS (copro_partner_personal_keys); i++)
    copro_record_set_string (partner, copro_partner_personal_keys[i], "");
  g_assert_false (copro_partner_holds_personal_details (partner));
}

static void
test_partner_review_due (void)
{
  g_autoptr(CoproRecord) partner = new_partner ("Asha", "");
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2026);

  g_assert_false (copro_partner_is_review_due_on (partner, &today));
  copro_record_set_string (partner, "review_date", "2026-06-14");
  g_assert_true (copro_partner_is_review_due_on (partner, &today));
  copro_record_set_string (partner, "review_date", "2026-06-15");
  g_assert_false (copro_partner_is_review_due_on (partner, &today));
  copro_record_set_string (partner, "review_date", "2025-12-31");
  g_assert_true (copro_partner_is_review_due_on (partner, &today));
  copro_record_set_string (partner, "review_date", "2027-01-01");
  g_assert_false (copro_partner_is_review_due_on (partner, &today));

  /* Today's date: long past, and far ahead. */
  copro_record_set_string (partner, "review_date", "2000-01-01");
  g_assert_true (copro_partner_is_review_due (partner));
  copro_record_set_string (partner, "review_date", "2999-01-01");
  g_assert_false (copro_partner_is_review_due (partner));
}

static void
test_partner_quadrant_and_sector (void)
{
  g_autoptr(CoproRecord) partner = new_partner ("Asha", "");

  g_assert_cmpint (copro_partner_get_quadrant (partner), ==, COPRO_QUADRANT_NONE);
  copro_record_set_int (partner, "influence", 5);
  g_assert_cmpint (copro_partner_get_quadrant (partner), ==, COPRO_QUADRANT_NONE);
  copro_record_set_int (partner, "interest", 1);
  g_assert_cmpint (copro_partner_get_quadrant (partner), ==, COPRO_QUADRANT_KEEP_SATISFIED);
  copro_record_set_int (partner, "interest", 3);
  g_assert_cmpint (copro_partner_get_quadrant (partner), ==, COPRO_QUADRANT_MANAGE_CLOSELY);
  copro_record_set_int (partner, "influence", 2);
  g_assert_cmpint (copro_partner_get_quadrant (partner), ==, COPRO_QUADRANT_KEEP_INFORMED);

  g_assert_false (copro_partner_is_service_user (partner));
  copro_record_set_string (partner, "sector", "carer");
  g_assert_true (copro_partner_is_service_user (partner));
  copro_record_set_string (partner, "sector", "lived-experience");
  g_assert_true (copro_partner_is_service_user (partner));
  copro_record_set_string (partner, "sector", "health-care");
  g_assert_false (copro_partner_is_service_user (partner));

  g_assert_false (copro_partner_is_withdrawn (partner));
  copro_record_set_string (partner, "status", "withdrawn");
  g_assert_true (copro_partner_is_withdrawn (partner));
}

static void
test_risk_score_and_band (void)
{
  g_autoptr(CoproRecord) risk = copro_record_new (&copro_desc_risk);

  g_assert_cmpint (copro_risk_get_score (risk), ==, 0);
  g_assert_cmpint (copro_risk_get_band (risk), ==, COPRO_RISK_BAND_NONE);
  g_assert_null (copro_risk_band_get_label (COPRO_RISK_BAND_NONE));
  copro_record_set_int (risk, "likelihood", 3);
  g_assert_cmpint (copro_risk_get_score (risk), ==, 0);
  g_assert_cmpint (copro_risk_get_band (risk), ==, COPRO_RISK_BAND_NONE);
  copro_record_set_int (risk, "impact", 2);
  g_assert_cmpint (copro_risk_get_score (risk), ==, 6);
  g_assert_cmpint (copro_risk_get_band (risk), ==, COPRO_RISK_BAND_LOW);
  copro_record_set_int (risk, "impact", 3);
  g_assert_cmpint (copro_risk_get_band (risk), ==, COPRO_RISK_BAND_MEDIUM);
  copro_record_set_int (risk, "impact", 5);
  g_assert_cmpint (copro_risk_get_score (risk), ==, 15);
  g_assert_cmpint (copro_risk_get_band (risk), ==, COPRO_RISK_BAND_HIGH);
  g_assert_cmpstr (copro_risk_band_get_label (COPRO_RISK_BAND_HIGH), ==, "High");

  g_assert_cmpint (copro_risk_band_for_score (COPRO_RISK_MEDIUM - 1), ==, COPRO_RISK_BAND_LOW);
  g_assert_cmpint (copro_risk_band_for_score (COPRO_RISK_MEDIUM), ==, COPRO_RISK_BAND_MEDIUM);
  g_assert_cmpint (copro_risk_band_for_score (COPRO_RISK_HIGH - 1), ==, COPRO_RISK_BAND_MEDIUM);

  g_assert_cmpstr (copro_risk_get_title (risk), ==, "A risk with no description");
  copro_record_set_string (risk, "description", "Venue not accessible");
  g_assert_cmpstr (copro_risk_get_title (risk), ==, "Venue not accessible");

  g_assert_true (copro_risk_is_open (risk));
  copro_record_set_string (risk, "status", "monitored");
  g_assert_true (copro_risk_is_open (risk));
  copro_record_set_string (risk, "status", "closed");
  g_assert_false (copro_risk_is_open (risk));
}

static void
test_budget (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproList *lines = copro_budget_get_lines (project);
  const char * const heads[] = { "venue-hire", "payment-for-time" };
  const gint64 amounts[] = { 12000, 30050 };

  g_assert_nonnull (lines);
  g_assert_true (lines == copro_record_get_list (copro_record_lookup (project, "plan.resources"),
                                                 "budget_lines"));
  g_assert_cmpint (copro_budget_get_planned (lines), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      g_autoptr(CoproRecord) line = copro_record_new (&copro_desc_budget_line);

      copro_record_set_string (line, "cost_head", heads[i]);
      copro_record_set_money (line, "amount", amounts[i]);
      g_assert_cmpint (copro_budget_line_get_total (line), ==, amounts[i]);
      copro_list_append (lines, line);
    }
  g_assert_cmpint (copro_budget_get_planned (lines), ==, 42050);
  g_assert_true (copro_budget_line_pays_for (copro_list_get (lines, 1), "payment-for-time"));
  g_assert_false (copro_budget_line_pays_for (copro_list_get (lines, 0), "payment-for-time"));
}

static void
test_activity (void)
{
  g_autoptr(CoproRecord) activity = copro_record_new (&copro_desc_activity);
  CoproList *feedback = copro_record_get_list (activity, "feedback");
  const char * const statuses[] = { NULL, "open", "done", "not-possible" };

  g_assert_cmpstr (copro_activity_get_title (activity), ==, "An untitled activity");
  copro_record_set_string (activity, "title", "Listening event");
  g_assert_cmpstr (copro_activity_get_title (activity), ==, "Listening event");

  g_assert_cmpuint (copro_activity_count_open_feedback (activity), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(CoproRecord) item = copro_record_new (&copro_desc_feedback);

      copro_record_set_string (item, "status", statuses[i]);
      copro_list_append (feedback, item);
    }
  /* No status yet counts as open. */
  g_assert_cmpuint (copro_activity_count_open_feedback (activity), ==, 2);

  g_assert_false (copro_activity_is_below_plan (activity));
  copro_record_set_string (activity, "level_planned", "engage");
  g_assert_false (copro_activity_is_below_plan (activity));
  copro_record_set_string (activity, "level_achieved", "inform");
  g_assert_true (copro_activity_is_below_plan (activity));
  copro_record_set_string (activity, "level_achieved", "engage");
  g_assert_false (copro_activity_is_below_plan (activity));
  copro_record_set_string (activity, "level_achieved", "co-design");
  g_assert_false (copro_activity_is_below_plan (activity));
}

static void
test_access_needs_met (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  CoproRecord *line = copro_list_add_new (copro_budget_get_lines (project));
  const char *loop[] = { "hearing-loop", NULL };

  /* An activity: what it ticks; "other" needs by any adjustment written. */
  g_assert_false (copro_activity_provides_for (activity, "hearing-loop"));
  g_assert_false (copro_activity_provides_for (activity, "other"));
  copro_record_set_flags (activity, "access_provided", loop);
  g_assert_true (copro_activity_provides_for (activity, "hearing-loop"));
  g_assert_false (copro_activity_provides_for (activity, "bsl"));
  copro_record_set_string (activity, "adjustments", "Quiet room");
  g_assert_true (copro_activity_provides_for (activity, "other"));
  g_assert_false (copro_activity_provides_for (activity, "step-free"));

  /* A budget line: what it ticks, or what its cost head implies. */
  copro_record_set_string (line, "cost_head", "venue-hire");
  g_assert_false (copro_budget_line_meets_need (line, "bsl"));
  copro_record_set_flags (line, "access_needs", loop);
  g_assert_true (copro_budget_line_meets_need (line, "hearing-loop"));
  copro_record_set_string (line, "cost_head", "translation");
  g_assert_true (copro_budget_line_meets_need (line, "bsl"));
  g_assert_true (copro_budget_line_meets_need (line, "translation"));
  g_assert_false (copro_budget_line_meets_need (line, "easy-read"));
  copro_record_set_string (line, "cost_head", "accessible-formats");
  g_assert_true (copro_budget_line_meets_need (line, "easy-read"));
  g_assert_true (copro_budget_line_meets_need (line, "large-print"));
  g_assert_false (copro_budget_line_meets_need (line, "bsl"));
}

static void
test_signoff_sought (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproRecord *signoff = copro_record_get_record (project, "signoff");
  CoproRecord *approval;

  g_assert_false (copro_signoff_is_sought (project));
  copro_record_set_string (signoff, "requested", "2027-01-15");
  g_assert_true (copro_signoff_is_sought (project));
  copro_record_set_string (signoff, "requested", NULL);
  g_assert_false (copro_signoff_is_sought (project));
  approval = copro_list_add_new (copro_record_get_list (project, "approvals"));
  copro_record_set_string (approval, "decision", "deferred");
  g_assert_true (copro_signoff_is_sought (project));
}

static CoproRecord *
add_payment (CoproRecord *project,
             CoproRecord *line,
             gint64       pence)
{
  CoproRecord *payment = copro_list_add_new (copro_payments_get (project));

  copro_record_set_money (payment, "amount", pence);
  if (line != NULL)
    copro_record_set_string (payment, "budget_line", copro_record_get_id (line));
  return payment;
}

/* Planned against spent: each payment counts on the line it names; one on
 * no line, or on a line since removed, counts as unassigned. */
static void
test_budget_spent (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproList *lines = copro_budget_get_lines (project);
  CoproRecord *venue = copro_list_add_new (lines);
  CoproRecord *time = copro_list_add_new (lines);
  g_autoptr(CoproBudgetSpending) empty = copro_budget_spending_new (project);
  g_autoptr(CoproBudgetSpending) spending = NULL;
  CoproRecord *gone;
  g_autofree char *big = NULL;
  g_autofree char *small = NULL;

  copro_record_set_money (venue, "amount", 10000);
  copro_record_set_money (time, "amount", 5000);
  g_assert_cmpuint (empty->n_lines, ==, 2);
  g_assert_cmpint (empty->spent[0], ==, 0);
  g_assert_cmpint (empty->total_spent, ==, 0);

  add_payment (project, time, 2500);
  add_payment (project, time, 3000);
  add_payment (project, venue, 1234);
  add_payment (project, NULL, 700);
  gone = copro_list_add_new (lines);
  add_payment (project, gone, 50);
  copro_list_remove (lines, 2);

  spending = copro_budget_spending_new (project);
  g_assert_cmpuint (spending->n_lines, ==, 2);
  g_assert_cmpint (spending->planned, ==, 15000);
  g_assert_cmpint (spending->spent[0], ==, 1234);
  g_assert_cmpint (spending->spent[1], ==, 5500);
  g_assert_cmpint (spending->unassigned, ==, 750);
  g_assert_cmpuint (spending->n_unassigned, ==, 2);
  g_assert_cmpint (spending->total_spent, ==, 1234 + 5500 + 750);
  g_assert_cmpint (copro_budget_line_get_spent (project, time), ==, 5500);
  g_assert_cmpint (copro_budget_line_get_spent (project, venue), ==, 1234);

  big = copro_money_format (123456789);
  small = copro_money_format (5);
  g_assert_cmpstr (big, ==, "£1,234,567.89");
  g_assert_cmpstr (small, ==, "£0.05");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copro/domain/text-is-blank", test_text_is_blank);
  g_test_add_func ("/copro/domain/field-access-by-index", test_field_access_by_index);
  g_test_add_func ("/copro/domain/partner-title", test_partner_title);
  g_test_add_func ("/copro/domain/partner-personal-details", test_partner_personal_details);
  g_test_add_func ("/copro/domain/partner-review-due", test_partner_review_due);
  g_test_add_func ("/copro/domain/partner-quadrant-and-sector", test_partner_quadrant_and_sector);
  g_test_add_func ("/copro/domain/risk-score-and-band", test_risk_score_and_band);
  g_test_add_func ("/copro/domain/budget", test_budget);
  g_test_add_func ("/copro/domain/activity", test_activity);
  g_test_add_func ("/copro/domain/access-needs-met", test_access_needs_met);
  g_test_add_func ("/copro/domain/signoff-sought", test_signoff_sought);
  g_test_add_func ("/copro/domain/budget-spent", test_budget_spent);

  return g_test_run ();
}
