/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A partner's attendance and payments (copro-partner-attendance.h). */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-activity.h"
#include "copro-budget.h"
#include "copro-format.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner-attendance.h"
#include "copro-payment.h"

struct _CoproPartnerAttendance
{
  AdwPreferencesGroup  parent_instance;

  CoproRecord         *partner;
  CoproRecord         *project;
  GPtrArray           *rows;      /* the rows added to the two expanders */
  gboolean             updating;

  AdwExpanderRow      *activities_row;
  AdwExpanderRow      *payments_row;
};

G_DEFINE_FINAL_TYPE (CoproPartnerAttendance, copro_partner_attendance, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_PARTNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_rows (CoproPartnerAttendance *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      AdwExpanderRow *expander = ADW_EXPANDER_ROW (gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW));

      if (expander != NULL)
        adw_expander_row_remove (expander, row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
on_status_selected_cb (AdwComboRow            *row,
                       GParamSpec             *pspec,
                       CoproPartnerAttendance *self)
{
  CoproRecord *activity = g_object_get_data (G_OBJECT (row), "copro-activity");
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || activity == NULL || self->partner == NULL)
    return;
  copro_activity_set_attendance (activity, copro_record_get_id (self->partner),
                                 selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                 ? NULL : copro_enum_attendance.values[selected - 1].key);
}

/* One drop-down per activity, built when the expander opens. */
static void
add_activity_rows (CoproPartnerAttendance *self)
{
  CoproList *activities = copro_record_get_list (self->project, "activities");
  const char *id = copro_record_get_id (self->partner);

  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);
      CoproRecord *attendance = copro_activity_find_attendance (activity, id);
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      g_autofree char *date = copro_format_date (copro_record_get_string (activity, "start_date"));
      GtkWidget *row = adw_combo_row_new ();
      int status = attendance != NULL
                   ? copro_enum_index (&copro_enum_attendance, copro_record_get_string (attendance, "status"))
                   : -1;

      gtk_string_list_append (choices, _("Not recorded"));
      for (guint k = 0; copro_enum_attendance.values[k].key != NULL; k++)
        gtk_string_list_append (choices, copro_enum_label (&copro_enum_attendance, copro_enum_attendance.values[k].key));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), copro_activity_get_title (activity));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) (status + 1));
      g_object_set_data (G_OBJECT (row), "copro-activity", activity);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_status_selected_cb), self, 0);
      adw_expander_row_add_row (self->activities_row, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
add_payment_rows (CoproPartnerAttendance *self)
{
  CoproList *payments = copro_payments_get (self->project);
  CoproList *activities = copro_record_get_list (self->project, "activities");
  CoproList *partners = copro_record_get_list (self->project, "partners");
  const char *id = copro_record_get_id (self->partner);

  for (guint i = 0; i < copro_list_get_n_items (payments); i++)
    {
      CoproRecord *payment = copro_list_get (payments, i);
      CoproRecord *activity;
      g_autofree char *title = NULL;
      g_autofree char *date = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row;

      if (g_strcmp0 (copro_record_get_string (payment, "partner"), id) != 0)
        continue;
      title = copro_payment_dup_title (payment, partners);
      g_string_append (subtitle, copro_enum_label (&copro_enum_payment_kind, copro_record_get_string (payment, "kind")));
      date = copro_format_date (copro_record_get_string (payment, "paid"));
      if (*date != '\0')
        /* TRANSLATORS: separates the details of a payment */
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? _(" · ") : "", date);
      activity = copro_list_find_by_id (activities, copro_record_get_string (payment, "activity"));
      if (activity != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? _(" · ") : "", copro_activity_get_title (activity));
      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "title", title,
                          "subtitle", subtitle->str,
                          "use-markup", FALSE,
                          NULL);
      adw_expander_row_add_row (self->payments_row, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
update (CoproPartnerAttendance *self)
{
  CoproList *activities;
  CoproList *payments;
  const char *id;
  guint took_part = 0, invited = 0, apologies = 0, n_payments;
  gint64 total;
  g_autofree char *activities_text = NULL;
  g_autofree char *payments_text = NULL;

  if (self->partner == NULL || self->project == NULL || (id = copro_record_get_id (self->partner)) == NULL)
    return;
  activities = copro_record_get_list (self->project, "activities");
  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    {
      CoproRecord *attendance = copro_activity_find_attendance (copro_list_get (activities, i), id);
      const char *status = attendance != NULL ? copro_record_get_string (attendance, "status") : NULL;

      took_part += g_strcmp0 (status, "took-part") == 0;
      invited += g_strcmp0 (status, "invited") == 0;
      apologies += g_strcmp0 (status, "apologies") == 0;
    }
  /* TRANSLATORS: a partner's attendance: took part, invited only, apologies */
  activities_text = g_strdup_printf (_("Took part in %u, invited to %u more, sent apologies for %u"),
                                     took_part, invited, apologies);
  adw_expander_row_set_subtitle (self->activities_row, activities_text);

  payments = copro_payments_get (self->project);
  total = copro_payments_sum_for_partner (payments, id, &n_payments);
  if (n_payments == 0)
    payments_text = g_strdup (_("None recorded. Payments are recorded under Resources and compliance."));
  else
    {
      g_autofree char *sum = copro_money_format (total);

      /* TRANSLATORS: %u payments, then their sum such as £35.00 */
      payments_text = g_strdup_printf (ngettext ("%'u payment, %s in all", "%'u payments, %s in all", n_payments),
                                       n_payments, sum);
    }
  adw_expander_row_set_subtitle (self->payments_row, payments_text);
  adw_expander_row_set_enable_expansion (self->payments_row, n_payments > 0);

  self->updating = TRUE;
  clear_rows (self);
  if (adw_expander_row_get_expanded (self->activities_row))
    add_activity_rows (self);
  add_payment_rows (self);
  self->updating = FALSE;
}

static void
on_activities_expanded_cb (CoproPartnerAttendance *self)
{
  update (self);
}

static void
on_project_changed_cb (CoproRecord            *project,
                       CoproRecord            *origin,
                       const char             *key,
                       CoproPartnerAttendance *self)
{
  const CoproRecordDesc *desc = copro_record_get_desc (origin);

  /* Only what it shows: not each keystroke in a partner's notes. */
  if (self->updating)
    return;
  if (desc == &copro_desc_attendance || desc == &copro_desc_payment ||
      g_strcmp0 (key, "attendance") == 0 || g_strcmp0 (key, "payments") == 0 ||
      g_strcmp0 (key, "activities") == 0 ||
      (desc == &copro_desc_activity && (g_strcmp0 (key, "title") == 0 || g_strcmp0 (key, "start_date") == 0)))
    update (self);
}

static void
set_partner (CoproPartnerAttendance *self,
             CoproRecord            *partner)
{
  CoproRecord *root = partner;
  CoproRecord *parent;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_set_object (&self->partner, partner);
  if (partner != NULL)
    {
      while ((parent = copro_record_get_parent (root)) != NULL)
        root = parent;
      if (copro_record_get_desc (root) == &copro_desc_project)
        {
          self->project = g_object_ref (root);
          g_signal_connect (self->project, "changed", G_CALLBACK (on_project_changed_cb), self);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->project != NULL);
  update (self);
}

static void
copro_partner_attendance_dispose (GObject *object)
{
  CoproPartnerAttendance *self = COPRO_PARTNER_ATTENDANCE (object);

  set_partner (self, NULL);
  g_clear_object (&self->partner);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_PARTNER_ATTENDANCE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (copro_partner_attendance_parent_class)->dispose (object);
}

static void
copro_partner_attendance_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CoproPartnerAttendance *self = COPRO_PARTNER_ATTENDANCE (object);

  switch (prop_id)
    {
    case PROP_PARTNER:
      g_value_set_object (value, self->partner);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partner_attendance_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  CoproPartnerAttendance *self = COPRO_PARTNER_ATTENDANCE (object);

  switch (prop_id)
    {
    case PROP_PARTNER:
      set_partner (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partner_attendance_class_init (CoproPartnerAttendanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_partner_attendance_dispose;
  object_class->get_property = copro_partner_attendance_get_property;
  object_class->set_property = copro_partner_attendance_set_property;

  /* The partner shown (a record of copro_desc_partner in a project). */
  properties[PROP_PARTNER] =
    g_param_spec_object ("partner", NULL, NULL, COPRO_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-partner-attendance.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerAttendance, activities_row);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerAttendance, payments_row);
  gtk_widget_class_bind_template_callback (widget_class, on_activities_expanded_cb);
}

static void
copro_partner_attendance_init (CoproPartnerAttendance *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
copro_partner_attendance_new (CoproRecord *partner)
{
  g_return_val_if_fail (COPRO_IS_RECORD (partner), NULL);

  return g_object_new (COPRO_TYPE_PARTNER_ATTENDANCE, "partner", partner, NULL);
}
