/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The rows of a record, built from its description (copro-model.c): one
 * control per field kind, bound to the record's property both ways. Nothing
 * here knows any particular field; the panels choose which fields to show.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-format.h"
#include "copro-list-editor.h"
#include "copro-partner-chooser.h"
#include "copro-record-form.h"
#include "copro-text-view.h"

struct _CoproRecordForm
{
  GtkWidget    parent_instance;

  CoproRecord *record;
};

G_DEFINE_FINAL_TYPE (CoproRecordForm, copro_record_form, GTK_TYPE_WIDGET)

/* Registered field widgets */

typedef struct
{
  CoproRecord *record;   /* a reference */
  const char  *key;      /* static, from the description */
  GtkWidget   *focus;    /* unowned: a descendant of the widget, or the widget */
} FieldMark;

static GQuark
field_mark_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("copro-field-mark");
  return quark;
}

static void
field_mark_free (FieldMark *mark)
{
  g_clear_object (&mark->record);
  g_free (mark);
}

void
copro_field_widget_register (GtkWidget   *widget,
                             CoproRecord *record,
                             const char  *key,
                             GtkWidget   *focus)
{
  FieldMark *mark;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (COPRO_IS_RECORD (record));

  mark = g_new0 (FieldMark, 1);
  mark->record = g_object_ref (record);
  mark->key = g_intern_string (key);
  mark->focus = focus != NULL ? focus : widget;
  g_object_set_qdata_full (G_OBJECT (widget), field_mark_quark (), mark,
                           (GDestroyNotify) field_mark_free);
}

GtkWidget *
copro_field_widget_find (GtkWidget   *root,
                         CoproRecord *record,
                         const char  *key)
{
  FieldMark *mark;

  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  mark = g_object_get_qdata (G_OBJECT (root), field_mark_quark ());
  if (mark != NULL && mark->record == record && g_strcmp0 (mark->key, key) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = copro_field_widget_find (child, record, key);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
copro_field_widget_get_focus (GtkWidget *widget)
{
  FieldMark *mark;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  mark = g_object_get_qdata (G_OBJECT (widget), field_mark_quark ());
  return mark != NULL ? mark->focus : widget;
}

CoproRecord *
copro_field_widget_get_record (GtkWidget *widget)
{
  FieldMark *mark;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  mark = g_object_get_qdata (G_OBJECT (widget), field_mark_quark ());
  return mark != NULL ? mark->record : NULL;
}

const char *
copro_field_label (const CoproField *field)
{
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

static void
unfocus_inner_lists (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        gtk_widget_set_focusable (child, FALSE);
      unfocus_inner_lists (child);
    }
}

void
copro_expander_row_tidy (GtkWidget *row)
{
  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  /* The keyboard goes to the header row inside, which is named by the
   * title; the row around it and libadwaita's inner lists never hold the
   * focus themselves, so they should not claim to (nameless, to a screen
   * reader). Call before adding rows. */
  gtk_widget_set_focusable (row, FALSE);
  unfocus_inner_lists (row);
}

static const char *
field_property (CoproRecord      *record,
                const CoproField *field)
{
  const CoproRecordDesc *desc = copro_record_get_desc (record);

  return COPRO_RECORD_GET_CLASS (record)->pspecs[field - desc->fields]->name;
}

static char *
notify_signal (CoproRecord      *record,
               const CoproField *field)
{
  return g_strconcat ("notify::", field_property (record, field), NULL);
}

/* Text: one line (STRING, EMAIL) */

static GtkWidget *
entry_row_new (CoproRecord      *record,
               const CoproField *field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), copro_field_label (field));
  /* libadwaita 1.7 gives the row two title labels (one shown while it is
   * empty, one above the text) and makes the row the mnemonic widget of
   * both, so GTK names it twice ("Name Name"): name it once, by its title. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copro_field_label (field),
                                  -1);
  if (field->kind == COPRO_FIELD_EMAIL)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_EMAIL);
  g_object_bind_property (record, field_property (record, field), row, "text",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  return row;
}

/* Text: several lines (TEXT), in a text view that grows with its content */

typedef struct
{
  CoproRecord      *record;
  const CoproField *field;
  GtkTextBuffer    *buffer;
  gulong            buffer_changed_id;
  gulong            notify_id;
} TextField;

static void
text_field_free (TextField *data)
{
  g_clear_object (&data->record);
  g_free (data);
}

static void
on_text_buffer_changed_cb (GtkTextBuffer *buffer,
                           TextField     *data)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_signal_handler_block (data->record, data->notify_id);
  copro_record_set_string (data->record, data->field->key, text);
  g_signal_handler_unblock (data->record, data->notify_id);
}

static void
sync_text_view (TextField *data)
{
  const char *value = copro_record_get_string (data->record, data->field->key);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (data->buffer, &start, &end);
  text = gtk_text_buffer_get_text (data->buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, value) == 0)
    return;
  g_signal_handler_block (data->buffer, data->buffer_changed_id);
  gtk_text_buffer_set_text (data->buffer, value != NULL ? value : "", -1);
  g_signal_handler_unblock (data->buffer, data->buffer_changed_id);
}

static void
on_text_record_notify_cb (CoproRecord *record,
                          GParamSpec  *pspec,
                          GtkWidget   *row)
{
  sync_text_view (g_object_get_data (G_OBJECT (row), "copro-text-field"));
}

static void
on_text_row_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        GtkWidget       *view)
{
  /* A click anywhere in the row starts typing, as in an entry row. */
  if (!gtk_widget_has_focus (view))
    gtk_widget_grab_focus (view);
}

static GtkWidget *
text_row_new (CoproRecord      *record,
              const CoproField *field,
              GtkWidget       **focus)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (copro_field_label (field));
  GtkWidget *view = copro_text_view_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  TextField *data = g_new0 (TextField, 1);
  g_autofree char *signal = notify_signal (record, field);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), copro_field_label (field));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "copro-text-row");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "copro-field-title");

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next control; these are answers, not tables. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (view), 0);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_add_css_class (view, "copro-text");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_signal_connect (click, "pressed", G_CALLBACK (on_text_row_pressed_cb), view);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  data->record = g_object_ref (record);
  data->field = field;
  data->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (data->buffer, copro_record_get_string (record, field->key), -1);
  data->buffer_changed_id = g_signal_connect (data->buffer, "changed",
                                              G_CALLBACK (on_text_buffer_changed_cb), data);
  /* The row owns the data; the record's handler goes with the row. */
  g_object_set_data_full (G_OBJECT (row), "copro-text-field", data, (GDestroyNotify) text_field_free);
  data->notify_id = g_signal_connect_object (record, signal, G_CALLBACK (on_text_record_notify_cb),
                                             row, 0);
  *focus = view;
  return row;
}

/* Enumerations (ENUM): a drop-down with "Not set" first */

static gboolean
key_to_position (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const CoproField *field = user_data;
  int index = copro_enum_index (field->enumeration, g_value_get_string (from));

  g_value_set_uint (to, index < 0 ? 0 : (guint) index + 1);
  return TRUE;
}

static gboolean
position_to_key (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const CoproField *field = user_data;
  guint position = g_value_get_uint (from);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > copro_enum_n_values (field->enumeration))
    g_value_set_string (to, NULL);
  else
    g_value_set_string (to, field->enumeration->values[position - 1].key);
  return TRUE;
}

static GtkWidget *
combo_row_new (CoproRecord      *record,
               const CoproField *field)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), copro_field_label (field));
  /* TRANSLATORS: the first choice of a drop-down, for "no answer yet" */
  gtk_string_list_append (labels, C_("choice", "Not set"));
  for (guint i = 0; field->enumeration->values[i].key != NULL; i++)
    gtk_string_list_append (labels, g_dgettext (GETTEXT_PACKAGE, field->enumeration->values[i].label));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_bind_property_full (record, field_property (record, field), row, "selected",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               key_to_position, position_to_key, (gpointer) field, NULL);
  return row;
}

/* Dates and money: typed text, checked before it reaches the model */

typedef struct
{
  CoproRecord      *record;
  const CoproField *field;
  GtkWidget        *row;
  GtkWidget        *entry;
  GtkWidget        *calendar;
  gulong            changed_id;
  gulong            notify_id;
  gulong            day_selected_id;
} TypedField;

static void
typed_field_free (TypedField *data)
{
  g_clear_object (&data->record);
  g_free (data);
}

static char *
typed_field_format (TypedField *data)
{
  if (data->field->kind == COPRO_FIELD_DATE)
    return copro_format_date (copro_record_get_string (data->record, data->field->key));
  if (copro_record_get_money (data->record, data->field->key) == 0)
    return g_strdup ("");
  return copro_format_money (copro_record_get_money (data->record, data->field->key));
}

/* Whether @text means the value the model holds. */
static gboolean
typed_field_matches (TypedField *data,
                     const char *text)
{
  if (data->field->kind == COPRO_FIELD_DATE)
    {
      g_autofree char *iso = NULL;

      return copro_parse_date (text, &iso) &&
             g_strcmp0 (iso, copro_record_get_string (data->record, data->field->key)) == 0;
    }
  else
    {
      gint64 pence;

      return copro_parse_money (text, &pence) &&
             pence == copro_record_get_money (data->record, data->field->key);
    }
}

static const char *
typed_field_help (TypedField *data)
{
  if (data->field->kind == COPRO_FIELD_DATE)
    return _("Type the day, month and year, such as 25/12/2026");
  return _("Type pounds and pence, such as 1,250.00");
}

static void
typed_field_show_problem (TypedField *data,
                          const char *problem)
{
  /* The row's subtitle shows the problem; the entry's description says it
   * to screen readers (GTK does not read a described-by label's text). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  problem != NULL ? problem : typed_field_help (data),
                                  -1);
  if (problem != NULL)
    {
      gtk_widget_add_css_class (data->entry, "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (data->row), problem);
      gtk_widget_add_css_class (data->row, "copro-invalid");
    }
  else
    {
      gtk_widget_remove_css_class (data->entry, "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (data->row), "");
      gtk_widget_remove_css_class (data->row, "copro-invalid");
    }
}

static void
on_typed_entry_changed_cb (GtkEditable *entry,
                           TypedField  *data)
{
  const char *text = gtk_editable_get_text (entry);
  g_autofree char *shown = g_strstrip (g_strdup (text));
  g_autofree char *problem = NULL;

  /* Emptying the field unsets the value only when the user moves on or
   * presses Enter: replacing the text empties it on the way. */
  if (*shown == '\0')
    {
      typed_field_show_problem (data, NULL);
      return;
    }

  g_signal_handler_block (data->record, data->notify_id);
  if (data->field->kind == COPRO_FIELD_DATE)
    {
      g_autofree char *iso = NULL;

      if (copro_parse_date (text, &iso))
        copro_record_set_string (data->record, data->field->key, iso);
      else
        /* TRANSLATORS: shown under a date field while what is typed is not a date */
        problem = g_strdup_printf (_("“%s” is not a date. Type the day, month and year, such as 25/12/2026."),
                                   shown);
    }
  else
    {
      gint64 pence;

      if (copro_parse_money (text, &pence))
        copro_record_set_money (data->record, data->field->key, pence);
      else
        /* TRANSLATORS: shown under a money field while what is typed is not an amount */
        problem = g_strdup_printf (_("“%s” is not an amount. Type pounds and pence, such as 1,250.00."),
                                   shown);
    }
  g_signal_handler_unblock (data->record, data->notify_id);
  typed_field_show_problem (data, problem);
}

static void
typed_field_set_text (TypedField *data,
                      const char *text)
{
  g_signal_handler_block (data->entry, data->changed_id);
  gtk_editable_set_text (GTK_EDITABLE (data->entry), text);
  g_signal_handler_unblock (data->entry, data->changed_id);
  typed_field_show_problem (data, NULL);
}

static void
on_typed_record_notify_cb (CoproRecord *record,
                           GParamSpec  *pspec,
                           GtkWidget   *row)
{
  TypedField *data = g_object_get_data (G_OBJECT (row), "copro-typed-field");
  g_autofree char *text = NULL;

  /* Leave alone what the user is typing if it means the same. */
  if (typed_field_matches (data, gtk_editable_get_text (GTK_EDITABLE (data->entry))))
    return;
  text = typed_field_format (data);
  typed_field_set_text (data, text);
}

/* An emptied field unsets the value. */
static void
typed_field_commit_empty (TypedField *data)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->entry))));

  if (*text != '\0')
    return;
  g_signal_handler_block (data->record, data->notify_id);
  if (data->field->kind == COPRO_FIELD_DATE)
    copro_record_set_string (data->record, data->field->key, NULL);
  else
    copro_record_set_money (data->record, data->field->key, 0);
  g_signal_handler_unblock (data->record, data->notify_id);
}

static void
on_typed_entry_activate_cb (GtkEntry   *entry,
                            TypedField *data)
{
  typed_field_commit_empty (data);
}

static void
on_typed_focus_leave_cb (GtkEventControllerFocus *controller,
                         TypedField              *data)
{
  const char *text;
  g_autofree char *tidy = NULL;

  typed_field_commit_empty (data);
  text = gtk_editable_get_text (GTK_EDITABLE (data->entry));

  /* Write a valid value the usual way once the user moves on. */
  if (!typed_field_matches (data, text))
    return;
  tidy = typed_field_format (data);
  if (g_strcmp0 (tidy, text) != 0)
    typed_field_set_text (data, tidy);
}

static void
on_calendar_day_selected_cb (GtkCalendar *calendar,
                             TypedField  *data)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (when, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  copro_record_set_string (data->record, data->field->key, iso);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_calendar_popover_show_cb (GtkPopover *popover,
                             TypedField *data)
{
  GDate date;
  g_autoptr(GDateTime) when = NULL;

  g_date_clear (&date, 1);
  if (copro_record_get_date (data->record, data->field->key, &date))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 0, 0, 0);
  else
    when = g_date_time_new_now_local ();
  g_signal_handler_block (data->calendar, data->day_selected_id);
  gtk_calendar_select_day (GTK_CALENDAR (data->calendar), when);
  g_signal_handler_unblock (data->calendar, data->day_selected_id);
}

static GtkWidget *
typed_row_new (CoproRecord      *record,
               const CoproField *field,
               GtkWidget       **focus)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus_controller = gtk_event_controller_focus_new ();
  TypedField *data = g_new0 (TypedField, 1);
  g_autofree char *signal = notify_signal (record, field);
  g_autofree char *text = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), copro_field_label (field));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "copro-typed-row");

  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  if (field->kind == COPRO_FIELD_DATE)
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 10);
      /* TRANSLATORS: the placeholder of a date field: day/month/year */
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("dd/mm/yyyy"));
    }
  else
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 14);
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "£0.00");
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  /* The row's title names the entry. libadwaita also points the entry's
   * described-by at the subtitle label, but GTK 4.18 computes a description
   * from a described-by label as "" (it asks the label for a description
   * property, not its text) and lets the relation hide the entry's own
   * description: drop it, and the entry says the hint or the problem itself
   * (typed_field_show_problem). */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);

  data->record = g_object_ref (record);
  data->field = field;
  data->row = row;
  data->entry = entry;
  g_object_set_data_full (G_OBJECT (row), "copro-typed-field", data, (GDestroyNotify) typed_field_free);

  if (field->kind == COPRO_FIELD_DATE)
    {
      GtkWidget *button = gtk_menu_button_new ();
      GtkWidget *popover = gtk_popover_new ();
      g_autofree char *name = NULL;

      data->calendar = gtk_calendar_new ();
      gtk_popover_set_child (GTK_POPOVER (popover), data->calendar);
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* TRANSLATORS: a button beside a date field; %s is the field, e.g. Start date */
      name = g_strdup_printf (_("Pick “%s” from a calendar"), copro_field_label (field));
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      data->day_selected_id = g_signal_connect (data->calendar, "day-selected",
                                                G_CALLBACK (on_calendar_day_selected_cb), data);
      g_signal_connect (popover, "show", G_CALLBACK (on_calendar_popover_show_cb), data);
    }

  text = typed_field_format (data);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  typed_field_show_problem (data, NULL);
  data->changed_id = g_signal_connect (entry, "changed", G_CALLBACK (on_typed_entry_changed_cb), data);
  g_signal_connect (entry, "activate", G_CALLBACK (on_typed_entry_activate_cb), data);
  data->notify_id = g_signal_connect_object (record, signal, G_CALLBACK (on_typed_record_notify_cb),
                                             row, 0);
  g_signal_connect (focus_controller, "leave", G_CALLBACK (on_typed_focus_leave_cb), data);
  gtk_widget_add_controller (entry, focus_controller);
  *focus = entry;
  return row;
}

/* Whole numbers (INT): a spin button; 0 reads "Not set" when the range starts at 1 */

static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  if (gtk_spin_button_get_value_as_int (spin) != 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), C_("number", "Not set"));
  return TRUE;
}

static int
on_spin_input_cb (GtkSpinButton *spin,
                  double        *new_value,
                  gpointer       user_data)
{
  g_autofree char *text = g_strstrip (g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (spin)), -1));
  g_autofree char *not_set = g_utf8_casefold (C_("number", "Not set"), -1);

  if (*text == '\0' || g_str_equal (text, not_set))
    {
      *new_value = 0;
      return TRUE;
    }
  return FALSE;
}

static GtkWidget *
spin_row_new (CoproRecord      *record,
              const CoproField *field,
              GtkWidget       **focus)
{
  GtkWidget *row = adw_action_row_new ();
  int lowest = MIN (field->min, 0);
  GtkWidget *spin = gtk_spin_button_new_with_range (lowest, field->max, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), copro_field_label (field));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  if (field->min > 0)
    {
      /* TRANSLATORS: the range of a number field, e.g. the likelihood of a risk */
      g_autofree char *range = g_strdup_printf (_("From %d to %d"), field->min, field->max);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), range);
      /* gtk_spin_button_new_with_range() allows digits only: "Not set" too. */
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
      gtk_editable_set_width_chars (GTK_EDITABLE (spin), 7);
      g_signal_connect (spin, "output", G_CALLBACK (on_spin_output_cb), NULL);
      g_signal_connect (spin, "input", G_CALLBACK (on_spin_input_cb), NULL);
    }
  else
    {
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (spin), 7);
    }
  g_object_bind_property (record, field_property (record, field), spin, "value",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  /* The spin button wrote its first value before the handlers were there. */
  if (field->min > 0)
    on_spin_output_cb (GTK_SPIN_BUTTON (spin), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  *focus = spin;
  return row;
}

/* Yes or no (BOOL): a switch */

static GtkWidget *
switch_row_new (CoproRecord      *record,
                const CoproField *field,
                GtkWidget       **focus)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), copro_field_label (field));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  g_object_bind_property (record, field_property (record, field), toggle, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  *focus = toggle;
  return row;
}

/* Several choices (FLAGS): a check box per value, in an expander */

typedef struct
{
  CoproRecord      *record;
  const CoproField *field;
  GtkWidget        *row;
  GPtrArray        *checks;   /* GtkCheckButton, unowned, one per value */
  gboolean          syncing;
} FlagsField;

static void
flags_field_free (FlagsField *data)
{
  g_clear_object (&data->record);
  g_ptr_array_unref (data->checks);
  g_free (data);
}

static void
update_flags_subtitle (FlagsField *data)
{
  const char * const *flags = copro_record_get_flags (data->record, data->field->key);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *text = NULL;

  for (guint i = 0; flags[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) copro_enum_label (data->field->enumeration, flags[i]));
  g_ptr_array_add (labels, NULL);
  if (labels->len == 1)
    text = g_strdup (_("None chosen"));
  else
    /* TRANSLATORS: separates the chosen items of a check list */
    text = g_strjoinv (_(", "), (char **) labels->pdata);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (data->row), text);
}

static void
sync_flags (FlagsField *data)
{
  data->syncing = TRUE;
  for (guint i = 0; i < data->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (data->checks, i),
                                 copro_record_has_flag (data->record, data->field->key,
                                                        data->field->enumeration->values[i].key));
  data->syncing = FALSE;
  update_flags_subtitle (data);
}

static void
on_flag_toggled_cb (GtkCheckButton *check,
                    FlagsField     *data)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  if (data->syncing)
    return;
  /* Always in the enumeration's order, so files compare line by line. */
  for (guint i = 0; i < data->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (data->checks, i)))
      g_ptr_array_add (keys, (gpointer) data->field->enumeration->values[i].key);
  g_ptr_array_add (keys, NULL);
  copro_record_set_flags (data->record, data->field->key, (const char * const *) keys->pdata);
}

static void
on_flags_record_notify_cb (CoproRecord *record,
                           GParamSpec  *pspec,
                           GtkWidget   *row)
{
  sync_flags (g_object_get_data (G_OBJECT (row), "copro-flags-field"));
}

static GtkWidget *
flags_row_new (CoproRecord      *record,
               const CoproField *field)
{
  GtkWidget *row = adw_expander_row_new ();
  FlagsField *data = g_new0 (FlagsField, 1);

  copro_expander_row_tidy (row);
  g_autofree char *signal = notify_signal (record, field);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), copro_field_label (field));
  data->record = g_object_ref (record);
  data->field = field;
  data->row = row;
  data->checks = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (row), "copro-flags-field", data, (GDestroyNotify) flags_field_free);

  for (guint i = 0; field->enumeration->values[i].key != NULL; i++)
    {
      GtkWidget *choice = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (choice), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (choice),
                                     g_dgettext (GETTEXT_PACKAGE, field->enumeration->values[i].label));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (choice), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (choice), check);
      g_signal_connect (check, "toggled", G_CALLBACK (on_flag_toggled_cb), data);
      g_ptr_array_add (data->checks, check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), choice);
    }
  sync_flags (data);
  g_signal_connect_object (record, signal, G_CALLBACK (on_flags_record_notify_cb), row, 0);
  return row;
}

/* A partner from the register (REF) */

typedef struct
{
  CoproRecord      *record;
  const CoproField *field;
  GtkWidget        *row;
} RefField;

static void
ref_field_free (RefField *data)
{
  g_clear_object (&data->record);
  g_free (data);
}

static void
update_ref_subtitle (RefField *data)
{
  const char *id = copro_record_get_string (data->record, data->field->key);
  CoproList *partners = copro_partner_register_for (data->record);
  CoproRecord *partner = NULL;

  if (id != NULL && partners != NULL)
    partner = copro_list_find_by_id (partners, id);
  if (partner != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (data->row), copro_partner_display_name (partner));
  else if (id != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (data->row), _("A partner no longer in the register"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (data->row), _("None chosen: press to choose"));
}

static void
on_ref_record_notify_cb (CoproRecord *record,
                         GParamSpec  *pspec,
                         GtkWidget   *row)
{
  update_ref_subtitle (g_object_get_data (G_OBJECT (row), "copro-ref-field"));
}

static void
on_partner_chosen_cb (CoproPartnerChooser *chooser,
                      const char          *id,
                      GtkWidget           *row)
{
  RefField *data = g_object_get_data (G_OBJECT (row), "copro-ref-field");

  copro_record_set_string (data->record, data->field->key, id);
}

static void
on_ref_row_activated_cb (AdwActionRow *row,
                         RefField     *data)
{
  CoproList *partners = copro_partner_register_for (data->record);
  CoproPartnerChooser *chooser;

  if (partners == NULL)
    return;
  chooser = copro_partner_chooser_new (partners, copro_record_get_string (data->record, data->field->key));
  /* The row may go while the dialogue is open: then nothing is set. */
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_partner_chosen_cb), data->row, 0);
  adw_dialog_present (ADW_DIALOG (chooser), GTK_WIDGET (row));
}

static GtkWidget *
ref_row_new (CoproRecord      *record,
             const CoproField *field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);
  RefField *data = g_new0 (RefField, 1);
  g_autofree char *signal = notify_signal (record, field);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), copro_field_label (field));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  data->record = g_object_ref (record);
  data->field = field;
  data->row = row;
  g_object_set_data_full (G_OBJECT (row), "copro-ref-field", data, (GDestroyNotify) ref_field_free);
  update_ref_subtitle (data);
  g_signal_connect (row, "activated", G_CALLBACK (on_ref_row_activated_cb), data);
  g_signal_connect_object (record, signal, G_CALLBACK (on_ref_record_notify_cb), row, 0);
  return row;
}

/* Any scalar field */

GtkWidget *
copro_field_row_new (CoproRecord      *record,
                     const CoproField *field)
{
  GtkWidget *row = NULL;
  GtkWidget *focus = NULL;

  g_return_val_if_fail (COPRO_IS_RECORD (record), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  switch (field->kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_EMAIL:
      row = entry_row_new (record, field);
      break;
    case COPRO_FIELD_TEXT:
      row = text_row_new (record, field, &focus);
      break;
    case COPRO_FIELD_ENUM:
      row = combo_row_new (record, field);
      break;
    case COPRO_FIELD_DATE:
    case COPRO_FIELD_MONEY:
      row = typed_row_new (record, field, &focus);
      break;
    case COPRO_FIELD_INT:
      row = spin_row_new (record, field, &focus);
      break;
    case COPRO_FIELD_BOOL:
      row = switch_row_new (record, field, &focus);
      break;
    case COPRO_FIELD_FLAGS:
      row = flags_row_new (record, field);
      break;
    case COPRO_FIELD_REF:
      row = ref_row_new (record, field);
      break;
    case COPRO_FIELD_RECORD:
    case COPRO_FIELD_LIST:
    default:
      g_return_val_if_reached (NULL);
    }

  copro_field_widget_register (row, record, field->key, focus);
  return row;
}

/* The form */

/* A group names its list of rows after its title; an untitled one is
 * named after what the record is, so that no list is nameless. */
static void
name_inner_list (GtkWidget  *widget,
                 const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
      else
        name_inner_list (child, name);
    }
}

static GtkWidget *
new_group (const char            *title,
           const CoproRecordDesc *desc)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  else
    name_inner_list (group, g_dgettext (GETTEXT_PACKAGE, desc->label));
  return group;
}

static void
build (CoproRecordForm    *self,
       const char         *title,
       const char * const *keys)
{
  const CoproRecordDesc *desc = copro_record_get_desc (self->record);
  GtkWidget *group = NULL;
  guint n = keys != NULL ? g_strv_length ((char **) keys) : desc->n_fields;

  if (title != NULL)
    {
      group = new_group (title, desc);
      gtk_widget_set_parent (group, GTK_WIDGET (self));
    }

  for (guint i = 0; i < n; i++)
    {
      const CoproField *field = keys != NULL ? copro_record_desc_find_field (desc, keys[i])
                                             : &desc->fields[i];
      GtkWidget *child;

      if (field == NULL)
        {
          g_critical ("%s has no field “%s”", desc->type_name, keys[i]);
          continue;
        }

      switch (field->kind)
        {
        case COPRO_FIELD_RECORD:
          child = copro_record_form_new (copro_record_get_record (self->record, field->key),
                                         copro_field_label (field), NULL);
          copro_field_widget_register (child, self->record, field->key, NULL);
          gtk_widget_set_parent (child, GTK_WIDGET (self));
          group = NULL;
          break;

        case COPRO_FIELD_LIST:
          child = copro_list_editor_new (copro_record_get_list (self->record, field->key),
                                         copro_field_label (field));
          copro_field_widget_register (child, self->record, field->key, NULL);
          gtk_widget_set_parent (child, GTK_WIDGET (self));
          group = NULL;
          break;

        default:
          if (group == NULL)
            {
              group = new_group (NULL, desc);
              gtk_widget_set_parent (group, GTK_WIDGET (self));
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     copro_field_row_new (self->record, field));
        }
    }
}

static void
copro_record_form_dispose (GObject *object)
{
  CoproRecordForm *self = COPRO_RECORD_FORM (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (copro_record_form_parent_class)->dispose (object);
}

static void
copro_record_form_class_init (CoproRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_record_form_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "coprorecordform");
}

static void
copro_record_form_init (CoproRecordForm *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
}

GtkWidget *
copro_record_form_new (CoproRecord        *record,
                       const char         *title,
                       const char * const *keys)
{
  CoproRecordForm *self;

  g_return_val_if_fail (COPRO_IS_RECORD (record), NULL);

  self = g_object_new (COPRO_TYPE_RECORD_FORM, NULL);
  self->record = g_object_ref (record);
  build (self, title, keys);
  return GTK_WIDGET (self);
}

CoproRecord *
copro_record_form_get_record (CoproRecordForm *self)
{
  g_return_val_if_fail (COPRO_IS_RECORD_FORM (self), NULL);

  return self->record;
}
