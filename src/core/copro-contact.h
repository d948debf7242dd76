/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * A partner's contact log: what one contact (a record of copro_desc_contact)
 * means beyond its fields, each rule written once here for the partner's
 * timeline, the checks, the invitations, the importer and the workbook.
 * Dates are "YYYY-MM-DD" strings (see copro_date_parse()), which sort as
 * they read.
 */

/* The contact's date, follow-up date and activity id; NULL when unset. */
const char  *copro_contact_get_date          (CoproRecord *contact);
const char  *copro_contact_get_follow_up     (CoproRecord *contact);
const char  *copro_contact_get_activity      (CoproRecord *contact);
/* The summary, or “No summary”. Owned by the contact or static. */
const char  *copro_contact_get_title         (CoproRecord *contact);
/* “Email”, “Phone”, …, or “Contact” when the method is unset. */
const char  *copro_contact_get_method_label  (CoproRecord *contact);

/* A follow-up is overdue when its date is before @today and no later
 * contact has been logged with the partner since: @partner_last is the
 * partner's last contact date (copro_partner_get_last_contact_date()). A
 * contact logged on a later date than this one answers its follow-up. */
gboolean     copro_contact_is_follow_up_overdue (CoproRecord *contact,
                                                 const char  *partner_last,
                                                 const char  *today);

/* The contacts of a list, newest first: by date, latest first; contacts on
 * the same date, or with none, the last added first; undated ones last.
 * Returns a new array of references. */
GPtrArray   *copro_contacts_sorted_newest_first (GListModel *contacts);

/* Appends a new contact to @partner's log with these values (any may be
 * NULL) and returns it (owned by the log). */
CoproRecord *copro_contact_log               (CoproRecord *partner,
                                              const char  *date,
                                              const char  *method,
                                              const char  *made_by,
                                              const char  *summary,
                                              const char  *activity);

/* The activity a contact links to in @project, or NULL when it links to
 * none or to one no longer in the log. */
CoproRecord *copro_contact_find_activity     (CoproRecord *contact,
                                              CoproRecord *project);
/* What a link shows when its activity is no longer in the log. */
const char  *copro_contact_get_missing_activity_title (void);

/* Today's local date as "YYYY-MM-DD" (newly allocated). */
char        *copro_contact_dup_today         (void);

G_END_DECLS
