/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* CoproEntryRow: one line of text (STRING, EMAIL). Bound to the field "key"
 * of "record": see copro-field-rows.h. */
#define COPRO_TYPE_ENTRY_ROW (copro_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproEntryRow, copro_entry_row, COPRO, ENTRY_ROW, AdwEntryRow)

G_END_DECLS
