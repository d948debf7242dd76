/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Partners section: the heading, the recruitment checklist, and a split
 * view of the register (or the map) and the selected partner's editor. It
 * holds the "partners" actions, which work on its parts, and the privacy
 * tools (removing personal details).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-activity.h"
#include "copro-contact.h"
#include "copro-csv-import-dialog.h"
#include "copro-invitation.h"
#include "copro-history.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-panel.h"
#include "copro-partner-chooser.h"
#include "copro-partner-editor.h"
#include "copro-partner-map-page.h"
#include "copro-partner-register.h"
#include "copro-partners-page.h"
#include "copro-payment.h"
#include "copro-recruitment-checklist.h"
#include "copro-record-form.h"
#include "copro-set-field-dialog.h"
#include "copro-undo-toast.h"

struct _CoproPartnersPage
{
  GtkWidget                  parent_instance;

  /* Template widgets */
  GtkWidget                 *top_box;
  CoproRecruitmentChecklist *checklist;
  AdwNavigationSplitView    *split_view;
  CoproPartnerRegister      *register_;
  GtkMenuButton             *more_button;
  GMenuModel                *more_menu;
  CoproPartnerEditor        *editor;

  CoproDocument             *document;
  char                      *title;
  char                      *guidance;
  gboolean                   editable;
  /* The partners whose details "Remove Details?" asks about. */
  GPtrArray                 *details_targets;
  /* The invitation "Email Selected Partners?" asks about, and the
   * activity chosen for it (a drop-down, "None" first). */
  CoproInvitation           *invitation;
  GtkDropDown               *invitation_activity;
  gboolean                   invitation_is_email;
  GWeakRef                   last_toast;
};

G_DEFINE_FINAL_TYPE (CoproPartnersPage, copro_partners_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_TITLE,
  PROP_GUIDANCE,
  PROP_PROJECT,
  PROP_EDITABLE,
  PROP_SORT_KEY,
  PROP_SORT_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static CoproRecord *
get_project (CoproPartnersPage *self)
{
  return self->document != NULL ? copro_document_get_project (self->document) : NULL;
}

static CoproList *
get_partners (CoproPartnersPage *self)
{
  return copro_record_get_list (get_project (self), "partners");
}

static CoproHistory *
get_history (CoproPartnersPage *self)
{
  return copro_history_get_for_record (get_project (self));
}

static void
show_toast (CoproPartnersPage *self,
            AdwToast          *toast)
{
  /* An older toast's Undo would no longer be the last change: let it go. */
  g_autoptr(AdwToast) last = g_weak_ref_get (&self->last_toast);

  if (last != NULL)
    adw_toast_dismiss (last);
  g_weak_ref_set (&self->last_toast, toast);
  copro_show_toast (GTK_WIDGET (self), toast);
}

/* An "Undo" toast for a change made as one step of the history: the list
 * editor's (copro-undo-toast.c), its Undo an action that goes with it. */
static void
show_undo_toast (CoproPartnersPage *self,
                 const char        *message)
{
  CoproHistory *history = get_history (self);
  g_autoptr(AdwToast) last = NULL;

  if (history == NULL)
    {
      show_toast (self, adw_toast_new (message));
      return;
    }
  /* An older toast's Undo would no longer be the last change: let it go. */
  last = g_weak_ref_get (&self->last_toast);
  if (last != NULL)
    adw_toast_dismiss (last);
  g_weak_ref_set (&self->last_toast,
                  copro_undo_toast_show (GTK_WIDGET (self), message, history, NULL, NULL, NULL));
}

static void
show_details (CoproPartnersPage *self)
{
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/* Selects @partner alone, scrolls to it and opens its editor. */
static gboolean
select_partner (CoproPartnersPage *self,
                CoproRecord       *partner)
{
  if (!copro_partner_register_select (self->register_, partner))
    return FALSE;
  show_details (self);
  return TRUE;
}

static void
update_actions (CoproPartnersPage *self)
{
  GtkSelectionModel *selection = copro_partner_register_get_selection (self->register_);
  g_autoptr(GtkBitset) bitset = gtk_selection_model_get_selection (selection);
  gboolean any = !gtk_bitset_is_empty (bitset);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "partners.add", self->editable);
  gtk_widget_action_set_enabled (widget, "partners.duplicate", self->editable && any);
  gtk_widget_action_set_enabled (widget, "partners.delete", self->editable && any);
  gtk_widget_action_set_enabled (widget, "partners.remove-selected-details", self->editable && any);
  gtk_widget_action_set_enabled (widget, "partners.set-field", self->editable && any);
  gtk_widget_action_set_enabled (widget, "partners.remove-withdrawn-details", self->editable);
  gtk_widget_action_set_enabled (widget, "partners.import-csv", self->editable);
  gtk_widget_action_set_enabled (widget, "partners.import-contacts-csv", self->editable);
  gtk_widget_action_set_enabled (widget, "partners.email-selected", self->editable && any);
  gtk_widget_action_set_enabled (widget, "partners.copy-emails", any);
  gtk_widget_action_set_enabled (widget, "partners.save-map",
                                 g_strcmp0 (copro_partner_register_get_view (self->register_), "map") == 0);
}

static void
on_read_only_changed_cb (CoproPartnersPage *self)
{
  gboolean editable = !copro_document_get_read_only (self->document);

  if (editable != self->editable)
    {
      self->editable = editable;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
    }
  update_actions (self);
}

/* Actions */

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (widget);
  CoproRecord *partner;

  copro_partner_register_clear_search (self->register_);
  partner = copro_list_add_new (get_partners (self));
  select_partner (self, partner);
  copro_partner_editor_focus_field (self->editor, "name");
}

static void
duplicate_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (widget);
  g_autoptr(GPtrArray) selected = copro_partner_register_get_selected (self->register_);
  CoproHistory *history = get_history (self);
  CoproList *partners = get_partners (self);
  CoproRecord *first = NULL;

  if (selected->len == 0)
    return;
  if (history != NULL)
    copro_history_begin_group (history);
  for (guint i = 0; i < selected->len; i++)
    {
      CoproRecord *original = g_ptr_array_index (selected, i);
      g_autoptr(CoproRecord) copy = copro_record_copy (original);
      g_autofree char *id = g_uuid_string_random ();
      guint position;

      if (!copro_list_find (partners, original, &position))
        continue;
      copro_record_set_id (copy, id);
      copro_list_insert (partners, position + 1, copy);
      if (first == NULL)
        first = copy;
    }
  if (history != NULL)
    copro_history_end_group (history);
  if (first != NULL && select_partner (self, first))
    copro_partner_editor_focus_field (self->editor, "name");
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (widget);
  GtkSelectionModel *selection = copro_partner_register_get_selection (self->register_);
  g_autoptr(GPtrArray) selected = copro_partner_register_get_selected (self->register_);
  g_autofree char *message = NULL;
  CoproList *partners = get_partners (self);
  guint n;
  guint shown_first;

  if (selected->len == 0)
    return;

  /* Where the selection begins, to keep the keyboard there. */
  {
    g_autoptr(GtkBitset) bitset = gtk_selection_model_get_selection (selection);

    shown_first = gtk_bitset_get_minimum (bitset);
  }

  if (selected->len == 1)
    {
      CoproRecord *partner = g_ptr_array_index (selected, 0);
      g_autofree char *escaped = g_markup_escape_text (copro_partner_get_title (partner), -1);

      /* TRANSLATORS: a notice after deleting a partner; %s is their name */
      message = g_strdup_printf (_("“%s” deleted"), escaped);
    }
  else
    {
      /* TRANSLATORS: a notice after deleting several partners */
      message = g_strdup_printf (ngettext ("%'u partner deleted", "%'u partners deleted", selected->len), selected->len);
    }

  /* One change of the list and one step of the history, however many. */
  copro_list_remove_many (partners, (CoproRecord **) selected->pdata, selected->len);

  show_undo_toast (self, message);

  /* Keep the keyboard in the register, on the row after the deleted ones. */
  n = g_list_model_get_n_items (copro_partner_register_get_model (self->register_));
  if (n > 0)
    copro_partner_register_select_shown (self->register_, MIN (shown_first, n - 1));
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (copro_partner_register_get_rows (self->register_)));
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (widget);

  /* The search bar sits above the register and the map: it filters both. */
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  copro_partner_register_focus_search (self->register_);
}

static gboolean
find_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  /* A shortcut of the whole window: only while the section is showing. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, "partners.find", NULL);
}

/* Removing personal details */

static void
remove_details (CoproPartnersPage *self,
                GPtrArray         *targets)
{
  CoproHistory *history = get_history (self);
  g_autofree char *message = NULL;

  if (history != NULL)
    copro_history_begin_group (history);
  for (guint i = 0; i < targets->len; i++)
    copro_partner_remove_personal_details (g_ptr_array_index (targets, i));
  /* And the notes of their payments (see copro-payment.h for what stays). */
  for (guint i = 0; i < targets->len; i++)
    copro_payments_clear_personal (copro_payments_get (get_project (self)),
                                   copro_record_get_id (g_ptr_array_index (targets, i)));
  if (history != NULL)
    copro_history_end_group (history);

  /* TRANSLATORS: a notice after clearing email, phone, notes and contact summaries */
  message = g_strdup_printf (ngettext ("Personal details of %'u partner removed",
                                       "Personal details of %'u partners removed", targets->len),
                             targets->len);
  show_undo_toast (self, message);
}

static void
on_remove_details_response_cb (AdwAlertDialog    *dialog,
                               const char        *response,
                               CoproPartnersPage *self)
{
  g_autoptr(GPtrArray) targets = g_steal_pointer (&self->details_targets);

  if (g_str_equal (response, "remove") && targets != NULL)
    remove_details (self, targets);
}

static void
confirm_remove_details (CoproPartnersPage *self,
                        GPtrArray         *candidates)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *body = NULL;
  AdwDialog *dialog;

  for (guint i = 0; i < candidates->len; i++)
    if (copro_partner_holds_personal_details (g_ptr_array_index (candidates, i)))
      g_ptr_array_add (targets, g_object_ref (g_ptr_array_index (candidates, i)));

  if (targets->len == 0)
    {
      show_toast (self, adw_toast_new (_("No personal details to remove")));
      return;
    }

  /* TRANSLATORS: asks before clearing email, phone, notes and contact summaries */
  body = g_strdup_printf (ngettext ("The email address, phone number, notes and contact summaries of %'u partner will be cleared. "
                                    "Do this when a project is finished and its data is kept only for the record.",
                                    "The email addresses, phone numbers, notes and contact summaries of %'u partners will be cleared. "
                                    "Do this when a project is finished and its data is kept only for the record.",
                                    targets->len),
                          targets->len);
  dialog = adw_alert_dialog_new (_("Remove Details?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "remove", _("_Remove"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "remove",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  /* One question at a time: a newer one replaces what an older one asked. */
  g_clear_pointer (&self->details_targets, g_ptr_array_unref);
  self->details_targets = g_steal_pointer (&targets);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_details_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
remove_selected_details_action_cb (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (widget);
  g_autoptr(GPtrArray) selected = copro_partner_register_get_selected (self->register_);

  confirm_remove_details (self, selected);
}

static void
remove_withdrawn_details_action_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (widget);
  g_autoptr(GPtrArray) withdrawn = g_ptr_array_new_with_free_func (g_object_unref);
  CoproList *partners = get_partners (self);
  guint n = copro_list_get_n_items (partners);

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *partner = copro_list_get (partners, i);

      if (copro_partner_is_withdrawn (partner))
        g_ptr_array_add (withdrawn, g_object_ref (partner));
    }
  confirm_remove_details (self, withdrawn);
}

/* Setting a field of many partners */

static void
on_set_field_applied_cb (CoproSetFieldDialog *dialog,
                         const char          *key,
                         CoproPartnersPage   *self)
{
  const CoproField *field = copro_record_desc_find_field (&copro_desc_partner, key);
  guint n = copro_set_field_dialog_get_n_partners (dialog);
  g_autofree char *message = NULL;

  /* TRANSLATORS: a notice after setting a field of many partners at once;
   * %s is the field, such as "Lawful basis", %u how many partners */
  message = g_strdup_printf (ngettext ("%s set for %'u partner", "%s set for %'u partners", n),
                             copro_field_label (field), n);
  show_undo_toast (self, message);
}

static void
set_field_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (widget);
  g_autoptr(GPtrArray) selected = copro_partner_register_get_selected (self->register_);
  CoproSetFieldDialog *dialog;

  if (selected->len == 0 || !self->editable)
    return;
  dialog = copro_set_field_dialog_new (get_partners (self), selected);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_set_field_applied_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/* Invitations: one message in the officer's own mail client, everyone in
 * Bcc (copro-invitation.h holds the rules). */

static void
copy_addresses (CoproPartnersPage *self,
                CoproInvitation   *invitation)
{
  g_autofree char *list = copro_invitation_dup_address_list (invitation);
  g_autofree char *message = NULL;
  guint n = invitation->addresses->len;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), list);
  /* TRANSLATORS: a notice after copying email addresses to the clipboard */
  message = g_strdup_printf (ngettext ("%'u address copied", "%'u addresses copied", n), n);
  show_toast (self, adw_toast_new (message));
}

/* The id of the activity chosen in the dialogue, or NULL. */
static const char *
chosen_activity (CoproPartnersPage *self)
{
  CoproList *activities = copro_record_get_list (get_project (self), "activities");
  guint selected;

  if (self->invitation_activity == NULL)
    return NULL;
  selected = gtk_drop_down_get_selected (self->invitation_activity);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > copro_list_get_n_items (activities))
    return NULL;
  return copro_record_get_id (copro_list_get (activities, selected - 1));
}

static void
log_invitation (CoproPartnersPage *self,
                CoproInvitation   *invitation,
                const char        *activity)
{
  CoproRecord *overview = copro_record_get_record (get_project (self), "overview");
  g_autofree char *today = copro_contact_dup_today ();
  g_autofree char *message = NULL;
  guint n;

  n = copro_invitation_log (invitation, today, copro_record_get_string (overview, "lead_name"),
                            _("Invitation sent"), activity);
  /* TRANSLATORS: a notice after an invitation was opened in the mail client */
  message = g_strdup_printf (ngettext ("Invitation logged for %'u partner",
                                       "Invitation logged for %'u partners", n), n);
  show_undo_toast (self, message);
}

typedef struct
{
  CoproPartnersPage *self;
  CoproInvitation   *invitation;
  char              *activity;
} LaunchData;

static void
launch_data_free (LaunchData *data)
{
  g_object_unref (data->self);
  copro_invitation_free (data->invitation);
  g_free (data->activity);
  g_free (data);
}

static void
on_mail_client_launched_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  LaunchData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error))
    log_invitation (data->self, data->invitation, data->activity);
  else if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    {
      g_autoptr(AdwToast) toast = adw_toast_new (_("No mail client could be opened; copy the addresses instead"));

      g_debug ("Opening the mail client: %s", error->message);
      show_toast (data->self, g_steal_pointer (&toast));
    }
  launch_data_free (data);
}

static void
on_invitation_response_cb (AdwAlertDialog    *dialog,
                           const char        *response,
                           CoproPartnersPage *self)
{
  g_autoptr(CoproInvitation) invitation = g_steal_pointer (&self->invitation);
  const char *activity = chosen_activity (self);

  self->invitation_activity = NULL;
  if (invitation == NULL)
    return;
  if (g_str_equal (response, "copy"))
    {
      copy_addresses (self, invitation);
      if (self->invitation_is_email && self->editable)
        log_invitation (self, invitation, activity);
    }
  else if (g_str_equal (response, "email"))
    {
      g_autofree char *uri = copro_invitation_dup_mailto (invitation, NULL);
      g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
      LaunchData *data = g_new0 (LaunchData, 1);

      data->self = g_object_ref (self);
      data->invitation = g_steal_pointer (&invitation);
      data->activity = g_strdup (activity);
      gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                               on_mail_client_launched_cb, data);
    }
}

/* A drop-down of the activities, for marking whom the invitation is for. */
static GtkWidget *
make_activity_chooser (CoproPartnersPage *self)
{
  CoproList *activities = copro_record_get_list (get_project (self), "activities");
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Invitation to _activity"));
  GtkWidget *drop_down;

  gtk_string_list_append (names, C_("activity", "None"));
  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    gtk_string_list_append (names, copro_activity_get_title (copro_list_get (activities, i)));
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), drop_down);
  self->invitation_activity = GTK_DROP_DOWN (drop_down);
  return box;
}

/* Says who is left out and why, before anything opens; @email: the
 * dialogue can open the mail client (else it only copies). */
static void
ask_about_invitation (CoproPartnersPage *self,
                      gboolean           email)
{
  g_autoptr(GPtrArray) selected = copro_partner_register_get_selected (self->register_);
  g_autoptr(CoproInvitation) invitation = copro_invitation_new (selected);
  g_autofree char *excluded = copro_invitation_dup_excluded_text (invitation);
  g_autofree char *uri = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  guint n = invitation->included->len;
  AdwDialog *dialog;

  if (n == 0)
    {
      dialog = adw_alert_dialog_new (_("Nobody to Email"), NULL);
      adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog), "%s %s",
                                    _("None of the selected partners may be emailed."), excluded != NULL ? excluded : "");
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      adw_dialog_present (dialog, GTK_WIDGET (self));
      return;
    }
  if (!email && excluded == NULL)
    {
      copy_addresses (self, invitation);
      return;
    }

  uri = copro_invitation_dup_mailto (invitation, NULL);
  if (email)
    /* TRANSLATORS: the heading of the dialogue before an invitation */
    heading = g_strdup_printf (ngettext ("Email %'u Partner?", "Email %'u Partners?", n), n);
  else
    heading = g_strdup_printf (ngettext ("Copy %'u Address?", "Copy %'u Addresses?", invitation->addresses->len),
                               invitation->addresses->len);
  if (excluded != NULL)
    g_string_append_printf (body, _("Left out: %s"), excluded);
  if (email && copro_invitation_mailto_fits (uri))
    {
      if (body->len > 0)
        g_string_append_c (body, ' ');
      g_string_append (body, _("One message opens in your mail client with every address in Bcc, "
                               "and the invitation is logged in each partner’s contact log."));
    }
  else if (email)
    {
      if (body->len > 0)
        g_string_append_c (body, ' ');
      g_string_append_printf (body, _("The addresses are too many for a mail client link (over %d characters): "
                                      "copy them and paste them into the Bcc field of a new message. "
                                      "The invitation is logged in each partner’s contact log."),
                              COPRO_MAILTO_MAX_LENGTH);
    }

  dialog = adw_alert_dialog_new (heading, body->str);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "copy", _("C_opy Addresses"));
  if (email && copro_invitation_mailto_fits (uri))
    {
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "email", _("_Open Mail Client"));
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "email", ADW_RESPONSE_SUGGESTED);
      adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "email");
    }
  else
    {
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
      adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "copy");
    }
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  /* An invitation may say what it is for; copying alone logs nothing. */
  self->invitation_activity = NULL;
  self->invitation_is_email = email;
  if (email)
    adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), make_activity_chooser (self));
  /* One question at a time: a newer one replaces what an older one asked. */
  g_clear_pointer (&self->invitation, copro_invitation_free);
  self->invitation = g_steal_pointer (&invitation);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_invitation_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
email_selected_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ask_about_invitation (COPRO_PARTNERS_PAGE (widget), TRUE);
}

static void
copy_emails_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ask_about_invitation (COPRO_PARTNERS_PAGE (widget), FALSE);
}

static void
import_csv_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (widget);

  copro_csv_import_dialog_run (GTK_WINDOW (gtk_widget_get_root (widget)), get_project (self));
}

static void
import_contacts_csv_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (widget);

  copro_csv_import_dialog_run_contacts (GTK_WINDOW (gtk_widget_get_root (widget)), get_project (self));
}

static void
save_map_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (widget);

  copro_partner_map_page_save (copro_partner_register_get_map_page (self->register_));
}

static void
show_details_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  show_details (COPRO_PARTNERS_PAGE (widget));
}

static void
show_partner_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (widget);
  CoproRecord *partner = copro_list_find_by_id (get_partners (self), g_variant_get_string (parameter, NULL));

  if (partner != NULL)
    select_partner (self, partner);
}

/* The object */

/* The register's menu, given to its button when it first opens: a menu
 * button makes the menu's popover when it is given one, a tenth of what
 * opening the partners cost (callgrind, bench/copro-bench-register). */
static void
create_more_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  CoproPartnersPage *self = user_data;

  gtk_menu_button_set_menu_model (button, self->more_menu);
}

static void
on_sort_changed_cb (CoproPartnersPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_KEY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
}

static void
copro_partners_page_constructed (GObject *object)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (object);

  G_OBJECT_CLASS (copro_partners_page_parent_class)->constructed (object);

  g_assert (COPRO_IS_DOCUMENT (self->document));
  gtk_widget_insert_after (copro_panel_header_new (NULL, self->title, self->guidance), self->top_box, NULL);
  g_signal_connect_object (self->document, "notify::read-only", G_CALLBACK (on_read_only_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (copro_partner_register_get_selection (self->register_), "selection-changed",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->register_, "notify::view", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->more_button, create_more_popup_cb, self, NULL);
  g_signal_connect_object (copro_partner_register_get_rows (self->register_), "sort-changed",
                           G_CALLBACK (on_sort_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (object, properties[PROP_PROJECT]);
  on_read_only_changed_cb (self);
}

static void
copro_partners_page_dispose (GObject *object)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_PARTNERS_PAGE);
  /* And what the template has no name for. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->details_targets, g_ptr_array_unref);
  g_clear_pointer (&self->invitation, copro_invitation_free);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (copro_partners_page_parent_class)->dispose (object);
}

static void
copro_partners_page_finalize (GObject *object)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (object);

  g_weak_ref_clear (&self->last_toast);
  g_free (self->title);
  g_free (self->guidance);

  G_OBJECT_CLASS (copro_partners_page_parent_class)->finalize (object);
}

static void
copro_partners_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_GUIDANCE:
      g_value_set_string (value, self->guidance);
      break;
    case PROP_PROJECT:
      g_value_set_object (value, get_project (self));
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_SORT_KEY:
      g_value_set_string (value, copro_partner_register_get_sort_key (self->register_));
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, copro_partner_register_get_sort_descending (self->register_));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partners_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CoproPartnersPage *self = COPRO_PARTNERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_GUIDANCE:
      self->guidance = g_value_dup_string (value);
      break;
    case PROP_SORT_KEY:
      {
        const char *key = g_value_get_string (value);

        copro_partner_register_sort_by (self->register_, key != NULL && *key != '\0' ? key : NULL,
                                        copro_partner_register_get_sort_descending (self->register_) ?
                                        GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      }
      break;
    case PROP_SORT_DESCENDING:
      {
        const char *key = copro_partner_register_get_sort_key (self->register_);

        /* In list order there is no other way round. */
        if (*key != '\0')
          copro_partner_register_sort_by (self->register_, key,
                                          g_value_get_boolean (value) ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partners_page_class_init (CoproPartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = copro_partners_page_constructed;
  object_class->dispose = copro_partners_page_dispose;
  object_class->finalize = copro_partners_page_finalize;
  object_class->get_property = copro_partners_page_get_property;
  object_class->set_property = copro_partners_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COPRO_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUIDANCE] =
    g_param_spec_string ("guidance", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, COPRO_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The register's sort, for its menu (the keyboard's way to sort: the
   * column headings take no focus, as GTK's do not). "" is list order. */
  properties[PROP_SORT_KEY] =
    g_param_spec_string ("sort-key", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "partners.sort-by", "sort-key");
  gtk_widget_class_install_property_action (widget_class, "partners.sort-descending", "sort-descending");

  g_type_ensure (COPRO_TYPE_RECRUITMENT_CHECKLIST);
  g_type_ensure (COPRO_TYPE_PARTNER_REGISTER);
  g_type_ensure (COPRO_TYPE_PARTNER_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-partners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproPartnersPage, top_box);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnersPage, checklist);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnersPage, split_view);
  gtk_widget_class_bind_template_child_full (widget_class, "register", FALSE,
                                             G_STRUCT_OFFSET (CoproPartnersPage, register_));
  gtk_widget_class_bind_template_child (widget_class, CoproPartnersPage, editor);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnersPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnersPage, more_menu);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "copropanel");

  gtk_widget_class_install_action (widget_class, "partners.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.duplicate", NULL, duplicate_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.remove-selected-details", NULL,
                                   remove_selected_details_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.remove-withdrawn-details", NULL,
                                   remove_withdrawn_details_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.import-csv", NULL, import_csv_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.set-field", NULL, set_field_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.import-contacts-csv", NULL, import_contacts_csv_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.email-selected", NULL, email_selected_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.copy-emails", NULL, copy_emails_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.save-map", NULL, save_map_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.show-details", NULL, show_details_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.show-partner", "s", show_partner_action_cb);
}

static void
copro_partners_page_init (CoproPartnersPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_weak_ref_init (&self->last_toast, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+F wherever the focus is in the window, while the section shows. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (find_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* Public API */

GtkWidget *
copro_partners_page_new (CoproDocument *document,
                         const char    *title,
                         const char    *guidance)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), NULL);

  return g_object_new (COPRO_TYPE_PARTNERS_PAGE,
                       "document", document,
                       "title", title,
                       "guidance", guidance,
                       NULL);
}

CoproDocument *
copro_partners_page_get_document (CoproPartnersPage *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PAGE (self), NULL);

  return self->document;
}

CoproPartnerRegister *
copro_partners_page_get_register (CoproPartnersPage *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PAGE (self), NULL);

  return self->register_;
}

gboolean
copro_partners_page_reveal (CoproPartnersPage *self,
                            CoproRecord       *record)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PAGE (self), FALSE);
  g_return_val_if_fail (COPRO_IS_RECORD (record), FALSE);

  for (CoproRecord *r = record; r != NULL; r = copro_record_get_parent (r))
    if (copro_record_get_desc (r) == &copro_desc_partner)
      {
        copro_partner_register_clear_search (self->register_);
        copro_partner_register_set_view (self->register_, "register");
        return select_partner (self, r);
      }
  return FALSE;
}

void
copro_partners_page_show_only (CoproPartnersPage *self,
                               GPtrArray         *partners)
{
  g_return_if_fail (COPRO_IS_PARTNERS_PAGE (self));
  g_return_if_fail (partners != NULL);

  copro_partner_register_show_only (self->register_, partners);
  gtk_selection_model_unselect_all (copro_partner_register_get_selection (self->register_));
  /* The register, not an editor, with the keyboard in its rows (Ctrl+A). */
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  if (g_list_model_get_n_items (copro_partner_register_get_model (self->register_)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (copro_partner_register_get_rows (self->register_)));
}

gboolean
copro_partners_page_is_searching (CoproPartnersPage *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PAGE (self), FALSE);

  return copro_partner_register_is_searching (self->register_);
}

guint
copro_partners_page_get_n_shown (CoproPartnersPage *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PAGE (self), 0);

  return g_list_model_get_n_items (copro_partner_register_get_model (self->register_));
}

CoproRecord *
copro_partners_page_get_shown (CoproPartnersPage *self,
                               guint              position)
{
  g_autoptr(CoproRecord) partner = NULL;

  g_return_val_if_fail (COPRO_IS_PARTNERS_PAGE (self), NULL);

  /* Borrowed: the register's list holds it. */
  partner = g_list_model_get_item (copro_partner_register_get_model (self->register_), position);
  return partner;
}

void
copro_partners_page_set_search (CoproPartnersPage *self,
                                const char        *text)
{
  g_return_if_fail (COPRO_IS_PARTNERS_PAGE (self));

  copro_partner_register_set_search (self->register_, text);
}

void
copro_partners_page_set_filter (CoproPartnersPage *self,
                                const char        *key,
                                const char        *value)
{
  g_return_if_fail (COPRO_IS_PARTNERS_PAGE (self));

  copro_partner_register_set_filter (self->register_, key, value);
}

void
copro_partners_page_sort_by (CoproPartnersPage *self,
                             const char        *key,
                             GtkSortType        direction)
{
  g_return_if_fail (COPRO_IS_PARTNERS_PAGE (self));

  copro_partner_register_sort_by (self->register_, key, direction);
}

CoproRegisterView *
copro_partners_page_get_rows (CoproPartnersPage *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PAGE (self), NULL);

  return copro_partner_register_get_rows (self->register_);
}

GtkSelectionModel *
copro_partners_page_get_selection (CoproPartnersPage *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PAGE (self), NULL);

  return copro_partner_register_get_selection (self->register_);
}

CoproRecord *
copro_partners_page_get_editing (CoproPartnersPage *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PAGE (self), NULL);

  return copro_partner_editor_get_partner (self->editor);
}

GtkWidget *
copro_partners_page_get_editor (CoproPartnersPage *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PAGE (self), NULL);

  return copro_partner_editor_get_form_box (self->editor);
}
