/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * CoproContactLog: a partner's contact log as a timeline, newest first, one
 * row a contact (activating it opens the contact to change or delete), with
 * an "Add Contact" button that opens CoproContactDialog with today's date.
 * It follows the log: a contact added, changed or removed (an Undo too)
 * shows at once.
 */
#define COPRO_TYPE_CONTACT_LOG (copro_contact_log_get_type ())
G_DECLARE_FINAL_TYPE (CoproContactLog, copro_contact_log, COPRO, CONTACT_LOG, AdwPreferencesGroup)

GtkWidget   *copro_contact_log_new         (CoproRecord     *partner);
CoproRecord *copro_contact_log_get_partner (CoproContactLog *self);
/* The rows shown, newest first (the same order as the timeline); for tests
 * and the benchmark. */
guint        copro_contact_log_get_n_rows  (CoproContactLog *self);
/* The rows made so far: the newest contacts are made at once, the rest
 * a screenful at a time after each frame. */
guint        copro_contact_log_get_n_rows_made (CoproContactLog *self);
/* Opens the dialogue to add a contact; returns it. */
AdwDialog   *copro_contact_log_add         (CoproContactLog *self);

G_END_DECLS
