/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CoproTypedRow: dates and money, typed text checked before it reaches the
 * model (copro-field-rows.h). */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-field-row-private.h"
#include "copro-format.h"
#include "copro-record-form.h"
#include "copro-typed-row.h"

struct _CoproTypedRow
{
  AdwActionRow  parent_instance;

  CoproFieldLink link;
  GtkWidget    *entry;
  GtkWidget    *calendar_button;
  GtkCalendar  *calendar;
  gulong        changed_id;
  gulong        day_selected_id;
};

G_DEFINE_FINAL_TYPE (CoproTypedRow, copro_typed_row, ADW_TYPE_ACTION_ROW)

static gboolean
typed_row_is_date (CoproTypedRow *self)
{
  return self->link.field != NULL && self->link.field->kind == COPRO_FIELD_DATE;
}

static char *
typed_row_format (CoproTypedRow *self)
{
  gint64 pence;

  if (self->link.field == NULL)
    return g_strdup ("");
  if (typed_row_is_date (self))
    return copro_format_date (copro_record_get_string (self->link.record, self->link.key));
  pence = copro_record_get_money (self->link.record, self->link.key);
  return pence == 0 ? g_strdup ("") : copro_format_money (pence);
}

/* Whether @text means the value the model holds. */
static gboolean
typed_row_matches (CoproTypedRow *self,
                   const char    *text)
{
  if (self->link.field == NULL)
    return FALSE;
  if (typed_row_is_date (self))
    {
      g_autofree char *iso = NULL;

      return copro_parse_date (text, &iso) &&
             g_strcmp0 (iso, copro_record_get_string (self->link.record, self->link.key)) == 0;
    }
  else
    {
      gint64 pence;

      return copro_parse_money (text, &pence) &&
             pence == copro_record_get_money (self->link.record, self->link.key);
    }
}

static void
typed_row_show_problem (CoproTypedRow *self,
                        const char    *problem)
{
  const char *help = typed_row_is_date (self) ? _("Type the day, month and year, such as 25/12/2026")
                                              : _("Type pounds and pence, such as 1,250.00");

  /* The row's subtitle shows the problem; the entry's description says it
   * to screen readers (GTK does not read a described-by label's text). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  problem != NULL ? problem : help,
                                  -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), problem != NULL ? problem : "");
  if (problem != NULL)
    {
      gtk_widget_add_css_class (self->entry, "error");
      gtk_widget_add_css_class (GTK_WIDGET (self), "copro-invalid");
    }
  else
    {
      gtk_widget_remove_css_class (self->entry, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "copro-invalid");
    }
}

static void
typed_row_set_text (CoproTypedRow *self,
                    const char    *text)
{
  g_signal_handler_block (self->entry, self->changed_id);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  g_signal_handler_unblock (self->entry, self->changed_id);
  typed_row_show_problem (self, NULL);
}

static void
on_typed_entry_changed_cb (GtkEditable   *entry,
                           CoproTypedRow *self)
{
  const char *text = gtk_editable_get_text (entry);
  g_autofree char *shown = g_strstrip (g_strdup (text));
  g_autofree char *problem = NULL;

  if (self->link.field == NULL)
    return;
  /* Emptying the field unsets the value only when the user moves on or
   * presses Enter: replacing the text empties it on the way. */
  if (*shown == '\0')
    {
      typed_row_show_problem (self, NULL);
      return;
    }

  if (typed_row_is_date (self))
    {
      g_autofree char *iso = NULL;

      if (copro_parse_date (text, &iso))
        copro_record_set_string (self->link.record, self->link.key, iso);
      else
        /* TRANSLATORS: shown under a date field while what is typed is not a date */
        problem = g_strdup_printf (_("“%s” is not a date. Type the day, month and year, such as 25/12/2026."),
                                   shown);
    }
  else
    {
      gint64 pence;

      if (copro_parse_money (text, &pence))
        copro_record_set_money (self->link.record, self->link.key, pence);
      else
        /* TRANSLATORS: shown under a money field while what is typed is not an amount */
        problem = g_strdup_printf (_("“%s” is not an amount. Type pounds and pence, such as 1,250.00."),
                                   shown);
    }
  typed_row_show_problem (self, problem);
}

static void
typed_row_sync (GtkWidget *row)
{
  CoproTypedRow *self = COPRO_TYPED_ROW (row);
  g_autofree char *text = NULL;

  /* Leave alone what the user is typing if it means the same. */
  if (typed_row_matches (self, gtk_editable_get_text (GTK_EDITABLE (self->entry))))
    return;
  text = typed_row_format (self);
  typed_row_set_text (self, text);
}

/* An emptied field unsets the value. */
static void
typed_row_commit_empty (CoproTypedRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  if (*text != '\0' || self->link.field == NULL)
    return;
  if (typed_row_is_date (self))
    copro_record_set_string (self->link.record, self->link.key, NULL);
  else
    copro_record_set_money (self->link.record, self->link.key, 0);
}

static void
on_typed_entry_activate_cb (GtkEntry      *entry,
                            CoproTypedRow *self)
{
  typed_row_commit_empty (self);
}

static void
on_typed_focus_leave_cb (GtkEventControllerFocus *controller,
                         CoproTypedRow           *self)
{
  const char *text;
  g_autofree char *tidy = NULL;

  typed_row_commit_empty (self);
  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  /* Write a valid value the usual way once the user moves on. */
  if (!typed_row_matches (self, text))
    return;
  tidy = typed_row_format (self);
  if (g_strcmp0 (tidy, text) != 0)
    typed_row_set_text (self, tidy);
}

static void
on_calendar_day_selected_cb (GtkCalendar   *calendar,
                             CoproTypedRow *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (when, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  if (self->link.field != NULL)
    copro_record_set_string (self->link.record, self->link.key, iso);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_calendar_popover_show_cb (GtkPopover    *popover,
                             CoproTypedRow *self)
{
  GDate date;
  g_autoptr(GDateTime) when = NULL;

  g_date_clear (&date, 1);
  if (self->link.field != NULL && copro_record_get_date (self->link.record, self->link.key, &date))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 0, 0, 0);
  else
    when = g_date_time_new_now_local ();
  g_signal_handler_block (self->calendar, self->day_selected_id);
  gtk_calendar_select_day (self->calendar, when);
  g_signal_handler_unblock (self->calendar, self->day_selected_id);
}

/* The calendar is made the first time it is opened, not with each date
 * row: a GtkCalendar is dozens of widgets, and a panel has several dates
 * (start-up, bench/benchmark.py). */
static void
calendar_button_create_popup_cb (GtkMenuButton *button,
                                 gpointer       user_data)
{
  CoproTypedRow *self = user_data;
  GtkWidget *popover;

  if (self->calendar != NULL)
    return;
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->day_selected_id = g_signal_connect (self->calendar, "day-selected",
                                            G_CALLBACK (on_calendar_day_selected_cb), self);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_popover_show_cb), self);
  gtk_menu_button_set_popover (button, popover);
}

static void
typed_row_setup (GtkWidget        *row,
                 const CoproField *field)
{
  CoproTypedRow *self = COPRO_TYPED_ROW (row);
  gboolean date = field != NULL && field->kind == COPRO_FIELD_DATE;

  copro_field_link_set_title (row, field);
  if (date)
    {
      /* TRANSLATORS: a button beside a date field; %s is the field, e.g. Start date */
      g_autofree char *name = g_strdup_printf (_("Pick “%s” from a calendar"), copro_field_label (field));

      gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 10);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 10);
      gtk_editable_set_alignment (GTK_EDITABLE (self->entry), 0.0);
      /* TRANSLATORS: the placeholder of a date field: day/month/year */
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("dd/mm/yyyy"));
      gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_FREE_FORM);
      gtk_widget_set_tooltip_text (self->calendar_button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }
  else
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 11);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 14);
      gtk_editable_set_alignment (GTK_EDITABLE (self->entry), 1.0);
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), "£0.00");
      gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_NUMBER);
    }
  gtk_widget_set_visible (self->calendar_button, date);
  if (field == NULL)
    typed_row_set_text (self, "");
}

static GtkWidget *
typed_row_focus (GtkWidget *row)
{
  return COPRO_TYPED_ROW (row)->entry;
}

static const CoproFieldRowOps typed_row_ops = { typed_row_setup, NULL, typed_row_sync, typed_row_focus };

static void
copro_typed_row_dispose (GObject *object)
{
  CoproTypedRow *self = COPRO_TYPED_ROW (object);

  copro_field_link_clear (&self->link);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_TYPED_ROW);

  G_OBJECT_CLASS (copro_typed_row_parent_class)->dispose (object);
}

static void
copro_typed_row_class_init (CoproTypedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_typed_row_dispose;
  object_class->get_property = copro_field_link_get_property;
  object_class->set_property = copro_field_link_set_property;
  copro_field_link_install_properties (object_class, G_STRUCT_OFFSET (CoproTypedRow, link));

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-typed-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproTypedRow, entry);
  gtk_widget_class_bind_template_child (widget_class, CoproTypedRow, calendar_button);
  gtk_widget_class_bind_template_callback (widget_class, on_typed_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_typed_focus_leave_cb);
}

static void
copro_typed_row_init (CoproTypedRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The row's title names the entry. libadwaita also points the entry's
   * described-by at the subtitle label, but GTK computes a description from
   * a described-by label as "" and lets the relation hide the entry's own
   * description: drop it, and the entry says the hint or the problem itself
   * (typed_row_show_problem). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  self->changed_id = g_signal_connect (self->entry, "changed", G_CALLBACK (on_typed_entry_changed_cb), self);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->calendar_button),
                                         calendar_button_create_popup_cb, self, NULL);
  copro_field_link_init (&self->link, GTK_WIDGET (self), &typed_row_ops);
  typed_row_show_problem (self, NULL);
}
