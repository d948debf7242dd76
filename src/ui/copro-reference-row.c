/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CoproReferenceRow: a partner from the register (REF) (copro-field-rows.h). */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-field-row-private.h"
#include "copro-partner.h"
#include "copro-partner-chooser.h"
#include "copro-reference-row.h"

struct _CoproReferenceRow
{
  AdwActionRow  parent_instance;

  CoproFieldLink     link;
};

G_DEFINE_FINAL_TYPE (CoproReferenceRow, copro_reference_row, ADW_TYPE_ACTION_ROW)

static void
reference_row_sync (GtkWidget *row)
{
  CoproReferenceRow *self = COPRO_REFERENCE_ROW (row);
  const char *id = copro_record_get_string (self->link.record, self->link.key);
  CoproList *partners = copro_partner_register_for (self->link.record);
  CoproRecord *partner = NULL;

  if (id != NULL && partners != NULL)
    partner = copro_list_find_by_id (partners, id);
  if (partner != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), copro_partner_get_title (partner));
  else if (id != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), copro_partner_get_missing_title ());
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("None chosen: press to choose"));
}

static void
reference_row_setup (GtkWidget        *row,
                     const CoproField *field)
{
  copro_field_link_set_title (row, field);
  if (field == NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
}

static const CoproFieldRowOps reference_row_ops = { reference_row_setup, NULL, reference_row_sync, NULL };

static void
on_partner_chosen_cb (CoproPartnerChooser *chooser,
                      const char          *id,
                      CoproReferenceRow   *self)
{
  if (self->link.field != NULL)
    copro_record_set_string (self->link.record, self->link.key, id);
}

static void
on_reference_row_activated_cb (CoproReferenceRow *self)
{
  CoproList *partners;
  CoproPartnerChooser *chooser;

  if (self->link.field == NULL || (partners = copro_partner_register_for (self->link.record)) == NULL)
    return;
  chooser = copro_partner_chooser_new (partners, copro_record_get_string (self->link.record, self->link.key));
  /* The row may go while the dialogue is open: then nothing is set. */
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_partner_chosen_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (chooser), GTK_WIDGET (self));
}

static void
copro_reference_row_dispose (GObject *object)
{
  CoproReferenceRow *self = COPRO_REFERENCE_ROW (object);

  copro_field_link_clear (&self->link);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_REFERENCE_ROW);

  G_OBJECT_CLASS (copro_reference_row_parent_class)->dispose (object);
}

static void
copro_reference_row_class_init (CoproReferenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_reference_row_dispose;
  object_class->get_property = copro_field_link_get_property;
  object_class->set_property = copro_field_link_set_property;
  copro_field_link_install_properties (object_class, G_STRUCT_OFFSET (CoproReferenceRow, link));

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-reference-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, on_reference_row_activated_cb);
}

static void
copro_reference_row_init (CoproReferenceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  copro_field_link_init (&self->link, GTK_WIDGET (self), &reference_row_ops);
}
