/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* CoproBoolRow: yes or no (BOOL), a switch. Bound to the field "key" of
 * "record": see copro-field-rows.h. */
#define COPRO_TYPE_BOOL_ROW (copro_bool_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproBoolRow, copro_bool_row, COPRO, BOOL_ROW, AdwActionRow)

G_END_DECLS
