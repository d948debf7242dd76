/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every check, shown firing on a plan that breaks it and quiet on one that
 * keeps it. The date is fixed so the tests do not depend on the calendar. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "copro-checks.h"
#include "copro-contact.h"
#include "copro-list.h"
#include "copro-model.h"

static GDate today;

/* A project that passes every check, at the co-deliver step so that the
 * checks of the later steps are quiet on it too. */
static CoproRecord *
make_good_project (void)
{
  CoproRecord *project = copro_record_new (&copro_desc_project);
  CoproRecord *overview = copro_record_get_record (project, "overview");
  CoproRecord *terms = copro_record_get_record (project, "terms_of_reference");
  CoproRecord *partner, *member, *message;

  copro_record_set_string (overview, "title", "Short breaks for carers");
  copro_record_set_string (overview, "start_date", "2027-01-04");
  copro_record_set_string (overview, "end_date", "2027-12-17");
  copro_record_set_string (overview, "target_level", "co-produce");
  copro_record_set_string (overview, "current_step", "co-deliver");
  copro_record_set_string (copro_record_lookup (project, "plan.outline"), "management_support", "confirmed");
  copro_record_set_string (copro_record_lookup (project, "plan.evaluation"), "impact_measures", "Carers’ wellbeing scores");
  copro_record_set_string (copro_record_lookup (project, "plan.evaluation"), "progress_review", "Monthly with the group");
  copro_record_set_string (copro_record_lookup (project, "plan.resources.equality"), "eqia_status", "done");
  copro_record_set_string (copro_record_lookup (project, "plan.delivery"), "equal_voice", "Rotating chair, papers in easy read");
  for (guint i = 0; i < G_N_ELEMENTS (copro_principle_keys); i++)
    copro_record_set_string (copro_record_get_record (copro_record_lookup (project, "plan.principles"), copro_principle_keys[i]),
                             "how", "Agreed with the group");
  message = copro_list_add_new (copro_record_get_list (copro_record_get_record (project, "plan"), "communications"));
  copro_record_set_string (message, "audience", "Carers");
  copro_record_set_string (terms, "review_date", "2027-06-01");
  copro_record_set_string (terms, "date_agreed", "2026-10-01");

  partner = copro_list_add_new (copro_record_get_list (project, "partners"));
  copro_record_set_string (partner, "name", "Asha Patel");
  copro_record_set_string (partner, "sector", "carer");
  copro_record_set_string (partner, "email", "asha@example.org");
  copro_record_set_string (partner, "lawful_basis", "consent");
  copro_record_set_string (partner, "consent_date", "2026-09-14");
  copro_record_set_string (partner, "review_date", "2027-11-26");
  copro_record_set_string (partner, "remuneration_offer", "declined");
  copro_record_set_int (partner, "influence", 2);
  copro_record_set_int (partner, "interest", 5);
  member = copro_list_add_new (copro_record_get_list (terms, "members"));
  copro_record_set_string (member, "partner", copro_record_get_id (partner));
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
  g_assert_nonnull (finding->records);
  g_assert_true (g_ptr_array_index (finding->records, 0) == record);
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
      /* The why names the part of the toolkit it comes from, in one or two
       * sentences. */
      g_assert_nonnull (all[i].why);
      g_assert_true (g_str_has_prefix (all[i].why, "Step ") ||
                     g_str_has_prefix (all[i].why, "Spectrum of involvement, ") ||
                     g_str_has_prefix (all[i].why, "Principles, ") ||
                     g_str_has_prefix (all[i].why, "The four principles: ") ||
                     g_str_has_prefix (all[i].why, "Challenges of co-production, ") ||
                     g_str_has_prefix (all[i].why, "Appendix "));
      g_assert_true (g_str_has_suffix (all[i].why, "."));
      g_assert_cmpuint (strlen (all[i].why), <, 200);
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

  /* Two unanswered: one finding that names both and lists both. */
  copro_record_set_string (copro_record_lookup (project, "plan.principles.equality"), "how", NULL);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = run (project);
  g_assert_cmpuint (count (findings, "principle-unanswered"), ==, 1);
  g_assert_cmpuint (find (findings, "principle-unanswered")->records->len, ==, 2);
  g_assert_cmpstr (find (findings, "principle-unanswered")->path, ==, "plan.principles.equality.how");
  g_assert_cmpstr (find (findings, "principle-unanswered")->message, ==,
                   "The plan does not yet say how the project will meet the principles of Equality and Reciprocity.");
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
test_timescale_only_for_engage_and_above (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *overview = copro_record_get_record (project, "overview");
  const char *below[] = { "inform", "educate", "consult", NULL };
  const char *above[] = { "engage", "co-design", "co-produce" };

  copro_record_set_string (overview, "end_date", "2027-05-31");
  for (guint i = 0; i < G_N_ELEMENTS (below); i++)
    {
      g_autoptr(GPtrArray) findings = NULL;

      copro_record_set_string (overview, "target_level", below[i]);
      findings = run (project);
      g_assert_null (find (findings, "timescale-short"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (above); i++)
    {
      g_autoptr(GPtrArray) findings = NULL;

      copro_record_set_string (overview, "target_level", above[i]);
      findings = run (project);
      assert_finding (findings, "timescale-short", COPRO_SEVERITY_ADVICE, overview, "end_date", "overview.end_date");
    }
}

/* A project whose own target is Consult: the project is the consultation,
 * and its activities without a level of their own are consultations too. */
static void
test_consult_target (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *overview = copro_record_get_record (project, "overview");
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  g_autoptr(GPtrArray) short_project = NULL;
  g_autoptr(GPtrArray) long_enough = NULL;
  g_autoptr(GPtrArray) engage = NULL;

  copro_record_set_string (overview, "target_level", "consult");
  copro_record_set_string (overview, "start_date", "2027-02-01");
  copro_record_set_string (overview, "end_date", "2027-02-15");
  copro_record_set_string (activity, "start_date", "2027-03-01");
  copro_record_set_string (activity, "end_date", "2027-03-29");
  short_project = run (project);
  assert_finding (short_project, "consult-too-short", COPRO_SEVERITY_PROBLEM, overview, "end_date", "overview.end_date");
  g_assert_nonnull (strstr (find (short_project, "consult-too-short")->message, "14 days"));
  g_assert_cmpuint (count (short_project, "consult-too-short"), ==, 1);

  copro_record_set_string (overview, "end_date", "2027-03-31");
  copro_record_set_string (activity, "end_date", "2027-03-20");
  long_enough = run (project);
  assert_finding (long_enough, "consult-too-short", COPRO_SEVERITY_PROBLEM, activity, "end_date", "activities[0].end_date");
  g_assert_nonnull (strstr (find (long_enough, "consult-too-short")->message, "19 days"));

  copro_record_set_string (overview, "target_level", "engage");
  engage = run (project);
  g_assert_null (find (engage, "consult-too-short"));
}

static gboolean
has_records_exactly (CoproFinding *finding,
                     CoproList    *list,
                     guint         first,
                     guint         n)
{
  if (finding->records->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_ptr_array_index (finding->records, i) != copro_list_get (list, first + i))
      return FALSE;
  return TRUE;
}

/* 20,000 partners imported without a lawful basis: one finding, leading to
 * exactly those partners, counted once on the badge. */
static void
test_many_partners_one_finding (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproList *partners = copro_record_get_list (project, "partners");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) fixed = NULL;
  CoproFinding *finding;
  char expected[32];
  const char *grouping_locale;

  for (guint i = 0; i < 20000; i++)
    {
      CoproRecord *partner = copro_list_add_new (partners);

      copro_record_set_string (partner, "name", i == 0 ? "Ben Okafor" : "Imported partner");
      copro_record_set_string (partner, "phone", "01632 960123");
      copro_record_set_string (partner, "review_date", "2027-11-26");
    }
  findings = run (project);
  g_assert_cmpuint (count (findings, "partner-no-lawful-basis"), ==, 1);
  assert_finding (findings, "partner-no-lawful-basis", COPRO_SEVERITY_PROBLEM, copro_list_get (partners, 1),
                  "lawful_basis", "partners[1].lawful_basis");
  finding = find (findings, "partner-no-lawful-basis");
  g_assert_true (has_records_exactly (finding, partners, 1, 20000));
  g_snprintf (expected, sizeof expected, "%'u partners have", 20000u);
  g_assert_true (g_str_has_prefix (finding->message, expected));
  g_assert_cmpstr (finding->message + strlen (expected), ==, " contact details but no lawful basis.");
  /* The badge counts findings: this is the only problem. */
  g_assert_cmpuint (copro_checks_count (findings, COPRO_SEVERITY_PROBLEM), ==, 1);

  /* Where the locale groups thousands, the count reads as people write it. */
  grouping_locale = setlocale (LC_NUMERIC, "en_GB.UTF-8");
  if (grouping_locale == NULL)
    grouping_locale = setlocale (LC_NUMERIC, "en_US.UTF-8");
  if (grouping_locale != NULL)
    {
      g_autoptr(GPtrArray) grouped = run (project);

      g_assert_true (g_str_has_prefix (find (grouped, "partner-no-lawful-basis")->message, "20,000 partners have "));
      setlocale (LC_NUMERIC, "C");
    }
  else
    g_test_message ("no English locale here: thousands separators not checked");

  for (guint i = 1; i <= 20000; i++)
    copro_record_set_string (copro_list_get (partners, i), "lawful_basis", "public-task");
  fixed = run (project);
  g_assert_null (find (fixed, "partner-no-lawful-basis"));
}

static void
test_many_reviews_overdue (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproList *partners = copro_record_get_list (project, "partners");
  g_autoptr(GPtrArray) findings = NULL;

  for (guint i = 0; i < 3; i++)
    {
      CoproRecord *partner = copro_list_add_new (partners);

      copro_record_set_string (partner, "name", "Former member");
      copro_record_set_string (partner, "review_date", "2026-01-31");
    }
  findings = run (project);
  g_assert_cmpuint (count (findings, "partner-review-overdue"), ==, 1);
  assert_finding (findings, "partner-review-overdue", COPRO_SEVERITY_PROBLEM, copro_list_get (partners, 1),
                  "review_date", "partners[1].review_date");
  g_assert_true (has_records_exactly (find (findings, "partner-review-overdue"), partners, 1, 3));
  g_assert_cmpstr (find (findings, "partner-review-overdue")->message, ==,
                   "The data protection review dates of 3 partners have passed.");
}

static void
test_policy_items (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *protocol = copro_record_lookup (project, "plan.resources.compliance.consultation_protocol");
  CoproRecord *data_protection = copro_record_lookup (project, "plan.resources.data_protection");
  CoproRecord *equality = copro_record_lookup (project, "plan.resources.equality");
  CoproRecord *overview = copro_record_get_record (project, "overview");
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  g_autoptr(GPtrArray) tripped = NULL;
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(GPtrArray) not_needed = NULL;
  g_autoptr(GPtrArray) lower = NULL;

  /* A Consult activity, special-category data, a co-produce target. */
  copro_record_set_string (activity, "title", "Survey of carers");
  copro_record_set_string (activity, "level_planned", "consult");
  copro_record_set_string (activity, "start_date", "2027-02-01");
  copro_record_set_string (activity, "end_date", "2027-03-01");
  copro_record_set_string (protocol, "status", "in-progress");
  copro_record_set_bool (data_protection, "special_category", TRUE);
  copro_record_set_string (data_protection, "dpia_status", "in-progress");
  copro_record_set_string (equality, "eqia_status", "not-started");
  tripped = run (project);
  assert_finding (tripped, "consultation-protocol-not-done", COPRO_SEVERITY_PROBLEM, protocol, "status",
                  "plan.resources.compliance.consultation_protocol.status");
  assert_finding (tripped, "dpia-not-done", COPRO_SEVERITY_PROBLEM, data_protection, "dpia_status",
                  "plan.resources.data_protection.dpia_status");
  assert_finding (tripped, "eqia-not-done", COPRO_SEVERITY_PROBLEM, equality, "eqia_status",
                  "plan.resources.equality.eqia_status");

  copro_record_set_string (protocol, "status", "done");
  copro_record_set_string (data_protection, "dpia_status", "done");
  copro_record_set_string (equality, "eqia_status", "done");
  done = run (project);
  g_assert_null (find (done, "consultation-protocol-not-done"));
  g_assert_null (find (done, "dpia-not-done"));
  g_assert_null (find (done, "eqia-not-done"));

  /* Not needed: no consultation, no special-category data, a lower target. */
  copro_record_set_string (protocol, "status", NULL);
  copro_record_set_string (activity, "level_planned", "engage");
  copro_record_set_string (activity, "facilitator", "Jo Reed");
  copro_record_set_string (data_protection, "dpia_status", NULL);
  copro_record_set_bool (data_protection, "special_category", FALSE);
  copro_record_set_string (equality, "eqia_status", NULL);
  copro_record_set_string (overview, "target_level", "engage");
  lower = run (project);
  g_assert_null (find (lower, "consultation-protocol-not-done"));
  g_assert_null (find (lower, "dpia-not-done"));
  g_assert_null (find (lower, "eqia-not-done"));

  /* A DPIA judged not needed is a decision recorded. */
  copro_record_set_bool (data_protection, "special_category", TRUE);
  copro_record_set_string (data_protection, "dpia_status", "not-needed");
  not_needed = run (project);
  g_assert_null (find (not_needed, "dpia-not-done"));
}

static void
test_consent_and_review_dates (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *partner = copro_list_get (copro_record_get_list (project, "partners"), 0);
  g_autoptr(GPtrArray) tripped = NULL;
  g_autoptr(GPtrArray) other_basis = NULL;
  g_autoptr(GPtrArray) no_details = NULL;

  copro_record_set_string (partner, "consent_date", NULL);
  copro_record_set_string (partner, "review_date", NULL);
  tripped = run (project);
  assert_finding (tripped, "partner-consent-no-date", COPRO_SEVERITY_PROBLEM, partner, "consent_date",
                  "partners[0].consent_date");
  assert_finding (tripped, "partner-no-review-date", COPRO_SEVERITY_PROBLEM, partner, "review_date",
                  "partners[0].review_date");
  g_assert_nonnull (strstr (find (tripped, "partner-consent-no-date")->message, "Asha Patel"));

  copro_record_set_string (partner, "lawful_basis", "public-task");
  other_basis = run (project);
  g_assert_null (find (other_basis, "partner-consent-no-date"));
  g_assert_nonnull (find (other_basis, "partner-no-review-date"));

  /* Notes are personal details too; with none left, no date is needed. */
  copro_record_set_string (partner, "email", "");
  copro_record_set_string (partner, "notes", "Prefers mornings");
  g_clear_pointer (&other_basis, g_ptr_array_unref);
  other_basis = run (project);
  g_assert_nonnull (find (other_basis, "partner-no-review-date"));
  copro_record_set_string (partner, "notes", "");
  no_details = run (project);
  g_assert_null (find (no_details, "partner-no-review-date"));
}

static void
test_reciprocity (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *resources = copro_record_lookup (project, "plan.resources");
  CoproRecord *partner = copro_list_get (copro_record_get_list (project, "partners"), 0);
  CoproRecord *line;
  g_autoptr(GPtrArray) undecided = NULL;
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(GPtrArray) paid = NULL;
  g_autoptr(GPtrArray) expenses = NULL;
  g_autoptr(GPtrArray) not_offered = NULL;
  g_autoptr(GPtrArray) professional = NULL;

  copro_record_set_string (partner, "remuneration_offer", NULL);
  undecided = run (project);
  assert_finding (undecided, "remuneration-undecided", COPRO_SEVERITY_ADVICE, partner, "remuneration_offer",
                  "partners[0].remuneration_offer");

  copro_record_set_string (copro_record_lookup (project, "plan.resources.compliance.remuneration"), "status", "done");
  copro_record_set_string (partner, "remuneration_offer", "offered");
  copro_record_set_string (partner, "remuneration_basis", "per-session");
  offered = run (project);
  g_assert_null (find (offered, "remuneration-undecided"));
  assert_finding (offered, "remuneration-no-rate", COPRO_SEVERITY_ADVICE, partner, "remuneration_rate",
                  "partners[0].remuneration_rate");
  assert_finding (offered, "remuneration-no-budget", COPRO_SEVERITY_PROBLEM, resources, "budget_lines",
                  "plan.resources.budget_lines");

  copro_record_set_money (partner, "remuneration_rate", 2500);
  copro_record_set_string (resources, "budget_holder", "Head of Commissioning");
  line = copro_list_add_new (copro_record_get_list (resources, "budget_lines"));
  copro_record_set_string (line, "cost_head", "payment-for-time");
  copro_record_set_money (line, "amount", 60000);
  paid = run (project);
  g_assert_null (find (paid, "remuneration-no-rate"));
  g_assert_null (find (paid, "remuneration-no-budget"));

  /* Expenses only: no rate, and no payment for time. */
  copro_record_set_string (line, "cost_head", "travel-expenses");
  copro_record_set_money (partner, "remuneration_rate", 0);
  copro_record_set_string (partner, "remuneration_basis", "expenses-only");
  expenses = run (project);
  g_assert_null (find (expenses, "remuneration-no-rate"));
  g_assert_null (find (expenses, "remuneration-no-budget"));

  /* Deciding not to offer payment is a decision, and asks for no rate or budget. */
  copro_record_set_string (partner, "remuneration_offer", "not-offered");
  copro_record_set_string (partner, "remuneration_basis", "per-session");
  copro_record_set_string (line, "cost_head", "venue-hire");
  not_offered = run (project);
  g_assert_null (find (not_offered, "remuneration-undecided"));
  g_assert_null (find (not_offered, "remuneration-no-rate"));
  g_assert_null (find (not_offered, "remuneration-no-budget"));
  g_assert_null (find (not_offered, "remuneration-not-cleared"));

  /* Professionals are not asked about remuneration. */
  copro_record_set_string (partner, "remuneration_offer", NULL);
  copro_record_set_string (partner, "sector", "council");
  professional = run (project);
  g_assert_null (find (professional, "remuneration-undecided"));
}

static void
test_partner_mapping (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *overview = copro_record_get_record (project, "overview");
  CoproList *partners = copro_record_get_list (project, "partners");
  CoproRecord *partner = copro_list_get (partners, 0);
  g_autoptr(GPtrArray) unmapped = NULL;
  g_autoptr(GPtrArray) early = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  g_autoptr(GPtrArray) empty_early = NULL;

  copro_record_set_int (partner, "interest", 0);
  copro_record_set_string (overview, "current_step", "recruit");
  unmapped = run (project);
  assert_finding (unmapped, "partners-not-mapped", COPRO_SEVERITY_ADVICE, partner, "influence",
                  "partners[0].influence");
  g_assert_null (find (unmapped, "no-partners"));

  copro_record_set_string (overview, "current_step", "resources");
  early = run (project);
  g_assert_null (find (early, "partners-not-mapped"));

  copro_list_remove (partners, 0);
  empty_early = run (project);
  g_assert_null (find (empty_early, "no-partners"));
  copro_record_set_string (overview, "current_step", "co-design");
  empty = run (project);
  assert_finding (empty, "no-partners", COPRO_SEVERITY_ADVICE, project, "partners", "partners");
}

static void
test_service_users_and_carers (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *overview = copro_record_get_record (project, "overview");
  CoproRecord *partner = copro_list_get (copro_record_get_list (project, "partners"), 0);
  g_autoptr(GPtrArray) professionals = NULL;
  g_autoptr(GPtrArray) withdrawn = NULL;
  g_autoptr(GPtrArray) engage = NULL;
  g_autoptr(GPtrArray) lived = NULL;

  copro_record_set_string (partner, "sector", "health-care");
  professionals = run (project);
  assert_finding (professionals, "no-service-user-partner", COPRO_SEVERITY_ADVICE, project, "partners", "partners");

  copro_record_set_string (partner, "sector", "carer");
  copro_record_set_string (partner, "status", "withdrawn");
  withdrawn = run (project);
  g_assert_nonnull (find (withdrawn, "no-service-user-partner"));

  copro_record_set_string (overview, "target_level", "engage");
  engage = run (project);
  g_assert_null (find (engage, "no-service-user-partner"));

  copro_record_set_string (overview, "target_level", "co-design");
  copro_record_set_string (partner, "status", "active");
  copro_record_set_string (partner, "sector", "lived-experience");
  lived = run (project);
  g_assert_null (find (lived, "no-service-user-partner"));
}

static void
test_access_needs (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproList *partners = copro_record_get_list (project, "partners");
  CoproRecord *partner = copro_list_get (partners, 0);
  CoproRecord *other = copro_list_add_new (partners);
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  CoproRecord *resources = copro_record_lookup (project, "plan.resources");
  const char *needs[] = { "bsl", "hearing-loop", NULL };
  const char *bsl_only[] = { "bsl", NULL };
  const char *both[] = { "bsl", "hearing-loop", NULL };
  const char *loop_only[] = { "hearing-loop", NULL };
  const char *other_need[] = { "other", NULL };
  CoproRecord *line;
  g_autoptr(GPtrArray) unplanned = NULL;
  g_autoptr(GPtrArray) written_only = NULL;
  g_autoptr(GPtrArray) partly = NULL;
  g_autoptr(GPtrArray) provided = NULL;
  g_autoptr(GPtrArray) budgeted = NULL;
  g_autoptr(GPtrArray) implied = NULL;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) withdrawn = NULL;
  g_autoptr(GPtrArray) other_written = NULL;

  copro_record_set_string (other, "name", "Sam Patel");
  copro_record_set_string (other, "sector", "council");
  copro_record_set_string (activity, "title", "Planning day");
  copro_record_set_string (activity, "facilitator", "Jo Reed");
  copro_record_set_flags (partner, "access_needs", needs);
  unplanned = run (project);
  assert_finding (unplanned, "access-needs-unplanned", COPRO_SEVERITY_ADVICE, partner, "access_needs",
                  "partners[0].access_needs");
  g_assert_nonnull (strstr (find (unplanned, "access-needs-unplanned")->message, "British Sign Language"));

  /* Need by need: a free-text adjustment does not say which need it meets. */
  copro_record_set_string (activity, "adjustments", "Interpreter booked");
  written_only = run (project);
  g_assert_nonnull (find (written_only, "access-needs-unplanned"));

  /* One need of two provided for: the other is named. */
  copro_record_set_flags (activity, "access_provided", bsl_only);
  partly = run (project);
  g_assert_nonnull (find (partly, "access-needs-unplanned"));
  g_assert_nonnull (strstr (find (partly, "access-needs-unplanned")->message, "Hearing loop"));

  copro_record_set_flags (activity, "access_provided", both);
  provided = run (project);
  g_assert_null (find (provided, "access-needs-unplanned"));

  /* A budget line ticked for the need, or whose cost head implies it. */
  copro_record_set_flags (activity, "access_provided", bsl_only);
  copro_record_set_string (resources, "budget_holder", "Head of Commissioning");
  line = copro_list_add_new (copro_record_get_list (resources, "budget_lines"));
  copro_record_set_string (line, "cost_head", "venue-hire");
  copro_record_set_flags (line, "access_needs", loop_only);
  budgeted = run (project);
  g_assert_null (find (budgeted, "access-needs-unplanned"));

  copro_record_set_flags (activity, "access_provided", loop_only);
  copro_record_set_flags (line, "access_needs", NULL);
  copro_record_set_string (line, "cost_head", "translation");
  copro_record_set_flags (line, "access_needs", loop_only);
  implied = run (project);
  g_assert_null (find (implied, "access-needs-unplanned"));

  /* Two partners with needs unmet: one finding that counts them. */
  copro_record_set_flags (activity, "access_provided", NULL);
  copro_record_set_flags (line, "access_needs", NULL);
  copro_record_set_string (line, "cost_head", "venue-hire");
  copro_record_set_flags (other, "access_needs", loop_only);
  two = run (project);
  g_assert_cmpuint (count (two, "access-needs-unplanned"), ==, 1);
  g_assert_cmpuint (find (two, "access-needs-unplanned")->records->len, ==, 2);
  g_assert_nonnull (strstr (find (two, "access-needs-unplanned")->message, "2 partners"));

  /* A withdrawn partner's needs are no longer planned for. */
  copro_record_set_flags (other, "access_needs", NULL);
  copro_record_set_string (partner, "status", "withdrawn");
  withdrawn = run (project);
  g_assert_null (find (withdrawn, "access-needs-unplanned"));

  /* Other needs are written down, and so are the adjustments for them. */
  copro_record_set_string (partner, "status", "active");
  copro_record_set_flags (partner, "access_needs", other_need);
  other_written = run (project);
  g_assert_null (find (other_written, "access-needs-unplanned"));
}

static void
test_principle_red_no_action (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *diversity = copro_record_lookup (project, "plan.principles.diversity");
  g_autoptr(GPtrArray) amber = NULL;
  g_autoptr(GPtrArray) red = NULL;
  g_autoptr(GPtrArray) acted = NULL;

  copro_record_set_string (diversity, "rating", "amber");
  amber = run (project);
  g_assert_null (find (amber, "principle-red-no-action"));

  copro_record_set_string (diversity, "rating", "red");
  red = run (project);
  assert_finding (red, "principle-red-no-action", COPRO_SEVERITY_PROBLEM, diversity,
                  "action", "plan.principles.diversity.action");
  g_assert_nonnull (strstr (find (red, "principle-red-no-action")->message, "Diversity"));

  copro_record_set_string (diversity, "action", "  ");
  g_clear_pointer (&red, g_ptr_array_unref);
  red = run (project);
  g_assert_nonnull (find (red, "principle-red-no-action"));

  copro_record_set_string (diversity, "action", "Recruit through the carers’ centre");
  acted = run (project);
  g_assert_null (find (acted, "principle-red-no-action"));

  /* Two red without action: one finding naming both. */
  copro_record_set_string (diversity, "action", NULL);
  copro_record_set_string (copro_record_lookup (project, "plan.principles.accessibility"), "rating", "red");
  g_clear_pointer (&red, g_ptr_array_unref);
  red = run (project);
  g_assert_cmpuint (count (red, "principle-red-no-action"), ==, 1);
  g_assert_cmpuint (find (red, "principle-red-no-action")->records->len, ==, 2);
  g_assert_cmpstr (find (red, "principle-red-no-action")->message, ==,
                   "The principles of Diversity and Accessibility are rated red, but no action to improve them is recorded.");
}

static void
test_levels (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *step_levels = copro_record_lookup (project, "plan.outline.step_levels");
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  g_autoptr(GPtrArray) lower = NULL;
  g_autoptr(GPtrArray) same = NULL;
  g_autoptr(GPtrArray) explained = NULL;

  copro_record_set_string (step_levels, "co_design", "co-design");
  copro_record_set_string (step_levels, "co_deliver", "engage");
  copro_record_set_string (step_levels, "co_evaluate", "co-produce");
  copro_record_set_string (activity, "title", "Survey");
  copro_record_set_string (activity, "facilitator", "Jo Reed");
  copro_record_set_string (activity, "level_planned", "engage");
  copro_record_set_string (activity, "level_achieved", "inform");
  lower = run (project);
  assert_finding (lower, "coproduce-steps-lower", COPRO_SEVERITY_ADVICE, step_levels, "co_deliver",
                  "plan.outline.step_levels.co_deliver");
  g_assert_cmpuint (count (lower, "coproduce-steps-lower"), ==, 1);
  g_assert_cmpstr (find (lower, "coproduce-steps-lower")->message, ==,
                   "The project aims to co-produce, but plans “5. Co-deliver” at “Engage”.");
  assert_finding (lower, "activity-level-not-achieved", COPRO_SEVERITY_ADVICE, activity, "what_to_change",
                  "activities[0].what_to_change");
  g_assert_nonnull (strstr (find (lower, "activity-level-not-achieved")->message, "“Inform” where “Engage”"));

  copro_record_set_string (step_levels, "co_deliver", "co-produce");
  copro_record_set_string (activity, "level_achieved", "engage");
  same = run (project);
  g_assert_null (find (same, "coproduce-steps-lower"));
  g_assert_null (find (same, "activity-level-not-achieved"));

  copro_record_set_string (activity, "level_achieved", "consult");
  copro_record_set_string (activity, "what_to_change", "Meet in the evening");
  explained = run (project);
  g_assert_null (find (explained, "activity-level-not-achieved"));
}

static void
test_delivery (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *overview = copro_record_get_record (project, "overview");
  CoproRecord *plan = copro_record_get_record (project, "plan");
  CoproRecord *delivery = copro_record_get_record (plan, "delivery");
  CoproList *actions = copro_record_get_list (delivery, "actions");
  CoproRecord *late = copro_list_add_new (actions);
  CoproRecord *cancelled = copro_list_add_new (actions);
  CoproRecord *later = copro_list_add_new (actions);
  g_autoptr(GPtrArray) tripped = NULL;
  g_autoptr(GPtrArray) quiet = NULL;
  g_autoptr(GPtrArray) early = NULL;

  copro_record_set_string (late, "description", "Book the venue");
  copro_record_set_string (late, "due_date", "2026-11-25");
  copro_record_set_string (late, "status", "in-progress");
  copro_record_set_string (cancelled, "due_date", "2026-10-01");
  copro_record_set_string (cancelled, "status", "cancelled");
  copro_record_set_string (later, "due_date", "2026-11-26");
  copro_list_remove (copro_record_get_list (plan, "communications"), 0);
  copro_record_set_string (delivery, "equal_voice", " ");
  tripped = run (project);
  assert_finding (tripped, "actions-overdue", COPRO_SEVERITY_ADVICE, late, "due_date",
                  "plan.delivery.actions[0].due_date");
  g_assert_true (has_records_exactly (find (tripped, "actions-overdue"), actions, 0, 1));
  g_assert_nonnull (strstr (find (tripped, "actions-overdue")->message, "Book the venue"));
  assert_finding (tripped, "communications-plan-empty", COPRO_SEVERITY_ADVICE, plan, "communications",
                  "plan.communications");
  assert_finding (tripped, "equal-voice-unanswered", COPRO_SEVERITY_ADVICE, delivery, "equal_voice",
                  "plan.delivery.equal_voice");

  copro_record_set_string (late, "status", "done");
  copro_record_set_string (overview, "current_step", "co-design");
  quiet = run (project);
  g_assert_null (find (quiet, "actions-overdue"));
  g_assert_null (find (quiet, "equal-voice-unanswered"));
  g_assert_nonnull (find (quiet, "communications-plan-empty"));

  copro_record_set_string (overview, "current_step", "recruit");
  early = run (project);
  g_assert_null (find (early, "communications-plan-empty"));
}

static void
test_facilitators_and_windows (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproList *activities = copro_record_get_list (project, "activities");
  CoproRecord *workshop = copro_list_add_new (activities);
  CoproRecord *leaflet = copro_list_add_new (activities);
  CoproRecord *survey = copro_list_add_new (activities);
  g_autoptr(GPtrArray) tripped = NULL;
  g_autoptr(GPtrArray) quiet = NULL;

  copro_record_set_string (workshop, "title", "Design workshop");
  copro_record_set_string (workshop, "level_planned", "co-design");
  copro_record_set_string (leaflet, "title", "Leaflet");
  copro_record_set_string (leaflet, "level_planned", "inform");
  copro_record_set_string (survey, "title", "Survey");
  copro_record_set_string (survey, "level_planned", "consult");
  copro_record_set_string (survey, "start_date", "2027-02-01");
  tripped = run (project);
  assert_finding (tripped, "activity-no-facilitator", COPRO_SEVERITY_ADVICE, workshop, "facilitator",
                  "activities[0].facilitator");
  g_assert_true (has_records_exactly (find (tripped, "activity-no-facilitator"), activities, 0, 1));
  assert_finding (tripped, "consult-no-window", COPRO_SEVERITY_ADVICE, survey, "end_date",
                  "activities[2].end_date");

  copro_record_set_string (workshop, "facilitator", "Jo Reed");
  copro_record_set_string (survey, "end_date", "2027-03-01");
  quiet = run (project);
  g_assert_null (find (quiet, "activity-no-facilitator"));
  g_assert_null (find (quiet, "consult-no-window"));
}

static void
test_risks (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproList *risks = copro_record_get_list (project, "risks");
  CoproRecord *signoff = copro_record_get_record (project, "signoff");
  CoproRecord *approval;
  CoproRecord *risk;
  g_autoptr(GPtrArray) not_sought = NULL;
  g_autoptr(GPtrArray) requested = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) unowned = NULL;
  g_autoptr(GPtrArray) managed = NULL;
  g_autoptr(GPtrArray) medium = NULL;

  /* No risks, but sign-off is not yet sought. */
  not_sought = run (project);
  g_assert_null (find (not_sought, "no-risks"));

  /* Sought: a request made, or a decision recorded. */
  copro_record_set_string (signoff, "requested", "2027-03-01");
  requested = run (project);
  assert_finding (requested, "no-risks", COPRO_SEVERITY_ADVICE, project, "risks", "risks");
  copro_record_set_string (signoff, "requested", NULL);

  approval = copro_list_add_new (copro_record_get_list (project, "approvals"));
  copro_record_set_string (approval, "name", "Director of Adult Care");
  none = run (project);
  assert_finding (none, "no-risks", COPRO_SEVERITY_ADVICE, project, "risks", "risks");

  risk = copro_list_add_new (risks);
  copro_record_set_string (risk, "description", "Carers stop coming");
  copro_record_set_int (risk, "likelihood", 3);
  copro_record_set_int (risk, "impact", 5);
  copro_record_set_string (risk, "mitigation", "Pay for replacement care");
  unowned = run (project);
  g_assert_null (find (unowned, "no-risks"));
  assert_finding (unowned, "risk-high-unmanaged", COPRO_SEVERITY_PROBLEM, risk, "owner", "risks[0].owner");

  copro_record_set_string (risk, "owner", "Service manager");
  managed = run (project);
  g_assert_null (find (managed, "risk-high-unmanaged"));

  copro_record_set_string (risk, "owner", "");
  copro_record_set_int (risk, "impact", 4);
  medium = run (project);
  g_assert_null (find (medium, "risk-high-unmanaged"));
}

static void
test_terms_members_and_agreement (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *overview = copro_record_get_record (project, "overview");
  CoproRecord *terms = copro_record_get_record (project, "terms_of_reference");
  g_autoptr(GPtrArray) tripped = NULL;
  g_autoptr(GPtrArray) early = NULL;

  copro_list_remove (copro_record_get_list (terms, "members"), 0);
  copro_record_set_string (terms, "date_agreed", NULL);
  tripped = run (project);
  assert_finding (tripped, "terms-no-members", COPRO_SEVERITY_ADVICE, terms, "members",
                  "terms_of_reference.members");
  assert_finding (tripped, "terms-not-agreed", COPRO_SEVERITY_ADVICE, terms, "date_agreed",
                  "terms_of_reference.date_agreed");

  copro_record_set_string (overview, "current_step", "recruit");
  early = run (project);
  g_assert_null (find (early, "terms-no-members"));
  g_assert_null (find (early, "terms-not-agreed"));
}

static void
test_progress_review (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *evaluation = copro_record_lookup (project, "plan.evaluation");
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) lower_target = NULL;

  copro_record_set_string (evaluation, "progress_review", "");
  missing = run (project);
  assert_finding (missing, "progress-review-missing", COPRO_SEVERITY_ADVICE, evaluation, "progress_review",
                  "plan.evaluation.progress_review");

  copro_record_set_string (copro_record_get_record (project, "overview"), "target_level", "co-design");
  lower_target = run (project);
  g_assert_null (find (lower_target, "progress-review-missing"));
}

static void
test_problems_come_first (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(GPtrArray) findings = run (project);
  gboolean seen_advice = FALSE;

  g_assert_cmpuint (copro_checks_count (findings, COPRO_SEVERITY_PROBLEM), >=, 2);
  g_assert_cmpuint (copro_checks_count (findings, COPRO_SEVERITY_ADVICE), >=, 2);
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

/* The README's table of checks names every check by its key. */
static void
test_readme_lists_every_check (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "README.md", NULL);
  g_autofree char *readme = NULL;
  g_autoptr(GError) error = NULL;
  const CoproCheckInfo *all;
  guint n;

  g_assert_true (g_file_get_contents (path, &readme, NULL, &error));
  g_assert_no_error (error);
  all = copro_checks_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *cell = g_strdup_printf ("| `%s` |", all[i].key);

      if (strstr (readme, cell) == NULL)
        g_error ("README.md’s table of checks has no row for “%s”", all[i].key);
    }
}

/* Today is 26 November 2026. */
static void
test_follow_ups_overdue (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproList *partners = copro_record_get_list (project, "partners");
  CoproRecord *asha = copro_list_get (partners, 0);
  CoproRecord *ben = copro_list_add_new (partners);
  CoproRecord *asha_call, *ben_email, *ben_meeting, *undated;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) due_today = NULL;
  g_autoptr(GPtrArray) one_partner = NULL;
  g_autoptr(GPtrArray) two_partners = NULL;
  g_autoptr(GPtrArray) answered = NULL;

  copro_record_set_string (ben, "name", "Ben Okoro");
  copro_record_set_string (ben, "review_date", "2027-11-26");

  /* Quiet: a follow-up still to come, and a contact without one. */
  asha_call = copro_contact_log (asha, "2026-11-20", "phone", "Jo", "Asked about the venue", NULL);
  copro_record_set_string (asha_call, "follow_up", "2026-12-01");
  ben_email = copro_contact_log (ben, "2026-10-01", "email", "Jo", "Invitation sent", NULL);
  none = run (project);
  g_assert_null (find (none, "contact-follow-up-overdue"));

  /* A follow-up due today is not yet late. */
  copro_record_set_string (asha_call, "follow_up", "2026-11-26");
  due_today = run (project);
  g_assert_null (find (due_today, "contact-follow-up-overdue"));

  /* Two past their date, for one partner: one finding with the count. */
  copro_record_set_string (ben_email, "follow_up", "2026-10-15");
  ben_meeting = copro_contact_log (ben, "2026-10-01", "meeting", "Jo", "Met at the centre", NULL);
  copro_record_set_string (ben_meeting, "follow_up", "2026-10-20");
  one_partner = run (project);
  g_assert_cmpuint (count (one_partner, "contact-follow-up-overdue"), ==, 1);
  assert_finding (one_partner, "contact-follow-up-overdue", COPRO_SEVERITY_ADVICE, ben,
                  "contacts", "partners[1].contacts");
  g_assert_cmpstr (find (one_partner, "contact-follow-up-overdue")->message, ==,
                   "2 follow-ups with “Ben Okoro” are past their date.");

  /* And one more for a second partner: still one finding, leading to both. */
  copro_record_set_string (asha_call, "follow_up", "2026-11-25");
  two_partners = run (project);
  g_assert_cmpuint (count (two_partners, "contact-follow-up-overdue"), ==, 1);
  assert_finding (two_partners, "contact-follow-up-overdue", COPRO_SEVERITY_ADVICE, asha,
                  "contacts", "partners[0].contacts");
  g_assert_true (has_records_exactly (find (two_partners, "contact-follow-up-overdue"), partners, 0, 2));
  g_assert_cmpstr (find (two_partners, "contact-follow-up-overdue")->message, ==,
                   "3 follow-ups with 2 partners are past their date.");

  /* A contact on a later day answers them; one with no date answers
   * nothing and, with a follow-up past, stays overdue itself. */
  copro_contact_log (asha, "2026-11-24", "phone", "Jo", "Called back", NULL);
  copro_contact_log (ben, "2026-10-02", "phone", "Jo", "Called back", NULL);
  undated = copro_contact_log (ben, NULL, NULL, NULL, "Left a message", NULL);
  copro_record_set_string (undated, "follow_up", "2026-11-01");
  answered = run (project);
  g_assert_cmpuint (count (answered, "contact-follow-up-overdue"), ==, 1);
  g_assert_true (find (answered, "contact-follow-up-overdue")->record == ben);
  g_assert_cmpuint (find (answered, "contact-follow-up-overdue")->records->len, ==, 1);
  g_assert_cmpstr (find (answered, "contact-follow-up-overdue")->message, ==,
                   "A follow-up with “Ben Okoro” is past its date.");
}

/* Issue 14: a payment names its budget line, and no line pays out more than
 * it plans; both ways, one finding with a count for many. */
static void
test_payments_and_budget (void)
{
  g_autoptr(CoproRecord) project = make_good_project ();
  CoproRecord *resources = copro_record_lookup (project, "plan.resources");
  CoproList *lines = copro_record_get_list (resources, "budget_lines");
  CoproList *payments = copro_record_get_list (resources, "payments");
  CoproRecord *partner = copro_list_get (copro_record_get_list (project, "partners"), 0);
  CoproRecord *line, *first, *second;
  g_autoptr(GPtrArray) unassigned = NULL;
  g_autoptr(GPtrArray) two_unassigned = NULL;
  g_autoptr(GPtrArray) over = NULL;
  g_autoptr(GPtrArray) within = NULL;
  CoproFinding *finding;

  copro_record_set_string (resources, "budget_holder", "Head of Commissioning");
  line = copro_list_add_new (lines);
  copro_record_set_string (line, "cost_head", "payment-for-time");
  copro_record_set_string (line, "description", "Carers’ time");
  copro_record_set_money (line, "amount", 5000);
  first = copro_list_add_new (payments);
  copro_record_set_string (first, "partner", copro_record_get_id (partner));
  copro_record_set_money (first, "amount", 2500);

  unassigned = run (project);
  assert_finding (unassigned, "payment-no-budget-line", COPRO_SEVERITY_PROBLEM, first,
                  "budget_line", "plan.resources.payments[0].budget_line");
  g_assert_cmpstr (find (unassigned, "payment-no-budget-line")->message, ==,
                   "The payment “£25.00 to Asha Patel” does not say which budget line it comes from.");
  g_assert_null (find (unassigned, "budget-line-overspent"));

  second = copro_list_add_new (payments);
  copro_record_set_money (second, "amount", 3000);
  two_unassigned = run (project);
  finding = find (two_unassigned, "payment-no-budget-line");
  g_assert_cmpuint (count (two_unassigned, "payment-no-budget-line"), ==, 1);
  g_assert_cmpuint (finding->records->len, ==, 2);
  g_assert_cmpstr (finding->message, ==, "2 payments do not say which budget line they come from.");

  /* On the line, they add up to £55.00 against £50.00 planned. */
  copro_record_set_string (first, "budget_line", copro_record_get_id (line));
  copro_record_set_string (second, "budget_line", copro_record_get_id (line));
  over = run (project);
  g_assert_null (find (over, "payment-no-budget-line"));
  assert_finding (over, "budget-line-overspent", COPRO_SEVERITY_PROBLEM, line,
                  "amount", "plan.resources.budget_lines[0].amount");
  g_assert_cmpstr (find (over, "budget-line-overspent")->message, ==,
                   "The budget line “Carers’ time” has paid out £55.00 against £50.00 planned.");

  /* Spending exactly what was planned is within it. */
  copro_record_set_money (second, "amount", 2500);
  within = run (project);
  g_assert_null (find (within, "budget-line-overspent"));
  g_assert_null (find (within, "payment-no-budget-line"));
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
  g_test_add_func ("/copro/checks/principle-red-no-action", test_principle_red_no_action);
  g_test_add_func ("/copro/checks/terms-review-date", test_terms_review_date);
  g_test_add_func ("/copro/checks/consultation-length", test_consultation_length);
  g_test_add_func ("/copro/checks/feedback-open-after-end", test_feedback_open_after_end);
  g_test_add_func ("/copro/checks/timescale-only-for-engage-and-above", test_timescale_only_for_engage_and_above);
  g_test_add_func ("/copro/checks/consult-target", test_consult_target);
  g_test_add_func ("/copro/checks/many-partners-one-finding", test_many_partners_one_finding);
  g_test_add_func ("/copro/checks/many-reviews-overdue", test_many_reviews_overdue);
  g_test_add_func ("/copro/checks/policy-items", test_policy_items);
  g_test_add_func ("/copro/checks/consent-and-review-dates", test_consent_and_review_dates);
  g_test_add_func ("/copro/checks/reciprocity", test_reciprocity);
  g_test_add_func ("/copro/checks/partner-mapping", test_partner_mapping);
  g_test_add_func ("/copro/checks/service-users-and-carers", test_service_users_and_carers);
  g_test_add_func ("/copro/checks/access-needs", test_access_needs);
  g_test_add_func ("/copro/checks/levels", test_levels);
  g_test_add_func ("/copro/checks/delivery", test_delivery);
  g_test_add_func ("/copro/checks/facilitators-and-windows", test_facilitators_and_windows);
  g_test_add_func ("/copro/checks/risks", test_risks);
  g_test_add_func ("/copro/checks/terms-members-and-agreement", test_terms_members_and_agreement);
  g_test_add_func ("/copro/checks/progress-review", test_progress_review);
  g_test_add_func ("/copro/checks/problems-come-first", test_problems_come_first);
  g_test_add_func ("/copro/checks/readme-lists-every-check", test_readme_lists_every_check);
  g_test_add_func ("/copro/checks/follow-ups-overdue", test_follow_ups_overdue);
  g_test_add_func ("/copro/checks/payments-and-budget", test_payments_and_budget);

  return g_test_run ();
}
