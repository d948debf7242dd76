/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-list.h"

G_BEGIN_DECLS

/*
 * CoproSetFieldDialog: sets one field (an enumeration, a yes or no, a date,
 * an amount or a score) of several partners at once, as one change that one
 * undo takes back. It offers the partner's fields of those kinds, and a
 * value editor to suit the field chosen; "applied" is emitted after the
 * change, with the field's key, before the dialog closes.
 */
#define COPRO_TYPE_SET_FIELD_DIALOG (copro_set_field_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CoproSetFieldDialog, copro_set_field_dialog, COPRO, SET_FIELD_DIALOG, AdwDialog)

/* @partners: items of @list (the dialog keeps references). */
CoproSetFieldDialog *copro_set_field_dialog_new       (CoproList           *list,
                                                       GPtrArray           *partners);
guint                copro_set_field_dialog_get_n_partners (CoproSetFieldDialog *self);
/* Chooses the field, as the field row would. FALSE if it is not offered. */
gboolean             copro_set_field_dialog_set_field (CoproSetFieldDialog *self,
                                                       const char          *key);
const char          *copro_set_field_dialog_get_field (CoproSetFieldDialog *self);
/* Writes @text in the value editor as a person would: an enumeration's key
 * or label, "true" or "false", a date, an amount; "" for none. FALSE when
 * the editor cannot take it. */
gboolean             copro_set_field_dialog_set_value (CoproSetFieldDialog *self,
                                                       const char          *text);
/* As the Set button: FALSE (and nothing changes) while the value is not valid. */
gboolean             copro_set_field_dialog_apply     (CoproSetFieldDialog *self);

G_END_DECLS
