/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The sign-off workbook's ten sheets (see copro-export-private.h), always
 * there and always in the same order, each written row by row.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "copro-activity.h"
#include "copro-budget.h"
#include "copro-checks.h"
#include "copro-export-private.h"
#include "copro-list.h"
#include "copro-partner.h"
#include "copro-risk.h"
#include "copro-timeline.h"

/* Sign-off */

static const char *
sheet_of_path (Export     *e,
               const char *path)
{
  static const struct {
    const char *prefix;
    guint sheet;
  } places[] = {
    { "overview", SHEET_SIGN_OFF },
    { "approvals", SHEET_SIGN_OFF },
    { "history", SHEET_SIGN_OFF },
    { "plan.resources.budget_lines", SHEET_BUDGET },
    { "plan.delivery.actions", SHEET_ACTIONS },
    { "plan", SHEET_PLAN },
    { "recruitment", SHEET_PLAN },
    { "reflection", SHEET_PLAN },
    { "partners", SHEET_PARTNERS },
    { "terms_of_reference", SHEET_TERMS },
    { "risks", SHEET_RISKS },
  };

  if (path == NULL)
    return "";
  if (g_str_has_prefix (path, "activities"))
    return e->names[strstr (path, ".feedback") != NULL ? SHEET_FEEDBACK : SHEET_ACTIVITIES];
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (g_str_has_prefix (path, places[i].prefix))
      return e->names[places[i].sheet];
  return "";
}

static char *
sheet_reference (Export     *e,
                 guint       sheet,
                 lxw_row_t   row,
                 lxw_col_t   col)
{
  g_auto(GStrv) parts = g_strsplit (e->names[sheet], "'", -1);
  g_autofree char *quoted = g_strjoinv ("''", parts);
  char cell[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (cell, row, col);
  return g_strdup_printf ("'%s'!%s", quoted, cell);
}

static lxw_row_t
budget_total_row (CoproRecord *project)
{
  guint n = copro_list_get_n_items (copro_record_get_list (copro_record_lookup (project, "plan.resources"),
                                                           "budget_lines"));

  /* An empty budget has one line saying so. */
  return BUDGET_FIRST_LINE_ROW + MAX (n, 1);
}

static gint64
budget_total (CoproRecord *project)
{
  return copro_budget_get_planned (copro_budget_get_lines (project));
}

static void
label_row (Sheet      *s,
           const char *label)
{
  _copro_export_put_text (s, 0, label, s->export->f_label);
}

static void
add_validations (Sheet     *s,
                 lxw_row_t  first,
                 lxw_row_t  last,
                 lxw_row_t  first_blank)
{
  Export *e = s->export;
  lxw_data_validation decision = { 0 };
  lxw_data_validation date = { 0 };
  lxw_datetime min_date = { 2000, 1, 1, 0, 0, 0 };
  lxw_datetime max_date = { 2099, 12, 31, 0, 0, 0 };
  const char *input_title = _("Decision");
  const char *input_message = _("Choose one from the list.");
  const char *date_message = _("Enter the date of the decision, such as 31/01/2027.");

  decision.validate = LXW_VALIDATION_TYPE_LIST;
  decision.value_list = e->decisions;
  decision.ignore_blank = LXW_VALIDATION_ON;
  decision.show_input = LXW_VALIDATION_ON;
  decision.show_error = LXW_VALIDATION_ON;
  decision.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  /* Excel's limits: 32 characters for titles, 255 for messages. */
  if (g_utf8_strlen (input_title, -1) <= 32 && g_utf8_strlen (input_message, -1) <= 255)
    {
      decision.input_title = input_title;
      decision.input_message = input_message;
      decision.error_title = input_title;
      decision.error_message = input_message;
    }
  _copro_export_check (e, worksheet_data_validation_range (s->ws, first, 2, last, 2, &decision));

  date.validate = LXW_VALIDATION_TYPE_DATE;
  date.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  date.minimum_datetime = min_date;
  date.maximum_datetime = max_date;
  date.ignore_blank = LXW_VALIDATION_ON;
  date.show_error = LXW_VALIDATION_ON;
  date.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  if (g_utf8_strlen (date_message, -1) <= 255)
    date.error_message = (char *) date_message;
  _copro_export_check (e, worksheet_data_validation_range (s->ws, first_blank, 3, last, 3, &date));
}

static const char *
decision_label (Export     *e,
                const char *key)
{
  int i = copro_enum_index (&copro_enum_decision, key);

  return i >= 0 ? e->decisions[i] : "";
}

gboolean
_copro_export_write_sign_off (Export *e)
{
  CoproRecord *overview = copro_record_get_record (e->project, "overview");
  CoproList *approvals = copro_record_get_list (e->project, "approvals");
  CoproList *history = copro_record_get_list (e->project, "history");
  g_autofree char *heading = _copro_export_sheet_heading (e, SHEET_SIGN_OFF);
  g_autofree char *total_formula = NULL;
  g_autofree char *total_cell = NULL;
  lxw_protection protection = { 0 };
  lxw_row_t first_approval, first_blank;
  const CoproCheckInfo *last_check = NULL;
  const char *severity = NULL;
  const char *summary = NULL;
  const char *why = NULL;
  Sheet s;

  _copro_export_begin_sheet (e, &s, SHEET_SIGN_OFF, heading);
  s.cap[0] = 30;
  s.cap[1] = 60;
  s.cap[2] = 60;
  s.cap[3] = 24;
  s.cap[4] = 60;

  _copro_export_put_note (&s, _("Read the overview and the checks, then record your decision in a yellow row below. "
                  "The rest of this sheet is protected, without a password, so that nothing changes by accident."),
            e->f_note);
  _copro_export_next_row (&s);
  _copro_export_next_row (&s);

  _copro_export_put_note (&s, _("Overview"), e->f_section);
  _copro_export_next_row (&s);
  for (guint i = 0; i < copro_desc_overview.n_fields; i++)
    {
      const CoproField *field = &copro_desc_overview.fields[i];

      if (_copro_export_field_is_personal (field) && !e->personal)
        continue;
      label_row (&s, g_dgettext (GETTEXT_PACKAGE, field->label));
      _copro_export_put_field (&s, 1, overview, field);
      _copro_export_next_row (&s);
    }

  label_row (&s, _("Budget total"));
  total_cell = sheet_reference (e, SHEET_BUDGET, budget_total_row (e->project), BUDGET_AMOUNT_COLUMN);
  total_formula = g_strdup_printf ("=%s", total_cell);
  _copro_export_check (e, worksheet_write_formula_num (s.ws, s.row, 1, total_formula, e->f_money,
                                         (double) budget_total (e->project) / 100.0));
  _copro_export_next_row (&s);

  /* Issue 14: what has been spent, and who took part by sector. */
  {
    g_autofree char *spent_cell = sheet_reference (e, SHEET_BUDGET, budget_total_row (e->project), BUDGET_SPENT_COLUMN);
    g_autofree char *spent_formula = g_strdup_printf ("=%s", spent_cell);
    g_autofree char *took_part = _copro_export_took_part_by_sector (e);
    g_autoptr(CoproBudgetSpending) spending = copro_budget_spending_new (e->project);

    label_row (&s, _("Budget spent on its lines"));
    _copro_export_check (e, worksheet_write_formula_num (s.ws, s.row, 1, spent_formula, e->f_money,
                                                         (double) (spending->total_spent - spending->unassigned) / 100.0));
    _copro_export_next_row (&s);
    label_row (&s, _("Who took part, by sector"));
    _copro_export_put_text (&s, 1, took_part, NULL);
    _copro_export_next_row (&s);
  }

  label_row (&s, _("Personal details"));
  _copro_export_put_text (&s, 1, e->personal
            ? _("Included: this workbook holds email addresses and phone numbers, and partners’ contact logs by name. Store and share it as personal data.")
            : _("Left out: this workbook holds no email addresses or phone numbers."), NULL);
  _copro_export_next_row (&s);

  label_row (&s, _("Exported on"));
  _copro_export_put_gdate (&s, 1, &e->today, NULL);
  _copro_export_next_row (&s);

  label_row (&s, _("Problems found"));
  _copro_export_put_number (&s, 1, copro_checks_count (e->findings, COPRO_SEVERITY_PROBLEM), NULL);
  _copro_export_next_row (&s);
  label_row (&s, _("Advice"));
  _copro_export_put_number (&s, 1, copro_checks_count (e->findings, COPRO_SEVERITY_ADVICE), NULL);
  _copro_export_next_row (&s);
  _copro_export_next_row (&s);

  /* The approvals: when and of whom asked, those recorded, then rows for
   * the manager. */
  _copro_export_put_note (&s, _("Approvals"), e->f_section);
  _copro_export_next_row (&s);
  for (guint i = 0; i < copro_desc_signoff.n_fields; i++)
    {
      const CoproField *field = &copro_desc_signoff.fields[i];

      label_row (&s, g_dgettext (GETTEXT_PACKAGE, field->label));
      _copro_export_put_field (&s, 1, copro_record_get_record (e->project, "signoff"), field);
      _copro_export_next_row (&s);
    }
  _copro_export_put_text (&s, 0, _copro_export_field_label (&copro_desc_approval, "name"), e->f_header);
  _copro_export_put_text (&s, 1, _copro_export_field_label (&copro_desc_approval, "role"), e->f_header);
  _copro_export_put_text (&s, 2, _copro_export_field_label (&copro_desc_approval, "decision"), e->f_header);
  _copro_export_put_text (&s, 3, _copro_export_field_label (&copro_desc_approval, "date"), e->f_header);
  _copro_export_put_text (&s, 4, _copro_export_field_label (&copro_desc_approval, "conditions"), e->f_header);
  _copro_export_next_row (&s);
  first_approval = s.row;
  for (guint i = 0; i < copro_list_get_n_items (approvals); i++)
    {
      CoproRecord *approval = copro_list_get (approvals, i);

      _copro_export_put_text (&s, 0, copro_record_get_string (approval, "name"), NULL);
      _copro_export_put_text (&s, 1, copro_record_get_string (approval, "role"), NULL);
      _copro_export_put_text (&s, 2, decision_label (e, copro_record_get_string (approval, "decision")), NULL);
      _copro_export_put_date (&s, 3, copro_record_get_string (approval, "date"));
      _copro_export_put_text (&s, 4, copro_record_get_string (approval, "conditions"), NULL);
      _copro_export_next_row (&s);
    }
  first_blank = s.row;
  for (guint i = 0; i < N_BLANK_APPROVALS; i++)
    {
      for (lxw_col_t col = 0; col < 5; col++)
        _copro_export_check (e, worksheet_write_blank (s.ws, s.row, col, col == 3 ? e->f_input_date : e->f_input_text));
      _copro_export_next_row (&s);
    }
  add_validations (&s, first_approval, s.row - 1, first_blank);
  _copro_export_next_row (&s);

  _copro_export_put_note (&s, _copro_export_field_label (&copro_desc_project, "history"), e->f_section);
  _copro_export_next_row (&s);
  _copro_export_put_text (&s, 0, _copro_export_field_label (&copro_desc_history, "version"), e->f_header);
  _copro_export_put_text (&s, 1, _copro_export_field_label (&copro_desc_history, "summary"), e->f_header);
  _copro_export_put_text (&s, 2, _copro_export_field_label (&copro_desc_history, "author"), e->f_header);
  _copro_export_put_text (&s, 3, _copro_export_field_label (&copro_desc_history, "date"), e->f_header);
  _copro_export_next_row (&s);
  for (guint i = 0; i < copro_list_get_n_items (history); i++)
    {
      CoproRecord *entry = copro_list_get (history, i);

      _copro_export_put_text (&s, 0, copro_record_get_string (entry, "version"), NULL);
      _copro_export_put_text (&s, 1, copro_record_get_string (entry, "summary"), NULL);
      _copro_export_put_text (&s, 2, copro_record_get_string (entry, "author"), NULL);
      _copro_export_put_date (&s, 3, copro_record_get_string (entry, "date"));
      _copro_export_next_row (&s);
    }
  if (copro_list_get_n_items (history) == 0)
    {
      _copro_export_put_note (&s, _("No changes have been recorded yet."), e->f_empty);
      _copro_export_next_row (&s);
    }
  _copro_export_next_row (&s);

  /* The checks last: with a large register they can run long. */
  _copro_export_put_note (&s, _("Checks"), e->f_section);
  _copro_export_next_row (&s);
  {
    const Column columns[] = {
      { _("Severity"), 14 },
      { _("What is checked"), 45 },
      { _("Finding"), 60 },
      { _("Sheet"), 20 },
      /* TRANSLATORS: the column of the toolkit's reason for each check */
      { _("Why"), 80 },
    };

    _copro_export_table_header (&s, columns, G_N_ELEMENTS (columns));
  }
  for (guint i = 0; i < e->findings->len; i++)
    {
      CoproFinding *finding = g_ptr_array_index (e->findings, i);

      if (finding->check != last_check)
        {
          last_check = finding->check;
          severity = last_check->severity == COPRO_SEVERITY_PROBLEM ? _("Problem") : _("Advice");
          summary = g_dgettext (GETTEXT_PACKAGE, last_check->summary);
          why = g_dgettext (GETTEXT_PACKAGE, last_check->why);
        }
      _copro_export_put_text (&s, 0, severity, NULL);
      _copro_export_put_text (&s, 1, summary, NULL);
      _copro_export_put_text (&s, 2, finding->message, NULL);
      _copro_export_put_text (&s, 3, sheet_of_path (e, finding->path), NULL);
      _copro_export_put_text (&s, 4, why, NULL);
      _copro_export_table_row_done (&s);
      if (!_copro_export_tick (e, 1))
        return FALSE;
    }
  /* Frozen panes would hold the whole form still above the list. */
  _copro_export_table_end (&s, _("Every check passed: there are no problems and no advice."), FALSE);
  _copro_export_check (e, worksheet_repeat_rows (s.ws, s.header_row, s.header_row));

  protection.format_columns = LXW_TRUE;
  protection.format_rows = LXW_TRUE;
  protection.autofilter = LXW_TRUE;
  worksheet_protect (s.ws, NULL, &protection);
  _copro_export_end_sheet (&s);
  return TRUE;
}

/* Plan */

static const Column plan_columns_template[] = {
  { NULL, 30 }, { NULL, 32 }, { NULL, 45 }, { NULL, 80 },
};

typedef struct
{
  Sheet      *sheet;
  const char *step;
} PlanContext;

static void
plan_row (PlanContext *c,
          const char  *section,
          const char  *question)
{
  _copro_export_put_text (c->sheet, 0, c->step, NULL);
  _copro_export_put_text (c->sheet, 1, section, NULL);
  _copro_export_put_text (c->sheet, 2, question, NULL);
}

/* Every field of @record as a question; nested records become sections of
 * their own at the first level, and prefixes below it. Lists are left to
 * the caller. */
static void
plan_record (PlanContext *c,
             const char  *section,
             const char  *prefix,
             CoproRecord *record,
             guint        depth)
{
  const CoproRecordDesc *desc = copro_record_get_desc (record);

  for (guint i = 0; i < desc->n_fields; i++)
    {
      const CoproField *field = &desc->fields[i];
      const char *label = g_dgettext (GETTEXT_PACKAGE, field->label);
      g_autofree char *question = NULL;

      if (field->kind == COPRO_FIELD_LIST)
        continue;
      if (field->kind == COPRO_FIELD_RECORD)
        {
          CoproRecord *child = copro_record_get_record (record, field->key);

          if (depth == 0)
            plan_record (c, label, NULL, child, depth + 1);
          else
            plan_record (c, section, label, child, depth + 1);
          continue;
        }
      /* TRANSLATORS: a group of questions, then one of them, e.g. “Safeguarding: Status” */
      question = prefix != NULL ? g_strdup_printf (_("%s: %s"), prefix, label) : g_strdup (label);
      plan_row (c, section, question);
      _copro_export_put_field (c->sheet, 3, record, field);
      _copro_export_table_row_done (c->sheet);
    }
}

static void
plan_count_row (PlanContext *c,
                const char  *section,
                const char  *question,
                double       count)
{
  plan_row (c, section, question);
  _copro_export_put_number (c->sheet, 3, count, NULL);
  _copro_export_table_row_done (c->sheet);
}

static const char *
step_label (const char *key)
{
  return copro_enum_label (&copro_enum_step, key);
}

gboolean
_copro_export_write_plan (Export *e)
{
  CoproRecord *plan = copro_record_get_record (e->project, "plan");
  CoproRecord *resources = copro_record_get_record (plan, "resources");
  CoproRecord *delivery = copro_record_get_record (plan, "delivery");
  CoproList *communications = copro_record_get_list (plan, "communications");
  g_autofree char *heading = _copro_export_sheet_heading (e, SHEET_PLAN);
  Column columns[G_N_ELEMENTS (plan_columns_template)];
  const char *section;
  PlanContext c;
  Sheet s;

  _copro_export_begin_sheet (e, &s, SHEET_PLAN, heading);
  _copro_export_put_note (&s, _("Every question of the plan with its answer, step by step. A blank answer has not been given yet."),
            e->f_note);
  _copro_export_next_row (&s);

  memcpy (columns, plan_columns_template, sizeof columns);
  columns[0].label = _copro_export_field_label (&copro_desc_activity, "step");
  columns[1].label = _("Section");
  columns[2].label = _("Question");
  columns[3].label = _("Answer");
  _copro_export_table_header (&s, columns, G_N_ELEMENTS (columns));
  c.sheet = &s;

  c.step = step_label ("identify");
  plan_record (&c, _copro_export_field_label (&copro_desc_plan, "outline"), NULL,
               copro_record_get_record (plan, "outline"), 0);

  c.step = step_label ("resources");
  section = _copro_export_field_label (&copro_desc_plan, "resources");
  plan_row (&c, section, _("Budget total (see the Budget sheet)"));
  _copro_export_put_money (&s, 3, budget_total (e->project), NULL);
  _copro_export_table_row_done (&s);
  plan_record (&c, section, NULL, resources, 0);

  c.step = step_label ("recruit");
  plan_record (&c, _copro_export_field_label (&copro_desc_project, "recruitment"), NULL,
               copro_record_get_record (e->project, "recruitment"), 0);
  plan_count_row (&c, _copro_export_field_label (&copro_desc_project, "recruitment"),
                  _("Partners in the register (see the Partners sheet)"),
                  copro_list_get_n_items (copro_record_get_list (e->project, "partners")));

  /* The principles hold for every step. */
  c.step = _("Principles (every step)");
  plan_record (&c, NULL, NULL, copro_record_get_record (plan, "principles"), 0);

  c.step = step_label ("co-design");
  section = _copro_export_field_label (&copro_desc_plan, "communications");
  for (guint i = 0; i < copro_list_get_n_items (communications); i++)
    {
      /* TRANSLATORS: numbers the communications of the plan, e.g. “Communication 2” */
      g_autofree char *prefix = g_strdup_printf (_("Communication %u"), i + 1);

      plan_record (&c, section, prefix, copro_list_get (communications, i), 1);
    }
  if (copro_list_get_n_items (communications) == 0)
    {
      plan_row (&c, section, section);
      _copro_export_put_text (&s, 3, _("None planned yet."), e->f_empty);
      _copro_export_table_row_done (&s);
    }

  c.step = step_label ("co-deliver");
  section = _copro_export_field_label (&copro_desc_plan, "delivery");
  plan_record (&c, section, NULL, delivery, 0);
  plan_count_row (&c, section, _("Actions (see the Actions sheet)"),
                  copro_list_get_n_items (copro_record_get_list (delivery, "actions")));

  c.step = step_label ("co-evaluate");
  plan_record (&c, _copro_export_field_label (&copro_desc_plan, "evaluation"), NULL,
               copro_record_get_record (plan, "evaluation"), 0);
  plan_record (&c, _copro_export_field_label (&copro_desc_project, "reflection"), NULL,
               copro_record_get_record (e->project, "reflection"), 0);

  _copro_export_table_end (&s, NULL, TRUE);
  _copro_export_end_sheet (&s);
  return _copro_export_tick (e, s.row);
}

/* Budget */

gboolean
_copro_export_write_budget (Export *e)
{
  CoproRecord *resources = copro_record_lookup (e->project, "plan.resources");
  CoproList *lines = copro_record_get_list (resources, "budget_lines");
  guint n = copro_list_get_n_items (lines);
  g_autofree char *heading = _copro_export_sheet_heading (e, SHEET_BUDGET);
  g_autofree char *holder = NULL;
  g_autofree char *formula = NULL;
  char first[LXW_MAX_CELL_NAME_LENGTH], last[LXW_MAX_CELL_NAME_LENGTH];
  const Column columns[] = {
    { _copro_export_field_label (&copro_desc_budget_line, "cost_head"), 30 },
    { _copro_export_field_label (&copro_desc_budget_line, "description"), 60 },
    { _copro_export_field_label (&copro_desc_budget_line, "amount"), 20 },
    { _copro_export_field_label (&copro_desc_budget_line, "funding_source"), 40 },
    { _copro_export_field_label (&copro_desc_budget_line, "cost_code"), 20 },
    /* Issue 14: planned against spent, from the payments. */
    { _("Spent"), 20 },
  };
  g_autoptr(CoproBudgetSpending) spending = copro_budget_spending_new (e->project);
  Sheet s;

  _copro_export_begin_sheet (e, &s, SHEET_BUDGET, heading);
  if (copro_text_is_blank (copro_record_get_string (resources, "budget_holder")))
    holder = g_strdup (_("Budget holder: not named yet."));
  else
    /* TRANSLATORS: %s is the name of the budget holder */
    holder = g_strdup_printf (_("Budget holder: %s"), copro_record_get_string (resources, "budget_holder"));
  _copro_export_put_note (&s, holder, e->f_note);
  _copro_export_next_row (&s);

  _copro_export_table_header (&s, columns, G_N_ELEMENTS (columns));
  g_assert (s.row == BUDGET_FIRST_LINE_ROW);
  for (guint i = 0; i < n; i++)
    {
      CoproRecord *line = copro_list_get (lines, i);

      for (guint col = 0; col < BUDGET_SPENT_COLUMN; col++)
        _copro_export_put_field (&s, col, line, &copro_desc_budget_line.fields[col]);
      _copro_export_put_money (&s, BUDGET_SPENT_COLUMN, spending->spent[i], NULL);
      _copro_export_table_row_done (&s);
    }
  _copro_export_table_end (&s, _("There are no budget lines yet."), TRUE);

  /* A real total, for a manager who changes a line to see what if. */
  g_assert (s.row == budget_total_row (e->project));
  lxw_rowcol_to_cell (first, BUDGET_FIRST_LINE_ROW, BUDGET_AMOUNT_COLUMN);
  lxw_rowcol_to_cell (last, s.row - 1, BUDGET_AMOUNT_COLUMN);
  formula = g_strdup_printf ("=SUM(%s:%s)", first, last);
  _copro_export_put_text (&s, 0, _("Total"), e->f_total_label);
  _copro_export_check (e, worksheet_write_blank (s.ws, s.row, 1, e->f_total_label));
  _copro_export_note_width (&s, BUDGET_AMOUNT_COLUMN, _copro_export_money_width (budget_total (e->project)));
  _copro_export_check (e, worksheet_write_formula_num (s.ws, s.row, BUDGET_AMOUNT_COLUMN, formula, e->f_total_money,
                                         (double) budget_total (e->project) / 100.0));
  {
    g_autofree char *sum = NULL;

    lxw_rowcol_to_cell (first, BUDGET_FIRST_LINE_ROW, BUDGET_SPENT_COLUMN);
    lxw_rowcol_to_cell (last, s.row - 1, BUDGET_SPENT_COLUMN);
    sum = g_strdup_printf ("=SUM(%s:%s)", first, last);
    _copro_export_note_width (&s, BUDGET_SPENT_COLUMN, _copro_export_money_width (spending->total_spent));
    _copro_export_check (e, worksheet_write_formula_num (s.ws, s.row, BUDGET_SPENT_COLUMN, sum, e->f_total_money,
                                                         (double) (spending->total_spent - spending->unassigned) / 100.0));
  }
  _copro_export_next_row (&s);
  if (spending->n_unassigned > 0)
    {
      g_autofree char *amount = copro_money_format (spending->unassigned);
      /* TRANSLATORS: under the budget; %s is an amount such as £25.00 */
      g_autofree char *text = g_strdup_printf (ngettext ("A further %s was paid in %'u payment that names no budget line (see the checks).",
                                                         "A further %s was paid in %'u payments that name no budget line (see the checks).",
                                                         spending->n_unassigned),
                                               amount, spending->n_unassigned);

      _copro_export_put_note (&s, text, e->f_note);
      _copro_export_next_row (&s);
    }
  _copro_export_end_sheet (&s);
  return _copro_export_tick (e, n + 1);
}

/* Partners */

static const char * const partner_keys[] = {
  "name", "organisation", "kind", "role", "sector", "email", "phone", "contact_method",
  "influence", "interest", NULL /* the map's quadrant */, "attitude", "level", "status",
  "access_needs", "access_notes", "language", "remuneration_eligible", "remuneration_offer",
  "remuneration_basis", "remuneration_rate", "lawful_basis", "consent_date", "privacy_notice",
  "review_date", "notes",
};

static double
partner_column_cap (const CoproField *field)
{
  if (field == NULL)
    return 20;
  switch (field->kind)
    {
    case COPRO_FIELD_TEXT:
      return 50;
    case COPRO_FIELD_FLAGS:
      return 40;
    default:
      return 32;
    }
}

gboolean
_copro_export_write_partners (Export *e)
{
  CoproList *partners = copro_record_get_list (e->project, "partners");
  guint n = copro_list_get_n_items (partners);
  g_autofree char *heading = _copro_export_sheet_heading (e, SHEET_PARTNERS);
  const CoproField *fields[G_N_ELEMENTS (partner_keys)];
  guint indexes[G_N_ELEMENTS (partner_keys)];
  Column columns[G_N_ELEMENTS (partner_keys)];
  guint n_columns = 0;
  Sheet s;

  for (guint i = 0; i < G_N_ELEMENTS (partner_keys); i++)
    {
      const CoproField *field = partner_keys[i] != NULL
        ? copro_record_desc_find_field (&copro_desc_partner, partner_keys[i]) : NULL;

      if (field != NULL && _copro_export_field_is_personal (field) && !e->personal)
        continue;
      fields[n_columns] = field;
      indexes[n_columns] = field != NULL ? _copro_export_field_index (&copro_desc_partner, field) : 0;
      columns[n_columns].label = field != NULL ? g_dgettext (GETTEXT_PACKAGE, field->label) : _("Map quadrant");
      columns[n_columns].cap = partner_column_cap (field);
      n_columns++;
    }

  _copro_export_begin_sheet (e, &s, SHEET_PARTNERS, heading);
  _copro_export_put_note (&s, e->personal
            ? _("The partner register, with email addresses and phone numbers: store and share this workbook as personal data.")
            : _("The partner register. Email addresses and phone numbers are left out."),
            e->f_note);
  _copro_export_next_row (&s);
  _copro_export_table_header (&s, columns, n_columns);

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *partner = copro_list_get (partners, i);

      for (guint col = 0; col < n_columns; col++)
        {
          if (fields[col] != NULL)
            _copro_export_put_value (&s, col, partner, indexes[col], fields[col]);
          else
            _copro_export_put_text (&s, col, e->quadrants[copro_partner_get_quadrant (partner)], NULL);
        }
      _copro_export_table_row_done (&s);
      if (!_copro_export_tick (e, 1))
        return FALSE;
    }
  _copro_export_table_end (&s, _("There are no partners in the register yet."), TRUE);
  _copro_export_end_sheet (&s);
  return TRUE;
}

/* Partner summary */

/* The partner map of the project, drawn by the same code as the window's map,
 * on white (copro-partner-map.c says why it writes its own PNG). */
static GBytes *
draw_map (Export  *e,
          GError **error)
{
  g_autoptr(CoproPartnerMapLayout) layout =
    copro_partner_map_layout (copro_record_get_list (e->project, "partners"), MAP_WIDTH, MAP_HEIGHT);

  return copro_partner_map_layout_to_png (layout, error);
}

gboolean
_copro_export_write_partner_summary (Export   *e,
                                     GError  **error)
{
  CoproList *partners = copro_record_get_list (e->project, "partners");
  guint n = copro_list_get_n_items (partners);
  guint n_sectors = copro_enum_n_values (&copro_enum_sector);
  guint n_levels = copro_enum_n_values (&copro_enum_level);
  guint n_statuses = copro_enum_n_values (&copro_enum_partner_status);
  /* Each enumeration has one more slot, for “not set”. */
  g_autofree guint *by_level = g_new0 (guint, (n_sectors + 1) * (n_levels + 1));
  g_autofree guint *by_status = g_new0 (guint, (n_sectors + 1) * (n_statuses + 1));
  g_autofree guint *by_sector = g_new0 (guint, n_sectors + 1);
  g_autofree char *heading = _copro_export_sheet_heading (e, SHEET_PARTNER_SUMMARY);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) png = NULL;
  g_autofree Column *columns = NULL;
  g_autofree char *placed = NULL;
  lxw_image_options image = { 0 };
  guint sector_index = copro_record_desc_field_index (&copro_desc_partner, "sector");
  guint level_index = copro_record_desc_field_index (&copro_desc_partner, "level");
  guint status_index = copro_record_desc_field_index (&copro_desc_partner, "status");
  guint n_columns, n_placed = 0;
  lxw_col_t level_col, status_col;
  Sheet s;

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *partner = copro_list_get (partners, i);
      int sector = copro_enum_index (&copro_enum_sector, copro_record_get_string_at (partner, sector_index));
      int level = copro_enum_index (&copro_enum_level, copro_record_get_string_at (partner, level_index));
      int status = copro_enum_index (&copro_enum_partner_status, copro_record_get_string_at (partner, status_index));
      guint row = sector >= 0 ? (guint) sector : n_sectors;

      by_sector[row]++;
      by_level[row * (n_levels + 1) + (level >= 0 ? (guint) level : n_levels)]++;
      by_status[row * (n_statuses + 1) + (status >= 0 ? (guint) status : n_statuses)]++;
      if (copro_partner_get_quadrant (partner) != COPRO_QUADRANT_NONE)
        n_placed++;
    }

  /* Sector, partners, each level and “not set”, each status and “not set”. */
  n_columns = 2 + (n_levels + 1) + (n_statuses + 1);
  columns = g_new0 (Column, n_columns);
  columns[0].label = _copro_export_field_label (&copro_desc_partner, "sector");
  columns[0].cap = 40;
  columns[1].label = _copro_export_field_label (&copro_desc_project, "partners");
  columns[1].cap = 12;
  level_col = 2;
  for (guint i = 0; i <= n_levels; i++)
    {
      columns[level_col + i].label = i < n_levels ? copro_enum_label (&copro_enum_level, copro_enum_level.values[i].key)
                                                  : C_("level", "Not set");
      columns[level_col + i].cap = 14;
    }
  status_col = level_col + n_levels + 1;
  for (guint i = 0; i <= n_statuses; i++)
    {
      columns[status_col + i].label = i < n_statuses ? copro_enum_label (&copro_enum_partner_status,
                                                                          copro_enum_partner_status.values[i].key)
                                                     : C_("status", "Not set");
      columns[status_col + i].cap = 14;
    }

  _copro_export_begin_sheet (e, &s, SHEET_PARTNER_SUMMARY, heading);
  _copro_export_put_note (&s, _("How many partners there are in each sector, by intended level and by status. "
                  "The map below places them by influence and interest."), e->f_note);
  _copro_export_next_row (&s);

  /* A row naming the two groups of columns above the header. */
  _copro_export_check (e, worksheet_merge_range (s.ws, s.row, level_col, s.row, level_col + n_levels,
                                   _copro_export_field_label (&copro_desc_partner, "level"), e->f_header));
  _copro_export_check (e, worksheet_merge_range (s.ws, s.row, status_col, s.row, status_col + n_statuses,
                                   _copro_export_field_label (&copro_desc_partner, "status"), e->f_header));
  _copro_export_check (e, worksheet_write_blank (s.ws, s.row, 0, e->f_header));
  _copro_export_check (e, worksheet_write_blank (s.ws, s.row, 1, e->f_header));
  _copro_export_next_row (&s);
  _copro_export_table_header (&s, columns, n_columns);

  for (guint sector = 0; sector <= n_sectors; sector++)
    {
      _copro_export_put_text (&s, 0, sector < n_sectors ? copro_enum_label (&copro_enum_sector, copro_enum_sector.values[sector].key)
                                          : _("No sector"), NULL);
      _copro_export_put_number (&s, 1, by_sector[sector], NULL);
      for (guint i = 0; i <= n_levels; i++)
        _copro_export_put_number (&s, level_col + i, by_level[sector * (n_levels + 1) + i], NULL);
      for (guint i = 0; i <= n_statuses; i++)
        _copro_export_put_number (&s, status_col + i, by_status[sector * (n_statuses + 1) + i], NULL);
      _copro_export_table_row_done (&s);
    }
  _copro_export_table_end (&s, NULL, FALSE);
  worksheet_freeze_panes (s.ws, s.header_row + 1, 0);
  _copro_export_check (e, worksheet_repeat_rows (s.ws, s.header_row - 1, s.header_row));

  _copro_export_put_text (&s, 0, _("All sectors"), e->f_total_label);
  _copro_export_put_number (&s, 1, n, e->f_total_number);
  for (guint i = 0; i <= n_levels; i++)
    {
      guint total = 0;

      for (guint sector = 0; sector <= n_sectors; sector++)
        total += by_level[sector * (n_levels + 1) + i];
      _copro_export_put_number (&s, level_col + i, total, e->f_total_number);
    }
  for (guint i = 0; i <= n_statuses; i++)
    {
      guint total = 0;

      for (guint sector = 0; sector <= n_sectors; sector++)
        total += by_status[sector * (n_statuses + 1) + i];
      _copro_export_put_number (&s, status_col + i, total, e->f_total_number);
    }
  _copro_export_next_row (&s);
  _copro_export_next_row (&s);

  placed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The partner map: %'u partner is on it, placed by influence and interest.",
                                         "The partner map: %'u partners are on it, placed by influence and interest.",
                                         n_placed),
                            n_placed);
  _copro_export_put_note (&s, placed, e->f_section);
  _copro_export_next_row (&s);

  png = draw_map (e, error);
  if (png == NULL)
    return FALSE;
  image.description = (char *) _("The partner map: partners placed by influence and interest, coloured by sector.");
  _copro_export_check (e, worksheet_insert_image_buffer_opt (s.ws, s.row, 0, g_bytes_get_data (png, NULL),
                                               g_bytes_get_size (png), &image));
  _copro_export_end_sheet (&s);
  return _copro_export_tick (e, n_sectors + 4);
}

/* Terms of reference */

gboolean
_copro_export_write_terms (Export *e)
{
  CoproRecord *terms = copro_record_get_record (e->project, "terms_of_reference");
  CoproList *members = copro_record_get_list (terms, "members");
  CoproList *partners = copro_record_get_list (e->project, "partners");
  g_autofree char *heading = _copro_export_sheet_heading (e, SHEET_TERMS);
  const Column columns[] = { { _("Item"), 40 }, { _("Detail"), 90 } };
  Sheet s;

  _copro_export_begin_sheet (e, &s, SHEET_TERMS, heading);
  _copro_export_put_note (&s, _("The group’s terms of reference, with its members."), e->f_note);
  _copro_export_next_row (&s);
  _copro_export_table_header (&s, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < copro_desc_terms.n_fields; i++)
    {
      const CoproField *field = &copro_desc_terms.fields[i];

      if (field->kind != COPRO_FIELD_LIST)
        {
          _copro_export_put_text (&s, 0, g_dgettext (GETTEXT_PACKAGE, field->label), NULL);
          _copro_export_put_field (&s, 1, terms, field);
          _copro_export_table_row_done (&s);
          continue;
        }

      for (guint j = 0; j < copro_list_get_n_items (members); j++)
        {
          CoproRecord *member = copro_list_get (members, j);
          const char *role = copro_record_get_string (member, "role");
          const char *id = copro_record_get_string (member, "partner");
          CoproRecord *partner = id != NULL ? copro_list_find_by_id (partners, id) : NULL;
          g_autofree char *item = NULL;
          g_autofree char *name = NULL;

          if (role != NULL)
            /* TRANSLATORS: a member of the group and their role, e.g. “Member: Chair” */
            item = g_strdup_printf (_("Member: %s"), copro_enum_label (&copro_enum_member_role, role));
          else
            item = g_strdup (C_("terms of reference", "Member"));
          name = partner != NULL ? copro_partner_dup_full_title (partner) : g_strdup (copro_partner_get_missing_title ());
          _copro_export_put_text (&s, 0, item, NULL);
          _copro_export_put_text (&s, 1, name, NULL);
          _copro_export_table_row_done (&s);
        }
      if (copro_list_get_n_items (members) == 0)
        {
          _copro_export_put_text (&s, 0, g_dgettext (GETTEXT_PACKAGE, field->label), NULL);
          _copro_export_put_text (&s, 1, _("No members yet."), e->f_empty);
          _copro_export_table_row_done (&s);
        }
    }

  _copro_export_table_end (&s, NULL, TRUE);
  _copro_export_end_sheet (&s);
  return _copro_export_tick (e, s.row);
}

/* Activities and feedback */

/* Under the activities, the timeline: the picture the window's Review
 * section and the printed plan show, with its description as its
 * alternative text. Very long timelines are scaled down to the tallest
 * picture a PNG here may be. */
static gboolean
write_timeline (Export *e,
                Sheet  *s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree char *description = NULL;
  g_autofree char *alt = NULL;
  lxw_image_options image = { 0 };

  _copro_export_next_row (s);
  _copro_export_put_note (s, _("Timeline"), e->f_section);
  _copro_export_next_row (s);
  _copro_export_put_note (s, _("The activities by step on a time axis, coloured by the level of involvement each plans."),
                          e->f_note);
  _copro_export_next_row (s);

  png = copro_timeline_to_png (e->project, TIMELINE_WIDTH, TIMELINE_MAX_HEIGHT, &error);
  if (png == NULL)
    {
      /* The picture is a view of the table above: say so rather than fail. */
      _copro_export_put_note (s, error->message, e->f_empty);
      _copro_export_next_row (s);
      return _copro_export_tick (e, 1);
    }
  description = copro_timeline_describe_project (e->project);
  alt = _copro_export_clean_line (description, 4000);
  image.description = alt;
  _copro_export_check (e, worksheet_insert_image_buffer_opt (s->ws, s->row, 0, g_bytes_get_data (png, NULL),
                                                             g_bytes_get_size (png), &image));
  return _copro_export_tick (e, 1);
}

gboolean
_copro_export_write_activities (Export *e)
{
  CoproList *activities = copro_record_get_list (e->project, "activities");
  guint n = copro_list_get_n_items (activities);
  g_autofree char *heading = _copro_export_sheet_heading (e, SHEET_ACTIVITIES);
  static const char * const keys[] = {
    "title", "start_date", "end_date", "step", "method", "level_planned", "level_achieved",
    "facilitator", "participants", "cost", "adjustments", "access_provided", "what_worked", "what_to_change",
    "lessons",
  };
  Column columns[G_N_ELEMENTS (keys) + 2];
  const CoproField *fields[G_N_ELEMENTS (keys)];
  const CoproField *participants = copro_record_desc_find_field (&copro_desc_activity, "participants");
  Sheet s;

  /* Each column's field found once, not once a row. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const CoproField *field = fields[i] = copro_record_desc_find_field (&copro_desc_activity, keys[i]);

      columns[i].label = g_dgettext (GETTEXT_PACKAGE, field->label);
      columns[i].cap = field->kind == COPRO_FIELD_TEXT ? 50 : 30;
    }
  columns[G_N_ELEMENTS (keys)].label = _("Feedback items");
  columns[G_N_ELEMENTS (keys)].cap = 12;
  columns[G_N_ELEMENTS (keys) + 1].label = _("Feedback still open");
  columns[G_N_ELEMENTS (keys) + 1].cap = 12;

  _copro_export_begin_sheet (e, &s, SHEET_ACTIVITIES, heading);
  _copro_export_put_note (&s, _("The log of involvement activities. Their feedback is on the Feedback sheet."), e->f_note);
  _copro_export_next_row (&s);
  _copro_export_table_header (&s, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);
      CoproList *feedback = copro_record_get_list (activity, "feedback");

      for (guint col = 0; col < G_N_ELEMENTS (keys); col++)
        if (fields[col] == participants)
          /* From the attendance where it is recorded (issue 14). */
          _copro_export_put_number (&s, col, copro_activity_get_participants (activity), NULL);
        else
          _copro_export_put_field (&s, col, activity, fields[col]);
      _copro_export_put_number (&s, G_N_ELEMENTS (keys), copro_list_get_n_items (feedback), NULL);
      _copro_export_put_number (&s, G_N_ELEMENTS (keys) + 1, copro_activity_count_open_feedback (activity), NULL);
      _copro_export_table_row_done (&s);
      if (!_copro_export_tick (e, 1))
        return FALSE;
    }
  _copro_export_table_end (&s, _("No activities have been logged yet."), TRUE);
  if (!write_timeline (e, &s))
    return FALSE;
  _copro_export_end_sheet (&s);
  return TRUE;
}

gboolean
_copro_export_write_feedback (Export *e)
{
  CoproList *activities = copro_record_get_list (e->project, "activities");
  g_autofree char *heading = _copro_export_sheet_heading (e, SHEET_FEEDBACK);
  const Column header[] = {
    { C_("feedback", "Activity"), 40 },
    { _copro_export_field_label (&copro_desc_feedback, "we_asked"), 45 },
    { _copro_export_field_label (&copro_desc_feedback, "you_said"), 50 },
    { _copro_export_field_label (&copro_desc_feedback, "we_did"), 50 },
    { _copro_export_field_label (&copro_desc_feedback, "status"), 16 },
    { _copro_export_field_label (&copro_desc_feedback, "reason"), 45 },
  };
  Sheet s;

  _copro_export_begin_sheet (e, &s, SHEET_FEEDBACK, heading);
  _copro_export_put_note (&s, _("We asked, you said, we did: the feedback from each activity and what became of it."), e->f_note);
  _copro_export_next_row (&s);
  _copro_export_table_header (&s, header, G_N_ELEMENTS (header));

  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);
      CoproList *feedback = copro_record_get_list (activity, "feedback");

      for (guint j = 0; j < copro_list_get_n_items (feedback); j++)
        {
          CoproRecord *item = copro_list_get (feedback, j);

          _copro_export_put_text (&s, 0, copro_record_get_string (activity, "title"), NULL);
          for (guint col = 1; col < G_N_ELEMENTS (header); col++)
            _copro_export_put_field (&s, col, item, &copro_desc_feedback.fields[col - 1]);
          _copro_export_table_row_done (&s);
          if (!_copro_export_tick (e, 1))
            return FALSE;
        }
    }
  _copro_export_table_end (&s, _("No feedback has been recorded yet."), TRUE);
  _copro_export_end_sheet (&s);
  return TRUE;
}

/* Risks */

gboolean
_copro_export_write_risks (Export *e)
{
  CoproList *risks = copro_record_get_list (e->project, "risks");
  guint n = copro_list_get_n_items (risks);
  g_autofree char *heading = _copro_export_sheet_heading (e, SHEET_RISKS);
  const Column columns[] = {
    { _copro_export_field_label (&copro_desc_risk, "description"), 50 },
    { _copro_export_field_label (&copro_desc_risk, "likelihood"), 12 },
    { _copro_export_field_label (&copro_desc_risk, "impact"), 12 },
    { _("Score"), 10 },
    { _("Band"), 10 },
    { _copro_export_field_label (&copro_desc_risk, "owner"), 30 },
    { _copro_export_field_label (&copro_desc_risk, "mitigation"), 50 },
    { _copro_export_field_label (&copro_desc_risk, "status"), 14 },
  };
  /* Red from 15, amber from 8, green below, on the score of likelihood × impact. */
  const struct {
    guint8 criteria;
    double minimum, maximum;
  } bands[3] = {
    { LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO, COPRO_RISK_HIGH, 0 },
    { LXW_CONDITIONAL_CRITERIA_BETWEEN, COPRO_RISK_MEDIUM, COPRO_RISK_HIGH - 1 },
    { LXW_CONDITIONAL_CRITERIA_BETWEEN, 1, COPRO_RISK_MEDIUM - 1 },
  };
  /* The fields of the columns that show one, found once. */
  static const char * const keys[] = {
    "description", "likelihood", "impact", NULL, NULL, "owner", "mitigation", "status",
  };
  const CoproField *fields[G_N_ELEMENTS (keys)];
  Sheet s;

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    fields[i] = keys[i] != NULL ? copro_record_desc_find_field (&copro_desc_risk, keys[i]) : NULL;

  _copro_export_begin_sheet (e, &s, SHEET_RISKS, heading);
  _copro_export_put_note (&s, _("Each risk’s score is its likelihood times its impact: 15 and over is high (red), "
                  "8 to 14 medium (amber), below 8 low (green)."), e->f_note);
  _copro_export_next_row (&s);
  _copro_export_table_header (&s, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *risk = copro_list_get (risks, i);
      int score = copro_risk_get_score (risk);

      for (guint col = 0; col < G_N_ELEMENTS (keys); col++)
        if (fields[col] != NULL)
          _copro_export_put_field (&s, col, risk, fields[col]);
      if (score > 0)
        {
          _copro_export_put_number (&s, 3, score, NULL);
          _copro_export_put_text (&s, 4, copro_risk_band_get_label (copro_risk_band_for_score (score)), NULL);
        }
      _copro_export_table_row_done (&s);
    }
  _copro_export_table_end (&s, _("No risks have been recorded yet."), TRUE);

  if (n > 0)
    for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
      {
        lxw_conditional_format format = { 0 };

        format.type = LXW_CONDITIONAL_TYPE_CELL;
        format.criteria = bands[i].criteria;
        if (bands[i].criteria == LXW_CONDITIONAL_CRITERIA_BETWEEN)
          {
            format.min_value = bands[i].minimum;
            format.max_value = bands[i].maximum;
          }
        else
          format.value = bands[i].minimum;
        format.format = e->f_band[i];
        _copro_export_check (e, worksheet_conditional_format_range (s.ws, s.header_row + 1, 3, s.last_row, 3, &format));
      }
  _copro_export_end_sheet (&s);
  return _copro_export_tick (e, n);
}

/* Actions */

gboolean
_copro_export_write_actions (Export *e)
{
  CoproList *actions = copro_record_get_list (copro_record_lookup (e->project, "plan.delivery"), "actions");
  guint n = copro_list_get_n_items (actions);
  g_autofree char *heading = _copro_export_sheet_heading (e, SHEET_ACTIONS);
  const Column columns[] = {
    { _copro_export_field_label (&copro_desc_action, "description"), 60 },
    { _copro_export_field_label (&copro_desc_action, "owner"), 30 },
    { _copro_export_field_label (&copro_desc_action, "due_date"), 12 },
    { _copro_export_field_label (&copro_desc_action, "status"), 16 },
  };
  Sheet s;

  _copro_export_begin_sheet (e, &s, SHEET_ACTIONS, heading);
  _copro_export_put_note (&s, _("The actions that deliver the plan."), e->f_note);
  _copro_export_next_row (&s);
  _copro_export_table_header (&s, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < n; i++)
    {
      CoproRecord *action = copro_list_get (actions, i);

      for (guint col = 0; col < G_N_ELEMENTS (columns); col++)
        _copro_export_put_field (&s, col, action, &copro_desc_action.fields[col]);
      _copro_export_table_row_done (&s);
    }
  _copro_export_table_end (&s, _("No actions have been planned yet."), TRUE);
  _copro_export_end_sheet (&s);
  return _copro_export_tick (e, n);
}

