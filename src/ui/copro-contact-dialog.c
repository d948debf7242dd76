/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CoproContactDialog: one contact of a partner's log (copro-contact-dialog.h). */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-activity.h"
#include "copro-contact.h"
#include "copro-contact-dialog.h"
#include "copro-history.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-record-form.h"

struct _CoproContactDialog
{
  AdwDialog     parent_instance;

  /* Template widgets */
  GtkWidget    *apply_button;
  GtkWidget    *box;
  AdwComboRow  *activity_row;
  GtkWidget    *delete_group;

  CoproRecord  *partner;
  CoproRecord  *contact;      /* the contact changed, or NULL for a new one */
  CoproRecord  *draft;
  GPtrArray    *activity_ids; /* char *: the id of each choice after “None” */
};

G_DEFINE_FINAL_TYPE (CoproContactDialog, copro_contact_dialog, ADW_TYPE_DIALOG)

static const char * const form_keys[] = { "date", "method", "made_by", "summary", "follow_up", NULL };

static CoproRecord *
get_project (CoproRecord *record)
{
  while (copro_record_get_parent (record) != NULL)
    record = copro_record_get_parent (record);
  return record;
}

static CoproHistory *
get_history (CoproContactDialog *self)
{
  return copro_history_get_for_record (self->partner);
}

/* The activities of the project, and the one the contact links to. */
static void
fill_activities (CoproContactDialog *self)
{
  CoproRecord *project = get_project (self->partner);
  CoproList *activities = copro_record_get_list (project, "activities");
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *linked = copro_contact_get_activity (self->draft);
  guint selected = 0;

  gtk_string_list_append (names, C_("activity", "None"));
  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);

      gtk_string_list_append (names, copro_activity_get_title (activity));
      g_ptr_array_add (self->activity_ids, g_strdup (copro_record_get_id (activity)));
      if (g_strcmp0 (linked, copro_record_get_id (activity)) == 0)
        selected = self->activity_ids->len;
    }
  /* A link to an activity no longer in the log is kept, and says so. */
  if (linked != NULL && selected == 0)
    {
      gtk_string_list_append (names, copro_contact_get_missing_activity_title ());
      g_ptr_array_add (self->activity_ids, g_strdup (linked));
      selected = self->activity_ids->len;
    }
  adw_combo_row_set_model (self->activity_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->activity_row, selected);
}

static void
on_activity_selected_cb (CoproContactDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->activity_row);

  copro_record_set_string (self->draft, "activity",
                           selected == 0 || selected == GTK_INVALID_LIST_POSITION ? NULL :
                           g_ptr_array_index (self->activity_ids, selected - 1));
}

void
copro_contact_dialog_apply (CoproContactDialog *self)
{
  CoproList *log = copro_partner_get_contacts (self->partner);
  CoproHistory *history = get_history (self);
  guint position;

  g_return_if_fail (COPRO_IS_CONTACT_DIALOG (self));

  if (self->contact == NULL)
    copro_list_append (log, self->draft);
  else if (copro_list_find (log, self->contact, &position))
    {
      /* The same id, in the same place: one step to undo. */
      g_autoptr(CoproRecord) copy = copro_record_copy (self->draft);

      if (history != NULL)
        copro_history_begin_group (history);
      copro_list_remove (log, position);
      copro_list_insert (log, position, copy);
      if (history != NULL)
        copro_history_end_group (history);
    }
  adw_dialog_close (ADW_DIALOG (self));
}

static void
on_apply_clicked_cb (CoproContactDialog *self)
{
  copro_contact_dialog_apply (self);
}

static void
on_cancel_clicked_cb (CoproContactDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
on_delete_clicked_cb (CoproContactDialog *self)
{
  CoproList *log = copro_partner_get_contacts (self->partner);
  guint position;

  if (self->contact != NULL && copro_list_find (log, self->contact, &position))
    copro_list_remove (log, position);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
copro_contact_dialog_dispose (GObject *object)
{
  CoproContactDialog *self = COPRO_CONTACT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_CONTACT_DIALOG);
  g_clear_object (&self->partner);
  g_clear_object (&self->contact);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->activity_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (copro_contact_dialog_parent_class)->dispose (object);
}

static void
copro_contact_dialog_class_init (CoproContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_contact_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-contact-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproContactDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CoproContactDialog, box);
  gtk_widget_class_bind_template_child (widget_class, CoproContactDialog, activity_row);
  gtk_widget_class_bind_template_child (widget_class, CoproContactDialog, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
}

static void
copro_contact_dialog_init (CoproContactDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->activity_ids = g_ptr_array_new_with_free_func (g_free);
}

AdwDialog *
copro_contact_dialog_new (CoproRecord *partner,
                          CoproRecord *contact)
{
  CoproContactDialog *self;
  g_autofree char *full = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (COPRO_IS_RECORD (partner), NULL);
  g_return_val_if_fail (contact == NULL || COPRO_IS_RECORD (contact), NULL);

  self = g_object_new (COPRO_TYPE_CONTACT_DIALOG, NULL);
  self->partner = g_object_ref (partner);
  if (contact != NULL)
    {
      self->contact = g_object_ref (contact);
      self->draft = copro_record_copy (contact);
    }
  else
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *today = copro_contact_dup_today ();

      self->draft = copro_record_new (&copro_desc_contact);
      copro_record_set_id (self->draft, id);
      copro_record_set_string (self->draft, "date", today);
    }

  full = copro_partner_dup_full_title (partner);
  /* TRANSLATORS: the title of the dialogue logging a contact; %s is the partner */
  title = g_strdup_printf (contact == NULL ? _("Add Contact with %s") : _("Contact with %s"), full);
  adw_dialog_set_title (ADW_DIALOG (self), title);
  gtk_button_set_label (GTK_BUTTON (self->apply_button), contact == NULL ? _("_Add") : _("_Save"));
  gtk_widget_set_visible (self->delete_group, contact != NULL);

  gtk_box_prepend (GTK_BOX (self->box), copro_record_form_new (self->draft, NULL, form_keys));
  fill_activities (self);
  g_signal_connect_object (self->activity_row, "notify::selected", G_CALLBACK (on_activity_selected_cb),
                           self, G_CONNECT_SWAPPED);
  return ADW_DIALOG (self);
}

CoproRecord *
copro_contact_dialog_get_draft (CoproContactDialog *self)
{
  g_return_val_if_fail (COPRO_IS_CONTACT_DIALOG (self), NULL);

  return self->draft;
}
