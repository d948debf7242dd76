/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * CoproRecord: one record of the project document. Each concrete type is
 * registered at run time from a CoproRecordDesc (copro-model.c); its fields
 * become GObject properties with notification, so widgets can bind to them.
 */

#include "config.h"

#include <string.h>

#include "copro-list-private.h"
#include "copro-model.h"
#include "copro-record.h"
#include "copro-record-private.h"

/* One field's value, as a record stores it: only this file reads or writes
 * it; other modules go through the getters, by key or by index. */
typedef union
{
  char     *s;
  int       i;
  gint64    m;
  gboolean  b;
  char    **strv;
  GObject  *obj;
} CoproValue;

typedef struct
{
  CoproRecord *parent;   /* unowned; cleared when the parent goes */
  char        *id;
  JsonObject  *extra;
  CoproValue  *values;   /* one per field, in the instance (see VALUES_OFFSET) */
  char        *loaded;   /* the texts that the file gave, in one block; see
                          * _copro_record_load_strings() */
  gsize        loaded_size;
} CoproRecordPrivate;

/* Each concrete type's instance holds its fields' values after the
 * CoproRecord, so a record is one allocation, not two (opening issue 14's
 * project makes 137,000 records; callgrind). */
#define VALUES_OFFSET \
  ((sizeof (CoproRecord) + G_ALIGNOF (CoproValue) - 1) / G_ALIGNOF (CoproValue) * G_ALIGNOF (CoproValue))

G_DEFINE_TYPE_WITH_PRIVATE (CoproRecord, copro_record, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define GET_PRIV(self) ((CoproRecordPrivate *) copro_record_get_instance_private (self))
#define DESC(self) (COPRO_RECORD_GET_CLASS (self)->desc)

#define MONEY_MAX COPRO_MONEY_MAX

static int
field_index (CoproRecord *self,
             const char  *key)
{
  const CoproRecordDesc *desc = DESC (self);

  for (guint i = 0; i < desc->n_fields; i++)
    if (strcmp (desc->fields[i].key, key) == 0)
      return (int) i;
  return -1;
}

static gboolean
kind_is_string (CoproFieldKind kind)
{
  switch (kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_TEXT:
    case COPRO_FIELD_EMAIL:
    case COPRO_FIELD_DATE:
    case COPRO_FIELD_ENUM:
    case COPRO_FIELD_REF:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
kind_is_text (CoproFieldKind kind)
{
  return kind == COPRO_FIELD_STRING || kind == COPRO_FIELD_TEXT || kind == COPRO_FIELD_EMAIL;
}

/* Strings that a record holds but must not free by themselves: those in
 * its block of loaded texts (freed with the record), and those below. */
static inline gboolean
in_loaded_block (CoproRecordPrivate *priv,
                 const char         *text)
{
  /* As integers: the pointers may belong to different allocations. */
  return priv->loaded != NULL && (guintptr) text >= (guintptr) priv->loaded &&
         (guintptr) text < (guintptr) priv->loaded + priv->loaded_size;
}

static void
id_free (CoproRecordPrivate *priv,
         char               *id)
{
  if (!in_loaded_block (priv, id))
    g_free (id);
}

/* Strings that records share rather than own: the empty text that every
 * text field starts with, and an enumeration's keys, which are the schema's
 * own static strings (an enumeration field only ever holds one of them, or
 * NULL). Opening issue 14's project copied a string for each of 300,000
 * empty texts and 200,000 enumeration values (callgrind). */
static char empty_text[] = "";

const char *
_copro_enum_key (const CoproEnum *enumeration,
                 const char      *text,
                 gsize            length)
{
  for (guint i = 0; enumeration->values[i].key != NULL; i++)
    {
      const char *key = enumeration->values[i].key;
      gsize j = 0;

      /* Inline, and safe however short @key is: its NUL differs from any
       * byte of @text. */
      while (j < length && key[j] == text[j])
        j++;
      if (j == length && key[j] == '\0')
        return key;
    }
  return NULL;
}

/* A value for @field from @length bytes of @text (which holds no NUL; for
 * an enumeration, a key of it), shared where it can be. */
static char *
string_new (const CoproField *field,
            const char       *text,
            gsize             length)
{
  if (field->kind == COPRO_FIELD_ENUM)
    {
      const char *key = _copro_enum_key (field->enumeration, text, length);

      g_assert (key != NULL);
      return (char *) key;
    }
  if (length == 0 && kind_is_text (field->kind))
    return empty_text;
  return g_strndup (text, length);
}

static char *
string_dup (const CoproField *field,
            const char       *text)
{
  return text != NULL ? string_new (field, text, strlen (text)) : NULL;
}

static void
string_free (CoproRecordPrivate *priv,
             const CoproField   *field,
             char               *text)
{
  if (text != empty_text && field->kind != COPRO_FIELD_ENUM && !in_loaded_block (priv, text))
    g_free (text);
}

gboolean
copro_date_parse (const char *text,
                  GDate      *date)
{
  guint y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  if (date != NULL)
    g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

char *
copro_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* Whether a value may be stored in a field through the API. */
static gboolean
value_is_acceptable (const CoproField *field,
                     const char       *value)
{
  switch (field->kind)
    {
    case COPRO_FIELD_DATE:
      return value == NULL || copro_date_parse (value, NULL);
    case COPRO_FIELD_ENUM:
      return value == NULL || copro_enum_index (field->enumeration, value) >= 0;
    case COPRO_FIELD_REF:
      return value == NULL || g_uuid_string_is_valid (value);
    default:
      return TRUE;
    }
}

static void
copro_record_notify_field (CoproRecord *self,
                           guint        index)
{
  g_object_notify_by_pspec (G_OBJECT (self), COPRO_RECORD_GET_CLASS (self)->pspecs[index]);
  copro_record_emit_changed (self, DESC (self)->fields[index].key);
}

void
copro_record_emit_changed (CoproRecord *self,
                           const char  *key)
{
  g_return_if_fail (COPRO_IS_RECORD (self));

  for (CoproRecord *r = self; r != NULL; r = GET_PRIV (r)->parent)
    g_signal_emit (r, signals[CHANGED], 0, self, key);
}

void
_copro_record_set_parent (CoproRecord *self,
                          CoproRecord *parent)
{
  GET_PRIV (self)->parent = parent;
}

/* Change hooks: kept as qdata on the root, so records carry no extra field. */

typedef struct
{
  CoproChangeHook hook;
  gpointer        user_data;
} ChangeHook;

static GQuark
change_hook_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("copro-record-change-hook");
  return quark;
}

static ChangeHook *
find_change_hook (CoproRecord  *self,
                  CoproRecord **root)
{
  CoproRecord *r = self;

  while (GET_PRIV (r)->parent != NULL)
    r = GET_PRIV (r)->parent;
  *root = r;
  return g_object_get_qdata (G_OBJECT (r), change_hook_quark ());
}

void
copro_record_set_change_hook (CoproRecord     *self,
                              CoproChangeHook  hook,
                              gpointer         user_data)
{
  ChangeHook *data = NULL;

  g_return_if_fail (COPRO_IS_RECORD (self));
  g_return_if_fail (GET_PRIV (self)->parent == NULL);

  if (hook != NULL)
    {
      data = g_new0 (ChangeHook, 1);
      data->hook = hook;
      data->user_data = user_data;
    }
  g_object_set_qdata_full (G_OBJECT (self), change_hook_quark (), data, g_free);
}

void
_copro_record_report_change (CoproRecord       *self,
                             const CoproChange *change)
{
  CoproRecord *root;
  ChangeHook *data;

  g_return_if_fail (COPRO_IS_RECORD (self));

  data = find_change_hook (self, &root);
  if (data != NULL)
    data->hook (root, change, data->user_data);
}

/* Called before field @index takes @new_value (of the property's type). */
static void
report_field_change (CoproRecord  *self,
                     guint         index,
                     const GValue *new_value)
{
  GParamSpec *pspec = COPRO_RECORD_GET_CLASS (self)->pspecs[index];
  g_auto(GValue) old_value = G_VALUE_INIT;
  CoproChange change = { COPRO_CHANGE_FIELD, self, index, NULL, NULL, NULL, 0, 0, NULL };
  CoproRecord *root;
  ChangeHook *data = find_change_hook (self, &root);

  if (data == NULL)
    return;
  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (G_OBJECT (self), pspec->name, &old_value);
  change.old_value = &old_value;
  change.new_value = new_value;
  data->hook (root, &change, data->user_data);
}

static void
report_boxed_change (CoproRecord   *self,
                     guint          index,
                     GType          type,
                     gconstpointer  value)
{
  g_auto(GValue) new_value = G_VALUE_INIT;
  CoproRecord *root;

  if (find_change_hook (self, &root) == NULL)
    return;
  g_value_init (&new_value, type);
  if (type == G_TYPE_STRING)
    g_value_set_string (&new_value, value);
  else
    g_value_set_boxed (&new_value, value);
  report_field_change (self, index, &new_value);
}

static void
set_string_index (CoproRecord *self,
                  guint        index,
                  const char  *value)
{
  CoproRecordPrivate *priv = GET_PRIV (self);
  const CoproField *field = &DESC (self)->fields[index];

  if (kind_is_text (field->kind) && value == NULL)
    value = "";
  else if (!kind_is_text (field->kind) && value != NULL && *value == '\0')
    value = NULL;

  if (!value_is_acceptable (field, value))
    {
      g_critical ("“%s” is not a valid value for %s.%s", value,
                  DESC (self)->type_name, field->key);
      return;
    }
  if (g_strcmp0 (priv->values[index].s, value) == 0)
    return;
  report_boxed_change (self, index, G_TYPE_STRING, value);
  string_free (priv, field, priv->values[index].s);
  priv->values[index].s = string_dup (field, value);
  copro_record_notify_field (self, index);
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || *a == NULL) && (b == NULL || *b == NULL);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static void
set_flags_index (CoproRecord        *self,
                 guint               index,
                 const char * const *flags)
{
  CoproRecordPrivate *priv = GET_PRIV (self);
  const CoproField *field = &DESC (self)->fields[index];

  for (guint i = 0; flags != NULL && flags[i] != NULL; i++)
    if (copro_enum_index (field->enumeration, flags[i]) < 0)
      {
        g_critical ("“%s” is not a valid value for %s.%s", flags[i],
                    DESC (self)->type_name, field->key);
        return;
      }
  if (strv_equal0 (priv->values[index].strv, (char **) flags))
    return;
  report_boxed_change (self, index, G_TYPE_STRV, flags);
  g_strfreev (priv->values[index].strv);
  priv->values[index].strv = g_strdupv ((char **) flags);
  copro_record_notify_field (self, index);
}

static void
copro_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CoproRecord *self = COPRO_RECORD (object);
  CoproRecordPrivate *priv = GET_PRIV (self);
  const CoproRecordDesc *desc = DESC (self);
  guint index = prop_id - 1;

  if (index == desc->n_fields)
    {
      g_value_set_string (value, priv->id);
      return;
    }
  g_assert (index < desc->n_fields);
  switch (desc->fields[index].kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_TEXT:
    case COPRO_FIELD_EMAIL:
    case COPRO_FIELD_DATE:
    case COPRO_FIELD_ENUM:
    case COPRO_FIELD_REF:
      g_value_set_string (value, priv->values[index].s);
      break;
    case COPRO_FIELD_INT:
      g_value_set_int (value, priv->values[index].i);
      break;
    case COPRO_FIELD_MONEY:
      g_value_set_int64 (value, priv->values[index].m);
      break;
    case COPRO_FIELD_BOOL:
      g_value_set_boolean (value, priv->values[index].b);
      break;
    case COPRO_FIELD_FLAGS:
      g_value_set_boxed (value, priv->values[index].strv);
      break;
    case COPRO_FIELD_RECORD:
    case COPRO_FIELD_LIST:
      g_value_set_object (value, priv->values[index].obj);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_record_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CoproRecord *self = COPRO_RECORD (object);
  CoproRecordPrivate *priv = GET_PRIV (self);
  const CoproRecordDesc *desc = DESC (self);
  guint index = prop_id - 1;

  if (index == desc->n_fields)
    {
      copro_record_set_id (self, g_value_get_string (value));
      return;
    }
  g_assert (index < desc->n_fields);
  switch (desc->fields[index].kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_TEXT:
    case COPRO_FIELD_EMAIL:
    case COPRO_FIELD_DATE:
    case COPRO_FIELD_ENUM:
    case COPRO_FIELD_REF:
      set_string_index (self, index, g_value_get_string (value));
      break;
    case COPRO_FIELD_INT:
      if (priv->values[index].i != g_value_get_int (value))
        {
          report_field_change (self, index, value);
          priv->values[index].i = g_value_get_int (value);
          copro_record_notify_field (self, index);
        }
      break;
    case COPRO_FIELD_MONEY:
      if (priv->values[index].m != g_value_get_int64 (value))
        {
          report_field_change (self, index, value);
          priv->values[index].m = g_value_get_int64 (value);
          copro_record_notify_field (self, index);
        }
      break;
    case COPRO_FIELD_BOOL:
      if (priv->values[index].b != g_value_get_boolean (value))
        {
          report_field_change (self, index, value);
          priv->values[index].b = g_value_get_boolean (value);
          copro_record_notify_field (self, index);
        }
      break;
    case COPRO_FIELD_FLAGS:
      set_flags_index (self, index, g_value_get_boxed (value));
      break;
    case COPRO_FIELD_RECORD:
    case COPRO_FIELD_LIST:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_record_dispose (GObject *object)
{
  CoproRecord *self = COPRO_RECORD (object);
  CoproRecordPrivate *priv = GET_PRIV (self);
  const CoproRecordDesc *desc = DESC (self);

  for (guint i = 0; desc != NULL && i < desc->n_fields; i++)
    {
      if (desc->fields[i].kind == COPRO_FIELD_RECORD && priv->values[i].obj != NULL)
        {
          _copro_record_set_parent (COPRO_RECORD (priv->values[i].obj), NULL);
          g_clear_object (&priv->values[i].obj);
        }
      else if (desc->fields[i].kind == COPRO_FIELD_LIST && priv->values[i].obj != NULL)
        {
          _copro_list_release (COPRO_LIST (priv->values[i].obj));
          g_clear_object (&priv->values[i].obj);
        }
    }

  G_OBJECT_CLASS (copro_record_parent_class)->dispose (object);
}

static void
copro_record_finalize (GObject *object)
{
  CoproRecord *self = COPRO_RECORD (object);
  CoproRecordPrivate *priv = GET_PRIV (self);
  const CoproRecordDesc *desc = DESC (self);

  for (guint i = 0; desc != NULL && i < desc->n_fields; i++)
    {
      if (kind_is_string (desc->fields[i].kind))
        string_free (priv, &desc->fields[i], priv->values[i].s);
      else if (desc->fields[i].kind == COPRO_FIELD_FLAGS)
        g_strfreev (priv->values[i].strv);
    }
  id_free (priv, priv->id);
  g_free (priv->loaded);
  g_clear_pointer (&priv->extra, json_object_unref);

  G_OBJECT_CLASS (copro_record_parent_class)->finalize (object);
}

static void
copro_record_class_init (CoproRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = copro_record_get_property;
  object_class->set_property = copro_record_set_property;
  object_class->dispose = copro_record_dispose;
  object_class->finalize = copro_record_finalize;

  /**
   * CoproRecord::changed:
   * @origin: the record whose field changed (this one or one below it)
   * @key: the field's key
   *
   * Emitted on a record and on every record above it after any change.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  COPRO_TYPE_RECORD, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
copro_record_init (CoproRecord *self)
{
}

/* Runs for the concrete type, once the instance has its real class (during
 * copro_record_init() it still has the base class). */
static void
record_subclass_instance_init (GTypeInstance *instance,
                               gpointer       g_class)
{
  CoproRecord *self = COPRO_RECORD (instance);
  CoproRecordPrivate *priv = GET_PRIV (self);
  const CoproRecordDesc *desc = ((CoproRecordClass *) g_class)->desc;

  /* Zeroed, as GObject allocates it. */
  priv->values = (CoproValue *) ((char *) instance + VALUES_OFFSET);
  for (guint i = 0; i < desc->n_fields; i++)
    {
      const CoproField *field = &desc->fields[i];

      if (kind_is_text (field->kind))
        priv->values[i].s = empty_text;
      else if (field->kind == COPRO_FIELD_RECORD)
        {
          CoproRecord *child = copro_record_new (field->record);

          _copro_record_set_parent (child, self);
          priv->values[i].obj = G_OBJECT (child);
        }
      else if (field->kind == COPRO_FIELD_LIST)
        priv->values[i].obj = G_OBJECT (copro_list_new (copro_record_desc_get_type (field->record),
                                                        self, field->key));
    }
}

/* Class set-up for the concrete types. */

static void
record_subclass_init (gpointer g_class,
                      gpointer class_data)
{
  CoproRecordClass *klass = g_class;
  const CoproRecordDesc *desc = class_data;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  /* GObject does not pass property handlers down to subclasses. */
  G_OBJECT_CLASS (klass)->get_property = copro_record_get_property;
  G_OBJECT_CLASS (klass)->set_property = copro_record_set_property;
  klass->desc = desc;
  klass->pspecs = g_new0 (GParamSpec *, desc->n_fields);

  for (guint i = 0; i < desc->n_fields; i++)
    {
      const CoproField *field = &desc->fields[i];
      g_autofree char *name = g_strdelimit (g_strdup (field->key), "_", '-');
      const char *pname = g_intern_string (name);
      GParamSpec *pspec = NULL;

      switch (field->kind)
        {
        case COPRO_FIELD_STRING:
        case COPRO_FIELD_TEXT:
        case COPRO_FIELD_EMAIL:
          pspec = g_param_spec_string (pname, NULL, NULL, "", rw);
          break;
        case COPRO_FIELD_DATE:
        case COPRO_FIELD_ENUM:
        case COPRO_FIELD_REF:
          pspec = g_param_spec_string (pname, NULL, NULL, NULL, rw);
          break;
        case COPRO_FIELD_INT:
          pspec = g_param_spec_int (pname, NULL, NULL, MIN (field->min, 0), field->max, 0, rw);
          break;
        case COPRO_FIELD_MONEY:
          pspec = g_param_spec_int64 (pname, NULL, NULL, 0, MONEY_MAX, 0, rw);
          break;
        case COPRO_FIELD_BOOL:
          pspec = g_param_spec_boolean (pname, NULL, NULL, FALSE, rw);
          break;
        case COPRO_FIELD_FLAGS:
          pspec = g_param_spec_boxed (pname, NULL, NULL, G_TYPE_STRV, rw);
          break;
        case COPRO_FIELD_RECORD:
          pspec = g_param_spec_object (pname, NULL, NULL,
                                       copro_record_desc_get_type (field->record), ro);
          break;
        case COPRO_FIELD_LIST:
          pspec = g_param_spec_object (pname, NULL, NULL, COPRO_TYPE_LIST, ro);
          break;
        default:
          g_assert_not_reached ();
        }
      klass->pspecs[i] = pspec;
      g_object_class_install_property (G_OBJECT_CLASS (klass), i + 1, pspec);
    }

  if (desc->has_id)
    g_object_class_install_property (G_OBJECT_CLASS (klass), desc->n_fields + 1,
                                     g_param_spec_string ("id", NULL, NULL, NULL, rw));
}

GType
copro_record_desc_get_type (const CoproRecordDesc *desc)
{
  static GMutex lock;
  GType type;

  g_return_val_if_fail (desc != NULL, G_TYPE_INVALID);

  g_mutex_lock (&lock);
  type = g_type_from_name (desc->type_name);
  if (type == 0)
    {
      const GTypeInfo info = {
        .class_size = sizeof (CoproRecordClass),
        .class_init = record_subclass_init,
        .class_data = desc,
        .instance_size = VALUES_OFFSET + desc->n_fields * sizeof (CoproValue),
        .instance_init = record_subclass_instance_init,
      };

      type = g_type_register_static (COPRO_TYPE_RECORD, desc->type_name, &info, G_TYPE_FLAG_FINAL);
    }
  g_mutex_unlock (&lock);

  return type;
}

/* Public API */

CoproRecord *
copro_record_new (const CoproRecordDesc *desc)
{
  g_return_val_if_fail (desc != NULL, NULL);

  return g_object_new (copro_record_desc_get_type (desc), NULL);
}

const CoproRecordDesc *
copro_record_get_desc (CoproRecord *self)
{
  g_return_val_if_fail (COPRO_IS_RECORD (self), NULL);

  return DESC (self);
}

CoproRecord *
copro_record_get_parent (CoproRecord *self)
{
  g_return_val_if_fail (COPRO_IS_RECORD (self), NULL);

  return GET_PRIV (self)->parent;
}

static int id_generation;

const char *
copro_record_get_id (CoproRecord *self)
{
  g_return_val_if_fail (COPRO_IS_RECORD (self), NULL);

  return GET_PRIV (self)->id;
}

void
copro_record_set_id (CoproRecord *self,
                     const char  *id)
{
  CoproRecordPrivate *priv;

  g_return_if_fail (COPRO_IS_RECORD (self));
  g_return_if_fail (DESC (self)->has_id);
  g_return_if_fail (id == NULL || g_uuid_string_is_valid (id));

  priv = GET_PRIV (self);
  if (g_strcmp0 (priv->id, id) == 0)
    return;
  id_free (priv, priv->id);
  priv->id = g_strdup (id);
  g_atomic_int_inc (&id_generation);
  g_object_notify (G_OBJECT (self), "id");
}

/* Counts every id ever set, so that a list's table of ids knows when it is
 * stale (see copro_list_find_by_id()). Atomic: files load in a thread. */
guint
_copro_record_get_id_generation (void)
{
  return (guint) g_atomic_int_get (&id_generation);
}

static int
checked_index (CoproRecord    *self,
               const char     *key,
               CoproFieldKind  kind)
{
  int index = field_index (self, key);

  if (index < 0)
    {
      g_critical ("%s has no field “%s”", DESC (self)->type_name, key);
      return -1;
    }
  if (DESC (self)->fields[index].kind != kind &&
      !(kind_is_string (kind) && kind_is_string (DESC (self)->fields[index].kind)))
    {
      g_critical ("%s.%s is not of the kind asked for", DESC (self)->type_name, key);
      return -1;
    }
  return index;
}

const char *
copro_record_get_string (CoproRecord *self,
                         const char  *key)
{
  int index;

  g_return_val_if_fail (COPRO_IS_RECORD (self), NULL);
  if ((index = checked_index (self, key, COPRO_FIELD_STRING)) < 0)
    return NULL;
  return GET_PRIV (self)->values[index].s;
}

void
copro_record_set_string (CoproRecord *self,
                         const char  *key,
                         const char  *value)
{
  int index;

  g_return_if_fail (COPRO_IS_RECORD (self));
  if ((index = checked_index (self, key, COPRO_FIELD_STRING)) < 0)
    return;
  set_string_index (self, (guint) index, value);
}

guint
copro_record_desc_field_index (const CoproRecordDesc *desc,
                               const char            *key)
{
  const CoproField *field;

  g_return_val_if_fail (desc != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);

  field = copro_record_desc_find_field (desc, key);
  if (field == NULL)
    {
      g_critical ("%s has no field “%s”", desc->type_name, key);
      return 0;
    }
  return (guint) (field - desc->fields);
}

/* The by-index getters run once per cell of the largest workbooks: a bounds
 * check and a kind check, both against the class's description, and no
 * look-up by name. */
#define CHECK_FIELD_AT(self, field, test, fail) \
  G_STMT_START { \
    g_return_val_if_fail ((self) != NULL && (field) < DESC (self)->n_fields, fail); \
    g_return_val_if_fail (test (DESC (self)->fields[field].kind), fail); \
  } G_STMT_END

static inline gboolean
kind_is_int (CoproFieldKind kind)
{
  return kind == COPRO_FIELD_INT;
}

static inline gboolean
kind_is_money (CoproFieldKind kind)
{
  return kind == COPRO_FIELD_MONEY;
}

static inline gboolean
kind_is_bool (CoproFieldKind kind)
{
  return kind == COPRO_FIELD_BOOL;
}

static inline gboolean
kind_is_flags (CoproFieldKind kind)
{
  return kind == COPRO_FIELD_FLAGS;
}

static inline gboolean
kind_is_enum (CoproFieldKind kind)
{
  return kind == COPRO_FIELD_ENUM;
}

const char *
copro_record_get_string_at (CoproRecord *self,
                            guint        field)
{
  CHECK_FIELD_AT (self, field, kind_is_string, NULL);
  return GET_PRIV (self)->values[field].s;
}

int
copro_record_get_int_at (CoproRecord *self,
                         guint        field)
{
  CHECK_FIELD_AT (self, field, kind_is_int, 0);
  return GET_PRIV (self)->values[field].i;
}

gint64
copro_record_get_money_at (CoproRecord *self,
                           guint        field)
{
  CHECK_FIELD_AT (self, field, kind_is_money, 0);
  return GET_PRIV (self)->values[field].m;
}

gboolean
copro_record_get_bool_at (CoproRecord *self,
                          guint        field)
{
  CHECK_FIELD_AT (self, field, kind_is_bool, FALSE);
  return GET_PRIV (self)->values[field].b;
}

const char * const *
copro_record_get_flags_at (CoproRecord *self,
                           guint        field)
{
  static const char * const empty[] = { NULL };
  char **flags;

  CHECK_FIELD_AT (self, field, kind_is_flags, empty);
  flags = GET_PRIV (self)->values[field].strv;
  return flags != NULL ? (const char * const *) flags : empty;
}

static inline gboolean
kind_is_record (CoproFieldKind kind)
{
  return kind == COPRO_FIELD_RECORD;
}

static inline gboolean
kind_is_list (CoproFieldKind kind)
{
  return kind == COPRO_FIELD_LIST;
}

CoproRecord *
copro_record_get_record_at (CoproRecord *self,
                            guint        field)
{
  CHECK_FIELD_AT (self, field, kind_is_record, NULL);
  return COPRO_RECORD (GET_PRIV (self)->values[field].obj);
}

CoproList *
copro_record_get_list_at (CoproRecord *self,
                          guint        field)
{
  CHECK_FIELD_AT (self, field, kind_is_list, NULL);
  return (CoproList *) GET_PRIV (self)->values[field].obj;
}

/* The loader's setters (see copro-record-private.h): no notification, no
 * check of the value, which the reader has made. */
#define CHECK_LOAD_AT(self, field, test) \
  G_STMT_START { \
    g_return_if_fail ((self) != NULL && (field) < DESC (self)->n_fields); \
    g_return_if_fail (test (DESC (self)->fields[field].kind)); \
  } G_STMT_END

void
_copro_record_load_string_at (CoproRecord *self,
                              guint        field,
                              const char  *text,
                              gsize        length)
{
  const CoproField *f;

  CHECK_LOAD_AT (self, field, kind_is_string);
  f = &DESC (self)->fields[field];
  string_free (GET_PRIV (self), f, GET_PRIV (self)->values[field].s);
  GET_PRIV (self)->values[field].s = string_new (f, text, length);
}

void
_copro_record_load_enum_at (CoproRecord *self,
                            guint        field,
                            const char  *key)
{
  CHECK_LOAD_AT (self, field, kind_is_enum);
  GET_PRIV (self)->values[field].s = (char *) key;
}

void
_copro_record_load_int_at (CoproRecord *self,
                           guint        field,
                           int          value)
{
  CHECK_LOAD_AT (self, field, kind_is_int);
  GET_PRIV (self)->values[field].i = value;
}

void
_copro_record_load_money_at (CoproRecord *self,
                             guint        field,
                             gint64       value)
{
  CHECK_LOAD_AT (self, field, kind_is_money);
  GET_PRIV (self)->values[field].m = value;
}

void
_copro_record_load_bool_at (CoproRecord *self,
                            guint        field,
                            gboolean     value)
{
  CHECK_LOAD_AT (self, field, kind_is_bool);
  GET_PRIV (self)->values[field].b = value;
}

void
_copro_record_load_flags_at (CoproRecord  *self,
                             guint         field,
                             const char  **keys,
                             guint         n_keys)
{
  char **flags;

  CHECK_LOAD_AT (self, field, kind_is_flags);
  g_strfreev (GET_PRIV (self)->values[field].strv);
  flags = g_new (char *, n_keys + 1);
  for (guint i = 0; i < n_keys; i++)
    flags[i] = g_strdup (keys[i]);
  flags[n_keys] = NULL;
  GET_PRIV (self)->values[field].strv = flags;
}

gboolean
copro_text_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

int
copro_record_get_int (CoproRecord *self,
                      const char  *key)
{
  int index;

  g_return_val_if_fail (COPRO_IS_RECORD (self), 0);
  if ((index = checked_index (self, key, COPRO_FIELD_INT)) < 0)
    return 0;
  return GET_PRIV (self)->values[index].i;
}

void
copro_record_set_int (CoproRecord *self,
                      const char  *key,
                      int          value)
{
  g_return_if_fail (COPRO_IS_RECORD (self));
  if (checked_index (self, key, COPRO_FIELD_INT) < 0)
    return;
  g_object_set (self, COPRO_RECORD_GET_CLASS (self)->pspecs[field_index (self, key)]->name, value, NULL);
}

gint64
copro_record_get_money (CoproRecord *self,
                        const char  *key)
{
  int index;

  g_return_val_if_fail (COPRO_IS_RECORD (self), 0);
  if ((index = checked_index (self, key, COPRO_FIELD_MONEY)) < 0)
    return 0;
  return GET_PRIV (self)->values[index].m;
}

void
copro_record_set_money (CoproRecord *self,
                        const char  *key,
                        gint64       pence)
{
  g_return_if_fail (COPRO_IS_RECORD (self));
  if (checked_index (self, key, COPRO_FIELD_MONEY) < 0)
    return;
  g_object_set (self, COPRO_RECORD_GET_CLASS (self)->pspecs[field_index (self, key)]->name, pence, NULL);
}

gboolean
copro_record_get_bool (CoproRecord *self,
                       const char  *key)
{
  int index;

  g_return_val_if_fail (COPRO_IS_RECORD (self), FALSE);
  if ((index = checked_index (self, key, COPRO_FIELD_BOOL)) < 0)
    return FALSE;
  return GET_PRIV (self)->values[index].b;
}

void
copro_record_set_bool (CoproRecord *self,
                       const char  *key,
                       gboolean     value)
{
  g_return_if_fail (COPRO_IS_RECORD (self));
  if (checked_index (self, key, COPRO_FIELD_BOOL) < 0)
    return;
  g_object_set (self, COPRO_RECORD_GET_CLASS (self)->pspecs[field_index (self, key)]->name, !!value, NULL);
}

const char * const *
copro_record_get_flags (CoproRecord *self,
                        const char  *key)
{
  static const char * const empty[] = { NULL };
  int index;

  g_return_val_if_fail (COPRO_IS_RECORD (self), empty);
  if ((index = checked_index (self, key, COPRO_FIELD_FLAGS)) < 0)
    return empty;
  if (GET_PRIV (self)->values[index].strv == NULL)
    return empty;
  return (const char * const *) GET_PRIV (self)->values[index].strv;
}

gboolean
copro_record_has_flag (CoproRecord *self,
                       const char  *key,
                       const char  *flag)
{
  return g_strv_contains (copro_record_get_flags (self, key), flag);
}

void
copro_record_set_flags (CoproRecord        *self,
                        const char         *key,
                        const char * const *flags)
{
  int index;

  g_return_if_fail (COPRO_IS_RECORD (self));
  if ((index = checked_index (self, key, COPRO_FIELD_FLAGS)) < 0)
    return;
  set_flags_index (self, (guint) index, flags);
}

CoproRecord *
copro_record_get_record (CoproRecord *self,
                         const char  *key)
{
  int index;

  g_return_val_if_fail (COPRO_IS_RECORD (self), NULL);
  if ((index = checked_index (self, key, COPRO_FIELD_RECORD)) < 0)
    return NULL;
  return COPRO_RECORD (GET_PRIV (self)->values[index].obj);
}

CoproList *
copro_record_get_list (CoproRecord *self,
                       const char  *key)
{
  int index;

  g_return_val_if_fail (COPRO_IS_RECORD (self), NULL);
  if ((index = checked_index (self, key, COPRO_FIELD_LIST)) < 0)
    return NULL;
  return COPRO_LIST (GET_PRIV (self)->values[index].obj);
}

gboolean
copro_record_get_date (CoproRecord *self,
                       const char  *key,
                       GDate       *date)
{
  int index;

  g_return_val_if_fail (COPRO_IS_RECORD (self), FALSE);
  if ((index = checked_index (self, key, COPRO_FIELD_DATE)) < 0)
    return FALSE;
  return copro_date_parse (GET_PRIV (self)->values[index].s, date);
}

CoproRecord *
copro_record_lookup (CoproRecord *self,
                     const char  *path)
{
  g_auto(GStrv) parts = NULL;
  CoproRecord *r = self;

  g_return_val_if_fail (COPRO_IS_RECORD (self), NULL);

  if (path == NULL || *path == '\0')
    return self;
  parts = g_strsplit (path, ".", -1);
  for (guint i = 0; parts[i] != NULL && r != NULL; i++)
    {
      int index = field_index (r, parts[i]);

      if (index < 0 || DESC (r)->fields[index].kind != COPRO_FIELD_RECORD)
        return NULL;
      r = COPRO_RECORD (GET_PRIV (r)->values[index].obj);
    }
  return r;
}

static void
copy_into (CoproRecord *dst,
           CoproRecord *src)
{
  CoproRecordPrivate *d = GET_PRIV (dst);
  CoproRecordPrivate *s = GET_PRIV (src);
  const CoproRecordDesc *desc = DESC (src);

  g_assert (DESC (dst) == desc);

  id_free (d, d->id);
  d->id = g_strdup (s->id);
  g_atomic_int_inc (&id_generation);
  g_clear_pointer (&d->extra, json_object_unref);
  /* Unknown members are never changed by this version, so sharing them is safe. */
  if (s->extra != NULL)
    d->extra = json_object_ref (s->extra);

  for (guint i = 0; i < desc->n_fields; i++)
    {
      switch (desc->fields[i].kind)
        {
        case COPRO_FIELD_RECORD:
          copy_into (COPRO_RECORD (d->values[i].obj), COPRO_RECORD (s->values[i].obj));
          break;
        case COPRO_FIELD_LIST:
          {
            CoproList *from = COPRO_LIST (s->values[i].obj);
            CoproList *to = COPRO_LIST (d->values[i].obj);

            copro_list_remove_all (to);
            for (guint j = 0; j < copro_list_get_n_items (from); j++)
              {
                g_autoptr(CoproRecord) item = copro_record_copy (copro_list_get (from, j));
                copro_list_append (to, item);
              }
          }
          break;
        case COPRO_FIELD_FLAGS:
          g_strfreev (d->values[i].strv);
          d->values[i].strv = g_strdupv (s->values[i].strv);
          break;
        default:
          if (kind_is_string (desc->fields[i].kind))
            {
              string_free (d, &desc->fields[i], d->values[i].s);
              d->values[i].s = string_dup (&desc->fields[i], s->values[i].s);
            }
          else
            d->values[i] = s->values[i];
        }
    }
}

CoproRecord *
copro_record_copy (CoproRecord *self)
{
  CoproRecord *copy;

  g_return_val_if_fail (COPRO_IS_RECORD (self), NULL);

  copy = copro_record_new (DESC (self));
  copy_into (copy, self);
  return copy;
}

JsonObject *
copro_record_get_extra (CoproRecord *self)
{
  g_return_val_if_fail (COPRO_IS_RECORD (self), NULL);

  return GET_PRIV (self)->extra;
}

void
copro_record_set_extra (CoproRecord *self,
                        JsonObject  *extra)
{
  CoproRecordPrivate *priv;

  g_return_if_fail (COPRO_IS_RECORD (self));

  priv = GET_PRIV (self);
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&priv->extra, json_object_unref);
  priv->extra = extra;
}

/* Reading and writing JSON */

#include <glib/gi18n-lib.h>

#include "copro-error.h"

/* A short description of what was found, for error messages. */
static char *
describe_node (JsonNode *node)
{
  g_autofree char *text = NULL;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("a list"));
    case JSON_NODE_NULL:
      return g_strdup (_("null"));
    case JSON_NODE_VALUE:
    default:
      text = json_to_string (node, FALSE);
      if (g_utf8_strlen (text, -1) > 40)
        {
          g_autofree char *start = g_utf8_substring (text, 0, 37);
          return g_strdup_printf ("%s…", start);
        }
      return g_steal_pointer (&text);
    }
}

static gboolean
fail_member (GError     **error,
             GString     *path,
             JsonNode    *found,
             const char  *expected)
{
  g_autofree char *what = describe_node (found);

  /* TRANSLATORS: first the place in the file, such as partners[3].influence,
   * then what it must be, then what it is */
  g_set_error (error, COPRO_ERROR, COPRO_ERROR_INVALID,
               _("The member “%s” must be %s, but it is %s."), path->str, expected, what);
  return FALSE;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
read_enum_key (const CoproEnum *enumeration,
               JsonNode        *node,
               GString         *path,
               GError         **error)
{
  g_autoptr(GString) keys = NULL;

  if (node_is_string (node) && copro_enum_index (enumeration, json_node_get_string (node)) >= 0)
    return TRUE;

  keys = g_string_new (NULL);
  for (guint i = 0; enumeration->values[i].key != NULL; i++)
    g_string_append_printf (keys, "%s“%s”", i > 0 ? ", " : "", enumeration->values[i].key);
  {
    /* TRANSLATORS: %s is a list of the allowed keys */
    g_autofree char *expected = g_strdup_printf (_("one of %s"), keys->str);
    return fail_member (error, path, node, expected);
  }
}

static gboolean
read_id (CoproRecord      *self,
         JsonObject       *object,
         GString          *path,
         CoproReadContext *context,
         GError          **error)
{
  CoproRecordPrivate *priv = GET_PRIV (self);
  JsonNode *node = json_object_get_member (object, "id");
  gsize len = path->len;
  const char *id;

  g_string_append (path, ".id");
  if (node == NULL)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_INVALID,
                   _("The item “%.*s” has no “id” member."), (int) len, path->str);
      return FALSE;
    }
  if (!node_is_string (node) || !g_uuid_string_is_valid (json_node_get_string (node)))
    return fail_member (error, path, node, _("a UUID such as “2f1c…-…”"));
  id = json_node_get_string (node);
  if (!g_hash_table_insert (context->ids, g_ascii_strdown (id, -1), (gpointer) DESC (self)))
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_INVALID,
                   _("The member “%s” repeats the id “%s”, which another item already has."),
                   path->str, id);
      return FALSE;
    }
  priv->id = g_strdup (id);
  g_atomic_int_inc (&id_generation);
  g_string_truncate (path, len);
  return TRUE;
}

static gboolean
read_field (CoproRecord      *self,
            guint             index,
            JsonNode         *node,
            GString          *path,
            CoproReadContext *context,
            GError          **error)
{
  CoproRecordPrivate *priv = GET_PRIV (self);
  const CoproField *field = &DESC (self)->fields[index];
  CoproValue *value = &priv->values[index];
  gboolean is_null = JSON_NODE_HOLDS_NULL (node);

  switch (field->kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_TEXT:
    case COPRO_FIELD_EMAIL:
      if (is_null)
        return TRUE;
      if (!node_is_string (node))
        return fail_member (error, path, node, _("text"));
      string_free (priv, field, value->s);
      value->s = string_dup (field, json_node_get_string (node));
      return TRUE;

    case COPRO_FIELD_DATE:
      if (is_null)
        return TRUE;
      if (!node_is_string (node) || !copro_date_parse (json_node_get_string (node), NULL))
        return fail_member (error, path, node, _("a real date written YYYY-MM-DD, or null"));
      value->s = g_strdup (json_node_get_string (node));
      return TRUE;

    case COPRO_FIELD_ENUM:
      if (is_null)
        return TRUE;
      if (!read_enum_key (field->enumeration, node, path, error))
        return FALSE;
      value->s = string_dup (field, json_node_get_string (node));
      return TRUE;

    case COPRO_FIELD_REF:
      if (is_null)
        return TRUE;
      if (!node_is_string (node) || !g_uuid_string_is_valid (json_node_get_string (node)))
        return fail_member (error, path, node,
                            field->record == &copro_desc_activity ? _("the id of an activity, or null") :
                            field->record == &copro_desc_budget_line ? _("the id of a budget line, or null") :
                            _("the id of a partner, or null"));
      value->s = g_strdup (json_node_get_string (node));
      return TRUE;

    case COPRO_FIELD_INT:
      {
        gint64 n;

        if (is_null && field->min > 0)
          return TRUE;
        if (!node_is_integer (node) ||
            (n = json_node_get_int (node)) < field->min || n > field->max)
          {
            g_autofree char *expected = NULL;

            if (field->min > 0)
              expected = g_strdup_printf (_("a whole number from %d to %d, or null"), field->min, field->max);
            else
              expected = g_strdup_printf (_("a whole number from %d to %d"), field->min, field->max);
            return fail_member (error, path, node, expected);
          }
        value->i = (int) n;
        return TRUE;
      }

    case COPRO_FIELD_MONEY:
      if (!node_is_integer (node))
        return fail_member (error, path, node, _("a whole number of pence"));
      if (json_node_get_int (node) < 0)
        return fail_member (error, path, node, _("an amount that is not negative"));
      if (json_node_get_int (node) > MONEY_MAX)
        return fail_member (error, path, node, _("an amount below £100 billion"));
      value->m = json_node_get_int (node);
      return TRUE;

    case COPRO_FIELD_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail_member (error, path, node, _("true or false"));
      value->b = json_node_get_boolean (node);
      return TRUE;

    case COPRO_FIELD_FLAGS:
      {
        JsonArray *array;
        guint n;
        gsize len = path->len;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return fail_member (error, path, node, _("a list"));
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        g_strfreev (value->strv);
        value->strv = g_new0 (char *, n + 1);
        for (guint i = 0; i < n; i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            g_string_append_printf (path, "[%u]", i);
            if (!read_enum_key (field->enumeration, element, path, error))
              return FALSE;
            if (g_strv_contains ((const char * const *) value->strv, json_node_get_string (element)))
              {
                g_set_error (error, COPRO_ERROR, COPRO_ERROR_INVALID,
                             _("The member “%s” repeats “%s”, which is already in the list."),
                             path->str, json_node_get_string (element));
                return FALSE;
              }
            value->strv[i] = g_strdup (json_node_get_string (element));
            g_string_truncate (path, len);
          }
        return TRUE;
      }

    case COPRO_FIELD_RECORD:
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail_member (error, path, node, _("an object"));
      return _copro_record_read_json (COPRO_RECORD (value->obj), json_node_get_object (node),
                                      path, context, NULL, error);

    case COPRO_FIELD_LIST:
      {
        CoproList *list = COPRO_LIST (value->obj);
        JsonArray *array;
        guint n;
        gsize len = path->len;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return fail_member (error, path, node, _("a list"));
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        for (guint i = 0; i < n; i++)
          {
            JsonNode *element = json_array_get_element (array, i);
            g_autoptr(CoproRecord) item = NULL;

            g_string_append_printf (path, "[%u]", i);
            if (!JSON_NODE_HOLDS_OBJECT (element))
              return fail_member (error, path, element, _("an object"));
            item = copro_record_new (field->record);
            if (!_copro_record_read_json (item, json_node_get_object (element), path,
                                          context, NULL, error))
              return FALSE;
            copro_list_append (list, item);
            g_string_truncate (path, len);
          }
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
_copro_record_read_json (CoproRecord        *self,
                         JsonObject         *object,
                         GString            *path,
                         CoproReadContext   *context,
                         const char * const *skip,
                         GError            **error)
{
  CoproRecordPrivate *priv = GET_PRIV (self);
  const CoproRecordDesc *desc = DESC (self);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gsize len = path->len;

  if (desc->has_id && !read_id (self, object, path, context, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      int index;

      if (desc->has_id && strcmp (name, "id") == 0)
        continue;
      if (skip != NULL && g_strv_contains (skip, name))
        continue;

      index = field_index (self, name);
      if (index < 0)
        {
          /* Kept as it is and written back: a newer version may need it. */
          if (priv->extra == NULL)
            priv->extra = json_object_new ();
          json_object_set_member (priv->extra, name, json_node_ref (node));
          continue;
        }

      if (len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, name);
      if (!read_field (self, (guint) index, node, path, context, error))
        return FALSE;
      g_string_truncate (path, len);
    }

  return TRUE;
}

JsonObject *
_copro_record_write_json (CoproRecord *self)
{
  CoproRecordPrivate *priv = GET_PRIV (self);
  const CoproRecordDesc *desc = DESC (self);
  JsonObject *object = json_object_new ();

  if (desc->has_id)
    json_object_set_string_member (object, "id", priv->id);

  for (guint i = 0; i < desc->n_fields; i++)
    {
      const CoproField *field = &desc->fields[i];
      CoproValue *value = &priv->values[i];

      switch (field->kind)
        {
        case COPRO_FIELD_STRING:
        case COPRO_FIELD_TEXT:
        case COPRO_FIELD_EMAIL:
          json_object_set_string_member (object, field->key, value->s ? value->s : "");
          break;
        case COPRO_FIELD_DATE:
        case COPRO_FIELD_ENUM:
        case COPRO_FIELD_REF:
          if (value->s != NULL)
            json_object_set_string_member (object, field->key, value->s);
          else
            json_object_set_null_member (object, field->key);
          break;
        case COPRO_FIELD_INT:
          if (value->i == 0 && field->min > 0)
            json_object_set_null_member (object, field->key);
          else
            json_object_set_int_member (object, field->key, value->i);
          break;
        case COPRO_FIELD_MONEY:
          json_object_set_int_member (object, field->key, value->m);
          break;
        case COPRO_FIELD_BOOL:
          json_object_set_boolean_member (object, field->key, value->b);
          break;
        case COPRO_FIELD_FLAGS:
          {
            JsonArray *array = json_array_new ();

            for (guint j = 0; value->strv != NULL && value->strv[j] != NULL; j++)
              json_array_add_string_element (array, value->strv[j]);
            json_object_set_array_member (object, field->key, array);
          }
          break;
        case COPRO_FIELD_RECORD:
          json_object_set_object_member (object, field->key,
                                         _copro_record_write_json (COPRO_RECORD (value->obj)));
          break;
        case COPRO_FIELD_LIST:
          {
            CoproList *list = COPRO_LIST (value->obj);
            guint n = copro_list_get_n_items (list);
            JsonArray *array = json_array_sized_new (n);

            for (guint j = 0; j < n; j++)
              json_array_add_object_element (array, _copro_record_write_json (copro_list_get (list, j)));
            json_object_set_array_member (object, field->key, array);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (priv->extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, priv->extra);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        json_object_set_member (object, name, json_node_ref (node));
    }

  return object;
}

/* For the fast reader (copro-fast-json.c). */

void
_copro_record_take_id (CoproRecord *self,
                       char        *id)
{
  CoproRecordPrivate *priv = GET_PRIV (self);

  id_free (priv, priv->id);
  priv->id = id;
  g_atomic_int_inc (&id_generation);
}

const char *
_copro_record_peek_id (CoproRecord *self)
{
  return GET_PRIV (self)->id;
}

/* One allocation for all of a record's texts, rather than one each: opening
 * issue 14's project allocated 640,000 strings, mostly ids, dates and
 * references, each costing more in malloc() than in reading it (callgrind).
 * A text changed later is allocated alone; its old bytes stay in the block
 * until the record goes. */
void
_copro_record_load_strings (CoproRecord          *self,
                            const CoproLoadText  *texts,
                            guint                 n_texts)
{
  CoproRecordPrivate *priv = GET_PRIV (self);
  const CoproRecordDesc *desc = DESC (self);
  gsize size = 0;
  char *p;

  g_return_if_fail (priv->loaded == NULL);

  /* The reader has checked each field's kind. */
  for (guint i = 0; i < n_texts; i++)
    if (texts[i].length > 0 || texts[i].field == COPRO_LOAD_ID ||
        !kind_is_text (desc->fields[texts[i].field].kind))
      size += texts[i].length + 1;
  if (size == 0)
    {
      for (guint i = 0; i < n_texts; i++)
        _copro_record_load_string_at (self, texts[i].field, texts[i].text, 0);
      return;
    }

  priv->loaded = p = g_malloc (size);
  priv->loaded_size = size;
  for (guint i = 0; i < n_texts; i++)
    {
      char *text;

      if (texts[i].field != COPRO_LOAD_ID && texts[i].length == 0 &&
          kind_is_text (desc->fields[texts[i].field].kind))
        text = empty_text;
      else
        {
          text = p;
          memcpy (p, texts[i].text, texts[i].length);
          p[texts[i].length] = '\0';
          p += texts[i].length + 1;
        }
      if (texts[i].field == COPRO_LOAD_ID)
        _copro_record_take_id (self, text);
      else
        {
          string_free (priv, &desc->fields[texts[i].field], priv->values[texts[i].field].s);
          priv->values[texts[i].field].s = text;
        }
    }
}

void
_copro_record_add_extra (CoproRecord *self,
                         const char  *name,
                         JsonNode    *node)
{
  CoproRecordPrivate *priv = GET_PRIV (self);

  if (priv->extra == NULL)
    priv->extra = json_object_new ();
  json_object_set_member (priv->extra, name, node);
}
