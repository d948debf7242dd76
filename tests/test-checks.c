/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every check, shown firing on a plan that breaks it and quiet on one that
 * keeps it. The date is fixed so the tests do not depend on the calendar. */

#include "config.h"

#include <string.h>

#include "copro-checks.h"
#include "copro-list.h"
#include "copro-model.h"

static GDate today;

/* A project that passes every check. */
static CoproRecord *
make_good_project (void)
{
  CoproRecord *project = copro_record_new (&copro_desc_project);
  CoproRecord *overview = copro_record_get_record (project, "overview");
  CoproRecord *partner;

  copro_record_set_string (overview, "title", "Short breaks for carers");
  copro_record_set_string (overview, "start_date", "2027-01-04");
  copro_record_set_string (overview, "end_date", "2027-12-17");
  copro_record_set_string (overview, "target_level", "co-produce");
  copro_record_set_string (copro_record_lookup (project, "plan.outline"), "management_support", "confirmed");
  copro_record_set_string (copro_record_lookup (project, "plan.evaluation"), "impact_measures", "Carers’ wellbeing scores");
  for (guint i = 0; i < G_N_ELEMENTS (copro_principle_keys); i++)
    copro_record_set_string (copro_record_get_record (copro_record_lookup (project, "plan.principles"), copro_principle_keys[i]),
                             "how", "Agreed with the group");
  copro_record_set_string (copro_record_get_record (project, "terms_of_reference"), "review_date", "2027-06-01");

  partner = copro_list_add_new (copro_record_get_list (project, "partners"));
  copro_record_set_string (partner, "name", "Asha Patel");
  copro_record_set_string (partner, "email", "asha@example.org");
  copro_record_set_string (partner, "lawful_basis", "consent");
  copro_record_set_string (partner, "review_date", "2027-11-26");
  return project;
}

static GPtrArray *
run (CoproRecord *project)
{
  return copro_checks_run (project, &today);
}

static CoproFinding *
find (GPtrArray  *findings,
      const char *key)
{
  for (guint i = 0; i < findings->len; i++)
    {
      CoproFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (finding->check->key, key))
        return finding;
    }
  return NULL;
}

static guint
count (GPtrArray  *findings,
       const char *key)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((CoproFinding *) g_ptr_array_index (findings, i))->check->key, key))
      n++;
  return n;
}

static void
assert_finding (GPtrArray     *findings,
                const char    *key,
                CoproSeverity  severity,
                CoproRecord   *record,
                const char    *field,
                const char    *path)
{
  CoproFinding *finding = find (findings, key);

  g_assert_nonnull (finding);
  g_assert_cmpint (finding->check->severity, ==, severity);
  g_assert_true (finding->record == record);
  g_assert_cmpstr (finding->field, ==, field);
  g_assert_cmpstr (finding->path, ==, path);
  g_assert_true (g_str_has_suffix (finding->message, "."));
  g_assert_null (strchr (finding->message, '\n'));
}

static void
test_good_project_is_clean (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  g_autoptr(GPtrArray) findings = run (project);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("unexpected: %s", ((CoproFinding *) g_ptr_array_index (findings, i))->message);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_every_check_has_a_unique_key (void)
{
  guint n;
  const CoproCheckInfo *all = copro_checks_get_all (&n);

  g_assert_cmpuint (n, >=, 12);
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (all[i].key);
      g_assert_nonnull (all[i].summary);
      for (guint j = i + 1; j < n; j++)
        g_assert_cmpstr (all[i].key, !=, all[j].key);
    }
}

static void
test_title_missing (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *overview = copro_record_get_record (project, "overview");
  g_autoptr(GPtrArray) findings = NULL;

  copro_record_set_string (overview, "title", "   ");
  findings = run (project);
  assert_finding (findings, "title-missing", COPRO_SEVERITY_PROBLEM, overview, "title", "overview.title");
}

static void
test_timescale (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *overview = copro_record_get_record (project, "overview");
  g_autoptr(GPtrArray) short_plan = NULL;
  g_autoptr(GPtrArray) exactly_six = NULL;
  g_autoptr(GPtrArray) reversed = NULL;

  copro_record_set_string (overview, "end_date", "2027-07-03");
  short_plan = run (project);
  assert_finding (short_plan, "timescale-short", COPRO_SEVERITY_ADVICE, overview, "end_date", "overview.end_date");
  g_assert_nonnull (strstr (find (short_plan, "timescale-short")->message, "180 days"));

  copro_record_set_string (overview, "end_date", "2027-07-04");
  exactly_six = run (project);
  g_assert_null (find (exactly_six, "timescale-short"));

  copro_record_set_string (overview, "end_date", "2026-12-01");
  reversed = run (project);
  assert_finding (reversed, "dates-reversed", COPRO_SEVERITY_PROBLEM, overview, "end_date", "overview.end_date");
  g_assert_null (find (reversed, "timescale-short"));
}

static void
test_management_support (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *outline = copro_record_lookup (project, "plan.outline");
  const char *not_confirmed[] = { "pending", "no", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (not_confirmed); i++)
    {
      g_autoptr(GPtrArray) findings = NULL;

      copro_record_set_string (outline, "management_support", not_confirmed[i]);
      findings = run (project);
      assert_finding (findings, "support-not-confirmed", COPRO_SEVERITY_PROBLEM, outline,
                      "management_support", "plan.outline.management_support");
    }
}

static void
test_budget_holder (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *resources = copro_record_lookup (project, "plan.resources");
  g_autoptr(GPtrArray) with_lines = NULL;
  g_autoptr(GPtrArray) with_holder = NULL;

  copro_record_set_money (copro_list_add_new (copro_record_get_list (resources, "budget_lines")), "amount", 5000);
  with_lines = run (project);
  assert_finding (with_lines, "budget-no-holder", COPRO_SEVERITY_PROBLEM, resources,
                  "budget_holder", "plan.resources.budget_holder");

  copro_record_set_string (resources, "budget_holder", "Head of Commissioning");
  with_holder = run (project);
  g_assert_null (find (with_holder, "budget-no-holder"));
}

static void
test_remuneration (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *item = copro_record_lookup (project, "plan.resources.compliance.remuneration");
  CoproRecord *partner = copro_list_get (copro_record_get_list (project, "partners"), 0);
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(GPtrArray) cleared = NULL;
  g_autoptr(GPtrArray) declined = NULL;

  copro_record_set_string (partner, "remuneration_offer", "offered");
  copro_record_set_string (item, "status", "in-progress");
  offered = run (project);
  assert_finding (offered, "remuneration-not-cleared", COPRO_SEVERITY_PROBLEM, item,
                  "status", "plan.resources.compliance.remuneration.status");

  copro_record_set_string (item, "status", "done");
  cleared = run (project);
  g_assert_null (find (cleared, "remuneration-not-cleared"));

  copro_record_set_string (item, "status", NULL);
  copro_record_set_string (partner, "remuneration_offer", "declined");
  declined = run (project);
  g_assert_null (find (declined, "remuneration-not-cleared"));
}

static void
test_partner_lawful_basis (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproList *partners = copro_record_get_list (project, "partners");
  CoproRecord *phone_only = copro_list_add_new (partners);
  CoproRecord *no_contact = copro_list_add_new (partners);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) fixed = NULL;

  copro_record_set_string (phone_only, "name", "Ben Okafor");
  copro_record_set_string (phone_only, "phone", "01632 960123");
  copro_record_set_string (no_contact, "organisation", "Riverside Carers");
  findings = run (project);
  assert_finding (findings, "partner-no-lawful-basis", COPRO_SEVERITY_PROBLEM, phone_only,
                  "lawful_basis", "partners[1].lawful_basis");
  g_assert_cmpuint (count (findings, "partner-no-lawful-basis"), ==, 1);
  g_assert_nonnull (strstr (find (findings, "partner-no-lawful-basis")->message, "Ben Okafor"));

  copro_record_set_string (phone_only, "lawful_basis", "public-task");
  fixed = run (project);
  g_assert_null (find (fixed, "partner-no-lawful-basis"));
}

static void
test_partner_review_date (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *partner = copro_list_get (copro_record_get_list (project, "partners"), 0);
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) due_today = NULL;

  copro_record_set_string (partner, "review_date", "2026-11-25");
  overdue = run (project);
  assert_finding (overdue, "partner-review-overdue", COPRO_SEVERITY_PROBLEM, partner,
                  "review_date", "partners[0].review_date");
  g_assert_nonnull (strstr (find (overdue, "partner-review-overdue")->message, "25/11/2026"));

  copro_record_set_string (partner, "review_date", "2026-11-26");
  due_today = run (project);
  g_assert_null (find (due_today, "partner-review-overdue"));
}

static void
test_coproduce_needs_evaluation (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *evaluation = copro_record_lookup (project, "plan.evaluation");
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) lower_target = NULL;

  copro_record_set_string (evaluation, "impact_measures", "");
  missing = run (project);
  assert_finding (missing, "coproduce-no-evaluation", COPRO_SEVERITY_PROBLEM, evaluation,
                  "impact_measures", "plan.evaluation.impact_measures");

  copro_record_set_string (copro_record_get_record (project, "overview"), "target_level", "engage");
  lower_target = run (project);
  g_assert_null (find (lower_target, "coproduce-no-evaluation"));
}

static void
test_principle_unanswered (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *reciprocity = copro_record_lookup (project, "plan.principles.reciprocity");
  g_autoptr(GPtrArray) findings = NULL;

  copro_record_set_string (reciprocity, "how", "");
  findings = run (project);
  assert_finding (findings, "principle-unanswered", COPRO_SEVERITY_ADVICE, reciprocity,
                  "how", "plan.principles.reciprocity.how");
  g_assert_cmpuint (count (findings, "principle-unanswered"), ==, 1);
  g_assert_nonnull (strstr (find (findings, "principle-unanswered")->message, "Reciprocity"));
}

static void
test_terms_review_date (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *terms = copro_record_get_record (project, "terms_of_reference");
  g_autoptr(GPtrArray) findings = NULL;

  copro_record_set_string (terms, "review_date", NULL);
  findings = run (project);
  assert_finding (findings, "terms-no-review-date", COPRO_SEVERITY_ADVICE, terms,
                  "review_date", "terms_of_reference.review_date");
}

static void
test_consultation_length (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  g_autoptr(GPtrArray) short_window = NULL;
  g_autoptr(GPtrArray) four_weeks = NULL;
  g_autoptr(GPtrArray) not_consult = NULL;

  copro_record_set_string (activity, "title", "Survey of carers");
  copro_record_set_string (activity, "level_planned", "consult");
  copro_record_set_string (activity, "start_date", "2027-02-01");
  copro_record_set_string (activity, "end_date", "2027-02-22");
  short_window = run (project);
  assert_finding (short_window, "consult-too-short", COPRO_SEVERITY_PROBLEM, activity,
                  "end_date", "activities[0].end_date");
  g_assert_nonnull (strstr (find (short_window, "consult-too-short")->message, "21 days"));

  copro_record_set_string (activity, "end_date", "2027-03-01");
  four_weeks = run (project);
  g_assert_null (find (four_weeks, "consult-too-short"));

  copro_record_set_string (activity, "end_date", "2027-02-08");
  copro_record_set_string (activity, "level_planned", "engage");
  not_consult = run (project);
  g_assert_null (find (not_consult, "consult-too-short"));
}

static void
test_feedback_open_after_end (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  CoproList *feedback = copro_record_get_list (activity, "feedback");
  CoproRecord *open_item = copro_list_add_new (feedback);
  CoproRecord *done_item = copro_list_add_new (feedback);
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GPtrArray) closed = NULL;
  g_autoptr(GPtrArray) running = NULL;

  copro_record_set_string (activity, "title", "Drop-in at the library");
  copro_record_set_string (activity, "end_date", "2026-10-30");
  copro_record_set_string (open_item, "status", "open");
  copro_record_set_string (done_item, "status", "done");
  late = run (project);
  assert_finding (late, "feedback-open-late", COPRO_SEVERITY_ADVICE, activity,
                  "feedback", "activities[0].feedback");
  g_assert_nonnull (strstr (find (late, "feedback-open-late")->message, "1 feedback item is"));

  copro_record_set_string (open_item, "status", "not-possible");
  closed = run (project);
  g_assert_null (find (closed, "feedback-open-late"));

  copro_record_set_string (open_item, "status", "open");
  copro_record_set_string (activity, "end_date", "2026-12-30");
  running = run (project);
  g_assert_null (find (running, "feedback-open-late"));
}

static void
test_problems_come_first (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(GPtrArray) findings = run (project);
  gboolean seen_advice = FALSE;

  g_assert_cmpuint (copro_checks_count (findings, COPRO_SEVERITY_PROBLEM), >=, 2);
  g_assert_cmpuint (copro_checks_count (findings, COPRO_SEVERITY_ADVICE), >=, 5);
  for (guint i = 0; i < findings->len; i++)
    {
      CoproFinding *finding = g_ptr_array_index (findings, i);

      if (finding->check->severity == COPRO_SEVERITY_ADVICE)
        seen_advice = TRUE;
      else
        g_assert_false (seen_advice);
    }
  g_assert_cmpstr (copro_severity_to_key (COPRO_SEVERITY_PROBLEM), ==, "problem");
  g_assert_cmpstr (copro_severity_to_key (COPRO_SEVERITY_ADVICE), ==, "advice");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 26, G_DATE_NOVEMBER, 2026);

  g_test_add_func ("/copro/checks/good-project-is-clean", test_good_project_is_clean);
  g_test_add_func ("/copro/checks/every-check-has-a-unique-key", test_every_check_has_a_unique_key);
  g_test_add_func ("/copro/checks/title-missing", test_title_missing);
  g_test_add_func ("/copro/checks/timescale", test_timescale);
  g_test_add_func ("/copro/checks/management-support", test_management_support);
  g_test_add_func ("/copro/checks/budget-holder", test_budget_holder);
  g_test_add_func ("/copro/checks/remuneration", test_remuneration);
  g_test_add_func ("/copro/checks/partner-lawful-basis", test_partner_lawful_basis);
  g_test_add_func ("/copro/checks/partner-review-date", test_partner_review_date);
  g_test_add_func ("/copro/checks/coproduce-needs-evaluation", test_coproduce_needs_evaluation);
  g_test_add_func ("/copro/checks/principle-unanswered", test_principle_unanswered);
  g_test_add_func ("/copro/checks/terms-review-date", test_terms_review_date);
  g_test_add_func ("/copro/checks/consultation-length", test_consultation_length);
  g_test_add_func ("/copro/checks/feedback-open-after-end", test_feedback_open_after_end);
  g_test_add_func ("/copro/checks/problems-come-first", test_problems_come_first);

  return g_test_run ();
}
