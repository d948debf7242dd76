/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The export's own dialogue. GtkFileDialog has no "choices" (the check box
 * GtkFileChooserNative could add), so whether personal details go into the
 * workbook is asked here, before the file: a switch, off unless turned on.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-export-dialog.h"
#include "copro-export-flow.h"

struct _CoproExportDialog
{
  AdwDialog        parent_instance;

  CoproDocument   *document;
  AdwToastOverlay *toasts;
  gboolean         include_personal_data;
  gboolean         choosing;   /* the file dialogue is open */
};

G_DEFINE_FINAL_TYPE (CoproExportDialog, copro_export_dialog, ADW_TYPE_DIALOG)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_TOASTS,
  PROP_INCLUDE_PERSONAL_DATA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The file, with ".xlsx" added when the name has no such ending. */
static GFile *
with_xlsx_suffix (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *with_suffix = NULL;
  g_autoptr(GFile) folder = NULL;

  if (basename == NULL || g_str_has_suffix (basename, ".xlsx"))
    return g_object_ref (file);
  with_suffix = g_strconcat (basename, ".xlsx", NULL);
  folder = g_file_get_parent (file);
  return g_file_get_child (folder, with_suffix);
}

static void
on_file_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CoproExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) chosen = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  g_autoptr(GFile) file = NULL;
  GtkRoot *root;

  /* We hold no reference to the file dialogue (see choose_file_activated):
   * nothing of it outlives its answer. */
  self->choosing = FALSE;
  if (chosen == NULL)
    return;   /* Cancelled: this dialogue is still there, to choose again or close */

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!GTK_IS_WINDOW (root) || self->document == NULL)
    return;
  file = with_xlsx_suffix (chosen);
  copro_export_flow_start (GTK_WINDOW (root), self->document, self->toasts, file,
                           self->include_personal_data);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
choose_file_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CoproExportDialog *self = COPRO_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileDialog) file_dialog = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *title = NULL;
  g_autofree char *suggested = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  /* One file dialogue at a time. (Not by disabling the action: the button
   * would lose the focus, and it would not come back when the file
   * dialogue closes.) */
  if (self->choosing)
    return;
  self->choosing = TRUE;

  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  g_list_store_append (filters, filter);

  title = copro_document_dup_display_title (self->document);
  /* TRANSLATORS: the suggested file name; %s is the project's title */
  suggested = g_strdup_printf (_("%s — sign-off.xlsx"), title);
  g_strdelimit (suggested, "/\\", '-');

  file_dialog = g_object_new (GTK_TYPE_FILE_DIALOG,
                              "title", _("Save Workbook"),
                              "accept-label", _("_Export"),
                              "modal", TRUE,
                              "filters", filters,
                              "default-filter", filter,
                              "initial-name", suggested,
                              NULL);
  if (copro_document_get_file (self->document) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (copro_document_get_file (self->document));

      gtk_file_dialog_set_initial_folder (file_dialog, folder);
    }

  /* The file dialogue keeps itself alive until it answers; holding no
   * reference of our own lets it go as soon as it has. GTK 4.18 can answer a
   * screen reader's count of windows with a hidden chooser kept alive, and
   * crash (gtk/a11y/gtkatspiroot.c, GetChildAtIndex). */
  gtk_file_dialog_save (file_dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                        on_file_chosen_cb, g_object_ref (self));
}

/* GObject */

static void
copro_export_dialog_dispose (GObject *object)
{
  CoproExportDialog *self = COPRO_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->toasts);

  G_OBJECT_CLASS (copro_export_dialog_parent_class)->dispose (object);
}

static void
copro_export_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CoproExportDialog *self = COPRO_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_TOASTS:
      g_value_set_object (value, self->toasts);
      break;
    case PROP_INCLUDE_PERSONAL_DATA:
      g_value_set_boolean (value, self->include_personal_data);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_export_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CoproExportDialog *self = COPRO_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_TOASTS:
      self->toasts = g_value_dup_object (value);
      break;
    case PROP_INCLUDE_PERSONAL_DATA:
      copro_export_dialog_set_include_personal_data (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_export_dialog_class_init (CoproExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_export_dialog_dispose;
  object_class->get_property = copro_export_dialog_get_property;
  object_class->set_property = copro_export_dialog_set_property;

  /* The project to export. */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COPRO_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Where the result is announced; NULL for a dialogue. */
  properties[PROP_TOASTS] =
    g_param_spec_object ("toasts", NULL, NULL, ADW_TYPE_TOAST_OVERLAY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Email addresses and phone numbers go into the workbook. */
  properties[PROP_INCLUDE_PERSONAL_DATA] =
    g_param_spec_boolean ("include-personal-data", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-export-dialog.ui");
  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_activated);
}

static void
copro_export_dialog_init (CoproExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

AdwDialog *
copro_export_dialog_new (CoproDocument   *document,
                         AdwToastOverlay *toasts)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts), NULL);

  return g_object_new (COPRO_TYPE_EXPORT_DIALOG,
                       "document", document,
                       "toasts", toasts,
                       NULL);
}

gboolean
copro_export_dialog_get_include_personal_data (CoproExportDialog *self)
{
  g_return_val_if_fail (COPRO_IS_EXPORT_DIALOG (self), FALSE);

  return self->include_personal_data;
}

void
copro_export_dialog_set_include_personal_data (CoproExportDialog *self,
                                               gboolean           include_personal_data)
{
  g_return_if_fail (COPRO_IS_EXPORT_DIALOG (self));

  include_personal_data = !!include_personal_data;
  if (self->include_personal_data == include_personal_data)
    return;
  self->include_personal_data = include_personal_data;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_PERSONAL_DATA]);
}
