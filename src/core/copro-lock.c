/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "copro-error.h"
#include "copro-lock.h"

struct _CoproLock
{
  GFile *file;
  char  *contents;   /* what we wrote, to remove only our own lock */
};

GFile *
copro_lock_file_for (GFile *project)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (project), NULL);

  parent = g_file_get_parent (project);
  basename = g_file_get_basename (project);
  name = g_strdup_printf (".%s.lock", basename);
  return g_file_get_child (parent, name);
}

void
copro_lock_info_free (CoproLockInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->user);
  g_free (info->real_name);
  g_free (info->host);
  g_clear_pointer (&info->since, g_date_time_unref);
  g_free (info);
}

static char *
my_lock_contents (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *since = g_date_time_format_iso8601 (now);
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, g_get_user_name ());
  json_builder_set_member_name (builder, "real_name");
  json_builder_add_string_value (builder, g_get_real_name ());
  json_builder_set_member_name (builder, "host");
  json_builder_add_string_value (builder, g_get_host_name ());
  json_builder_set_member_name (builder, "pid");
  json_builder_add_int_value (builder, getpid ());
  json_builder_set_member_name (builder, "since");
  json_builder_add_string_value (builder, since);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static CoproLockInfo *
parse_lock (const char *contents,
            gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  CoproLockInfo *info;
  JsonObject *object;

  info = g_new0 (CoproLockInfo, 1);
  if (json_parser_load_from_data (parser, contents, (gssize) length, NULL) &&
      json_parser_get_root (parser) != NULL &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      object = json_node_get_object (json_parser_get_root (parser));
      info->user = g_strdup (json_object_get_string_member_with_default (object, "user", ""));
      info->real_name = g_strdup (json_object_get_string_member_with_default (object, "real_name", ""));
      info->host = g_strdup (json_object_get_string_member_with_default (object, "host", ""));
      info->pid = json_object_get_int_member_with_default (object, "pid", 0);
      info->since = g_date_time_new_from_iso8601 (json_object_get_string_member_with_default (object, "since", ""), NULL);
    }
  /* A lock we cannot read still means someone may have the file open. */
  if (info->user == NULL)
    info->user = g_strdup ("");
  if (info->real_name == NULL)
    info->real_name = g_strdup ("");
  if (info->host == NULL)
    info->host = g_strdup ("");
  return info;
}

CoproLockInfo *
copro_lock_read (GFile *project)
{
  g_autoptr(GFile) lock_file = copro_lock_file_for (project);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents (lock_file, NULL, &contents, &length, NULL, NULL))
    return NULL;
  return parse_lock (contents, length);
}

gboolean
copro_lock_info_is_mine (const CoproLockInfo *info)
{
  g_return_val_if_fail (info != NULL, FALSE);

  return g_strcmp0 (info->host, g_get_host_name ()) == 0 && info->pid == getpid ();
}

gboolean
copro_lock_info_is_stale (const CoproLockInfo *info)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (g_strcmp0 (info->host, g_get_host_name ()) != 0 || info->pid <= 0 || info->pid > G_MAXINT)
    return FALSE;   /* another machine: we cannot know */
  return kill ((pid_t) info->pid, 0) != 0 && errno == ESRCH;
}

gboolean
copro_lock_info_is_own_stale (const CoproLockInfo *info)
{
  g_return_val_if_fail (info != NULL, FALSE);

  return g_strcmp0 (info->user, g_get_user_name ()) == 0 && copro_lock_info_is_stale (info);
}

char *
copro_lock_info_describe (const CoproLockInfo *info)
{
  const char *who;
  g_autofree char *when = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  who = *info->real_name != '\0' && g_strcmp0 (info->real_name, "Unknown") != 0 ? info->real_name : info->user;
  if (*who == '\0')
    who = _("someone");
  if (info->since != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (info->since);
      when = g_date_time_format (local, "%d/%m/%Y %H:%M");
    }
  if (when != NULL)
    /* TRANSLATORS: who, on which computer, since when (day/month/year hour:minute) */
    return g_strdup_printf (_("%s has had it open on %s since %s."), who, info->host, when);
  return g_strdup_printf (_("%s has it open on %s."), who, info->host);
}

CoproLock *
copro_lock_acquire (GFile          *project,
                    gboolean        take_over,
                    CoproLockInfo **holder,
                    GError        **error)
{
  g_autoptr(GFile) lock_file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gboolean created = FALSE;
  CoproLock *lock;

  g_return_val_if_fail (G_IS_FILE (project), NULL);

  if (holder != NULL)
    *holder = NULL;
  lock_file = copro_lock_file_for (project);
  contents = my_lock_contents ();

  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(GFileOutputStream) stream = NULL;

      /* Creating fails when the file exists, so two people cannot both win. */
      stream = g_file_create (lock_file, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream != NULL)
        {
          if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), contents, strlen (contents), NULL, NULL, &local_error) ||
              !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
            {
              g_file_delete (lock_file, NULL, NULL);
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          created = TRUE;
          break;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_clear_error (&local_error);

      {
        g_autoptr(CoproLockInfo) info = copro_lock_read (project);

        if (info != NULL && !copro_lock_info_is_mine (info) && !take_over)
          {
            g_autofree char *name = g_file_get_basename (project);
            g_autofree char *who = copro_lock_info_describe (info);

            g_set_error (error, COPRO_ERROR, COPRO_ERROR_LOCKED,
                         _("“%s” is in use: %s"), name, who);
            if (holder != NULL)
              *holder = g_steal_pointer (&info);
            return NULL;
          }
      }
      /* Ours from before, or taken over by choice: replace it. */
      if (!g_file_delete (lock_file, NULL, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_clear_error (&local_error);
    }

  if (!created)
    {
      g_autofree char *name = g_file_get_basename (project);

      g_set_error (error, COPRO_ERROR, COPRO_ERROR_LOCKED,
                   _("“%s” is being opened by someone else at this very moment."), name);
      return NULL;
    }

  lock = g_new0 (CoproLock, 1);
  lock->file = g_steal_pointer (&lock_file);
  lock->contents = g_steal_pointer (&contents);
  return lock;
}

void
copro_lock_release (CoproLock *lock)
{
  g_autofree char *contents = NULL;

  if (lock == NULL)
    return;
  /* Remove it only if it is still ours: someone may have taken it over. */
  if (g_file_load_contents (lock->file, NULL, &contents, NULL, NULL, NULL) &&
      g_strcmp0 (contents, lock->contents) == 0)
    g_file_delete (lock->file, NULL, NULL);
  g_object_unref (lock->file);
  g_free (lock->contents);
  g_free (lock);
}
