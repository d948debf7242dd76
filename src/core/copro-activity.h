/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * What an activity of the log (a record of copro_desc_activity) means beyond
 * its fields, for the checks, the workbook and the window.
 */

/* The title, or “An untitled activity”. */
const char *copro_activity_get_title           (CoproRecord *activity);
/* How many of its feedback items are still open (open, or with no status). */
guint       copro_activity_count_open_feedback (CoproRecord *activity);
/* Whether the level achieved is set and below the level planned. */
gboolean    copro_activity_is_below_plan       (CoproRecord *activity);
/* Whether the activity provides for @need, a key of copro_enum_access_need:
 * ticked among its access needs provided for, or, for "other" needs, any
 * adjustment written down. */
gboolean    copro_activity_provides_for        (CoproRecord *activity,
                                                const char  *need);

G_END_DECLS
