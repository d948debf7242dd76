/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "copro-field.h"

G_BEGIN_DECLS

#define COPRO_TYPE_RECORD (copro_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (CoproRecord, copro_record, COPRO, RECORD, GObject)

typedef struct _CoproList CoproList;

struct _CoproRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const CoproRecordDesc *desc;
  GParamSpec **pspecs;   /* one per field, indexed like desc->fields */
};

GType                  copro_record_desc_get_type (const CoproRecordDesc *desc);

CoproRecord           *copro_record_new           (const CoproRecordDesc *desc);
const CoproRecordDesc *copro_record_get_desc      (CoproRecord *self);
CoproRecord           *copro_record_get_parent    (CoproRecord *self);
const char            *copro_record_get_id        (CoproRecord *self);
void                   copro_record_set_id        (CoproRecord *self,
                                                   const char  *id);

/* Typed access by field key. Strings are never NULL for text fields; dates,
 * enumerations and references return NULL when unset. */
const char  *copro_record_get_string  (CoproRecord *self, const char *key);
void         copro_record_set_string  (CoproRecord *self, const char *key, const char *value);
int          copro_record_get_int     (CoproRecord *self, const char *key);
void         copro_record_set_int     (CoproRecord *self, const char *key, int value);
gint64       copro_record_get_money   (CoproRecord *self, const char *key);
void         copro_record_set_money   (CoproRecord *self, const char *key, gint64 pence);
gboolean     copro_record_get_bool    (CoproRecord *self, const char *key);
void         copro_record_set_bool    (CoproRecord *self, const char *key, gboolean value);
const char * const *copro_record_get_flags (CoproRecord *self, const char *key);
gboolean     copro_record_has_flag    (CoproRecord *self, const char *key, const char *flag);
void         copro_record_set_flags   (CoproRecord *self, const char *key, const char * const *flags);
CoproRecord *copro_record_get_record  (CoproRecord *self, const char *key);
CoproList   *copro_record_get_list    (CoproRecord *self, const char *key);
/* A date field as a GDate; FALSE when unset. */
gboolean     copro_record_get_date    (CoproRecord *self, const char *key, GDate *date);

/* The same by a field's place in the description, found once with
 * copro_record_desc_field_index(): for loops over many records (the checks,
 * the export), where looking a key up by name on every call costs more than
 * the work. @field must be one of the record's fields, of the kind asked
 * (a string getter reads text, dates, enumerations and references). */
guint        copro_record_desc_field_index (const CoproRecordDesc *desc,
                                            const char            *key);
const char  *copro_record_get_string_at (CoproRecord *self, guint field);
int          copro_record_get_int_at    (CoproRecord *self, guint field);
gint64       copro_record_get_money_at  (CoproRecord *self, guint field);
gboolean     copro_record_get_bool_at   (CoproRecord *self, guint field);
const char * const *copro_record_get_flags_at (CoproRecord *self, guint field);
CoproRecord *copro_record_get_record_at (CoproRecord *self, guint field);
CoproList   *copro_record_get_list_at   (CoproRecord *self, guint field);

/* Whether @text is NULL, empty or only white space: what a text field holds
 * when nothing has been written in it. */
gboolean     copro_text_is_blank       (const char *text);

/* Walks a dotted path such as "plan.outline.step_levels": records only. */
CoproRecord *copro_record_lookup      (CoproRecord *self, const char *path);

/* A deep copy with the same ids (for editing a copy, undo and duplicates). */
CoproRecord *copro_record_copy        (CoproRecord *self);

/* Members that this version does not know, kept to be written back. */
JsonObject  *copro_record_get_extra   (CoproRecord *self);
void         copro_record_set_extra   (CoproRecord *self, JsonObject *extra);

/* Called by CoproList and setters: announces a change to this record and
 * every record above it through the "changed" signal. */
void         copro_record_emit_changed (CoproRecord *self, const char *key);

/* Change hooks, for the undo history: one hook per tree of records, set on
 * its root, called just BEFORE a field, or a list below the root, changes. */
typedef enum
{
  COPRO_CHANGE_FIELD,   /* record, field, old_value, new_value */
  COPRO_CHANGE_INSERT,  /* list, position, item */
  COPRO_CHANGE_REMOVE,  /* list, position, item */
  COPRO_CHANGE_MOVE,    /* list, position (from), to */
} CoproChangeKind;

typedef struct
{
  CoproChangeKind  kind;
  CoproRecord     *record;
  guint            field;      /* index into the record's description */
  const GValue    *old_value;
  const GValue    *new_value;
  CoproList       *list;
  guint            position;
  guint            to;
  CoproRecord     *item;
} CoproChange;

typedef void (*CoproChangeHook) (CoproRecord       *root,
                                 const CoproChange *change,
                                 gpointer           user_data);

/* @self must be a root (no parent); NULL removes the hook. */
void         copro_record_set_change_hook (CoproRecord     *self,
                                           CoproChangeHook  hook,
                                           gpointer         user_data);

gboolean     copro_date_parse          (const char *text, GDate *date);
char        *copro_date_to_iso         (const GDate *date);

G_END_DECLS
