/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CoproBoolRow: yes or no (BOOL), a switch (copro-field-rows.h). */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-bool-row.h"
#include "copro-field-row-private.h"

struct _CoproBoolRow
{
  AdwActionRow  parent_instance;

  CoproFieldLink link;
  GtkWidget    *toggle;
};

G_DEFINE_FINAL_TYPE (CoproBoolRow, copro_bool_row, ADW_TYPE_ACTION_ROW)

static void
bool_row_setup (GtkWidget        *row,
                const CoproField *field)
{
  copro_field_link_set_title (row, field);
}

static void
bool_row_bind (GtkWidget     *row,
               GBindingGroup *bindings,
               const char    *property)
{
  g_binding_group_bind (bindings, property, COPRO_BOOL_ROW (row)->toggle, "active",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static GtkWidget *
bool_row_focus (GtkWidget *row)
{
  return COPRO_BOOL_ROW (row)->toggle;
}

static const CoproFieldRowOps bool_row_ops = { bool_row_setup, bool_row_bind, NULL, bool_row_focus };

static void
copro_bool_row_dispose (GObject *object)
{
  CoproBoolRow *self = COPRO_BOOL_ROW (object);

  copro_field_link_clear (&self->link);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_BOOL_ROW);

  G_OBJECT_CLASS (copro_bool_row_parent_class)->dispose (object);
}

static void
copro_bool_row_class_init (CoproBoolRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_bool_row_dispose;
  object_class->get_property = copro_field_link_get_property;
  object_class->set_property = copro_field_link_set_property;
  copro_field_link_install_properties (object_class, G_STRUCT_OFFSET (CoproBoolRow, link));

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-bool-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproBoolRow, toggle);
}

static void
copro_bool_row_init (CoproBoolRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  copro_field_link_init (&self->link, GTK_WIDGET (self), &bool_row_ops);
}
