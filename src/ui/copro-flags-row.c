/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CoproFlagsRow: several choices (FLAGS), a check box per value in an
 * expander (copro-field-rows.h). */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-field-row-private.h"
#include "copro-flags-row.h"
#include "copro-record-form.h"

struct _CoproFlagsRow
{
  AdwExpanderRow  parent_instance;

  CoproFieldLink  link;
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

  copro_field_link_set_title (row, field);
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

static const CoproFieldRowOps flags_row_ops = { flags_row_setup, NULL, flags_row_sync, NULL };

static void
copro_flags_row_dispose (GObject *object)
{
  CoproFlagsRow *self = COPRO_FLAGS_ROW (object);

  copro_field_link_clear (&self->link);

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
  object_class->get_property = copro_field_link_get_property;
  object_class->set_property = copro_field_link_set_property;
  copro_field_link_install_properties (object_class, G_STRUCT_OFFSET (CoproFlagsRow, link));
}

static void
copro_flags_row_init (CoproFlagsRow *self)
{
  copro_expander_row_tidy (GTK_WIDGET (self));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  self->choices = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();
  copro_field_link_init (&self->link, GTK_WIDGET (self), &flags_row_ops);
}
