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
