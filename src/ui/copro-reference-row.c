/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CoproReferenceRow: a partner from the register (REF) (copro-field-rows.h). */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-activity.h"
#include "copro-budget.h"
#include "copro-field-row-private.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-partner-chooser.h"
#include "copro-record-form.h"
#include "copro-reference-row.h"

struct _CoproReferenceRow
{
  AdwActionRow  parent_instance;

  CoproFieldLink     link;
};

G_DEFINE_FINAL_TYPE (CoproReferenceRow, copro_reference_row, ADW_TYPE_ACTION_ROW)

/* References to an activity or a budget line (CoproField.record set): the
 * items they may name, and how each is called. */
static CoproList *
targets_for (CoproReferenceRow *self)
{
  CoproRecord *root = self->link.record;
  CoproRecord *parent;

  while ((parent = copro_record_get_parent (root)) != NULL)
    root = parent;
  if (copro_record_get_desc (root) != &copro_desc_project)
    return NULL;
  if (self->link.field->record == &copro_desc_activity)
    return copro_record_get_list (root, "activities");
  return copro_budget_get_lines (root);
}

static char *
target_title (CoproRecord *item)
{
  const char *description;

  if (copro_record_get_desc (item) == &copro_desc_activity)
    return g_strdup (copro_activity_get_title (item));
  description = copro_record_get_string (item, "description");
  if (!copro_text_is_blank (description))
    return g_strdup (description);
  description = copro_enum_label (&copro_enum_cost_head, copro_record_get_string (item, "cost_head"));
  return g_strdup (*description != '\0' ? description : _("A budget line with no description"));
}

static void
target_row_sync (CoproReferenceRow *self)
{
  const char *id = copro_record_get_string (self->link.record, self->link.key);
  CoproList *targets = targets_for (self);
  CoproRecord *item = id != NULL && targets != NULL ? copro_list_find_by_id (targets, id) : NULL;
  g_autofree char *title = item != NULL ? target_title (item) : NULL;

  if (title != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), title);
  else if (id != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                                 self->link.field->record == &copro_desc_activity
                                 ? _("An activity no longer in the plan")
                                 : _("A budget line no longer in the budget"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), _("None chosen: press to choose"));
}

static void
on_target_activated_cb (GtkListBox        *list_box,
                        GtkListBoxRow     *row,
                        CoproReferenceRow *self)
{
  CoproRecord *item = g_object_get_data (G_OBJECT (row), "copro-item");
  AdwDialog *dialog = ADW_DIALOG (gtk_widget_get_ancestor (GTK_WIDGET (list_box), ADW_TYPE_DIALOG));

  if (self->link.field != NULL)
    copro_record_set_string (self->link.record, self->link.key, item != NULL ? copro_record_get_id (item) : NULL);
  if (dialog != NULL)
    adw_dialog_close (dialog);
}

static GtkWidget *
target_row_new (const char  *title,
                CoproRecord *item,
                gboolean     current)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                 "title", title,
                                 "use-markup", FALSE,
                                 "activatable", TRUE,
                                 NULL);

  g_object_set_data (G_OBJECT (row), "copro-item", item);
  if (current)
    {
      GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chosen"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
    }
  return row;
}

/* A short list (activities, budget lines) in an alert: activating a row
 * chooses it. */
static void
choose_target (CoproReferenceRow *self)
{
  CoproList *targets = targets_for (self);
  const char *id = copro_record_get_string (self->link.record, self->link.key);
  const char *label = copro_field_label (self->link.field);
  AdwDialog *dialog;
  GtkWidget *list_box, *scrolled;

  if (targets == NULL)
    return;
  list_box = gtk_list_box_new ();
  gtk_widget_add_css_class (list_box, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_list_box_append (GTK_LIST_BOX (list_box), target_row_new (_("None"), NULL, id == NULL));
  for (guint i = 0; i < copro_list_get_n_items (targets); i++)
    {
      CoproRecord *item = copro_list_get (targets, i);
      g_autofree char *title = target_title (item);

      gtk_list_box_append (GTK_LIST_BOX (list_box),
                           target_row_new (title, item, g_strcmp0 (copro_record_get_id (item), id) == 0));
    }
  g_signal_connect_object (list_box, "row-activated", G_CALLBACK (on_target_activated_cb), self, 0);
  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "max-content-height", 360,
                           "child", list_box,
                           NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  dialog = adw_alert_dialog_new (label, _("Choose one, or None."));
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), scrolled);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
reference_row_sync (GtkWidget *row)
{
  CoproReferenceRow *self = COPRO_REFERENCE_ROW (row);
  const char *id = copro_record_get_string (self->link.record, self->link.key);
  CoproList *partners = copro_partner_register_for (self->link.record);
  CoproRecord *partner = NULL;

  if (self->link.field != NULL && self->link.field->record != NULL)
    {
      target_row_sync (self);
      return;
    }
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

  if (self->link.field != NULL && self->link.field->record != NULL)
    {
      choose_target (self);
      return;
    }
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
