/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The editing panels, in the real window: for each panel, the model shows in
 * its widgets, an edit in a widget changes the model and marks the document
 * unsaved, and undo puts it back. Also the lists (add, delete and its toast,
 * move), the live budget total and risk bands, the partner chooser, the
 * checks and where they lead, navigation, read-only projects, a narrow
 * window, and the keyboard shortcuts window against every accelerator.
 */

#include "config.h"

#include <string.h>

#include "copro-application.h"
#include "copro-checks-panel.h"
#include "copro-checks.h"
#include "copro-field-rows.h"
#include "copro-format.h"
#include "copro-history.h"
#include "copro-list-editor.h"
#include "copro-list-row.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-panel.h"
#include "copro-partner-chooser.h"
#include "copro-partners-page.h"
#include "copro-project-view.h"
#include "copro-record-form.h"
#include "copro-sections.h"
#include "copro-timeline-view.h"
#include "copro-timeline.h"
#include "copro-window.h"

#include "copro-gui-test.h"

static CoproApplication *app;
static char *scratch_dir;

/* Helpers */

static void
collect_type (GtkWidget *root,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, found);
}

typedef struct
{
  CoproWindow      *window;
  CoproDocument    *document;
  CoproRecord      *project;
  CoproProjectView *view;
} Fixture;

static CoproDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "example.coprod", NULL);
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  CoproDocument *document;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  document = copro_document_new_from_data (data, length, &error);
  g_assert_no_error (error);
  return document;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = copro_window_new (app);
  gtk_window_present (GTK_WINDOW (f->window));
  f->document = load_example ();
  f->project = copro_document_get_project (f->document);
  copro_window_set_document (f->window, f->document);
  f->view = COPRO_PROJECT_VIEW (find_type (GTK_WIDGET (f->window), COPRO_TYPE_PROJECT_VIEW));
  g_assert_nonnull (f->view);
  g_assert_true (copro_project_view_get_document (f->view) == f->document);
  g_assert_false (copro_document_get_modified (f->document));
  spin_idle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Dialogues first (the partner chooser), then the window, unsaved. */
  copro_gui_test_destroy_all (GTK_WINDOW (f->window));
  copro_gui_test_finalize_document (f->document);
}

static GtkWidget *
show (Fixture    *f,
      const char *section)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "s", section));
  g_assert_cmpstr (copro_project_view_get_section (f->view), ==, section);
  spin_idle ();
  return copro_project_view_get_panel (f->view, section);
}

static GtkWidget *
field (GtkWidget   *panel,
       CoproRecord *record,
       const char  *key)
{
  GtkWidget *widget = copro_field_widget_find (panel, record, key);

  g_assert_nonnull (widget);
  return widget;
}

typedef struct
{
  GtkWidget *widget;
  int        height;
} HeightWait;

static gboolean
widget_height_is_at_least (HeightWait *wait)
{
  return gtk_widget_get_height (wait->widget) >= wait->height;
}

/* Typing into one field within a second is one step, as the user expects:
 * a test that means two steps in the same field says so. */
static void
new_step (Fixture *f)
{
  copro_history_break_coalescing (copro_project_view_get_history (f->view));
}

static void
undo (Fixture *f)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "undo"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
}

static void
redo (Fixture *f)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "redo"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
}

static const char *
entry_text (GtkWidget *widget)
{
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

static char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text_view_text (GtkWidget  *view,
                    const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static CoproListEditor *
list_editor (GtkWidget   *panel,
             CoproRecord *owner,
             const char  *key)
{
  GtkWidget *editor = field (panel, owner, key);

  g_assert_true (COPRO_IS_LIST_EDITOR (editor));
  return COPRO_LIST_EDITOR (editor);
}

static guint
count_list_rows (CoproListEditor *editor)
{
  guint n = 0;

  while (copro_list_editor_get_row (editor, n, FALSE) != NULL)
    n++;
  return n;
}

/* Formats */

static void
test_formats (void)
{
  static const struct {
    const char *text;
    gboolean ok;
    gint64 pence;
  } money[] = {
    { "", TRUE, 0 },
    { "£1,234.50", TRUE, 123450 },
    { "1234.5", TRUE, 123450 },
    { "  £ 12 ", TRUE, 1200 },
    { "0.05", TRUE, 5 },
    { ".5", TRUE, 50 },
    { "1,000,000", TRUE, 100000000 },
    { "12,34", FALSE, 0 },
    { "1.234", FALSE, 0 },
    { "-5", FALSE, 0 },
    { "£", FALSE, 0 },
    { "ten pounds", FALSE, 0 },
    { "99999999999999999999", FALSE, 0 },
  };
  static const struct {
    const char *text;
    const char *iso;   /* NULL: not a date */
  } dates[] = {
    { "25/12/2026", "2026-12-25" },
    { "1/6/2026", "2026-06-01" },
    { "01.06.2026", "2026-06-01" },
    { "1-6-2026", "2026-06-01" },
    { "2026-06-01", "2026-06-01" },
    { " 29/02/2028 ", "2028-02-29" },
    { "29/02/2027", NULL },
    { "31/04/2026", NULL },
    { "25/12/26", NULL },
    { "12/25/2026", NULL },
    { "25/12-2026", NULL },
    { "tomorrow", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    {
      gint64 pence = -1;

      g_assert_cmpint (copro_parse_money (money[i].text, &pence), ==, money[i].ok);
      if (money[i].ok)
        g_assert_cmpint (pence, ==, money[i].pence);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *iso = NULL;

      g_assert_cmpint (copro_parse_date (dates[i].text, &iso), ==, dates[i].iso != NULL);
      g_assert_cmpstr (iso, ==, dates[i].iso);
    }

  {
    g_autofree char *a = copro_format_money (123450);
    g_autofree char *b = copro_format_money (5);
    g_autofree char *c = copro_format_money (100000000);
    g_autofree char *d = copro_format_date ("2026-06-01");
    g_autofree char *e = copro_format_date (NULL);
    g_autofree char *iso = NULL;

    g_assert_cmpstr (a, ==, "£1,234.50");
    g_assert_cmpstr (b, ==, "£0.05");
    g_assert_cmpstr (c, ==, "£1,000,000.00");
    g_assert_cmpstr (d, ==, "01/06/2026");
    g_assert_cmpstr (e, ==, "");
    g_assert_true (copro_parse_date ("", &iso));
    g_assert_null (iso);
  }
}

/* Overview: entries, a drop-down, dates typed in UK order */

static void
test_overview (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *panel = show (f, "overview");
  CoproRecord *overview = copro_record_get_record (f->project, "overview");
  GtkWidget *title = field (panel, overview, "title");
  GtkWidget *level = field (panel, overview, "target_level");
  GtkWidget *start_row = field (panel, overview, "start_date");
  GtkWidget *start = copro_field_widget_get_focus (start_row);
  g_autofree char *original = g_strdup (copro_record_get_string (overview, "title"));

  /* The model shows... */
  g_assert_true (ADW_IS_ENTRY_ROW (title));
  g_assert_cmpstr (entry_text (title), ==, original);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (title)), ==, "Project title");
  g_assert_true (ADW_IS_COMBO_ROW (level));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (level)), ==,
                    (guint) copro_enum_index (&copro_enum_level, "co-produce") + 1);
  g_assert_true (GTK_IS_ENTRY (start));
  g_assert_cmpstr (entry_text (start), ==, "01/06/2026");

  /* ...an edit changes it and marks the document unsaved... */
  gtk_editable_set_text (GTK_EDITABLE (title), "Short breaks, together");
  g_assert_cmpstr (copro_record_get_string (overview, "title"), ==, "Short breaks, together");
  g_assert_true (copro_document_get_modified (f->document));

  /* ...and undo restores it, back to "saved" as it was opened. */
  undo (f);
  g_assert_cmpstr (copro_record_get_string (overview, "title"), ==, original);
  g_assert_cmpstr (entry_text (title), ==, original);
  g_assert_false (copro_document_get_modified (f->document));
  redo (f);
  g_assert_cmpstr (entry_text (title), ==, "Short breaks, together");
  g_assert_true (copro_document_get_modified (f->document));

  /* The drop-down: "Not set" first, then the labels. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (level), 0);
  g_assert_null (copro_record_get_string (overview, "target_level"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (level), 3);
  g_assert_cmpstr (copro_record_get_string (overview, "target_level"), ==, "consult");
  undo (f);
  undo (f);
  g_assert_cmpstr (copro_record_get_string (overview, "target_level"), ==, "co-produce");

  /* Dates: a typed date that is not one shows a hint and leaves the model. */
  gtk_editable_set_text (GTK_EDITABLE (start), "31/02/2026");
  g_assert_cmpstr (copro_record_get_string (overview, "start_date"), ==, "2026-06-01");
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (start_row)), "is not a date"));
  gtk_editable_set_text (GTK_EDITABLE (start), "1/7/2026");
  g_assert_cmpstr (copro_record_get_string (overview, "start_date"), ==, "2026-07-01");
  g_assert_false (gtk_widget_has_css_class (start, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (start_row)), ==, "");
  /* Emptied, the date is unset once the user presses Enter (or moves on). */
  new_step (f);
  gtk_editable_set_text (GTK_EDITABLE (start), "");
  g_assert_cmpstr (copro_record_get_string (overview, "start_date"), ==, "2026-07-01");
  g_signal_emit_by_name (start, "activate");
  g_assert_null (copro_record_get_string (overview, "start_date"));
  undo (f);
  g_assert_cmpstr (entry_text (start), ==, "01/07/2026");
  undo (f);
  g_assert_cmpstr (copro_record_get_string (overview, "start_date"), ==, "2026-06-01");
  g_assert_cmpstr (entry_text (start), ==, "01/06/2026");

  /* Or picked from the calendar beside it, which opens on the date. The
   * calendar is made when it is first opened. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (find_type (start_row, GTK_TYPE_MENU_BUTTON));
    GtkWidget *calendar;
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 9, 14, 0, 0, 0);
    g_autoptr(GDateTime) shown = NULL;

    g_assert_null (gtk_menu_button_get_popover (button));
    gtk_menu_button_popup (button);
    spin_idle ();
    g_assert_nonnull (gtk_menu_button_get_popover (button));
    calendar = find_type (GTK_WIDGET (gtk_menu_button_get_popover (button)), GTK_TYPE_CALENDAR);
    g_assert_nonnull (calendar);
    shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
    g_assert_cmpint (g_date_time_get_year (shown), ==, 2026);
    g_assert_cmpint (g_date_time_get_month (shown), ==, 6);
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 1);
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    g_signal_emit_by_name (calendar, "day-selected");
    g_assert_cmpstr (copro_record_get_string (overview, "start_date"), ==, "2026-09-14");
    g_assert_cmpstr (entry_text (start), ==, "14/09/2026");
    undo (f);
    g_assert_cmpstr (copro_record_get_string (overview, "start_date"), ==, "2026-06-01");
  }
}

/* Outline: long answers in text views, the levels of each step */

static void
test_outline (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *panel = show (f, "outline");
  CoproRecord *outline = copro_record_lookup (f->project, "plan.outline");
  CoproRecord *levels = copro_record_get_record (outline, "step_levels");
  GtkWidget *aims = copro_field_widget_get_focus (field (panel, outline, "aims"));
  GtkWidget *co_deliver = field (panel, levels, "co_deliver");
  g_autofree char *original = g_strdup (copro_record_get_string (outline, "aims"));
  g_autofree char *shown = text_view_text (aims);

  g_assert_true (GTK_IS_TEXT_VIEW (aims));
  g_assert_cmpstr (shown, ==, original);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (aims)), ==, GTK_WRAP_WORD_CHAR);

  set_text_view_text (aims, "First line\nSecond line");
  g_assert_cmpstr (copro_record_get_string (outline, "aims"), ==, "First line\nSecond line");
  g_assert_true (copro_document_get_modified (f->document));
  undo (f);
  g_clear_pointer (&shown, g_free);
  shown = text_view_text (aims);
  g_assert_cmpstr (shown, ==, original);
  g_assert_cmpstr (copro_record_get_string (outline, "aims"), ==, original);

  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (co_deliver)), ==,
                    (guint) copro_enum_index (&copro_enum_level, copro_record_get_string (levels, "co_deliver")) + 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (co_deliver), 1);
  g_assert_cmpstr (copro_record_get_string (levels, "co_deliver"), ==, "inform");
  undo (f);
  g_assert_false (copro_document_get_modified (f->document));
}

/* Resources: money, the live budget total, check lists, a switch */

static void
test_resources (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *panel = show (f, "resources");
  CoproRecord *resources = copro_record_lookup (f->project, "plan.resources");
  CoproList *lines = copro_record_get_list (resources, "budget_lines");
  CoproListEditor *budget = list_editor (panel, resources, "budget_lines");
  CoproRecord *line = copro_list_get (lines, 0);
  CoproRecord *equality = copro_record_get_record (resources, "equality");
  CoproRecord *protection = copro_record_get_record (resources, "data_protection");
  GtkWidget *row, *amount, *flags, *special;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  gint64 total = 0;
  gint64 first = copro_record_get_money (line, "amount");
  g_autofree char *expected_total = NULL;
  g_autofree char *money = NULL;

  for (guint i = 0; i < copro_list_get_n_items (lines); i++)
    total += copro_record_get_money (copro_list_get (lines, i), "amount");
  money = copro_format_money (total);
  expected_total = g_strdup_printf ("Total: %s in %u lines", money, copro_list_get_n_items (lines));
  g_assert_cmpstr (copro_list_editor_get_summary (budget), ==, expected_total);
  g_assert_cmpuint (count_list_rows (budget), ==, copro_list_get_n_items (lines));

  /* An item's fields are built when it is opened. */
  g_assert_null (copro_field_widget_find (panel, line, "amount"));
  row = copro_list_editor_get_row (budget, 0, TRUE);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  amount = copro_field_widget_get_focus (field (row, line, "amount"));
  g_clear_pointer (&money, g_free);
  money = copro_format_money (first);
  g_assert_cmpstr (entry_text (amount), ==, money);

  gtk_editable_set_text (GTK_EDITABLE (amount), "£1,000.05");
  g_assert_cmpint (copro_record_get_money (line, "amount"), ==, 100005);
  g_assert_true (copro_document_get_modified (f->document));
  /* The total follows at once. */
  g_clear_pointer (&money, g_free);
  money = copro_format_money (total - first + 100005);
  g_assert_nonnull (strstr (copro_list_editor_get_summary (budget), money));
  /* Not an amount: a hint, and the model keeps the last good value. */
  gtk_editable_set_text (GTK_EDITABLE (amount), "12.345");
  g_assert_cmpint (copro_record_get_money (line, "amount"), ==, 100005);
  g_assert_true (gtk_widget_has_css_class (amount, "error"));
  undo (f);
  g_assert_cmpint (copro_record_get_money (line, "amount"), ==, first);
  g_assert_cmpstr (copro_list_editor_get_summary (budget), ==, expected_total);
  g_assert_false (gtk_widget_has_css_class (amount, "error"));

  /* The protected characteristics: a check box each, in the model's order. */
  flags = field (panel, equality, "characteristics");
  g_assert_true (ADW_IS_EXPANDER_ROW (flags));
  collect_type (flags, GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, copro_enum_n_values (&copro_enum_characteristic));
  for (guint i = 0; i < checks->len; i++)
    g_assert_cmpint (gtk_check_button_get_active (g_ptr_array_index (checks, i)), ==,
                     copro_record_has_flag (equality, "characteristics", copro_enum_characteristic.values[i].key));
  {
    gboolean was = gtk_check_button_get_active (g_ptr_array_index (checks, 2));

    gtk_check_button_set_active (g_ptr_array_index (checks, 2), !was);
    g_assert_cmpint (copro_record_has_flag (equality, "characteristics", "gender-reassignment"), ==, !was);
    undo (f);
    g_assert_cmpint (gtk_check_button_get_active (g_ptr_array_index (checks, 2)), ==, was);
  }

  /* Special-category data: a switch. */
  special = copro_field_widget_get_focus (field (panel, protection, "special_category"));
  g_assert_true (GTK_IS_SWITCH (special));
  g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (special)), ==,
                   copro_record_get_bool (protection, "special_category"));
  gtk_switch_set_active (GTK_SWITCH (special), !gtk_switch_get_active (GTK_SWITCH (special)));
  g_assert_cmpint (copro_record_get_bool (protection, "special_category"), ==,
                   gtk_switch_get_active (GTK_SWITCH (special)));
  undo (f);
  g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (special)), ==,
                   copro_record_get_bool (protection, "special_category"));
  g_assert_false (copro_document_get_modified (f->document));
}

/* Principles: a drop-down and an answer for each */

static void
test_principles (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *panel = show (f, "principles");
  CoproRecord *reciprocity = copro_record_lookup (f->project, "plan.principles.reciprocity");
  GtkWidget *rating = field (panel, reciprocity, "rating");
  GtkWidget *how = copro_field_widget_get_focus (field (panel, reciprocity, "how"));
  g_autofree char *shown = text_view_text (how);

  g_assert_cmpstr (shown, ==, copro_record_get_string (reciprocity, "how"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (rating), 3);
  g_assert_cmpstr (copro_record_get_string (reciprocity, "rating"), ==, "green");
  g_assert_true (copro_document_get_modified (f->document));
  undo (f);
  g_assert_false (copro_document_get_modified (f->document));
}

/* Communications: add, delete with its toast, move */

static GtkWidget *
find_toast_undo (Fixture *f)
{
  GtkWidget *overlay = find_type (GTK_WIDGET (f->view), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay)))
      collect_type (child, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "Undo") == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static gboolean
has_toast_undo (gpointer data)
{
  return find_toast_undo (data) != NULL;
}

static void
test_communications (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *panel = show (f, "communications");
  CoproRecord *plan = copro_record_get_record (f->project, "plan");
  CoproList *list = copro_record_get_list (plan, "communications");
  CoproListEditor *editor = list_editor (panel, plan, "communications");
  guint n = copro_list_get_n_items (list);
  CoproRecord *first = copro_list_get (list, 0);
  CoproRecord *second = copro_list_get (list, 1);
  CoproRecord *added;
  GtkWidget *row, *audience;

  g_assert_cmpuint (count_list_rows (editor), ==, n);
  /* Rows are titled by their first text. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (copro_list_editor_get_row (editor, 0, FALSE))),
                   ==, copro_record_get_string (first, "audience"));

  /* Add: a new item at the end, opened, as one step. */
  added = copro_list_editor_add (editor);
  g_assert_cmpuint (copro_list_get_n_items (list), ==, n + 1);
  g_assert_true (copro_list_get (list, n) == added);
  g_assert_nonnull (copro_record_get_id (added));
  row = copro_list_editor_get_row (editor, n, FALSE);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  audience = field (row, added, "audience");
  gtk_editable_set_text (GTK_EDITABLE (audience), "Young adult carers");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Young adult carers");
  g_assert_true (copro_document_get_modified (f->document));
  undo (f);
  undo (f);
  g_assert_cmpuint (copro_list_get_n_items (list), ==, n);
  g_assert_false (copro_document_get_modified (f->document));

  /* Delete: gone, with a toast whose Undo puts it back in its place. */
  copro_list_editor_delete (editor, 0);
  g_assert_cmpuint (copro_list_get_n_items (list), ==, n - 1);
  g_assert_true (copro_list_get (list, 0) == second);
  g_assert_true (copro_document_get_modified (f->document));
  spin_until (has_toast_undo, f);
  g_signal_emit_by_name (find_toast_undo (f), "clicked");
  g_assert_cmpuint (copro_list_get_n_items (list), ==, n);
  g_assert_true (copro_list_get (list, 0) == first);
  g_assert_false (copro_document_get_modified (f->document));

  /* Delete, then Ctrl+Z: the same. */
  copro_list_editor_delete (editor, 1);
  g_assert_true (copro_list_get (list, 1) != second);
  undo (f);
  g_assert_true (copro_list_get (list, 1) == second);

  /* Move down, and back with undo. */
  copro_list_editor_move (editor, 0, 1);
  g_assert_true (copro_list_get (list, 0) == second);
  g_assert_true (copro_list_get (list, 1) == first);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (copro_list_editor_get_row (editor, 1, FALSE))));
  copro_list_editor_move (editor, 0, -1);   /* the first cannot go up */
  g_assert_true (copro_list_get (list, 0) == second);
  undo (f);
  g_assert_true (copro_list_get (list, 0) == first);
  g_assert_false (copro_document_get_modified (f->document));
}

/* Delivery: a date in a list item */

static void
test_delivery (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *panel = show (f, "delivery");
  CoproRecord *delivery = copro_record_lookup (f->project, "plan.delivery");
  CoproListEditor *actions = list_editor (panel, delivery, "actions");
  CoproRecord *action = copro_list_get (copro_record_get_list (delivery, "actions"), 0);
  GtkWidget *row = copro_list_editor_get_row (actions, 0, TRUE);
  GtkWidget *due = copro_field_widget_get_focus (field (row, action, "due_date"));
  g_autofree char *shown = copro_format_date (copro_record_get_string (action, "due_date"));
  g_autofree char *original = g_strdup (copro_record_get_string (action, "due_date"));

  g_assert_cmpstr (entry_text (due), ==, shown);
  gtk_editable_set_text (GTK_EDITABLE (due), "15/03/2027");
  g_assert_cmpstr (copro_record_get_string (action, "due_date"), ==, "2027-03-15");
  /* The row's subtitle follows the item. */
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "15/03/2027"));
  undo (f);
  g_assert_cmpstr (copro_record_get_string (action, "due_date"), ==, original);
  g_assert_cmpstr (entry_text (due), ==, shown);
}

static void
test_evaluation (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *panel = show (f, "evaluation");
  CoproRecord *evaluation = copro_record_lookup (f->project, "plan.evaluation");
  GtkWidget *measures = copro_field_widget_get_focus (field (panel, evaluation, "impact_measures"));

  set_text_view_text (measures, "");
  g_assert_cmpstr (copro_record_get_string (evaluation, "impact_measures"), ==, "");
  g_assert_true (copro_document_get_modified (f->document));
  undo (f);
  g_assert_cmpstr (copro_record_get_string (evaluation, "impact_measures"), !=, "");
}

/* Partners (a placeholder for the register) */

static gboolean
partners_searched (gpointer data)
{
  return !copro_partners_page_is_searching (data);
}

static void
test_partners (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *panel = show (f, "partners");
  CoproList *partners = copro_record_get_list (f->project, "partners");
  CoproRecord *partner = copro_list_get (partners, 5);

  g_assert_true (COPRO_IS_PARTNERS_PAGE (panel));
  g_assert_cmpuint (copro_partners_page_get_n_shown (COPRO_PARTNERS_PAGE (panel)), ==,
                    copro_list_get_n_items (partners));
  copro_partners_page_set_search (COPRO_PARTNERS_PAGE (panel), copro_record_get_string (partner, "name"));
  spin_until (partners_searched, panel);
  g_assert_cmpuint (copro_partners_page_get_n_shown (COPRO_PARTNERS_PAGE (panel)), >=, 1);
  g_assert_cmpuint (copro_partners_page_get_n_shown (COPRO_PARTNERS_PAGE (panel)), <,
                    copro_list_get_n_items (partners));
  g_assert_true (copro_partners_page_reveal (COPRO_PARTNERS_PAGE (panel), partner));
  g_assert_cmpuint (copro_partners_page_get_n_shown (COPRO_PARTNERS_PAGE (panel)), ==,
                    copro_list_get_n_items (partners));
}

/* Terms of reference: a member chosen from the register, with a role */

static GtkWidget *
find_chooser_in (GtkWidget *root)
{
  if (COPRO_IS_PARTNER_CHOOSER (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_chooser_in (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The chooser is an AdwDialog: in the window it was shown from. */
static CoproPartnerChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *found = find_chooser_in (GTK_WIDGET (window));

      if (found != NULL)
        return COPRO_PARTNER_CHOOSER (found);
    }
  return NULL;
}

static gboolean
has_chooser (gpointer data)
{
  return find_chooser () != NULL;
}

static gboolean
no_chooser (gpointer data)
{
  return find_chooser () == NULL;
}

static gboolean
chooser_searched (gpointer data)
{
  return !copro_partner_chooser_is_searching (data);
}

static void
test_terms (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *panel = show (f, "terms");
  CoproRecord *terms = copro_record_get_record (f->project, "terms_of_reference");
  CoproList *partners = copro_record_get_list (f->project, "partners");
  CoproListEditor *members = list_editor (panel, terms, "members");
  CoproRecord *member = copro_list_get (copro_record_get_list (terms, "members"), 0);
  CoproRecord *partner = copro_list_find_by_id (partners, copro_record_get_string (member, "partner"));
  CoproRecord *other = copro_list_get (partners, 30);
  GtkWidget *row = copro_list_editor_get_row (members, 0, FALSE);
  GtkWidget *partner_row, *role;
  CoproPartnerChooser *chooser;
  g_autofree char *original = g_strdup (copro_record_get_string (member, "partner"));
  g_autofree char *original_role = g_strdup (copro_record_get_string (member, "role"));
  g_autofree char *other_name = g_strdup (copro_partner_get_title (other));

  g_assert_nonnull (partner);
  /* A member's row is titled by the partner's name, its role beneath. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   copro_partner_get_title (partner));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            copro_enum_label (&copro_enum_member_role, copro_record_get_string (member, "role"))));

  row = copro_list_editor_get_row (members, 0, TRUE);
  partner_row = field (row, member, "partner");
  role = field (row, member, "role");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (partner_row)), ==,
                   copro_partner_get_title (partner));

  /* Activating the row opens the chooser; searching narrows the register. */
  g_signal_emit_by_name (partner_row, "activated");
  spin_until (has_chooser, NULL);
  chooser = find_chooser ();
  g_assert_cmpuint (copro_partner_chooser_get_n_shown (chooser), ==, copro_list_get_n_items (partners));
  copro_partner_chooser_set_search (chooser, other_name);
  spin_until (chooser_searched, chooser);
  g_assert_cmpuint (copro_partner_chooser_get_n_shown (chooser), >=, 1);
  g_assert_cmpuint (copro_partner_chooser_get_n_shown (chooser), <, copro_list_get_n_items (partners));
  /* The search looks in names, organisations and roles. */
  for (guint i = 0; i < copro_partner_chooser_get_n_shown (chooser); i++)
    {
      CoproRecord *shown = copro_partner_chooser_get_shown (chooser, i);
      g_autofree char *all = g_strjoin (" ", copro_record_get_string (shown, "name"),
                                        copro_record_get_string (shown, "organisation"),
                                        copro_record_get_string (shown, "role"), NULL);

      g_assert_nonnull (strstr (all, other_name));
      if (shown == other)
        {
          copro_partner_chooser_choose (chooser, i);
          break;
        }
    }
  /* It closes (once its closing animation, if any, has run). */
  spin_until (no_chooser, NULL);
  g_assert_cmpstr (copro_record_get_string (member, "partner"), ==, copro_record_get_id (other));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (partner_row)), ==, other_name);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, other_name);
  g_assert_true (copro_document_get_modified (f->document));

  /* Another role than the one it has. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (role),
                              g_strcmp0 (copro_record_get_string (member, "role"), "secretariat") == 0 ? 1 : 4);
  g_assert_cmpstr (copro_record_get_string (member, "role"), !=, original_role);
  g_assert_nonnull (copro_record_get_string (member, "role"));
  undo (f);
  undo (f);
  g_assert_cmpstr (copro_record_get_string (member, "partner"), ==, original);
  g_assert_false (copro_document_get_modified (f->document));
}

/* Review: activities and their feedback, a list inside a list */

static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *panel = show (f, "review");
  CoproListEditor *activities = list_editor (panel, f->project, "activities");
  CoproRecord *activity = copro_list_get (copro_record_get_list (f->project, "activities"), 0);
  CoproList *feedback = copro_record_get_list (activity, "feedback");
  CoproRecord *reflection = copro_record_get_record (f->project, "reflection");
  GtkWidget *row = copro_list_editor_get_row (activities, 0, TRUE);
  CoproListEditor *nested = list_editor (row, activity, "feedback");
  GtkWidget *participants = copro_field_widget_get_focus (field (row, activity, "participants"));
  guint n = copro_list_get_n_items (feedback);
  CoproRecord *item;
  int people = copro_record_get_int (activity, "participants");

  g_assert_cmpuint (count_list_rows (nested), ==, n);
  item = copro_list_editor_add (nested);
  g_assert_cmpuint (copro_list_get_n_items (feedback), ==, n + 1);
  copro_record_set_string (item, "status", "open");
  g_assert_true (copro_document_get_modified (f->document));
  undo (f);
  undo (f);
  g_assert_cmpuint (copro_list_get_n_items (feedback), ==, n);
  g_assert_false (copro_document_get_modified (f->document));

  /* A whole number: a spin button. */
  g_assert_true (GTK_IS_SPIN_BUTTON (participants));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (participants)), ==, people);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (participants), people + 3);
  g_assert_cmpint (copro_record_get_int (activity, "participants"), ==, people + 3);
  undo (f);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (participants)), ==, people);

  adw_combo_row_set_selected (ADW_COMBO_ROW (field (panel, reflection, "diversity")), 1);
  g_assert_cmpstr (copro_record_get_string (reflection, "diversity"), ==, "red");
  undo (f);
  g_assert_false (copro_document_get_modified (f->document));
}

/* Review: the timeline under the activities, an image described in words
 * that follows the activities */

static void
test_review_timeline (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *panel = show (f, "review");
  CoproList *activities = copro_record_get_list (f->project, "activities");
  guint n = copro_list_get_n_items (activities);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  GtkWidget *view;
  CoproRecord *activity;
  int height, taller;

  collect_type (panel, COPRO_TYPE_TIMELINE_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  view = g_ptr_array_index (views, 0);
  g_assert_true (gtk_widget_get_mapped (view));
  spin_until ((Condition) widget_height_is_at_least, &(HeightWait) { view, 1 });

  /* An image, named once, described by the core's words. */
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     "Timeline of the activities"));
  expected = copro_timeline_describe (f->document);
  g_assert_true (g_str_has_prefix (expected, "7 activities from "));
  g_assert_cmpstr (copro_timeline_view_get_description (COPRO_TIMELINE_VIEW (view)), ==, expected);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     expected));
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), &height, NULL, NULL, NULL);
  g_assert_cmpint (height, >, 0);
  g_assert_cmpint (gtk_widget_get_height (view), ==, height);

  /* An activity added from the list: described and drawn, a row taller. */
  before = g_strdup (copro_timeline_view_get_description (COPRO_TIMELINE_VIEW (view)));
  activity = copro_list_editor_add (list_editor (panel, f->project, "activities"));
  g_assert_cmpuint (copro_list_get_n_items (activities), ==, n + 1);
  copro_record_set_string (activity, "title", "Timeline test walk");
  copro_record_set_string (activity, "start_date", "2026-09-01");
  copro_record_set_string (activity, "end_date", "2026-09-30");
  copro_record_set_string (activity, "step", "co-deliver");
  g_assert_true (g_str_has_prefix (copro_timeline_view_get_description (COPRO_TIMELINE_VIEW (view)),
                                   "8 activities from "));
  g_assert_cmpstr (copro_timeline_view_get_description (COPRO_TIMELINE_VIEW (view)), !=, before);
  g_assert_nonnull (strstr (copro_timeline_view_get_description (COPRO_TIMELINE_VIEW (view)),
                            "2 in step 5. Co-deliver"));
  g_free (expected);
  expected = copro_timeline_describe (f->document);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     expected));
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), &taller, NULL, NULL, NULL);
  g_assert_cmpint (taller, >, height);
  spin_until ((Condition) widget_height_is_at_least, &(HeightWait) { view, taller });

  /* Undone, it is gone from the timeline too. */
  while (copro_list_get_n_items (activities) > n)
    undo (f);
  g_assert_cmpuint (copro_list_get_n_items (activities), ==, n);
  g_assert_cmpstr (copro_timeline_view_get_description (COPRO_TIMELINE_VIEW (view)), ==, before);

  /* Feedback changes nothing on it. */
  copro_list_add_new (copro_record_get_list (copro_list_get (activities, 0), "feedback"));
  g_assert_cmpstr (copro_timeline_view_get_description (COPRO_TIMELINE_VIEW (view)), ==, before);

  /* As narrow as a phone, it still fits the panel. */
  g_assert_cmpint (gtk_widget_get_width (view), >, 0);
  {
    int minimum;

    gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 320);
  }
}

/* Risks: the score and band, in words */

static void
test_risks (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *panel = show (f, "risks");
  CoproListEditor *editor = list_editor (panel, f->project, "risks");
  CoproRecord *risk = copro_list_editor_add (editor);
  guint n = copro_list_get_n_items (copro_record_get_list (f->project, "risks"));
  GtkWidget *row = copro_list_editor_get_row (editor, n - 1, FALSE);
  GtkWidget *likelihood = copro_field_widget_get_focus (field (row, risk, "likelihood"));
  GtkWidget *impact = copro_field_widget_get_focus (field (row, risk, "impact"));
  GtkWidget *badge = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_type (row, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "risk-badge"))
      badge = g_ptr_array_index (labels, i);
  g_assert_nonnull (badge);

  /* Unset likelihood reads "Not set"; an unscored risk says so in words. */
  g_assert_cmpstr (entry_text (likelihood), ==, "Not set");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Not scored");
  g_assert_true (gtk_widget_has_css_class (badge, "risk-none"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (likelihood), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (impact), 2);
  g_assert_cmpint (copro_record_get_int (risk, "likelihood"), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Low 6");
  g_assert_true (gtk_widget_has_css_class (badge, "risk-low"));
  new_step (f);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (impact), 4);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Medium 12");
  new_step (f);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (impact), 5);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "High 15");
  g_assert_true (gtk_widget_has_css_class (badge, "risk-high"));
  g_assert_false (gtk_widget_has_css_class (badge, "risk-low"));
  g_assert_null (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "High"));
  g_assert_nonnull (strstr (copro_list_editor_get_summary (editor), "Open risks:"));

  undo (f);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Medium 12");
  undo (f);
  undo (f);
  undo (f);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Not scored");
  undo (f);
  g_assert_cmpuint (copro_list_get_n_items (copro_record_get_list (f->project, "risks")), ==, n - 1);
  g_assert_false (copro_document_get_modified (f->document));
}

static void
test_signoff (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *panel = show (f, "signoff");
  CoproListEditor *approvals = list_editor (panel, f->project, "approvals");
  CoproListEditor *history = list_editor (panel, f->project, "history");
  CoproRecord *approval = copro_list_get (copro_record_get_list (f->project, "approvals"), 0);
  GtkWidget *row = copro_list_editor_get_row (approvals, 0, TRUE);
  GtkWidget *decision = field (row, approval, "decision");

  g_assert_cmpuint (count_list_rows (history), ==,
                    copro_list_get_n_items (copro_record_get_list (f->project, "history")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (decision), 4);
  g_assert_cmpstr (copro_record_get_string (approval, "decision"), ==, "rejected");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "Rejected"));
  undo (f);
  g_assert_false (copro_document_get_modified (f->document));
}

/* Checks: the live findings, the count in the sidebar, and where they lead */

static gboolean
no_problems (gpointer data)
{
  Fixture *f = data;

  return copro_project_view_get_n_problems (f->view) == 0;
}

typedef struct
{
  Fixture *f;
  guint    n;
} Count;

static gboolean
has_n_problems (gpointer data)
{
  Count *count = data;

  return copro_project_view_get_n_problems (count->f->view) == count->n;
}

typedef struct
{
  GtkRoot   *root;
  GtkWidget *widget;
} Focus;

static gboolean
has_keyboard_focus (gpointer data)
{
  Focus *focus = data;
  GtkWidget *current = gtk_root_get_focus (focus->root);

  return current != NULL && (current == focus->widget || gtk_widget_is_ancestor (current, focus->widget));
}

static gboolean
shows_why (gpointer panel)
{
  const char *why = copro_checks_panel_get_why (panel, 0);

  return why != NULL && find_label (panel, why) != NULL;
}

/* Puts right what a problem finding is about, on every record it concerns. */
static void
fix (CoproFinding *finding)
{
  const CoproField *field = copro_record_desc_find_field (copro_record_get_desc (finding->record), finding->field);

  for (guint i = 0; i < finding->records->len; i++)
    {
      CoproRecord *record = g_ptr_array_index (finding->records, i);

      switch (field->kind)
        {
        case COPRO_FIELD_DATE:
          copro_record_set_string (record, finding->field, "2099-12-31");
          break;
        case COPRO_FIELD_ENUM:
          if (field->enumeration == &copro_enum_support)
            copro_record_set_string (record, finding->field, "confirmed");
          else if (field->enumeration == &copro_enum_compliance || field->enumeration == &copro_enum_assessment)
            copro_record_set_string (record, finding->field, "done");
          else
            copro_record_set_string (record, finding->field, field->enumeration->values[0].key);
          break;
        default:
          copro_record_set_string (record, finding->field, "Filled in by the test");
        }
    }
}

static void
test_checks (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *panel = show (f, "checks");
  g_autoptr(GPtrArray) findings = copro_checks_run (f->project, NULL);
  CoproRecord *outline = copro_record_lookup (f->project, "plan.outline");
  guint n_problems = copro_checks_count (findings, COPRO_SEVERITY_PROBLEM);
  Count count = { f, n_problems + 1 };
  Focus focus = { GTK_ROOT (f->window), NULL };
  guint position = G_MAXUINT;
  GtkWidget *why_label;

  g_assert_true (COPRO_IS_CHECKS_PANEL (panel));
  g_assert_cmpuint (copro_checks_panel_get_n_findings (COPRO_CHECKS_PANEL (panel)), ==, findings->len);
  g_assert_cmpuint (copro_project_view_get_n_problems (f->view), ==, n_problems);
  g_assert_cmpuint (copro_checks_panel_get_n_problems (COPRO_CHECKS_PANEL (panel)), ==, n_problems);
  for (guint i = 0; i < findings->len; i++)
    {
      CoproFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (copro_checks_panel_get_message (COPRO_CHECKS_PANEL (panel), i), ==, finding->message);
      g_assert_cmpstr (copro_checks_panel_get_why (COPRO_CHECKS_PANEL (panel), i), ==, finding->check->why);
    }
  /* The why shows beneath the first finding. */
  g_assert_cmpuint (findings->len, >, 0);
  spin_until (shows_why, panel);
  why_label = find_label (panel, ((CoproFinding *) g_ptr_array_index (findings, 0))->check->why);
  g_assert_true (gtk_widget_is_drawable (why_label));
  /* Beneath the message, in the same row. */
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_prev_sibling (why_label)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (why_label))), ==,
                   ((CoproFinding *) g_ptr_array_index (findings, 0))->message);

  /* A new problem shows a moment after the change that makes it. */
  copro_record_set_string (outline, "management_support", "pending");
  spin_until (has_n_problems, &count);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = copro_checks_run (f->project, NULL);
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((CoproFinding *) g_ptr_array_index (findings, i))->check->key, "support-not-confirmed"))
      position = i;
  g_assert_cmpuint (position, <, findings->len);
  /* Problems come first. */
  g_assert_cmpint (((CoproFinding *) g_ptr_array_index (findings, 0))->check->severity, ==, COPRO_SEVERITY_PROBLEM);

  /* Activating it goes to its field and gives it the keyboard. */
  copro_checks_panel_activate (COPRO_CHECKS_PANEL (panel), position);
  g_assert_cmpstr (copro_project_view_get_section (f->view), ==, "outline");
  focus.widget = copro_field_widget_get_focus (field (copro_project_view_get_panel (f->view, "outline"),
                                                      outline, "management_support"));
  spin_until (has_keyboard_focus, &focus);

  /* Putting every problem right clears the count in the sidebar. */
  for (guint i = 0; i < findings->len; i++)
    if (((CoproFinding *) g_ptr_array_index (findings, i))->check->severity == COPRO_SEVERITY_PROBLEM)
      fix (g_ptr_array_index (findings, i));
  spin_until (no_problems, f);
  g_assert_cmpuint (copro_checks_panel_get_n_problems (COPRO_CHECKS_PANEL (panel)), ==, 0);
}

static void
test_checks_reveal_in_lists (Fixture       *f,
                             gconstpointer  data)
{
  CoproList *activities = copro_record_get_list (f->project, "activities");
  CoproRecord *feedback = NULL;
  GtkWidget *widget;

  for (guint i = copro_list_get_n_items (activities); i > 0 && feedback == NULL; i--)
    {
      CoproList *items = copro_record_get_list (copro_list_get (activities, i - 1), "feedback");

      if (copro_list_get_n_items (items) > 0)
        feedback = copro_list_get (items, copro_list_get_n_items (items) - 1);
    }
  g_assert_nonnull (feedback);
  /* A field two lists down: both items are opened on the way. */
  g_assert_true (copro_project_view_reveal (f->view, feedback, "status"));
  g_assert_cmpstr (copro_project_view_get_section (f->view), ==, "review");
  widget = copro_field_widget_find (GTK_WIDGET (f->view), feedback, "status");
  g_assert_nonnull (widget);
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_EXPANDER_ROW (w))
      g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (w)));

  /* A partner's finding goes to the partners page. */
  g_assert_true (copro_project_view_reveal (f->view, copro_list_get (copro_record_get_list (f->project, "partners"), 3),
                                            "lawful_basis"));
  g_assert_cmpstr (copro_project_view_get_section (f->view), ==, "partners");
}

/* Navigation: shortcuts between sections, the sidebar folding away */

static void
test_navigation (Fixture       *f,
                 gconstpointer  data)
{
  GActionGroup *actions = G_ACTION_GROUP (f->window);
  AdwOverlaySplitView *split = ADW_OVERLAY_SPLIT_VIEW (find_type (GTK_WIDGET (f->view),
                                                                 ADW_TYPE_OVERLAY_SPLIT_VIEW));

  g_assert_cmpstr (copro_project_view_get_section (f->view), ==, "overview");
  g_assert_false (g_action_group_get_action_enabled (actions, "previous-section"));
  g_assert_false (g_action_group_get_action_enabled (actions, "undo"));
  g_assert_false (g_action_group_get_action_enabled (actions, "redo"));
  g_action_group_activate_action (actions, "next-section", NULL);
  g_assert_cmpstr (copro_project_view_get_section (f->view), ==, "outline");
  g_action_group_activate_action (actions, "next-section", NULL);
  g_assert_cmpstr (copro_project_view_get_section (f->view), ==, "resources");
  g_action_group_activate_action (actions, "previous-section", NULL);
  g_assert_cmpstr (copro_project_view_get_section (f->view), ==, "outline");
  g_action_group_activate_action (actions, "show-section", g_variant_new_string ("checks"));
  g_assert_cmpstr (copro_project_view_get_section (f->view), ==, "checks");
  g_assert_false (g_action_group_get_action_enabled (actions, "next-section"));

  /* The sidebar shows on a wide window; F9 hides and shows it. */
  g_assert_false (adw_overlay_split_view_get_collapsed (split));
  g_assert_false (copro_project_view_get_collapsed (f->view));
  g_assert_true (adw_overlay_split_view_get_show_sidebar (split));
  g_action_group_activate_action (actions, "toggle-sidebar", NULL);
  g_assert_false (adw_overlay_split_view_get_show_sidebar (split));
  g_action_group_activate_action (actions, "toggle-sidebar", NULL);
  g_assert_true (adw_overlay_split_view_get_show_sidebar (split));
}

static gboolean
is_folded (gpointer data)
{
  return adw_overlay_split_view_get_collapsed (data);
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_width (data) < 500;
}

static void
test_narrow_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CoproDocument) document = load_example ();
  CoproWindow *window = copro_window_new (app);
  CoproProjectView *view = COPRO_PROJECT_VIEW (find_type (GTK_WIDGET (window), COPRO_TYPE_PROJECT_VIEW));
  AdwOverlaySplitView *split = ADW_OVERLAY_SPLIT_VIEW (find_type (GTK_WIDGET (view),
                                                                 ADW_TYPE_OVERLAY_SPLIT_VIEW));
  GtkListBox *sidebar;
  gpointer weak = window;
  int minimum;

  /* The window can be as narrow as a phone... */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  copro_window_set_document (window, document);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  spin_until (is_narrow, window);

  /* ...where the sidebar folds away, and comes back over the panel. */
  spin_until (is_folded, split);
  g_assert_false (adw_overlay_split_view_get_show_sidebar (split));
  g_action_group_activate_action (G_ACTION_GROUP (window), "toggle-sidebar", NULL);
  g_assert_true (adw_overlay_split_view_get_show_sidebar (split));
  /* Choosing a section there shows it and gets the sidebar out of the way. */
  sidebar = GTK_LIST_BOX (find_type (adw_overlay_split_view_get_sidebar (split), GTK_TYPE_LIST_BOX));
  g_signal_emit_by_name (sidebar, "row-activated", gtk_list_box_get_row_at_index (sidebar, 10));
  g_assert_cmpstr (copro_project_view_get_section (view), ==, "risks");
  g_assert_false (adw_overlay_split_view_get_show_sidebar (split));

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  spin_until (is_null, &weak);
  /* The next windows open at the usual size. */
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* A panel makes its first two groups with it and the rest after its first
 * frame; asking for a field of a later group makes them at once. */

static GPtrArray *
panel_groups (GtkWidget *panel)
{
  GPtrArray *groups = g_ptr_array_new ();
  GtkWidget *content = copro_panel_get_content (COPRO_PANEL (panel));

  for (GtkWidget *child = gtk_widget_get_first_child (content);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (groups, child);
  return groups;
}

typedef struct
{
  GtkWidget *panel;
  guint      frames;        /* drawn while the panel still waited */
} FirstFrame;

static void
on_panel_frame_cb (GdkFrameClock *clock,
                   FirstFrame    *wait)
{
  if (copro_panel_has_pending (COPRO_PANEL (wait->panel)))
    wait->frames++;
}

static gboolean
has_no_pending (gpointer panel)
{
  return !copro_panel_has_pending (COPRO_PANEL (panel));
}

static const char *
group_title (GtkWidget *group)
{
  GtkWidget *inner = find_type (group, ADW_TYPE_PREFERENCES_GROUP);

  return inner != NULL ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (inner)) : NULL;
}

static void
test_groups_after_first_frame (void)
{
  g_autoptr(CoproDocument) document = load_example ();
  CoproRecord *project = copro_document_get_project (document);
  CoproRecord *overview = copro_record_get_record (project, "overview");
  CoproRecord *terms = copro_record_get_record (project, "terms_of_reference");
  CoproWindow *window = copro_window_new (app);
  const CoproSection *sections;
  const CoproSection *section = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GtkWidget) panel = NULL;
  FirstFrame wait = { NULL, 0 };
  GtkWidget *overview_panel;
  gulong handler;
  gpointer weak = window;
  guint n;

  gtk_window_present (GTK_WINDOW (window));
  copro_window_set_document (window, document);

  /* The Overview opens with "The project" and "People" made... */
  overview_panel = find_type (GTK_WIDGET (window), COPRO_TYPE_PANEL);
  g_assert_nonnull (overview_panel);
  g_assert_cmpstr (copro_panel_get_title (COPRO_PANEL (overview_panel)), ==, "Overview");
  groups = panel_groups (overview_panel);
  g_assert_cmpuint (groups->len, ==, 2);
  g_assert_cmpstr (group_title (groups->pdata[0]), ==, "The project");
  g_assert_cmpstr (group_title (groups->pdata[1]), ==, "People");
  g_assert_true (copro_panel_has_pending (COPRO_PANEL (overview_panel)));
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* ...draws a frame with them, then makes the third. */
  wait.panel = overview_panel;
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (on_panel_frame_cb), &wait);
  spin_until (has_no_pending, overview_panel);
  g_assert_cmpuint (wait.frames, >=, 1);
  groups = panel_groups (overview_panel);
  g_assert_cmpuint (groups->len, ==, 3);
  g_assert_cmpstr (group_title (groups->pdata[2]), ==, "Timescale and involvement");
  g_assert_nonnull (copro_field_widget_find (overview_panel, overview, "target_level"));
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* A panel never shown keeps its later groups until a field is asked
   * for, then makes them all, in order. */
  sections = copro_sections_get (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (sections[i].name, "terms"))
      section = &sections[i];
  g_assert_nonnull (section);
  panel = g_object_ref_sink (copro_sections_build (section, document));
  g_assert_true (copro_panel_has_pending (COPRO_PANEL (panel)));
  groups = panel_groups (panel);
  g_assert_cmpuint (groups->len, ==, 2);
  g_clear_pointer (&groups, g_ptr_array_unref);
  g_assert_nonnull (copro_field_widget_find (panel, terms, "review_date"));
  g_assert_false (copro_panel_has_pending (COPRO_PANEL (panel)));
  groups = panel_groups (panel);
  g_assert_cmpuint (groups->len, ==, 6);
  g_assert_cmpstr (group_title (groups->pdata[0]), ==, "The group");
  g_assert_cmpstr (group_title (groups->pdata[1]), ==, "Membership");
  g_assert_true (COPRO_IS_LIST_EDITOR (groups->pdata[2]));
  g_assert_cmpstr (group_title (groups->pdata[3]), ==, "How the group works");
  g_assert_cmpstr (group_title (groups->pdata[5]), ==, "Dates");

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  spin_until (is_null, &weak);
}

/* A read-only project: nothing can be edited, nothing undone */

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *panel = show (f, "overview");
  GtkWidget *title = field (panel, copro_record_get_record (f->project, "overview"), "title");
  GtkWidget *risks = show (f, "risks");

  g_assert_true (gtk_widget_is_sensitive (title));
  copro_record_set_string (copro_record_get_record (f->project, "overview"), "reference", "X");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "undo"));

  copro_document_set_read_only (f->document, "This project comes from a newer version.");
  g_assert_false (gtk_widget_is_sensitive (title));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (list_editor (risks, f->project, "risks"))));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "undo"));
  /* Moving around still works. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "show-section"));
}

/* The keyboard shortcuts window lists every accelerator */

static void
collect_accelerators (GtkWidget *root,
                      GPtrArray *accelerators)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();

  /* In the sections only: the window copies them all for its search. */
  collect_type (root, GTK_TYPE_SHORTCUTS_SECTION, sections);
  g_assert_cmpuint (sections->len, ==, 1);
  collect_type (g_ptr_array_index (sections, 0), GTK_TYPE_SHORTCUTS_SHORTCUT, shortcuts);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *accelerator = NULL;

      g_object_get (g_ptr_array_index (shortcuts, i), "accelerator", &accelerator, NULL);
      g_ptr_array_add (accelerators, g_steal_pointer (&accelerator));
    }
}

static gboolean
listed (GPtrArray  *accelerators,
        const char *accel)
{
  guint key, listed_key;
  GdkModifierType mods, listed_mods;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
  for (guint i = 0; i < accelerators->len; i++)
    if (gtk_accelerator_parse (g_ptr_array_index (accelerators, i), &listed_key, &listed_mods) &&
        listed_key == key && listed_mods == mods)
      return TRUE;
  return FALSE;
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/coproduce/Coproduce/copro-shortcuts-window.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GPtrArray) accelerators = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  guint n_checked = 0;

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  collect_accelerators (overlay, accelerators);

  /* Every accelerator the application sets is in the window... */
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          if (!listed (accelerators, accels[j]))
            g_error ("%s (%s) is not in the keyboard shortcuts window", accels[j], actions[i]);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >=, 20);
  /* ...and so are the application's own: the export, and this window. */
  g_assert_true (listed (accelerators, "<Control>e"));
  g_assert_true (listed (accelerators, "<Control>question"));
  g_assert_true (listed (accelerators, "<Control>z"));
  g_assert_true (listed (accelerators, "<Control><Shift>z"));
  /* No accelerator is listed twice. */
  for (guint i = 0; i < accelerators->len; i++)
    for (guint j = i + 1; j < accelerators->len; j++)
      g_assert_cmpstr (g_ptr_array_index (accelerators, i), !=, g_ptr_array_index (accelerators, j));

  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* CoproPanel and CoproChecksPanel hold their state in properties. */
static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_type (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_visible (g_ptr_array_index (labels, i)) &&
        g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_panel_properties (void)
{
  GtkWidget *panel = g_object_ref_sink (g_object_new (COPRO_TYPE_PANEL,
                                                      "title", "Outline",
                                                      "overline", "Plan",
                                                      NULL));
  GtkWidget *checks = g_object_ref_sink (copro_checks_panel_new ("Checks", "What to look at"));
  GtkWidget *content = copro_panel_get_content (COPRO_PANEL (panel));
  g_autofree char *title = NULL;
  guint n_findings = 1;

  g_object_get (panel, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Outline");
  g_assert_true (has_label (panel, "Outline"));
  g_assert_true (has_label (panel, "Plan"));
  g_assert_null (copro_panel_get_guidance (COPRO_PANEL (panel)));
  g_object_set (panel, "guidance", "Say what the project is for.", "overline", NULL, NULL);
  g_assert_true (has_label (panel, "Say what the project is for."));
  g_assert_false (has_label (panel, "Plan"));

  g_assert_true (copro_panel_get_editable (COPRO_PANEL (panel)));
  g_assert_true (gtk_widget_get_sensitive (content));
  g_object_set (panel, "editable", FALSE, NULL);
  g_assert_false (gtk_widget_get_sensitive (content));
  copro_panel_set_editable (COPRO_PANEL (panel), TRUE);
  g_assert_true (gtk_widget_get_sensitive (content));

  g_assert_true (has_label (checks, "Checks"));
  g_assert_true (has_label (checks, "What to look at"));
  g_object_get (checks, "n-findings", &n_findings, NULL);
  g_assert_cmpuint (n_findings, ==, 0);
  g_assert_true (has_label (checks, "0 problems and 0 pieces of advice"));

  g_assert_finalize_object (panel);
  g_assert_finalize_object (checks);
}

/* A list editor made from its properties (its template): a row per item,
 * its Add button named after its title and following it, and Add adding to
 * the list it was given. */
static void
test_list_editor_properties (Fixture       *f,
                             gconstpointer  data)
{
  CoproRecord *plan = copro_record_get_record (f->project, "plan");
  CoproList *list = copro_record_get_list (plan, "communications");
  GtkWidget *editor = g_object_ref_sink (g_object_new (COPRO_TYPE_LIST_EDITOR,
                                                       "list", list,
                                                       "title", "Messages",
                                                       NULL));
  GtkWidget *add = adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (editor));
  g_autoptr(CoproList) got = NULL;
  guint n = copro_list_get_n_items (list);

  g_assert_cmpuint (n, >, 0);
  g_object_get (editor, "list", &got, NULL);
  g_assert_true (got == list);
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (copro_list_editor_get_row (COPRO_LIST_EDITOR (editor), i, FALSE));
  g_assert_null (copro_list_editor_get_row (COPRO_LIST_EDITOR (editor), n, FALSE));

  g_assert_true (GTK_IS_BUTTON (add));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (add), ==, "Add to “Messages”");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (editor), "Communications");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (add), ==, "Add to “Communications”");

  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (copro_list_get_n_items (list), ==, n + 1);
  g_assert_nonnull (copro_list_editor_get_row (COPRO_LIST_EDITOR (editor), n, FALSE));

  g_assert_finalize_object (editor);
}


/* A list's rows (CoproListRow): their Move and Delete buttons work through
 * the row's actions, are enabled where they can act, and the toast's Undo
 * puts a deleted item back even when it is no longer the last change. */
static void
test_list_rows (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *panel = show (f, "communications");
  CoproRecord *plan = copro_record_get_record (f->project, "plan");
  CoproList *list = copro_record_get_list (plan, "communications");
  CoproListEditor *editor = list_editor (panel, plan, "communications");
  guint n = copro_list_get_n_items (list);
  CoproRecord *first = copro_list_get (list, 0);
  CoproRecord *second = copro_list_get (list, 1);
  GtkWidget *row = copro_list_editor_get_row (editor, 0, FALSE);
  GtkWidget *last = copro_list_editor_get_row (editor, n - 1, FALSE);
  g_autoptr(CoproRecord) item = NULL;
  gboolean populated, up, down;
  GtkWidget *button;

  g_assert_cmpuint (n, >=, 3);
  g_assert_true (COPRO_IS_LIST_ROW (row));
  g_object_get (row, "item", &item, "populated", &populated, "can-move-up", &up, "can-move-down", &down, NULL);
  g_assert_true (item == first);
  g_assert_false (populated);
  g_assert_false (up);
  g_assert_true (down);
  g_assert_true (copro_list_row_get_item (COPRO_LIST_ROW (last)) == copro_list_get (list, n - 1));
  g_object_get (last, "can-move-up", &up, "can-move-down", &down, NULL);
  g_assert_true (up);
  g_assert_false (down);

  /* Opened: the fields, then the buttons, whose actions follow the place. */
  row = copro_list_editor_get_row (editor, 0, TRUE);
  g_assert_true (copro_list_row_get_populated (COPRO_LIST_ROW (row)));
  g_assert_nonnull (copro_field_widget_find (row, first, "audience"));
  button = copro_list_row_get_move_button (COPRO_LIST_ROW (row), -1);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "item.move-up");
  g_assert_false (gtk_widget_get_sensitive (button));
  button = copro_list_row_get_move_button (COPRO_LIST_ROW (row), 1);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (copro_list_get (list, 0) == second);
  g_assert_true (copro_list_get (list, 1) == first);
  g_assert_true (copro_list_row_get_item (COPRO_LIST_ROW (copro_list_editor_get_row (editor, 1, FALSE))) == first);
  g_assert_true (gtk_widget_activate_action (copro_list_editor_get_row (editor, 1, FALSE), "item.move-up", NULL));
  g_assert_true (copro_list_get (list, 0) == first);

  /* Delete from the row, then another change: Undo still puts it back. */
  row = copro_list_editor_get_row (editor, 1, FALSE);
  g_assert_true (gtk_widget_activate_action (row, "item.delete", NULL));
  g_assert_cmpuint (copro_list_get_n_items (list), ==, n - 1);
  g_assert_false (copro_list_find (list, second, NULL));
  new_step (f);
  copro_record_set_string (first, "audience", "Someone else");
  spin_until (has_toast_undo, f);
  button = find_toast_undo (f);
  g_assert_nonnull (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (copro_list_get_n_items (list), ==, n);
  g_assert_true (copro_list_get (list, 1) == second);
  g_assert_cmpstr (copro_record_get_string (first, "audience"), ==, "Someone else");
}


/* The row classes of a generated form (copro-field-rows.h), each on its
 * own: the record's value shows, an edit in the widget reaches the record,
 * a change of the record reaches the widget, and after "record" is set to
 * another record the old one is no longer followed nor written. */

static CoproRecord *
find_record_with_kind (CoproRecord       *record,
                       CoproFieldKind     kind,
                       const CoproField **found)
{
  const CoproRecordDesc *desc = copro_record_get_desc (record);

  for (guint i = 0; i < desc->n_fields; i++)
    if (desc->fields[i].kind == kind &&
        (desc->fields[i].enumeration == NULL || copro_enum_n_values (desc->fields[i].enumeration) >= 3))
      {
        *found = &desc->fields[i];
        return record;
      }
  for (guint i = 0; i < desc->n_fields; i++)
    {
      CoproRecord *inner = NULL;

      if (desc->fields[i].kind == COPRO_FIELD_RECORD)
        inner = find_record_with_kind (copro_record_get_record (record, desc->fields[i].key), kind, found);
      else if (desc->fields[i].kind == COPRO_FIELD_LIST)
        {
          CoproList *list = copro_record_get_list (record, desc->fields[i].key);

          for (guint j = 0; inner == NULL && j < copro_list_get_n_items (list); j++)
            inner = find_record_with_kind (copro_list_get (list, j), kind, found);
        }
      if (inner != NULL)
        return inner;
    }
  return NULL;
}

/* A field's value, the same way whether read from the record or a row. */
static char *
record_value (CoproRecord      *record,
              const CoproField *field)
{
  switch (field->kind)
    {
    case COPRO_FIELD_INT:
      return g_strdup_printf ("%d", copro_record_get_int (record, field->key));
    case COPRO_FIELD_MONEY:
      return g_strdup_printf ("%" G_GINT64_FORMAT, copro_record_get_money (record, field->key));
    case COPRO_FIELD_BOOL:
      return g_strdup (copro_record_get_bool (record, field->key) ? "yes" : "no");
    case COPRO_FIELD_FLAGS:
      {
        /* In the enumeration's order, as the check boxes are. */
        g_autoptr(GPtrArray) keys = g_ptr_array_new ();

        for (guint i = 0; field->enumeration->values[i].key != NULL; i++)
          if (copro_record_has_flag (record, field->key, field->enumeration->values[i].key))
            g_ptr_array_add (keys, (gpointer) field->enumeration->values[i].key);
        g_ptr_array_add (keys, NULL);
        return g_strjoinv (",", (char **) keys->pdata);
      }
    default:
      return g_strdup (copro_record_get_string (record, field->key) != NULL
                       ? copro_record_get_string (record, field->key) : "");
    }
}

static char *
row_value (GtkWidget        *row,
           const CoproField *field)
{
  GtkWidget *focus = copro_field_widget_get_focus (row);

  switch (field->kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_EMAIL:
      g_assert_true (COPRO_IS_ENTRY_ROW (row));
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
    case COPRO_FIELD_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
        GtkTextIter start, end;

        g_assert_true (COPRO_IS_TEXT_ROW (row));
        gtk_text_buffer_get_bounds (buffer, &start, &end);
        return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      }
    case COPRO_FIELD_ENUM:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

        g_assert_true (COPRO_IS_ENUM_ROW (row));
        return g_strdup (selected == 0 ? "" : field->enumeration->values[selected - 1].key);
      }
    case COPRO_FIELD_DATE:
      {
        char *iso = NULL;

        g_assert_true (COPRO_IS_TYPED_ROW (row));
        if (*gtk_editable_get_text (GTK_EDITABLE (focus)) == '\0')
          return g_strdup ("");
        g_assert_true (copro_parse_date (gtk_editable_get_text (GTK_EDITABLE (focus)), &iso));
        return iso;
      }
    case COPRO_FIELD_MONEY:
      {
        gint64 pence = 0;

        g_assert_true (COPRO_IS_TYPED_ROW (row));
        if (*gtk_editable_get_text (GTK_EDITABLE (focus)) != '\0')
          g_assert_true (copro_parse_money (gtk_editable_get_text (GTK_EDITABLE (focus)), &pence));
        return g_strdup_printf ("%" G_GINT64_FORMAT, pence);
      }
    case COPRO_FIELD_INT:
      g_assert_true (COPRO_IS_NUMBER_ROW (row));
      return g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (focus)));
    case COPRO_FIELD_BOOL:
      g_assert_true (COPRO_IS_BOOL_ROW (row));
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (focus)) ? "yes" : "no");
    case COPRO_FIELD_FLAGS:
      {
        g_autoptr(GPtrArray) checks = g_ptr_array_new ();
        g_autoptr(GPtrArray) keys = g_ptr_array_new ();

        g_assert_true (COPRO_IS_FLAGS_ROW (row));
        collect_type (row, GTK_TYPE_CHECK_BUTTON, checks);
        g_assert_cmpuint (checks->len, ==, copro_enum_n_values (field->enumeration));
        for (guint i = 0; i < checks->len; i++)
          if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
            g_ptr_array_add (keys, (gpointer) field->enumeration->values[i].key);
        g_ptr_array_add (keys, NULL);
        return g_strjoinv (",", (char **) keys->pdata);
      }
    default:
      g_assert_not_reached ();
    }
}

/* Sets a value that differs for each @n (0 to 3). */
static void
set_record_value (CoproRecord      *record,
                  const CoproField *field,
                  guint             n)
{
  switch (field->kind)
    {
    case COPRO_FIELD_INT:
      copro_record_set_int (record, field->key, MAX (field->min, 1) + (int) n);
      break;
    case COPRO_FIELD_MONEY:
      copro_record_set_money (record, field->key, 1000 * (n + 1) + 7);
      break;
    case COPRO_FIELD_BOOL:
      copro_record_set_bool (record, field->key, n % 2 == 1);
      break;
    case COPRO_FIELD_FLAGS:
      {
        const char *flags[] = { field->enumeration->values[n % 3].key, NULL };

        copro_record_set_flags (record, field->key, flags);
      }
      break;
    case COPRO_FIELD_ENUM:
      copro_record_set_string (record, field->key, field->enumeration->values[n % 3].key);
      break;
    case COPRO_FIELD_DATE:
      {
        g_autofree char *iso = g_strdup_printf ("2030-01-%02u", n + 1);

        copro_record_set_string (record, field->key, iso);
      }
      break;
    default:
      {
        g_autofree char *text = g_strdup_printf ("Set in the record, %u", n);

        copro_record_set_string (record, field->key, text);
      }
    }
}

/* Edits the row as a user would, to a value that differs from its own. */
static void
edit_row (GtkWidget        *row,
          const CoproField *field)
{
  GtkWidget *focus = copro_field_widget_get_focus (row);
  static guint n;

  n++;
  switch (field->kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_EMAIL:
      {
        g_autofree char *text = g_strdup_printf ("Typed %u", n);

        gtk_editable_set_text (GTK_EDITABLE (row), text);
      }
      break;
    case COPRO_FIELD_TEXT:
      {
        g_autofree char *text = g_strdup_printf ("Typed\nover two lines, %u", n);

        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), text, -1);
      }
      break;
    case COPRO_FIELD_ENUM:
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), adw_combo_row_get_selected (ADW_COMBO_ROW (row)) % 3 + 1);
      break;
    case COPRO_FIELD_DATE:
      {
        g_autofree char *text = g_strdup_printf ("%u/03/2027", n % 28 + 1);

        gtk_editable_set_text (GTK_EDITABLE (focus), text);
      }
      break;
    case COPRO_FIELD_MONEY:
      {
        g_autofree char *text = g_strdup_printf ("%u.25", n + 40);

        gtk_editable_set_text (GTK_EDITABLE (focus), text);
      }
      break;
    case COPRO_FIELD_INT:
      gtk_spin_button_spin (GTK_SPIN_BUTTON (focus),
                            gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (focus)) < field->max
                            ? GTK_SPIN_STEP_FORWARD : GTK_SPIN_STEP_BACKWARD, 1);
      break;
    case COPRO_FIELD_BOOL:
      gtk_switch_set_active (GTK_SWITCH (focus), !gtk_switch_get_active (GTK_SWITCH (focus)));
      break;
    case COPRO_FIELD_FLAGS:
      {
        g_autoptr(GPtrArray) checks = g_ptr_array_new ();
        GtkCheckButton *check;

        collect_type (row, GTK_TYPE_CHECK_BUTTON, checks);
        check = g_ptr_array_index (checks, n % checks->len);
        gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
assert_row_shows (GtkWidget        *row,
                  CoproRecord      *record,
                  const CoproField *field)
{
  g_autofree char *expected = record_value (record, field);
  g_autofree char *shown = row_value (row, field);

  g_assert_cmpstr (shown, ==, expected);
}

static void
check_field_row (CoproRecord      *a,
                 const CoproField *field)
{
  g_autoptr(CoproRecord) b = copro_record_copy (a);
  GtkWidget *row = g_object_ref_sink (copro_field_row_new (a, field));
  g_autofree char *key = NULL;
  g_autoptr(CoproRecord) record = NULL;
  g_autofree char *before = NULL;
  g_autofree char *a_before = NULL;
  g_autofree char *b_before = NULL;

  g_test_message ("%s of %s", field->key, copro_record_get_desc (a)->type_name);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (row, copro_field_row_type_for_kind (field->kind)));
  g_object_get (row, "record", &record, "key", &key, NULL);
  g_assert_true (record == a);
  g_assert_cmpstr (key, ==, field->key);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, copro_field_label (field));
  g_assert_true (copro_field_widget_find (row, a, field->key) == row);

  /* The record's value shows; a change of the record follows. */
  assert_row_shows (row, a, field);
  for (guint n = 0; n < 3; n++)
    {
      set_record_value (a, field, n);
      assert_row_shows (row, a, field);
    }

  /* An edit in the widget changes the record. */
  before = record_value (a, field);
  edit_row (row, field);
  a_before = record_value (a, field);
  g_assert_cmpstr (a_before, !=, before);
  assert_row_shows (row, a, field);

  /* Another record: it shows, and the first is no longer followed... */
  set_record_value (b, field, 2);
  copro_field_row_set_record (row, b);
  g_assert_true (copro_field_row_get_record (row) == b);
  assert_row_shows (row, b, field);
  g_assert_true (copro_field_widget_find (row, b, field->key) == row);
  g_assert_null (copro_field_widget_find (row, a, field->key));
  g_clear_pointer (&a_before, g_free);
  set_record_value (a, field, 0);
  a_before = record_value (a, field);
  assert_row_shows (row, b, field);

  /* ...nor written to. */
  edit_row (row, field);
  assert_row_shows (row, b, field);
  {
    g_autofree char *a_now = record_value (a, field);

    g_assert_cmpstr (a_now, ==, a_before);
  }

  /* No record: nothing followed, nothing registered. */
  b_before = row_value (row, field);
  g_object_set (row, "record", NULL, NULL);
  g_assert_null (copro_field_widget_find (row, b, field->key));
  set_record_value (b, field, 1);
  g_object_set (row, "record", b, NULL);
  assert_row_shows (row, b, field);

  g_object_set (row, "record", NULL, NULL);
  g_assert_finalize_object (row);
}

static void
test_field_rows (Fixture       *f,
                 gconstpointer  data)
{
  static const CoproFieldKind kinds[] = {
    COPRO_FIELD_STRING, COPRO_FIELD_TEXT, COPRO_FIELD_EMAIL, COPRO_FIELD_INT, COPRO_FIELD_MONEY,
    COPRO_FIELD_DATE, COPRO_FIELD_ENUM, COPRO_FIELD_FLAGS, COPRO_FIELD_BOOL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const CoproField *field = NULL;
      CoproRecord *record = find_record_with_kind (f->project, kinds[i], &field);

      g_assert_nonnull (record);
      check_field_row (record, field);
    }
}

/* A form given another record of the same kind keeps its rows, which now
 * show and edit that record. */
static void
test_form_record (Fixture       *f,
                  gconstpointer  data)
{
  const CoproField *field = NULL;
  CoproRecord *a = find_record_with_kind (f->project, COPRO_FIELD_TEXT, &field);
  g_autoptr(CoproRecord) b = copro_record_copy (a);
  const char *keys[] = { field->key, NULL };
  GtkWidget *form = g_object_ref_sink (copro_record_form_new (a, "A form", keys));
  GtkWidget *row = copro_field_widget_find (form, a, field->key);
  g_autofree char *a_value = NULL;

  g_assert_true (COPRO_IS_TEXT_ROW (row));
  g_assert_true (copro_record_form_get_record (COPRO_RECORD_FORM (form)) == a);
  set_record_value (b, field, 1);
  g_object_set (form, "record", b, NULL);
  g_assert_true (copro_record_form_get_record (COPRO_RECORD_FORM (form)) == b);
  g_assert_true (copro_field_widget_find (form, b, field->key) == row);
  g_assert_null (copro_field_widget_find (form, a, field->key));
  assert_row_shows (row, b, field);
  set_record_value (a, field, 2);
  assert_row_shows (row, b, field);
  edit_row (row, field);
  assert_row_shows (row, b, field);
  a_value = record_value (a, field);
  g_assert_cmpstr (a_value, ==, "Set in the record, 2");

  /* No record: no rows; a record again: built anew. */
  copro_record_form_set_record (COPRO_RECORD_FORM (form), NULL);
  g_assert_null (gtk_widget_get_first_child (form));
  copro_record_form_set_record (COPRO_RECORD_FORM (form), a);
  g_assert_nonnull (copro_field_widget_find (form, a, field->key));
  assert_row_shows (copro_field_widget_find (form, a, field->key), a, field);
  g_assert_finalize_object (form);
}


/* A partner field names the partner, and follows the record it is given. */
static void
test_reference_row (Fixture       *f,
                    gconstpointer  data)
{
  /* A member of the group: its reference is to a partner (a contact's or a
   * payment's may be to an activity or a budget line). */
  CoproRecord *terms = copro_record_get_record (f->project, "terms_of_reference");
  CoproRecord *member = copro_list_get (copro_record_get_list (terms, "members"), 0);
  const CoproField *field = copro_record_desc_find_field (&copro_desc_member, "partner");
  CoproList *partners = copro_partner_register_for (member);
  CoproRecord *first = copro_list_get (partners, 0);
  CoproRecord *second = copro_list_get (partners, 1);
  g_autoptr(CoproRecord) other = copro_record_copy (member);
  GtkWidget *row;

  g_assert_nonnull (member);
  copro_record_set_string (member, field->key, copro_record_get_id (first));
  row = g_object_ref_sink (copro_field_row_new (member, field));
  g_assert_true (COPRO_IS_REFERENCE_ROW (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, copro_partner_get_title (first));
  copro_record_set_string (member, field->key, copro_record_get_id (second));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, copro_partner_get_title (second));
  copro_record_set_string (member, field->key, NULL);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "None chosen: press to choose");

  /* A copy outside the project: its partner is not in any register. */
  copro_record_set_string (other, field->key, copro_record_get_id (first));
  copro_field_row_set_record (row, other);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "A partner no longer in the register");
  copro_record_set_string (member, field->key, copro_record_get_id (second));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "A partner no longer in the register");

  g_object_set (row, "record", NULL, NULL);
  g_assert_finalize_object (row);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = copro_gui_test_init (&argc, &argv, "panels", &scratch_dir);
  if (app == NULL)
    return 77;

  g_test_add_func ("/copro/panels/formats", test_formats);
  g_test_add_func ("/copro/panels/panel-properties", test_panel_properties);
#define ADD(path, func) \
  g_test_add ("/copro/panels/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("overview", test_overview);
  ADD ("outline", test_outline);
  ADD ("resources", test_resources);
  ADD ("principles", test_principles);
  ADD ("communications", test_communications);
  ADD ("delivery", test_delivery);
  ADD ("evaluation", test_evaluation);
  ADD ("partners", test_partners);
  ADD ("terms", test_terms);
  ADD ("review", test_review);
  ADD ("review-timeline", test_review_timeline);
  ADD ("risks", test_risks);
  ADD ("signoff", test_signoff);
  ADD ("checks", test_checks);
  ADD ("checks-reveal-in-lists", test_checks_reveal_in_lists);
  ADD ("navigation", test_navigation);
  ADD ("read-only", test_read_only);
  ADD ("field-rows", test_field_rows);
  ADD ("list-rows", test_list_rows);
  ADD ("list-editor-properties", test_list_editor_properties);
  ADD ("reference-row", test_reference_row);
  ADD ("form-record", test_form_record);
#undef ADD
  g_test_add_func ("/copro/panels/narrow-window", test_narrow_window);
  g_test_add_func ("/copro/panels/groups-after-first-frame", test_groups_after_first_frame);
  g_test_add_func ("/copro/panels/shortcuts-window", test_shortcuts_window);
  status = g_test_run ();

  g_clear_object (&app);
  copro_gui_test_remove_scratch (scratch_dir);
  g_free (scratch_dir);
  return status;
}
