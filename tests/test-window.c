/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real application window, driven through its widgets and actions. */

#include "config.h"

#include <string.h>

#include "copro-application.h"
#include "copro-document.h"
#include "copro-window.h"

#include "copro-gui-test.h"

static CoproApplication *app;
static char *scratch_dir;

/* Helpers */

static gboolean
has_document (gpointer data)
{
  return copro_window_get_document (data) != NULL;
}

static gboolean
is_unmodified (gpointer data)
{
  return !copro_document_get_modified (data);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             GType          type,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
row_has_title (GtkWidget     *widget,
               gconstpointer  data)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
label_has_text (GtkWidget     *widget,
                gconstpointer  data)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static GtkWidget *
find_entry_row (CoproWindow *window,
                const char  *title)
{
  GtkWidget *row = find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, row_has_title, title);

  g_assert_nonnull (row);
  return row;
}

static AdwWindowTitle *
find_window_title (CoproWindow *window)
{
  GtkWidget *title = find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL, NULL);

  g_assert_nonnull (title);
  return ADW_WINDOW_TITLE (title);
}


static gboolean
action_enabled (CoproWindow *window,
                const char  *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

/* Writes a project with @title to the scratch folder; with @format_version
 * above 1 the file claims to come from a newer version. */
static GFile *
write_project (const char *basename,
               const char *title,
               int         format_version)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (scratch_dir, basename, NULL);
  CoproRecord *overview = copro_record_get_record (copro_document_get_project (document), "overview");

  copro_record_set_string (overview, "title", title);
  copro_record_set_string (overview, "lead_name", "Priya Shah");
  bytes = copro_document_serialize (document);
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  if (format_version != COPRO_FORMAT_VERSION)
    {
      g_autofree char *newer = g_strdup_printf ("\"format_version\" : %d,", format_version);

      g_assert_cmpuint (g_string_replace (text, "\"format_version\" : 1,", newer, 1), ==, 1);
    }
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static char *
read_title_on_disk (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoproDocument) document = copro_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (copro_record_get_string (copro_record_get_record (copro_document_get_project (document),
                                                                    "overview"),
                                            "title"));
}

static CoproWindow *
open_window_with (GFile *file)
{
  CoproWindow *window = copro_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  copro_window_load_file (window, file);
  g_assert_false (copro_window_is_empty (window));
  spin_until (has_document, window);
  return window;
}

static void
destroy_window (CoproWindow *window)
{
  gpointer weak = window;
  AdwAlertDialog *alert;

  while ((alert = find_alert (GTK_WINDOW (window), NULL)) != NULL)
    adw_dialog_force_close (ADW_DIALOG (alert));
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  spin_until (is_null, &weak);
}

/* Tests */

static void
test_start_screen (void)
{
  CoproWindow *window = copro_window_new (app);
  GtkWidget *status_page;
  GtkWidget *title_row;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (copro_window_get_document (window));
  g_assert_true (copro_window_is_empty (window));

  status_page = find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL, NULL);
  g_assert_nonnull (status_page);
  spin_until (is_mapped, status_page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==, "Coproduce");

  /* The project view is not what the user sees (it has no panels yet). */
  title_row = find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, row_has_title, "Project title");
  g_assert_true (title_row == NULL || !gtk_widget_get_mapped (title_row));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Coproduce");
  g_assert_cmpstr (adw_window_title_get_title (find_window_title (window)), ==, "Coproduce");
  g_assert_false (action_enabled (window, "save"));
  g_assert_false (action_enabled (window, "save-as"));
  g_assert_true (action_enabled (window, "close"));

  destroy_window (window);
}

static void
test_edit_and_save (void)
{
  g_autoptr(GFile) file = write_project ("transport.coprod", "Community transport review", 1);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *on_disk = NULL;
  CoproWindow *window = open_window_with (file);
  CoproDocument *document = copro_window_get_document (window);
  AdwWindowTitle *header = find_window_title (window);
  GtkWidget *title_row = find_entry_row (window, "Project title");
  GtkWidget *lead_row = find_entry_row (window, "Lead officer");

  g_assert_true (g_file_equal (copro_document_get_file (document), file));
  g_assert_false (copro_document_get_modified (document));
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "Community transport review");
  g_assert_cmpstr (adw_window_title_get_subtitle (header), ==, "transport.coprod");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Community transport review");
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));

  /* The rows show the overview... */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Community transport review");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lead_row)), ==, "Priya Shah");
  g_assert_true (gtk_widget_is_sensitive (title_row));
  g_assert_true (action_enabled (window, "save"));
  g_assert_true (action_enabled (window, "save-as"));

  /* ...and editing one changes the document. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Community transport review 2025");
  g_assert_true (copro_document_get_modified (document));
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "Community transport review 2025");
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (header), "Unsaved changes"));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* The other way round too: the model drives the row. */
  copro_record_set_string (copro_record_get_record (copro_document_get_project (document), "overview"),
                           "lead_name", "Tom Okafor");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lead_row)), ==, "Tom Okafor");

  on_disk = read_title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Community transport review");
  g_clear_pointer (&on_disk, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  spin_until (is_unmodified, document);

  on_disk = read_title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Community transport review 2025");
  g_assert_cmpstr (adw_window_title_get_subtitle (header), ==, "transport.coprod");
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  destroy_window (window);
}

static void
test_read_only (void)
{
  g_autoptr(GFile) file = write_project ("newer.coprod", "From the future", 99);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CoproWindow *window = open_window_with (file);
  CoproDocument *document = copro_window_get_document (window);
  g_autofree char *reason = NULL;
  GtkWidget *title_row = find_entry_row (window, "Project title");
  GtkWidget *notice;

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &before, NULL, NULL));
  g_assert_true (copro_document_get_read_only (document));
  reason = g_strdup (copro_document_get_read_only_reason (document));
  g_assert_nonnull (reason);

  /* The reason is shown above the project. */
  notice = find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, label_has_text, reason);
  g_assert_nonnull (notice);
  spin_until (is_mapped, notice);
  g_assert_true (gtk_widget_is_visible (notice));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "From the future");
  g_assert_false (gtk_widget_is_sensitive (title_row));
  g_assert_false (action_enabled (window, "save"));
  g_assert_false (action_enabled (window, "save-as"));

  /* Even when asked, nothing is written. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  spin_idle ();
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_false (copro_document_get_modified (document));

  destroy_window (window);

  /* A file opened for editing afterwards is editable again. */
  {
    g_autoptr(GFile) normal = write_project ("normal.coprod", "Today", 1);

    window = open_window_with (normal);
    g_assert_true (gtk_widget_is_sensitive (find_entry_row (window, "Project title")));
    notice = find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, label_has_text, reason);
    g_assert_true (notice == NULL || !gtk_widget_is_visible (notice));
    destroy_window (window);
  }
}

static void
test_unsaved_prompt (void)
{
  g_autoptr(GFile) file = write_project ("prompt.coprod", "Day centre review", 1);
  g_autofree char *on_disk = NULL;
  CoproWindow *window = open_window_with (file);
  gpointer weak = window;
  AdwAlertDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (window, "Project title")), "Day centre changes");

  /* Closing asks first; Cancel keeps the window. */
  gtk_window_close (GTK_WINDOW (window));
  spin_until (has_alert, window);
  dialog = find_alert (GTK_WINDOW (window), NULL);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "“Day centre changes”"));
  g_assert_true (adw_alert_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_alert_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_alert_dialog_has_response (dialog, "save"));
  g_assert_cmpstr (adw_alert_dialog_get_default_response (dialog), ==, "save");
  alert_respond (dialog, "cancel");
  spin_idle ();
  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Save writes the file, then closes. */
  gtk_window_close (GTK_WINDOW (window));
  spin_until (has_alert, window);
  alert_respond (find_alert (GTK_WINDOW (window), NULL), "save");
  spin_until (is_null, &weak);
  on_disk = read_title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Day centre changes");
  g_clear_pointer (&on_disk, g_free);

  /* Discard closes without writing. */
  window = open_window_with (file);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (window, "Project title")), "Not kept");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  spin_until (has_alert, window);
  alert_respond (find_alert (GTK_WINDOW (window), NULL), "discard");
  spin_until (is_null, &weak);
  on_disk = read_title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Day centre changes");
}

static void
test_example_is_a_copy (void)
{
  CoproWindow *window = copro_window_new (app);
  CoproDocument *document;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL));
  spin_until (has_document, window);

  document = copro_window_get_document (window);
  g_assert_null (copro_document_get_file (document));
  g_assert_false (copro_document_get_modified (document));
  g_assert_false (copro_document_get_read_only (document));
  g_assert_true (action_enabled (window, "save"));
  g_assert_true (action_enabled (window, "save-as"));

  destroy_window (window);
}

static void
test_open_error (void)
{
  g_autofree char *path = g_build_filename (scratch_dir, "broken.coprod", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CoproWindow *window = copro_window_new (app);
  AdwAlertDialog *dialog;

  g_assert_true (g_file_set_contents (path, "this is not a project", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  copro_window_load_file (window, file);
  spin_until (has_alert, window);

  dialog = find_alert (GTK_WINDOW (window), NULL);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Could Not Open");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "“broken.coprod”"));
  g_assert_nonnull (adw_alert_dialog_get_body (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_body (dialog), !=, "");
  g_assert_null (copro_window_get_document (window));
  g_assert_true (copro_window_is_empty (window));

  destroy_window (window);
}

static void
test_application_reuses_windows (void)
{
  g_autoptr(GFile) file = write_project ("reuse.coprod", "Reuse", 1);
  CoproWindow *window = copro_window_new (app);
  guint n_windows;

  gtk_window_present (GTK_WINDOW (window));
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* An empty start screen is used for the file... */
  copro_application_open_file (app, file, NULL);
  spin_until (has_document, window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);

  /* ...and a file already open is not opened twice. */
  copro_application_open_file (app, file, NULL);
  spin_idle ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);

  destroy_window (window);
}

static void
test_new_project (void)
{
  CoproWindow *window = copro_window_new (app);
  CoproWindow *second = NULL;
  CoproDocument *document;
  guint n_windows;

  gtk_window_present (GTK_WINDOW (window));
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* The empty window takes the new project. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  document = copro_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_null (copro_document_get_file (document));
  g_assert_false (copro_document_get_modified (document));
  g_assert_cmpstr (adw_window_title_get_title (find_window_title (window)), ==, "Untitled project");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (window, "Project title"))), ==, "");
  g_assert_true (action_enabled (window, "save"));
  g_assert_true (action_enabled (window, "save-as"));

  /* A window with a project keeps it: the next one opens beside it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  g_assert_true (copro_window_get_document (window) == document);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows + 1);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (COPRO_IS_WINDOW (l->data) && l->data != window)
      second = l->data;
  g_assert_nonnull (second);
  g_assert_nonnull (copro_window_get_document (second));
  g_assert_true (copro_window_get_document (second) != document);

  destroy_window (second);
  destroy_window (window);
}

static void
test_quit_asks_first (void)
{
  g_autoptr(GFile) kept_file = write_project ("kept.coprod", "Kept", 1);
  g_autoptr(GFile) edited_file = write_project ("edited.coprod", "Edited", 1);
  CoproWindow *kept = open_window_with (kept_file);
  CoproWindow *edited = open_window_with (edited_file);
  gpointer kept_weak = kept;
  gpointer edited_weak = edited;

  g_object_add_weak_pointer (G_OBJECT (kept), &kept_weak);
  g_object_add_weak_pointer (G_OBJECT (edited), &edited_weak);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (edited, "Project title")), "Edited again");

  /* Quitting closes what has no unsaved changes and asks about the rest. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  spin_until (is_null, &kept_weak);
  spin_until (has_alert, edited);
  g_assert_nonnull (edited_weak);

  alert_respond (find_alert (GTK_WINDOW (edited), NULL), "discard");
  spin_until (is_null, &edited_weak);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static gboolean
drop_files (CoproWindow *window,
            GFile       *file)
{
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  GSList *files = g_slist_prepend (NULL, file);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  return accepted;
}

static void
test_drop_opens (void)
{
  g_autoptr(GFile) file = write_project ("dropped.coprod", "Dropped", 1);
  g_autofree char *other_path = g_build_filename (scratch_dir, "notes.txt", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  CoproWindow *window = copro_window_new (app);

  gtk_window_present (GTK_WINDOW (window));

  /* Files that are not projects are refused... */
  g_assert_true (g_file_set_contents (other_path, "not a project", -1, NULL));
  g_assert_false (drop_files (window, other));
  spin_idle ();
  g_assert_true (copro_window_is_empty (window));

  /* ...and a project is opened in the window it was dropped on. */
  g_assert_true (drop_files (window, file));
  spin_until (has_document, window);
  g_assert_true (g_file_equal (copro_document_get_file (copro_window_get_document (window)), file));

  destroy_window (window);
}

static gboolean
find_about_window (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (window))
        {
          *(GtkWindow **) data = window;
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_about (void)
{
  CoproWindow *window = copro_window_new (app);
  GtkWindow *about = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  spin_until (find_about_window, &about);

  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Coproduce");
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_developer_name (ADW_ABOUT_WINDOW (about)), ==, "The Coproduce team");
  g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), ==,
                   "https://github.com/coproduce/coproduce");

  gtk_window_destroy (about);
  destroy_window (window);
}

/* Every toplevel GTK lists is showing. GTK 4.8 answers a screen reader that
 * asks for a window just past the visible ones (as it does when a dialogue
 * closes under it) with the last toplevel in its list, and crashes when that
 * window is hidden: so no window may be kept hidden for later. */
static void
assert_no_hidden_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!gtk_widget_get_visible (GTK_WIDGET (window)))
        g_error ("a hidden %s is kept as a toplevel", G_OBJECT_TYPE_NAME (window));
    }
}

static gboolean
find_shortcuts_window (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  *(GtkWindow **) data = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window))
        *(GtkWindow **) data = window;
    }
  return *(GtkWindow **) data != NULL;
}

static gboolean
shortcuts_window_gone (gpointer data)
{
  GtkWindow *found;

  return !find_shortcuts_window (&found);
}

static void
test_no_hidden_windows (void)
{
  CoproWindow *window = copro_window_new (app);
  GtkWindow *shortcuts = NULL;
  GtkWindow *about = NULL;

  gtk_window_present (GTK_WINDOW (window));
  spin_until (is_mapped, window);
  assert_no_hidden_toplevels ();

  /* The keyboard shortcuts window is built when asked for, over the window,
   * and gone once closed. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  spin_until (find_shortcuts_window, &shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  spin_until (is_mapped, shortcuts);
  assert_no_hidden_toplevels ();
  gtk_window_close (shortcuts);
  spin_until (shortcuts_window_gone, NULL);
  assert_no_hidden_toplevels ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  spin_until (find_about_window, &about);
  gtk_window_close (about);
  spin_idle ();
  assert_no_hidden_toplevels ();

  destroy_window (window);
}

static void
test_accelerators (void)
{
  static const char * const expected[][2] = {
    { "app.new", "<Control>n" },
    { "app.open", "<Control>o" },
    { "app.quit", "<Control>q" },
    { "win.save", "<Control>s" },
    { "win.save-as", "<Shift><Control>s" },
    { "win.close", "<Control>w" },
    { "win.show-help-overlay", "<Control>question" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i][0]);
      guint key, parsed_key;
      GdkModifierType mods, parsed_mods;

      g_assert_cmpuint (g_strv_length (accels), ==, 1);
      g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
      g_assert_true (gtk_accelerator_parse (expected[i][1], &parsed_key, &parsed_mods));
      g_assert_cmpuint (key, ==, parsed_key);
      g_assert_cmpuint (mods, ==, parsed_mods);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = copro_gui_test_init (&argc, &argv, "window", &scratch_dir);
  if (app == NULL)
    return 77;

  g_test_add_func ("/copro/window/start-screen", test_start_screen);
  g_test_add_func ("/copro/window/edit-and-save", test_edit_and_save);
  g_test_add_func ("/copro/window/read-only", test_read_only);
  g_test_add_func ("/copro/window/unsaved-prompt", test_unsaved_prompt);
  g_test_add_func ("/copro/window/example-is-a-copy", test_example_is_a_copy);
  g_test_add_func ("/copro/window/open-error", test_open_error);
  g_test_add_func ("/copro/window/application-reuses-windows", test_application_reuses_windows);
  g_test_add_func ("/copro/window/new-project", test_new_project);
  g_test_add_func ("/copro/window/quit-asks-first", test_quit_asks_first);
  g_test_add_func ("/copro/window/drop-opens", test_drop_opens);
  g_test_add_func ("/copro/window/about", test_about);
  g_test_add_func ("/copro/window/no-hidden-windows", test_no_hidden_windows);
  g_test_add_func ("/copro/window/accelerators", test_accelerators);
  status = g_test_run ();

  g_clear_object (&app);
  copro_gui_test_remove_scratch (scratch_dir);
  g_free (scratch_dir);
  return status;
}
