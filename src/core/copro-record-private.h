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

/* For the fast reader (copro-fast-json.c), which has checked each value as
 * copro-record.c would: set a field by its index, without notification (a
 * copy of @length bytes of @text; the @n_keys keys of @keys, copied); the
 * id, taken; an unknown member, taken. */
void        _copro_record_load_string_at (CoproRecord *self,
                                          guint        field,
                                          const char  *text,
                                          gsize        length);
/* @key must be the enumeration's own key (a static string, shared). */
void        _copro_record_load_enum_at   (CoproRecord *self,
                                          guint        field,
                                          const char  *key);
void        _copro_record_load_int_at    (CoproRecord *self,
                                          guint        field,
                                          int          value);
void        _copro_record_load_money_at  (CoproRecord *self,
                                          guint        field,
                                          gint64       value);
void        _copro_record_load_bool_at   (CoproRecord *self,
                                          guint        field,
                                          gboolean     value);
void        _copro_record_load_flags_at  (CoproRecord *self,
                                          guint        field,
                                          const char **keys,
                                          guint        n_keys);
/* The key of @enumeration equal to the @length bytes at @text (the
 * enumeration's own, static string), or NULL. */
const char *_copro_enum_key              (const CoproEnum *enumeration,
                                          const char      *text,
                                          gsize            length);
void        _copro_record_take_id     (CoproRecord *self,
                                       char        *id);
/* copro_record_get_id() without its check, for the reader's loop. */
const char *_copro_record_peek_id     (CoproRecord *self);

/* Texts for a new record's fields (text, dates, references: not
 * enumerations), or for its id (@field COPRO_LOAD_ID), set at once, their
 * copies in one block. @text holds @length bytes, no NUL. */
#define COPRO_LOAD_ID G_MAXUINT
typedef struct
{
  guint       field;
  const char *text;
  gsize       length;
} CoproLoadText;

void        _copro_record_load_strings (CoproRecord         *self,
                                        const CoproLoadText *texts,
                                        guint                n_texts);
/* For CoproList: the record above @self; and, before the list changes,
 * the change, reported to the hook of the tree's root (@self is the
 * list's owner). */
void        _copro_record_set_parent     (CoproRecord       *self,
                                          CoproRecord       *parent);
void        _copro_record_report_change  (CoproRecord       *self,
                                          const CoproChange *change);

/* Goes up whenever any record's id is set (see copro_list_find_by_id()). */
guint       _copro_record_get_id_generation (void);
void        _copro_record_add_extra   (CoproRecord *self,
                                       const char  *name,
                                       JsonNode    *node);

G_END_DECLS
