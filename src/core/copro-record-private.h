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

G_END_DECLS
