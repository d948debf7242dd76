/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "copro-record.h"

G_BEGIN_DECLS

/* Reading partners from a CSV file (RFC 4180). One implementation serves the
 * headless importer and the window's import preview. */

typedef struct
{
  guint  row;      /* as a spreadsheet numbers it: the header is row 1 */
  char  *reason;   /* one plain sentence */
} CoproCsvProblem;

typedef struct
{
  GPtrArray *headers;   /* char *: the header row as written */
  GPtrArray *columns;   /* const char *: the partner field each column fills, or NULL if ignored */
  GPtrArray *partners;  /* CoproRecord *: rows that can be imported, with fresh ids */
  GPtrArray *problems;  /* CoproCsvProblem *: rows that cannot */
} CoproCsvImport;

/* Fails only when the file as a whole cannot be read (not UTF-8, no header,
 * an unclosed quote); problems with single rows are listed in ->problems. */
CoproCsvImport *copro_csv_import_new_from_data (const char      *data,
                                                gsize            length,
                                                GError         **error);
void            copro_csv_import_free          (CoproCsvImport  *self);
/* Appends the importable partners to the project; returns how many. */
guint           copro_csv_import_apply         (CoproCsvImport  *self,
                                                CoproRecord     *project);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoproCsvImport, copro_csv_import_free)

G_END_DECLS
