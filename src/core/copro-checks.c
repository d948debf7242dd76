/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The toolkit's rules of thumb, computed from the document and never stored.
 * Each finding names the record and field it concerns, so the window can take
 * the officer there and the workbook and the command line can say where.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "copro-checks.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-record-private.h"

enum {
  CHECK_TITLE_MISSING,
  CHECK_DATES_REVERSED,
  CHECK_TIMESCALE_SHORT,
  CHECK_SUPPORT_NOT_CONFIRMED,
  CHECK_BUDGET_NO_HOLDER,
  CHECK_REMUNERATION_NOT_CLEARED,
  CHECK_COPRODUCE_NO_EVALUATION,
  CHECK_PRINCIPLE_UNANSWERED,
  CHECK_PARTNER_NO_LAWFUL_BASIS,
  CHECK_PARTNER_REVIEW_OVERDUE,
  CHECK_TERMS_NO_REVIEW_DATE,
  CHECK_CONSULT_TOO_SHORT,
  CHECK_FEEDBACK_OPEN_LATE,
  N_CHECKS
};

static const CoproCheckInfo checks[N_CHECKS] = {
  [CHECK_TITLE_MISSING] = { "title-missing", COPRO_SEVERITY_PROBLEM,
    N_("The project has a title") },
  [CHECK_DATES_REVERSED] = { "dates-reversed", COPRO_SEVERITY_PROBLEM,
    N_("The project ends after it starts") },
  [CHECK_TIMESCALE_SHORT] = { "timescale-short", COPRO_SEVERITY_ADVICE,
    N_("The project runs for at least six months") },
  [CHECK_SUPPORT_NOT_CONFIRMED] = { "support-not-confirmed", COPRO_SEVERITY_PROBLEM,
    N_("Management support is confirmed") },
  [CHECK_BUDGET_NO_HOLDER] = { "budget-no-holder", COPRO_SEVERITY_PROBLEM,
    N_("A budget has a budget holder") },
  [CHECK_REMUNERATION_NOT_CLEARED] = { "remuneration-not-cleared", COPRO_SEVERITY_PROBLEM,
    N_("Remuneration is offered only once the remuneration policy is checked") },
  [CHECK_COPRODUCE_NO_EVALUATION] = { "coproduce-no-evaluation", COPRO_SEVERITY_PROBLEM,
    N_("A co-produced project agrees its impact measures") },
  [CHECK_PRINCIPLE_UNANSWERED] = { "principle-unanswered", COPRO_SEVERITY_ADVICE,
    N_("Each principle says how the project meets it") },
  [CHECK_PARTNER_NO_LAWFUL_BASIS] = { "partner-no-lawful-basis", COPRO_SEVERITY_PROBLEM,
    N_("Contact details are held on a lawful basis") },
  [CHECK_PARTNER_REVIEW_OVERDUE] = { "partner-review-overdue", COPRO_SEVERITY_PROBLEM,
    N_("Personal data is reviewed by its review date") },
  [CHECK_TERMS_NO_REVIEW_DATE] = { "terms-no-review-date", COPRO_SEVERITY_ADVICE,
    N_("The terms of reference have a review date") },
  [CHECK_CONSULT_TOO_SHORT] = { "consult-too-short", COPRO_SEVERITY_PROBLEM,
    N_("A consultation is open for at least four weeks") },
  [CHECK_FEEDBACK_OPEN_LATE] = { "feedback-open-late", COPRO_SEVERITY_ADVICE,
    N_("Feedback is closed once an activity has ended") },
};

const CoproCheckInfo *
copro_checks_get_all (guint *n_checks)
{
  if (n_checks != NULL)
    *n_checks = N_CHECKS;
  return checks;
}

const char *
copro_severity_to_key (CoproSeverity severity)
{
  return severity == COPRO_SEVERITY_PROBLEM ? "problem" : "advice";
}

static void
finding_free (CoproFinding *finding)
{
  g_free (finding->message);
  g_free (finding->path);
  g_clear_object (&finding->record);
  g_free (finding);
}

G_GNUC_PRINTF (6, 7)
static void
add (GPtrArray   *findings,
     guint        check,
     CoproRecord *record,
     const char  *field,
     const char  *path,
     const char  *format,
     ...)
{
  CoproFinding *finding = g_new0 (CoproFinding, 1);
  va_list args;

  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  finding->check = &checks[check];
  finding->record = g_object_ref (record);
  finding->field = field;
  finding->path = g_strdup (path);
  g_ptr_array_add (findings, finding);
}

static char *
format_date (const GDate *date)
{
  char buffer[32];

  g_date_strftime (buffer, sizeof buffer, "%d/%m/%Y", date);
  return g_strdup (buffer);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
check_overview (GPtrArray   *findings,
                CoproRecord *project)
{
  CoproRecord *overview = copro_record_get_record (project, "overview");
  GDate start, end, six_months;

  if (is_blank (copro_record_get_string (overview, "title")))
    add (findings, CHECK_TITLE_MISSING, overview, "title", "overview.title",
         "%s", _("The project has no title."));

  if (!copro_record_get_date (overview, "start_date", &start) ||
      !copro_record_get_date (overview, "end_date", &end))
    return;

  if (g_date_compare (&end, &start) < 0)
    {
      add (findings, CHECK_DATES_REVERSED, overview, "end_date", "overview.end_date",
           "%s", _("The end date is before the start date."));
      return;
    }
  six_months = start;
  g_date_add_months (&six_months, 6);
  if (g_date_compare (&end, &six_months) < 0)
    add (findings, CHECK_TIMESCALE_SHORT, overview, "end_date", "overview.end_date",
         _("The project runs for %d days; co-production rarely works well in less than six months."),
         g_date_days_between (&start, &end));
}

static void
check_plan (GPtrArray   *findings,
            CoproRecord *project,
            guint        n_offered)
{
  CoproRecord *overview = copro_record_get_record (project, "overview");
  CoproRecord *outline = copro_record_lookup (project, "plan.outline");
  CoproRecord *resources = copro_record_lookup (project, "plan.resources");
  CoproRecord *remuneration = copro_record_lookup (project, "plan.resources.compliance.remuneration");
  CoproRecord *evaluation = copro_record_lookup (project, "plan.evaluation");
  CoproRecord *principles = copro_record_lookup (project, "plan.principles");
  CoproList *budget = copro_record_get_list (resources, "budget_lines");

  if (g_strcmp0 (copro_record_get_string (outline, "management_support"), "confirmed") != 0)
    add (findings, CHECK_SUPPORT_NOT_CONFIRMED, outline, "management_support",
         "plan.outline.management_support",
         "%s", _("Management support for the project has not been confirmed."));

  if (copro_list_get_n_items (budget) > 0 &&
      is_blank (copro_record_get_string (resources, "budget_holder")))
    add (findings, CHECK_BUDGET_NO_HOLDER, resources, "budget_holder",
         "plan.resources.budget_holder",
         ngettext ("The budget has %u line but nobody is named as its budget holder.",
                   "The budget has %u lines but nobody is named as its budget holder.",
                   copro_list_get_n_items (budget)),
         copro_list_get_n_items (budget));

  if (n_offered > 0 &&
      g_strcmp0 (copro_record_get_string (remuneration, "status"), "done") != 0)
    add (findings, CHECK_REMUNERATION_NOT_CLEARED, remuneration, "status",
         "plan.resources.compliance.remuneration.status",
         ngettext ("Remuneration is offered to %u partner, but the remuneration item of the compliance checklist is not done.",
                   "Remuneration is offered to %u partners, but the remuneration item of the compliance checklist is not done.",
                   n_offered),
         n_offered);

  if (g_strcmp0 (copro_record_get_string (overview, "target_level"), "co-produce") == 0 &&
      is_blank (copro_record_get_string (evaluation, "impact_measures")))
    add (findings, CHECK_COPRODUCE_NO_EVALUATION, evaluation, "impact_measures",
         "plan.evaluation.impact_measures",
         "%s", _("The project aims to co-produce, but no impact measures have been agreed for its evaluation."));

  for (guint i = 0; i < G_N_ELEMENTS (copro_principle_keys); i++)
    {
      CoproRecord *principle = copro_record_get_record (principles, copro_principle_keys[i]);
      const CoproField *field = copro_record_desc_find_field (&copro_desc_principles, copro_principle_keys[i]);
      g_autofree char *path = g_strdup_printf ("plan.principles.%s.how", copro_principle_keys[i]);

      if (is_blank (copro_record_get_string (principle, "how")))
        /* TRANSLATORS: %s is a principle: Equality, Diversity, Accessibility or Reciprocity */
        add (findings, CHECK_PRINCIPLE_UNANSWERED, principle, "how", path,
             _("The plan does not yet say how the project will meet the principle of %s."),
             g_dgettext (GETTEXT_PACKAGE, field->label));
    }
}

/* The partner checks run over every partner, 100,000 of them in the largest
 * projects: they read the fields by their place in the description rather
 * than by name, and compare dates as the ISO text they are stored in. */
static guint
partner_field (const char *key)
{
  const CoproField *field = copro_record_desc_find_field (&copro_desc_partner, key);

  g_assert (field != NULL);
  return (guint) (field - copro_desc_partner.fields);
}

static inline const char *
partner_string (CoproRecord *partner,
                guint        index)
{
  return _copro_record_peek_values (partner)[index].s;
}

/* "YYYY-MM-DD", valid (copro_date_parse()), as format_date() writes it. */
static char *
format_iso_date (const char *text)
{
  return g_strdup_printf ("%.2s/%.2s/%u", text + 8, text + 5,
                          (guint) g_ascii_strtoull (text, NULL, 10));
}

static guint
count_remuneration_offers (CoproRecord *project)
{
  CoproList *partners = copro_record_get_list (project, "partners");
  guint offer_index = partner_field ("remuneration_offer");
  guint n_offered = 0;

  for (guint i = 0; i < copro_list_get_n_items (partners); i++)
    {
      const char *offer = partner_string (copro_list_get (partners, i), offer_index);

      if (g_strcmp0 (offer, "offered") == 0 || g_strcmp0 (offer, "accepted") == 0)
        n_offered++;
    }
  return n_offered;
}

static const char *
partner_name_at (CoproRecord *partner,
                 guint        name_index,
                 guint        organisation_index)
{
  const char *name = partner_string (partner, name_index);

  if (is_blank (name))
    name = partner_string (partner, organisation_index);
  if (is_blank (name))
    name = _("A partner with no name");
  return name;
}

static void
check_partners (GPtrArray   *findings,
                CoproRecord *project,
                const GDate *today)
{
  CoproList *partners = copro_record_get_list (project, "partners");
  guint n = copro_list_get_n_items (partners);
  guint name_index = partner_field ("name");
  guint organisation_index = partner_field ("organisation");
  guint email_index = partner_field ("email");
  guint phone_index = partner_field ("phone");
  guint lawful_index = partner_field ("lawful_basis");
  guint review_index = partner_field ("review_date");
  /* Beyond four-digit years, every date a project can hold is earlier. */
  g_autofree char *today_iso = g_date_get_year (today) > 9999 ? g_strdup ("9999-99-99")
                                                                : copro_date_to_iso (today);
  char path[64];

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *partner = copro_list_get (partners, i);
      const char *review;

      if ((!is_blank (partner_string (partner, email_index)) ||
           !is_blank (partner_string (partner, phone_index))) &&
          partner_string (partner, lawful_index) == NULL)
        {
          g_snprintf (path, sizeof path, "partners[%u].lawful_basis", i);
          add (findings, CHECK_PARTNER_NO_LAWFUL_BASIS, partner, "lawful_basis", path,
               _("Contact details are held for “%s” without a lawful basis."),
               partner_name_at (partner, name_index, organisation_index));
        }

      /* ISO dates of four-digit years sort as the dates do. */
      review = partner_string (partner, review_index);
      if (review != NULL && strcmp (review, today_iso) < 0 && copro_date_parse (review, NULL))
        {
          g_autofree char *when = format_iso_date (review);

          g_snprintf (path, sizeof path, "partners[%u].review_date", i);
          add (findings, CHECK_PARTNER_REVIEW_OVERDUE, partner, "review_date", path,
               _("The data protection review date for “%s” (%s) has passed."),
               partner_name_at (partner, name_index, organisation_index), when);
        }
    }
}

static void
check_terms (GPtrArray   *findings,
             CoproRecord *project)
{
  CoproRecord *terms = copro_record_get_record (project, "terms_of_reference");

  if (copro_record_get_string (terms, "review_date") == NULL)
    add (findings, CHECK_TERMS_NO_REVIEW_DATE, terms, "review_date",
         "terms_of_reference.review_date",
         "%s", _("The terms of reference have no date for their next review."));
}

static void
check_activities (GPtrArray   *findings,
                  CoproRecord *project,
                  const GDate *today)
{
  CoproList *activities = copro_record_get_list (project, "activities");
  char path[64];

  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);
      CoproList *feedback = copro_record_get_list (activity, "feedback");
      const char *title = copro_record_get_string (activity, "title");
      gboolean has_start, has_end;
      GDate start, end;
      guint n_open = 0;

      if (is_blank (title))
        title = _("An untitled activity");
      has_start = copro_record_get_date (activity, "start_date", &start);
      has_end = copro_record_get_date (activity, "end_date", &end);

      if (g_strcmp0 (copro_record_get_string (activity, "level_planned"), "consult") == 0 &&
          has_start && has_end && g_date_days_between (&start, &end) < 28)
        {
          g_snprintf (path, sizeof path, "activities[%u].end_date", i);
          add (findings, CHECK_CONSULT_TOO_SHORT, activity, "end_date", path,
               _("The consultation “%s” is open for %d days; allow at least four weeks."),
               title, g_date_days_between (&start, &end));
        }

      if (!has_end || g_date_compare (&end, today) >= 0)
        continue;
      for (guint j = 0; j < copro_list_get_n_items (feedback); j++)
        {
          const char *status = copro_record_get_string (copro_list_get (feedback, j), "status");

          if (status == NULL || g_str_equal (status, "open"))
            n_open++;
        }
      if (n_open > 0)
        {
          g_autofree char *when = format_date (&end);

          g_snprintf (path, sizeof path, "activities[%u].feedback", i);
          add (findings, CHECK_FEEDBACK_OPEN_LATE, activity, "feedback", path,
               ngettext ("“%s” ended on %s but %u feedback item is still open.",
                         "“%s” ended on %s but %u feedback items are still open.", n_open),
               title, when, n_open);
        }
    }
}

static int
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  const CoproFinding *fa = *(const CoproFinding **) a;
  const CoproFinding *fb = *(const CoproFinding **) b;

  return (int) fa->check->severity - (int) fb->check->severity;
}

GPtrArray *
copro_checks_run (CoproRecord *project,
                  const GDate *today)
{
  GPtrArray *findings;
  GDate now;

  g_return_val_if_fail (COPRO_IS_RECORD (project), NULL);

  if (today == NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_now_local ();

      g_date_clear (&now, 1);
      g_date_set_dmy (&now, (GDateDay) g_date_time_get_day_of_month (dt),
                      (GDateMonth) g_date_time_get_month (dt),
                      (GDateYear) g_date_time_get_year (dt));
      today = &now;
    }

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  check_overview (findings, project);
  check_plan (findings, project, count_remuneration_offers (project));
  check_partners (findings, project, today);
  check_terms (findings, project);
  check_activities (findings, project, today);

  /* Stable: document order is kept within each severity. */
  g_ptr_array_sort (findings, compare_severity);
  return findings;
}

guint
copro_checks_count (GPtrArray     *findings,
                    CoproSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (((CoproFinding *) g_ptr_array_index (findings, i))->check->severity == severity)
      n++;
  return n;
}
