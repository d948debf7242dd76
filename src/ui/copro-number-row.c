/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CoproNumberRow: whole numbers (INT); 0 reads "Not set" when the range
 * starts at 1 (copro-field-rows.h). */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-field-row-private.h"
#include "copro-number-row.h"

struct _CoproNumberRow
{
  AdwActionRow    parent_instance;

  CoproFieldLink  link;
  GtkSpinButton  *spin;
};

G_DEFINE_FINAL_TYPE (CoproNumberRow, copro_number_row, ADW_TYPE_ACTION_ROW)

static gboolean
number_row_may_be_unset (CoproNumberRow *self)
{
  return self->link.field != NULL && self->link.field->min > 0;
}

static gboolean
on_spin_output_cb (GtkSpinButton  *spin,
                   CoproNumberRow *self)
{
  if (!number_row_may_be_unset (self) || gtk_spin_button_get_value_as_int (spin) != 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), C_("number", "Not set"));
  return TRUE;
}

static int
on_spin_input_cb (GtkSpinButton  *spin,
                  double         *new_value,
                  CoproNumberRow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *not_set = NULL;

  if (!number_row_may_be_unset (self))
    return FALSE;
  text = g_strstrip (g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (spin)), -1));
  not_set = g_utf8_casefold (C_("number", "Not set"), -1);
  if (*text == '\0' || g_str_equal (text, not_set))
    {
      *new_value = 0;
      return TRUE;
    }
  return FALSE;
}

static void
number_row_setup (GtkWidget        *row,
                  const CoproField *field)
{
  CoproNumberRow *self = COPRO_NUMBER_ROW (row);

  copro_field_link_set_title (row, field);
  if (field != NULL)
    gtk_spin_button_set_range (self->spin, MIN (field->min, 0), field->max);
  if (field != NULL && field->min > 0)
    {
      /* TRANSLATORS: the range of a number field, e.g. the likelihood of a risk */
      g_autofree char *range = g_strdup_printf (_("From %d to %d"), field->min, field->max);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), range);
      /* Digits only would refuse "Not set" too. */
      gtk_spin_button_set_numeric (self->spin, FALSE);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
      gtk_spin_button_set_numeric (self->spin, TRUE);
    }
}

static void
number_row_bind (GtkWidget     *row,
                 GBindingGroup *bindings,
                 const char    *property)
{
  g_binding_group_bind (bindings, property, COPRO_NUMBER_ROW (row)->spin, "value",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static void
number_row_sync (GtkWidget *row)
{
  CoproNumberRow *self = COPRO_NUMBER_ROW (row);

  /* The binding sets the value; a value that did not change (0 at first)
   * is not written out again, so say "Not set" here. */
  on_spin_output_cb (self->spin, self);
}

static GtkWidget *
number_row_focus (GtkWidget *row)
{
  return GTK_WIDGET (COPRO_NUMBER_ROW (row)->spin);
}

static const CoproFieldRowOps number_row_ops = { number_row_setup, number_row_bind, number_row_sync, number_row_focus };

static void
copro_number_row_dispose (GObject *object)
{
  CoproNumberRow *self = COPRO_NUMBER_ROW (object);

  copro_field_link_clear (&self->link);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_NUMBER_ROW);

  G_OBJECT_CLASS (copro_number_row_parent_class)->dispose (object);
}

static void
copro_number_row_class_init (CoproNumberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_number_row_dispose;
  object_class->get_property = copro_field_link_get_property;
  object_class->set_property = copro_field_link_set_property;
  copro_field_link_install_properties (object_class, G_STRUCT_OFFSET (CoproNumberRow, link));

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-number-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproNumberRow, spin);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_input_cb);
}

static void
copro_number_row_init (CoproNumberRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  copro_field_link_init (&self->link, GTK_WIDGET (self), &number_row_ops);
}
