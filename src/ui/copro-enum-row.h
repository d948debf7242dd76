/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* CoproEnumRow: a drop-down with "Not set" first (ENUM). Bound to the field
 * "key" of "record": see copro-field-rows.h. */
#define COPRO_TYPE_ENUM_ROW (copro_enum_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproEnumRow, copro_enum_row, COPRO, ENUM_ROW, AdwComboRow)

G_END_DECLS
