/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The headless commands: they use the core only, never GTK. */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "copro-checks.h"
#include "copro-commands.h"
#include "copro-csv.h"
#include "copro-document.h"
#include "copro-error.h"
#include "copro-export.h"
#include "copro-pdf.h"

static void
print_error (FILE       *err,
             const char *path,
             const char *message)
{
  /* TRANSLATORS: the file, then one sentence saying what is wrong */
  g_autofree char *line = g_strdup_printf (_("coproduce: %s: %s"), path, message);

  fprintf (err, "%s\n", line);
}

int
copro_command_check (const char *path,
                     FILE       *out,
                     FILE       *err)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(CoproDocument) document = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  document = copro_document_new_from_file (file, NULL, &error);
  if (document == NULL)
    {
      print_error (err, path, error->message);
      return COPRO_EXIT_UNREADABLE;
    }

  findings = copro_checks_run (copro_document_get_project (document), NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      CoproFinding *finding = g_ptr_array_index (findings, i);

      fprintf (out, "%s %s: %s\n", copro_severity_to_key (finding->check->severity),
               finding->check->key, finding->message);
    }
  return copro_checks_count (findings, COPRO_SEVERITY_PROBLEM) > 0 ? COPRO_EXIT_PROBLEMS : COPRO_EXIT_OK;
}

static char *
title_from_path (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (g_str_has_suffix (basename, ".coprod"))
    basename[strlen (basename) - strlen (".coprod")] = '\0';
  return g_steal_pointer (&basename);
}

int
copro_command_import_csv (const char *csv_path,
                          const char *project_path,
                          gboolean    skip_invalid,
                          FILE       *out,
                          FILE       *err)
{
  g_autoptr(GFile) csv_file = g_file_new_for_commandline_arg (csv_path);
  g_autoptr(GFile) project_file = g_file_new_for_commandline_arg (project_path);
  g_autoptr(CoproDocument) document = NULL;
  g_autoptr(CoproCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n;

  if (!g_file_load_contents (csv_file, NULL, &contents, &length, NULL, &error))
    {
      print_error (err, csv_path, error->message);
      return COPRO_EXIT_UNREADABLE;
    }
  import = copro_csv_import_new_from_data (contents, length, &error);
  if (import == NULL)
    {
      print_error (err, csv_path, error->message);
      return COPRO_EXIT_UNREADABLE;
    }

  if (g_file_query_exists (project_file, NULL))
    {
      document = copro_document_new_from_file (project_file, NULL, &error);
      if (document == NULL)
        {
          print_error (err, project_path, error->message);
          return COPRO_EXIT_UNREADABLE;
        }
      if (copro_document_get_read_only (document))
        {
          print_error (err, project_path, copro_document_get_read_only_reason (document));
          return COPRO_EXIT_UNREADABLE;
        }
    }
  else
    {
      g_autofree char *title = title_from_path (project_file);

      document = copro_document_new ();
      copro_record_set_string (copro_record_get_record (copro_document_get_project (document), "overview"),
                               "title", title);
    }

  for (guint i = 0; i < import->problems->len; i++)
    {
      CoproCsvProblem *problem = g_ptr_array_index (import->problems, i);

      print_error (err, csv_path, problem->reason);
    }
  if (import->problems->len > 0 && !skip_invalid)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("Nothing was imported because %'u row cannot be imported; correct it, or use --skip-invalid to import the other rows.",
                                   "Nothing was imported because %'u rows cannot be imported; correct them, or use --skip-invalid to import the other rows.",
                                   import->problems->len),
                         import->problems->len);
      print_error (err, csv_path, message);
      return COPRO_EXIT_PROBLEMS;
    }

  n = copro_csv_import_apply (import, copro_document_get_project (document));
  if (!copro_document_save (document, project_file, NULL, &error))
    {
      print_error (err, project_path, error->message);
      return COPRO_EXIT_UNREADABLE;
    }

  {
    g_autofree char *message =
      g_strdup_printf (ngettext ("Imported %'u partner into %s.", "Imported %'u partners into %s.", n),
                       n, project_path);

    fprintf (out, "%s\n", message);
  }
  if (import->problems->len > 0)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("Skipped %'u row that cannot be imported.",
                                   "Skipped %'u rows that cannot be imported.", import->problems->len),
                         import->problems->len);

      fprintf (out, "%s\n", message);
    }
  return COPRO_EXIT_OK;
}

static gboolean
is_same_file (const char *a,
              const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
copro_command_export (const char *project_path,
                      const char *xlsx_path,
                      gboolean    include_personal_data,
                      FILE       *out,
                      FILE       *err)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (project_path);
  g_autoptr(CoproDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CoproExportOptions options = { 0 };
  int saved_stderr, null_fd;
  gint64 started;
  gboolean ok;

  if (!g_str_has_suffix (xlsx_path, ".xlsx") && !g_str_has_suffix (xlsx_path, ".XLSX"))
    {
      print_error (err, xlsx_path,
                   _("The workbook’s name must end in .xlsx, or spreadsheet programs will not open it."));
      return COPRO_EXIT_UNREADABLE;
    }
  if (is_same_file (project_path, xlsx_path))
    {
      print_error (err, xlsx_path, _("This is the project file itself; choose another name for the workbook."));
      return COPRO_EXIT_UNREADABLE;
    }

  started = g_get_monotonic_time ();
  document = copro_document_new_from_file (file, NULL, &error);
  if (document == NULL)
    {
      print_error (err, project_path, error->message);
      return COPRO_EXIT_UNREADABLE;
    }
  g_debug ("Export: loading the project took %.3f s", (g_get_monotonic_time () - started) / 1e6);

  /* libxlsxwriter also prints its own complaints to standard error; the
   * sentence below says what went wrong, once. Whoever asks for debugging
   * messages (G_MESSAGES_DEBUG) sees everything. */
  fflush (stderr);
  saved_stderr = -1;
  if (g_getenv ("G_MESSAGES_DEBUG") == NULL)
    {
      saved_stderr = dup (STDERR_FILENO);
      null_fd = g_open ("/dev/null", O_WRONLY | O_CLOEXEC, 0);
      if (saved_stderr >= 0 && null_fd >= 0)
        dup2 (null_fd, STDERR_FILENO);
      if (null_fd >= 0)
        close (null_fd);
    }

  options.include_personal_data = include_personal_data;
  ok = copro_export_xlsx (copro_document_get_project (document), xlsx_path, &options, &error);

  fflush (stderr);
  if (saved_stderr >= 0)
    {
      dup2 (saved_stderr, STDERR_FILENO);
      close (saved_stderr);
    }

  if (!ok)
    {
      print_error (err, xlsx_path, error->message);
      return COPRO_EXIT_UNREADABLE;
    }

  {
    g_autofree char *message =
      g_strdup_printf (include_personal_data
                       ? _("Wrote the sign-off workbook %s, with email addresses and phone numbers.")
                       : _("Wrote the sign-off workbook %s, without email addresses or phone numbers."),
                       xlsx_path);

    fprintf (out, "%s\n", message);
  }
  return COPRO_EXIT_OK;
}

int
copro_command_export_pdf (const char *project_path,
                          const char *pdf_path,
                          const char *document_key,
                          gboolean    include_personal_data,
                          FILE       *out,
                          FILE       *err)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (project_path);
  g_autoptr(CoproDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CoproPdfOptions options = { 0 };
  CoproPdfKind kind = COPRO_PDF_PLAN;

  if (document_key != NULL && !copro_pdf_kind_from_key (document_key, &kind))
    {
      /* TRANSLATORS: %s is what followed --document=; plan, terms and feedback are not to be translated */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a document Coproduce can write; choose plan, terms or feedback."),
                                                  document_key);

      print_error (err, pdf_path, message);
      return COPRO_EXIT_UNREADABLE;
    }
  if (!g_str_has_suffix (pdf_path, ".pdf") && !g_str_has_suffix (pdf_path, ".PDF"))
    {
      print_error (err, pdf_path, _("The document’s name must end in .pdf, or PDF readers will not open it."));
      return COPRO_EXIT_UNREADABLE;
    }
  if (is_same_file (project_path, pdf_path))
    {
      print_error (err, pdf_path, _("This is the project file itself; choose another name for the document."));
      return COPRO_EXIT_UNREADABLE;
    }

  document = copro_document_new_from_file (file, NULL, &error);
  if (document == NULL)
    {
      print_error (err, project_path, error->message);
      return COPRO_EXIT_UNREADABLE;
    }

  options.include_personal_data = include_personal_data;
  if (!copro_pdf_write (document, kind, pdf_path, &options, &error))
    {
      print_error (err, pdf_path, error->message);
      return COPRO_EXIT_UNREADABLE;
    }

  {
    /* TRANSLATORS: the document's name (e.g. "Plan for sign-off"), then the file */
    g_autofree char *message =
      g_strdup_printf (include_personal_data
                       ? _("Wrote “%s” to %s, with personal details.")
                       : _("Wrote “%s” to %s, without personal details."),
                       copro_pdf_kind_get_name (kind), pdf_path);

    fprintf (out, "%s\n", message);
  }
  return COPRO_EXIT_OK;
}
