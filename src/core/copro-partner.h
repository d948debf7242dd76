/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * What a partner (a record of copro_desc_partner) means beyond its fields,
 * each rule written once here for the checks, the export and the window.
 * Like GNOME Calendar's GcalEvent, but over the generic CoproRecord: these
 * read a partner's fields by their place in the description, found once.
 */

/* The partner map's quadrants (see copro-partner-map.h for the map), from a
 * partner's influence and interest. The rule needs no drawing, so the checks
 * use it without cairo. */
typedef enum
{
  COPRO_QUADRANT_NONE,           /* influence or interest is not set */
  COPRO_QUADRANT_MONITOR,        /* low influence, low interest */
  COPRO_QUADRANT_KEEP_INFORMED,  /* low influence, high interest */
  COPRO_QUADRANT_KEEP_SATISFIED, /* high influence, low interest */
  COPRO_QUADRANT_MANAGE_CLOSELY, /* high influence, high interest */
} CoproQuadrant;

/* Influence and interest run from 1 to 5; from 3 upwards counts as high, so a
 * partner in the middle gets the more attentive treatment. */
#define COPRO_PARTNER_MAP_MIN   1
#define COPRO_PARTNER_MAP_MAX   5
#define COPRO_PARTNER_MAP_HIGH  3

CoproQuadrant  copro_partner_map_quadrant        (int            influence,
                                                  int            interest);
/* What the privacy tools clear from a partner: email, phone and notes. */
extern const char * const copro_partner_personal_keys[3];

/* The partner as a list names them: the name, else the organisation, else
 * “A partner with no name”. Owned by the partner or static. */
const char    *copro_partner_get_title              (CoproRecord *partner);
/* The partner as people know them, with both: “Name, Organisation”, or
 * either alone, or the same wording as copro_partner_get_title(). */
char          *copro_partner_dup_full_title         (CoproRecord *partner);

/* What a reference shows when its partner is no longer in the register:
 * “A partner no longer in the register”. */
const char    *copro_partner_get_missing_title      (void);

/* Whether the email or the phone is filled in. */
gboolean       copro_partner_has_contact_details    (CoproRecord *partner);
/* Whether any of copro_partner_personal_keys, or a contact's summary, is
 * filled in. */
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

/* Whether an address looks like one a mail client can send to: one "@",
 * something either side of it, no space. The importer and the invitations
 * use the same rule. */
gboolean       copro_email_looks_valid              (const char  *text);

/* Whether the partner's details are held on a lawful basis, as the data
 * protection checks and the invitations both read it. */
typedef enum
{
  COPRO_LAWFUL_BASIS_MISSING,          /* no lawful basis recorded */
  COPRO_LAWFUL_BASIS_CONSENT_UNDATED,  /* consent, with no consent date */
  COPRO_LAWFUL_BASIS_RECORDED,         /* a basis, and a date if it is consent */
} CoproLawfulBasisState;

CoproLawfulBasisState copro_partner_get_lawful_basis_state (CoproRecord *partner);

/* The partner's contact log (copro-contact.h). */
CoproList     *copro_partner_get_contacts           (CoproRecord *partner);
/* The date of the partner's latest logged contact, "YYYY-MM-DD", or NULL
 * when none has a date; owned by the contact. Sorts as text. */
const char    *copro_partner_get_last_contact_date  (CoproRecord *partner);
/* How many of the partner's follow-ups are overdue on @today ("YYYY-MM-DD"),
 * see copro_contact_is_follow_up_overdue(). */
guint          copro_partner_count_overdue_follow_ups (CoproRecord *partner,
                                                       const char  *today);

/* Clears what "Remove Personal Details" removes: copro_partner_personal_keys
 * and the summary of every contact in the log (the dates, methods and links
 * stay, as counts). */
void           copro_partner_remove_personal_details (CoproRecord *partner);

G_END_DECLS
