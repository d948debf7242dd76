/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-document.h"

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
/* When @file is one named on the command line and its load begun at
 * start-up has finished (whether or not its callback has run), hands over
 * its result: TRUE, and @document set, or NULL and @error set. Otherwise
 * FALSE: load it with copro_application_load_async(). @self may be NULL. */
gboolean          copro_application_take_loaded      (CoproApplication   *self,
                                                      GFile              *file,
                                                      CoproDocument     **document,
                                                      GError            **error);

G_END_DECLS
