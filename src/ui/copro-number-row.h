/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* CoproNumberRow: whole numbers (INT); 0 reads "Not set" when the range
 * starts at 1. Bound to the field "key" of "record": see
 * copro-field-rows.h. */
#define COPRO_TYPE_NUMBER_ROW (copro_number_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproNumberRow, copro_number_row, COPRO, NUMBER_ROW, AdwActionRow)

G_END_DECLS
