/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "copro-partners-section.h"

G_BEGIN_DECLS

/*
 * CoproRecruitmentChecklist: the project's recruitment checklist, folded
 * under a button until "expanded".
 */
#define COPRO_TYPE_RECRUITMENT_CHECKLIST (copro_recruitment_checklist_get_type ())
G_DECLARE_FINAL_TYPE (CoproRecruitmentChecklist, copro_recruitment_checklist, COPRO, RECRUITMENT_CHECKLIST,
                      CoproPartnersSection)

gboolean copro_recruitment_checklist_get_expanded (CoproRecruitmentChecklist *self);
void     copro_recruitment_checklist_set_expanded (CoproRecruitmentChecklist *self,
                                                   gboolean                   expanded);

G_END_DECLS
