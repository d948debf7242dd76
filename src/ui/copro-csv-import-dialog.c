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
#include "copro-undo-toast.h"

struct _CoproCsvImportDialog
{
  AdwDialog       parent_instance;

  CoproRecord    *project;
  GFile          *file;
  GCancellable   *cancellable;
  CoproCsvImport *import;
  gboolean        loading;
  /* Contacts for partners' logs rather than partners (issue 14): the
   * partners and activities to match, taken on the main thread. */
  gboolean        contacts;
  CoproContactMatcher *matcher;

  /* Template widgets */
  AdwWindowTitle *title;
  GtkWidget      *import_button;
  GtkWidget      *cancel_button;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkLabel       *summary;
  GtkListBox     *columns;
  GtkWidget      *problems_heading;
  GtkWidget      *problems_window;
  GtkStringList  *problems;
};

G_DEFINE_FINAL_TYPE (CoproCsvImportDialog, copro_csv_import_dialog, ADW_TYPE_DIALOG)

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_LOADING,
  PROP_CONTACTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  CoproCsvImportDialog *self = source_object;
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
  /* The matcher is made before the thread starts and not changed after. */
  if (self->matcher != NULL)
    import = copro_csv_import_contacts_new_from_data (contents, length, self->matcher, &error);
  else
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

static void
set_loading (CoproCsvImportDialog *self,
             gboolean              loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_error (CoproCsvImportDialog *self,
            const char           *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  gtk_widget_grab_focus (self->cancel_button);
}

static void
show_preview (CoproCsvImportDialog *self)
{
  CoproCsvImport *import = self->import;
  guint n_rows = self->contacts ? import->contacts->len : import->partners->len;
  guint n_problems = import->problems->len;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  if (n_rows > 0 && self->contacts)
    g_string_append_printf (summary,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%'u contact will be added to its partner’s log.",
                                         "%'u contacts will be added to their partners’ logs.",
                                         n_rows),
                            n_rows);
  else if (n_rows > 0)
    g_string_append_printf (summary,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%'u partner will be imported.",
                                         "%'u partners will be imported.",
                                         n_rows),
                            n_rows);
  else
    g_string_append (summary, _("No row of this file can be imported."));
  if (n_problems > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%'u row cannot be imported and will be left out.",
                                           "%'u rows cannot be imported and will be left out.",
                                           n_problems),
                              n_problems);
    }
  gtk_label_set_text (self->summary, summary->str);

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
          const CoproField *field = NULL;

          if (self->contacts)
            field = copro_record_desc_find_field (&copro_desc_contact, key);
          if (field == NULL)
            field = copro_record_desc_find_field (&copro_desc_partner, key);
          g_autofree char *escaped = g_markup_escape_text (_(field->label), -1);

          /* TRANSLATORS: %s is the partner field a CSV column fills */
          subtitle = g_strdup_printf (_("Imported as “%s”"), escaped);
        }
      else if (self->contacts)
        subtitle = g_strdup (_("Not imported: no contact field has this name"));
      else
        subtitle = g_strdup (_("Not imported: no partner field has this name"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      if (key == NULL)
        gtk_widget_add_css_class (row, "dimmed");
      gtk_list_box_append (self->columns, row);
    }

  /* A string list shown by a list view: thousands of problems cost only the
   * rows on screen. */
  for (guint i = 0; i < n_problems; i++)
    g_ptr_array_add (reasons, ((CoproCsvProblem *) g_ptr_array_index (import->problems, i))->reason);
  g_ptr_array_add (reasons, NULL);
  gtk_string_list_splice (self->problems, 0, 0, (const char * const *) reasons->pdata);
  gtk_widget_set_visible (self->problems_heading, n_problems > 0);
  gtk_widget_set_visible (self->problems_window, n_problems > 0);

  gtk_stack_set_visible_child_name (self->stack, "preview");
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

  if (import == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = describe_read_error (self->file, error);
      show_error (self, message);
    }
  else
    {
      self->import = import;
      show_preview (self);
    }
  set_loading (self, FALSE);
}

static void
start_reading (CoproCsvImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (self->file);

  adw_window_title_set_subtitle (self->title, name);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_read_done_cb, NULL);
  g_task_set_source_tag (task, start_reading);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, read_csv_thread);
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

/* A toast whose Undo takes the whole import back (one step of @history). */
static void
announce_imported (GtkWidget    *parent,
                   guint         n,
                   gboolean      contacts,
                   CoproHistory *history)
{
  g_autofree char *message = contacts ?
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u contact imported", "%'u contacts imported", n), n) :
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u partner imported", "%'u partners imported", n), n);
  AdwToastOverlay *overlay = parent != NULL ? find_toast_overlay (parent) : NULL;

  if (overlay != NULL)
    copro_undo_toast_show (GTK_WIDGET (overlay), message, history, NULL, NULL, NULL);
  else
    {
      AdwDialog *dialog = adw_alert_dialog_new (_("Import Complete"), message);

      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      adw_dialog_present (dialog, parent);
    }
}

static void
on_import_clicked_cb (CoproCsvImportDialog *self)
{
  g_autoptr(GtkWidget) parent = NULL;
  CoproHistory *history;
  GtkRoot *root;
  guint n;

  if (self->import == NULL ||
      (self->contacts ? self->import->contacts->len : self->import->partners->len) == 0)
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

  /* The window the dialogue was shown in (its own window when floating has
   * no toast overlay, and then a dialogue says so). */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL)
    parent = g_object_ref (GTK_WIDGET (root));
  g_signal_emit (self, signals[IMPORTED], 0, n);
  adw_dialog_force_close (ADW_DIALOG (self));
  announce_imported (parent, n, self->contacts, history);
}

static void
on_cancel_clicked_cb (CoproCsvImportDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
on_problem_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     CoproCsvImportDialog     *self)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "margin-top", 6,
                                   "margin-bottom", 6,
                                   "margin-start", 6,
                                   "margin-end", 6,
                                   NULL);

  gtk_list_item_set_child (item, label);
}

static void
on_problem_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    CoproCsvImportDialog     *self)
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
copro_csv_import_dialog_constructed (GObject *object)
{
  CoproCsvImportDialog *self = COPRO_CSV_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (copro_csv_import_dialog_parent_class)->constructed (object);

  g_assert (COPRO_IS_RECORD (self->project));
  g_assert (G_IS_FILE (self->file));
  if (self->contacts)
    {
      self->matcher = copro_contact_matcher_new (self->project);
      adw_dialog_set_title (ADW_DIALOG (self), _("Import Contacts"));
      adw_window_title_set_title (self->title, _("Import Contacts"));
    }
  start_reading (self);
}

static void
copro_csv_import_dialog_dispose (GObject *object)
{
  CoproCsvImportDialog *self = COPRO_CSV_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_pointer (&self->import, copro_csv_import_free);
  g_clear_pointer (&self->matcher, copro_contact_matcher_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_CSV_IMPORT_DIALOG);

  G_OBJECT_CLASS (copro_csv_import_dialog_parent_class)->dispose (object);
}

static void
copro_csv_import_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CoproCsvImportDialog *self = COPRO_CSV_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_CONTACTS:
      g_value_set_boolean (value, self->contacts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_csv_import_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CoproCsvImportDialog *self = COPRO_CSV_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_CONTACTS:
      self->contacts = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_csv_import_dialog_class_init (CoproCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = copro_csv_import_dialog_constructed;
  object_class->dispose = copro_csv_import_dialog_dispose;
  object_class->get_property = copro_csv_import_dialog_get_property;
  object_class->set_property = copro_csv_import_dialog_set_property;

  /* The project the partners are imported into. */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, COPRO_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The CSV file, read as soon as the dialogue is made. */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* TRUE until the file has been read (or found unreadable). */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Contacts for partners' logs rather than partners. */
  properties[PROP_CONTACTS] =
    g_param_spec_boolean ("contacts", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CoproCsvImportDialog::imported:
   * @n_partners: how many partners were added to the project
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproCsvImportDialog, title);
  gtk_widget_class_bind_template_child (widget_class, CoproCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CoproCsvImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CoproCsvImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CoproCsvImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, CoproCsvImportDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, CoproCsvImportDialog, columns);
  gtk_widget_class_bind_template_child (widget_class, CoproCsvImportDialog, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, CoproCsvImportDialog, problems_window);
  gtk_widget_class_bind_template_child (widget_class, CoproCsvImportDialog, problems);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_bind_cb);
}

static void
copro_csv_import_dialog_init (CoproCsvImportDialog *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

AdwDialog *
copro_csv_import_dialog_new (CoproRecord *project,
                             GFile       *file)
{
  g_return_val_if_fail (COPRO_IS_RECORD (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (COPRO_TYPE_CSV_IMPORT_DIALOG,
                       "project", project,
                       "file", file,
                       NULL);
}

gboolean
copro_csv_import_dialog_is_loading (CoproCsvImportDialog *self)
{
  g_return_val_if_fail (COPRO_IS_CSV_IMPORT_DIALOG (self), FALSE);

  return self->loading;
}

AdwDialog *
copro_csv_import_dialog_new_for_contacts (CoproRecord *project,
                                          GFile       *file)
{
  g_return_val_if_fail (COPRO_IS_RECORD (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (COPRO_TYPE_CSV_IMPORT_DIALOG,
                       "project", project,
                       "file", file,
                       "contacts", TRUE,
                       NULL);
}

typedef struct
{
  GtkWidget   *parent;
  CoproRecord *project;
  gboolean     contacts;
} ChooseCsv;

static void
choose_csv_free (ChooseCsv *choose)
{
  g_clear_object (&choose->parent);
  g_clear_object (&choose->project);
  g_free (choose);
}

static void
on_csv_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ChooseCsv *choose = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    adw_dialog_present (choose->contacts ? copro_csv_import_dialog_new_for_contacts (choose->project, file) :
                                           copro_csv_import_dialog_new (choose->project, file),
                        choose->parent);
  choose_csv_free (choose);
}

static void
run_import (GtkWindow   *parent,
            CoproRecord *project,
            gboolean     contacts)
{
  g_autoptr(GtkFileDialog) file_dialog = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  ChooseCsv *choose;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (COPRO_IS_RECORD (project));

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  g_list_store_append (filters, filter);

  file_dialog = g_object_new (GTK_TYPE_FILE_DIALOG,
                              "title", contacts ? _("Import Contacts from CSV") : _("Import Partners from CSV"),
                              "accept-label", _("_Open"),
                              "modal", TRUE,
                              "filters", filters,
                              "default-filter", filter,
                              NULL);
  choose = g_new0 (ChooseCsv, 1);
  choose->parent = parent != NULL ? g_object_ref (GTK_WIDGET (parent)) : NULL;
  choose->project = g_object_ref (project);
  choose->contacts = contacts;
  /* The file dialogue keeps itself alive until it answers; holding no
   * reference of our own lets it go as soon as it has. GTK 4.18 can answer a
   * screen reader's count of windows with a hidden chooser kept alive, and
   * crash (gtk/a11y/gtkatspiroot.c, GetChildAtIndex). */
  gtk_file_dialog_open (file_dialog, parent, NULL, on_csv_chosen_cb, choose);
}

void
copro_csv_import_dialog_run (GtkWindow   *parent,
                             CoproRecord *project)
{
  run_import (parent, project, FALSE);
}

void
copro_csv_import_dialog_run_contacts (GtkWindow   *parent,
                                      CoproRecord *project)
{
  run_import (parent, project, TRUE);
}
