/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * Small rules about what a field's value means, each written once here for
 * every module that needs it: the checks, the export and the window.
 */

/* NULL, empty or only white space. */
gboolean     copro_text_is_blank                    (const char  *text);

/* What the privacy tools clear from a partner: email, phone and notes. */
extern const char * const copro_partner_personal_keys[3];

/* Whether any of copro_partner_personal_keys is filled in. */
gboolean     copro_partner_holds_personal_details   (CoproRecord *partner);

/* Whether the partner's review or deletion date is before @today. */
gboolean     copro_partner_review_is_due_on         (CoproRecord *partner,
                                                     const GDate *today);

/* A risk's score is its likelihood times its impact, 0 while either is
 * unset; from COPRO_RISK_HIGH it is high, from COPRO_RISK_MEDIUM medium. */
#define COPRO_RISK_HIGH   15
#define COPRO_RISK_MEDIUM 8
int          copro_risk_get_score                   (CoproRecord *risk);

G_END_DECLS
