/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-application.h"
#include "copro-document.h"
#include "copro-window.h"

/* A file named on the command line, loaded while GTK starts up. */
typedef struct
{
  GFile         *file;
  gboolean       done;       /* on_preloaded_cb () has run */
  gboolean       abandoned;
  gboolean       taken;      /* by copro_application_take_loaded () */
  GMutex         lock;
  gboolean       finished;   /* under lock: the loading thread has set these two */
  CoproDocument *document;
  GError        *error;
  GTask         *waiting;
} Preload;

struct _CoproApplication
{
  AdwApplication parent_instance;

  GStrv          preload_paths;
  GPtrArray     *preloads;
};

G_DEFINE_FINAL_TYPE (CoproApplication, copro_application, ADW_TYPE_APPLICATION)

static void
preload_free (Preload *preload)
{
  g_mutex_clear (&preload->lock);
  g_clear_object (&preload->file);
  g_clear_object (&preload->document);
  g_clear_error (&preload->error);
  g_clear_object (&preload->waiting);
  g_free (preload);
}

static void
preload_return (Preload *preload,
                GTask   *task)
{
  if (preload->document != NULL)
    g_task_return_pointer (task, g_steal_pointer (&preload->document), g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&preload->error));
}

/* In a thread of its own. */
static void
preload_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Preload *preload = task_data;
  GError *error = NULL;
  CoproDocument *document = copro_document_new_from_file (preload->file, NULL, &error);

  g_mutex_lock (&preload->lock);
  preload->document = document;
  preload->error = error;
  preload->finished = TRUE;
  g_mutex_unlock (&preload->lock);
  g_task_return_boolean (task, TRUE);
}

static void
on_preloaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Preload *preload = user_data;

  preload->done = TRUE;
  if (preload->taken)
    {
      preload_free (preload);
    }
  else if (preload->waiting != NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&preload->waiting);

      preload_return (preload, task);
      preload_free (preload);
    }
  else if (preload->abandoned)
    {
      preload_free (preload);
    }
}

/* Lets go of the loads nobody took: freed now, or when they finish. */
static void
drop_preloads (CoproApplication *self)
{
  while (self->preloads->len > 0)
    {
      Preload *preload = g_ptr_array_steal_index (self->preloads, self->preloads->len - 1);

      if (preload->done)
        preload_free (preload);
      else
        preload->abandoned = TRUE;
    }
}

/* The files named on the command line start loading as soon as this
 * instance knows it is the one that will show them (start-up), so that a
 * big project is read while GTK and libadwaita start (bench/benchmark.py). */
static void
start_preloads (CoproApplication *self)
{
  for (guint i = 0; self->preload_paths != NULL && self->preload_paths[i] != NULL; i++)
    {
      Preload *preload = g_new0 (Preload, 1);
      g_autoptr(GTask) task = NULL;

      g_mutex_init (&preload->lock);
      preload->file = g_file_new_for_commandline_arg (self->preload_paths[i]);
      g_ptr_array_add (self->preloads, preload);
      task = g_task_new (NULL, NULL, on_preloaded_cb, preload);
      g_task_set_source_tag (task, start_preloads);
      g_task_set_task_data (task, preload, NULL);
      g_task_run_in_thread (task, preload_thread);
    }
  g_clear_pointer (&self->preload_paths, g_strfreev);
}

static CoproWindow *
get_active_window (CoproApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (COPRO_IS_WINDOW (window))
    return COPRO_WINDOW (window);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (COPRO_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  CoproApplication *self = user_data;
  CoproWindow *window = get_active_window (self);
  g_autoptr(CoproDocument) document = copro_document_new ();

  if (window == NULL || !copro_window_is_empty (window))
    window = copro_window_new (self);
  copro_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CoproApplication *self = user_data;
  CoproWindow *window = get_active_window (self);

  if (window == NULL)
    {
      window = copro_window_new (self);
      gtk_window_present (GTK_WINDOW (window));
    }
  copro_window_choose_file (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CoproApplication *self = user_data;
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closing asks about unsaved changes window by window; the application
   * ends when the last window has gone. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (COPRO_IS_WINDOW (l->data))
      g_ptr_array_add (windows, g_object_ref (l->data));
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
  if (windows->len == 0)
    g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CoproApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Coproduce team", NULL };
  AdwDialog *about;

  /* Name, icon, developer, links, licence and the release notes come
   * from the metainfo, compiled into the resources (src/ui/meson.build). */
  about = adw_about_dialog_new_from_appdata ("/io/github/coproduce/Coproduce/" APP_ID ".metainfo.xml",
                                             PACKAGE_VERSION);
  adw_about_dialog_set_version (ADW_ABOUT_DIALOG (about), PACKAGE_VERSION);
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (about), developers);
  adw_about_dialog_set_copyright (ADW_ABOUT_DIALOG (about), "© The Coproduce team");
  /* libadwaita 1.7 takes no description from the metainfo. */
  adw_about_dialog_set_comments (ADW_ABOUT_DIALOG (about),
                                 _("Plan and run co-production projects with the people who use a service, "
                                   "and export the plan for sign-off."));
  /* TRANSLATORS: your name and email, one translator a line */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (about), _("translator-credits"));
  adw_dialog_present (about, parent != NULL ? GTK_WIDGET (parent) : NULL);
}

/* Start-up benchmark (bench/benchmark.py). With COPRO_BENCH_FIRST_FRAME set,
 * the application prints "first-frame N" on standard output, N being
 * CLOCK_MONOTONIC in microseconds (g_get_monotonic_time()), when the first
 * frame showing the project is drawn — or, with no file to open, the first
 * frame of the window — and quits. The script records the same clock just
 * before it starts the process. */
static gboolean bench_wait_for_document;

static gboolean
bench_destroy_window_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_bench_after_paint_cb (GdkFrameClock *clock,
                         CoproWindow   *window)
{
  if (bench_wait_for_document && copro_window_get_document (window) == NULL)
    return;
  g_signal_handlers_disconnect_by_func (clock, on_bench_after_paint_cb, window);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  /* Destroying the window releases the project's lock; not from inside the
   * frame clock's own signal. */
  g_idle_add_full (G_PRIORITY_DEFAULT, bench_destroy_window_cb, g_object_ref (window), g_object_unref);
}

static void
on_bench_window_realize_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_bench_after_paint_cb), window, 0);
}

static void
on_bench_window_added_cb (GtkApplication *application,
                          GtkWindow      *window)
{
  if (COPRO_IS_WINDOW (window))
    g_signal_connect (window, "realize", G_CALLBACK (on_bench_window_realize_cb), NULL);
}

static const GActionEntry app_entries[] = {
  { .name = "new", .activate = new_activated },
  { .name = "open", .activate = open_activated },
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
};

static void
copro_application_startup (GApplication *application)
{
  CoproApplication *self = COPRO_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.close", { "<Control>w", NULL } },
    /* The project view's actions (copro-project-view.c); all are listed in
     * copro-shortcuts-window.ui, the keyboard shortcuts window. */
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.next-section", { "<Control>Page_Down", NULL } },
    { "win.previous-section", { "<Control>Page_Up", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    /* The partner search, wherever the focus is while the partners show. */
    { "win.find", { "<Control>f", NULL } },
    { "win.show-section('overview')", { "<Alt>1", NULL } },
    { "win.show-section('outline')", { "<Alt>2", NULL } },
    { "win.show-section('partners')", { "<Alt>3", NULL } },
    { "win.show-section('terms')", { "<Alt>4", NULL } },
    { "win.show-section('review')", { "<Alt>5", NULL } },
    { "win.show-section('risks')", { "<Alt>6", NULL } },
    { "win.show-section('signoff')", { "<Alt>7", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.save-pdf", { "<Shift><Control>e", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.show-section('checks')", { "<Alt>8", NULL } },
  };

  static gsize named = 0;

  start_preloads (self);
  G_APPLICATION_CLASS (copro_application_parent_class)->startup (application);

  /* GLib warns when the name is set twice, as tests creating more than one
   * application would. */
  if (g_once_init_enter (&named))
    {
      g_set_application_name (_("Coproduce"));
      g_once_init_leave (&named, 1);
    }
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  if (g_getenv ("COPRO_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (self, "window-added", G_CALLBACK (on_bench_window_added_cb), NULL);
}

static void
copro_application_activate (GApplication *application)
{
  CoproApplication *self = COPRO_APPLICATION (application);
  CoproWindow *window = get_active_window (self);

  if (window == NULL)
    window = copro_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
}

static void
copro_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  CoproApplication *self = COPRO_APPLICATION (application);

  bench_wait_for_document = n_files > 0;
  for (int i = 0; i < n_files; i++)
    copro_application_open_file (self, files[i], NULL);
  /* Loads begun for files that were not opened after all: no longer wanted. */
  drop_preloads (self);
}

static void
copro_application_finalize (GObject *object)
{
  CoproApplication *self = COPRO_APPLICATION (object);

  drop_preloads (self);
  g_clear_pointer (&self->preloads, g_ptr_array_unref);
  g_clear_pointer (&self->preload_paths, g_strfreev);

  G_OBJECT_CLASS (copro_application_parent_class)->finalize (object);
}

static void
copro_application_class_init (CoproApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = copro_application_finalize;
  application_class->startup = copro_application_startup;
  application_class->activate = copro_application_activate;
  application_class->open = copro_application_open;
}

static void
copro_application_init (CoproApplication *self)
{
  self->preloads = g_ptr_array_new ();
}

CoproApplication *
copro_application_new (void)
{
  return g_object_new (COPRO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/coproduce/Coproduce",
                       NULL);
}

void
copro_application_open_file (CoproApplication *self,
                             GFile            *file,
                             GtkWindow        *preferred)
{
  CoproWindow *target = NULL;

  g_return_if_fail (COPRO_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (preferred == NULL || GTK_IS_WINDOW (preferred));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      CoproDocument *document;
      GFile *shown;

      if (!COPRO_IS_WINDOW (l->data))
        continue;
      document = copro_window_get_document (l->data);
      shown = document != NULL ? copro_document_get_file (document) : NULL;
      if (shown != NULL && g_file_equal (shown, file))
        {
          gtk_window_present (l->data);
          return;
        }
    }

  if (COPRO_IS_WINDOW (preferred) && copro_window_is_empty (COPRO_WINDOW (preferred)))
    target = COPRO_WINDOW (preferred);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self));
       target == NULL && l != NULL;
       l = l->next)
    if (COPRO_IS_WINDOW (l->data) && copro_window_is_empty (l->data))
      target = l->data;
  if (target == NULL)
    target = copro_window_new (self);

  copro_window_load_file (target, file);
  gtk_window_present (GTK_WINDOW (target));
}

int
copro_application_run_with_files (const char * const *files)
{
  g_autoptr(CoproApplication) app = copro_application_new ();
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  /* Loaded from start-up on, if this instance is the one to show them. */
  app->preload_paths = g_strdupv ((char **) files);
  g_ptr_array_add (args, (gpointer) "coproduce");
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) files[i]);
  g_ptr_array_add (args, NULL);
  return g_application_run (G_APPLICATION (app), (int) args->len - 1, (char **) args->pdata);
}

gboolean
copro_application_take_loaded (CoproApplication  *self,
                               GFile             *file,
                               CoproDocument    **document,
                               GError           **error)
{
  g_return_val_if_fail (self == NULL || COPRO_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (document != NULL && *document == NULL, FALSE);

  for (guint i = 0; self != NULL && i < self->preloads->len; i++)
    {
      Preload *preload = g_ptr_array_index (self->preloads, i);
      gboolean finished;

      if (!g_file_equal (preload->file, file))
        continue;
      g_mutex_lock (&preload->lock);
      finished = preload->finished;
      g_mutex_unlock (&preload->lock);
      if (!finished)
        return FALSE;
      g_ptr_array_remove_index (self->preloads, i);
      *document = g_steal_pointer (&preload->document);
      if (*document == NULL)
        g_propagate_error (error, g_steal_pointer (&preload->error));
      /* Freed here, or by on_preloaded_cb () when it comes. */
      if (preload->done)
        preload_free (preload);
      else
        preload->taken = TRUE;
      return TRUE;
    }
  return FALSE;
}

void
copro_application_load_async (CoproApplication    *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (self == NULL || COPRO_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  for (guint i = 0; self != NULL && i < self->preloads->len; i++)
    {
      Preload *preload = g_ptr_array_index (self->preloads, i);
      GTask *task;

      if (!g_file_equal (preload->file, file))
        continue;
      g_ptr_array_remove_index (self->preloads, i);
      task = g_task_new (NULL, cancellable, callback, user_data);
      g_task_set_source_tag (task, copro_application_load_async);
      if (preload->done)
        {
          preload_return (preload, task);
          preload_free (preload);
          g_object_unref (task);
        }
      else
        {
          preload->waiting = task;
        }
      return;
    }
  copro_document_load_async (file, cancellable, callback, user_data);
}
