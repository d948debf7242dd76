/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-export.h"
#include "copro-export-flow.h"

#include "copro-export-dialog.h"

typedef struct
{
  GtkWindow            *parent;
  CoproDocument        *document;
  AdwToastOverlay      *toasts;
  AdwDialog            *progress_dialog;   /* weak */
  GtkProgressBar       *progress;
  GCancellable         *cancellable;
  GFile                *file;
} ExportFlow;

static void
export_flow_free (ExportFlow *flow)
{
  if (flow->progress_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (flow->progress_dialog), (gpointer *) &flow->progress_dialog);
  g_clear_object (&flow->parent);
  g_clear_object (&flow->document);
  g_clear_object (&flow->toasts);
  g_clear_object (&flow->cancellable);
  g_clear_object (&flow->file);
  g_free (flow);
}

static void
show_error (ExportFlow *flow,
            const char *message)
{
  AdwDialog *dialog = adw_alert_dialog_new (_("Could Not Export"), message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (flow->parent));
}

/* Opening the workbook, or its folder, once written */

static void
report_not_opened (GtkWindow *parent,
                   GFile     *file,
                   GError    *error)
{
  g_autofree char *name = g_file_get_basename (file);
  AdwDialog *dialog;

  if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    return;
  dialog = adw_alert_dialog_new (_("Could Not Open"), NULL);
  /* TRANSLATORS: %s is the workbook's file name */
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                _("No application on this computer could open “%s”."), name);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (parent));
}

static void
on_launched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  GtkFileLauncher *launcher = GTK_FILE_LAUNCHER (source);
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (launcher, result, &error))
    report_not_opened (parent, gtk_file_launcher_get_file (launcher), error);
}

static void
on_folder_opened_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  GtkFileLauncher *launcher = GTK_FILE_LAUNCHER (source);
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_open_containing_folder_finish (launcher, result, &error))
    report_not_opened (parent, gtk_file_launcher_get_file (launcher), error);
}

static void
open_workbook (GtkWindow *parent,
               GFile     *file,
               gboolean   folder)
{
  /* The launch holds the launcher until it answers. */
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  if (folder)
    gtk_file_launcher_open_containing_folder (launcher, parent, NULL, on_folder_opened_cb,
                                              parent != NULL ? g_object_ref (parent) : NULL);
  else
    gtk_file_launcher_launch (launcher, parent, NULL, on_launched_cb,
                              parent != NULL ? g_object_ref (parent) : NULL);
}

/* export.open-workbook and export.show-workbook (a file's URI): what the
 * toast's button does. The actions live on the window, which outlives the
 * toast; the window is what the launcher is asked from. */
static void
workbook_action_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  GtkWindow *parent = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_workbook (parent, file, g_str_equal (g_action_get_name (G_ACTION (action)), "show-workbook"));
}

static void
add_workbook_actions (GtkWindow *parent)
{
  static const GActionEntry entries[] = {
    { .name = "open-workbook", .activate = workbook_action_activated, .parameter_type = "s" },
    { .name = "show-workbook", .activate = workbook_action_activated, .parameter_type = "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), parent);
  gtk_widget_insert_action_group (GTK_WIDGET (parent), "export", G_ACTION_GROUP (group));
}

static void
on_done_dialog_response_cb (AdwAlertDialog *dialog,
                            const char     *response,
                            GFile          *file)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (dialog));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (g_str_equal (response, "open"))
    open_workbook (parent, file, FALSE);
  else if (g_str_equal (response, "folder"))
    open_workbook (parent, file, TRUE);
}

static void
announce_done (ExportFlow *flow)
{
  g_autofree char *name = g_file_get_basename (flow->file);
  /* TRANSLATORS: %s is the workbook's file name */
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

  if (flow->toasts != NULL)
    {
      g_autofree char *uri = g_file_get_uri (flow->file);
      AdwToast *toast = adw_toast_new (message);

      add_workbook_actions (flow->parent);
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_timeout (toast, 10);
      adw_toast_set_action_name (toast, "export.open-workbook");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      adw_toast_overlay_add_toast (flow->toasts, toast);
    }
  else
    {
      AdwDialog *dialog = adw_alert_dialog_new (_("Workbook Exported"), message);

      adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                      "close", _("_Close"),
                                      "folder", _("_Show in Folder"),
                                      "open", _("_Open"),
                                      NULL);
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_done_dialog_response_cb),
                             g_object_ref (flow->file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      adw_dialog_present (dialog, GTK_WIDGET (flow->parent));
    }
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  ExportFlow *flow = user_data;

  if (flow->progress != NULL)
    gtk_progress_bar_set_fraction (flow->progress, CLAMP (fraction, 0.0, 1.0));
}

static void
on_progress_response_cb (AdwAlertDialog *dialog,
                         const char     *response,
                         ExportFlow     *flow)
{
  /* The only response is Cancel; the export ends and says nothing more. */
  g_cancellable_cancel (flow->cancellable);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportFlow *flow = user_data;
  g_autoptr(GError) error = NULL;
  gboolean written = copro_export_xlsx_finish (result, &error);

  /* Closing the progress is no Cancel: it must not reach the cancellable. */
  if (flow->progress_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_func (flow->progress_dialog, on_progress_response_cb, flow);
      adw_dialog_force_close (flow->progress_dialog);
    }
  flow->progress = NULL;

  if (!written)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (flow, error->message);
    }
  else
    announce_done (flow);
  export_flow_free (flow);
}


static ExportFlow *
export_flow_new (GtkWindow       *parent,
                 CoproDocument   *document,
                 AdwToastOverlay *toasts)
{
  ExportFlow *flow = g_new0 (ExportFlow, 1);

  flow->parent = g_object_ref (parent);
  flow->document = g_object_ref (document);
  flow->toasts = toasts != NULL ? g_object_ref (toasts) : NULL;
  return flow;
}

static void
start_export (ExportFlow *flow,
              gboolean    include_personal_data)
{
  g_autofree char *name = g_file_get_basename (flow->file);
  g_autofree char *path = g_file_get_path (flow->file);
  GtkWidget *bar;

  if (path == NULL)
    {
      show_error (flow, _("Workbooks can only be written to folders on this computer or its network drives."));
      export_flow_free (flow);
      return;
    }

  flow->progress_dialog = adw_alert_dialog_new (_("Exporting Workbook"), NULL);
  /* TRANSLATORS: %s is the workbook's file name */
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (flow->progress_dialog), _("Writing “%s”…"), name);
  bar = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export progress"), -1);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (flow->progress_dialog), bar);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (flow->progress_dialog), "cancel", _("_Cancel"));
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (flow->progress_dialog), "cancel");
  flow->progress = GTK_PROGRESS_BAR (bar);
  g_signal_connect (flow->progress_dialog, "response", G_CALLBACK (on_progress_response_cb), flow);
  g_object_add_weak_pointer (G_OBJECT (flow->progress_dialog), (gpointer *) &flow->progress_dialog);
  adw_dialog_present (flow->progress_dialog, GTK_WIDGET (flow->parent));

  flow->cancellable = g_cancellable_new ();
  copro_export_xlsx_async (copro_document_get_project (flow->document), path, include_personal_data,
                           on_progress_cb, flow, flow->cancellable, on_export_done_cb, flow);
}

void
copro_export_flow_run (GtkWindow       *parent,
                       CoproDocument   *document,
                       AdwToastOverlay *toasts)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (COPRO_IS_DOCUMENT (document));
  g_return_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts));

  adw_dialog_present (copro_export_dialog_new (document, toasts), GTK_WIDGET (parent));
}

void
copro_export_flow_start (GtkWindow       *parent,
                         CoproDocument   *document,
                         AdwToastOverlay *toasts,
                         GFile           *file,
                         gboolean         include_personal_data)
{
  ExportFlow *flow;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (COPRO_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  flow = export_flow_new (parent, document, toasts);
  flow->file = g_object_ref (file);
  start_export (flow, include_personal_data);
}
