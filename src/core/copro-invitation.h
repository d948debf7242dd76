/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * Invitations sent through the officer's own mail client: who among some
 * partners may be emailed, why the others are left out, the mailto: URI
 * with everyone in Bcc, and the log entry each invited partner gets. The
 * rules are copro-partner.c's (copro_email_looks_valid(),
 * copro_partner_get_lawful_basis_state(), copro_partner_is_withdrawn()).
 */

/* Why a partner may not be emailed, or that they may; in the order they are
 * tested, so each partner has one reason. */
typedef enum
{
  COPRO_INVITE_INCLUDED,
  COPRO_INVITE_NO_EMAIL,         /* no email address, or not one a client can send to */
  COPRO_INVITE_WITHDRAWN,        /* the partner has withdrawn */
  COPRO_INVITE_NO_LAWFUL_BASIS,  /* no lawful basis for holding their details */
  COPRO_INVITE_CONSENT_UNDATED,  /* consent, but no date it was given */
  COPRO_INVITE_N_REASONS
} CoproInviteReason;

/*
 * The longest mailto: URI offered to the mail client, in bytes: 2,000.
 * RFC 6068 sets no limit, but clients do. Internet Explorer and the Windows
 * URL handling behind it stop at 2,083 characters (Microsoft KB 208427);
 * Outlook opened from Firefox, Chrome or IE took at most 2,046 in one
 * published test (superruub.wordpress.com, "Mailto protocol character
 * limit", 2013), and Firefox hands Thunderbird about 2,008. An address list
 * longer than this is offered to copy instead, never as a link cut short.
 */
#define COPRO_MAILTO_MAX_LENGTH 2000

CoproInviteReason copro_invitation_reason_for (CoproRecord *partner);

typedef struct
{
  GPtrArray *included;   /* CoproRecord *: partners who may be emailed, in the order given */
  GPtrArray *addresses;  /* char *: their addresses, each once (compared ignoring case) */
  guint      n_excluded[COPRO_INVITE_N_REASONS];  /* [COPRO_INVITE_INCLUDED] is unused */
} CoproInvitation;

/* Sorts @partners (CoproRecord *) into those who may be emailed and those
 * who may not. */
CoproInvitation *copro_invitation_new              (GPtrArray       *partners);
void             copro_invitation_free             (CoproInvitation *self);
guint            copro_invitation_get_n_excluded   (CoproInvitation *self);
/* One sentence a reason, for the partners left out: “2 partners have no
 * email address.” … joined by spaces; NULL when none is left out. */
char            *copro_invitation_dup_excluded_text (CoproInvitation *self);
/* "mailto:?bcc=a@x,b@y&subject=…", each part percent-encoded (RFC 6068);
 * @subject may be NULL. NULL when nobody is included. */
char            *copro_invitation_dup_mailto       (CoproInvitation *self,
                                                    const char      *subject);
/* Whether @uri is short enough to hand to a mail client. */
gboolean         copro_invitation_mailto_fits      (const char      *uri);
/* The addresses as a mail client's To or Bcc field takes them: "a@x, b@y". */
char            *copro_invitation_dup_address_list (CoproInvitation *self);
/* Logs the invitation in each included partner's contact log: method
 * email, the date @date ("YYYY-MM-DD"), @summary, @made_by and the
 * @activity id (either may be NULL). One step of the history, one Undo.
 * Returns how many partners it logged. */
guint            copro_invitation_log              (CoproInvitation *self,
                                                    const char      *date,
                                                    const char      *made_by,
                                                    const char      *summary,
                                                    const char      *activity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoproInvitation, copro_invitation_free)

G_END_DECLS
