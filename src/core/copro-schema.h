/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The JSON Schema (draft-07) of the project file, generated from the model:
 * pretty-printed, the same bytes every time, ending in a newline. Free with g_free(). */
char *copro_schema_to_json (void);

G_END_DECLS
