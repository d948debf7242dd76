/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Printing and saving the documents as PDF (issue 15). The pages come from
 * src/core/copro-pdf.c, laid out once in points on A4: the print operation
 * asks the core to draw each page on the printer's cairo context, and "Save
 * as PDF" has the core write the same pages to a tagged PDF. GtkFileDialog
 * has no "choices", so which document and whether it holds personal details
 * are asked here first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-print-dialog.h"

struct _CoproPrintDialog
{
  AdwDialog      parent_instance;

  CoproDocument *document;
  guint          kind;
  gboolean       include_personal_data;
  gboolean       choosing;   /* the file dialogue is open */

  GtkWidget     *print_button;
  GtkWidget     *save_button;
};

G_DEFINE_FINAL_TYPE (CoproPrintDialog, copro_print_dialog, ADW_TYPE_DIALOG)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_KIND,
  PROP_INCLUDE_PERSONAL_DATA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (GtkWidget  *parent,
            const char *heading,
            const char *message)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, parent);
}

/* Printing */

typedef struct
{
  CoproDocument  *document;
  CoproPdfKind    kind;
  gboolean        include_personal_data;
  CoproPdfLayout *layout;
  GtkWindow      *parent;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_pointer (&job->layout, copro_pdf_layout_free);
  g_clear_object (&job->document);
  g_clear_object (&job->parent);
  g_free (job);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   gpointer           user_data)
{
  PrintJob *job = user_data;
  CoproPdfOptions options = { .include_personal_data = job->include_personal_data };

  g_clear_pointer (&job->layout, copro_pdf_layout_free);
  job->layout = copro_pdf_layout_new (job->document, job->kind, &options);
  gtk_print_operation_set_n_pages (operation, (int) copro_pdf_layout_get_n_pages (job->layout));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 gpointer           user_data)
{
  PrintJob *job = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = MIN (gtk_print_context_get_width (context) / COPRO_PDF_PAGE_WIDTH,
                      gtk_print_context_get_height (context) / COPRO_PDF_PAGE_HEIGHT);

  /* The pages are A4 in points; on other paper they shrink to fit. */
  cairo_save (cr);
  if (scale < 1)
    cairo_scale (cr, scale, scale);
  copro_pdf_layout_draw_page (job->layout, cr, (guint) page);
  cairo_restore (cr);
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            gpointer                 user_data)
{
  PrintJob *job = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (GTK_WIDGET (job->parent), _("Could Not Print"),
                  error != NULL ? error->message : _("The printing system gave no reason."));
    }
  g_clear_pointer (&job->layout, copro_pdf_layout_free);
}

void
copro_print_run (GtkWindow     *parent,
                 CoproDocument *document,
                 CoproPdfKind   kind,
                 gboolean       include_personal_data)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = copro_document_dup_display_title (document);
  /* TRANSLATORS: the print job's name: the document, then the project, e.g. "Plan for sign-off — Short breaks" */
  g_autofree char *job_name = g_strdup_printf (_("%s — %s"), copro_pdf_kind_get_name (kind), title);
  PrintJob *job = g_new0 (PrintJob, 1);
  GtkPrintOperationResult result;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (COPRO_IS_DOCUMENT (document));

  job->document = g_object_ref (document);
  job->kind = kind;
  job->include_personal_data = include_personal_data;
  job->parent = g_object_ref (parent);
  g_object_set_data_full (G_OBJECT (operation), "copro-print-job", job, print_job_free);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), job);

  /* The dialogue (GTK's own, or the print portal's in the Flatpak) offers a
   * preview, drawn by the same draw-page handler. */
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (GTK_WIDGET (parent), _("Could Not Print"), error->message);
}

/* Saving as PDF */

/* The file, with ".pdf" added when the name has no such ending. */
static GFile *
with_pdf_suffix (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *with_suffix = NULL;
  g_autoptr(GFile) folder = NULL;

  if (basename == NULL || g_str_has_suffix (basename, ".pdf") || g_str_has_suffix (basename, ".PDF"))
    return g_object_ref (file);
  with_suffix = g_strconcat (basename, ".pdf", NULL);
  folder = g_file_get_parent (file);
  return g_file_get_child (folder, with_suffix);
}

static void
on_launched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_warning ("The PDF could not be opened: %s", error->message);
}

static void
on_saved_response_cb (AdwAlertDialog *dialog,
                      const char     *response,
                      gpointer        user_data)
{
  GFile *file = user_data;

  if (g_str_equal (response, "open"))
    {
      g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (dialog));

      gtk_file_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                                on_launched_cb, NULL);
    }
}

static void
save_pdf (CoproPrintDialog *self,
          GtkWindow        *parent,
          GFile            *file)
{
  CoproPdfOptions options = { .include_personal_data = self->include_personal_data };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  AdwDialog *dialog;
  const char *path = g_file_peek_path (file);

  if (path == NULL)
    {
      show_error (GTK_WIDGET (parent), _("Could Not Save"),
                  _("Documents can only be saved to folders on this computer or its network drives."));
      return;
    }
  if (!copro_pdf_write (self->document, (CoproPdfKind) self->kind, path, &options, &error))
    {
      show_error (GTK_WIDGET (parent), _("Could Not Save"), error->message);
      return;
    }
  dialog = adw_alert_dialog_new (_("PDF Saved"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                self->include_personal_data
                                ? _("“%s” is saved. It holds personal details: store and share it as personal data.")
                                : _("“%s” is saved, without personal details."),
                                name);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "close", _("_Close"), "open", _("_Open"), NULL);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "open");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_saved_response_cb),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_dialog_present (dialog, GTK_WIDGET (parent));
}

static void
on_file_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CoproPrintDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) chosen = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  g_autoptr(GFile) file = NULL;
  GtkRoot *root;

  self->choosing = FALSE;
  if (chosen == NULL)
    return;   /* Cancelled: this dialogue is still there */

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!GTK_IS_WINDOW (root) || self->document == NULL)
    return;
  file = with_pdf_suffix (chosen);
  g_object_ref (root);
  adw_dialog_force_close (ADW_DIALOG (self));
  save_pdf (self, GTK_WINDOW (root), file);
  g_object_unref (root);
}

static void
save_pdf_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CoproPrintDialog *self = COPRO_PRINT_DIALOG (widget);
  g_autoptr(GtkFileDialog) file_dialog = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *title = NULL;
  g_autofree char *suggested = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->choosing)
    return;
  self->choosing = TRUE;

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  g_list_store_append (filters, filter);

  title = copro_document_dup_display_title (self->document);
  /* TRANSLATORS: the suggested file name: the project's title, then the document's name */
  suggested = g_strdup_printf (_("%s — %s.pdf"), title, copro_pdf_kind_get_name ((CoproPdfKind) self->kind));
  g_strdelimit (suggested, "/\\", '-');

  file_dialog = g_object_new (GTK_TYPE_FILE_DIALOG,
                              "title", _("Save as PDF"),
                              "accept-label", _("_Save"),
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
  /* No reference of our own to the file dialogue: see copro-export-dialog.c. */
  gtk_file_dialog_save (file_dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                        on_file_chosen_cb, g_object_ref (self));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CoproPrintDialog *self = COPRO_PRINT_DIALOG (widget);
  g_autoptr(CoproDocument) document = g_object_ref (self->document);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkWindow) parent = NULL;

  if (!GTK_IS_WINDOW (root))
    return;
  parent = g_object_ref (GTK_WINDOW (root));
  adw_dialog_force_close (ADW_DIALOG (self));
  copro_print_run (parent, document, (CoproPdfKind) self->kind, self->include_personal_data);
}

/* GObject */

static void
copro_print_dialog_dispose (GObject *object)
{
  CoproPrintDialog *self = COPRO_PRINT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_PRINT_DIALOG);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (copro_print_dialog_parent_class)->dispose (object);
}

static void
copro_print_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CoproPrintDialog *self = COPRO_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_INCLUDE_PERSONAL_DATA:
      g_value_set_boolean (value, self->include_personal_data);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_print_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CoproPrintDialog *self = COPRO_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_KIND:
      if (self->kind != g_value_get_uint (value))
        {
          self->kind = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_INCLUDE_PERSONAL_DATA:
      if (self->include_personal_data != g_value_get_boolean (value))
        {
          self->include_personal_data = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_print_dialog_class_init (CoproPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_print_dialog_dispose;
  object_class->get_property = copro_print_dialog_get_property;
  object_class->set_property = copro_print_dialog_set_property;

  /* The project to print. */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COPRO_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Which document: a CoproPdfKind, in the order of the combo row. */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, COPRO_PDF_N_KINDS - 1, COPRO_PDF_PLAN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Email addresses, phone numbers and members' names go into the document. */
  properties[PROP_INCLUDE_PERSONAL_DATA] =
    g_param_spec_boolean ("include-personal-data", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproPrintDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, CoproPrintDialog, save_button);
  gtk_widget_class_install_action (widget_class, "print.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "print.save-pdf", NULL, save_pdf_activated);
}

static void
copro_print_dialog_init (CoproPrintDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

AdwDialog *
copro_print_dialog_new (CoproDocument *document,
                        gboolean       save_pdf)
{
  CoproPrintDialog *self;
  GtkWidget *button;

  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), NULL);

  self = g_object_new (COPRO_TYPE_PRINT_DIALOG, "document", document, NULL);
  button = save_pdf ? self->save_button : self->print_button;
  gtk_widget_add_css_class (button, "suggested-action");
  adw_dialog_set_default_widget (ADW_DIALOG (self), button);
  adw_dialog_set_focus (ADW_DIALOG (self), button);
  if (save_pdf)
    adw_dialog_set_title (ADW_DIALOG (self), _("Save as PDF"));
  return ADW_DIALOG (self);
}
