/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-record.h"

G_BEGIN_DECLS

/* Under an activity's attendance list: how many took part (the number of
 * people taking part, derived from it), who they were by sector and by kind
 * of partner, and buttons to tick several partners at once from the
 * register, with its search and filters. While attendance is recorded it
 * hides the activity's "People taking part" row (the stored number is kept
 * for files without attendance). Property: "activity". */
#define COPRO_TYPE_ACTIVITY_ATTENDANCE (copro_activity_attendance_get_type ())
G_DECLARE_FINAL_TYPE (CoproActivityAttendance, copro_activity_attendance, COPRO, ACTIVITY_ATTENDANCE, GtkListBoxRow)

GtkWidget  *copro_activity_attendance_new                  (CoproRecord             *activity);
/* The row of the stored number, hidden while attendance is recorded. */
void        copro_activity_attendance_set_participants_row (CoproActivityAttendance *self,
                                                            GtkWidget               *row);
/* What the summary says (for tests). */
const char *copro_activity_attendance_get_summary          (CoproActivityAttendance *self);
/* Records @status for each of @ids, as one step to undo. */
void        copro_activity_attendance_mark                 (CoproActivityAttendance *self,
                                                            const char * const      *ids,
                                                            const char              *status);

G_END_DECLS
