/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How the window writes and reads dates and money: UK order and pounds,
 * whatever the locale, as the officers' own documents do. */

/* "2026-12-25" → "25/12/2026"; NULL or "" → "". */
char     *copro_format_date      (const char *iso);
/* "25/12/2026", "25.12.2026", "25-12-2026", "25 12 2026" or ISO "2026-12-25"
 * → "2026-12-25". FALSE when the text is not a real date; "" gives NULL. */
gboolean  copro_parse_date       (const char  *text,
                                  char       **iso);
/* 123450 → "£1,234.50" */
char     *copro_format_money     (gint64 pence);
/* "£1,234.50", "1234.5", "1,234", "£ 12" → pence. FALSE when the text is
 * not an amount of money of at most two decimal places; "" gives 0. */
gboolean  copro_parse_money      (const char *text,
                                  gint64     *pence);

G_END_DECLS
