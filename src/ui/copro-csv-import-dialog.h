/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-record.h"

G_BEGIN_DECLS

/* "Import partners from CSV…": picks a .csv with a GtkFileDialog, shows a
 * preview of what will be imported and what cannot be, then imports as one
 * undo step and says how many in a toast (in the first AdwToastOverlay of
 * @parent; a dialogue when it has none). The file is read by the same code
 * as the headless `coproduce --import-csv`. */
void copro_csv_import_dialog_run (GtkWindow   *parent,
                                  CoproRecord *project);
/* The same for contacts, added to the logs of the partners they match
 * (copro_csv_import_contacts_new_from_data()); one undo step too. */
void copro_csv_import_dialog_run_contacts (GtkWindow   *parent,
                                           CoproRecord *project);

/* The preview itself, once the file is chosen: an AdwDialog that reads its
 * #CoproCsvImportDialog:file off the main thread and then shows the columns
 * recognised, how many rows will be imported and every row that cannot be,
 * with "Import" and "Cancel". Show it with adw_dialog_present; Esc closes it.
 *
 * Properties: "project" and "file" (construct-only), "loading" (read-only:
 * TRUE until the file has been read or found unreadable).
 * Signal "imported" (guint n_partners): the partners were added. */
#define COPRO_TYPE_CSV_IMPORT_DIALOG (copro_csv_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CoproCsvImportDialog, copro_csv_import_dialog, COPRO, CSV_IMPORT_DIALOG, AdwDialog)

AdwDialog *copro_csv_import_dialog_new        (CoproRecord          *project,
                                               GFile                *file);
/* The preview of contacts ("contacts" TRUE); "imported" counts contacts. */
AdwDialog *copro_csv_import_dialog_new_for_contacts (CoproRecord      *project,
                                                     GFile            *file);
gboolean   copro_csv_import_dialog_is_loading (CoproCsvImportDialog *self);

G_END_DECLS
