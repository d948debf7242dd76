/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Export for sign-off…" in the window: its dialogue asks whether to include
 * personal details and then where (GTK's own file chooser, driven as a person
 * would), the workbook is written off the main thread with its progress
 * shown, a toast with "Open" says when it is done, and a failure is explained
 * in a dialogue. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "copro-export-dialog.h"
#include "copro-export-flow.h"
#include "copro-list.h"

#include "copro-gui-test.h"

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS) && find_alert (NULL, "Exporting Workbook") == NULL;
}

static gboolean
error_dialog_shown (gpointer data)
{
  return find_alert (NULL, "Could Not Export") != NULL;
}

static gboolean
progress_shown (gpointer data)
{
  return find_alert (NULL, "Exporting Workbook") != NULL;
}

static gboolean
has_open_button (gpointer overlay)
{
  return find_button_labelled (overlay, "_Open") != NULL;
}

static CoproDocument *
make_document (void)
{
  CoproDocument *document = copro_document_new ();
  CoproRecord *project = copro_document_get_project (document);

  copro_record_set_string (copro_record_get_record (project, "overview"), "title", "Day services review");
  for (int i = 0; i < 2000; i++)
    {
      CoproRecord *partner = copro_list_add_new (copro_record_get_list (project, "partners"));
      g_autofree char *name = g_strdup_printf ("Partner %d", i);

      copro_record_set_string (partner, "name", name);
      copro_record_set_string (partner, "email", "someone@example.org");
    }
  return document;
}

static void
test_export_with_toast (void)
{
  g_autofree char *dir = g_dir_make_tmp ("copro-flow-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sign-off.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CoproDocument) document = make_document ();
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  g_autofree char *contents = NULL;
  g_autofree char *uri = NULL;
  GtkWidget *open_button;
  gsize length = 0;

  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));

  copro_export_flow_start (GTK_WINDOW (window), document, ADW_TOAST_OVERLAY (overlay), file, FALSE);
  /* The main loop keeps running while the workbook is written: the
   * progress dialogue is shown and drawn meanwhile. */
  g_assert_true (progress_shown (NULL));
  spin_until (file_exists, path);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpint (memcmp (contents, "PK\003\004", 4), ==, 0);
  g_assert_null (find_alert (NULL, "Could Not Export"));

  /* The toast's Open button opens this workbook, through the window's
   * export.open-workbook action (GtkFileLauncher). */
  spin_until (has_open_button, overlay);
  open_button = find_button_labelled (overlay, "_Open");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open_button)), ==, "export.open-workbook");
  uri = g_file_get_uri (file);
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (open_button)), NULL),
                   ==, uri);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_failure_is_explained (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-folder/for/sure/sign-off.xlsx");
  g_autoptr(CoproDocument) document = make_document ();
  GtkWidget *window = adw_window_new ();
  AdwAlertDialog *dialog;

  adw_window_set_content (ADW_WINDOW (window), adw_bin_new ());
  gtk_window_present (GTK_WINDOW (window));
  copro_export_flow_start (GTK_WINDOW (window), document, NULL, file, FALSE);
  spin_until (error_dialog_shown, NULL);
  dialog = find_alert (NULL, "Could Not Export");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "."));
  g_assert_false (g_file_query_exists (file, NULL));
  alert_respond (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The export dialogue, GtkFileDialog and GTK's chooser behind it */

/* GTK's file chooser (GDK_DEBUG=no-portals), a window of its own. */
static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), "Save Workbook") == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
file_chooser_ready (gpointer data)
{
  GtkWindow *chooser = find_file_chooser ();

  return chooser != NULL && GTK_IS_EDITABLE (gtk_window_get_focus (chooser));
}

static gboolean
no_file_chooser (gpointer data)
{
  return find_file_chooser () == NULL;
}

static gboolean
no_export_dialog (gpointer window)
{
  return find_type (window, COPRO_TYPE_EXPORT_DIALOG) == NULL;
}

/* Every part of the workbook (a zip of XML), searched for @text. */
static gboolean
workbook_contains (const char *path,
                   const char *text)
{
  const char *argv[] = {
    "python3", "-c",
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "print('yes' if any(sys.argv[2] in z.read(n).decode('utf-8', 'replace') for n in z.namelist()) else 'no')\n",
    path, text, NULL
  };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_str_has_prefix (out, "yes");
}

/* "Export…" in the export dialogue, then GTK's chooser answered with @path
 * typed into its name entry and its Export button. */
static void
export_through_chooser (GtkWidget  *dialog,
                        const char *typed)
{
  GtkWidget *export_button = find_button_labelled (dialog, "_Export…");
  GtkWindow *chooser;

  g_assert_nonnull (export_button);
  g_signal_emit_by_name (export_button, "clicked");
  spin_until (file_chooser_ready, NULL);
  chooser = find_file_chooser ();
  /* The workbook's suggested name, ready to be typed over. */
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (gtk_window_get_focus (chooser))),
                                   " — sign-off.xlsx"));
  gtk_editable_set_text (GTK_EDITABLE (gtk_window_get_focus (chooser)), typed);
  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (chooser), "_Export"), "clicked");
  spin_until (no_file_chooser, NULL);
}

static void
test_export_dialog (void)
{
  g_autofree char *dir = g_dir_make_tmp ("copro-flow-XXXXXX", NULL);
  g_autofree char *typed = g_build_filename (dir, "without-details", NULL);
  g_autofree char *without = g_build_filename (dir, "without-details.xlsx", NULL);
  g_autofree char *with = g_build_filename (dir, "with-details.xlsx", NULL);
  g_autoptr(CoproDocument) document = make_document ();
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *opener = gtk_button_new_with_label ("Export for Sign-Off");
  GtkWidget *dialog, *row;
  GtkWindow *chooser;

  /* The size the application's window opens at. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), opener);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (opener);

  /* The dialogue, in the window, with personal details off. */
  copro_export_flow_run (GTK_WINDOW (window), document, ADW_TOAST_OVERLAY (overlay));
  dialog = find_type (window, COPRO_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (dialog)), ==, "Export for Sign-Off");
  row = find_type (dialog, ADW_TYPE_SWITCH_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Include Personal Details");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "email addresses and phone numbers"));
  g_assert_false (adw_switch_row_get_active (ADW_SWITCH_ROW (row)));
  g_assert_false (copro_export_dialog_get_include_personal_data (COPRO_EXPORT_DIALOG (dialog)));

#if COPRO_SANITIZED
  /* What follows answers GTK's own file chooser, which leaks under
   * LeakSanitizer whatever we do: GTK 4.18.6's path bar takes a GFileInfo
   * for each folder it shows from g_file_query_info_finish and never
   * releases it (gtk/gtkpathbar.c:806, gtk_path_bar_get_info_callback).
   * GTK's library carries no symbols here to suppress that one leak by, so
   * this part runs in the pass as built for users, and e2e goes through the
   * same chooser with a screen reader's calls. */
  adw_dialog_force_close (ADW_DIALOG (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  spin_idle ();
  g_rmdir (dir);
  g_test_skip ("GTK's file chooser leaks under LeakSanitizer (gtk/gtkpathbar.c:806)");
  return;
#endif

  /* Cancelling the file chooser leaves the dialogue, to choose again. */
  g_signal_emit_by_name (find_button_labelled (dialog, "_Export…"), "clicked");
  spin_until (file_chooser_ready, NULL);
  chooser = find_file_chooser ();
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (window));
  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (chooser), "_Cancel"), "clicked");
  spin_until (no_file_chooser, NULL);
  spin_idle ();
  g_assert_true (find_type (window, COPRO_TYPE_EXPORT_DIALOG) == dialog);

  /* Exported as it is: ".xlsx" added, no email address in the workbook. */
  export_through_chooser (dialog, typed);
  spin_until (no_export_dialog, window);
  spin_until (file_exists, without);
  g_assert_null (find_alert (NULL, "Could Not Export"));
  g_assert_false (workbook_contains (without, "someone@example.org"));
  g_assert_true (workbook_contains (without, "Partner 1999"));
  /* The focus is back where it was. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == opener);

  /* With the switch on, they are in it. */
  copro_export_flow_run (GTK_WINDOW (window), document, ADW_TOAST_OVERLAY (overlay));
  dialog = find_type (window, COPRO_TYPE_EXPORT_DIALOG);
  row = find_type (dialog, ADW_TYPE_SWITCH_ROW);
  g_assert_false (adw_switch_row_get_active (ADW_SWITCH_ROW (row)));   /* off again, every time */
  adw_switch_row_set_active (ADW_SWITCH_ROW (row), TRUE);
  g_assert_true (copro_export_dialog_get_include_personal_data (COPRO_EXPORT_DIALOG (dialog)));
  export_through_chooser (dialog, with);
  spin_until (no_export_dialog, window);
  spin_until (file_exists, with);
  g_assert_true (workbook_contains (with, "someone@example.org"));

  gtk_window_destroy (GTK_WINDOW (window));
  spin_idle ();
  g_unlink (without);
  g_unlink (with);
  g_rmdir (dir);
}

/* Esc closes the dialogue, exporting nothing. */
static void
test_export_dialog_escape (void)
{
  g_autoptr(CoproDocument) document = make_document ();
  GtkWidget *window = adw_window_new ();
  GtkWidget *dialog;
  gpointer weak;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  adw_window_set_content (ADW_WINDOW (window), adw_bin_new ());
  gtk_window_present (GTK_WINDOW (window));
  copro_export_flow_run (GTK_WINDOW (window), document, NULL);
  dialog = find_type (window, COPRO_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (adw_dialog_get_can_close (ADW_DIALOG (dialog)));
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (adw_dialog_close (ADW_DIALOG (dialog)));
  spin_until (is_null, &weak);
  g_assert_null (find_alert (NULL, NULL));
  g_assert_null (find_file_chooser ());
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  copro_gui_test_no_animations ();

  g_test_add_func ("/copro/export-flow/export-with-toast", test_export_with_toast);
  g_test_add_func ("/copro/export-flow/failure-is-explained", test_failure_is_explained);
  g_test_add_func ("/copro/export-flow/dialog", test_export_dialog);
  g_test_add_func ("/copro/export-flow/dialog-escape", test_export_dialog_escape);

  return g_test_run ();
}
