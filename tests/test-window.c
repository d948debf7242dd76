/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real application window, driven through its widgets and actions. */

#include "config.h"

#include <string.h>

#include "copro-application.h"
#include "copro-document.h"
#include "copro-lock.h"
#include "copro-project-view.h"
#include "copro-sections.h"
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

static gboolean
row_has_title (GtkWidget     *widget,
               gconstpointer  data)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
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
  AdwBanner *banner = ADW_BANNER (find_widget (GTK_WIDGET (window), ADW_TYPE_BANNER, NULL, NULL));
  GtkWidget *notice;

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &before, NULL, NULL));
  g_assert_true (copro_document_get_read_only (document));
  reason = g_strdup (copro_document_get_read_only_reason (document));
  g_assert_nonnull (reason);

  /* The reason is shown above the project, in a banner... */
  g_assert_nonnull (banner);
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (banner), ==, reason);
  g_assert_false (adw_banner_get_use_markup (banner));
  notice = find_widget (GTK_WIDGET (banner), GTK_TYPE_LABEL, label_has_text, reason);
  g_assert_nonnull (notice);
  spin_until (is_mapped, notice);
  /* ...with no button: a file from a newer version is not written anywhere. */
  g_assert_null (adw_banner_get_button_label (banner));

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
    banner = ADW_BANNER (find_widget (GTK_WIDGET (window), ADW_TYPE_BANNER, NULL, NULL));
    g_assert_false (adw_banner_get_revealed (banner));
    destroy_window (window);
  }
}

/* A copy of a file a colleague has open: read-only, and the banner's button
 * saves it under another name. */
static void
test_read_only_copy (void)
{
  g_autoptr(GFile) file = write_project ("colleague.coprod", "Their project", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoproDocument) copy = copro_document_new_from_file (file, NULL, &error);
  CoproWindow *window = copro_window_new (app);
  GtkWidget *button;
  AdwBanner *banner;

  g_assert_no_error (error);
  copro_document_set_read_only (copy, "This copy is read-only. Someone else has it open.");
  gtk_window_present (GTK_WINDOW (window));
  spin_until (is_mapped, window);
  copro_window_set_document (window, copy);
  banner = ADW_BANNER (find_widget (GTK_WIDGET (window), ADW_TYPE_BANNER, NULL, NULL));
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_button_label (banner), ==, "Save As…");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner)), ==, "win.save-as");
  g_assert_true (action_enabled (window, "save-as"));
  button = find_widget (GTK_WIDGET (banner), GTK_TYPE_BUTTON, NULL, NULL);
  g_assert_nonnull (button);
  spin_until (is_mapped, button);

  /* Editable again: the banner goes (the window follows the document). */
  copro_document_set_read_only (copy, NULL);
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_true (gtk_widget_is_sensitive (find_entry_row (window, "Project title")));
  destroy_window (window);
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

static AdwAboutDialog *
find_about (CoproWindow *window)
{
  return (AdwAboutDialog *) find_widget (GTK_WIDGET (window), ADW_TYPE_ABOUT_DIALOG, NULL, NULL);
}

static gboolean
has_about (gpointer data)
{
  return find_about (data) != NULL;
}

static gboolean
has_no_about (gpointer data)
{
  return find_about (data) == NULL;
}

/* About is built from the metainfo, compiled into the resources. */
static void
test_about (void)
{
  CoproWindow *window = copro_window_new (app);
  g_autoptr(GBytes) metainfo = NULL;
  AdwAboutDialog *about;

  metainfo = g_resources_lookup_data ("/io/github/coproduce/Coproduce/" APP_ID ".metainfo.xml",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (metainfo);

  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  spin_until (has_about, window);
  about = find_about (window);

  /* From the metainfo... */
  g_assert_cmpstr (adw_about_dialog_get_application_name (about), ==, "Coproduce");
  g_assert_cmpstr (adw_about_dialog_get_application_icon (about), ==, APP_ID);
  g_assert_cmpint (adw_about_dialog_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_dialog_get_developer_name (about), ==, "The Coproduce team");
  g_assert_cmpstr (adw_about_dialog_get_website (about), ==, "https://github.com/coproduce/coproduce");
  g_assert_cmpstr (adw_about_dialog_get_issue_url (about), ==, "https://github.com/coproduce/coproduce/issues");
  g_assert_nonnull (strstr (adw_about_dialog_get_release_notes (about), "first release"));
  /* ...and from the program. */
  g_assert_nonnull (strstr (adw_about_dialog_get_comments (about), "co-production"));
  g_assert_cmpstr (adw_about_dialog_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_dialog_get_copyright (about), ==, "© The Coproduce team");

  /* Esc (the dialogue's close) takes it away. */
  g_assert_true (adw_dialog_close (ADW_DIALOG (about)));
  spin_until (has_no_about, window);
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

#if !ADW_CHECK_VERSION (1, 8, 0)
/* GtkShortcutsWindow, the marked exception (see show_help_overlay_activated ()
 * in copro-window.c): deprecated since GTK 4.18, replaced by libadwaita 1.8. */
static gboolean
find_shortcuts_window (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  *(GtkWindow **) data = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (GTK_IS_SHORTCUTS_WINDOW (window))
        *(GtkWindow **) data = window;
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  return *(GtkWindow **) data != NULL;
}

static gboolean
shortcuts_window_gone (gpointer data)
{
  GtkWindow *found;

  return !find_shortcuts_window (&found);
}
#else
static gboolean
has_shortcuts_dialog (gpointer data)
{
  return adw_application_window_get_visible_dialog (data) != NULL;
}

static gboolean
has_no_dialog (gpointer data)
{
  return adw_application_window_get_visible_dialog (data) == NULL;
}
#endif

static void
test_no_hidden_windows (void)
{
  CoproWindow *window = copro_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  spin_until (is_mapped, window);
  assert_no_hidden_toplevels ();

  /* The keyboard shortcuts are built when asked for, over the window, and
   * gone once closed. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
#if ADW_CHECK_VERSION (1, 8, 0)
  spin_until (has_shortcuts_dialog, window);
  adw_dialog_close (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  spin_until (has_no_dialog, window);
#else
  {
    GtkWindow *shortcuts = NULL;

    spin_until (find_shortcuts_window, &shortcuts);
    g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
    spin_until (is_mapped, shortcuts);
    assert_no_hidden_toplevels ();
    gtk_window_close (shortcuts);
    spin_until (shortcuts_window_gone, NULL);
  }
#endif
  assert_no_hidden_toplevels ();

  /* About is a dialogue inside the window, not a window of its own. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  spin_until (has_about, window);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);
  adw_dialog_close (ADW_DIALOG (find_about (window)));
  spin_until (has_no_about, window);
  assert_no_hidden_toplevels ();

  destroy_window (window);
}

/* The two lists of keyboard shortcuts, GtkShortcutsWindow's for libadwaita
 * 1.7 and AdwShortcutsDialog's for 1.8, name the same accelerators in the
 * same order (tests/test-panels.c checks the first against the application). */
static GPtrArray *
accelerators_in (const char *resource)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GRegex) regex = g_regex_new ("<property name=\"accelerator\">([^<]*)</property>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (bytes);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (found, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
  return found;
}

static void
test_shortcuts_lists_agree (void)
{
  g_autoptr(GPtrArray) window = accelerators_in ("/io/github/coproduce/Coproduce/copro-shortcuts-window.ui");
  g_autoptr(GPtrArray) dialog = accelerators_in ("/io/github/coproduce/Coproduce/copro-shortcuts-dialog.ui");

  g_assert_cmpuint (window->len, >=, 20);
  g_assert_cmpuint (window->len, ==, dialog->len);
  for (guint i = 0; i < window->len; i++)
    g_assert_cmpstr (g_ptr_array_index (window, i), ==, g_ptr_array_index (dialog, i));
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
    { "win.find", "<Control>f" },
    { "win.toggle-sidebar", "F9" },
    { "win.show-section('overview')", "<Alt>1" },
    { "win.show-section('outline')", "<Alt>2" },
    { "win.show-section('partners')", "<Alt>3" },
    { "win.show-section('terms')", "<Alt>4" },
    { "win.show-section('review')", "<Alt>5" },
    { "win.show-section('risks')", "<Alt>6" },
    { "win.show-section('signoff')", "<Alt>7" },
    { "win.show-section('checks')", "<Alt>8" },
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

/* The start screen's recent projects open through win.open-recent. */
typedef struct
{
  CoproWindow *window;
  const char  *title;
} RecentLookup;

static gboolean
has_recent_row (gpointer data)
{
  RecentLookup *lookup = data;

  return find_widget (GTK_WIDGET (lookup->window), ADW_TYPE_ACTION_ROW, row_has_title, lookup->title) != NULL;
}

static void
test_recent_opens (void)
{
  g_autoptr(GFile) file = write_project ("recent-one.coprod", "A recent project", 1);
  g_autofree char *uri = g_file_get_uri (file);
  CoproWindow *window = copro_window_new (app);
  RecentLookup lookup = { window, "recent-one.coprod" };
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri));
  spin_until (has_recent_row, &lookup);
  row = find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, row_has_title, "recent-one.coprod");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.open-recent");

  g_assert_true (gtk_widget_activate (row));
  spin_until (has_document, window);
  g_assert_true (g_file_equal (copro_document_get_file (copro_window_get_document (window)), file));
  destroy_window (window);
}

/* Adaptive layout */

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

static gboolean
frames_drawn (gpointer data)
{
  return *(guint *) data >= 3;
}

/* Lets the window lay itself out and draw a few frames. */
static void
wait_for_frames (GtkWidget *window)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (window, copro_gui_test_count_frame_cb, &frames, NULL);

  spin_until (frames_drawn, &frames);
  gtk_widget_remove_tick_callback (window, id);
}

/* @widget gets the width it needs: its minimum width (which counts its
 * margins, border and padding) fits its border box and margins. For widgets
 * without CSS margins, which the bounds do not show. */
static void
assert_fits (GtkWidget  *widget,
             const char *what)
{
  graphene_rect_t bounds;
  int minimum;
  int given;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));
  given = (int) (bounds.size.width + 0.5) + gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
  if (minimum > given)
    g_error ("%s: a %s needs %d pixels and is given %d", what, G_OBJECT_TYPE_NAME (widget), minimum, given);
}

/* Nothing under @widget needs more width than its parent has inside it
 * (a child needing more is cut off). A scrolled window that scrolls
 * sideways cuts nothing off: what it holds can be wider (the register's
 * table is), and is reached by scrolling, so it is not looked into. */
static void
assert_nothing_cut_off (GtkWidget  *widget,
                        const char *section)
{
  int room = gtk_widget_get_width (widget);
  GtkPolicyType sideways;

  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (widget), &sideways, NULL);
      if (sideways != GTK_POLICY_NEVER)
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum;

      if (!gtk_widget_get_mapped (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > room)
        g_error ("%s: a %s (%s) needs %d pixels inside a %s with %d", section, G_OBJECT_TYPE_NAME (child),
                 GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : gtk_widget_get_name (child),
                 minimum, G_OBJECT_TYPE_NAME (widget), room);
      assert_nothing_cut_off (child, section);
    }
}

/* @widget lies inside @window, left to right. */
static void
assert_within_window (GtkWidget  *widget,
                      GtkWidget  *window,
                      const char *what)
{
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (window);

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  if (bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > width + 0.5)
    g_error ("%s runs from %.0f to %.0f in a window %d pixels wide", what, bounds.origin.x,
             bounds.origin.x + bounds.size.width, width);
}

static gboolean
is_collapsed (gpointer data)
{
  return copro_project_view_get_collapsed (data);
}

static gboolean
is_expanded (gpointer data)
{
  return !copro_project_view_get_collapsed (data);
}

static gboolean
show_sidebar (CoproProjectView *view)
{
  gboolean shown;

  g_object_get (view, "show-sidebar", &shown, NULL);
  return shown;
}

/* Writes what @window shows to $G_TEST_BUILDDIR/screenshots/@name.png: the
 * tests' output has the window at each width. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *folder = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (folder, file, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

/* At 360 pixels, a phone's width, the sidebar comes over the panel when
 * asked for, and every section is reachable through it, with nothing cut off. */
static void
test_narrow_layout (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CoproDocument) document = load_example ();
  CoproWindow *window = copro_window_new (app);
  CoproProjectView *view = COPRO_PROJECT_VIEW (find_widget (GTK_WIDGET (window), COPRO_TYPE_PROJECT_VIEW,
                                                            NULL, NULL));
  GtkWidget *sidebar_button = find_widget (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, NULL, NULL);
  GtkListBox *sidebar = GTK_LIST_BOX (find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_BOX, NULL, NULL));
  guint n;
  const CoproSection *sections = copro_sections_get (&n);
  int minimum;

  g_assert_cmpstr (gtk_widget_get_tooltip_text (sidebar_button), ==, "Show Sections");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  copro_window_set_document (window, document);
  spin_until (is_collapsed, view);
  wait_for_frames (GTK_WIDGET (window));
  /* 360 pixels with the window's border: it can be that narrow. */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 340);

  /* The sidebar is out of the way; the button to bring it back shows. */
  g_assert_false (show_sidebar (view));
  g_assert_true (gtk_widget_get_mapped (sidebar_button));

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *panel;

      /* The button (or F9) brings the sections over the panel... */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
      g_assert_true (show_sidebar (view));
      wait_for_frames (GTK_WIDGET (window));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sidebar)));
      assert_within_window (GTK_WIDGET (sidebar), GTK_WIDGET (window), "the sidebar");
      assert_fits (GTK_WIDGET (sidebar), "the sidebar");
      assert_nothing_cut_off (GTK_WIDGET (sidebar), "the sidebar");
      if (i == 0)
        save_screenshot (GTK_WIDGET (window), "window-360-sidebar");

      /* ...and choosing one shows it and takes the sidebar away. */
      g_test_message ("the section %s at 360 pixels", sections[i].name);
      g_signal_emit_by_name (sidebar, "row-activated", gtk_list_box_get_row_at_index (sidebar, (int) i));
      g_assert_cmpstr (copro_project_view_get_section (view), ==, sections[i].name);
      g_assert_false (show_sidebar (view));
      wait_for_frames (GTK_WIDGET (window));

      /* Every group of the panel, laid out (those after the second may
       * still be waiting for the main loop to be idle). */
      panel = copro_project_view_get_panel (view, sections[i].name);
      wait_for_frames (GTK_WIDGET (window));
      g_assert_true (gtk_widget_get_mapped (panel));
      g_assert_cmpint (gtk_widget_get_width (panel), <=, gtk_widget_get_width (GTK_WIDGET (window)));
      assert_within_window (panel, GTK_WIDGET (window), sections[i].name);
      assert_fits (GTK_WIDGET (window), "the window");
      assert_fits (GTK_WIDGET (view), "the project view");
      assert_fits (panel, sections[i].name);
      assert_nothing_cut_off (GTK_WIDGET (window), sections[i].name);
      if (i == 0 || g_str_equal (sections[i].name, "partners"))
        {
          g_autofree char *name = g_strconcat ("window-360-", sections[i].name, NULL);

          save_screenshot (GTK_WIDGET (window), name);
        }
    }

  /* Wider, the sidebar is beside the panel again, and the button goes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  spin_until (is_expanded, view);
  wait_for_frames (GTK_WIDGET (window));
  g_assert_true (show_sidebar (view));
  g_assert_false (gtk_widget_get_visible (sidebar_button));
  g_assert_true (copro_project_view_show_section (view, "overview"));
  wait_for_frames (GTK_WIDGET (window));
  assert_fits (copro_project_view_get_panel (view, "overview"), "overview at 1280 pixels");
  assert_nothing_cut_off (GTK_WIDGET (window), "overview at 1280 pixels");
  save_screenshot (GTK_WIDGET (window), "window-1280-overview");
  g_assert_true (copro_project_view_show_section (view, "partners"));
  wait_for_frames (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "window-1280-partners");

  /* F9 hides the sidebar on a wide window too; then the button shows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  g_assert_false (show_sidebar (view));
  g_assert_true (gtk_widget_get_visible (sidebar_button));

  destroy_window (window);
  /* The next windows open at the usual size. */
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Alt+1 … Alt+8 go to the top-level sections and put the focus in them;
 * Ctrl+F is the partner search while the partners show, even from the
 * sidebar, and free for others elsewhere. */
static void
test_section_keys (void)
{
  static const char * const numbered[] = {
    "overview", "outline", "partners", "terms", "review", "risks", "signoff", "checks",
  };
  g_autoptr(CoproDocument) document = load_example ();
  CoproWindow *window = copro_window_new (app);
  CoproProjectView *view = COPRO_PROJECT_VIEW (find_widget (GTK_WIDGET (window), COPRO_TYPE_PROJECT_VIEW,
                                                            NULL, NULL));
  GtkListBox *sidebar = GTK_LIST_BOX (find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_BOX, NULL, NULL));
  GtkWidget *panel;
  GtkWidget *search;

  gtk_window_present (GTK_WINDOW (window));
  copro_window_set_document (window, document);
  wait_for_frames (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (numbered); i++)
    {
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      g_autofree char *action = g_strdup_printf ("win.show-section::%s", numbered[i]);
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accel);

      g_assert_cmpuint (g_strv_length (actions), ==, 1);
      g_assert_cmpstr (actions[0], ==, action);
      g_action_group_activate_action (G_ACTION_GROUP (window), "show-section", g_variant_new_string (numbered[i]));
      g_assert_cmpstr (copro_project_view_get_section (view), ==, numbered[i]);
      wait_for_frames (GTK_WIDGET (window));
      g_assert_true (focus_is_in (copro_project_view_get_panel (view, numbered[i])));
    }

  /* Ctrl+F does nothing here (the checks): it is free for what has the focus. */
  g_assert_false (action_enabled (window, "find"));

  /* With the partners showing and the focus in the sidebar... */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-section", g_variant_new_string ("partners"));
  panel = copro_project_view_get_panel (view, "partners");
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)));
  g_assert_true (focus_is_in (GTK_WIDGET (sidebar)));
  g_assert_true (action_enabled (window, "find"));
  /* ...Ctrl+F puts the focus in the partner search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  wait_for_frames (GTK_WIDGET (window));
  search = find_widget (panel, GTK_TYPE_SEARCH_ENTRY, NULL, NULL);
  g_assert_nonnull (search);
  g_assert_true (focus_is_in (search));

  destroy_window (window);
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
  g_test_add_func ("/copro/window/read-only-copy", test_read_only_copy);
  g_test_add_func ("/copro/window/unsaved-prompt", test_unsaved_prompt);
  g_test_add_func ("/copro/window/example-is-a-copy", test_example_is_a_copy);
  g_test_add_func ("/copro/window/open-error", test_open_error);
  g_test_add_func ("/copro/window/application-reuses-windows", test_application_reuses_windows);
  g_test_add_func ("/copro/window/new-project", test_new_project);
  g_test_add_func ("/copro/window/quit-asks-first", test_quit_asks_first);
  g_test_add_func ("/copro/window/drop-opens", test_drop_opens);
  g_test_add_func ("/copro/window/recent-opens", test_recent_opens);
  g_test_add_func ("/copro/window/about", test_about);
  g_test_add_func ("/copro/window/no-hidden-windows", test_no_hidden_windows);
  g_test_add_func ("/copro/window/accelerators", test_accelerators);
  g_test_add_func ("/copro/window/shortcuts-lists-agree", test_shortcuts_lists_agree);
  g_test_add_func ("/copro/window/narrow-layout", test_narrow_layout);
  g_test_add_func ("/copro/window/section-keys", test_section_keys);
  status = g_test_run ();

  g_clear_object (&app);
  copro_gui_test_remove_scratch (scratch_dir);
  g_free (scratch_dir);
  return status;
}
