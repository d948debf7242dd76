/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "copro-partners-section.h"

G_BEGIN_DECLS

/*
 * CoproPartnerEditor: the details of the partner selected in "selection"
 * (the register's), every field once in groups; a status page instead when
 * none or several are selected. "partner" is the partner shown, "title" its
 * name (or "Details").
 */
#define COPRO_TYPE_PARTNER_EDITOR (copro_partner_editor_get_type ())
G_DECLARE_FINAL_TYPE (CoproPartnerEditor, copro_partner_editor, COPRO, PARTNER_EDITOR, CoproPartnersSection)

GtkSelectionModel *copro_partner_editor_get_selection (CoproPartnerEditor *self);
void               copro_partner_editor_set_selection (CoproPartnerEditor *self,
                                                       GtkSelectionModel  *selection);
CoproRecord       *copro_partner_editor_get_partner   (CoproPartnerEditor *self);
const char        *copro_partner_editor_get_title     (CoproPartnerEditor *self);
/* The box holding the groups (their field widgets are registered, see
 * copro_field_widget_find()). */
GtkWidget         *copro_partner_editor_get_form_box  (CoproPartnerEditor *self);
/* Puts the focus in the control of the field @key; FALSE if there is none. */
gboolean           copro_partner_editor_focus_field   (CoproPartnerEditor *self,
                                                       const char         *key);

G_END_DECLS
