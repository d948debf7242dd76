/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Setting one field of many partners at once: the register's "Set Field…"
 * (partners.set-field). The change goes through copro_list_set_field_many(),
 * one step of the history, which the register takes in with one pass.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-format.h"
#include "copro-model.h"
#include "copro-record-form.h"
#include "copro-set-field-dialog.h"

struct _CoproSetFieldDialog
{
  AdwDialog     parent_instance;

  /* Template widgets */
  GtkWidget    *apply_button;
  AdwPreferencesGroup *group;
  AdwComboRow  *field_row;
  AdwComboRow  *choice_row;
  AdwSwitchRow *switch_row;
  AdwEntryRow  *entry_row;

  CoproList    *list;
  GPtrArray    *partners;
  GArray       *fields;   /* guint: the fields offered, by their index */
};

G_DEFINE_FINAL_TYPE (CoproSetFieldDialog, copro_set_field_dialog, ADW_TYPE_DIALOG)

enum
{
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds of field one value suits for many partners: not their names,
 * notes or needs, which are each partner's own. */
static gboolean
field_is_offered (const CoproField *field)
{
  switch (field->kind)
    {
    case COPRO_FIELD_ENUM:
    case COPRO_FIELD_BOOL:
    case COPRO_FIELD_DATE:
    case COPRO_FIELD_MONEY:
    case COPRO_FIELD_INT:
      return TRUE;
    default:
      return FALSE;
    }
}

static const CoproField *
chosen_field (CoproSetFieldDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->field_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->fields->len)
    return NULL;
  return &copro_desc_partner.fields[g_array_index (self->fields, guint, selected)];
}

/* The value written in the editor, for @field; FALSE when it is not one. */
static gboolean
read_value (CoproSetFieldDialog *self,
            const CoproField    *field,
            GValue              *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry_row));
  guint selected = adw_combo_row_get_selected (self->choice_row);

  switch (field->kind)
    {
    case COPRO_FIELD_ENUM:
      g_value_init (value, G_TYPE_STRING);
      if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
        g_value_set_string (value, field->enumeration->values[selected - 1].key);
      return TRUE;
    case COPRO_FIELD_INT:
      g_value_init (value, G_TYPE_INT);
      if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
        g_value_set_int (value, field->min + (int) selected - 1);
      return TRUE;
    case COPRO_FIELD_BOOL:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, adw_switch_row_get_active (self->switch_row));
      return TRUE;
    case COPRO_FIELD_DATE:
      {
        g_autofree char *iso = NULL;

        if (!copro_parse_date (text, &iso))
          return FALSE;
        g_value_init (value, G_TYPE_STRING);
        g_value_set_string (value, iso);
        return TRUE;
      }
    case COPRO_FIELD_MONEY:
      {
        gint64 pence = 0;

        if (!copro_parse_money (text, &pence))
          return FALSE;
        g_value_init (value, G_TYPE_INT64);
        g_value_set_int64 (value, pence);
        return TRUE;
      }
    default:
      return FALSE;
    }
}

static void
update_apply (CoproSetFieldDialog *self)
{
  const CoproField *field = chosen_field (self);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean valid = field != NULL && read_value (self, field, &value);

  gtk_widget_set_sensitive (self->apply_button, valid && self->partners->len > 0);
  if (field != NULL && (field->kind == COPRO_FIELD_DATE || field->kind == COPRO_FIELD_MONEY) && !valid)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry_row), "error");
}

static void
on_entry_changed_cb (CoproSetFieldDialog *self)
{
  update_apply (self);
}

/* Shows the editor that suits the field chosen, empty. */
static void
on_field_selected_cb (CoproSetFieldDialog *self)
{
  const CoproField *field = chosen_field (self);
  g_autoptr(GtkStringList) choices = NULL;
  gboolean choice, entry;

  if (field == NULL)
    return;
  choice = field->kind == COPRO_FIELD_ENUM || field->kind == COPRO_FIELD_INT;
  entry = field->kind == COPRO_FIELD_DATE || field->kind == COPRO_FIELD_MONEY;
  if (choice)
    {
      /* TRANSLATORS: the first choice of a value: the field is left empty */
      choices = gtk_string_list_new ((const char * const []) { _("Not set"), NULL });
      if (field->kind == COPRO_FIELD_ENUM)
        for (guint k = 0; field->enumeration->values[k].key != NULL; k++)
          gtk_string_list_append (choices, copro_enum_label (field->enumeration, field->enumeration->values[k].key));
      else
        for (int k = field->min; k <= field->max; k++)
          {
            char number[16];

            g_snprintf (number, sizeof number, "%d", k);
            gtk_string_list_append (choices, number);
          }
      adw_combo_row_set_model (self->choice_row, G_LIST_MODEL (choices));
      adw_combo_row_set_selected (self->choice_row, 0);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row), copro_field_label (field));
    }
  if (entry)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry_row),
                                     field->kind == COPRO_FIELD_DATE
                                     /* TRANSLATORS: the title of a date's entry when setting it for many partners */
                                     ? _("Date, such as 31/03/2027 (empty to clear)")
                                     /* TRANSLATORS: the title of an amount's entry when setting it for many partners */
                                     : _("Amount in pounds (empty for none)"));
      gtk_editable_set_text (GTK_EDITABLE (self->entry_row), "");
    }
  if (field->kind == COPRO_FIELD_BOOL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->switch_row), copro_field_label (field));
      adw_switch_row_set_active (self->switch_row, TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->choice_row), choice);
  gtk_widget_set_visible (GTK_WIDGET (self->entry_row), entry);
  gtk_widget_set_visible (GTK_WIDGET (self->switch_row), field->kind == COPRO_FIELD_BOOL);
  update_apply (self);
}

static void
on_cancel_clicked_cb (CoproSetFieldDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
on_apply_clicked_cb (CoproSetFieldDialog *self)
{
  copro_set_field_dialog_apply (self);
}

/* The object */

static void
copro_set_field_dialog_dispose (GObject *object)
{
  CoproSetFieldDialog *self = COPRO_SET_FIELD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_SET_FIELD_DIALOG);
  g_clear_object (&self->list);
  g_clear_pointer (&self->partners, g_ptr_array_unref);

  G_OBJECT_CLASS (copro_set_field_dialog_parent_class)->dispose (object);
}

static void
copro_set_field_dialog_finalize (GObject *object)
{
  CoproSetFieldDialog *self = COPRO_SET_FIELD_DIALOG (object);

  g_array_unref (self->fields);

  G_OBJECT_CLASS (copro_set_field_dialog_parent_class)->finalize (object);
}

static void
copro_set_field_dialog_class_init (CoproSetFieldDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_set_field_dialog_dispose;
  object_class->finalize = copro_set_field_dialog_finalize;

  /**
   * CoproSetFieldDialog::applied:
   * @key: the field set
   *
   * The field is set for every partner, as one step of the history.
   */
  signals[APPLIED] =
    g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-set-field-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproSetFieldDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CoproSetFieldDialog, group);
  gtk_widget_class_bind_template_child (widget_class, CoproSetFieldDialog, field_row);
  gtk_widget_class_bind_template_child (widget_class, CoproSetFieldDialog, choice_row);
  gtk_widget_class_bind_template_child (widget_class, CoproSetFieldDialog, switch_row);
  gtk_widget_class_bind_template_child (widget_class, CoproSetFieldDialog, entry_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
}

static void
copro_set_field_dialog_init (CoproSetFieldDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->fields = g_array_new (FALSE, FALSE, sizeof (guint));
  self->partners = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < copro_desc_partner.n_fields; i++)
    if (field_is_offered (&copro_desc_partner.fields[i]))
      {
        g_array_append_val (self->fields, i);
        gtk_string_list_append (names, copro_field_label (&copro_desc_partner.fields[i]));
      }
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->field_row, 0);
  on_field_selected_cb (self);
}

/* Public API */

CoproSetFieldDialog *
copro_set_field_dialog_new (CoproList *list,
                            GPtrArray *partners)
{
  CoproSetFieldDialog *self;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (COPRO_IS_LIST (list), NULL);
  g_return_val_if_fail (partners != NULL, NULL);

  self = g_object_new (COPRO_TYPE_SET_FIELD_DIALOG, NULL);
  self->list = g_object_ref (list);
  for (guint i = 0; i < partners->len; i++)
    g_ptr_array_add (self->partners, g_object_ref (g_ptr_array_index (partners, i)));

  /* TRANSLATORS: the button that sets the field; %u is how many partners */
  label = g_strdup_printf (ngettext ("_Set for %'u Partner", "_Set for %'u Partners", partners->len), partners->len);
  gtk_button_set_label (GTK_BUTTON (self->apply_button), label);
  /* TRANSLATORS: the heading of the field and its value (which also names
   * them for a screen reader); %u is how many partners */
  title = g_strdup_printf (ngettext ("%'u Selected Partner", "%'u Selected Partners", partners->len), partners->len);
  adw_preferences_group_set_title (self->group, title);
  /* TRANSLATORS: beneath that heading; %u is how many partners */
  description = g_strdup_printf (ngettext ("One value for the %'u selected partner. Undo takes it back.",
                                           "One value for all %'u selected partners. One undo takes it back.",
                                           partners->len),
                                 partners->len);
  adw_preferences_group_set_description (self->group, description);
  update_apply (self);
  return self;
}

guint
copro_set_field_dialog_get_n_partners (CoproSetFieldDialog *self)
{
  g_return_val_if_fail (COPRO_IS_SET_FIELD_DIALOG (self), 0);

  return self->partners->len;
}

gboolean
copro_set_field_dialog_set_field (CoproSetFieldDialog *self,
                                  const char          *key)
{
  g_return_val_if_fail (COPRO_IS_SET_FIELD_DIALOG (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    if (g_str_equal (copro_desc_partner.fields[g_array_index (self->fields, guint, i)].key, key))
      {
        adw_combo_row_set_selected (self->field_row, i);
        return TRUE;
      }
  return FALSE;
}

const char *
copro_set_field_dialog_get_field (CoproSetFieldDialog *self)
{
  const CoproField *field;

  g_return_val_if_fail (COPRO_IS_SET_FIELD_DIALOG (self), NULL);

  field = chosen_field (self);
  return field != NULL ? field->key : NULL;
}

gboolean
copro_set_field_dialog_set_value (CoproSetFieldDialog *self,
                                  const char          *text)
{
  const CoproField *field;

  g_return_val_if_fail (COPRO_IS_SET_FIELD_DIALOG (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  field = chosen_field (self);
  if (field == NULL)
    return FALSE;
  switch (field->kind)
    {
    case COPRO_FIELD_ENUM:
      {
        const char *key = *text != '\0' ? copro_enum_match (field->enumeration, text) : NULL;

        if (*text != '\0' && key == NULL)
          return FALSE;
        adw_combo_row_set_selected (self->choice_row,
                                    key != NULL ? (guint) copro_enum_index (field->enumeration, key) + 1 : 0);
        return TRUE;
      }
    case COPRO_FIELD_INT:
      {
        guint64 number = 0;

        if (*text != '\0' &&
            (!g_ascii_string_to_unsigned (text, 10, (guint64) field->min, (guint64) field->max, &number, NULL)))
          return FALSE;
        adw_combo_row_set_selected (self->choice_row, *text != '\0' ? (guint) (number - (guint64) field->min) + 1 : 0);
        return TRUE;
      }
    case COPRO_FIELD_BOOL:
      if (!g_str_equal (text, "true") && !g_str_equal (text, "false"))
        return FALSE;
      adw_switch_row_set_active (self->switch_row, g_str_equal (text, "true"));
      return TRUE;
    case COPRO_FIELD_DATE:
    case COPRO_FIELD_MONEY:
      gtk_editable_set_text (GTK_EDITABLE (self->entry_row), text);
      return gtk_widget_get_sensitive (self->apply_button);
    default:
      return FALSE;
    }
}

gboolean
copro_set_field_dialog_apply (CoproSetFieldDialog *self)
{
  const CoproField *field;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (COPRO_IS_SET_FIELD_DIALOG (self), FALSE);

  field = chosen_field (self);
  if (field == NULL || self->partners->len == 0 || !read_value (self, field, &value))
    return FALSE;
  copro_list_set_field_many (self->list, (CoproRecord **) self->partners->pdata, self->partners->len,
                             field->key, &value);
  g_signal_emit (self, signals[APPLIED], 0, field->key);
  adw_dialog_close (ADW_DIALOG (self));
  return TRUE;
}
