/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* CoproFlagsRow: several choices (FLAGS), a check box per value in an
 * expander. Bound to the field "key" of "record": see copro-field-rows.h. */
#define COPRO_TYPE_FLAGS_ROW (copro_flags_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproFlagsRow, copro_flags_row, COPRO, FLAGS_ROW, AdwExpanderRow)

G_END_DECLS
