/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * Sign-off: the project's request for approval (a record of
 * copro_desc_signoff) and the decisions recorded in reply.
 */

/* Whether sign-off is being sought for @project: a date of request is
 * recorded, or a decision already is. */
gboolean copro_signoff_is_sought (CoproRecord *project);

G_END_DECLS
