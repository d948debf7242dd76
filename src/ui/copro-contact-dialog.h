/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * CoproContactDialog: logs a contact with a partner, or changes or deletes
 * one already in the log. It edits a copy: nothing reaches the document
 * until "Add" or "Save", which is one step of the history (one Undo).
 * A new contact starts with today's date.
 */
#define COPRO_TYPE_CONTACT_DIALOG (copro_contact_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CoproContactDialog, copro_contact_dialog, COPRO, CONTACT_DIALOG, AdwDialog)

/* @contact: a contact of @partner's log to change, or NULL to add one. */
AdwDialog   *copro_contact_dialog_new         (CoproRecord        *partner,
                                               CoproRecord        *contact);
/* The copy being edited, for tests. */
CoproRecord *copro_contact_dialog_get_draft   (CoproContactDialog *self);
/* Writes the draft to the log, as "Add" or "Save" does, and closes. */
void         copro_contact_dialog_apply       (CoproContactDialog *self);

G_END_DECLS
