/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See copro-signoff.h. */

#include "config.h"

#include "copro-list.h"
#include "copro-model.h"
#include "copro-signoff.h"

gboolean
copro_signoff_is_sought (CoproRecord *project)
{
  g_return_val_if_fail (COPRO_IS_RECORD (project), FALSE);
  g_return_val_if_fail (copro_record_get_desc (project) == &copro_desc_project, FALSE);

  return copro_record_get_string (copro_record_get_record (project, "signoff"), "requested") != NULL ||
         copro_list_get_n_items (copro_record_get_list (project, "approvals")) > 0;
}
