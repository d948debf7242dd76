/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CoproEntryRow: one line of text (STRING, EMAIL) (copro-field-rows.h). */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-entry-row.h"
#include "copro-field-row-private.h"
#include "copro-record-form.h"

struct _CoproEntryRow
{
  AdwEntryRow parent_instance;

  CoproFieldLink   link;
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
  copro_field_link_set_title (row, field);
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

static const CoproFieldRowOps entry_row_ops = { entry_row_setup, entry_row_bind, NULL, NULL };

static void
copro_entry_row_dispose (GObject *object)
{
  copro_field_link_clear (&COPRO_ENTRY_ROW (object)->link);

  G_OBJECT_CLASS (copro_entry_row_parent_class)->dispose (object);
}

static void
copro_entry_row_class_init (CoproEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = copro_entry_row_dispose;
  object_class->get_property = copro_field_link_get_property;
  object_class->set_property = copro_field_link_set_property;
  copro_field_link_install_properties (object_class, G_STRUCT_OFFSET (CoproEntryRow, link));
}

static void
copro_entry_row_init (CoproEntryRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  copro_field_link_init (&self->link, GTK_WIDGET (self), &entry_row_ops);
}
