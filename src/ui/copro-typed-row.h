/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* CoproTypedRow: dates and money, typed text checked before it reaches the
 * model. Bound to the field "key" of "record": see copro-field-rows.h. */
#define COPRO_TYPE_TYPED_ROW (copro_typed_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproTypedRow, copro_typed_row, COPRO, TYPED_ROW, AdwActionRow)

G_END_DECLS
