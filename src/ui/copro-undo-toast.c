/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An "Undo" toast for a change made as one step of the history. */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-panel.h"
#include "copro-undo-toast.h"

typedef struct
{
  GWeakRef           history;
  guint64            serial;
  CoproUndoFallback  fallback;
  gpointer           user_data;
  GDestroyNotify     destroy;
} Undoable;

static void
undoable_free (gpointer data,
               GClosure *closure)
{
  Undoable *undoable = data;

  if (undoable->destroy != NULL)
    undoable->destroy (undoable->user_data);
  g_weak_ref_clear (&undoable->history);
  g_free (undoable);
}

static void
on_undo_activate_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     Undoable      *undoable)
{
  g_autoptr(CoproHistory) history = g_weak_ref_get (&undoable->history);

  /* As Ctrl+Z would, while the change is still the last one... */
  if (history != NULL && undoable->serial != 0 &&
      copro_history_get_undo_serial (history) == undoable->serial)
    copro_history_undo (history);
  /* ...else by other means, if there are any. */
  else if (undoable->fallback != NULL)
    undoable->fallback (undoable->user_data);
  /* Once only. */
  g_simple_action_set_enabled (action, FALSE);
}

/* Where a toast's action is, to take it away with the toast. */
typedef struct
{
  GWeakRef  overlay;
  char     *prefix;
} ActionPlace;

static void
action_place_free (gpointer  data,
                   GClosure *closure)
{
  ActionPlace *place = data;

  g_weak_ref_clear (&place->overlay);
  g_free (place->prefix);
  g_free (place);
}

static void
on_toast_dismissed_cb (AdwToast    *toast,
                       ActionPlace *place)
{
  g_autoptr(GtkWidget) overlay = g_weak_ref_get (&place->overlay);

  /* The action goes with its toast. */
  if (overlay != NULL)
    gtk_widget_insert_action_group (overlay, place->prefix, NULL);
}

AdwToast *
copro_undo_toast_show (GtkWidget         *widget,
                       const char        *message,
                       CoproHistory      *history,
                       CoproUndoFallback  fallback,
                       gpointer           user_data,
                       GDestroyNotify     destroy)
{
  static guint counter;
  GtkWidget *overlay;
  g_autoptr(GSimpleActionGroup) group = NULL;
  g_autoptr(GSimpleAction) action = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *action_name = NULL;
  Undoable *undoable;
  ActionPlace *place;
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (history == NULL || COPRO_IS_HISTORY (history), NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      if (destroy != NULL)
        destroy (user_data);
      return NULL;
    }

  undoable = g_new0 (Undoable, 1);
  g_weak_ref_init (&undoable->history, history);
  undoable->serial = history != NULL ? copro_history_get_undo_serial (history) : 0;
  undoable->fallback = fallback;
  undoable->user_data = user_data;
  undoable->destroy = destroy;

  /* A group of its own per toast: toasts queue, each with its own Undo. */
  prefix = g_strdup_printf ("undo-toast-%u", ++counter);
  action_name = g_strconcat (prefix, ".undo", NULL);
  action = g_simple_action_new ("undo", NULL);
  g_signal_connect_data (action, "activate", G_CALLBACK (on_undo_activate_cb),
                         undoable, undoable_free, 0);
  group = g_simple_action_group_new ();
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (overlay, prefix, G_ACTION_GROUP (group));

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, action_name);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  place = g_new0 (ActionPlace, 1);
  g_weak_ref_init (&place->overlay, overlay);
  place->prefix = g_steal_pointer (&prefix);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb),
                         place, action_place_free, 0);
  copro_show_toast (overlay, g_object_ref (toast));
  g_object_unref (toast);
  return toast;
}
