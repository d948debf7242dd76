/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-record.h"

G_BEGIN_DECLS

/* Reading a document: ids seen so far, to find duplicates. */
typedef struct
{
  GHashTable *ids;   /* id (owned) → CoproRecordDesc of its record */
} CoproReadContext;

gboolean    _copro_record_read_json  (CoproRecord      *self,
                                      JsonObject       *object,
                                      GString          *path,
                                      CoproReadContext *context,
                                      const char * const *skip,
                                      GError          **error);
JsonObject *_copro_record_write_json (CoproRecord      *self);

/* Sum of 10^13 pence is far beyond any public project, and far below overflow. */
#define COPRO_MONEY_MAX G_GINT64_CONSTANT (10000000000000)

/* One field's value, as a record stores it (see copro-record.c). */
typedef union
{
  char     *s;
  int       i;
  gint64    m;
  gboolean  b;
  char    **strv;
  GObject  *obj;
} CoproValue;

/* For the fast reader and writer (copro-fast-json.c): the values, indexed
 * like the description's fields; the id, taken; an unknown member, taken. */
CoproValue *_copro_record_peek_values (CoproRecord *self);
void        _copro_record_take_id     (CoproRecord *self,
                                       char        *id);
/* Goes up whenever any record's id is set (see copro_list_find_by_id()). */
guint       _copro_record_get_id_generation (void);
void        _copro_record_add_extra   (CoproRecord *self,
                                       const char  *name,
                                       JsonNode    *node);

G_END_DECLS
