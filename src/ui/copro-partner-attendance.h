/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-record.h"

G_BEGIN_DECLS

/* In a partner's details: the activities they were invited to, took part in
 * or sent apologies for, each settable here with a drop-down, and the
 * payments and expenses recorded for them (edited under Resources).
 * Property: "partner". */
#define COPRO_TYPE_PARTNER_ATTENDANCE (copro_partner_attendance_get_type ())
G_DECLARE_FINAL_TYPE (CoproPartnerAttendance, copro_partner_attendance, COPRO, PARTNER_ATTENDANCE, AdwPreferencesGroup)

GtkWidget  *copro_partner_attendance_new (CoproRecord *partner);

G_END_DECLS
