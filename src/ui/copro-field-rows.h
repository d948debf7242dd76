/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * The rows of a generated form, one class per kind of field. Each has two
 * properties, as GNOME Text Editor's preference rows are bound to a key:
 *
 *   record  the CoproRecord shown (may change, or be NULL)
 *   key     the key of the field in the record's description
 *
 * and follows the record's property of that field both ways, through a
 * GBindingGroup or a GSignalGroup, so that setting another record drops the
 * old one. The title and the kind's details (choices, range, placeholder)
 * come from the field's description.
 *
 *   CoproEntryRow      STRING, EMAIL: one line of text
 *   CoproTextRow       TEXT: several lines, in a text view that grows
 *   CoproEnumRow       ENUM: a drop-down with "Not set" first
 *   CoproTypedRow      DATE, MONEY: typed text, checked before it is stored
 *   CoproNumberRow     INT: a spin button ("Not set" when the range starts at 1)
 *   CoproBoolRow       BOOL: a switch
 *   CoproFlagsRow      FLAGS: a check box per value, in an expander
 *   CoproReferenceRow  REF: a partner from the register, chosen in a dialogue
 */

#define COPRO_TYPE_ENTRY_ROW (copro_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproEntryRow, copro_entry_row, COPRO, ENTRY_ROW, AdwEntryRow)

#define COPRO_TYPE_TEXT_ROW (copro_text_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproTextRow, copro_text_row, COPRO, TEXT_ROW, AdwPreferencesRow)

#define COPRO_TYPE_ENUM_ROW (copro_enum_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproEnumRow, copro_enum_row, COPRO, ENUM_ROW, AdwComboRow)

#define COPRO_TYPE_TYPED_ROW (copro_typed_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproTypedRow, copro_typed_row, COPRO, TYPED_ROW, AdwActionRow)

#define COPRO_TYPE_NUMBER_ROW (copro_number_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproNumberRow, copro_number_row, COPRO, NUMBER_ROW, AdwActionRow)

#define COPRO_TYPE_BOOL_ROW (copro_bool_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproBoolRow, copro_bool_row, COPRO, BOOL_ROW, AdwActionRow)

#define COPRO_TYPE_FLAGS_ROW (copro_flags_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproFlagsRow, copro_flags_row, COPRO, FLAGS_ROW, AdwExpanderRow)

#define COPRO_TYPE_REFERENCE_ROW (copro_reference_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproReferenceRow, copro_reference_row, COPRO, REFERENCE_ROW, AdwActionRow)

/* The row class for a kind of field; G_TYPE_INVALID for RECORD and LIST. */
GType        copro_field_row_type_for_kind  (CoproFieldKind kind);

/* Whether @widget is one of the rows above. */
gboolean     copro_is_field_row             (GtkWidget   *widget);
/* For any of the rows above. */
CoproRecord *copro_field_row_get_record     (GtkWidget   *row);
void         copro_field_row_set_record     (GtkWidget   *row,
                                             CoproRecord *record);
const char  *copro_field_row_get_key        (GtkWidget   *row);

G_END_DECLS
