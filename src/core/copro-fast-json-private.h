/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "copro-record.h"

G_BEGIN_DECLS

/* Reads a project straight into records. Returns NULL, with nothing to say,
 * when the text is anything but plain, strict JSON of a project of this
 * version that loads without a fault: the caller then reads it with
 * json-glib, the reference, which says what is wrong. On success, @ids holds
 * every id seen → its record's description; it ignores case (look ids up
 * in any case), and its keys are the records' own ids: free it before the
 * project. */
CoproRecord *_copro_fast_read_project  (const char  *data,
                                        gsize        length,
                                        GHashTable **ids);

/* Writes the project in the file's layout (see "Writing" in
 * copro-fast-json.c) after the "format" and "format_version" members, with
 * the final line break. Returns NULL when it cannot be sure of the members'
 * order (an unknown member named like a known one); the caller then builds
 * json-glib's tree and writes that with _copro_json_write_node(). */
GBytes      *_copro_fast_write_project (CoproRecord *project);

/* Appends @node, at indentation @level, in the file's layout: the bytes that
 * _copro_fast_write_project() writes for the same values. */
void         _copro_json_write_node    (GString     *out,
                                        JsonNode    *node,
                                        guint        level);

/* Whether json-glib keeps the number @token (strict JSON grammar, @length
 * bytes) exactly: whole numbers that fit in 64 bits, other numbers that do
 * not overflow a double. */
gboolean     _copro_json_number_fits   (const char  *token,
                                        gsize        length);

/* The four hexadecimal digits at @p as a number, or -1. */
int          _copro_json_hex4          (const char  *p,
                                        const char  *end);

G_END_DECLS
