/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the GUI test programs share: running the main loop until something
 * holds, finding widgets, and an application registered with a scratch home.
 * Each test program includes it once. */
#pragma once

#include "copro-application.h"

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; meson's timeout ends a hang. */
static inline void
spin_until (Condition condition,
            gpointer  data)
{
  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);
}

/* Runs what is pending without waiting for anything. */
static inline void
spin_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* An items-changed handler that counts the changes in @count. */
static inline void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static inline gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static inline AdwAlertDialog *
find_alert_in (GtkWidget  *root,
               const char *heading)
{
  AdwAlertDialog *found = NULL;

  if (ADW_IS_ALERT_DIALOG (root) &&
      (heading == NULL || g_strcmp0 (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (root)), heading) == 0))
    found = ADW_ALERT_DIALOG (root);
  /* The last one in the tree is the one on top. */
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwAlertDialog *inner = find_alert_in (child, heading);

      if (inner != NULL)
        found = inner;
    }
  return found;
}

/* The alert shown in @parent (in any window when @parent is NULL), whose
 * heading is @heading (any heading when NULL), or NULL. */
static inline AdwAlertDialog *
find_alert (GtkWindow  *parent,
            const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      AdwAlertDialog *found;

      if (parent != NULL && window != parent)
        continue;
      found = find_alert_in (GTK_WIDGET (window), heading);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline gboolean
has_alert (gpointer window)
{
  return find_alert (window, NULL) != NULL;
}

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

/* The first widget of @type in @root's tree, @root included, that @match
 * takes (any, when @match is NULL), or NULL. */
static inline GtkWidget *
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

static inline gboolean
button_has_label (GtkWidget     *widget,
                  gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static inline GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  return find_widget (root, GTK_TYPE_BUTTON, button_has_label, label);
}

static inline gboolean
label_has_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The label in @root's tree that shows @text, or NULL. */
static inline GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return find_widget (root, GTK_TYPE_LABEL, label_has_text, text);
}

/* Answers @dialog as a person would: clicks the button of @response. */
static inline void
alert_respond (AdwAlertDialog *dialog,
               const char     *response)
{
  const char *label = adw_alert_dialog_get_response_label (dialog, response);
  GtkWidget *button = find_button_labelled (GTK_WIDGET (dialog), label);

  gpointer weak = dialog;

  g_assert_nonnull (button);
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (button, "clicked");
  /* Closed and gone, so that the next question found is a new one. */
  spin_until (is_null, &weak);
}

/* Does what pressing @keyval with exactly @modifiers does in @widget: runs
 * its shortcut for it (a class's key bindings are shortcuts). Returns
 * whether the key was used; a key with no shortcut fails the test. */
static inline gboolean
copro_gui_test_press_key (GtkWidget       *widget,
                          guint            keyval,
                          GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_error ("no shortcut for %s", gdk_keyval_name (keyval));
  return FALSE;
}

static inline gboolean
copro_gui_test_count_frame_cb (GtkWidget     *widget,
                               GdkFrameClock *clock,
                               gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Destroys every other toplevel (dialogues first), then @window, and waits
 * until @window is finalised. */
static inline void
copro_gui_test_destroy_all (GtkWindow *window)
{
  gpointer weak = window;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i - 1);

      if (other != window)
        gtk_window_destroy (other);
    }
  /* Its dialogues are inside it: close them, so none answers later. */
  for (AdwAlertDialog *alert; (alert = find_alert (window, NULL)) != NULL;)
    adw_dialog_force_close (ADW_DIALOG (alert));
  /* Two frames first, for a breakpoint that has just changed: libadwaita's
   * AdwBreakpointBin keeps a picture of its old layout until its next frame
   * (1.7.6 src/adw-breakpoint-bin.c:423, released only by the tick at :269)
   * and its dispose (:498-518) forgets it, so a window destroyed in between
   * leaks it (measured: test-partners' narrow then keyboard cases, under
   * LeakSanitizer). Unchanged on libadwaita main (2026-08). */
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      guint frames = 0;
      guint id = gtk_widget_add_tick_callback (GTK_WIDGET (window), copro_gui_test_count_frame_cb,
                                               &frames, NULL);

      while (frames < 2)
        g_main_context_iteration (NULL, TRUE);
      gtk_widget_remove_tick_callback (GTK_WIDGET (window), id);
    }
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);
  spin_until (is_null, &weak);
}

static inline gboolean
copro_gui_test_only_ref (gpointer object)
{
  return G_OBJECT (object)->ref_count == 1;
}

/* Finalises @document once the work it started in the background (a draft
 * being written) has let it go. */
static inline void
copro_gui_test_finalize_document (gpointer document)
{
  spin_until (copro_gui_test_only_ref, document);
  g_assert_finalize_object (document);
}

/* The first widget of @type in @root's tree, @root included, or NULL. */
static inline GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  return find_widget (root, type, NULL, NULL);
}

/* Turns libadwaita's and GTK's animations off for the test program, so
 * that nothing depends on how fast a frame comes (the suite gives the same
 * result every time). It also keeps a libadwaita 1.7.6 leak out of the
 * sanitiser pass: an AdwEntryRow unmapped while its empty-text animation
 * still plays (250 ms after a focus or text change) may have its text's
 * state flags change as it is unmapped (GTK 4.18.6 gtk/gtkwidget.c:7880
 * clears hover and press, and Xvfb's pointer rests on the screen's middle),
 * so adw_animation_play() runs on an unmapped widget, and its skip path
 * (src/adw-animation.c:232) removes the tick callback and unmap handler of
 * the play before without dropping the reference that play took (:248):
 * the animation and its target outlive the row. test-panels failed in CI on it once. With animations off, play()
 * skips at once and takes no reference. */
static inline void
copro_gui_test_no_animations (void)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* Points HOME and the XDG folders at a new scratch folder (recent files,
 * drafts and the like go there, not to the user's), initialises the tests
 * and GTK, and returns a registered application; NULL when there is no
 * display, and then the caller skips (exit status 77). */
static inline CoproApplication *
copro_gui_test_init (int        *argc,
                     char     ***argv,
                     const char *name,
                     char      **scratch_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("copro-%s-XXXXXX", name);
  CoproApplication *app;

  *scratch_dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  g_setenv ("HOME", *scratch_dir, TRUE);
  g_setenv ("XDG_DATA_HOME", *scratch_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", *scratch_dir, TRUE);

  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the %s tests\n", name);
      return NULL;
    }
  copro_gui_test_no_animations ();

  app = copro_application_new ();
  /* Several test programs may run at once: do not ask to be the only one. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

/* Removes @file, and everything in it when it is a folder. */
static inline void
copro_gui_test_remove (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        copro_gui_test_remove (child);
    }
  g_file_delete (file, NULL, NULL);
}

/* Removes the scratch folder of copro_gui_test_init() and what is in it. */
static inline void
copro_gui_test_remove_scratch (const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  copro_gui_test_remove (folder);
}
