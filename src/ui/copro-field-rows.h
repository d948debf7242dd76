/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-record.h"
#include "copro-entry-row.h"
#include "copro-text-row.h"
#include "copro-enum-row.h"
#include "copro-typed-row.h"
#include "copro-number-row.h"
#include "copro-bool-row.h"
#include "copro-flags-row.h"
#include "copro-reference-row.h"

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
