/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COPRO_TYPE_APPLICATION (copro_application_get_type ())
G_DECLARE_FINAL_TYPE (CoproApplication, copro_application, COPRO, APPLICATION, AdwApplication)

CoproApplication *copro_application_new              (void);
/* Runs the window, opening @files (NULL-terminated, may be NULL). */
int               copro_application_run_with_files   (const char * const *files);
/* Shows @file: presents the window that has it open already, or loads it
 * into @preferred (or another window) when that shows the start screen, or
 * into a new window. @preferred may be NULL. */
void              copro_application_open_file        (CoproApplication   *self,
                                                      GFile              *file,
                                                      GtkWindow          *preferred);
/* Loads @file as copro_document_load_async() does (finish with
 * copro_document_load_finish()), using the load begun at start-up for a
 * file named on the command line when there is one. @self may be NULL. */
void              copro_application_load_async       (CoproApplication   *self,
                                                      GFile              *file,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);

G_END_DECLS
