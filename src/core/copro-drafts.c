/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "copro-drafts.h"

struct _CoproDraft
{
  GObject        parent_instance;

  CoproDocument *document;
  char          *id;
  GCancellable  *cancellable;
  guint          timeout_id;
  guint          delay;
  gboolean       writing;
  gboolean       again;     /* an edit came in while writing */
};

G_DEFINE_FINAL_TYPE (CoproDraft, copro_draft, G_TYPE_OBJECT)

GFile *
copro_drafts_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);
}

static GFile *
draft_file (const char *id,
            const char *suffix)
{
  g_autoptr(GFile) dir = copro_drafts_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (dir, name);
}

void
copro_draft_info_free (CoproDraftInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_clear_object (&info->draft_file);
  g_clear_object (&info->original);
  g_free (info->title);
  g_free (info->etag);
  g_clear_pointer (&info->edited, g_date_time_unref);
  g_free (info);
}

static CoproDraftInfo *
read_info (const char *id)
{
  g_autoptr(GFile) meta = draft_file (id, ".json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  gsize length = 0;
  CoproDraftInfo *info;
  JsonObject *object;
  const char *uri;

  if (!g_file_load_contents (meta, NULL, &contents, &length, NULL, NULL) ||
      !json_parser_load_from_data (parser, contents, (gssize) length, NULL) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));

  info = g_new0 (CoproDraftInfo, 1);
  info->id = g_strdup (id);
  info->draft_file = draft_file (id, ".coprod");
  uri = json_object_get_string_member_with_default (object, "original", NULL);
  if (uri != NULL && *uri != '\0')
    info->original = g_file_new_for_uri (uri);
  info->title = g_strdup (json_object_get_string_member_with_default (object, "title", ""));
  info->etag = g_strdup (json_object_get_string_member_with_default (object, "etag", ""));
  info->edited = g_date_time_new_from_iso8601 (json_object_get_string_member_with_default (object, "edited", ""), NULL);
  if (info->edited == NULL)
    info->edited = g_date_time_new_now_utc ();
  return info;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const CoproDraftInfo *ia = *(const CoproDraftInfo **) a;
  const CoproDraftInfo *ib = *(const CoproDraftInfo **) b;

  return g_date_time_compare (ib->edited, ia->edited);
}

GPtrArray *
copro_drafts_list (void)
{
  g_autoptr(GFile) dir = copro_drafts_dir ();
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) copro_draft_info_free);
  GFileInfo *child;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (child = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (child);

      if (g_str_has_suffix (name, ".json"))
        {
          g_autofree char *id = g_strndup (name, strlen (name) - strlen (".json"));
          CoproDraftInfo *info = read_info (id);

          if (info != NULL && g_file_query_exists (info->draft_file, NULL))
            g_ptr_array_add (drafts, info);
          else
            copro_draft_info_free (info);
        }
      g_object_unref (child);
    }
  g_ptr_array_sort (drafts, newest_first);
  return drafts;
}

CoproDocument *
copro_drafts_restore (CoproDraftInfo  *info,
                      GError         **error)
{
  CoproDocument *document;

  g_return_val_if_fail (info != NULL, NULL);

  document = copro_document_new_from_file (info->draft_file, NULL, error);
  if (document == NULL)
    return NULL;
  /* It belongs where the project lives, and it holds unsaved changes made to
   * the version of that file the draft was based on: a save notices if the
   * file changed since. */
  copro_document_set_file (document, info->original);
  if (info->original != NULL && info->etag != NULL && *info->etag != '\0')
    copro_document_set_etag (document, info->etag);
  copro_document_set_modified (document, TRUE);
  return document;
}

void
copro_drafts_delete (CoproDraftInfo *info)
{
  g_autoptr(GFile) meta = NULL;

  g_return_if_fail (info != NULL);

  meta = draft_file (info->id, ".json");
  g_file_delete (meta, NULL, NULL);
  g_file_delete (info->draft_file, NULL, NULL);
}

/* Keeping one document's draft */

static void
delete_draft_files (CoproDraft *self)
{
  g_autoptr(GFile) data = draft_file (self->id, ".coprod");
  g_autoptr(GFile) meta = draft_file (self->id, ".json");

  g_file_delete (meta, NULL, NULL);
  g_file_delete (data, NULL, NULL);
}

static GBytes *
serialize_meta (CoproDraft *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *edited = g_date_time_format_iso8601 (now);
  g_autofree char *title = copro_document_dup_display_title (self->document);
  g_autofree char *uri = NULL;
  g_autoptr(JsonNode) root = NULL;
  GFile *file = copro_document_get_file (self->document);
  char *text;

  if (file != NULL)
    uri = g_file_get_uri (file);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "original");
  json_builder_add_string_value (builder, uri != NULL ? uri : "");
  json_builder_set_member_name (builder, "etag");
  json_builder_add_string_value (builder, copro_document_get_etag (self->document) != NULL
                                          ? copro_document_get_etag (self->document) : "");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "edited");
  json_builder_add_string_value (builder, edited);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (text, strlen (text));
}

static void write_draft (CoproDraft *self);

/* Drafts are always local files in the user's data folder. They are written
 * with g_file_set_contents_full(), which never leaves a half-written file in
 * place (see write_atomically() in copro-document.c for why not GIO's
 * replace), in a worker thread so the window never waits for the disk. */
static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GError *error = NULL;

  if (g_file_set_contents_full (g_file_peek_path (file), g_bytes_get_data (bytes, NULL),
                                (gssize) g_bytes_get_size (bytes),
                                G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_bytes_async (GFile               *file,
                   GBytes              *bytes,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (file, cancellable, callback, user_data);

  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
write_bytes_finish (GAsyncResult  *result,
                    GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
after_write (CoproDraft *self)
{
  self->writing = FALSE;
  if (!copro_document_get_modified (self->document))
    delete_draft_files (self);   /* saved while we were writing */
  else if (self->again)
    write_draft (self);
}

/* Ends one of the two writes of a draft (the project, then its description).
 * FALSE when there is nothing more to do: the draft was discarded meanwhile
 * (it must not come back), or the write failed (the next edit tries again). */
static gboolean
finish_write (CoproDraft   *self,
              GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      delete_draft_files (self);
      return FALSE;
    }
  if (!write_bytes_finish (result, &error))
    {
      g_warning ("Could not write the draft: %s", error->message);
      after_write (self);
      return FALSE;
    }
  return TRUE;
}

static void
on_meta_written_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CoproDraft) self = user_data;

  if (finish_write (self, result))
    after_write (self);
}

static void
on_data_written_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CoproDraft) self = user_data;
  g_autoptr(GFile) meta = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!finish_write (self, result))
    return;
  meta = draft_file (self->id, ".json");
  bytes = serialize_meta (self);
  write_bytes_async (meta, bytes, self->cancellable, on_meta_written_cb, g_object_ref (self));
}

static void
write_draft (CoproDraft *self)
{
  g_autoptr(GFile) dir = copro_drafts_dir ();
  g_autoptr(GFile) data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  self->again = FALSE;
  if (!copro_document_get_modified (self->document))
    return;
  if (self->writing)
    {
      self->again = TRUE;
      return;
    }
  if (!g_file_make_directory_with_parents (dir, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_warning ("Could not make the drafts folder: %s", error->message);
      return;
    }

  self->writing = TRUE;
  data = draft_file (self->id, ".coprod");
  /* Serialised here, on the main thread that owns the model; GIO writes it
   * off the main thread. */
  bytes = copro_document_serialize (self->document);
  write_bytes_async (data, bytes, self->cancellable, on_data_written_cb, g_object_ref (self));
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  CoproDraft *self = user_data;

  self->timeout_id = 0;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

static void
on_project_changed_cb (CoproRecord *project,
                       CoproRecord *origin,
                       const char  *key,
                       CoproDraft  *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay, on_timeout_cb, self);
}

static void
on_modified_cb (CoproDocument *document,
                GParamSpec    *pspec,
                CoproDraft    *self)
{
  if (copro_document_get_modified (document))
    return;
  /* Saved: the file on disk has every change, so the draft can go. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->writing)
    delete_draft_files (self);
}

static void
copro_draft_dispose (GObject *object)
{
  CoproDraft *self = COPRO_DRAFT (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (copro_document_get_project (self->document), self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (copro_draft_parent_class)->dispose (object);
}

static void
copro_draft_finalize (GObject *object)
{
  g_free (COPRO_DRAFT (object)->id);

  G_OBJECT_CLASS (copro_draft_parent_class)->finalize (object);
}

static void
copro_draft_class_init (CoproDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = copro_draft_dispose;
  G_OBJECT_CLASS (klass)->finalize = copro_draft_finalize;
}

static void
copro_draft_init (CoproDraft *self)
{
  const char *delay = g_getenv ("COPRO_DRAFT_DELAY_MS");

  self->cancellable = g_cancellable_new ();
  self->delay = 3000;
  if (delay != NULL)
    self->delay = (guint) CLAMP (g_ascii_strtoull (delay, NULL, 10), 1, 600000);
}

CoproDraft *
copro_draft_new (CoproDocument *document,
                 const char    *id)
{
  CoproDraft *self;

  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), NULL);

  self = g_object_new (COPRO_TYPE_DRAFT, NULL);
  self->document = g_object_ref (document);
  self->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  g_signal_connect (copro_document_get_project (document), "changed",
                    G_CALLBACK (on_project_changed_cb), self);
  g_signal_connect (document, "notify::modified", G_CALLBACK (on_modified_cb), self);
  return self;
}

guint
copro_draft_get_delay (CoproDraft *self)
{
  g_return_val_if_fail (COPRO_IS_DRAFT (self), 0);

  return self->delay;
}

const char *
copro_draft_get_id (CoproDraft *self)
{
  g_return_val_if_fail (COPRO_IS_DRAFT (self), NULL);

  return self->id;
}

void
copro_draft_flush (CoproDraft *self)
{
  g_return_if_fail (COPRO_IS_DRAFT (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  write_draft (self);
}

void
copro_draft_discard (CoproDraft *self)
{
  g_return_if_fail (COPRO_IS_DRAFT (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->writing = FALSE;
  self->again = FALSE;
  delete_draft_files (self);
}
