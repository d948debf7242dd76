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

/* Attendance (records of copro_desc_attendance in the list "attendance"):
 * who was invited, took part or sent apologies. */

/* Whether any attendance is recorded: then the number of people taking part
 * comes from it, and the stored "participants" is kept only for files
 * without attendance. */
gboolean     copro_activity_has_attendance      (CoproRecord *activity);
/* How many attendance records have @status, a key of copro_enum_attendance. */
guint        copro_activity_count_attendance    (CoproRecord *activity,
                                                 const char  *status);
/* The number of people taking part: those who took part where attendance is
 * recorded, else the stored field. */
int          copro_activity_get_participants    (CoproRecord *activity);
/* The attendance record of the partner with id @partner_id, or NULL. */
CoproRecord *copro_activity_find_attendance     (CoproRecord *activity,
                                                 const char  *partner_id);
/* Records @status (a key of copro_enum_attendance) for the partner, adding
 * a record if there is none; NULL removes the partner's record. */
void         copro_activity_set_attendance      (CoproRecord *activity,
                                                 const char  *partner_id,
                                                 const char  *status);

/* Who took part, counted by the sector and by the kind of each partner
 * (looked up in @partners). by_sector has copro_enum_n_values
 * (&copro_enum_sector) + 1 entries, by_kind copro_enum_n_values
 * (&copro_enum_partner_kind) + 1: the last counts those with none set, or
 * no longer in the register. Entries are set, not added to. */
void         copro_activity_count_took_part     (CoproRecord *activity,
                                                 CoproList   *partners,
                                                 guint       *by_sector,
                                                 guint       *by_kind);

/* Whether the feedback item has been sent to the people who took part. */
gboolean     copro_feedback_is_sent             (CoproRecord *feedback);

G_END_DECLS
