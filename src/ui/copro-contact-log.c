/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CoproContactLog: a partner's contacts as a timeline (copro-contact-log.h). */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-activity.h"
#include "copro-contact.h"
#include "copro-contact-dialog.h"
#include "copro-contact-log.h"
#include "copro-format.h"
#include "copro-list.h"
#include "copro-partner.h"
#include "copro-record-form.h"

struct _CoproContactLog
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkWidget           *add_button;
  GtkListBox          *list_box;

  CoproRecord         *partner;
  guint                rebuild_id;
  guint                n_rows;
  /* The contacts whose rows are still to be made (see rebuild()). */
  GPtrArray           *pending;
  guint                next;
  guint                fill_id;
};

/* Rows made at once: about what the partner's details show without
 * scrolling. The rest follow a screenful at a time after each frame, so
 * that a partner with a long log shows within one frame (50 rows at once
 * took two, bench/copro-bench-contacts.c). */
#define ROWS_AT_ONCE 12

G_DEFINE_FINAL_TYPE (CoproContactLog, copro_contact_log, ADW_TYPE_PREFERENCES_GROUP)

static GQuark
contact_quark (void)
{
  return g_quark_from_static_string ("copro-contact-log-contact");
}

static CoproRecord *
get_project (CoproRecord *record)
{
  while (copro_record_get_parent (record) != NULL)
    record = copro_record_get_parent (record);
  return record;
}

/* “25/12/2026 · Phone”, or “No date · Phone”. */
static GtkWidget *
make_row (CoproContactLog *self,
          CoproRecord     *contact,
          CoproRecord     *project)
{
  GtkWidget *row = adw_action_row_new ();
  const char *date = copro_contact_get_date (contact);
  const char *follow_up = copro_contact_get_follow_up (contact);
  const char *made_by = copro_record_get_string (contact, "made_by");
  g_autofree char *when = date != NULL ? copro_format_date (date) : g_strdup (_("No date"));
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (copro_contact_get_title (contact));

  /* TRANSLATORS: a contact in a partner's log: its date, then how it was made */
  title = g_strdup_printf (_("%s · %s"), when, copro_contact_get_method_label (contact));
  if (!copro_text_is_blank (made_by))
    /* TRANSLATORS: who made a contact, after its summary */
    g_string_append_printf (subtitle, _(" — by %s"), made_by);
  if (follow_up != NULL)
    {
      g_autofree char *due = copro_format_date (follow_up);

      /* TRANSLATORS: after a contact's summary; %s is a date */
      g_string_append_printf (subtitle, _(" — follow up by %s"), due);
    }
  if (copro_contact_get_activity (contact) != NULL)
    {
      CoproRecord *activity = copro_contact_find_activity (contact, project);

      /* TRANSLATORS: after a contact's summary; %s is an activity */
      g_string_append_printf (subtitle, _(" — for “%s”"),
                              activity != NULL ? copro_activity_get_title (activity) :
                                                 copro_contact_get_missing_activity_title ());
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_qdata_full (G_OBJECT (row), contact_quark (), g_object_ref (contact), g_object_unref);
  return row;
}

/* Makes up to @n more rows; whether any are left to make. */
static gboolean
fill (CoproContactLog *self,
      guint            n)
{
  CoproRecord *project;

  if (self->pending == NULL)
    return FALSE;
  project = get_project (self->partner);
  for (; n > 0 && self->next < self->pending->len; n--, self->next++)
    gtk_list_box_append (self->list_box, make_row (self, g_ptr_array_index (self->pending, self->next), project));
  if (self->next < self->pending->len)
    return TRUE;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  return FALSE;
}

static gboolean
fill_idle_cb (gpointer user_data)
{
  CoproContactLog *self = user_data;

  if (fill (self, ROWS_AT_ONCE))
    return G_SOURCE_CONTINUE;
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

static void
rebuild (CoproContactLog *self)
{
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  gtk_list_box_remove_all (self->list_box);
  self->n_rows = 0;
  if (self->partner == NULL)
    return;
  self->pending = copro_contacts_sorted_newest_first (G_LIST_MODEL (copro_partner_get_contacts (self->partner)));
  self->next = 0;
  self->n_rows = self->pending->len;
  /* The rest after the frame (the frame clock's priority is higher). */
  if (fill (self, ROWS_AT_ONCE))
    self->fill_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_idle_cb, self, NULL);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  CoproContactLog *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Any change to the log or to one of its contacts; typing into the
 * partner's own fields is not one. */
static void
on_partner_changed_cb (CoproRecord     *partner,
                       CoproRecord     *origin,
                       const char      *key,
                       CoproContactLog *self)
{
  if (origin == partner && g_strcmp0 (key, "contacts") != 0)
    return;
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle_cb, self, NULL);
}

AdwDialog *
copro_contact_log_add (CoproContactLog *self)
{
  AdwDialog *dialog;

  g_return_val_if_fail (COPRO_IS_CONTACT_LOG (self), NULL);

  dialog = copro_contact_dialog_new (self->partner, NULL);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return dialog;
}

static void
on_add_clicked_cb (CoproContactLog *self)
{
  copro_contact_log_add (self);
}

static void
on_row_activated_cb (CoproContactLog *self,
                     GtkListBoxRow   *row)
{
  CoproRecord *contact = g_object_get_qdata (G_OBJECT (row), contact_quark ());

  if (contact != NULL)
    adw_dialog_present (copro_contact_dialog_new (self->partner, contact), GTK_WIDGET (self));
}

static void
copro_contact_log_dispose (GObject *object)
{
  CoproContactLog *self = COPRO_CONTACT_LOG (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  if (self->partner != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->partner, self);
      copro_field_widget_unregister (GTK_WIDGET (self));
    }
  g_clear_object (&self->partner);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_CONTACT_LOG);

  G_OBJECT_CLASS (copro_contact_log_parent_class)->dispose (object);
}

static void
copro_contact_log_class_init (CoproContactLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_contact_log_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-contact-log.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproContactLog, add_button);
  gtk_widget_class_bind_template_child (widget_class, CoproContactLog, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
copro_contact_log_init (CoproContactLog *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  placeholder = gtk_label_new (_("No contacts logged yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list_box, placeholder);
}

GtkWidget *
copro_contact_log_new (CoproRecord *partner)
{
  CoproContactLog *self;

  g_return_val_if_fail (COPRO_IS_RECORD (partner), NULL);

  self = g_object_new (COPRO_TYPE_CONTACT_LOG, NULL);
  self->partner = g_object_ref (partner);
  g_signal_connect_object (partner, "changed", G_CALLBACK (on_partner_changed_cb), self, 0);
  /* A check's finding about the log takes the keyboard to "Add Contact". */
  copro_field_widget_register (GTK_WIDGET (self), partner, "contacts", self->add_button);
  rebuild (self);
  return GTK_WIDGET (self);
}

CoproRecord *
copro_contact_log_get_partner (CoproContactLog *self)
{
  g_return_val_if_fail (COPRO_IS_CONTACT_LOG (self), NULL);

  return self->partner;
}

guint
copro_contact_log_get_n_rows (CoproContactLog *self)
{
  g_return_val_if_fail (COPRO_IS_CONTACT_LOG (self), 0);

  if (self->rebuild_id != 0)
    rebuild (self);
  /* Every row, made now if some were still to come. */
  fill (self, G_MAXUINT);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  return self->n_rows;
}

guint
copro_contact_log_get_n_rows_made (CoproContactLog *self)
{
  g_return_val_if_fail (COPRO_IS_CONTACT_LOG (self), 0);

  return self->pending != NULL ? self->next : self->n_rows;
}
