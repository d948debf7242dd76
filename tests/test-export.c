/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export's API as the window will use it: in a thread, with progress and
 * cancelling, and failures that leave an earlier workbook as it was. What the
 * workbook holds is checked from outside by test-export.py. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "copro-error.h"
#include "copro-export.h"
#include "copro-export-private.h"
#include "copro-list.h"
#include "copro-model.h"

static CoproRecord *
make_project (guint n_partners)
{
  CoproRecord *project = copro_record_new (&copro_desc_project);
  CoproList *partners = copro_record_get_list (project, "partners");

  copro_record_set_string (copro_record_get_record (project, "overview"), "title", "Short breaks");
  for (guint i = 0; i < n_partners; i++)
    {
      CoproRecord *partner = copro_list_add_new (partners);
      g_autofree char *name = g_strdup_printf ("Partner %u", i);

      copro_record_set_string (partner, "name", name);
      copro_record_set_string (partner, "notes", "Met at the drop-in; wants to join the design group.");
      copro_record_set_int (partner, "influence", (int) (i % 5) + 1);
      copro_record_set_int (partner, "interest", (int) (i % 3) + 1);
    }
  return project;
}

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("copro-export-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

/* The names in @folder, sorted, as one string. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort() passes pointers to the elements. */
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static gboolean
is_zip (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 4 &&
         memcmp (contents, "PK\x03\x04", 4) == 0;
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  GArray       *fractions;
  GThread      *main_thread;
  gboolean      finished;
} Run;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Run *run = user_data;

  /* Delivered in the caller's context, never after the end. */
  g_assert_true (g_thread_self () == run->main_thread);
  g_assert_false (run->finished);
  g_array_append_val (run->fractions, fraction);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  run->finished = TRUE;
  run->result = g_object_ref (result);
  g_main_loop_quit (run->loop);
}

static void
run_async (Run          *run,
           CoproRecord  *project,
           const char   *path,
           GCancellable *cancellable)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  run->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  run->main_thread = g_thread_self ();
  copro_export_xlsx_async (project, path, FALSE, on_progress, run, cancellable, on_done, run);
  g_main_loop_run (run->loop);
  /* Nothing more arrives once it is over. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_clear_object (&run->result);
  g_clear_pointer (&run->fractions, g_array_unref);
}

static void
test_async_progress (void)
{
  g_autoptr(CoproRecord) project = make_project (3000);
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "sign-off.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  run_async (&run, project, path, NULL);
  copro_export_xlsx_finish (run.result, &error);
  g_assert_no_error (error);
  g_assert_true (is_zip (path));

  /* From 0 to 1, never back. */
  g_assert_cmpuint (run.fractions->len, >=, 3);
  g_assert_cmpfloat (g_array_index (run.fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (run.fractions, double, run.fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < run.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (run.fractions, double, i), >=,
                       g_array_index (run.fractions, double, i - 1));

  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "sign-off.xlsx");
  run_clear (&run);
  remove_folder (folder);
}

/* Cancelled half way, an earlier workbook stays as it was and nothing else
 * is left. The progress callback runs in the exporting thread here, so the
 * cancel lands at a known point. */
static void
cancel_at_third (double   fraction,
                 gpointer user_data)
{
  if (fraction >= 0.3)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_keeps_earlier_file (void)
{
  g_autoptr(CoproRecord) project = make_project (20000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "sign-off.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  CoproExportOptions options = { 0 };
  const char *earlier = "an earlier workbook";

  g_assert_true (g_file_set_contents (path, earlier, -1, NULL));
  options.cancellable = cancellable;
  options.progress = cancel_at_third;
  options.progress_data = cancellable;
  g_assert_false (copro_export_xlsx (project, path, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_cancellable_is_cancelled (cancellable));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, earlier);
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "sign-off.xlsx");
  remove_folder (folder);
}

static void
test_cancelled_before (void)
{
  g_autoptr(CoproRecord) project = make_project (1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "sign-off.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  CoproExportOptions options = { 0 };

  g_cancellable_cancel (cancellable);
  options.cancellable = cancellable;
  g_assert_false (copro_export_xlsx (project, path, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "");
  remove_folder (folder);
}

static void
test_failures (void)
{
  g_autoptr(CoproRecord) project = make_project (2);
  g_autofree char *folder = make_folder ();
  g_autofree char *missing = g_build_filename (folder, "no-such-folder", "sign-off.xlsx", NULL);
  g_autofree char *file = g_build_filename (folder, "plain-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "sign-off.xlsx", NULL);
  g_autofree char *subfolder = g_build_filename (folder, "a-folder", NULL);
  g_autofree char *listing = NULL;
  GError *error = NULL;

  g_assert_false (copro_export_xlsx (project, missing, NULL, &error));
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  g_assert_false (copro_export_xlsx (project, under_file, NULL, &error));
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT);
  g_assert_nonnull (strstr (error->message, "is not a folder"));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (subfolder, 0755), ==, 0);
  g_assert_false (copro_export_xlsx (project, subfolder, NULL, &error));
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_clear_error (&error);

  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "a-folder plain-file");
  g_assert_cmpint (g_rmdir (subfolder), ==, 0);
  remove_folder (folder);
}

/* The same project exported twice with the same date gives the same cells:
 * the export reads the project and nothing else. */
static void
test_sync_overwrites (void)
{
  g_autoptr(CoproRecord) project = make_project (10);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 1, 31, 9, 30, 0);
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "sign-off.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  CoproExportOptions options = { 0 };

  options.now = now;
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (copro_export_xlsx (project, path, &options, &error));
  g_assert_no_error (error);
  g_assert_true (is_zip (path));
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "sign-off.xlsx");
  remove_folder (folder);
}

/* The row heights' estimate of wrapped lines (tests/test-export-print.py
 * shows it enough for LibreOffice's print). */
static void
test_count_lines (void)
{
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(GString) words = g_string_new (NULL);

  g_assert_cmpuint (_copro_export_count_lines (NULL, 10, FALSE), ==, 1);
  g_assert_cmpuint (_copro_export_count_lines ("", 10, FALSE), ==, 1);
  g_assert_cmpuint (_copro_export_count_lines ("short", 10, FALSE), ==, 1);
  /* Each paragraph, and each empty line, is a line. */
  g_assert_cmpuint (_copro_export_count_lines ("one\ntwo\n\nfour", 10, FALSE), ==, 4);
  /* Capitals and wide letters count wider than digits: ten digits fit in
   * ten, ten Ms do not. */
  g_assert_cmpuint (_copro_export_count_lines ("0123456789", 10, FALSE), ==, 1);
  g_assert_cmpuint (_copro_export_count_lines ("MMMMMMMMMM", 10, FALSE), ==, 2);
  /* Bold is wider. */
  g_assert_cmpuint (_copro_export_count_lines ("012345678", 10, TRUE), ==, 2);

  /* A word wider than the column is cut where the column ends. */
  for (guint i = 0; i < 100; i++)
    g_string_append_c (word, '0');
  g_assert_cmpuint (_copro_export_count_lines (word->str, 10, FALSE), ==, 10);
  g_string_prepend (word, "a ");
  g_assert_cmpuint (_copro_export_count_lines (word->str, 10, FALSE), ==, 11);

  /* Words wrap whole: twenty words of four digits, two words a line of 10. */
  for (guint i = 0; i < 20; i++)
    g_string_append (words, i == 0 ? "0000" : " 0000");
  g_assert_cmpuint (_copro_export_count_lines (words->str, 10, FALSE), ==, 10);
  /* East Asian characters are about two digits wide. */
  g_assert_cmpuint (_copro_export_count_lines ("照顾者说周末没有人接电话", 12, FALSE), >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copro/export/async-progress", test_async_progress);
  g_test_add_func ("/copro/export/count-lines", test_count_lines);
  g_test_add_func ("/copro/export/cancel-keeps-earlier-file", test_cancel_keeps_earlier_file);
  g_test_add_func ("/copro/export/cancelled-before", test_cancelled_before);
  g_test_add_func ("/copro/export/failures", test_failures);
  g_test_add_func ("/copro/export/overwrites", test_sync_overwrites);

  return g_test_run ();
}
