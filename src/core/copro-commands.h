/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>
#include <glib.h>

G_BEGIN_DECLS

/* The headless commands. Each returns the process exit status and writes
 * findings to @out and one-sentence errors to @err (stdout and stderr). */

enum {
  COPRO_EXIT_OK = 0,
  COPRO_EXIT_PROBLEMS = 1,   /* --check found a problem; --import-csv found bad rows */
  COPRO_EXIT_UNREADABLE = 2, /* a file could not be read or written */
};

int copro_command_check      (const char *path,
                              FILE       *out,
                              FILE       *err);
int copro_command_import_csv (const char *csv_path,
                              const char *project_path,
                              gboolean    skip_invalid,
                              FILE       *out,
                              FILE       *err);
/* Writes the sign-off workbook of a project; exit 2 when the project cannot
 * be read or the workbook cannot be written. */
int copro_command_export     (const char *project_path,
                              const char *xlsx_path,
                              gboolean    include_personal_data,
                              FILE       *out,
                              FILE       *err);

/* Writes one of the printed documents of a project as a tagged PDF:
 * @document_key is "plan" (or NULL), "terms" or "feedback". Exit 2 when
 * the project cannot be read or the document cannot be written. */
int copro_command_export_pdf (const char *project_path,
                              const char *pdf_path,
                              const char *document_key,
                              gboolean    include_personal_data,
                              FILE       *out,
                              FILE       *err);

G_END_DECLS
