/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The project document is described by tables rather than by a hand-written
 * class per section: each record type lists its fields once, and that one
 * description drives the GObject properties the UI binds to, loading,
 * validation, saving, the JSON Schema and the field labels.
 */

typedef struct
{
  const char *key;    /* stable, lower-case, stored in the file */
  const char *label;  /* N_() — translate with _() or copro_enum_label() */
} CoproEnumValue;

typedef struct
{
  const char *name;             /* e.g. "level" */
  const CoproEnumValue *values; /* terminated by { NULL, NULL } */
} CoproEnum;

typedef enum
{
  COPRO_FIELD_STRING,   /* one line of text */
  COPRO_FIELD_TEXT,     /* a longer answer, several lines */
  COPRO_FIELD_EMAIL,    /* text, shown as an email address */
  COPRO_FIELD_INT,      /* whole number in [min, max]; 0 or null means unset when min > 0 */
  COPRO_FIELD_MONEY,    /* whole pence, never negative */
  COPRO_FIELD_DATE,     /* ISO 8601 YYYY-MM-DD, or unset */
  COPRO_FIELD_ENUM,     /* one key of an enumeration, or unset */
  COPRO_FIELD_FLAGS,    /* a set of keys of an enumeration */
  COPRO_FIELD_BOOL,
  COPRO_FIELD_REF,      /* the id of a partner (or of the record's target), or unset */
  COPRO_FIELD_RECORD,   /* a nested record of a fixed type */
  COPRO_FIELD_LIST,     /* a list of records of one type, each with an id */
} CoproFieldKind;

typedef struct _CoproRecordDesc CoproRecordDesc;

typedef struct
{
  const char *key;              /* JSON member; property name is key with '_' → '-' */
  CoproFieldKind kind;
  const char *label;            /* N_() */
  const CoproEnum *enumeration; /* ENUM and FLAGS */
  const CoproRecordDesc *record;/* RECORD and LIST; for REF, the kind of item
                                 * referred to: NULL for a partner, else an
                                 * activity or a budget line */
  int min;                      /* INT */
  int max;                      /* INT */
} CoproField;

struct _CoproRecordDesc
{
  const char *type_name;        /* GType name, e.g. "CoproPartner" */
  const char *label;            /* N_(), what one record is called */
  gboolean has_id;              /* items of lists carry a stable UUID */
  const CoproField *fields;
  guint n_fields;
};

const char *copro_enum_label     (const CoproEnum *enumeration,
                                  const char      *key);
int         copro_enum_index     (const CoproEnum *enumeration,
                                  const char      *key);
guint       copro_enum_n_values  (const CoproEnum *enumeration);
const char *copro_enum_match     (const CoproEnum *enumeration,
                                  const char      *text);

const CoproField *copro_record_desc_find_field (const CoproRecordDesc *desc,
                                                const char            *key);

G_END_DECLS
