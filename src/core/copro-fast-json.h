/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-record.h"

G_BEGIN_DECLS

/* Reads a project straight into records. Returns NULL, with nothing to say,
 * when the text is anything but plain, strict JSON of a project of this
 * version that loads without a fault: the caller then reads it with
 * json-glib, the reference, which says what is wrong. On success, @ids holds
 * every id seen (folded to lower case) → its record's description. */
CoproRecord *_copro_fast_read_project  (const char  *data,
                                        gsize        length,
                                        GHashTable **ids);

/* Writes the project exactly as json-glib's pretty generator (indent 2) does
 * after the "format" and "format_version" members, with the final line
 * break. Returns NULL when it cannot be sure of that (an unknown member named
 * like a known one); the caller then uses the generator. */
GBytes      *_copro_fast_write_project (CoproRecord *project);

G_END_DECLS
