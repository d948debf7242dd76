/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CoproEnumRow: a drop-down with "Not set" first (ENUM)
 * (copro-field-rows.h). */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-enum-row.h"
#include "copro-field-row-private.h"

struct _CoproEnumRow
{
  AdwComboRow  parent_instance;

  CoproFieldLink    link;
};

G_DEFINE_FINAL_TYPE (CoproEnumRow, copro_enum_row, ADW_TYPE_COMBO_ROW)

static gboolean
key_to_position (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const CoproField *field = COPRO_ENUM_ROW (user_data)->link.field;
  int index;

  if (field == NULL)
    return FALSE;
  index = copro_enum_index (field->enumeration, g_value_get_string (from));
  g_value_set_uint (to, index < 0 ? 0 : (guint) index + 1);
  return TRUE;
}

static gboolean
position_to_key (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const CoproField *field = COPRO_ENUM_ROW (user_data)->link.field;
  guint position = g_value_get_uint (from);

  if (field == NULL)
    return FALSE;
  if (position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > copro_enum_n_values (field->enumeration))
    g_value_set_string (to, NULL);
  else
    g_value_set_string (to, field->enumeration->values[position - 1].key);
  return TRUE;
}

static void
enum_row_setup (GtkWidget        *row,
                const CoproField *field)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  copro_field_link_set_title (row, field);
  if (field != NULL && field->enumeration != NULL)
    {
      /* TRANSLATORS: the first choice of a drop-down, for "no answer yet" */
      gtk_string_list_append (labels, C_("choice", "Not set"));
      for (guint i = 0; field->enumeration->values[i].key != NULL; i++)
        gtk_string_list_append (labels, g_dgettext (GETTEXT_PACKAGE, field->enumeration->values[i].label));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
}

static void
enum_row_bind (GtkWidget     *row,
               GBindingGroup *bindings,
               const char    *property)
{
  g_binding_group_bind_full (bindings, property, row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             key_to_position, position_to_key, row, NULL);
}

static const CoproFieldRowOps enum_row_ops = { enum_row_setup, enum_row_bind, NULL, NULL };

static void
copro_enum_row_dispose (GObject *object)
{
  copro_field_link_clear (&COPRO_ENUM_ROW (object)->link);

  G_OBJECT_CLASS (copro_enum_row_parent_class)->dispose (object);
}

static void
copro_enum_row_class_init (CoproEnumRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = copro_enum_row_dispose;
  object_class->get_property = copro_field_link_get_property;
  object_class->set_property = copro_field_link_set_property;
  copro_field_link_install_properties (object_class, G_STRUCT_OFFSET (CoproEnumRow, link));
}

static void
copro_enum_row_init (CoproEnumRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  copro_field_link_init (&self->link, GTK_WIDGET (self), &enum_row_ops);
}
