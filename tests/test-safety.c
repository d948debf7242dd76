/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Nothing is lost: drafts written after edits and restored after a crash,
 * deleted by a save or a discard; lock files on shared drives. */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "copro-drafts.h"
#include "copro-error.h"
#include "copro-list.h"
#include "copro-lock.h"
#include "copro-model.h"

static char *tmp_root;

static void
spin_until_drafts (guint n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GPtrArray) drafts = copro_drafts_list ();

      if (drafts->len == n)
        return;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_not_reached ();
}

static void
clear_drafts (void)
{
  g_autoptr(GPtrArray) drafts = copro_drafts_list ();

  for (guint i = 0; i < drafts->len; i++)
    copro_drafts_delete (g_ptr_array_index (drafts, i));
}

static void
test_draft_after_edit_and_restore (void)
{
  g_autofree char *path = g_build_filename (tmp_root, "carers.coprod", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CoproDocument) document = copro_document_new ();
  g_autoptr(CoproDraft) draft = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(CoproDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  CoproRecord *project = copro_document_get_project (document);
  CoproDraftInfo *info;

  clear_drafts ();
  copro_record_set_string (copro_record_get_record (project, "overview"), "title", "Carers’ breaks");
  g_assert_true (copro_document_save (document, file, NULL, &error));
  draft = copro_draft_new (document, NULL);
  g_assert_cmpuint (copro_draft_get_delay (draft), ==, 50);

  /* No edit, no draft. */
  copro_draft_flush (draft);
  spin_until_drafts (0);

  copro_record_set_string (copro_record_get_record (project, "overview"), "summary", "Unsaved words");
  copro_record_set_string (copro_list_add_new (copro_record_get_list (project, "partners")), "name", "Unsaved partner");
  spin_until_drafts (1);

  drafts = copro_drafts_list ();
  info = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (info->id, ==, copro_draft_get_id (draft));
  g_assert_cmpstr (info->title, ==, "Carers’ breaks");
  g_assert_true (g_file_equal (info->original, file));

  /* As after a crash: the draft brings every edit back, unsaved, to the same place. */
  restored = copro_drafts_restore (info, &error);
  g_assert_no_error (error);
  g_assert_true (copro_document_get_modified (restored));
  g_assert_true (g_file_equal (copro_document_get_file (restored), file));
  /* ...remembering which version of the file the edits were made to, so a
   * save still notices a colleague's changes made since. */
  g_assert_nonnull (copro_document_get_etag (document));
  g_assert_cmpstr (copro_document_get_etag (restored), ==, copro_document_get_etag (document));
  g_assert_cmpstr (copro_record_get_string (copro_record_get_record (copro_document_get_project (restored), "overview"), "summary"),
                   ==, "Unsaved words");
  g_assert_cmpuint (copro_list_get_n_items (copro_record_get_list (copro_document_get_project (restored), "partners")), ==, 1);

  /* A normal save deletes the draft. */
  g_assert_true (copro_document_save (document, file, NULL, &error));
  spin_until_drafts (0);
}

static void
test_discard_deletes_the_draft (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  g_autoptr(CoproDraft) draft = copro_draft_new (document, NULL);
  g_autoptr(GPtrArray) drafts = NULL;

  clear_drafts ();
  copro_record_set_string (copro_record_get_record (copro_document_get_project (document), "overview"), "title", "Never saved");
  spin_until_drafts (1);
  drafts = copro_drafts_list ();
  g_assert_null (((CoproDraftInfo *) g_ptr_array_index (drafts, 0))->original);
  copro_draft_discard (draft);
  spin_until_drafts (0);
}

static void
test_lock_file (void)
{
  g_autofree char *path = g_build_filename (tmp_root, "shared.coprod", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) lock_file = copro_lock_file_for (file);
  g_autoptr(CoproLockInfo) mine = NULL;
  g_autoptr(CoproLockInfo) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lock_path = NULL;
  g_autofree char *described = NULL;
  CoproLock *lock;
  CoproLock *again;

  g_assert_null (copro_lock_read (file));
  lock = copro_lock_acquire (file, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  g_assert_true (g_file_query_exists (lock_file, NULL));
  lock_path = g_file_get_basename (lock_file);
  g_assert_cmpstr (lock_path, ==, ".shared.coprod.lock");

  mine = copro_lock_read (file);
  g_assert_cmpstr (mine->user, ==, g_get_user_name ());
  g_assert_cmpstr (mine->host, ==, g_get_host_name ());
  g_assert_cmpint (mine->pid, ==, getpid ());
  g_assert_nonnull (mine->since);
  g_assert_true (copro_lock_info_is_mine (mine));
  g_assert_false (copro_lock_info_is_stale (mine));

  /* Our own lock can be taken again (reopening the same file). */
  again = copro_lock_acquire (file, FALSE, NULL, &error);
  g_assert_no_error (error);
  copro_lock_release (again);
  g_assert_false (g_file_query_exists (lock_file, NULL));
  copro_lock_release (lock);   /* no longer ours to delete: nothing happens */

  /* Someone on another machine. */
  g_assert_true (g_file_set_contents (g_file_peek_path (lock_file),
                                      "{\"user\":\"jdoe\",\"real_name\":\"Jo Doe\",\"host\":\"county-pc-17\","
                                      "\"pid\":4242,\"since\":\"2026-11-26T08:30:00Z\"}", -1, NULL));
  g_assert_null (copro_lock_acquire (file, FALSE, &holder, &error));
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "Jo Doe"));
  g_assert_nonnull (strstr (error->message, "county-pc-17"));
  g_assert_cmpstr (holder->user, ==, "jdoe");
  g_assert_false (copro_lock_info_is_stale (holder));
  described = copro_lock_info_describe (holder);
  g_assert_true (g_str_has_prefix (described, "Jo Doe has had it open on county-pc-17 since 26/11/2026"));
  g_clear_error (&error);

  /* Taking over on purpose. */
  lock = copro_lock_acquire (file, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&mine, copro_lock_info_free);
  mine = copro_lock_read (file);
  g_assert_true (copro_lock_info_is_mine (mine));
  copro_lock_release (lock);
  g_assert_false (g_file_query_exists (lock_file, NULL));
}

static void
test_stale_lock (void)
{
  g_autofree char *path = g_build_filename (tmp_root, "crashed.coprod", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) lock_file = copro_lock_file_for (file);
  g_autoptr(CoproLockInfo) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GPid child;
  const char *argv[] = { "true", NULL };

  /* A process of ours that has ended stands in for a crashed Coproduce. */
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &child, &error));
  waitpid (child, NULL, 0);
  contents = g_strdup_printf ("{\"user\":\"%s\",\"real_name\":\"\",\"host\":\"%s\",\"pid\":%d,\"since\":\"2026-11-01T09:00:00Z\"}",
                              g_get_user_name (), g_get_host_name (), (int) child);
  g_assert_true (g_file_set_contents (g_file_peek_path (lock_file), contents, -1, NULL));

  g_assert_null (copro_lock_acquire (file, FALSE, &holder, &error));
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_LOCKED);
  g_assert_true (copro_lock_info_is_stale (holder));
  g_file_delete (lock_file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_root = g_dir_make_tmp ("copro-safety-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *data = g_build_filename (tmp_root, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  g_setenv ("COPRO_DRAFT_DELAY_MS", "50", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copro/safety/draft-after-edit-and-restore", test_draft_after_edit_and_restore);
  g_test_add_func ("/copro/safety/discard-deletes-the-draft", test_discard_deletes_the_draft);
  g_test_add_func ("/copro/safety/lock-file", test_lock_file);
  g_test_add_func ("/copro/safety/stale-lock", test_stale_lock);

  status = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp_root);
    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", tmp_root);
  }
  return status;
}
