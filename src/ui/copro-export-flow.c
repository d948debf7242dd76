/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-export.h"
#include "copro-export-flow.h"

#define CHOICE_PERSONAL "personal-details"

typedef struct
{
  GtkWindow            *parent;
  CoproDocument        *document;
  AdwToastOverlay      *toasts;
  GtkFileChooserNative *chooser;
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
  g_clear_object (&flow->chooser);
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

static void
open_workbook (GtkWindow *parent,
               GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

static void
on_toast_open_cb (AdwToast *toast,
                  gpointer  user_data)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "file");
  GtkWindow *parent = g_object_get_data (G_OBJECT (toast), "parent");

  open_workbook (parent, file);
}

static void
on_done_dialog_response_cb (AdwAlertDialog *dialog,
                            const char     *response,
                            GFile          *file)
{
  if (g_str_equal (response, "open"))
    open_workbook (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (dialog))), file);
}

static void
announce_done (ExportFlow *flow)
{
  g_autofree char *name = g_file_get_basename (flow->file);
  /* TRANSLATORS: %s is the workbook's file name */
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

  if (flow->toasts != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_timeout (toast, 10);
      g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (flow->file), g_object_unref);
      g_object_set_data_full (G_OBJECT (toast), "parent", g_object_ref (flow->parent), g_object_unref);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (on_toast_open_cb), NULL);
      adw_toast_overlay_add_toast (flow->toasts, toast);
    }
  else
    {
      AdwDialog *dialog = adw_alert_dialog_new (_("Workbook Exported"), message);

      adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                      "close", _("_Close"), "open", _("_Open"), NULL);
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

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        ExportFlow      *flow)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  const char *personal;
  gboolean include_personal_data;

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL)
    {
      export_flow_free (flow);
      return;
    }

  personal = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), CHOICE_PERSONAL);
  include_personal_data = g_strcmp0 (personal, "true") == 0;
  /* Not kept while the workbook is written: GtkFileChooserNative keeps its
   * dialogue as a hidden window until it is finalized, and GTK 4.18 answers
   * an AT-SPI request for a window index past the visible ones with the last
   * window in its list (gtk/a11y/gtkatspiroot.c, GetChildAtIndex), here that
   * hidden one, which has no object path: a critical, and the end of the
   * application under G_DEBUG=fatal-warnings. A screen reader asks so when
   * it counts the windows just as the chooser closes. */
  g_clear_object (&flow->chooser);

  basename = g_file_get_basename (file);
  if (g_str_has_suffix (basename, ".xlsx"))
    flow->file = g_steal_pointer (&file);
  else
    {
      g_autofree char *with_suffix = g_strconcat (basename, ".xlsx", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      flow->file = g_file_get_child (parent, with_suffix);
    }
  start_export (flow, include_personal_data);
}

void
copro_export_flow_run (GtkWindow       *parent,
                       CoproDocument   *document,
                       AdwToastOverlay *toasts)
{
  g_autofree char *title = NULL;
  g_autofree char *suggested = NULL;
  GtkFileFilter *filter;
  ExportFlow *flow;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (COPRO_IS_DOCUMENT (document));

  flow = export_flow_new (parent, document, toasts);
  flow->chooser = gtk_file_chooser_native_new (_("Export for Sign-Off"), parent,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (flow->chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (flow->chooser), filter);
  g_object_unref (filter);

  /* A boolean choice shows as a check box, in GTK's chooser and the portal's.
   * Personal details are left out unless the officer asks, every time. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (flow->chooser), CHOICE_PERSONAL,
                               _("Include email addresses and phone numbers"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (flow->chooser), CHOICE_PERSONAL, "false");

  title = copro_document_dup_display_title (document);
  /* TRANSLATORS: the suggested file name; %s is the project's title */
  suggested = g_strdup_printf (_("%s — sign-off.xlsx"), title);
  g_strdelimit (suggested, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (flow->chooser), suggested);
  if (copro_document_get_file (document) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (copro_document_get_file (document));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (flow->chooser), folder, NULL);
    }

  g_signal_connect (flow->chooser, "response", G_CALLBACK (on_chooser_response_cb), flow);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (flow->chooser));
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
