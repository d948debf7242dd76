/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* CoproReferenceRow: a partner from the register (REF). Bound to the field
 * "key" of "record": see copro-field-rows.h. */
#define COPRO_TYPE_REFERENCE_ROW (copro_reference_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproReferenceRow, copro_reference_row, COPRO, REFERENCE_ROW, AdwActionRow)

G_END_DECLS
