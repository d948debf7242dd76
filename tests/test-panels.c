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
#include "copro-format.h"
#include "copro-history.h"
#include "copro-list-editor.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner-chooser.h"
#include "copro-partners-page.h"
#include "copro-project-view.h"
#include "copro-record-form.h"
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
  g_assert_finalize_object (f->document);
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

  /* Or picked from the calendar beside it, which opens on the date. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (find_type (start_row, GTK_TYPE_MENU_BUTTON));
    GtkWidget *calendar = find_type (GTK_WIDGET (gtk_menu_button_get_popover (button)), GTK_TYPE_CALENDAR);
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 9, 14, 0, 0, 0);
    g_autoptr(GDateTime) shown = NULL;

    g_assert_nonnull (calendar);
    gtk_menu_button_popup (button);
    spin_idle ();
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

static CoproPartnerChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (COPRO_IS_PARTNER_CHOOSER (window))
        return COPRO_PARTNER_CHOOSER (window);
    }
  return NULL;
}

static gboolean
has_chooser (gpointer data)
{
  return find_chooser () != NULL;
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
  g_autofree char *other_name = g_strdup (copro_partner_display_name (other));

  g_assert_nonnull (partner);
  /* A member's row is titled by the partner's name, its role beneath. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   copro_partner_display_name (partner));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            copro_enum_label (&copro_enum_member_role, copro_record_get_string (member, "role"))));

  row = copro_list_editor_get_row (members, 0, TRUE);
  partner_row = field (row, member, "partner");
  role = field (row, member, "role");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (partner_row)), ==,
                   copro_partner_display_name (partner));

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
  g_assert_null (find_chooser ());
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

/* Puts right what a problem finding is about. */
static void
fix (CoproFinding *finding)
{
  const CoproField *field = copro_record_desc_find_field (copro_record_get_desc (finding->record), finding->field);

  switch (field->kind)
    {
    case COPRO_FIELD_DATE:
      copro_record_set_string (finding->record, finding->field, "2099-12-31");
      break;
    case COPRO_FIELD_ENUM:
      if (field->enumeration == &copro_enum_support)
        copro_record_set_string (finding->record, finding->field, "confirmed");
      else if (field->enumeration == &copro_enum_compliance)
        copro_record_set_string (finding->record, finding->field, "done");
      else
        copro_record_set_string (finding->record, finding->field, field->enumeration->values[0].key);
      break;
    default:
      copro_record_set_string (finding->record, finding->field, "Filled in by the test");
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

  g_assert_true (COPRO_IS_CHECKS_PANEL (panel));
  g_assert_cmpuint (copro_checks_panel_get_n_findings (COPRO_CHECKS_PANEL (panel)), ==, findings->len);
  g_assert_cmpuint (copro_project_view_get_n_problems (f->view), ==, n_problems);
  g_assert_cmpuint (copro_checks_panel_get_n_problems (COPRO_CHECKS_PANEL (panel)), ==, n_problems);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (copro_checks_panel_get_message (COPRO_CHECKS_PANEL (panel), i), ==,
                     ((CoproFinding *) g_ptr_array_index (findings, i))->message);

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
  AdwFlap *flap = ADW_FLAP (find_type (GTK_WIDGET (f->view), ADW_TYPE_FLAP));

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
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_action_group_activate_action (actions, "toggle-sidebar", NULL);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_action_group_activate_action (actions, "toggle-sidebar", NULL);
  g_assert_true (adw_flap_get_reveal_flap (flap));
}

static gboolean
is_folded (gpointer data)
{
  return adw_flap_get_folded (data);
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
  AdwFlap *flap = ADW_FLAP (find_type (GTK_WIDGET (view), ADW_TYPE_FLAP));
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
  spin_until (is_folded, flap);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_action_group_activate_action (G_ACTION_GROUP (window), "toggle-sidebar", NULL);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  /* Choosing a section there shows it and gets the sidebar out of the way. */
  sidebar = GTK_LIST_BOX (find_type (adw_flap_get_flap (flap), GTK_TYPE_LIST_BOX));
  g_signal_emit_by_name (sidebar, "row-activated", gtk_list_box_get_row_at_index (sidebar, 10));
  g_assert_cmpstr (copro_project_view_get_section (view), ==, "risks");
  g_assert_false (adw_flap_get_reveal_flap (flap));

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  spin_until (is_null, &weak);
  /* The next windows open at the usual size. */
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
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

int
main (int   argc,
      char *argv[])
{
  int status;

  app = copro_gui_test_init (&argc, &argv, "panels", &scratch_dir);
  if (app == NULL)
    return 77;

  g_test_add_func ("/copro/panels/formats", test_formats);
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
  ADD ("risks", test_risks);
  ADD ("signoff", test_signoff);
  ADD ("checks", test_checks);
  ADD ("checks-reveal-in-lists", test_checks_reveal_in_lists);
  ADD ("navigation", test_navigation);
  ADD ("read-only", test_read_only);
#undef ADD
  g_test_add_func ("/copro/panels/narrow-window", test_narrow_window);
  g_test_add_func ("/copro/panels/shortcuts-window", test_shortcuts_window);
  status = g_test_run ();

  g_clear_object (&app);
  copro_gui_test_remove_scratch (scratch_dir);
  g_free (scratch_dir);
  return status;
}
