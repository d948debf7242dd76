/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An activity's attendance at a glance (copro-activity-attendance.h). */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-activity.h"
#include "copro-activity-attendance.h"
#include "copro-history.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner-chooser.h"

struct _CoproActivityAttendance
{
  GtkListBoxRow  parent_instance;

  CoproRecord   *activity;
  GtkWidget     *participants_row;   /* weak */
  char          *summary;

  GtkWidget     *summary_label;
  GtkWidget     *sectors_label;
};

G_DEFINE_FINAL_TYPE (CoproActivityAttendance, copro_activity_attendance, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Carer 2, Council 1", the counts that are not 0, with @labels' words. */
static void
append_counts (GString         *out,
               const CoproEnum *enumeration,
               const guint     *counts,
               const char      *none)
{
  guint n = copro_enum_n_values (enumeration);
  gboolean first = TRUE;

  for (guint i = 0; i <= n; i++)
    {
      if (counts[i] == 0)
        continue;
      if (!first)
        /* TRANSLATORS: separates the counts of who took part, e.g. "Carer 2, Council 1" */
        g_string_append (out, _(", "));
      first = FALSE;
      /* TRANSLATORS: a kind of partner and how many of them took part, e.g. "Carer 2" */
      g_string_append_printf (out, _("%s %u"),
                              i < n ? copro_enum_label (enumeration, enumeration->values[i].key) : none,
                              counts[i]);
    }
}

static void
update (CoproActivityAttendance *self)
{
  guint n_sectors = copro_enum_n_values (&copro_enum_sector);
  guint n_kinds = copro_enum_n_values (&copro_enum_partner_kind);
  g_autofree guint *by_sector = g_new0 (guint, n_sectors + 1);
  g_autofree guint *by_kind = g_new0 (guint, n_kinds + 1);
  g_autoptr(GString) sectors = g_string_new (NULL);
  gboolean has;
  guint took_part, apologies, invited;

  if (self->activity == NULL)
    return;
  has = copro_activity_has_attendance (self->activity);
  took_part = copro_activity_count_attendance (self->activity, "took-part");
  apologies = copro_activity_count_attendance (self->activity, "apologies");
  invited = copro_activity_count_attendance (self->activity, "invited");
  g_free (self->summary);
  if (!has)
    self->summary = g_strdup (_("No attendance is recorded, so the number of people taking part is "
                                "the one entered above. Add who took part to count them instead."));
  else
    {
      /* TRANSLATORS: the first part of a sentence, e.g. "2 people took part" */
      g_autofree char *part = g_strdup_printf (ngettext ("%'u person took part", "%'u people took part", took_part),
                                               took_part);

      /* TRANSLATORS: %s is "2 people took part"; then who sent apologies and who was only invited */
      self->summary = g_strdup_printf (_("%s, %u sent apologies and %u were invited. The number taking part comes from this attendance."),
                                       part, apologies, invited);
    }
  gtk_label_set_text (GTK_LABEL (self->summary_label), self->summary);

  if (took_part > 0)
    {
      copro_activity_count_took_part (self->activity, copro_partner_register_for (self->activity),
                                      by_sector, by_kind);
      g_string_append (sectors, _("Who took part, by sector: "));
      append_counts (sectors, &copro_enum_sector, by_sector, _("Sector not set"));
      g_string_append (sectors, _(". By kind: "));
      append_counts (sectors, &copro_enum_partner_kind, by_kind, _("Kind not set"));
      g_string_append (sectors, _("."));
    }
  gtk_label_set_text (GTK_LABEL (self->sectors_label), sectors->str);
  gtk_widget_set_visible (self->sectors_label, sectors->len > 0);
  if (self->participants_row != NULL)
    gtk_widget_set_visible (self->participants_row, !has);
}

static void
on_activity_changed_cb (CoproRecord             *activity,
                        CoproRecord             *origin,
                        const char              *key,
                        CoproActivityAttendance *self)
{
  if (origin != activity || g_strcmp0 (key, "attendance") == 0)
    update (self);
}

static void
on_picked_cb (CoproPartnerChooser     *chooser,
              const char * const      *ids,
              CoproActivityAttendance *self)
{
  const char *status = g_object_get_data (G_OBJECT (chooser), "copro-status");

  copro_activity_attendance_mark (self, ids, status);
}

static void
choose (CoproActivityAttendance *self,
        const char              *status,
        const char              *action)
{
  CoproList *partners;
  CoproPartnerChooser *chooser;

  if (self->activity == NULL || (partners = copro_partner_register_for (self->activity)) == NULL)
    return;
  chooser = copro_partner_chooser_new_multiple (partners, action, NULL);
  g_object_set_data (G_OBJECT (chooser), "copro-status", (gpointer) status);
  g_signal_connect_object (chooser, "picked", G_CALLBACK (on_picked_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (chooser), GTK_WIDGET (self));
}

static void
on_took_part_clicked_cb (CoproActivityAttendance *self)
{
  /* TRANSLATORS: the button that records the partners ticked as having taken part */
  choose (self, "took-part", _("Took Part"));
}

static void
on_invited_clicked_cb (CoproActivityAttendance *self)
{
  /* TRANSLATORS: the button that records the partners ticked as invited */
  choose (self, "invited", _("Invited"));
}

/* GObject */

static void
set_activity (CoproActivityAttendance *self,
              CoproRecord             *activity)
{
  g_return_if_fail (activity == NULL || copro_record_get_desc (activity) == &copro_desc_activity);

  if (self->activity != NULL)
    g_signal_handlers_disconnect_by_data (self->activity, self);
  g_set_object (&self->activity, activity);
  if (activity != NULL)
    g_signal_connect (activity, "changed", G_CALLBACK (on_activity_changed_cb), self);
  update (self);
}

static void
copro_activity_attendance_dispose (GObject *object)
{
  CoproActivityAttendance *self = COPRO_ACTIVITY_ATTENDANCE (object);

  set_activity (self, NULL);
  g_clear_weak_pointer (&self->participants_row);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_ACTIVITY_ATTENDANCE);

  G_OBJECT_CLASS (copro_activity_attendance_parent_class)->dispose (object);
}

static void
copro_activity_attendance_finalize (GObject *object)
{
  CoproActivityAttendance *self = COPRO_ACTIVITY_ATTENDANCE (object);

  g_free (self->summary);

  G_OBJECT_CLASS (copro_activity_attendance_parent_class)->finalize (object);
}

static void
copro_activity_attendance_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CoproActivityAttendance *self = COPRO_ACTIVITY_ATTENDANCE (object);

  switch (prop_id)
    {
    case PROP_ACTIVITY:
      g_value_set_object (value, self->activity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_activity_attendance_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CoproActivityAttendance *self = COPRO_ACTIVITY_ATTENDANCE (object);

  switch (prop_id)
    {
    case PROP_ACTIVITY:
      set_activity (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_activity_attendance_class_init (CoproActivityAttendanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_activity_attendance_dispose;
  object_class->finalize = copro_activity_attendance_finalize;
  object_class->get_property = copro_activity_attendance_get_property;
  object_class->set_property = copro_activity_attendance_set_property;

  /* The activity shown (a record of copro_desc_activity). */
  properties[PROP_ACTIVITY] =
    g_param_spec_object ("activity", NULL, NULL, COPRO_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-activity-attendance.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproActivityAttendance, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CoproActivityAttendance, sectors_label);
  gtk_widget_class_bind_template_callback (widget_class, on_took_part_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_invited_clicked_cb);
}

static void
copro_activity_attendance_init (CoproActivityAttendance *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
copro_activity_attendance_new (CoproRecord *activity)
{
  g_return_val_if_fail (COPRO_IS_RECORD (activity), NULL);

  return g_object_new (COPRO_TYPE_ACTIVITY_ATTENDANCE, "activity", activity, NULL);
}

void
copro_activity_attendance_set_participants_row (CoproActivityAttendance *self,
                                                GtkWidget               *row)
{
  g_return_if_fail (COPRO_IS_ACTIVITY_ATTENDANCE (self));

  g_set_weak_pointer (&self->participants_row, row);
  update (self);
}

const char *
copro_activity_attendance_get_summary (CoproActivityAttendance *self)
{
  g_return_val_if_fail (COPRO_IS_ACTIVITY_ATTENDANCE (self), NULL);

  return self->summary;
}

void
copro_activity_attendance_mark (CoproActivityAttendance *self,
                                const char * const      *ids,
                                const char              *status)
{
  CoproHistory *history;

  g_return_if_fail (COPRO_IS_ACTIVITY_ATTENDANCE (self));
  g_return_if_fail (ids != NULL);

  if (self->activity == NULL)
    return;
  history = copro_history_get_for_record (self->activity);
  if (history != NULL)
    copro_history_begin_group (history);
  for (guint i = 0; ids[i] != NULL; i++)
    copro_activity_set_attendance (self->activity, ids[i], status);
  if (history != NULL)
    copro_history_end_group (history);
}
