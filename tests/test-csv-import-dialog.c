/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing partners from CSV in the window: the preview shows the columns
 * recognised, how many rows will come in and every row that cannot, with its
 * reason; Import adds them as one undo step, Cancel adds nothing, and a file
 * that cannot be read is explained in one sentence. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "copro-csv-import-dialog.h"
#include "copro-history.h"
#include "copro-list.h"
#include "copro-model.h"

#include "copro-gui-test.h"

typedef struct
{
  CoproDocument *document;
  CoproHistory  *history;
  CoproRecord   *project;
  GtkWidget     *window;
  GtkWidget     *dialog;     /* weak */
  GtkWidget     *focus_button;
  guint          imported;
  guint          n_imported_signals;
  char          *dir;
} Fixture;

static gboolean
is_loaded (gpointer data)
{
  return !copro_csv_import_dialog_is_loading (data);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
get_named (Fixture    *f,
           const char *name)
{
  GtkWidget *widget = find_named (f->dialog, name);

  g_assert_nonnull (widget);
  return widget;
}

static guint
count_descendants (GtkWidget *root)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child);
  return n;
}

static gboolean
focus_back (gpointer data)
{
  Fixture *f = data;

  return gtk_window_get_focus (GTK_WINDOW (f->window)) == f->focus_button;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint *left = data;

  return --*left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Lets @n frames of @widget be drawn. */
static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  guint left = n;

  gtk_widget_add_tick_callback (widget, count_frame_cb, &left, NULL);
  while (left > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* Esc, as a key press reaches it: the first shortcut for it on the way up
 * from @widget (libadwaita puts the dialogue's own on the sheet around it). */
static void
press_escape (GtkWidget *widget)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean pressed = FALSE;

  /* As GTK does for a key press (gtk/gtkmain.c:1920-1928 in 4.18.6), the
   * focus widget and every ancestor are held while the shortcut runs: the
   * dialogue may close, and its sheet go, before the shortcut returns. */
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (held, g_object_ref (w));

  for (guint k = 0; k < held->len && !pressed; k++)
    {
      GtkWidget *w = g_ptr_array_index (held, k);
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !pressed; j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
                  gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape &&
                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
                pressed = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, w,
                                                        gtk_shortcut_get_arguments (shortcut));
            }
        }
    }
  g_assert_true (pressed);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = copro_document_new ();
  f->history = copro_history_new (f->document);
  f->project = copro_document_get_project (f->document);
  f->window = adw_window_new ();
  /* The size the application's window opens at. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  f->focus_button = gtk_button_new_with_label ("Import from CSV");
  adw_window_set_content (ADW_WINDOW (f->window), adw_toast_overlay_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (adw_window_get_content (ADW_WINDOW (f->window))),
                               f->focus_button);
  gtk_window_present (GTK_WINDOW (f->window));
  f->dir = g_dir_make_tmp ("copro-csv-dialog-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  if (f->dialog != NULL)
    adw_dialog_force_close (ADW_DIALOG (f->dialog));
  spin_until (is_null, &f->dialog);
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin_idle ();
  g_clear_object (&f->history);
  g_clear_object (&f->document);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
on_imported_cb (CoproCsvImportDialog *dialog,
                guint                 n,
                Fixture              *f)
{
  f->imported = n;
  f->n_imported_signals++;
}

static void
open_dialog (Fixture *f,
             GFile   *file)
{
  /* The one before has gone (its weak pointer is this one too). */
  spin_until (is_null, &f->dialog);
  f->dialog = GTK_WIDGET (copro_csv_import_dialog_new (f->project, file));
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  g_signal_connect (f->dialog, "imported", G_CALLBACK (on_imported_cb), f);
  g_assert_true (ADW_IS_DIALOG (f->dialog));
  adw_dialog_present (ADW_DIALOG (f->dialog), f->window);
  /* Shown inside the window, in front of everything else in it. */
  g_assert_true (gtk_widget_get_root (f->dialog) == GTK_ROOT (f->window));
  spin_until (is_loaded, f->dialog);
  spin_idle ();
}

static void
open_fixture (Fixture    *f,
              const char *name)
{
  g_autofree char *path = g_build_filename (TEST_SOURCE_DIR, "fixtures", "csv", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  open_dialog (f, file);
}

static void
open_data (Fixture    *f,
           const char *name,
           const char *data,
           gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  open_dialog (f, file);
}

static guint
n_partners (Fixture *f)
{
  return copro_list_get_n_items (copro_record_get_list (f->project, "partners"));
}

static void
click (Fixture    *f,
       const char *button)
{
  GtkWidget *widget = get_named (f, button);

  g_assert_true (gtk_widget_get_visible (widget));
  g_assert_true (gtk_widget_is_sensitive (widget));
  g_signal_emit_by_name (widget, "clicked");
  spin_idle ();
}

static void
assert_column (GtkWidget  *columns,
               guint       index,
               const char *title,
               const char *subtitle)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (columns), (int) index);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);
}

static const char * const good_headers[] = {
  "name", "organisation", "role", "sector", "email", "phone", "influence", "interest",
  "attitude", "level", "status", "accessibility needs", "language", "notes",
};
static const char * const good_fields[] = {
  "name", "organisation", "role", "sector", "email", "phone", "influence", "interest",
  "attitude", "level", "status", "access_needs", "language", "notes",
};

static void
test_good_file (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *columns;
  const char *first;

  open_fixture (f, "good.csv");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (f, "summary"))), ==,
                   "3 partners will be imported.");

  /* Every header and the field it fills. */
  columns = get_named (f, "columns");
  G_STATIC_ASSERT (G_N_ELEMENTS (good_headers) == G_N_ELEMENTS (good_fields));
  for (guint i = 0; i < G_N_ELEMENTS (good_headers); i++)
    {
      const CoproField *field = copro_record_desc_find_field (&copro_desc_partner, good_fields[i]);
      g_autofree char *subtitle = g_strdup_printf ("Imported as “%s”", field->label);

      assert_column (columns, i, good_headers[i], subtitle);
    }
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (columns), G_N_ELEMENTS (good_headers)));
  g_assert_false (gtk_widget_is_visible (get_named (f, "problems")));
  g_assert_cmpuint (n_partners (f), ==, 0);

  /* Import: three partners, one step of the history, a toast not a dialogue. */
  click (f, "import");
  spin_until (is_null, &f->dialog);
  g_assert_cmpuint (f->n_imported_signals, ==, 1);
  g_assert_cmpuint (f->imported, ==, 3);
  g_assert_cmpuint (n_partners (f), ==, 3);
  first = copro_record_get_string (copro_list_get (copro_record_get_list (f->project, "partners"), 0), "name");
  g_assert_cmpstr (first, ==, "Asha Patel");
  g_assert_false (find_alert (NULL, NULL) != NULL);

  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpuint (n_partners (f), ==, 0);
  g_assert_false (copro_history_get_can_undo (f->history));
  g_assert_true (copro_history_redo (f->history));
  g_assert_cmpuint (n_partners (f), ==, 3);
}

static void
collect_undo_buttons (GtkWidget *root,
                      GPtrArray *found)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), "Undo") == 0)
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_undo_buttons (child, found);
}

static gboolean
has_undo_button (gpointer data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_undo_buttons (data, found);
  return found->len > 0;
}

static gboolean
has_no_undo_button (gpointer data)
{
  return !has_undo_button (data);
}

/* A large import is one change to the partners (one items-changed, so that
 * the register sorts and filters once) and one step of the history, which
 * its notice's Undo takes back, again as one change. */
static void
test_large_import (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *partners = G_LIST_MODEL (copro_record_get_list (f->project, "partners"));
  g_autoptr(GString) csv = g_string_new ("name,organisation,influence\n");
  g_autoptr(GPtrArray) undos = g_ptr_array_new ();
  CoproRecord *existing = copro_list_add_new (COPRO_LIST (partners));
  guint changes = 0, steps;
  gulong id;

  copro_record_set_string (existing, "name", "Already Here");
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "Person %u,Organisation %u,%u\n", i, i % 7, 1 + i % 5);
  open_data (f, "large.csv", csv->str, (gssize) csv->len);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (f, "summary"))), ==,
                   "2000 partners will be imported.");
  steps = copro_history_get_n_steps (f->history);

  id = g_signal_connect (partners, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  click (f, "import");
  spin_until (is_null, &f->dialog);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (n_partners (f), ==, 2001);
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, steps + 1);
  g_assert_true (copro_list_get (COPRO_LIST (partners), 0) == existing);
  g_assert_cmpstr (copro_record_get_string (copro_list_get (COPRO_LIST (partners), 1), "name"), ==, "Person 0");
  g_assert_cmpstr (copro_record_get_string (copro_list_get (COPRO_LIST (partners), 2000), "name"), ==, "Person 1999");
  g_assert_cmpint (copro_record_get_int (copro_list_get (COPRO_LIST (partners), 2000), "influence"), ==, 5);

  /* The notice offers Undo, which takes back the whole import at once. */
  spin_until (has_undo_button, f->window);
  collect_undo_buttons (f->window, undos);
  g_assert_cmpuint (undos->len, ==, 1);
  changes = 0;
  g_signal_emit_by_name (g_ptr_array_index (undos, 0), "clicked");
  spin_until (has_no_undo_button, f->window);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (n_partners (f), ==, 1);
  g_assert_true (copro_list_get (COPRO_LIST (partners), 0) == existing);

  /* And Redo puts it back, in one change too. */
  changes = 0;
  g_assert_true (copro_history_redo (f->history));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (n_partners (f), ==, 2001);
  g_assert_cmpstr (copro_record_get_string (copro_list_get (COPRO_LIST (partners), 2000), "name"), ==, "Person 1999");
  g_signal_handler_disconnect (partners, id);
}

static void
test_ignored_column (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *columns;

  open_data (f, "extra.csv", "Name,Favourite colour,,Email\nAsha,blue,x,asha@example.org\n", -1);
  columns = get_named (f, "columns");
  assert_column (columns, 0, "Name", "Imported as “Name”");
  assert_column (columns, 1, "Favourite colour", "Not imported: no partner field has this name");
  assert_column (columns, 2, "Column 3 (no heading)", "Not imported: no partner field has this name");
  assert_column (columns, 3, "Email", "Imported as “Email”");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (f, "summary"))), ==,
                   "1 partner will be imported.");
}

static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  static const struct
  {
    guint       row;
    const char *reason;
  } expected[] = {
    { 3, "the influence “9” is not a whole number from 1 to 5" },
    { 4, "the sector “astronaut” is not one this version knows" },
    { 5, "the email address “not-an-email” is not valid" },
    { 6, "it has neither a name nor an organisation" },
    { 7, "Row 7 has 2 fields but the header has 5." },
  };
  GListModel *problems;

  open_fixture (f, "bad-rows.csv");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (f, "summary"))), ==,
                   "1 partner will be imported. 5 rows cannot be imported and will be left out.");
  g_assert_true (gtk_widget_is_visible (get_named (f, "problems")));

  /* Each row that cannot be imported, with its number and its reason. */
  problems = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (get_named (f, "problems"))));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (problems, i);
      const char *text = gtk_string_object_get_string (item);
      g_autofree char *prefix = g_strdup_printf ("Row %u ", expected[i].row);

      g_assert_true (g_str_has_prefix (text, prefix));
      g_assert_nonnull (strstr (text, expected[i].reason));
    }

  click (f, "import");
  g_assert_cmpuint (n_partners (f), ==, 1);
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpuint (n_partners (f), ==, 0);
}

static void
test_thousands_of_problems (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("name,influence\nGood,2\n");
  GListModel *problems;
  g_autoptr(GtkStringObject) last = NULL;
  GtkWidget *list;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "Person %u,%u\n", i, 10 + i);
  open_data (f, "many.csv", csv->str, (gssize) csv->len);

  list = get_named (f, "problems");
  problems = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 3000);
  last = g_list_model_get_item (problems, 2999);
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (last), "Row 3002 "));
  /* Only the rows on screen have widgets. */
  g_assert_cmpuint (count_descendants (list), <, 500);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (f, "summary"))), ==,
                   "1 partner will be imported. 3000 rows cannot be imported and will be left out.");
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  open_fixture (f, "good.csv");
  click (f, "cancel");
  spin_until (is_null, &f->dialog);
  g_assert_cmpuint (f->n_imported_signals, ==, 0);
  g_assert_cmpuint (n_partners (f), ==, 0);
  g_assert_false (copro_history_get_can_undo (f->history));

  /* Escape closes it too, and the focus goes back where it was. */
  gtk_widget_grab_focus (f->focus_button);
  open_fixture (f, "good.csv");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) != f->focus_button);
  /* libadwaita opens the dialogue on its second frame; Esc before that
   * asks only to close. A person sees it first. */
  wait_frames (f->dialog, 4);
  press_escape (gtk_window_get_focus (GTK_WINDOW (f->window)));
  spin_until (is_null, &f->dialog);
  spin_until (focus_back, f);
  g_assert_cmpuint (n_partners (f), ==, 0);
}

static void
assert_cannot_import (Fixture    *f,
                      const char *sentence)
{
  GtkWidget *page = get_named (f, "error");
  GtkWidget *cancel = get_named (f, "cancel");

  g_assert_true (gtk_widget_get_child_visible (page));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==, sentence);
  g_assert_false (gtk_widget_get_visible (get_named (f, "import")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cancel)), ==, "_Close");
  click (f, "cancel");
  spin_until (is_null, &f->dialog);
  g_assert_cmpuint (n_partners (f), ==, 0);
}

static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent-folder/for/sure/partners.csv");

  open_data (f, "latin1.csv", "name,organisation\nJos\xe9,Caf\xe9\n", -1);
  assert_cannot_import (f, "The CSV file is not UTF-8 text: line 2 has bytes that are not valid, "
                           "so save the file from your spreadsheet as “CSV UTF-8”.");

  open_dialog (f, missing);
  assert_cannot_import (f, "“partners.csv” no longer exists.");

  open_fixture (f, "unclosed-quote.csv");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (get_named (f, "error"))), ==,
                   "This File Cannot Be Imported");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (ADW_STATUS_PAGE (get_named (f, "error"))),
                                   "A quoted field that starts on line "));
  click (f, "cancel");

  open_fixture (f, "no-name-header.csv");
  g_assert_true (gtk_widget_get_child_visible (get_named (f, "error")));
  click (f, "cancel");
  g_assert_cmpuint (n_partners (f), ==, 0);
}

/* Contacts (issue 14): the same preview, matched to the project's partners,
 * each row that finds no partner listed with its number; one Undo. */
static void
test_contacts (Fixture       *f,
               gconstpointer  data)
{
  const char *csv = "Email,Name,Date,How,Summary\n"
                    "asha@example.org,,2026-09-14,phone,Called about the venue\n"
                    ",Ben Okoro,14/09/2026,meeting,Met at the centre\n"
                    "nobody@example.org,,2026-09-15,email,Invitation sent\n";
  g_autofree char *path = g_build_filename (f->dir, "contacts.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CoproList *partners = copro_record_get_list (f->project, "partners");
  CoproRecord *asha = copro_list_add_new (partners);
  CoproRecord *ben = copro_list_add_new (partners);
  GListModel *problems;
  CoproList *asha_log = copro_record_get_list (asha, "contacts");
  CoproList *ben_log = copro_record_get_list (ben, "contacts");

  copro_record_set_string (asha, "name", "Asha Patel");
  copro_record_set_string (asha, "email", "asha@example.org");
  copro_record_set_string (ben, "name", "Ben Okoro");
  copro_history_clear (f->history);

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  spin_until (is_null, &f->dialog);
  f->dialog = GTK_WIDGET (copro_csv_import_dialog_new_for_contacts (f->project, file));
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  g_signal_connect (f->dialog, "imported", G_CALLBACK (on_imported_cb), f);
  adw_dialog_present (ADW_DIALOG (f->dialog), f->window);
  spin_until (is_loaded, f->dialog);
  spin_idle ();

  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (f->dialog)), ==, "Import Contacts");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (f, "summary"))), ==,
                   "2 contacts will be added to their partners’ logs. "
                   "1 row cannot be imported and will be left out.");
  assert_column (get_named (f, "columns"), 3, "How", "Imported as “How”");
  assert_column (get_named (f, "columns"), 0, "Email", "Imported as “Email”");
  g_assert_true (gtk_widget_is_visible (get_named (f, "problems")));
  problems = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (get_named (f, "problems"))));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  {
    g_autoptr(GtkStringObject) item = g_list_model_get_item (problems, 0);

    g_assert_cmpstr (gtk_string_object_get_string (item), ==,
                     "Row 4 cannot be imported: no partner has the email address “nobody@example.org”.");
  }

  click (f, "import");
  spin_until (is_null, &f->dialog);
  g_assert_cmpuint (f->imported, ==, 2);
  g_assert_cmpuint (copro_list_get_n_items (asha_log), ==, 1);
  g_assert_cmpuint (copro_list_get_n_items (ben_log), ==, 1);
  g_assert_cmpstr (copro_record_get_string (copro_list_get (ben_log, 0), "date"), ==, "2026-09-14");
  g_assert_cmpuint (n_partners (f), ==, 2);

  /* One step: one Undo takes both back. */
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpuint (copro_list_get_n_items (asha_log), ==, 0);
  g_assert_cmpuint (copro_list_get_n_items (ben_log), ==, 0);
  g_assert_false (copro_history_get_can_undo (f->history));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  copro_gui_test_no_animations ();

#define ADD(name, func) \
  g_test_add ("/copro/csv-import-dialog/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("good-file", test_good_file);
  ADD ("large-import", test_large_import);
  ADD ("ignored-column", test_ignored_column);
  ADD ("bad-rows", test_bad_rows);
  ADD ("thousands-of-problems", test_thousands_of_problems);
  ADD ("cancel", test_cancel);
  ADD ("unreadable", test_unreadable);
  ADD ("contacts", test_contacts);
#undef ADD

  return g_test_run ();
}
