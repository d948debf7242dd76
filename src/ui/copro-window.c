/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application window: a start screen, or one project. */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-document.h"
#include "copro-drafts.h"
#include "copro-error.h"
#include "copro-export-flow.h"
#include "copro-print-dialog.h"
#include "copro-lock.h"
#include "copro-project-view.h"
#include "copro-window.h"

#define PROJECT_MIME_TYPE "application/x-coproduce-project"
#define PROJECT_SUFFIX    ".coprod"
#define MAX_RECENT        10

struct _CoproWindow
{
  AdwApplicationWindow  parent_instance;

  CoproDocument        *document;
  GSettings            *settings;
  GCancellable         *cancellable;    /* loads, saves and file dialogues in flight */
  GSignalGroup         *document_signals;
  GtkFileDialog        *file_dialog;    /* while a file dialogue is asking */
  AdwDialog            *close_dialog;   /* weak: the unsaved-changes question */
  AdwDialog            *lock_dialog;    /* weak: the question about a file in use */
  guint                 n_loading;
  gboolean              close_confirmed;

  /* Nothing is lost: the draft of unsaved changes, and the lock file that
   * tells colleagues on a shared drive that the project is open. */
  CoproDraft           *draft;
  CoproLock            *lock;
  char                 *restore_draft_id;  /* set while a draft is being restored */
  GPtrArray            *draft_rows;        /* in drafts_group, on the start screen */

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwBanner            *read_only_banner;
  CoproProjectView     *project_view;   /* sidebar, panels, undo and redo */
  GtkWidget            *sidebar_button;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;

  /* The start page (copro-start-page.ui), NULL until first shown */
  GtkWidget            *start_page;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  AdwPreferencesGroup  *drafts_group;
  gboolean              recent_stale;  /* the recent list is read again when the start page shows */
  gboolean              loaded_unshown; /* a file read at start-up, opened before the window shows */
};

G_DEFINE_FINAL_TYPE (CoproWindow, copro_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  CoproWindow  *self;
  GApplication *application;  /* held while a save runs */
  GFile        *file;
  gboolean     as_copy;
  gboolean     close_after;
} FileOp;

static void save_to (CoproWindow *self, GFile *file, gboolean close_after);
static void save_to_full (CoproWindow *self, GFile *file, CoproSaveFlags flags, gboolean close_after);
static void save_as (CoproWindow *self, gboolean close_after);
static void load (CoproWindow *self, GFile *file, gboolean as_copy);
static void ask_about_changed_file (CoproWindow *self, GFile *file, const char *message, gboolean close_after);
static void move_lock_to (CoproWindow *self, GFile *file);
static void open_with_lock (CoproWindow *self, CoproDocument *document, GFile *file, const char *draft_id);
static void populate_drafts (CoproWindow *self);
static void restore_draft_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data);
static void discard_draft_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data);
static void open_or_offer_draft (CoproWindow *self, CoproDocument *document, GFile *file);

static FileOp *
file_op_new (CoproWindow *self,
             GFile       *file)
{
  FileOp *op = g_new0 (FileOp, 1);

  op->self = g_object_ref (self);
  op->file = g_object_ref (file);
  return op;
}

static void
file_op_free (FileOp *op)
{
  if (op->application != NULL)
    g_application_release (op->application);
  g_clear_object (&op->application);
  g_clear_object (&op->self);
  g_clear_object (&op->file);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileOp, file_op_free)

static char *
dup_file_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  /* Only cached or local information: this runs on the main thread. */
  if (g_file_is_native (file))
    return g_filename_display_basename (g_file_peek_path (file));
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

static void
show_message (CoproWindow *self,
              const char  *heading,
              const char  *body)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) PROJECT_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "coproduce %u",
  };

  if (data.app_name == NULL)
    data.app_name = (char *) "Coproduce";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
remember_folder (CoproWindow *self,
                 GFile       *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = NULL;

  if (parent == NULL)
    return;
  uri = g_file_get_uri (parent);
  g_settings_set_string (self->settings, "last-folder", uri);
}

/* The folder a file dialogue starts in: where the user last was. A folder
 * that has gone away is no reason to fail: the dialogue then starts where it
 * likes. */
static GFile *
dup_last_folder (CoproWindow *self)
{
  g_autofree char *uri = g_settings_get_string (self->settings, "last-folder");

  if (uri == NULL || *uri == '\0')
    return NULL;
  return g_file_new_for_uri (uri);
}

/* A dialogue asking for a project file, kept only while it asks: GTK 4.18
 * can crash in gtkatspiroot.c on a hidden toplevel kept alive after it has
 * answered (see show_help_overlay_activated ()). */
static GtkFileDialog *
project_file_dialog_new (const char *title,
                         const char *accept_label)
{
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (projects, _("Coproduce projects"));
  gtk_file_filter_add_suffix (projects, "coprod");
  gtk_file_filter_add_mime_type (projects, PROJECT_MIME_TYPE);
  g_list_store_append (filters, projects);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, all);

  return g_object_new (GTK_TYPE_FILE_DIALOG,
                       "title", title,
                       "accept-label", accept_label,
                       "modal", TRUE,
                       "filters", filters,
                       "default-filter", projects,
                       NULL);
}

static void
update_title (CoproWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  GFile *file;
  gboolean modified;

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Coproduce"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Coproduce"));
      return;
    }

  title = copro_document_dup_display_title (self->document);
  file = copro_document_get_file (self->document);
  modified = copro_document_get_modified (self->document);
  if (file != NULL)
    name = dup_file_display_name (file);

  if (modified && name != NULL)
    /* TRANSLATORS: the window's subtitle: the file name, then a note */
    subtitle = g_strdup_printf (_("%s — Unsaved changes"), name);
  else if (modified)
    subtitle = g_strdup (_("Unsaved changes"));
  else if (name != NULL && copro_document_get_read_only (self->document))
    /* TRANSLATORS: the window's subtitle: the file name, then a note */
    subtitle = g_strdup_printf (_("%s — Read-only"), name);
  else if (name != NULL)
    subtitle = g_steal_pointer (&name);
  else
    subtitle = g_strdup (_("Not saved yet"));

  if (modified)
    /* TRANSLATORS: the window title of a project with unsaved changes */
    window_title = g_strdup_printf (_("• %s"), title);
  else
    window_title = g_strdup (title);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_actions (CoproWindow *self)
{
  gboolean can_save = self->document != NULL && copro_document_get_can_save_elsewhere (self->document);
  GAction *action;

  /* A file from a newer version is never written back, not even elsewhere:
   * what this version does not understand could be lost. A read-only copy of
   * a file someone else has open is saved under another name (see save ()). */
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "save");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), can_save);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "save-as");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), can_save);
  /* A workbook is only read, so any open project can be exported. */
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "export");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->document != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "print");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->document != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "save-pdf");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->document != NULL);
}

static void
update_read_only (CoproWindow *self)
{
  const char *reason = NULL;

  if (self->document != NULL)
    reason = copro_document_get_read_only_reason (self->document);
  adw_banner_set_title (self->read_only_banner, reason != NULL ? reason : "");
  /* A copy of a file someone else has open keeps its changes under another
   * name; a file from a newer version is not written at all. */
  adw_banner_set_button_label (self->read_only_banner,
                               reason != NULL && copro_document_get_can_save_elsewhere (self->document)
                                 ? _("Save As…") : NULL);
  adw_banner_set_revealed (self->read_only_banner, reason != NULL);
  copro_project_view_set_editable (self->project_view, reason == NULL);
  update_actions (self);
}

/* The sections button shows when the sidebar does not: on a narrow window,
 * or when F9 has hidden it. */
static void
update_sidebar_button (CoproWindow *self)
{
  gboolean shown = FALSE;

  if (self->document != NULL)
    g_object_get (self->project_view, "show-sidebar", &shown, NULL);
  gtk_widget_set_visible (self->sidebar_button,
                          self->document != NULL &&
                          (copro_project_view_get_collapsed (self->project_view) || !shown));
}

static void
on_document_title_cb (CoproWindow *self)
{
  update_title (self);
}

static void
on_document_read_only_cb (CoproWindow *self)
{
  update_read_only (self);
  update_title (self);
}

static void
populate_recent (CoproWindow *self)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *mime_type = gtk_recent_info_get_mime_type (info);
      const char *uri = gtk_recent_info_get_uri (info);

      if ((g_strcmp0 (mime_type, PROJECT_MIME_TYPE) == 0 || g_str_has_suffix (uri, PROJECT_SUFFIX)) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  /* Most recently used first. */
  for (guint i = 1; i < infos->len; i++)
    for (guint j = i; j > 0; j--)
      {
        GtkRecentInfo *a = g_ptr_array_index (infos, j - 1);
        GtkRecentInfo *b = g_ptr_array_index (infos, j);

        if (g_date_time_compare (gtk_recent_info_get_modified (a),
                                 gtk_recent_info_get_modified (b)) >= 0)
          break;
        infos->pdata[j - 1] = b;
        infos->pdata[j] = a;
      }

  for (guint i = 0; i < infos->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                       "icon-name", "go-next-symbolic",
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                       NULL);

      if (parent != NULL && g_file_has_prefix (parent, home))
        {
          g_autofree char *relative = g_file_get_relative_path (home, parent);

          folder = g_build_filename ("~", relative, NULL);
        }
      else if (parent != NULL && g_file_equal (parent, home))
        folder = g_strdup ("~");
      else if (parent != NULL)
        folder = g_file_get_parse_name (parent);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      if (folder != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", gtk_recent_info_get_uri (info));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_list_box_append (self->recent_list, row);
    }

  gtk_widget_set_visible (self->recent_box, infos->len > 0);
}

/* The recent projects are listed when the start page shows, not by a window
 * that opens a project at once (and whose opening adds to the recent list):
 * 5 M instructions of start-up (bench/benchmark.py). */
static void
on_recent_changed_cb (CoproWindow *self)
{
  if (self->start_page != NULL && gtk_widget_get_mapped (self->start_page))
    populate_recent (self);
  else
    self->recent_stale = TRUE;
}

static void
on_start_page_map_cb (CoproWindow *self)
{
  if (!self->recent_stale)
    return;
  self->recent_stale = FALSE;
  populate_recent (self);
}

/* The start page is built the first time it is shown, not with the window:
 * a window opening a project never shows it (10 M instructions of start-up,
 * bench/benchmark.py). */
static void
ensure_start_page (CoproWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->start_page != NULL)
    return;
  builder = gtk_builder_new_from_resource ("/io/github/coproduce/Coproduce/copro-start-page.ui");
  self->start_page = GTK_WIDGET (gtk_builder_get_object (builder, "start_page"));
  self->recent_box = GTK_WIDGET (gtk_builder_get_object (builder, "recent_box"));
  self->recent_list = GTK_LIST_BOX (gtk_builder_get_object (builder, "recent_list"));
  self->drafts_group = ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, "drafts_group"));
  gtk_stack_add_named (self->stack, self->start_page, "start");
  g_signal_connect_object (self->start_page, "map", G_CALLBACK (on_start_page_map_cb), self, G_CONNECT_SWAPPED);
  populate_drafts (self);
}

static void
show_start_page (CoproWindow *self)
{
  ensure_start_page (self);
  gtk_stack_set_visible_child_name (self->stack, "start");
}

/* Takes @op, @document and @error. */
static void
load_done (FileOp        *op_,
           CoproDocument *document_,
           GError        *error_)
{
  g_autoptr(FileOp) op = op_;
  g_autoptr(CoproDocument) document = document_;
  g_autoptr(GError) error = error_;
  CoproWindow *self = op->self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_assert (self->n_loading > 0);
  self->n_loading--;

  if (document == NULL)
    {
      g_autofree char *name = dup_file_display_name (op->file);
      /* TRANSLATORS: the file's name, then the reason, a sentence of its own */
      g_autofree char *body = g_strdup_printf (_("Coproduce could not open “%s”. %s"), name, error->message);

      if (self->document == NULL && self->n_loading == 0)
        show_start_page (self);
      show_message (self, _("Could Not Open"), body);
      return;
    }

  if (op->as_copy)
    {
      /* A copy: saving asks where, and the original stays as it was. */
      copro_document_set_file (document, NULL);
      copro_document_set_modified (document, FALSE);
    }
  else
    {
      add_to_recent (op->file);
      open_or_offer_draft (self, document, op->file);
      return;
    }
  copro_window_set_document (self, document);
}

static void
on_load_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GError *error = NULL;
  CoproDocument *document = copro_document_load_finish (result, &error);

  load_done (user_data, document, error);
}

static void
load (CoproWindow *self,
      GFile       *file,
      gboolean     as_copy)
{
  FileOp *op = file_op_new (self, file);
  CoproApplication *application = COPRO_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  CoproDocument *document = NULL;
  GError *error = NULL;

  op->as_copy = as_copy;
  /* An empty window opening a file goes straight to the project page rather
   * than laying out the start page it would leave at once. */
  if (self->document == NULL)
    gtk_stack_set_visible_child_name (self->stack, "project");
  self->n_loading++;
  /* A file named on the command line has usually been read by now, while
   * GTK started: opened at once, before the window is first shown, its
   * panel is laid out with the window (copro_window_show ()). */
  if (copro_application_take_loaded (application, file, &document, &error))
    {
      self->loaded_unshown = !gtk_widget_get_realized (GTK_WIDGET (self));
      load_done (op, document, error);
    }
  else
    copro_application_load_async (application, file, self->cancellable, on_load_done_cb, op);
}

static GFile *
find_example (void)
{
  g_autoptr(GFile) installed = g_file_new_build_filename (PKGDATADIR, "example.coprod", NULL);

  if (g_file_query_exists (installed, NULL))
    return g_steal_pointer (&installed);
  return g_file_new_build_filename (SOURCE_DATADIR, "example.coprod", NULL);
}

static void
on_save_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FileOp) op = user_data;
  g_autoptr(GError) error = NULL;
  CoproWindow *self = op->self;

  if (!copro_document_save_finish (COPRO_DOCUMENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, COPRO_ERROR, COPRO_ERROR_CHANGED_ON_DISK))
        {
          ask_about_changed_file (self, op->file, error->message, op->close_after);
          return;
        }
      /* The reason names the file. */
      show_message (self, _("Could Not Save"), error->message);
      return;
    }

  move_lock_to (self, op->file);
  add_to_recent (op->file);
  /* Closing asks again if something changed while the file was written. */
  if (op->close_after)
    gtk_window_close (GTK_WINDOW (self));
}

static void
save_to_full (CoproWindow    *self,
              GFile          *file,
              CoproSaveFlags  flags,
              gboolean        close_after)
{
  FileOp *op = file_op_new (self, file);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  g_assert (self->document != NULL);

  /* Keep the application running until the file is written. */
  if (application != NULL)
    {
      op->application = g_object_ref (G_APPLICATION (application));
      g_application_hold (op->application);
    }
  op->close_after = close_after;
  copro_document_save_full_async (self->document, file, flags, self->cancellable, on_save_done_cb, op);
}

static void
save_to (CoproWindow *self,
         GFile       *file,
         gboolean     close_after)
{
  save_to_full (self, file, COPRO_SAVE_NONE, close_after);
}

static GFile *
ensure_suffix (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *folded = NULL;
  g_autofree char *with_suffix = NULL;
  g_autoptr(GFile) parent = NULL;

  folded = g_utf8_casefold (basename != NULL ? basename : "", -1);
  parent = g_file_get_parent (file);
  if (g_str_has_suffix (folded, PROJECT_SUFFIX) || parent == NULL)
    return g_object_ref (file);
  with_suffix = g_strconcat (basename, PROJECT_SUFFIX, NULL);
  return g_file_get_child (parent, with_suffix);
}

typedef struct
{
  CoproWindow *self;
  gboolean     close_after;
} SaveAsOp;

static void
on_save_dialog_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autofree SaveAsOp *op = user_data;
  g_autoptr(CoproWindow) self = op->self;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;

  chosen = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  /* Answered: let the dialogue go now. */
  if (self->file_dialog == GTK_FILE_DIALOG (source))
    g_clear_object (&self->file_dialog);
  if (chosen == NULL || self->document == NULL)
    return;
  file = ensure_suffix (chosen);
  remember_folder (self, file);
  save_to (self, file, op->close_after);
}

static void
save_as (CoproWindow *self,
         gboolean     close_after)
{
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  SaveAsOp *op;

  g_assert (self->document != NULL);

  /* One question at a time. */
  if (self->file_dialog != NULL)
    return;

  self->file_dialog = project_file_dialog_new (_("Save Project"), _("_Save"));
  /* Beside the file when there is one, else where the user last was. */
  if (copro_document_get_file (self->document) != NULL)
    folder = g_file_get_parent (copro_document_get_file (self->document));
  else
    folder = dup_last_folder (self);
  gtk_file_dialog_set_initial_folder (self->file_dialog, folder);

  title = copro_document_dup_display_title (self->document);
  g_strdelimit (title, "/\\", '-');
  if (g_str_has_suffix (title, PROJECT_SUFFIX))
    name = g_steal_pointer (&title);
  else
    name = g_strconcat (title, PROJECT_SUFFIX, NULL);
  gtk_file_dialog_set_initial_name (self->file_dialog, name);

  op = g_new0 (SaveAsOp, 1);
  op->self = g_object_ref (self);
  op->close_after = close_after;
  gtk_file_dialog_save (self->file_dialog, GTK_WINDOW (self), self->cancellable,
                        on_save_dialog_done_cb, op);
}

static void
save (CoproWindow *self,
      gboolean     close_after)
{
  GFile *file;

  g_assert (self->document != NULL);

  file = copro_document_get_file (self->document);
  /* A read-only copy may not write over its file: it asks for another. */
  if (file == NULL || copro_document_get_read_only (self->document))
    save_as (self, close_after);
  else
    save_to (self, file, close_after);
}

static void
on_open_dialog_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(CoproWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  GtkApplication *application;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  /* Answered: let the dialogue go now. */
  if (self->file_dialog == GTK_FILE_DIALOG (source))
    g_clear_object (&self->file_dialog);
  application = gtk_window_get_application (GTK_WINDOW (self));
  if (file == NULL || application == NULL)
    return;
  remember_folder (self, file);
  copro_application_open_file (COPRO_APPLICATION (application), file, GTK_WINDOW (self));
}

/* Callbacks */

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CoproWindow *self = user_data;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) file = NULL;

  if (application == NULL)
    return;
  file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  copro_application_open_file (COPRO_APPLICATION (application), file, GTK_WINDOW (self));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            CoproWindow   *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files;
  gboolean opened = FALSE;

  if (application == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *basename = g_file_get_basename (l->data);

      if (basename == NULL || !g_str_has_suffix (basename, PROJECT_SUFFIX))
        continue;
      copro_application_open_file (COPRO_APPLICATION (application), l->data, GTK_WINDOW (self));
      opened = TRUE;
    }
  g_slist_free (files);
  return opened;
}

static gboolean
destroy_in_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_close_dialog_response_cb (AdwAlertDialog *dialog,
                             const char     *response,
                             CoproWindow    *self)
{
  if (g_str_equal (response, "discard"))
    {
      /* Not from inside the dialogue's own signal: destroying its parent
       * there would leave the dialogue pointing at a freed window. */
      self->close_confirmed = TRUE;
      if (self->draft != NULL)
        copro_draft_discard (self->draft);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_in_idle_cb,
                       g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save") && self->document != NULL)
    {
      save (self, TRUE);
    }
}

static gboolean
copro_window_close_request (GtkWindow *window)
{
  CoproWindow *self = COPRO_WINDOW (window);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  AdwDialog *dialog;

  if (self->close_confirmed || self->document == NULL ||
      !copro_document_get_modified (self->document))
    return GTK_WINDOW_CLASS (copro_window_parent_class)->close_request (window);

  if (self->close_dialog != NULL)
    return TRUE;   /* already asking */

  title = copro_document_dup_display_title (self->document);
  /* Headings stay short, with what varies in the body: libadwaita 1.7 warns
   * when a heading is wider than the dialogue (fixed in 1.8 by commit
   * 34d32f5e, "alert/message-dialog: Fix warning with long heading"). */
  /* TRANSLATORS: the project's title */
  body = g_strdup_printf (_("“%s” has unsaved changes. If you close without saving, they are lost."), title);
  dialog = adw_alert_dialog_new (_("Save Changes?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "discard", _("_Discard"),
                                  "save", _("_Save"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "discard",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_dialog_response_cb), self, 0);

  self->close_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->close_dialog);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return TRUE;
}

static void
save_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CoproWindow *self = user_data;

  if (self->document != NULL)
    save (self, FALSE);
}

static void
save_as_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CoproWindow *self = user_data;

  if (self->document != NULL)
    save_as (self, FALSE);
}

static void
close_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

static void
open_example_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  CoproWindow *self = user_data;
  CoproWindow *target = self;
  g_autoptr(GFile) example = find_example ();

  if (!copro_window_is_empty (self))
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      if (application == NULL)
        return;
      target = copro_window_new (COPRO_APPLICATION (application));
      gtk_window_present (GTK_WINDOW (target));
    }
  load (target, example, TRUE);
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CoproWindow *self = user_data;

  if (self->document != NULL)
    copro_export_flow_run (GTK_WINDOW (self), self->document, NULL);
}

/* Print (Ctrl+P) and Save as PDF (Shift+Ctrl+E): the same dialogue, which
 * asks which document and whether with personal details. */
static void
print_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CoproWindow *self = user_data;

  if (self->document != NULL)
    adw_dialog_present (copro_print_dialog_new (self->document, FALSE), GTK_WIDGET (self));
}

static void
save_pdf_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CoproWindow *self = user_data;

  if (self->document != NULL)
    adw_dialog_present (copro_print_dialog_new (self->document, TRUE), GTK_WIDGET (self));
}

/* The keyboard shortcuts are built each time they are asked for and
 * destroyed when closed, rather than loaded once by GtkApplication from
 * gtk/help-overlay.ui and kept hidden: GTK answers an AT-SPI request for a
 * window index past the visible ones with the last toplevel in its list; a
 * hidden window there has no object path, and GTK then crashes. That happens
 * when a screen reader asks just as a dialogue closes. So no hidden toplevel
 * may linger: tests/test-window.c checks this.
 *
 * The one marked exception to "no deprecated API": GtkShortcutsWindow is
 * deprecated since GTK 4.18, and its replacement, AdwShortcutsDialog, came
 * with libadwaita 1.8. The floor (Debian 13) has libadwaita 1.7, so the old
 * window stays there; where libadwaita 1.8 is present, as in the Flatpak,
 * the dialogue is used. The dialogue is made by GtkBuilder, so nothing here
 * calls libadwaita 1.8 API directly (ADW_VERSION_MAX_ALLOWED stays 1.7). */
static void
show_help_overlay_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  CoproWindow *self = user_data;
#if ADW_CHECK_VERSION (1, 8, 0)
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/coproduce/Coproduce/copro-shortcuts-dialog.ui");
  AdwDialog *dialog = ADW_DIALOG (gtk_builder_get_object (builder, "shortcuts_dialog"));

  adw_dialog_present (dialog, GTK_WIDGET (self));
#else
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/coproduce/Coproduce/copro-shortcuts-window.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  /* GtkShortcutsWindow is a window of its own: Esc closes it, and GTK gives
   * the focus back to this window as it goes. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert (GTK_IS_SHORTCUTS_WINDOW (overlay));
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_window_set_transient_for (overlay, GTK_WINDOW (self));
  gtk_window_present (overlay);
#endif
}

static const GActionEntry win_entries[] = {
  { .name = "show-help-overlay", .activate = show_help_overlay_activated },
  { .name = "export", .activate = export_activated },
  { .name = "print", .activate = print_activated },
  { .name = "save-pdf", .activate = save_pdf_activated },
  { .name = "save", .activate = save_activated },
  { .name = "save-as", .activate = save_as_activated },
  { .name = "close", .activate = close_activated },
  { .name = "open-example", .activate = open_example_activated },
  { .name = "open-recent", .activate = open_recent_activated, .parameter_type = "s" },
  { .name = "restore-draft", .activate = restore_draft_activated, .parameter_type = "s" },
  { .name = "discard-draft", .activate = discard_draft_activated, .parameter_type = "s" },
};

static void
copro_window_dispose (GObject *object)
{
  CoproWindow *self = COPRO_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->file_dialog);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->lock, copro_lock_release);

  /* The start page goes with the stack. */
  self->start_page = NULL;
  self->recent_box = NULL;
  self->recent_list = NULL;
  self->drafts_group = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_WINDOW);

  G_OBJECT_CLASS (copro_window_parent_class)->dispose (object);
}

/* A window shown with no project, and none being opened, shows the start
 * page: built now, before the window is first measured. */
static void
copro_window_show (GtkWidget *widget)
{
  CoproWindow *self = COPRO_WINDOW (widget);
  GtkWidget *banner = GTK_WIDGET (self->read_only_banner);
  gboolean opened_before = self->loaded_unshown && self->document != NULL && !gtk_widget_get_realized (widget);
  gboolean banner_can_focus = gtk_widget_get_can_focus (banner);
  gboolean button_can_focus = gtk_widget_get_can_focus (self->sidebar_button);

  if (self->document == NULL && self->n_loading == 0)
    show_start_page (self);
  /* A file read at start-up and opened before the window is first shown
   * (load ()): the window takes its first focus, as it is shown, where it
   * did when the file was opened after: outside the panel, the banner and
   * the sidebar button, none of which could take it then. */
  self->loaded_unshown = FALSE;
  if (opened_before)
    {
      copro_project_view_set_panels_can_focus (self->project_view, FALSE);
      gtk_widget_set_can_focus (banner, FALSE);
      gtk_widget_set_can_focus (self->sidebar_button, FALSE);
    }
  GTK_WIDGET_CLASS (copro_window_parent_class)->show (widget);
  if (opened_before)
    {
      copro_project_view_set_panels_can_focus (self->project_view, TRUE);
      gtk_widget_set_can_focus (banner, banner_can_focus);
      gtk_widget_set_can_focus (self->sidebar_button, button_can_focus);
    }
}

static void
copro_window_finalize (GObject *object)
{
  CoproWindow *self = COPRO_WINDOW (object);

  g_clear_pointer (&self->restore_draft_id, g_free);
  g_clear_pointer (&self->draft_rows, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (copro_window_parent_class)->finalize (object);
}

static void
copro_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CoproWindow *self = COPRO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CoproWindow *self = COPRO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      copro_window_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_window_class_init (CoproWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = copro_window_dispose;
  object_class->finalize = copro_window_finalize;
  object_class->get_property = copro_window_get_property;
  object_class->set_property = copro_window_set_property;
  window_class->close_request = copro_window_close_request;
  widget_class->show = copro_window_show;

  g_type_ensure (COPRO_TYPE_PROJECT_VIEW);

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COPRO_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CoproWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CoproWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, CoproWindow, project_view);
  gtk_widget_class_bind_template_child (widget_class, CoproWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, CoproWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CoproWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, update_sidebar_button);
}

/* The main menu is made the first time it is opened (a click or F10), not
 * with the window: its popover is 7 M instructions of start-up
 * (bench/benchmark.py). */
static void
menu_button_create_popup_cb (GtkMenuButton *button,
                             gpointer       user_data)
{
  CoproWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
copro_window_init (CoproWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, menu_button_create_popup_cb, self, NULL);

  self->cancellable = g_cancellable_new ();
  self->draft_rows = g_ptr_array_new ();

  /* The window follows whichever document it shows. */
  self->document_signals = g_signal_group_new (COPRO_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::title",
                                  G_CALLBACK (on_document_title_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::modified",
                                  G_CALLBACK (on_document_title_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::file",
                                  G_CALLBACK (on_document_title_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::read-only-reason",
                                  G_CALLBACK (on_document_read_only_cb), self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
  copro_project_view_install_actions (self->project_view, G_ACTION_MAP (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (on_recent_changed_cb), self, G_CONNECT_SWAPPED);
  self->recent_stale = TRUE;

  update_title (self);
  update_read_only (self);
}

/* Nothing is lost: locks, conflicts and drafts */

typedef struct
{
  CoproWindow   *self;
  CoproDocument *document;
  GFile         *file;
  char          *reason;
  char          *draft_id;   /* restoring this draft: its work is shown whatever the answer */
} LockOp;

static void
lock_op_free (LockOp *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->document);
  g_clear_object (&op->file);
  g_free (op->reason);
  g_free (op->draft_id);
  g_free (op);
}

/* Shows @document, holding @lock (or none); @draft_id is the draft it was
 * restored from, which it keeps writing to until it is saved. */
static void
show_document (CoproWindow   *self,
               CoproDocument *document,
               const char    *draft_id,
               CoproLock     *lock)
{
  g_free (self->restore_draft_id);
  self->restore_draft_id = g_strdup (draft_id);
  copro_window_set_document (self, document);
  self->lock = lock;
}

static void
on_locked_response_cb (AdwAlertDialog *dialog,
                       const char     *response,
                       LockOp         *op)
{
  CoproWindow *self = op->self;

  /* Answered: a document shown from now on need not close this question. */
  if (self->lock_dialog == ADW_DIALOG (dialog))
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->lock_dialog);
      self->lock_dialog = NULL;
    }

  if (g_str_equal (response, "take-over"))
    {
      g_autoptr(GError) error = NULL;
      CoproLock *lock = copro_lock_acquire (op->file, TRUE, NULL, &error);

      show_document (self, op->document, op->draft_id, lock);
      if (lock == NULL)
        show_message (self, _("Take Over Failed"), error->message);
    }
  else if (g_str_equal (response, "read-only") || op->draft_id != NULL)
    {
      /* Restored work is never dropped by an answer: Cancel keeps it on
       * screen too, read-only, as it is the colleague's file. */
      copro_document_set_read_only (op->document, op->reason);
      show_document (self, op->document, op->draft_id, NULL);
    }
  else if (self->document == NULL && self->n_loading == 0)
    {
      /* Not opened after all: back to the start page (see load ()). */
      show_start_page (self);
    }
}

/* Shows @document unless someone else has @file open; then asks. With
 * @draft_id, @document is unsaved work restored from that draft: it is shown
 * whatever the answer, and a lock left by this user's own crashed run is
 * taken over without asking, as the restore has just dealt with that crash. */
static void
open_with_lock (CoproWindow   *self,
                CoproDocument *document,
                GFile         *file,
                const char    *draft_id)
{
  g_autoptr(CoproLockInfo) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *where = NULL;
  g_autofree char *who = NULL;
  g_autofree char *body = NULL;
  gboolean stale;
  CoproLock *lock;
  AdwDialog *dialog;
  LockOp *op;

  /* A file from a newer version is read-only anyway: no need to lock it. */
  if (copro_document_get_read_only (document))
    {
      show_document (self, document, draft_id, NULL);
      return;
    }

  lock = copro_lock_acquire (file, FALSE, &holder, &error);
  if (lock == NULL && holder != NULL && draft_id != NULL && copro_lock_info_is_own_stale (holder))
    lock = copro_lock_acquire (file, TRUE, NULL, NULL);
  if (lock != NULL || holder == NULL)
    {
      /* No lock could be written (a read-only share, say): the project can
       * still be worked on, and the etag check still guards each save. */
      show_document (self, document, draft_id, lock);
      return;
    }

  name = dup_file_display_name (file);
  who = copro_lock_info_describe (holder);
  stale = copro_lock_info_is_stale (holder);
  /* TRANSLATORS: the file's name, then who has it open */
  where = g_strdup_printf (_("“%s”: %s"), name, who);
  if (draft_id != NULL && stale)
    /* TRANSLATORS: %s says who had the project open, and since when */
    body = g_strdup_printf (_("%s But Coproduce is no longer running there. Take the project over to "
                              "go on with your restored work, or keep your restored work read-only "
                              "and save it under another name."), where);
  else if (draft_id != NULL)
    /* TRANSLATORS: %s says who has the project open, and since when */
    body = g_strdup_printf (_("%s Your restored work opens read-only, so that neither of you "
                              "overwrites the other’s work: save it under another name."), where);
  else if (stale)
    /* TRANSLATORS: %s says who had the project open, and since when */
    body = g_strdup_printf (_("%s But Coproduce is no longer running there, so it probably closed "
                              "unexpectedly: you can take the project over."), where);
  else
    /* TRANSLATORS: %s says who has the project open, and since when */
    body = g_strdup_printf (_("%s You can open it read-only, so that neither of you overwrites "
                              "the other’s work."), where);

  dialog = adw_alert_dialog_new (_("Project in Use"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "read-only", _("Open _Read-Only"),
                                  NULL);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "read-only");
  if (stale)
    {
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "take-over", _("_Take Over"));
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "take-over",
                                                ADW_RESPONSE_SUGGESTED);
      adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "take-over");
    }
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");

  op = g_new0 (LockOp, 1);
  op->self = g_object_ref (self);
  op->document = g_object_ref (document);
  op->file = g_object_ref (file);
  op->draft_id = g_strdup (draft_id);
  /* TRANSLATORS: %s says who has the project open, and since when */
  op->reason = g_strdup_printf (_("%s This copy is read-only."), who);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_locked_response_cb), op,
                         (GClosureNotify) (void (*) (void)) lock_op_free, 0);

  /* One question at a time: an earlier one that was not answered is moot. */
  if (self->lock_dialog != NULL)
    adw_dialog_force_close (self->lock_dialog);
  self->lock_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->lock_dialog);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* After Save As, the lock follows the project to its new file. */
static void
move_lock_to (CoproWindow *self,
              GFile       *file)
{
  g_autoptr(GFile) wanted = copro_lock_file_for (file);

  if (self->lock != NULL)
    {
      g_autoptr(CoproLockInfo) info = copro_lock_read (file);

      if (info != NULL && copro_lock_info_is_mine (info))
        return;
      g_clear_pointer (&self->lock, copro_lock_release);
    }
  self->lock = copro_lock_acquire (file, FALSE, NULL, NULL);
}

typedef struct
{
  CoproWindow *self;
  GFile       *file;
  gboolean     close_after;
} ConflictOp;

static void
conflict_op_free (ConflictOp *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->file);
  g_free (op);
}

static void
on_conflict_response_cb (AdwAlertDialog *dialog,
                         const char     *response,
                         ConflictOp     *op)
{
  CoproWindow *self = op->self;

  if (self->document == NULL)
    return;
  if (g_str_equal (response, "keep-mine"))
    save_to_full (self, op->file, COPRO_SAVE_OVERWRITE_CHANGES, op->close_after);
  else if (g_str_equal (response, "save-as"))
    save_as (self, op->close_after);
  else if (g_str_equal (response, "reload"))
    {
      /* Their version replaces this one: the unsaved changes go, with their draft. */
      if (self->draft != NULL)
        copro_draft_discard (self->draft);
      copro_document_set_modified (self->document, FALSE);
      load (self, op->file, FALSE);
    }
}

static void
ask_about_changed_file (CoproWindow *self,
                        GFile       *file,
                        const char  *message,
                        gboolean     close_after)
{
  AdwDialog *dialog;
  ConflictOp *op;

  dialog = adw_alert_dialog_new (_("Project Changed"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog), "%s %s", message,
                                _("Keep your version and overwrite theirs, reload theirs and lose "
                                  "your unsaved changes, or save yours under another name."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "reload", _("_Reload Theirs"),
                                  "save-as", _("Save _As…"),
                                  "keep-mine", _("_Keep Mine"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "reload",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "keep-mine",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save-as");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");

  op = g_new0 (ConflictOp, 1);
  op->self = g_object_ref (self);
  op->file = g_object_ref (file);
  op->close_after = close_after;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_conflict_response_cb), op,
                         (GClosureNotify) (void (*) (void)) conflict_op_free, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static gboolean
draft_is_open_elsewhere (CoproWindow *self,
                         const char  *id)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = application != NULL ? gtk_application_get_windows (application) : NULL; l != NULL; l = l->next)
    if (COPRO_IS_WINDOW (l->data) && COPRO_WINDOW (l->data)->draft != NULL &&
        g_strcmp0 (copro_draft_get_id (COPRO_WINDOW (l->data)->draft), id) == 0)
      return TRUE;
  return FALSE;
}

/* Shows the unsaved work of @info, marked unsaved; FALSE if the draft
 * cannot be read (it is kept, and said why). */
static gboolean
restore_draft (CoproWindow    *self,
               CoproDraftInfo *info)
{
  g_autoptr(CoproDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = copro_drafts_restore (info, &error);
  if (document == NULL)
    {
      show_message (self, _("Could Not Restore"), error->message);
      return FALSE;
    }
  if (info->original != NULL)
    open_with_lock (self, document, info->original, info->id);
  else
    show_document (self, document, info->id, NULL);
  return TRUE;
}

/* The draft called @id, or NULL if it has gone. */
static CoproDraftInfo *
find_draft (const char *id)
{
  g_autoptr(GPtrArray) drafts = copro_drafts_list ();

  for (guint i = 0; i < drafts->len; i++)
    if (g_strcmp0 (((CoproDraftInfo *) g_ptr_array_index (drafts, i))->id, id) == 0)
      return g_ptr_array_steal_index (drafts, i);
  return NULL;
}

static void
restore_draft_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  CoproWindow *self = user_data;
  g_autoptr(CoproDraftInfo) info = find_draft (g_variant_get_string (parameter, NULL));

  if (info != NULL && self->document == NULL)
    restore_draft (self, info);
}

static void
discard_draft_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  CoproWindow *self = user_data;
  g_autoptr(CoproDraftInfo) info = find_draft (g_variant_get_string (parameter, NULL));

  if (info != NULL)
    copro_drafts_delete (info);
  populate_drafts (self);
}

typedef struct
{
  CoproWindow    *self;
  CoproDocument  *document;   /* the file as it is on disk */
  GFile          *file;
  CoproDraftInfo *info;
} DraftOp;

static void
draft_op_free (DraftOp *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->document);
  g_clear_object (&op->file);
  copro_draft_info_free (op->info);
  g_free (op);
}

static void
on_draft_question_response_cb (AdwAlertDialog *dialog,
                               const char     *response,
                               DraftOp        *op)
{
  if (g_str_equal (response, "discard"))
    copro_drafts_delete (op->info);
  else if (restore_draft (op->self, op->info))
    return;
  /* Discarded, or the draft could not be read: the file as it was saved. */
  open_with_lock (op->self, op->document, op->file, NULL);
}

/* A draft of unsaved work in @file left by a run that ended without saving,
 * not open in another window; NULL if there is none. */
static CoproDraftInfo *
find_draft_of (CoproWindow *self,
               GFile       *file)
{
  g_autoptr(GPtrArray) drafts = copro_drafts_list ();

  for (guint i = 0; i < drafts->len; i++)
    {
      CoproDraftInfo *info = g_ptr_array_index (drafts, i);

      if (info->original != NULL && g_file_equal (info->original, file) &&
          !draft_is_open_elsewhere (self, info->id))
        return g_ptr_array_steal_index (drafts, i);
    }
  return NULL;
}

/* Opening a file whose unsaved work was left in a draft asks first: the
 * newest work is in the draft, not in the file. */
static void
open_or_offer_draft (CoproWindow   *self,
                     CoproDocument *document,
                     GFile         *file)
{
  CoproDraftInfo *info = find_draft_of (self, file);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  AdwDialog *dialog;
  DraftOp *op;

  if (info == NULL)
    {
      open_with_lock (self, document, file, NULL);
      return;
    }

  name = dup_file_display_name (file);
  local = g_date_time_to_local (info->edited);
  when = g_date_time_format (local, "%d/%m/%Y %H:%M");
  /* TRANSLATORS: the file's name, then when it was last edited (day/month/year hour:minute) */
  body = g_strdup_printf (_("Coproduce closed before your changes to “%s” were saved; they were last "
                            "edited on %s. Restore them, or discard them and open the file as it was saved."),
                          name, when);
  dialog = adw_alert_dialog_new (_("Unsaved Work Found"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "discard", _("_Discard"),
                                  "restore", _("_Restore"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "restore");
  /* Esc loses nothing. */
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "restore");

  op = g_new0 (DraftOp, 1);
  op->self = g_object_ref (self);
  op->document = g_object_ref (document);
  op->file = g_object_ref (file);
  op->info = info;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_draft_question_response_cb), op,
                         (GClosureNotify) (void (*) (void)) draft_op_free, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* Unsaved work left by a crash, offered on the start screen. */
static void
populate_drafts (CoproWindow *self)
{
  g_autoptr(GPtrArray) drafts = NULL;

  /* Listed when the start page is built (ensure_start_page ()). */
  if (self->drafts_group == NULL)
    return;
  drafts = copro_drafts_list ();
  for (guint i = 0; i < self->draft_rows->len; i++)
    adw_preferences_group_remove (self->drafts_group, g_ptr_array_index (self->draft_rows, i));
  g_ptr_array_set_size (self->draft_rows, 0);

  for (guint i = 0; i < drafts->len; i++)
    {
      CoproDraftInfo *info = g_ptr_array_index (drafts, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (info->edited);
      g_autofree char *when = g_date_time_format (local, "%d/%m/%Y %H:%M");
      g_autofree char *subtitle = NULL;
      g_autofree char *restore_name = NULL;
      g_autofree char *discard_name = NULL;
      const char *title = copro_project_title_or_untitled (info->title);
      GtkWidget *row, *restore, *discard;

      if (draft_is_open_elsewhere (self, info->id))
        continue;
      if (info->original != NULL)
        {
          g_autofree char *name = dup_file_display_name (info->original);
          /* TRANSLATORS: the file's name, then when it was last edited (day/month/year hour:minute) */
          subtitle = g_strdup_printf (_("%s, last edited %s"), name, when);
        }
      else
        /* TRANSLATORS: %s is when the project was last edited (day/month/year hour:minute) */
        subtitle = g_strdup_printf (_("Never saved, last edited %s"), when);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      restore = gtk_button_new_with_label (_("Restore"));
      discard = gtk_button_new_with_label (_("Discard"));
      /* TRANSLATORS: accessible names of the buttons; %s is the project's title
       * as the row shows it (or "Untitled project") */
      restore_name = g_strdup_printf (_("Restore “%s”"), title);
      discard_name = g_strdup_printf (_("Discard the unsaved work in “%s”"), title);
      /* GTK 4.18 names a button after the label inside it (labelled-by),
       * which wins over an accessible label: say which project instead. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_PROPERTY_LABEL, restore_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL, discard_name, -1);
      gtk_widget_add_css_class (restore, "suggested-action");
      gtk_widget_add_css_class (discard, "destructive-action");
      gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "s", info->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "win.restore-draft");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (discard), "s", info->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "win.discard-draft");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
      adw_preferences_group_add (self->drafts_group, row);
      g_ptr_array_add (self->draft_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->drafts_group), self->draft_rows->len > 0);
}

/* Public API */

CoproWindow *
copro_window_new (CoproApplication *application)
{
  g_return_val_if_fail (COPRO_IS_APPLICATION (application), NULL);

  return g_object_new (COPRO_TYPE_WINDOW, "application", application, NULL);
}

CoproDocument *
copro_window_get_document (CoproWindow *self)
{
  g_return_val_if_fail (COPRO_IS_WINDOW (self), NULL);

  return self->document;
}

void
copro_window_set_document (CoproWindow   *self,
                           CoproDocument *document)
{
  g_return_if_fail (COPRO_IS_WINDOW (self));
  g_return_if_fail (document == NULL || COPRO_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  /* A read-only project's panels are built read-only: the focus, which the
   * stack moves into the project, never lands in a field about to be made
   * insensitive (GTK then warns that the field lost the focus unseen). */
  copro_project_view_set_editable (self->project_view,
                                   document == NULL || copro_document_get_read_only_reason (document) == NULL);
  copro_project_view_set_document (self->project_view, document);
  update_sidebar_button (self);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->lock, copro_lock_release);
  /* A question about another file in use, not answered yet, is moot now. */
  if (document != NULL && self->lock_dialog != NULL)
    adw_dialog_force_close (self->lock_dialog);
  if (document != NULL)
    self->draft = copro_draft_new (document, self->restore_draft_id);
  g_clear_pointer (&self->restore_draft_id, g_free);

  if (document != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "project");
    }
  else if (self->start_page == NULL)
    {
      show_start_page (self);  /* which lists the drafts */
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "start");
      populate_drafts (self);
    }

  update_title (self);
  update_read_only (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
copro_window_load_file (CoproWindow *self,
                        GFile       *file)
{
  g_return_if_fail (COPRO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  load (self, file, FALSE);
}

gboolean
copro_window_is_empty (CoproWindow *self)
{
  g_return_val_if_fail (COPRO_IS_WINDOW (self), FALSE);

  return self->document == NULL && self->n_loading == 0;
}

void
copro_window_choose_file (CoproWindow *self)
{
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (COPRO_IS_WINDOW (self));

  /* One question at a time. */
  if (self->file_dialog != NULL)
    return;

  self->file_dialog = project_file_dialog_new (_("Open Project"), _("_Open"));
  folder = dup_last_folder (self);
  gtk_file_dialog_set_initial_folder (self->file_dialog, folder);
  gtk_file_dialog_open (self->file_dialog, GTK_WINDOW (self), self->cancellable,
                        on_open_dialog_done_cb, g_object_ref (self));
}
