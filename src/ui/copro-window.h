/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-application.h"
#include "copro-document.h"

G_BEGIN_DECLS

#define COPRO_TYPE_WINDOW (copro_window_get_type ())
G_DECLARE_FINAL_TYPE (CoproWindow, copro_window, COPRO, WINDOW, AdwApplicationWindow)

CoproWindow   *copro_window_new            (CoproApplication *application);
/* The project shown, or NULL while the start screen is showing. */
CoproDocument *copro_window_get_document   (CoproWindow      *self);
/* Shows @document (NULL: the start screen). */
void           copro_window_set_document   (CoproWindow      *self,
                                            CoproDocument    *document);
/* Loads @file in the background and shows it; errors are shown in a dialogue. */
void           copro_window_load_file      (CoproWindow      *self,
                                            GFile            *file);
/* TRUE when the window shows the start screen and is loading nothing. */
gboolean       copro_window_is_empty       (CoproWindow      *self);
/* Asks for a project file to open, then opens it through the application. */
void           copro_window_choose_file    (CoproWindow      *self);

G_END_DECLS
