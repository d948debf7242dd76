/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The rows of a generated form, one small class per kind of field
 * (copro-<kind>-row.c), each bound to a record's field by its "record" and
 * "key" properties. Here: what they share, following the record
 * (copro-field-row-private.h), and the functions for any of them.
 */

#include "config.h"

#include "copro-field-row-private.h"
#include "copro-field-rows.h"
#include "copro-record-form.h"

/* Following a record's field: shared by every row class */

/* Where a row class keeps its CoproFieldLink: type data, set once. */
static GQuark
link_offset_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("copro-field-link-offset");
  return quark;
}

enum {
  PROP_0,
  PROP_RECORD,
  PROP_KEY,
  N_PROPS
};

static void
on_record_notify_cb (GtkWidget   *row,
                     GParamSpec  *pspec,
                     CoproRecord *record)
{
  CoproFieldLink *link = copro_field_link_get (row);

  if (link->ops->sync != NULL && g_strcmp0 (pspec->name, link->property) == 0)
    link->ops->sync (row);
}

void
copro_field_link_init (CoproFieldLink         *link,
                       GtkWidget              *row,
                       const CoproFieldRowOps *ops)
{
  link->ops = ops;
  link->row = row;
  link->signals = g_signal_group_new (COPRO_TYPE_RECORD);
  g_signal_group_connect_object (link->signals, "notify", G_CALLBACK (on_record_notify_cb),
                                 row, G_CONNECT_SWAPPED);
  link->bindings = g_binding_group_new ();
}

void
copro_field_link_clear (CoproFieldLink *link)
{
  if (link->signals != NULL)
    g_signal_group_set_target (link->signals, NULL);
  if (link->bindings != NULL)
    g_binding_group_set_source (link->bindings, NULL);
  g_clear_object (&link->signals);
  g_clear_object (&link->bindings);
  g_clear_object (&link->record);
  g_clear_pointer (&link->property, g_free);
  link->field = NULL;
}

/* Shows the field of the record now set, or nothing. */
static void
field_link_update (CoproFieldLink *link)
{
  const CoproField *field = NULL;

  g_binding_group_set_source (link->bindings, NULL);
  g_signal_group_set_target (link->signals, NULL);
  if (link->record != NULL && link->key != NULL)
    field = copro_record_desc_find_field (copro_record_get_desc (link->record), link->key);
  link->field = field;
  link->ops->setup (link->row, field);
  if (field == NULL)
    {
      copro_field_widget_unregister (link->row);
      return;
    }
  g_signal_group_set_target (link->signals, link->record);
  g_binding_group_set_source (link->bindings, link->record);
  if (link->ops->sync != NULL)
    link->ops->sync (link->row);
  copro_field_widget_register (link->row, link->record, link->key,
                               link->ops->focus != NULL ? link->ops->focus (link->row) : NULL);
}

static gboolean
field_link_set_record (CoproFieldLink *link,
                       CoproRecord    *record)
{
  if (!g_set_object (&link->record, record))
    return FALSE;
  field_link_update (link);
  return TRUE;
}

static gboolean
field_link_set_key (CoproFieldLink *link,
                    const char     *key)
{
  const char *interned = g_intern_string (key);

  if (interned == link->key)
    return FALSE;
  link->key = interned;
  g_clear_pointer (&link->property, g_free);
  /* The bindings are by property name: a new key needs new ones. */
  g_binding_group_set_source (link->bindings, NULL);
  g_clear_object (&link->bindings);
  link->bindings = g_binding_group_new ();
  if (key != NULL)
    {
      link->property = g_strdelimit (g_strdup (key), "_", '-');
      if (link->ops->bind != NULL)
        link->ops->bind (link->row, link->bindings, link->property);
    }
  field_link_update (link);
  return TRUE;
}

/* Each class installs the two properties; the pspecs are its own. */
void
copro_field_link_install_properties (GObjectClass *object_class,
                                     gsize         link_offset)
{
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (object_class), link_offset_quark (), GSIZE_TO_POINTER (link_offset));
  g_object_class_install_property (object_class, PROP_RECORD,
                                   g_param_spec_object ("record", NULL, NULL, COPRO_TYPE_RECORD,
                                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_KEY,
                                   g_param_spec_string ("key", NULL, NULL, NULL,
                                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS));
}

void
copro_field_link_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CoproFieldLink *link = copro_field_link_get (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, link->record);
      break;
    case PROP_KEY:
      g_value_set_string (value, link->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
copro_field_link_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CoproFieldLink *link = copro_field_link_get (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      if (field_link_set_record (link, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_KEY:
      if (field_link_set_key (link, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
copro_field_link_set_title (GtkWidget        *row,
                            const CoproField *field)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field != NULL ? copro_field_label (field) : "");
}

/* Any of them */

CoproFieldLink *
copro_field_link_get (gpointer row)
{
  gsize offset;

  if (!G_IS_OBJECT (row))
    return NULL;
  offset = GPOINTER_TO_SIZE (g_type_get_qdata (G_OBJECT_TYPE (row), link_offset_quark ()));
  return offset != 0 ? G_STRUCT_MEMBER_P (row, offset) : NULL;
}

GType
copro_field_row_type_for_kind (CoproFieldKind kind)
{
  switch (kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_EMAIL:
      return COPRO_TYPE_ENTRY_ROW;
    case COPRO_FIELD_TEXT:
      return COPRO_TYPE_TEXT_ROW;
    case COPRO_FIELD_ENUM:
      return COPRO_TYPE_ENUM_ROW;
    case COPRO_FIELD_DATE:
    case COPRO_FIELD_MONEY:
      return COPRO_TYPE_TYPED_ROW;
    case COPRO_FIELD_INT:
      return COPRO_TYPE_NUMBER_ROW;
    case COPRO_FIELD_BOOL:
      return COPRO_TYPE_BOOL_ROW;
    case COPRO_FIELD_FLAGS:
      return COPRO_TYPE_FLAGS_ROW;
    case COPRO_FIELD_REF:
      return COPRO_TYPE_REFERENCE_ROW;
    case COPRO_FIELD_RECORD:
    case COPRO_FIELD_LIST:
    default:
      return G_TYPE_INVALID;
    }
}

gboolean
copro_is_field_row (GtkWidget *widget)
{
  return widget != NULL && copro_field_link_get (widget) != NULL;
}

CoproRecord *
copro_field_row_get_record (GtkWidget *row)
{
  CoproFieldLink *link = copro_field_link_get (row);

  g_return_val_if_fail (link != NULL, NULL);

  return link->record;
}

void
copro_field_row_set_record (GtkWidget   *row,
                            CoproRecord *record)
{
  g_return_if_fail (copro_field_link_get (row) != NULL);
  g_return_if_fail (record == NULL || COPRO_IS_RECORD (record));

  g_object_set (row, "record", record, NULL);
}

const char *
copro_field_row_get_key (GtkWidget *row)
{
  CoproFieldLink *link = copro_field_link_get (row);

  g_return_val_if_fail (link != NULL, NULL);

  return link->key;
}
