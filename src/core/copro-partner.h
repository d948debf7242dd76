/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-partner-map.h"
#include "copro-record.h"

G_BEGIN_DECLS

/*
 * What a partner (a record of copro_desc_partner) means beyond its fields,
 * each rule written once here for the checks, the export and the window.
 * Like GNOME Calendar's GcalEvent, but over the generic CoproRecord: these
 * read a partner's fields by their place in the description, found once.
 */

/* What the privacy tools clear from a partner: email, phone and notes. */
extern const char * const copro_partner_personal_keys[3];

/* The partner as a list names them: the name, else the organisation, else
 * “A partner with no name”. Owned by the partner or static. */
const char    *copro_partner_get_title              (CoproRecord *partner);
/* The partner as people know them, with both: “Name, Organisation”, or
 * either alone, or the same wording as copro_partner_get_title(). */
char          *copro_partner_dup_full_title         (CoproRecord *partner);

/* Whether the email or the phone is filled in. */
gboolean       copro_partner_has_contact_details    (CoproRecord *partner);
/* Whether any of copro_partner_personal_keys is filled in. */
gboolean       copro_partner_holds_personal_details (CoproRecord *partner);

/* Whether the partner's review or deletion date is before @today. */
gboolean       copro_partner_is_review_due_on       (CoproRecord *partner,
                                                     const GDate *today);
/* The same for the local date today (looked up at most once a minute:
 * rows of the register ask by the hundred). */
gboolean       copro_partner_is_review_due          (CoproRecord *partner);

/* Where the partner sits on the influence × interest map. */
CoproQuadrant  copro_partner_get_quadrant           (CoproRecord *partner);

/* Whether the partner speaks from lived experience or as a carer. */
gboolean       copro_partner_is_service_user        (CoproRecord *partner);
/* Whether the partner has withdrawn. */
gboolean       copro_partner_is_withdrawn           (CoproRecord *partner);

G_END_DECLS
