/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Export for sign-off…" in the window: the workbook is written off the main
 * thread with its progress shown, a toast with "Open" says when it is done,
 * and a failure is explained in a dialogue. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/copro/export-flow/export-with-toast", test_export_with_toast);
  g_test_add_func ("/copro/export-flow/failure-is-explained", test_failure_is_explained);

  return g_test_run ();
}
