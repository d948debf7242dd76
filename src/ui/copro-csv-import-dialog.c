/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Importing partners from a CSV file in the window. The reading and checking
 * is copro_csv_import_new_from_data (), as for the headless importer; this
 * file only shows its findings and applies them as one step of the history.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-csv.h"
#include "copro-csv-import-dialog.h"
#include "copro-document.h"
#include "copro-error.h"
#include "copro-history.h"
#include "copro-model.h"

struct _CoproCsvImportDialog
{
  AdwWindow       parent_instance;

  CoproRecord    *project;
  GFile          *file;
  GCancellable   *cancellable;
  CoproCsvImport *import;
  gboolean        loading;

  GtkWidget      *title;
  GtkWidget      *import_button;
  GtkWidget      *cancel_button;
  GtkWidget      *stack;
  GtkWidget      *error_page;
  GtkWidget      *summary;
  GtkWidget      *columns;
  GtkWidget      *problems_heading;
  GtkWidget      *problems_window;
  GtkStringList  *problems;
};

G_DEFINE_FINAL_TYPE (CoproCsvImportDialog, copro_csv_import_dialog, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reading, off the main thread */

static void
read_csv_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  CoproCsvImport *import;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > COPRO_MAX_FILE_SIZE)
    {
      g_task_return_new_error (task, COPRO_ERROR, COPRO_ERROR_TOO_LARGE, "%s",
                               _("The file is too large to be a list of partners."));
      return;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  import = copro_csv_import_new_from_data (contents, length, &error);
  if (import == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, import, (GDestroyNotify) copro_csv_import_free);
}

/* A file error as one sentence about the file, not about its path. */
static char *
describe_read_error (GFile  *file,
                     GError *error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (error->domain == COPRO_ERROR)
    return g_strdup (error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    /* TRANSLATORS: %s is a file name */
    return g_strdup_printf (_("“%s” no longer exists."), name);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return g_strdup_printf (_("You are not allowed to read “%s”."), name);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return g_strdup_printf (_("“%s” is a folder, not a CSV file."), name);
  /* TRANSLATORS: a file name, then the system's reason */
  return g_strdup_printf (_("“%s” could not be read (%s)."), name, error->message);
}

/* Showing what was found */

static GtkWidget *
heading_new (const char *text)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
show_error (CoproCsvImportDialog *self,
            const char           *message)
{
  adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), message);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->error_page);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  gtk_widget_grab_focus (self->cancel_button);
}

static void
show_preview (CoproCsvImportDialog *self)
{
  CoproCsvImport *import = self->import;
  guint n_rows = import->partners->len, n_problems = import->problems->len;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  if (n_rows > 0)
    g_string_append_printf (summary,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u partner will be imported.",
                                         "%u partners will be imported.",
                                         n_rows),
                            n_rows);
  else
    g_string_append (summary, _("No row of this file can be imported."));
  if (n_problems > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u row cannot be imported and will be left out.",
                                           "%u rows cannot be imported and will be left out.",
                                           n_problems),
                              n_problems);
    }
  gtk_label_set_text (GTK_LABEL (self->summary), summary->str);

  for (guint i = 0; i < import->headers->len; i++)
    {
      const char *header = g_ptr_array_index (import->headers, i);
      const char *key = g_ptr_array_index (import->columns, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (*header == '\0')
        /* TRANSLATORS: a column of a CSV file with an empty header; %u counts from 1 */
        title = g_strdup_printf (_("Column %u (no heading)"), i + 1);
      else
        title = g_markup_escape_text (header, -1);
      if (key != NULL)
        {
          const CoproField *field = copro_record_desc_find_field (&copro_desc_partner, key);
          g_autofree char *escaped = g_markup_escape_text (_(field->label), -1);

          /* TRANSLATORS: %s is the partner field a CSV column fills */
          subtitle = g_strdup_printf (_("Imported as “%s”"), escaped);
        }
      else
        subtitle = g_strdup (_("Not imported: no partner field has this name"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      if (key == NULL)
        gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (self->columns), row);
    }

  /* A string list shown by a list view: thousands of problems cost only the
   * rows on screen. */
  for (guint i = 0; i < n_problems; i++)
    g_ptr_array_add (reasons, ((CoproCsvProblem *) g_ptr_array_index (import->problems, i))->reason);
  g_ptr_array_add (reasons, NULL);
  gtk_string_list_splice (self->problems, 0, 0, (const char * const *) reasons->pdata);
  gtk_widget_set_visible (self->problems_heading, n_problems > 0);
  gtk_widget_set_visible (self->problems_window, n_problems > 0);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "preview");
  gtk_widget_set_sensitive (self->import_button, n_rows > 0);
  if (n_rows > 0)
    gtk_widget_grab_focus (self->import_button);
  else
    gtk_widget_grab_focus (self->cancel_button);
}

static void
on_read_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CoproCsvImportDialog *self = COPRO_CSV_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  CoproCsvImport *import = g_task_propagate_pointer (G_TASK (result), &error);

  self->loading = FALSE;
  if (import == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = describe_read_error (self->file, error);
      show_error (self, message);
      return;
    }
  self->import = import;
  show_preview (self);
}

/* Importing */

static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
announce_imported (GtkWindow *parent,
                   guint      n)
{
  g_autofree char *message =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner imported", "%u partners imported", n), n);
  AdwToastOverlay *overlay = parent != NULL ? find_toast_overlay (GTK_WIDGET (parent)) : NULL;

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (message));
  else
    {
      AdwDialog *dialog = adw_alert_dialog_new (_("Import Complete"), message);

      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      adw_dialog_present (dialog, GTK_WIDGET (parent));
    }
}

static void
on_import_clicked_cb (GtkButton            *button,
                      CoproCsvImportDialog *self)
{
  GtkWindow *parent;
  CoproHistory *history;
  guint n;

  if (self->import == NULL || self->import->partners->len == 0)
    return;

  /* One step of the history: one Ctrl+Z takes the whole import back. */
  history = copro_history_get_for_record (self->project);
  if (history != NULL)
    copro_history_begin_group (history);
  n = copro_csv_import_apply (self->import, self->project);
  if (history != NULL)
    copro_history_end_group (history);
  /* The partners now belong to the project: never add them twice. */
  g_clear_pointer (&self->import, copro_csv_import_free);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    g_object_ref (parent);
  g_signal_emit (self, signals[IMPORTED], 0, n);
  gtk_window_destroy (GTK_WINDOW (self));
  announce_imported (parent, n);
  g_clear_object (&parent);
}

static void
on_cancel_clicked_cb (GtkButton            *button,
                      CoproCsvImportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
setup_problem_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_problem_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkStringObject *reason = gtk_list_item_get_item (item);
  const char *text = gtk_string_object_get_string (reason);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  /* GTK 4.18 names a list item only by its author (the list-item role takes
   * no name from its content): without this a screen reader says "list
   * item" and not the problem. */
  gtk_list_item_set_accessible_label (item, text);
}

/* GObject */

static void
copro_csv_import_dialog_dispose (GObject *object)
{
  CoproCsvImportDialog *self = COPRO_CSV_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->import, copro_csv_import_free);

  G_OBJECT_CLASS (copro_csv_import_dialog_parent_class)->dispose (object);
}

static void
copro_csv_import_dialog_class_init (CoproCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_csv_import_dialog_dispose;

  /**
   * CoproCsvImportDialog::imported:
   * @n_partners: how many partners were added to the project
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
copro_csv_import_dialog_init (CoproCsvImportDialog *self)
{
  GtkWidget *content, *header, *loading, *spinner, *preview, *scrolled, *list_view;
  GtkListItemFactory *factory;

  self->loading = TRUE;
  gtk_window_set_title (GTK_WINDOW (self), _("Import Partners"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 640);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_window_set_content (ADW_WINDOW (self), content);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->title = adw_window_title_new (_("Import Partners"), NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->title);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_name (self->cancel_button, "cancel");
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_set_name (self->import_button, "import");
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  gtk_widget_set_sensitive (self->import_button, FALSE);
  g_signal_connect (self->import_button, "clicked", G_CALLBACK (on_import_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  gtk_box_append (GTK_BOX (content), header);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_box_append (GTK_BOX (content), self->stack);

  /* While reading. */
  loading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_box_append (GTK_BOX (loading), spinner);
  gtk_box_append (GTK_BOX (loading), gtk_label_new (_("Reading the file…")));
  gtk_stack_add_named (GTK_STACK (self->stack), loading, "loading");

  /* A file that cannot be read at all. */
  self->error_page = adw_status_page_new ();
  gtk_widget_set_name (self->error_page, "error");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->error_page), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->error_page), _("This File Cannot Be Imported"));
  gtk_stack_add_named (GTK_STACK (self->stack), self->error_page, "error");

  /* What will be imported, and what cannot be. */
  preview = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (preview, 12);
  gtk_widget_set_margin_bottom (preview, 12);
  gtk_widget_set_margin_start (preview, 12);
  gtk_widget_set_margin_end (preview, 12);

  self->summary = gtk_label_new (NULL);
  gtk_widget_set_name (self->summary, "summary");
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_box_append (GTK_BOX (preview), self->summary);

  gtk_box_append (GTK_BOX (preview), heading_new (_("Columns")));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  self->columns = gtk_list_box_new ();
  gtk_widget_set_name (self->columns, "columns");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->columns), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->columns, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->columns),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Columns"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->columns);
  gtk_box_append (GTK_BOX (preview), scrolled);

  self->problems_heading = heading_new (_("Rows That Cannot Be Imported"));
  gtk_box_append (GTK_BOX (preview), self->problems_heading);
  self->problems = gtk_string_list_new (NULL);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_problem_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_problem_cb), NULL);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->problems)))),
                                 factory);
  gtk_widget_set_name (list_view, "problems");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rows that cannot be imported"), -1);
  gtk_widget_add_css_class (list_view, "card");
  self->problems_window = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->problems_window),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->problems_window, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->problems_window), list_view);
  gtk_box_append (GTK_BOX (preview), self->problems_window);

  gtk_stack_add_named (GTK_STACK (self->stack), preview, "preview");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "loading");
}

/* Public API */

GtkWidget *
copro_csv_import_dialog_new (GtkWindow   *parent,
                             CoproRecord *project,
                             GFile       *file)
{
  CoproCsvImportDialog *self;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (COPRO_IS_RECORD (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (COPRO_TYPE_CSV_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  self->file = g_object_ref (file);
  self->cancellable = g_cancellable_new ();

  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), name);

  task = g_task_new (self, self->cancellable, on_read_done_cb, NULL);
  g_task_set_source_tag (task, copro_csv_import_dialog_new);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_csv_thread);

  return GTK_WIDGET (self);
}

gboolean
copro_csv_import_dialog_is_loading (CoproCsvImportDialog *self)
{
  g_return_val_if_fail (COPRO_IS_CSV_IMPORT_DIALOG (self), FALSE);

  return self->loading;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        CoproRecord     *project)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    gtk_window_present (GTK_WINDOW (copro_csv_import_dialog_new (parent, project, file)));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
copro_csv_import_dialog_run (GtkWindow   *parent,
                             CoproRecord *project)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (COPRO_IS_RECORD (project));

  chooser = gtk_file_chooser_native_new (_("Import Partners from CSV"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  g_signal_connect_data (chooser, "response", G_CALLBACK (on_chooser_response_cb),
                         g_object_ref (project), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
