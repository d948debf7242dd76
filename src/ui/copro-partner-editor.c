/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The partner editor: the record form's groups for the one partner selected
 * in the register, following the selection (which the register may replace)
 * and the partner's name.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-contact-log.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-partner-chooser.h"
#include "copro-partner-editor.h"
#include "copro-partner-attendance.h"
#include "copro-record-form.h"

/* The editor's groups: every field of a partner, each once, but for the
 * contact log (copro-contact-log.c) after them. */
typedef struct
{
  const char *title;        /* N_() */
  const char *keys[6];
} Group;

static const Group groups[] = {
  { N_("Who"), { "kind", "name", "organisation", "role", "sector", NULL } },
  { N_("How to Reach Them"), { "email", "phone", "contact_method", "language", NULL } },
  { N_("Mapping"), { "influence", "interest", "attitude", NULL } },
  { N_("Involvement"), { "level", "status", "notes", NULL } },
  { N_("Access Needs"), { "access_needs", "access_notes", NULL } },
  { N_("Remuneration"), { "remuneration_eligible", "remuneration_offer", "remuneration_basis",
                          "remuneration_rate", NULL } },
  { N_("Data Protection"), { "lawful_basis", "consent_date", "privacy_notice", "review_date", NULL } },
};

struct _CoproPartnerEditor
{
  CoproPartnersSection  parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkLabel             *status_title;
  GtkLabel             *status_description;
  GtkWidget            *form_page;
  GtkWidget            *form_box;

  GSignalGroup         *selection_signals;
  GSignalGroup         *partner_signals;
  CoproRecord          *partner;
};

G_DEFINE_FINAL_TYPE (CoproPartnerEditor, copro_partner_editor, COPRO_TYPE_PARTNERS_SECTION)

enum
{
  PROP_0,
  PROP_SELECTION,
  PROP_PARTNER,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_partner (CoproPartnerEditor *self,
             CoproRecord        *partner)
{
  GtkWidget *child;

  if (!g_set_object (&self->partner, partner))
    return;

  g_signal_group_set_target (self->partner_signals, partner);
  while ((child = gtk_widget_get_first_child (self->form_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->form_box), child);
  if (partner != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
      gtk_box_append (GTK_BOX (self->form_box), copro_record_form_new (partner, _(groups[i].title), groups[i].keys));
  /* The activities and payments of the partner, then the contact log, the
   * last field of a partner: a timeline, not a form (issue 14). */
  if (partner != NULL)
    {
      gtk_box_append (GTK_BOX (self->form_box), copro_partner_attendance_new (partner));
      gtk_box_append (GTK_BOX (self->form_box), copro_contact_log_new (partner));
    }
  if (partner != NULL)
    gtk_widget_set_visible (self->form_page, TRUE);
  gtk_stack_set_visible_child_name (self->stack, partner != NULL ? "editor" : "status");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
update (CoproPartnerEditor *self)
{
  g_autoptr(GtkSelectionModel) selection = GTK_SELECTION_MODEL (g_signal_group_dup_target (self->selection_signals));
  g_autoptr(GtkBitset) bitset = NULL;
  g_autoptr(CoproRecord) partner = NULL;
  guint64 n = 0;

  if (selection != NULL)
    {
      bitset = gtk_selection_model_get_selection (selection);
      n = gtk_bitset_get_size (bitset);
    }
  if (n == 1)
    partner = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_minimum (bitset));
  set_partner (self, partner);
  if (n > 1)
    {
      g_autofree char *text =
        /* TRANSLATORS: shown instead of a partner's details */
        g_strdup_printf (ngettext ("%'u partner selected", "%'u partners selected", (gulong) n), (guint) n);

      gtk_label_set_text (self->status_title, text);
      gtk_label_set_text (self->status_description,
                          _("Select one partner to see and change their details."));
    }
  else if (n == 0)
    {
      gtk_label_set_text (self->status_title, _("No Partner Selected"));
      gtk_label_set_text (self->status_description,
                          _("Select a partner in the register to see and change their details."));
    }
}

static void
on_partner_changed_cb (CoproPartnerEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
copro_partner_editor_editable_set (CoproPartnersSection *section,
                                   gboolean              editable)
{
  CoproPartnerEditor *self = COPRO_PARTNER_EDITOR (section);

  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), editable);
}

static void
copro_partner_editor_dispose (GObject *object)
{
  CoproPartnerEditor *self = COPRO_PARTNER_EDITOR (object);

  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  if (self->partner_signals != NULL)
    g_signal_group_set_target (self->partner_signals, NULL);
  g_clear_object (&self->partner);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_PARTNER_EDITOR);
  /* And what the template has no name for. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (copro_partner_editor_parent_class)->dispose (object);

  g_clear_object (&self->selection_signals);
  g_clear_object (&self->partner_signals);
}

static void
copro_partner_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CoproPartnerEditor *self = COPRO_PARTNER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_take_object (value, g_signal_group_dup_target (self->selection_signals));
      break;
    case PROP_PARTNER:
      g_value_set_object (value, self->partner);
      break;
    case PROP_TITLE:
      g_value_set_string (value, copro_partner_editor_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partner_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CoproPartnerEditor *self = COPRO_PARTNER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      copro_partner_editor_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partner_editor_class_init (CoproPartnerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CoproPartnersSectionClass *section_class = COPRO_PARTNERS_SECTION_CLASS (klass);

  object_class->dispose = copro_partner_editor_dispose;
  object_class->get_property = copro_partner_editor_get_property;
  object_class->set_property = copro_partner_editor_set_property;
  section_class->editable_set = copro_partner_editor_editable_set;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, GTK_TYPE_SELECTION_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER] =
    g_param_spec_object ("partner", NULL, NULL, COPRO_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-partner-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerEditor, status_title);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerEditor, status_description);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerEditor, form_page);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerEditor, form_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
copro_partner_editor_init (CoproPartnerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection_signals = g_signal_group_new (GTK_TYPE_SELECTION_MODEL);
  g_signal_group_connect_swapped (self->selection_signals, "selection-changed", G_CALLBACK (update), self);
  self->partner_signals = g_signal_group_new (COPRO_TYPE_RECORD);
  g_signal_group_connect_swapped (self->partner_signals, "changed", G_CALLBACK (on_partner_changed_cb), self);
  update (self);
}

GtkSelectionModel *
copro_partner_editor_get_selection (CoproPartnerEditor *self)
{
  g_autoptr(GObject) selection = NULL;

  g_return_val_if_fail (COPRO_IS_PARTNER_EDITOR (self), NULL);

  /* Borrowed: whoever set it holds it. */
  selection = g_signal_group_dup_target (self->selection_signals);
  return GTK_SELECTION_MODEL (selection);
}

void
copro_partner_editor_set_selection (CoproPartnerEditor *self,
                                    GtkSelectionModel  *selection)
{
  g_autoptr(GObject) old = NULL;

  g_return_if_fail (COPRO_IS_PARTNER_EDITOR (self));
  g_return_if_fail (selection == NULL || GTK_IS_SELECTION_MODEL (selection));

  old = g_signal_group_dup_target (self->selection_signals);
  if (old == (GObject *) selection)
    return;
  g_signal_group_set_target (self->selection_signals, selection);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

CoproRecord *
copro_partner_editor_get_partner (CoproPartnerEditor *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_EDITOR (self), NULL);

  return self->partner;
}

const char *
copro_partner_editor_get_title (CoproPartnerEditor *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_EDITOR (self), NULL);

  return self->partner != NULL ? copro_partner_get_title (self->partner) : _("Details");
}

GtkWidget *
copro_partner_editor_get_form_box (CoproPartnerEditor *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_EDITOR (self), NULL);

  return self->form_box;
}

gboolean
copro_partner_editor_focus_field (CoproPartnerEditor *self,
                                  const char         *key)
{
  GtkWidget *widget;

  g_return_val_if_fail (COPRO_IS_PARTNER_EDITOR (self), FALSE);

  if (self->partner == NULL)
    return FALSE;
  widget = copro_field_widget_find (self->form_box, self->partner, key);
  if (widget == NULL)
    return FALSE;
  return gtk_widget_grab_focus (copro_field_widget_get_focus (widget));
}
