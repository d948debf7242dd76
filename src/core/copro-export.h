/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * The sign-off workbook (XLSX) a manager opens in Excel or LibreOffice: ten
 * sheets, always in the same order, user text always as text, numbers and
 * dates the same whatever the locale, and the file written beside the target
 * and renamed over it, so it appears complete or not at all.
 */

/* The sheets, in order; their names are the English ones below. */
#define COPRO_EXPORT_N_SHEETS 13

/* Called now and then with the share of the work done, from 0 to 1, in the
 * thread that runs the export. */
typedef void (*CoproExportProgressFunc) (double   fraction,
                                         gpointer user_data);

typedef struct
{
  /* Include partners' (and the lead officer's) email addresses and phone
   * numbers. Without it, no email address or phone number is written. */
  gboolean                 include_personal_data;
  /* When the export happens: the date in the page footers, on the Sign-off
   * sheet and in the workbook's properties, and the “today” of the checks.
   * NULL means now, local time. */
  GDateTime               *now;
  CoproExportProgressFunc  progress;
  gpointer                 progress_data;
  /* Cancelling fails the export with G_IO_ERROR_CANCELLED and leaves the
   * target as it was. */
  GCancellable            *cancellable;
} CoproExportOptions;

/* Writes the workbook of @project to @path (a file name in the GLib file
 * name encoding). May run in any thread, provided nothing changes @project
 * meanwhile (give it a copy, as copro_export_xlsx_async() does). On failure
 * returns FALSE with a COPRO_ERROR_EXPORT error in one sentence saying why,
 * and any earlier file at @path is left untouched. */
gboolean copro_export_xlsx        (CoproRecord               *project,
                                   const char                *path,
                                   const CoproExportOptions  *options,
                                   GError                   **error);

/* The same in a GTask thread, on a copy of @project taken now. @progress
 * (may be NULL) is called in the thread-default main context of the caller,
 * and never after @callback; @progress_data must stay valid until then. */
void     copro_export_xlsx_async  (CoproRecord               *project,
                                   const char                *path,
                                   gboolean                   include_personal_data,
                                   CoproExportProgressFunc    progress,
                                   gpointer                   progress_data,
                                   GCancellable              *cancellable,
                                   GAsyncReadyCallback        callback,
                                   gpointer                   user_data);
gboolean copro_export_xlsx_finish (GAsyncResult              *result,
                                   GError                   **error);

G_END_DECLS
