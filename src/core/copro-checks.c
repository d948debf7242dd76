/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The toolkit's rules of thumb, computed from the document and never stored.
 * Each finding names the record and field it concerns, so the window can take
 * the officer there and the workbook and the command line can say where. A
 * rule broken by many records (20,000 imported partners, say) is one finding
 * with a count that lists them all, not one finding each.
 *
 * Each check's "why" is the toolkit's rule in our own words, naming the part
 * of the toolkit (seed/toolkit.txt) it comes from.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "copro-activity.h"
#include "copro-budget.h"
#include "copro-checks.h"
#include "copro-contact.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-payment.h"
#include "copro-risk.h"
#include "copro-signoff.h"

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
  CHECK_CONSULTATION_PROTOCOL,
  CHECK_DPIA_NOT_DONE,
  CHECK_EQIA_NOT_DONE,
  CHECK_CONSENT_NO_DATE,
  CHECK_PARTNER_NO_REVIEW_DATE,
  CHECK_REMUNERATION_UNDECIDED,
  CHECK_REMUNERATION_NO_RATE,
  CHECK_REMUNERATION_NO_BUDGET,
  CHECK_PARTNERS_NOT_MAPPED,
  CHECK_NO_PARTNERS,
  CHECK_NO_SERVICE_USER_PARTNER,
  CHECK_ACCESS_NEEDS_UNPLANNED,
  CHECK_COPRODUCE_STEPS_LOWER,
  CHECK_LEVEL_NOT_ACHIEVED,
  CHECK_ACTIONS_OVERDUE,
  CHECK_COMMUNICATIONS_EMPTY,
  CHECK_ACTIVITY_NO_FACILITATOR,
  CHECK_RISK_HIGH_UNMANAGED,
  CHECK_NO_RISKS,
  CHECK_TERMS_NO_MEMBERS,
  CHECK_TERMS_NOT_AGREED,
  CHECK_CONSULT_NO_WINDOW,
  CHECK_EQUAL_VOICE_UNANSWERED,
  CHECK_PROGRESS_REVIEW_MISSING,
  CHECK_PRINCIPLE_RED_NO_ACTION,
  CHECK_FOLLOW_UPS_OVERDUE,
  CHECK_PAYMENT_NO_BUDGET_LINE,
  CHECK_BUDGET_LINE_OVERSPENT,
  N_CHECKS
};

#define PROBLEM COPRO_SEVERITY_PROBLEM
#define ADVICE COPRO_SEVERITY_ADVICE

static const CoproCheckInfo checks[N_CHECKS] = {
  [CHECK_TITLE_MISSING] = { "title-missing", PROBLEM,
    N_("The project has a title"),
    N_("Step 1, Identify and outline: a project starts by saying what it sets out to do, so that everyone knows what they are joining.") },
  [CHECK_DATES_REVERSED] = { "dates-reversed", PROBLEM,
    N_("The project ends after it starts"),
    N_("Step 1, Identify and outline: the timescale is one of the first things to settle, and it has to run forwards.") },
  [CHECK_TIMESCALE_SHORT] = { "timescale-short", ADVICE,
    N_("The project runs for at least six months"),
    N_("Step 1, Identify and outline: involvement at engage level and above is hard to do well in less than six months, as relationships take time to build.") },
  [CHECK_SUPPORT_NOT_CONFIRMED] = { "support-not-confirmed", PROBLEM,
    N_("Management support is confirmed"),
    N_("Step 1, Identify and outline: without a manager’s backing, what the group decides may never be carried out.") },
  [CHECK_BUDGET_NO_HOLDER] = { "budget-no-holder", PROBLEM,
    N_("A budget has a budget holder"),
    N_("Step 2, Resources and compliance: someone has to be responsible for the money that pays for refreshments, expenses and fees.") },
  [CHECK_REMUNERATION_NOT_CLEARED] = { "remuneration-not-cleared", PROBLEM,
    N_("Remuneration is offered only once the remuneration policy is checked"),
    N_("Step 2, Resources and compliance: check your organisation’s policy on paying and reimbursing people before you offer payment.") },
  [CHECK_COPRODUCE_NO_EVALUATION] = { "coproduce-no-evaluation", PROBLEM,
    N_("A co-produced project agrees its impact measures"),
    N_("Step 6, Co-evaluate: agree at the start how you will measure the difference the project makes.") },
  [CHECK_PRINCIPLE_UNANSWERED] = { "principle-unanswered", ADVICE,
    N_("Each principle says how the project meets it"),
    N_("The four principles: equality, diversity, accessibility and reciprocity are what make involvement co-production, so the plan says how it meets each.") },
  [CHECK_PARTNER_NO_LAWFUL_BASIS] = { "partner-no-lawful-basis", PROBLEM,
    N_("Contact details are held on a lawful basis"),
    N_("Step 2, Resources and compliance: data management rules apply to everyone’s contact details, and holding them needs a lawful basis.") },
  [CHECK_PARTNER_REVIEW_OVERDUE] = { "partner-review-overdue", PROBLEM,
    N_("Personal data is reviewed by its review date"),
    N_("Step 2, Resources and compliance: data management means keeping personal details only while they are needed, and reviewing them when due.") },
  [CHECK_TERMS_NO_REVIEW_DATE] = { "terms-no-review-date", ADVICE,
    N_("The terms of reference have a review date"),
    N_("Appendix 3, Terms of reference: the group agrees its terms and comes back to them, so they need a date for review.") },
  [CHECK_CONSULT_TOO_SHORT] = { "consult-too-short", PROBLEM,
    N_("A consultation is open for at least four weeks"),
    N_("Spectrum of involvement, Consult: people get a fixed window to respond, and it lasts at least four weeks.") },
  [CHECK_FEEDBACK_OPEN_LATE] = { "feedback-open-late", ADVICE,
    N_("Feedback is closed once an activity has ended"),
    N_("Appendix 4, Reviewing involvement activities: once an activity ends, tell people what became of what they said.") },
  [CHECK_CONSULTATION_PROTOCOL] = { "consultation-protocol-not-done", PROBLEM,
    N_("A consultation follows the consultation protocol"),
    N_("Step 2, Resources and compliance: a consultation has to follow your organisation’s consultation protocol.") },
  [CHECK_DPIA_NOT_DONE] = { "dpia-not-done", PROBLEM,
    N_("Special-category data is held only after an impact assessment"),
    N_("Step 2, Resources and compliance: data management rules ask for a data protection impact assessment before details such as health are held.") },
  [CHECK_EQIA_NOT_DONE] = { "eqia-not-done", PROBLEM,
    N_("Co-design and co-production assess their impact on equality"),
    N_("Step 2, Resources and compliance: equality and diversity policies apply when people design a service together, so assess its impact on equality.") },
  [CHECK_CONSENT_NO_DATE] = { "partner-consent-no-date", PROBLEM,
    N_("Consent has a date"),
    N_("Step 2, Resources and compliance: where consent is the lawful basis, data management means being able to show when it was given.") },
  [CHECK_PARTNER_NO_REVIEW_DATE] = { "partner-no-review-date", PROBLEM,
    N_("Personal details have a review or deletion date"),
    N_("Step 2, Resources and compliance: data management means deciding when personal details will be reviewed or deleted.") },
  [CHECK_REMUNERATION_UNDECIDED] = { "remuneration-undecided", ADVICE,
    N_("Remuneration is decided for service users and carers"),
    N_("Principles, Reciprocity, and Step 3, Recruit the group: people get something back for what they put in, so decide whether to offer remuneration.") },
  [CHECK_REMUNERATION_NO_RATE] = { "remuneration-no-rate", ADVICE,
    N_("Remuneration offered has a rate"),
    N_("Step 2, Resources and compliance: the budget has to cover the fees offered, so an offer of payment needs a rate.") },
  [CHECK_REMUNERATION_NO_BUDGET] = { "remuneration-no-budget", PROBLEM,
    N_("The budget pays for people’s time when remuneration is offered"),
    N_("Step 2, Resources and compliance: the budget covers the fees and expenses offered to people.") },
  [CHECK_PARTNERS_NOT_MAPPED] = { "partners-not-mapped", ADVICE,
    N_("Partners are mapped by influence and interest"),
    N_("Step 3, Recruit the group: a partner mapping activity places everyone the project affects by their influence and interest.") },
  [CHECK_NO_PARTNERS] = { "no-partners", ADVICE,
    N_("A project recruiting its group has partners"),
    N_("Step 3, Recruit the group: work out who the project affects and who you need to involve.") },
  [CHECK_NO_SERVICE_USER_PARTNER] = { "no-service-user-partner", ADVICE,
    N_("Co-design and co-production involve people who use services or carers"),
    N_("Principles, Diversity: co-production is a partnership of people who use services, carers and professionals, so make the effort to include them.") },
  [CHECK_ACCESS_NEEDS_UNPLANNED] = { "access-needs-unplanned", ADVICE,
    N_("Partners’ access needs are planned for"),
    N_("Principles, Accessibility, and Step 3, Recruit the group: everyone takes part in the way that suits them best, so plan and pay for the adjustments they need.") },
  [CHECK_COPRODUCE_STEPS_LOWER] = { "coproduce-steps-lower", ADVICE,
    N_("A co-produced project delivers and evaluates at co-produce level"),
    N_("Spectrum of involvement, Co-produce: people share decisions and work together to deliver and evaluate, not only to design.") },
  [CHECK_LEVEL_NOT_ACHIEVED] = { "activity-level-not-achieved", ADVICE,
    N_("An activity below its planned level says what to change"),
    N_("Appendix 4, Reviewing involvement activities: when an activity falls short of the level planned, record what to change next time.") },
  [CHECK_ACTIONS_OVERDUE] = { "actions-overdue", ADVICE,
    N_("Delivery actions are done by their due date"),
    N_("Step 5, Co-deliver: agree how you will make sure that tasks are completed.") },
  [CHECK_COMMUNICATIONS_EMPTY] = { "communications-plan-empty", ADVICE,
    N_("A project in co-design has a communications plan"),
    N_("Step 4, Co-design: plan who needs to know what and when, the key messages, and how you will share them.") },
  [CHECK_ACTIVITY_NO_FACILITATOR] = { "activity-no-facilitator", ADVICE,
    N_("Involvement activities have a facilitator"),
    N_("Challenges of co-production, Facilitation skills: each activity needs someone trained, or best placed, to facilitate it.") },
  [CHECK_RISK_HIGH_UNMANAGED] = { "risk-high-unmanaged", PROBLEM,
    N_("A high risk has an owner and a mitigation"),
    N_("Challenges of co-production, Organisation culture: the risks of sharing decisions have to be managed, so a high risk needs an owner and a mitigation.") },
  [CHECK_NO_RISKS] = { "no-risks", ADVICE,
    N_("Risks are recorded before sign-off"),
    N_("Challenges of co-production, Organisation culture: before signing off, show how the risks of sharing decisions will be managed.") },
  [CHECK_TERMS_NO_MEMBERS] = { "terms-no-members", ADVICE,
    N_("The terms of reference list the group’s members"),
    N_("Appendix 3, Terms of reference: the terms say who belongs to the group.") },
  [CHECK_TERMS_NOT_AGREED] = { "terms-not-agreed", ADVICE,
    N_("The terms of reference have a date agreed"),
    N_("Appendix 3, Terms of reference: the group agrees its own terms, so record when it did.") },
  [CHECK_CONSULT_NO_WINDOW] = { "consult-no-window", ADVICE,
    N_("A consultation has a start and an end date"),
    N_("Spectrum of involvement, Consult: a consultation gives people a fixed window to respond.") },
  [CHECK_EQUAL_VOICE_UNANSWERED] = { "equal-voice-unanswered", ADVICE,
    N_("Delivery says how every voice gets equal weight"),
    N_("Step 5, Co-deliver, and Principles, Equality: say how you will make sure that everyone’s views are valued equally.") },
  [CHECK_PROGRESS_REVIEW_MISSING] = { "progress-review-missing", ADVICE,
    N_("A co-produced project says how progress is reviewed"),
    N_("Step 6, Co-evaluate: decide how you will review the project’s success while you are doing it.") },
  [CHECK_PRINCIPLE_RED_NO_ACTION] = { "principle-red-no-action", PROBLEM,
    N_("A principle rated red says what will be done about it"),
    N_("The four principles: rating how far the project meets each one is only useful if a red rating leads to action.") },
  [CHECK_FOLLOW_UPS_OVERDUE] = { "contact-follow-up-overdue", ADVICE,
    N_("Follow-ups with partners are made by their date"),
    N_("Step 3, Recruit the group, and Why co-production is important: positive working relationships are built and kept by getting back to people when you said you would.") },
  [CHECK_PAYMENT_NO_BUDGET_LINE] = { "payment-no-budget-line", PROBLEM,
    N_("Each payment or expense comes from a budget line"),
    N_("Step 2, Resources: know which budget covers refreshments, expenses and fees, and who is responsible for it.") },
  [CHECK_BUDGET_LINE_OVERSPENT] = { "budget-line-overspent", PROBLEM,
    N_("No budget line has spent more than planned"),
    N_("Challenges of co-production, Resources: make sure there is enough budget to facilitate co-production, so that paying people for their time and expenses does not run out.") },
};

/* Places on the spectrum and among the steps, by their index. */
enum { LEVEL_CONSULT = 2, LEVEL_ENGAGE = 3, LEVEL_CO_DESIGN = 4, LEVEL_CO_PRODUCE = 5 };
enum { STEP_RECRUIT = 2, STEP_CO_DESIGN = 3, STEP_CO_DELIVER = 4 };

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
  g_clear_pointer (&finding->records, g_ptr_array_unref);
  g_free (finding);
}

/* Takes @records (references, at least one) and @message. */
static void
add_many (GPtrArray   *findings,
          guint        check,
          GPtrArray   *records,
          const char  *field,
          const char  *path,
          char        *message)
{
  CoproFinding *finding = g_new0 (CoproFinding, 1);

  g_assert (records->len > 0);
  finding->message = message;
  finding->check = &checks[check];
  finding->record = g_object_ref (g_ptr_array_index (records, 0));
  finding->field = field;
  finding->path = g_strdup (path);
  finding->records = records;
  g_ptr_array_add (findings, finding);
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
  GPtrArray *records = g_ptr_array_new_full (1, g_object_unref);
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (records, g_object_ref (record));
  add_many (findings, check, records, field, path, message);
}

/* The records breaking one rule, gathered in document order as a check walks
 * a list; the first one's index gives the finding its path. */
typedef struct
{
  GPtrArray *records;
  guint      first;
} Gathered;

static void
gather (Gathered    *gathered,
        CoproRecord *record,
        guint        index)
{
  if (gathered->records == NULL)
    {
      gathered->records = g_ptr_array_new_with_free_func (g_object_unref);
      gathered->first = index;
    }
  g_ptr_array_add (gathered->records, g_object_ref (record));
}

static void
gathered_clear (Gathered *gathered)
{
  g_clear_pointer (&gathered->records, g_ptr_array_unref);
}

static inline guint
gathered_count (const Gathered *gathered)
{
  return gathered->records != NULL ? gathered->records->len : 0;
}

static inline CoproRecord *
gathered_first (const Gathered *gathered)
{
  return g_ptr_array_index (gathered->records, 0);
}

/* Adds the finding for what was gathered, if anything: @message is written
 * for the first record; the path is @list[first].@field. Takes @message. */
static void
add_gathered (GPtrArray  *findings,
              guint       check,
              Gathered   *gathered,
              const char *list,
              const char *field,
              char       *message)
{
  char path[96];

  if (gathered->records == NULL)
    {
      g_free (message);
      return;
    }
  g_snprintf (path, sizeof path, "%s[%u].%s", list, gathered->first, field);
  add_many (findings, check, g_steal_pointer (&gathered->records), field, path, message);
}

/* A count as people read it, with the locale's thousands separators: "20,000". */
static const char *
format_count (char  *buffer,
              gsize  size,
              guint  n)
{
  g_snprintf (buffer, size, "%'u", n);
  return buffer;
}

/* The same, into a buffer that lasts as long as the enclosing block. */
#define COUNT(n) format_count ((char[32]) { 0 }, 32, (n))

/* A message about one record, naming it with @one, or about @n of them,
 * counting them with ngettext's @singular and @plural (%s is the count). The
 * formats stay literals at the call, for the compiler and for xgettext. */
#define MANY(n, singular, plural) \
  g_strdup_printf (ngettext (singular, plural, n), COUNT (n))
#define ONE_OR_MANY(n, one, name, singular, plural) \
  ((n) == 1 ? g_strdup_printf (one, name) : MANY (n, singular, plural))

static char *
format_date (const GDate *date)
{
  char buffer[32];

  g_date_strftime (buffer, sizeof buffer, "%d/%m/%Y", date);
  return g_strdup (buffer);
}

/* "YYYY-MM-DD", valid (copro_date_parse()), as format_date() writes it. */
static char *
format_iso_date (const char *text)
{
  return g_strdup_printf ("%.2s/%.2s/%u", text + 8, text + 5,
                          (guint) g_ascii_strtoull (text, NULL, 10));
}

/* Names as a list people read: “A”, “A and B”, “A, B and C”. */
static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the names of a list, and before its last one */
        g_string_append (text, i + 1 < names->len ? _(", ") : _(" and "));
      g_string_append (text, g_ptr_array_index (names, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
level_index (const char *key)
{
  return copro_enum_index (&copro_enum_level, key);
}

static gboolean
status_is (CoproRecord *record,
           const char  *status)
{
  return g_strcmp0 (copro_record_get_string (record, "status"), status) == 0;
}

/* What the checks need to know of the project as a whole. */
typedef struct
{
  CoproRecord *project;
  const GDate *today;
  char         today_iso[11]; /* @today as "YYYY-MM-DD" */
  int          target;   /* level_index() of the target level, or -1 */
  int          step;     /* index of the current step, or -1 */
} Context;

/* The partners, walked once: 100,000 of them in the largest projects. Their
 * fields are read by their place in the description rather than by name. */
typedef struct
{
  Gathered no_lawful_basis;
  Gathered review_overdue;
  Gathered consent_no_date;
  Gathered no_review_date;
  Gathered remuneration_undecided;
  Gathered remuneration_no_rate;
  Gathered not_mapped;
  Gathered access_needs;         /* with a need nothing provides for */
  const char *first_unmet_need;  /* ... the first of the first one's */
  Gathered follow_ups_overdue;
  guint    n_follow_ups_overdue;  /* overdue follow-ups, over all partners */
  guint    n_offered;            /* remuneration offered or accepted */
  guint    n_paid_for_time;      /* ... on a basis other than expenses only */
  gboolean has_service_user;     /* lived experience or carer, not withdrawn */
} PartnerScan;

static void
partner_scan_clear (PartnerScan *scan)
{
  gathered_clear (&scan->no_lawful_basis);
  gathered_clear (&scan->review_overdue);
  gathered_clear (&scan->consent_no_date);
  gathered_clear (&scan->no_review_date);
  gathered_clear (&scan->remuneration_undecided);
  gathered_clear (&scan->remuneration_no_rate);
  gathered_clear (&scan->not_mapped);
  gathered_clear (&scan->access_needs);
  gathered_clear (&scan->follow_ups_overdue);
}

static guint
partner_field (const char *key)
{
  return copro_record_desc_field_index (&copro_desc_partner, key);
}

/* The access needs (bits by their index in copro_enum_access_need) that no
 * activity provides for and no budget line pays to meet. */
static guint64
unmet_access_needs (const Context *context)
{
  CoproList *activities = copro_record_get_list (context->project, "activities");
  CoproList *budget = copro_budget_get_lines (context->project);
  guint n_needs = copro_enum_n_values (&copro_enum_access_need);
  guint64 unmet = 0;

  g_assert (n_needs <= 64);
  for (guint k = 0; k < n_needs; k++)
    {
      const char *need = copro_enum_access_need.values[k].key;
      gboolean met = FALSE;

      for (guint i = 0; i < copro_list_get_n_items (activities) && !met; i++)
        met = copro_activity_provides_for (copro_list_get (activities, i), need);
      for (guint i = 0; i < copro_list_get_n_items (budget) && !met; i++)
        met = copro_budget_line_meets_need (copro_list_get (budget, i), need);
      if (!met)
        unmet |= G_GUINT64_CONSTANT (1) << k;
    }
  return unmet;
}

static void
scan_partners (const Context *context,
               PartnerScan   *scan)
{
  CoproList *partners = copro_record_get_list (context->project, "partners");
  guint n = copro_list_get_n_items (partners);
  guint review_date = partner_field ("review_date");
  guint offer = partner_field ("remuneration_offer");
  guint basis = partner_field ("remuneration_basis");
  guint rate = partner_field ("remuneration_rate");
  guint influence = partner_field ("influence");
  guint interest = partner_field ("interest");
  guint access_needs = partner_field ("access_needs");
  gboolean mapping = context->step >= STEP_RECRUIT;
  guint64 unmet = unmet_access_needs (context);

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *partner = copro_list_get (partners, i);
      gboolean withdrawn = copro_partner_is_withdrawn (partner);
      const char *offer_made = copro_record_get_string_at (partner, offer);
      gboolean offered = g_strcmp0 (offer_made, "offered") == 0 || g_strcmp0 (offer_made, "accepted") == 0;

      CoproLawfulBasisState basis_state = copro_partner_get_lawful_basis_state (partner);
      guint overdue;

      if (basis_state == COPRO_LAWFUL_BASIS_MISSING && copro_partner_has_contact_details (partner))
        gather (&scan->no_lawful_basis, partner, i);
      if (copro_partner_is_review_due_on (partner, context->today))
        gather (&scan->review_overdue, partner, i);
      if (basis_state == COPRO_LAWFUL_BASIS_CONSENT_UNDATED)
        gather (&scan->consent_no_date, partner, i);
      if ((overdue = copro_partner_count_overdue_follow_ups (partner, context->today_iso)) > 0)
        {
          gather (&scan->follow_ups_overdue, partner, i);
          scan->n_follow_ups_overdue += overdue;
        }
      if (copro_record_get_string_at (partner, review_date) == NULL &&
          copro_partner_holds_personal_details (partner))
        gather (&scan->no_review_date, partner, i);

      if (!withdrawn && copro_partner_is_service_user (partner))
        {
          scan->has_service_user = TRUE;
          if (offer_made == NULL)
            gather (&scan->remuneration_undecided, partner, i);
        }
      if (offered)
        {
          gboolean expenses_only = g_strcmp0 (copro_record_get_string_at (partner, basis), "expenses-only") == 0;

          scan->n_offered++;
          if (!expenses_only)
            scan->n_paid_for_time++;
          if (!expenses_only && copro_record_get_money_at (partner, rate) == 0)
            gather (&scan->remuneration_no_rate, partner, i);
        }

      if (mapping && (copro_record_get_int_at (partner, influence) == 0 ||
                      copro_record_get_int_at (partner, interest) == 0))
        gather (&scan->not_mapped, partner, i);
      if (!withdrawn && unmet != 0)
        {
          const char * const *needs = copro_record_get_flags_at (partner, access_needs);

          for (guint k = 0; needs[k] != NULL; k++)
            {
              int need = copro_enum_index (&copro_enum_access_need, needs[k]);

              if (need >= 0 && (unmet & (G_GUINT64_CONSTANT (1) << need)) != 0)
                {
                  if (scan->access_needs.records == NULL)
                    scan->first_unmet_need = needs[k];
                  gather (&scan->access_needs, partner, i);
                  break;
                }
            }
        }
    }
}

static void
check_overview (GPtrArray     *findings,
                const Context *context)
{
  CoproRecord *overview = copro_record_get_record (context->project, "overview");
  GDate start, end, six_months;

  if (copro_text_is_blank (copro_record_get_string (overview, "title")))
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
  /* Six months is the toolkit's advice for co-production, not for informing. */
  if (context->target >= LEVEL_ENGAGE && g_date_compare (&end, &six_months) < 0)
    add (findings, CHECK_TIMESCALE_SHORT, overview, "end_date", "overview.end_date",
         _("The project runs for %d days; co-production rarely works well in less than six months."),
         g_date_days_between (&start, &end));
  /* A project whose aim is to consult is itself a consultation. */
  if (context->target == LEVEL_CONSULT && g_date_days_between (&start, &end) < 28)
    add (findings, CHECK_CONSULT_TOO_SHORT, overview, "end_date", "overview.end_date",
         _("The project aims to consult, but runs for %d days; allow at least four weeks."),
         g_date_days_between (&start, &end));
}

/* The level an activity works at: its own, or else the project's target. */
static int
activity_level (const Context *context,
                CoproRecord   *activity)
{
  const char *planned = copro_record_get_string (activity, "level_planned");

  return planned != NULL ? level_index (planned) : context->target;
}

static gboolean
plans_consultation (const Context *context)
{
  CoproList *activities = copro_record_get_list (context->project, "activities");

  if (context->target == LEVEL_CONSULT)
    return TRUE;
  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    if (activity_level (context, copro_list_get (activities, i)) == LEVEL_CONSULT)
      return TRUE;
  return FALSE;
}

static void
check_plan (GPtrArray         *findings,
            const Context     *context,
            const PartnerScan *scan)
{
  CoproRecord *outline = copro_record_lookup (context->project, "plan.outline");
  CoproRecord *step_levels = copro_record_lookup (context->project, "plan.outline.step_levels");
  CoproRecord *resources = copro_record_lookup (context->project, "plan.resources");
  CoproRecord *compliance = copro_record_lookup (context->project, "plan.resources.compliance");
  CoproRecord *remuneration = copro_record_get_record (compliance, "remuneration");
  CoproRecord *protocol = copro_record_get_record (compliance, "consultation_protocol");
  CoproRecord *data_protection = copro_record_lookup (context->project, "plan.resources.data_protection");
  CoproRecord *equality = copro_record_lookup (context->project, "plan.resources.equality");
  CoproRecord *evaluation = copro_record_lookup (context->project, "plan.evaluation");
  CoproRecord *principles = copro_record_lookup (context->project, "plan.principles");
  CoproList *budget = copro_record_get_list (resources, "budget_lines");
  const char *dpia = copro_record_get_string (data_protection, "dpia_status");
  const char *eqia = copro_record_get_string (equality, "eqia_status");
  static const char * const later_steps[] = { "co_deliver", "co_evaluate" };
  Gathered unanswered = { NULL, 0 }, red = { NULL, 0 };
  g_autoptr(GPtrArray) unanswered_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) red_names = g_ptr_array_new ();

  if (g_strcmp0 (copro_record_get_string (outline, "management_support"), "confirmed") != 0)
    add (findings, CHECK_SUPPORT_NOT_CONFIRMED, outline, "management_support",
         "plan.outline.management_support",
         "%s", _("Management support for the project has not been confirmed."));

  if (context->target == LEVEL_CO_PRODUCE)
    {
      g_autoptr(GString) lower = g_string_new (NULL);
      const char *first = NULL;

      /* One finding for the step levels, naming each step set lower. */
      for (guint i = 0; i < G_N_ELEMENTS (later_steps); i++)
        {
          const char *level = copro_record_get_string (step_levels, later_steps[i]);
          const CoproField *field = copro_record_desc_find_field (&copro_desc_step_levels, later_steps[i]);

          if (level == NULL || level_index (level) >= LEVEL_CO_PRODUCE)
            continue;
          if (first == NULL)
            first = later_steps[i];
          else
            g_string_append (lower, _(" and "));
          /* TRANSLATORS: a step, e.g. "5. Co-deliver", and its level, e.g. "Co-design" */
          g_string_append_printf (lower, _("“%s” at “%s”"),
                                  g_dgettext (GETTEXT_PACKAGE, field->label),
                                  copro_enum_label (&copro_enum_level, level));
        }
      if (first != NULL)
        {
          g_autofree char *path = g_strdup_printf ("plan.outline.step_levels.%s", first);

          /* TRANSLATORS: %s lists steps and their levels, e.g. “5. Co-deliver” at “Co-design” */
          add (findings, CHECK_COPRODUCE_STEPS_LOWER, step_levels, first, path,
               _("The project aims to co-produce, but plans %s."), lower->str);
        }
    }

  if (copro_list_get_n_items (budget) > 0 &&
      copro_text_is_blank (copro_record_get_string (resources, "budget_holder")))
    add (findings, CHECK_BUDGET_NO_HOLDER, resources, "budget_holder",
         "plan.resources.budget_holder",
         ngettext ("The budget has %'u line but nobody is named as its budget holder.",
                   "The budget has %'u lines but nobody is named as its budget holder.",
                   copro_list_get_n_items (budget)),
         copro_list_get_n_items (budget));

  if (scan->n_paid_for_time > 0)
    {
      gboolean pays_for_time = FALSE;

      for (guint i = 0; i < copro_list_get_n_items (budget) && !pays_for_time; i++)
        pays_for_time = copro_budget_line_pays_for (copro_list_get (budget, i), "payment-for-time");
      if (!pays_for_time)
        add (findings, CHECK_REMUNERATION_NO_BUDGET, resources, "budget_lines",
             "plan.resources.budget_lines",
             ngettext ("Payment is offered to %s partner, but no budget line pays for people’s time.",
                       "Payment is offered to %s partners, but no budget line pays for people’s time.",
                       scan->n_paid_for_time),
             COUNT (scan->n_paid_for_time));
    }

  if (scan->n_offered > 0 && !status_is (remuneration, "done"))
    add (findings, CHECK_REMUNERATION_NOT_CLEARED, remuneration, "status",
         "plan.resources.compliance.remuneration.status",
         ngettext ("Remuneration is offered to %s partner, but the remuneration item of the compliance checklist is not done.",
                   "Remuneration is offered to %s partners, but the remuneration item of the compliance checklist is not done.",
                   scan->n_offered),
         COUNT (scan->n_offered));

  if (!status_is (protocol, "done") && plans_consultation (context))
    add (findings, CHECK_CONSULTATION_PROTOCOL, protocol, "status",
         "plan.resources.compliance.consultation_protocol.status",
         "%s", _("A consultation is planned, but the consultation protocol item of the compliance checklist is not done."));

  if (copro_record_get_bool (data_protection, "special_category") &&
      g_strcmp0 (dpia, "done") != 0 && g_strcmp0 (dpia, "not-needed") != 0)
    add (findings, CHECK_DPIA_NOT_DONE, data_protection, "dpia_status",
         "plan.resources.data_protection.dpia_status",
         "%s", _("Special-category data is held, but the data protection impact assessment is not done."));

  if (context->target >= LEVEL_CO_DESIGN &&
      g_strcmp0 (eqia, "done") != 0 && g_strcmp0 (eqia, "not-needed") != 0)
    add (findings, CHECK_EQIA_NOT_DONE, equality, "eqia_status",
         "plan.resources.equality.eqia_status",
         "%s", _("The project aims to design a service with people, but its equality impact assessment is not done."));

  if (context->target == LEVEL_CO_PRODUCE &&
      copro_text_is_blank (copro_record_get_string (evaluation, "impact_measures")))
    add (findings, CHECK_COPRODUCE_NO_EVALUATION, evaluation, "impact_measures",
         "plan.evaluation.impact_measures",
         "%s", _("The project aims to co-produce, but no impact measures have been agreed for its evaluation."));

  if (context->target == LEVEL_CO_PRODUCE &&
      copro_text_is_blank (copro_record_get_string (evaluation, "progress_review")))
    add (findings, CHECK_PROGRESS_REVIEW_MISSING, evaluation, "progress_review",
         "plan.evaluation.progress_review",
         "%s", _("The project aims to co-produce, but the plan does not say how progress will be reviewed along the way."));

  for (guint i = 0; i < G_N_ELEMENTS (copro_principle_keys); i++)
    {
      CoproRecord *principle = copro_record_get_record (principles, copro_principle_keys[i]);
      const CoproField *field = copro_record_desc_find_field (&copro_desc_principles, copro_principle_keys[i]);

      if (copro_text_is_blank (copro_record_get_string (principle, "how")))
        {
          g_ptr_array_add (unanswered_names, (gpointer) g_dgettext (GETTEXT_PACKAGE, field->label));
          gather (&unanswered, principle, i);
        }
      if (g_strcmp0 (copro_record_get_string (principle, "rating"), "red") == 0 &&
          copro_text_is_blank (copro_record_get_string (principle, "action")))
        {
          g_ptr_array_add (red_names, (gpointer) g_dgettext (GETTEXT_PACKAGE, field->label));
          gather (&red, principle, i);
        }
    }
  /* One finding each, naming every principle it concerns. */
  if (unanswered.records != NULL)
    {
      g_autofree char *path = g_strdup_printf ("plan.principles.%s.how", copro_principle_keys[unanswered.first]);
      guint n = unanswered.records->len;
      g_autofree char *names = join_names (unanswered_names);

      add_many (findings, CHECK_PRINCIPLE_UNANSWERED, g_steal_pointer (&unanswered.records), "how", path,
                /* TRANSLATORS: %s names one or more principles, e.g. “Equality, Diversity” */
                g_strdup_printf (ngettext ("The plan does not yet say how the project will meet the principle of %s.",
                                           "The plan does not yet say how the project will meet the principles of %s.",
                                           n),
                                 names));
    }
  if (red.records != NULL)
    {
      g_autofree char *path = g_strdup_printf ("plan.principles.%s.action", copro_principle_keys[red.first]);
      guint n = red.records->len;
      g_autofree char *names = join_names (red_names);

      add_many (findings, CHECK_PRINCIPLE_RED_NO_ACTION, g_steal_pointer (&red.records), "action", path,
                /* TRANSLATORS: %s names one or more principles, e.g. “Equality, Diversity” */
                g_strdup_printf (ngettext ("The principle of %s is rated red, but no action to improve it is recorded.",
                                           "The principles of %s are rated red, but no action to improve them is recorded.",
                                           n),
                                 names));
    }
}

static void
check_delivery (GPtrArray     *findings,
                const Context *context)
{
  CoproRecord *plan = copro_record_get_record (context->project, "plan");
  CoproRecord *delivery = copro_record_get_record (plan, "delivery");
  CoproList *actions = copro_record_get_list (delivery, "actions");
  Gathered overdue = { NULL, 0 };

  if (context->step >= STEP_CO_DESIGN &&
      copro_list_get_n_items (copro_record_get_list (plan, "communications")) == 0)
    add (findings, CHECK_COMMUNICATIONS_EMPTY, plan, "communications", "plan.communications",
         "%s", _("The project has reached co-design, but its communications plan is empty."));

  for (guint i = 0; i < copro_list_get_n_items (actions); i++)
    {
      CoproRecord *action = copro_list_get (actions, i);
      GDate due;

      if (copro_record_get_date (action, "due_date", &due) && g_date_compare (&due, context->today) < 0 &&
          !status_is (action, "done") && !status_is (action, "cancelled"))
        gather (&overdue, action, i);
    }
  if (gathered_count (&overdue) > 0)
    {
      const char *name = copro_record_get_string (gathered_first (&overdue), "description");

      add_gathered (findings, CHECK_ACTIONS_OVERDUE, &overdue, "plan.delivery.actions", "due_date",
                    ONE_OR_MANY (gathered_count (&overdue),
                                 _("The action “%s” is past its due date and not done."),
                                 copro_text_is_blank (name) ? _("An action with no description") : name,
                                 "%s action is past its due date and not done.",
                                 "%s actions are past their due dates and not done."));
    }

  if (context->step >= STEP_CO_DELIVER &&
      copro_text_is_blank (copro_record_get_string (delivery, "equal_voice")))
    add (findings, CHECK_EQUAL_VOICE_UNANSWERED, delivery, "equal_voice", "plan.delivery.equal_voice",
         "%s", _("The project is being delivered, but the plan does not say how every voice is given equal weight."));
}

static void
check_partners (GPtrArray     *findings,
                const Context *context,
                PartnerScan   *scan)
{
  CoproRecord *project = context->project;
  guint n_partners = copro_list_get_n_items (copro_record_get_list (project, "partners"));
  guint n;

  if ((n = gathered_count (&scan->no_lawful_basis)) > 0)
    add_gathered (findings, CHECK_PARTNER_NO_LAWFUL_BASIS, &scan->no_lawful_basis, "partners", "lawful_basis",
                  ONE_OR_MANY (n, _("Contact details are held for “%s” without a lawful basis."),
                               copro_partner_get_title (gathered_first (&scan->no_lawful_basis)),
                               "%s partner has contact details but no lawful basis.",
                               "%s partners have contact details but no lawful basis."));

  if ((n = gathered_count (&scan->review_overdue)) == 1)
    {
      CoproRecord *partner = gathered_first (&scan->review_overdue);
      g_autofree char *when = format_iso_date (copro_record_get_string (partner, "review_date"));

      add_gathered (findings, CHECK_PARTNER_REVIEW_OVERDUE, &scan->review_overdue, "partners", "review_date",
                    g_strdup_printf (_("The data protection review date for “%s” (%s) has passed."),
                                     copro_partner_get_title (partner), when));
    }
  else if (n > 1)
    add_gathered (findings, CHECK_PARTNER_REVIEW_OVERDUE, &scan->review_overdue, "partners", "review_date",
                  MANY (n,
                        "The data protection review date of %s partner has passed.",
                        "The data protection review dates of %s partners have passed."));

  if ((n = gathered_count (&scan->consent_no_date)) > 0)
    add_gathered (findings, CHECK_CONSENT_NO_DATE, &scan->consent_no_date, "partners", "consent_date",
                  ONE_OR_MANY (n, _("“%s” is contacted on the basis of consent, but no consent date is recorded."),
                               copro_partner_get_title (gathered_first (&scan->consent_no_date)),
                               "%s partner is contacted on the basis of consent, but no consent date is recorded.",
                               "%s partners are contacted on the basis of consent, but no consent date is recorded."));

  if ((n = gathered_count (&scan->no_review_date)) > 0)
    add_gathered (findings, CHECK_PARTNER_NO_REVIEW_DATE, &scan->no_review_date, "partners", "review_date",
                  ONE_OR_MANY (n, _("Personal details are held for “%s” with no date to review or delete them."),
                               copro_partner_get_title (gathered_first (&scan->no_review_date)),
                               "Personal details are held for %s partner with no date to review or delete them.",
                               "Personal details are held for %s partners with no date to review or delete them."));

  if ((n = gathered_count (&scan->remuneration_undecided)) > 0)
    add_gathered (findings, CHECK_REMUNERATION_UNDECIDED, &scan->remuneration_undecided, "partners", "remuneration_offer",
                  ONE_OR_MANY (n, _("No decision on remuneration is recorded for “%s”, who uses services or cares."),
                               copro_partner_get_title (gathered_first (&scan->remuneration_undecided)),
                               "No decision on remuneration is recorded for %s partner who uses services or cares.",
                               "No decision on remuneration is recorded for %s partners who use services or care."));

  if ((n = gathered_count (&scan->remuneration_no_rate)) > 0)
    add_gathered (findings, CHECK_REMUNERATION_NO_RATE, &scan->remuneration_no_rate, "partners", "remuneration_rate",
                  ONE_OR_MANY (n, _("Remuneration is offered to “%s” with no rate."),
                               copro_partner_get_title (gathered_first (&scan->remuneration_no_rate)),
                               "Remuneration is offered to %s partner with no rate.",
                               "Remuneration is offered to %s partners with no rate."));

  if (context->step >= STEP_RECRUIT && n_partners == 0)
    add (findings, CHECK_NO_PARTNERS, project, "partners", "partners",
         "%s", _("The project is recruiting its group, but no partners have been mapped."));

  if ((n = gathered_count (&scan->not_mapped)) > 0)
    add_gathered (findings, CHECK_PARTNERS_NOT_MAPPED, &scan->not_mapped, "partners", "influence",
                  ONE_OR_MANY (n, _("“%s” has no influence or interest on the partner map."),
                               copro_partner_get_title (gathered_first (&scan->not_mapped)),
                               "%s partner has no influence or interest on the partner map.",
                               "%s partners have no influence or interest on the partner map."));

  if (context->target >= LEVEL_CO_DESIGN && !scan->has_service_user &&
      (n_partners > 0 || context->step >= STEP_RECRUIT))
    add (findings, CHECK_NO_SERVICE_USER_PARTNER, project, "partners", "partners",
         "%s", _("The project aims to design with people, but none of its partners uses services or is a carer."));

  if ((n = gathered_count (&scan->access_needs)) == 1)
    add_gathered (findings, CHECK_ACCESS_NEEDS_UNPLANNED, &scan->access_needs, "partners", "access_needs",
                  /* TRANSLATORS: a partner's name, then an access need, e.g. “Hearing loop” */
                  g_strdup_printf (_("“%s” needs “%s”, but no activity provides for it and no budget line pays for it."),
                                   copro_partner_get_title (gathered_first (&scan->access_needs)),
                                   copro_enum_label (&copro_enum_access_need, scan->first_unmet_need)));
  else if (n > 1)
    add_gathered (findings, CHECK_ACCESS_NEEDS_UNPLANNED, &scan->access_needs, "partners", "access_needs",
                  MANY (n,
                        "%s partner has an access need that no activity provides for and no budget line pays for.",
                        "%s partners have access needs that no activity provides for and no budget line pays for."));
}

static void
check_terms (GPtrArray     *findings,
             const Context *context)
{
  CoproRecord *terms = copro_record_get_record (context->project, "terms_of_reference");

  if (copro_record_get_string (terms, "review_date") == NULL)
    add (findings, CHECK_TERMS_NO_REVIEW_DATE, terms, "review_date",
         "terms_of_reference.review_date",
         "%s", _("The terms of reference have no date for their next review."));
  /* The group is recruited at step 3 and agrees its terms before co-design. */
  if (context->step < STEP_CO_DESIGN)
    return;
  if (copro_list_get_n_items (copro_record_get_list (terms, "members")) == 0)
    add (findings, CHECK_TERMS_NO_MEMBERS, terms, "members", "terms_of_reference.members",
         "%s", _("The terms of reference list no members of the group."));
  if (copro_record_get_string (terms, "date_agreed") == NULL)
    add (findings, CHECK_TERMS_NOT_AGREED, terms, "date_agreed", "terms_of_reference.date_agreed",
         "%s", _("The terms of reference have no date when the group agreed them."));
}

static void
check_activities (GPtrArray     *findings,
                  const Context *context)
{
  CoproList *activities = copro_record_get_list (context->project, "activities");
  Gathered too_short = { NULL, 0 }, no_window = { NULL, 0 }, open_late = { NULL, 0 };
  Gathered no_facilitator = { NULL, 0 }, below_plan = { NULL, 0 };
  guint first_days = 0, first_open = 0;
  guint n;

  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);
      int level = activity_level (context, activity);
      gboolean has_start, has_end;
      GDate start, end;
      guint n_open;

      has_start = copro_record_get_date (activity, "start_date", &start);
      has_end = copro_record_get_date (activity, "end_date", &end);

      if (level == LEVEL_CONSULT && has_start && has_end && g_date_days_between (&start, &end) < 28)
        {
          if (too_short.records == NULL)
            first_days = (guint) MAX (g_date_days_between (&start, &end), 0);
          gather (&too_short, activity, i);
        }
      if (level == LEVEL_CONSULT && (!has_start || !has_end))
        gather (&no_window, activity, i);

      if (level >= LEVEL_ENGAGE && copro_text_is_blank (copro_record_get_string (activity, "facilitator")))
        gather (&no_facilitator, activity, i);

      if (copro_activity_is_below_plan (activity) &&
          copro_text_is_blank (copro_record_get_string (activity, "what_to_change")))
        gather (&below_plan, activity, i);

      if (!has_end || g_date_compare (&end, context->today) >= 0)
        continue;
      n_open = copro_activity_count_open_feedback (activity);
      if (n_open > 0)
        {
          if (open_late.records == NULL)
            first_open = n_open;
          gather (&open_late, activity, i);
        }
    }

  if ((n = gathered_count (&too_short)) == 1)
    add_gathered (findings, CHECK_CONSULT_TOO_SHORT, &too_short, "activities", "end_date",
                  g_strdup_printf (_("The consultation “%s” is open for %u days; allow at least four weeks."),
                                   copro_activity_get_title (gathered_first (&too_short)), first_days));
  else if (n > 1)
    add_gathered (findings, CHECK_CONSULT_TOO_SHORT, &too_short, "activities", "end_date",
                  MANY (n,
                        "%s consultation is open for less than four weeks.",
                        "%s consultations are open for less than four weeks."));

  if ((n = gathered_count (&no_window)) > 0)
    add_gathered (findings, CHECK_CONSULT_NO_WINDOW, &no_window, "activities",
                  copro_record_get_string (gathered_first (&no_window), "start_date") == NULL ? "start_date" : "end_date",
                  ONE_OR_MANY (n, _("The consultation “%s” has no fixed window: give it a start and an end date."),
                               copro_activity_get_title (gathered_first (&no_window)),
                               "%s consultation has no fixed window of dates.",
                               "%s consultations have no fixed window of dates."));

  if ((n = gathered_count (&no_facilitator)) > 0)
    add_gathered (findings, CHECK_ACTIVITY_NO_FACILITATOR, &no_facilitator, "activities", "facilitator",
                  ONE_OR_MANY (n, _("“%s” has no facilitator."),
                               copro_activity_get_title (gathered_first (&no_facilitator)),
                               "%s activity has no facilitator.",
                               "%s activities have no facilitator."));

  if ((n = gathered_count (&below_plan)) == 1)
    {
      CoproRecord *activity = gathered_first (&below_plan);

      add_gathered (findings, CHECK_LEVEL_NOT_ACHIEVED, &below_plan, "activities", "what_to_change",
                    /* TRANSLATORS: an activity's title, the level it reached and the level planned, e.g. “Inform” and “Engage” */
                    g_strdup_printf (_("“%s” reached “%s” where “%s” was planned, and does not say what to change."),
                                     copro_activity_get_title (activity),
                                     copro_enum_label (&copro_enum_level, copro_record_get_string (activity, "level_achieved")),
                                     copro_enum_label (&copro_enum_level, copro_record_get_string (activity, "level_planned"))));
    }
  else if (n > 1)
    add_gathered (findings, CHECK_LEVEL_NOT_ACHIEVED, &below_plan, "activities", "what_to_change",
                  MANY (n,
                        "%s activity reached a lower level than planned, and does not say what to change.",
                        "%s activities reached a lower level than planned, and do not say what to change."));

  if ((n = gathered_count (&open_late)) == 1)
    {
      CoproRecord *activity = gathered_first (&open_late);
      g_autofree char *when = NULL;
      GDate end;

      copro_record_get_date (activity, "end_date", &end);
      when = format_date (&end);
      add_gathered (findings, CHECK_FEEDBACK_OPEN_LATE, &open_late, "activities", "feedback",
                    g_strdup_printf (ngettext ("“%s” ended on %s but %'u feedback item is still open.",
                                               "“%s” ended on %s but %'u feedback items are still open.", first_open),
                                     copro_activity_get_title (activity), when, first_open));
    }
  else if (n > 1)
    add_gathered (findings, CHECK_FEEDBACK_OPEN_LATE, &open_late, "activities", "feedback",
                  MANY (n,
                        "%s activity has ended with feedback still open.",
                        "%s activities have ended with feedback still open."));
}

static void
check_risks (GPtrArray     *findings,
             const Context *context)
{
  CoproList *risks = copro_record_get_list (context->project, "risks");
  Gathered unmanaged = { NULL, 0 };
  guint n;

  if (copro_list_get_n_items (risks) == 0 && copro_signoff_is_sought (context->project))
    add (findings, CHECK_NO_RISKS, context->project, "risks", "risks",
         "%s", _("Sign-off is being sought, but no risks have been recorded."));

  for (guint i = 0; i < copro_list_get_n_items (risks); i++)
    {
      CoproRecord *risk = copro_list_get (risks, i);

      if (copro_risk_get_band (risk) == COPRO_RISK_BAND_HIGH && copro_risk_is_open (risk) &&
          (copro_text_is_blank (copro_record_get_string (risk, "owner")) ||
           copro_text_is_blank (copro_record_get_string (risk, "mitigation"))))
        gather (&unmanaged, risk, i);
    }
  if ((n = gathered_count (&unmanaged)) > 0)
    {
      CoproRecord *risk = gathered_first (&unmanaged);
      const char *field = copro_text_is_blank (copro_record_get_string (risk, "owner")) ? "owner" : "mitigation";

      add_gathered (findings, CHECK_RISK_HIGH_UNMANAGED, &unmanaged, "risks", field,
                    ONE_OR_MANY (n, _("The high risk “%s” has no owner or no mitigation."),
                                 copro_risk_get_title (risk),
                                 "%s high risk has no owner or no mitigation.",
                                 "%s high risks have no owner or no mitigation."));
    }
}

/* One finding for every overdue follow-up, leading to their partners. */
static void
check_follow_ups (GPtrArray   *findings,
                  PartnerScan *scan)
{
  guint n_partners = gathered_count (&scan->follow_ups_overdue);
  guint n = scan->n_follow_ups_overdue;
  char *message;

  if (n_partners == 0)
    return;
  if (n_partners == 1)
    message = n == 1 ?
      g_strdup_printf (_("A follow-up with “%s” is past its date."),
                       copro_partner_get_title (gathered_first (&scan->follow_ups_overdue))) :
      /* TRANSLATORS: %s is a count of follow-ups, the second %s a partner's name */
      g_strdup_printf (_("%s follow-ups with “%s” are past their date."), COUNT (n),
                       copro_partner_get_title (gathered_first (&scan->follow_ups_overdue)));
  else
    /* TRANSLATORS: the first %s counts follow-ups (always more than one), the second partners */
    message = g_strdup_printf (_("%s follow-ups with %s partners are past their date."), COUNT (n), COUNT (n_partners));
  add_gathered (findings, CHECK_FOLLOW_UPS_OVERDUE, &scan->follow_ups_overdue, "partners", "contacts", message);
}

/* Payments, walked once (5,000 in the benchmark), and what each budget line
 * has spent (copro_budget_spending_new(), one walk more). */
static void
check_payments (GPtrArray     *findings,
                const Context *context)
{
  CoproList *payments = copro_payments_get (context->project);
  CoproList *lines = copro_budget_get_lines (context->project);
  guint line_field = copro_record_desc_field_index (&copro_desc_payment, "budget_line");
  g_autoptr(CoproBudgetSpending) spending = NULL;
  Gathered no_line = { NULL, 0 }, overspent = { NULL, 0 };
  guint n = copro_list_get_n_items (payments);
  guint first_over = 0;

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *payment = copro_list_get (payments, i);
      const char *id = copro_record_get_string_at (payment, line_field);

      if (id == NULL || copro_list_find_by_id (lines, id) == NULL)
        gather (&no_line, payment, i);
    }
  if ((n = gathered_count (&no_line)) == 1)
    {
      g_autofree char *title = copro_payment_dup_title (gathered_first (&no_line),
                                                        copro_record_get_list (context->project, "partners"));

      add_gathered (findings, CHECK_PAYMENT_NO_BUDGET_LINE, &no_line, "plan.resources.payments", "budget_line",
                    /* TRANSLATORS: %s is a payment, such as “£25.00 to Asha Patel” */
                    g_strdup_printf (_("The payment “%s” does not say which budget line it comes from."), title));
    }
  else if (n > 1)
    add_gathered (findings, CHECK_PAYMENT_NO_BUDGET_LINE, &no_line, "plan.resources.payments", "budget_line",
                  MANY (n,
                        "%s payment does not say which budget line it comes from.",
                        "%s payments do not say which budget line they come from."));

  if (copro_list_get_n_items (payments) == 0)
    return;
  spending = copro_budget_spending_new (context->project);
  for (guint i = 0; i < spending->n_lines; i++)
    {
      CoproRecord *line = copro_list_get (lines, i);

      if (spending->spent[i] > copro_budget_line_get_total (line))
        {
          if (overspent.records == NULL)
            first_over = i;
          gather (&overspent, line, i);
        }
    }
  if ((n = gathered_count (&overspent)) == 1)
    {
      CoproRecord *line = gathered_first (&overspent);
      const char *description = copro_record_get_string (line, "description");
      g_autofree char *spent = copro_money_format (spending->spent[first_over]);
      g_autofree char *planned = copro_money_format (copro_budget_line_get_total (line));

      if (copro_text_is_blank (description))
        description = copro_enum_label (&copro_enum_cost_head, copro_record_get_string (line, "cost_head"));
      if (copro_text_is_blank (description))
        description = _("A budget line with no description");
      add_gathered (findings, CHECK_BUDGET_LINE_OVERSPENT, &overspent, "plan.resources.budget_lines", "amount",
                    /* TRANSLATORS: a budget line, what has been paid from it and what was planned */
                    g_strdup_printf (_("The budget line “%s” has paid out %s against %s planned."),
                                     description, spent, planned));
    }
  else if (n > 1)
    add_gathered (findings, CHECK_BUDGET_LINE_OVERSPENT, &overspent, "plan.resources.budget_lines", "amount",
                  MANY (n,
                        "%s budget line has paid out more than was planned.",
                        "%s budget lines have paid out more than was planned."));
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
  PartnerScan scan = { 0 };
  Context context;
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
  context.project = project;
  context.today = today;
  g_snprintf (context.today_iso, sizeof context.today_iso, "%04u-%02u-%02u",
              (guint) g_date_get_year (today), (guint) g_date_get_month (today), (guint) g_date_get_day (today));
  context.target = level_index (copro_record_get_string (copro_record_get_record (project, "overview"), "target_level"));
  context.step = copro_enum_index (&copro_enum_step,
                                   copro_record_get_string (copro_record_get_record (project, "overview"), "current_step"));

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  scan_partners (&context, &scan);
  check_overview (findings, &context);
  check_plan (findings, &context, &scan);
  check_delivery (findings, &context);
  check_partners (findings, &context, &scan);
  check_terms (findings, &context);
  check_activities (findings, &context);
  check_risks (findings, &context);
  check_follow_ups (findings, &scan);
  check_payments (findings, &context);
  partner_scan_clear (&scan);

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
