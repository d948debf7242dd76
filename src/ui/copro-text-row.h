/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* CoproTextRow: several lines (TEXT), in a text view that grows with its
 * content. Bound to the field "key" of "record": see copro-field-rows.h. */
#define COPRO_TYPE_TEXT_ROW (copro_text_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproTextRow, copro_text_row, COPRO, TEXT_ROW, AdwPreferencesRow)

G_END_DECLS
