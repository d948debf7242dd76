/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The rows of a generated form, one small class per kind of field, each
 * bound to a record's field by its "record" and "key" properties (see
 * copro-field-rows.h). They are kept in one file because they share the
 * plumbing that follows the record (FieldLink below); each is otherwise a
 * class of its own, with its template where it composes children.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-field-rows.h"
#include "copro-format.h"
#include "copro-partner-chooser.h"
#include "copro-record-form.h"
#include "copro-text-view.h"

/* Following a record's field: shared by every row class */

enum {
  PROP_0,
  PROP_RECORD,
  PROP_KEY,
  N_PROPS
};

typedef struct
{
  /* @field is NULL when there is no record, or its kind has no such key. */
  void       (*setup) (GtkWidget *row, const CoproField *field);
  /* Adds the row's bindings to the record's @property, if it has any. */
  void       (*bind)  (GtkWidget *row, GBindingGroup *bindings, const char *property);
  /* The record's property changed (or another record is shown). */
  void       (*sync)  (GtkWidget *row);
  /* What takes the keyboard focus for the field (NULL: the row). */
  GtkWidget *(*focus) (GtkWidget *row);
} FieldRowOps;

typedef struct
{
  const FieldRowOps *ops;
  GtkWidget         *row;
  CoproRecord       *record;
  const char        *key;        /* interned */
  char              *property;   /* the key with '_' → '-' */
  const CoproField  *field;
  GSignalGroup      *signals;    /* on the record */
  GBindingGroup     *bindings;   /* from the record */
} FieldLink;

static FieldLink *field_link (gpointer row);

static void
on_record_notify_cb (GtkWidget   *row,
                     GParamSpec  *pspec,
                     CoproRecord *record)
{
  FieldLink *link = field_link (row);

  if (link->ops->sync != NULL && g_strcmp0 (pspec->name, link->property) == 0)
    link->ops->sync (row);
}

static void
field_link_init (FieldLink         *link,
                 GtkWidget         *row,
                 const FieldRowOps *ops)
{
  link->ops = ops;
  link->row = row;
  link->signals = g_signal_group_new (COPRO_TYPE_RECORD);
  g_signal_group_connect_object (link->signals, "notify", G_CALLBACK (on_record_notify_cb),
                                 row, G_CONNECT_SWAPPED);
  link->bindings = g_binding_group_new ();
}

static void
field_link_clear (FieldLink *link)
{
  if (link->signals != NULL)
    g_signal_group_set_target (link->signals, NULL);
  if (link->bindings != NULL)
    g_binding_group_set_source (link->bindings, NULL);
  g_clear_object (&link->signals);
  g_clear_object (&link->bindings);
  g_clear_object (&link->record);
  g_clear_pointer (&link->property, g_free);
  link->field = NULL;
}

/* Shows the field of the record now set, or nothing. */
static void
field_link_update (FieldLink *link)
{
  const CoproField *field = NULL;

  g_binding_group_set_source (link->bindings, NULL);
  g_signal_group_set_target (link->signals, NULL);
  if (link->record != NULL && link->key != NULL)
    field = copro_record_desc_find_field (copro_record_get_desc (link->record), link->key);
  link->field = field;
  link->ops->setup (link->row, field);
  if (field == NULL)
    {
      copro_field_widget_unregister (link->row);
      return;
    }
  g_signal_group_set_target (link->signals, link->record);
  g_binding_group_set_source (link->bindings, link->record);
  if (link->ops->sync != NULL)
    link->ops->sync (link->row);
  copro_field_widget_register (link->row, link->record, link->key,
                               link->ops->focus != NULL ? link->ops->focus (link->row) : NULL);
}

static gboolean
field_link_set_record (FieldLink   *link,
                       CoproRecord *record)
{
  if (!g_set_object (&link->record, record))
    return FALSE;
  field_link_update (link);
  return TRUE;
}

static gboolean
field_link_set_key (FieldLink  *link,
                    const char *key)
{
  const char *interned = g_intern_string (key);

  if (interned == link->key)
    return FALSE;
  link->key = interned;
  g_clear_pointer (&link->property, g_free);
  /* The bindings are by property name: a new key needs new ones. */
  g_binding_group_set_source (link->bindings, NULL);
  g_clear_object (&link->bindings);
  link->bindings = g_binding_group_new ();
  if (key != NULL)
    {
      link->property = g_strdelimit (g_strdup (key), "_", '-');
      if (link->ops->bind != NULL)
        link->ops->bind (link->row, link->bindings, link->property);
    }
  field_link_update (link);
  return TRUE;
}

/* Each class installs the two properties; the pspecs are its own. */
static void
field_link_install_properties (GObjectClass *object_class)
{
  g_object_class_install_property (object_class, PROP_RECORD,
                                   g_param_spec_object ("record", NULL, NULL, COPRO_TYPE_RECORD,
                                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_KEY,
                                   g_param_spec_string ("key", NULL, NULL, NULL,
                                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS));
}

static void
field_row_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FieldLink *link = field_link (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, link->record);
      break;
    case PROP_KEY:
      g_value_set_string (value, link->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
field_row_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FieldLink *link = field_link (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      if (field_link_set_record (link, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_KEY:
      if (field_link_set_key (link, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_title (GtkWidget        *row,
           const CoproField *field)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field != NULL ? copro_field_label (field) : "");
}

/* CoproEntryRow: one line of text (STRING, EMAIL) */

struct _CoproEntryRow
{
  AdwEntryRow parent_instance;

  FieldLink   link;
};

G_DEFINE_FINAL_TYPE (CoproEntryRow, copro_entry_row, ADW_TYPE_ENTRY_ROW)

static gboolean
string_to_text (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

static void
entry_row_setup (GtkWidget        *row,
                 const CoproField *field)
{
  set_title (row, field);
  /* libadwaita gives the row two title labels (one shown while it is
   * empty, one above the text) and makes the row the mnemonic widget of
   * both, so GTK names it twice ("Name Name"): name it once, by its title. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  field != NULL ? copro_field_label (field) : "",
                                  -1);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row),
                                   field != NULL && field->kind == COPRO_FIELD_EMAIL
                                   ? GTK_INPUT_PURPOSE_EMAIL : GTK_INPUT_PURPOSE_FREE_FORM);
}

static void
entry_row_bind (GtkWidget     *row,
                GBindingGroup *bindings,
                const char    *property)
{
  g_binding_group_bind_full (bindings, property, row, "text",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             string_to_text, NULL, NULL, NULL);
}

static const FieldRowOps entry_row_ops = { entry_row_setup, entry_row_bind, NULL, NULL };

static void
copro_entry_row_dispose (GObject *object)
{
  field_link_clear (&COPRO_ENTRY_ROW (object)->link);

  G_OBJECT_CLASS (copro_entry_row_parent_class)->dispose (object);
}

static void
copro_entry_row_class_init (CoproEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = copro_entry_row_dispose;
  object_class->get_property = field_row_get_property;
  object_class->set_property = field_row_set_property;
  field_link_install_properties (object_class);
}

static void
copro_entry_row_init (CoproEntryRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  field_link_init (&self->link, GTK_WIDGET (self), &entry_row_ops);
}

/* CoproTextRow: several lines (TEXT), in a text view that grows with its content */

struct _CoproTextRow
{
  AdwPreferencesRow  parent_instance;

  FieldLink          link;
  GtkTextView       *view;
  GtkTextBuffer     *buffer;
  gulong             changed_id;
};

G_DEFINE_FINAL_TYPE (CoproTextRow, copro_text_row, ADW_TYPE_PREFERENCES_ROW)

static void
on_text_buffer_changed_cb (GtkTextBuffer *buffer,
                           CoproTextRow  *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->link.field == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  copro_record_set_string (self->link.record, self->link.key, text);
}

static void
text_row_sync (GtkWidget *row)
{
  CoproTextRow *self = COPRO_TEXT_ROW (row);
  const char *value = copro_record_get_string (self->link.record, self->link.key);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  /* Leave the cursor alone when the text is what the user typed. */
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, value != NULL ? value : "") == 0)
    return;
  g_signal_handler_block (self->buffer, self->changed_id);
  gtk_text_buffer_set_text (self->buffer, value != NULL ? value : "", -1);
  g_signal_handler_unblock (self->buffer, self->changed_id);
}

static void
text_row_setup (GtkWidget        *row,
                const CoproField *field)
{
  set_title (row, field);
}

static GtkWidget *
text_row_focus (GtkWidget *row)
{
  return GTK_WIDGET (COPRO_TEXT_ROW (row)->view);
}

static const FieldRowOps text_row_ops = { text_row_setup, NULL, text_row_sync, text_row_focus };

static void
on_text_row_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        CoproTextRow    *self)
{
  /* A click anywhere in the row starts typing, as in an entry row. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
copro_text_row_dispose (GObject *object)
{
  CoproTextRow *self = COPRO_TEXT_ROW (object);

  field_link_clear (&self->link);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_TEXT_ROW);

  G_OBJECT_CLASS (copro_text_row_parent_class)->dispose (object);
}

static void
copro_text_row_class_init (CoproTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_text_row_dispose;
  object_class->get_property = field_row_get_property;
  object_class->set_property = field_row_set_property;
  field_link_install_properties (object_class);

  g_type_ensure (COPRO_TYPE_TEXT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproTextRow, view);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_pressed_cb);
}

static void
copro_text_row_init (CoproTextRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->buffer = gtk_text_view_get_buffer (self->view);
  self->changed_id = g_signal_connect (self->buffer, "changed", G_CALLBACK (on_text_buffer_changed_cb), self);
  field_link_init (&self->link, GTK_WIDGET (self), &text_row_ops);
}

/* CoproEnumRow: a drop-down with "Not set" first (ENUM) */

struct _CoproEnumRow
{
  AdwComboRow  parent_instance;

  FieldLink    link;
};

G_DEFINE_FINAL_TYPE (CoproEnumRow, copro_enum_row, ADW_TYPE_COMBO_ROW)

static gboolean
key_to_position (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const CoproField *field = COPRO_ENUM_ROW (user_data)->link.field;
  int index;

  if (field == NULL)
    return FALSE;
  index = copro_enum_index (field->enumeration, g_value_get_string (from));
  g_value_set_uint (to, index < 0 ? 0 : (guint) index + 1);
  return TRUE;
}

static gboolean
position_to_key (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const CoproField *field = COPRO_ENUM_ROW (user_data)->link.field;
  guint position = g_value_get_uint (from);

  if (field == NULL)
    return FALSE;
  if (position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > copro_enum_n_values (field->enumeration))
    g_value_set_string (to, NULL);
  else
    g_value_set_string (to, field->enumeration->values[position - 1].key);
  return TRUE;
}

static void
enum_row_setup (GtkWidget        *row,
                const CoproField *field)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  set_title (row, field);
  if (field != NULL && field->enumeration != NULL)
    {
      /* TRANSLATORS: the first choice of a drop-down, for "no answer yet" */
      gtk_string_list_append (labels, C_("choice", "Not set"));
      for (guint i = 0; field->enumeration->values[i].key != NULL; i++)
        gtk_string_list_append (labels, g_dgettext (GETTEXT_PACKAGE, field->enumeration->values[i].label));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
}

static void
enum_row_bind (GtkWidget     *row,
               GBindingGroup *bindings,
               const char    *property)
{
  g_binding_group_bind_full (bindings, property, row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             key_to_position, position_to_key, row, NULL);
}

static const FieldRowOps enum_row_ops = { enum_row_setup, enum_row_bind, NULL, NULL };

static void
copro_enum_row_dispose (GObject *object)
{
  field_link_clear (&COPRO_ENUM_ROW (object)->link);

  G_OBJECT_CLASS (copro_enum_row_parent_class)->dispose (object);
}

static void
copro_enum_row_class_init (CoproEnumRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = copro_enum_row_dispose;
  object_class->get_property = field_row_get_property;
  object_class->set_property = field_row_set_property;
  field_link_install_properties (object_class);
}

static void
copro_enum_row_init (CoproEnumRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  field_link_init (&self->link, GTK_WIDGET (self), &enum_row_ops);
}

/* CoproTypedRow: dates and money, typed text checked before it reaches the model */

struct _CoproTypedRow
{
  AdwActionRow  parent_instance;

  FieldLink     link;
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

static void
typed_row_setup (GtkWidget        *row,
                 const CoproField *field)
{
  CoproTypedRow *self = COPRO_TYPED_ROW (row);
  gboolean date = field != NULL && field->kind == COPRO_FIELD_DATE;

  set_title (row, field);
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

static const FieldRowOps typed_row_ops = { typed_row_setup, NULL, typed_row_sync, typed_row_focus };

static void
copro_typed_row_dispose (GObject *object)
{
  CoproTypedRow *self = COPRO_TYPED_ROW (object);

  field_link_clear (&self->link);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_TYPED_ROW);

  G_OBJECT_CLASS (copro_typed_row_parent_class)->dispose (object);
}

static void
copro_typed_row_class_init (CoproTypedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_typed_row_dispose;
  object_class->get_property = field_row_get_property;
  object_class->set_property = field_row_set_property;
  field_link_install_properties (object_class);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-typed-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproTypedRow, entry);
  gtk_widget_class_bind_template_child (widget_class, CoproTypedRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, CoproTypedRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_typed_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_typed_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show_cb);
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
  self->day_selected_id = g_signal_connect (self->calendar, "day-selected",
                                            G_CALLBACK (on_calendar_day_selected_cb), self);
  field_link_init (&self->link, GTK_WIDGET (self), &typed_row_ops);
  typed_row_show_problem (self, NULL);
}

/* CoproNumberRow: whole numbers (INT); 0 reads "Not set" when the range starts at 1 */

struct _CoproNumberRow
{
  AdwActionRow    parent_instance;

  FieldLink       link;
  GtkSpinButton  *spin;
};

G_DEFINE_FINAL_TYPE (CoproNumberRow, copro_number_row, ADW_TYPE_ACTION_ROW)

static gboolean
number_row_may_be_unset (CoproNumberRow *self)
{
  return self->link.field != NULL && self->link.field->min > 0;
}

static gboolean
on_spin_output_cb (GtkSpinButton  *spin,
                   CoproNumberRow *self)
{
  if (!number_row_may_be_unset (self) || gtk_spin_button_get_value_as_int (spin) != 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), C_("number", "Not set"));
  return TRUE;
}

static int
on_spin_input_cb (GtkSpinButton  *spin,
                  double         *new_value,
                  CoproNumberRow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *not_set = NULL;

  if (!number_row_may_be_unset (self))
    return FALSE;
  text = g_strstrip (g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (spin)), -1));
  not_set = g_utf8_casefold (C_("number", "Not set"), -1);
  if (*text == '\0' || g_str_equal (text, not_set))
    {
      *new_value = 0;
      return TRUE;
    }
  return FALSE;
}

static void
number_row_setup (GtkWidget        *row,
                  const CoproField *field)
{
  CoproNumberRow *self = COPRO_NUMBER_ROW (row);

  set_title (row, field);
  if (field != NULL)
    gtk_spin_button_set_range (self->spin, MIN (field->min, 0), field->max);
  if (field != NULL && field->min > 0)
    {
      /* TRANSLATORS: the range of a number field, e.g. the likelihood of a risk */
      g_autofree char *range = g_strdup_printf (_("From %d to %d"), field->min, field->max);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), range);
      /* Digits only would refuse "Not set" too. */
      gtk_spin_button_set_numeric (self->spin, FALSE);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
      gtk_spin_button_set_numeric (self->spin, TRUE);
    }
}

static void
number_row_bind (GtkWidget     *row,
                 GBindingGroup *bindings,
                 const char    *property)
{
  g_binding_group_bind (bindings, property, COPRO_NUMBER_ROW (row)->spin, "value",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static void
number_row_sync (GtkWidget *row)
{
  CoproNumberRow *self = COPRO_NUMBER_ROW (row);

  /* The binding sets the value; a value that did not change (0 at first)
   * is not written out again, so say "Not set" here. */
  on_spin_output_cb (self->spin, self);
}

static GtkWidget *
number_row_focus (GtkWidget *row)
{
  return GTK_WIDGET (COPRO_NUMBER_ROW (row)->spin);
}

static const FieldRowOps number_row_ops = { number_row_setup, number_row_bind, number_row_sync, number_row_focus };

static void
copro_number_row_dispose (GObject *object)
{
  CoproNumberRow *self = COPRO_NUMBER_ROW (object);

  field_link_clear (&self->link);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_NUMBER_ROW);

  G_OBJECT_CLASS (copro_number_row_parent_class)->dispose (object);
}

static void
copro_number_row_class_init (CoproNumberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_number_row_dispose;
  object_class->get_property = field_row_get_property;
  object_class->set_property = field_row_set_property;
  field_link_install_properties (object_class);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-number-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproNumberRow, spin);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_input_cb);
}

static void
copro_number_row_init (CoproNumberRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  field_link_init (&self->link, GTK_WIDGET (self), &number_row_ops);
}

/* CoproBoolRow: yes or no (BOOL), a switch */

struct _CoproBoolRow
{
  AdwActionRow  parent_instance;

  FieldLink     link;
  GtkWidget    *toggle;
};

G_DEFINE_FINAL_TYPE (CoproBoolRow, copro_bool_row, ADW_TYPE_ACTION_ROW)

static void
bool_row_setup (GtkWidget        *row,
                const CoproField *field)
{
  set_title (row, field);
}

static void
bool_row_bind (GtkWidget     *row,
               GBindingGroup *bindings,
               const char    *property)
{
  g_binding_group_bind (bindings, property, COPRO_BOOL_ROW (row)->toggle, "active",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static GtkWidget *
bool_row_focus (GtkWidget *row)
{
  return COPRO_BOOL_ROW (row)->toggle;
}

static const FieldRowOps bool_row_ops = { bool_row_setup, bool_row_bind, NULL, bool_row_focus };

static void
copro_bool_row_dispose (GObject *object)
{
  CoproBoolRow *self = COPRO_BOOL_ROW (object);

  field_link_clear (&self->link);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_BOOL_ROW);

  G_OBJECT_CLASS (copro_bool_row_parent_class)->dispose (object);
}

static void
copro_bool_row_class_init (CoproBoolRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_bool_row_dispose;
  object_class->get_property = field_row_get_property;
  object_class->set_property = field_row_set_property;
  field_link_install_properties (object_class);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-bool-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproBoolRow, toggle);
}

static void
copro_bool_row_init (CoproBoolRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  field_link_init (&self->link, GTK_WIDGET (self), &bool_row_ops);
}

/* CoproFlagsRow: several choices (FLAGS), a check box per value in an expander */

struct _CoproFlagsRow
{
  AdwExpanderRow  parent_instance;

  FieldLink       link;
  GPtrArray      *choices;   /* AdwActionRow, unowned, one per value */
  GPtrArray      *checks;    /* GtkCheckButton, unowned, one per value */
  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (CoproFlagsRow, copro_flags_row, ADW_TYPE_EXPANDER_ROW)

static void
on_flag_toggled_cb (GtkCheckButton *check,
                    CoproFlagsRow  *self)
{
  const CoproField *field = self->link.field;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  if (self->syncing || field == NULL)
    return;
  /* Always in the enumeration's order, so files compare line by line. */
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (keys, (gpointer) field->enumeration->values[i].key);
  g_ptr_array_add (keys, NULL);
  copro_record_set_flags (self->link.record, self->link.key, (const char * const *) keys->pdata);
}

static void
flags_row_sync (GtkWidget *row)
{
  CoproFlagsRow *self = COPRO_FLAGS_ROW (row);
  const CoproField *field = self->link.field;
  const char * const *flags = copro_record_get_flags (self->link.record, self->link.key);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *text = NULL;

  self->syncing = TRUE;
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i),
                                 copro_record_has_flag (self->link.record, self->link.key,
                                                        field->enumeration->values[i].key));
  self->syncing = FALSE;

  for (guint i = 0; flags[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) copro_enum_label (field->enumeration, flags[i]));
  g_ptr_array_add (labels, NULL);
  if (labels->len == 1)
    text = g_strdup (_("None chosen"));
  else
    /* TRANSLATORS: separates the chosen items of a check list */
    text = g_strjoinv (_(", "), (char **) labels->pdata);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), text);
}

static void
flags_row_setup (GtkWidget        *row,
                 const CoproField *field)
{
  CoproFlagsRow *self = COPRO_FLAGS_ROW (row);

  set_title (row, field);
  /* The same choices as before: keep the check boxes. */
  if (field != NULL && self->checks->len == copro_enum_n_values (field->enumeration) &&
      self->checks->len > 0 &&
      g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (self->choices, 0)),
                 g_dgettext (GETTEXT_PACKAGE, field->enumeration->values[0].label)) == 0)
    return;
  for (guint i = 0; i < self->choices->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->choices, i));
  g_ptr_array_set_size (self->choices, 0);
  g_ptr_array_set_size (self->checks, 0);
  if (field == NULL)
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), "");
      return;
    }
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
      g_signal_connect (check, "toggled", G_CALLBACK (on_flag_toggled_cb), self);
      g_ptr_array_add (self->choices, choice);
      g_ptr_array_add (self->checks, check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), choice);
    }
}

static const FieldRowOps flags_row_ops = { flags_row_setup, NULL, flags_row_sync, NULL };

static void
copro_flags_row_dispose (GObject *object)
{
  CoproFlagsRow *self = COPRO_FLAGS_ROW (object);

  field_link_clear (&self->link);

  G_OBJECT_CLASS (copro_flags_row_parent_class)->dispose (object);
}

static void
copro_flags_row_finalize (GObject *object)
{
  CoproFlagsRow *self = COPRO_FLAGS_ROW (object);

  g_ptr_array_unref (self->choices);
  g_ptr_array_unref (self->checks);

  G_OBJECT_CLASS (copro_flags_row_parent_class)->finalize (object);
}

static void
copro_flags_row_class_init (CoproFlagsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = copro_flags_row_dispose;
  object_class->finalize = copro_flags_row_finalize;
  object_class->get_property = field_row_get_property;
  object_class->set_property = field_row_set_property;
  field_link_install_properties (object_class);
}

static void
copro_flags_row_init (CoproFlagsRow *self)
{
  copro_expander_row_tidy (GTK_WIDGET (self));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  self->choices = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();
  field_link_init (&self->link, GTK_WIDGET (self), &flags_row_ops);
}

/* CoproReferenceRow: a partner from the register (REF) */

struct _CoproReferenceRow
{
  AdwActionRow  parent_instance;

  FieldLink     link;
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
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), copro_partner_display_name (partner));
  else if (id != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("A partner no longer in the register"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("None chosen: press to choose"));
}

static void
reference_row_setup (GtkWidget        *row,
                     const CoproField *field)
{
  set_title (row, field);
  if (field == NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
}

static const FieldRowOps reference_row_ops = { reference_row_setup, NULL, reference_row_sync, NULL };

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
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->link.field == NULL || (partners = copro_partner_register_for (self->link.record)) == NULL)
    return;
  chooser = copro_partner_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, partners,
                                       copro_record_get_string (self->link.record, self->link.key));
  /* The row may go while the dialogue is open: then nothing is set. */
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_partner_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
copro_reference_row_dispose (GObject *object)
{
  CoproReferenceRow *self = COPRO_REFERENCE_ROW (object);

  field_link_clear (&self->link);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_REFERENCE_ROW);

  G_OBJECT_CLASS (copro_reference_row_parent_class)->dispose (object);
}

static void
copro_reference_row_class_init (CoproReferenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_reference_row_dispose;
  object_class->get_property = field_row_get_property;
  object_class->set_property = field_row_set_property;
  field_link_install_properties (object_class);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-reference-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, on_reference_row_activated_cb);
}

static void
copro_reference_row_init (CoproReferenceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  field_link_init (&self->link, GTK_WIDGET (self), &reference_row_ops);
}

/* Any of them */

static FieldLink *
field_link (gpointer row)
{
  if (COPRO_IS_ENTRY_ROW (row))
    return &COPRO_ENTRY_ROW (row)->link;
  if (COPRO_IS_TEXT_ROW (row))
    return &COPRO_TEXT_ROW (row)->link;
  if (COPRO_IS_ENUM_ROW (row))
    return &COPRO_ENUM_ROW (row)->link;
  if (COPRO_IS_TYPED_ROW (row))
    return &COPRO_TYPED_ROW (row)->link;
  if (COPRO_IS_NUMBER_ROW (row))
    return &COPRO_NUMBER_ROW (row)->link;
  if (COPRO_IS_BOOL_ROW (row))
    return &COPRO_BOOL_ROW (row)->link;
  if (COPRO_IS_FLAGS_ROW (row))
    return &COPRO_FLAGS_ROW (row)->link;
  if (COPRO_IS_REFERENCE_ROW (row))
    return &COPRO_REFERENCE_ROW (row)->link;
  return NULL;
}

GType
copro_field_row_type_for_kind (CoproFieldKind kind)
{
  switch (kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_EMAIL:
      return COPRO_TYPE_ENTRY_ROW;
    case COPRO_FIELD_TEXT:
      return COPRO_TYPE_TEXT_ROW;
    case COPRO_FIELD_ENUM:
      return COPRO_TYPE_ENUM_ROW;
    case COPRO_FIELD_DATE:
    case COPRO_FIELD_MONEY:
      return COPRO_TYPE_TYPED_ROW;
    case COPRO_FIELD_INT:
      return COPRO_TYPE_NUMBER_ROW;
    case COPRO_FIELD_BOOL:
      return COPRO_TYPE_BOOL_ROW;
    case COPRO_FIELD_FLAGS:
      return COPRO_TYPE_FLAGS_ROW;
    case COPRO_FIELD_REF:
      return COPRO_TYPE_REFERENCE_ROW;
    case COPRO_FIELD_RECORD:
    case COPRO_FIELD_LIST:
    default:
      return G_TYPE_INVALID;
    }
}

gboolean
copro_is_field_row (GtkWidget *widget)
{
  return widget != NULL && field_link (widget) != NULL;
}

CoproRecord *
copro_field_row_get_record (GtkWidget *row)
{
  FieldLink *link = field_link (row);

  g_return_val_if_fail (link != NULL, NULL);

  return link->record;
}

void
copro_field_row_set_record (GtkWidget   *row,
                            CoproRecord *record)
{
  g_return_if_fail (field_link (row) != NULL);
  g_return_if_fail (record == NULL || COPRO_IS_RECORD (record));

  g_object_set (row, "record", record, NULL);
}

const char *
copro_field_row_get_key (GtkWidget *row)
{
  FieldLink *link = field_link (row);

  g_return_val_if_fail (link != NULL, NULL);

  return link->key;
}
