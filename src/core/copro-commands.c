/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The headless commands: they use the core only, never GTK. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "copro-checks.h"
#include "copro-commands.h"
#include "copro-csv.h"
#include "copro-document.h"
#include "copro-error.h"

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
        g_strdup_printf (ngettext ("Nothing was imported because %u row cannot be imported; correct it, or use --skip-invalid to import the other rows.",
                                   "Nothing was imported because %u rows cannot be imported; correct them, or use --skip-invalid to import the other rows.",
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
      g_strdup_printf (ngettext ("Imported %u partner into %s.", "Imported %u partners into %s.", n),
                       n, project_path);

    fprintf (out, "%s\n", message);
  }
  if (import->problems->len > 0)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("Skipped %u row that cannot be imported.",
                                   "Skipped %u rows that cannot be imported.", import->problems->len),
                         import->problems->len);

      fprintf (out, "%s\n", message);
    }
  return COPRO_EXIT_OK;
}
