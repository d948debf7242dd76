/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See copro-activity.h. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "copro-activity.h"
#include "copro-list.h"
#include "copro-model.h"

#define CHECK_ACTIVITY(activity, fail) \
  G_STMT_START { \
    g_return_val_if_fail (COPRO_IS_RECORD (activity), fail); \
    g_return_val_if_fail (copro_record_get_desc (activity) == &copro_desc_activity, fail); \
  } G_STMT_END

const char *
copro_activity_get_title (CoproRecord *activity)
{
  const char *title;

  CHECK_ACTIVITY (activity, "");

  title = copro_record_get_string (activity, "title");
  return copro_text_is_blank (title) ? _("An untitled activity") : title;
}

guint
copro_activity_count_open_feedback (CoproRecord *activity)
{
  CoproList *feedback;
  guint n_open = 0;

  CHECK_ACTIVITY (activity, 0);

  feedback = copro_record_get_list (activity, "feedback");
  for (guint i = 0; i < copro_list_get_n_items (feedback); i++)
    {
      const char *status = copro_record_get_string (copro_list_get (feedback, i), "status");

      if (status == NULL || g_str_equal (status, "open"))
        n_open++;
    }
  return n_open;
}

gboolean
copro_activity_is_below_plan (CoproRecord *activity)
{
  int achieved, planned;

  CHECK_ACTIVITY (activity, FALSE);

  achieved = copro_enum_index (&copro_enum_level, copro_record_get_string (activity, "level_achieved"));
  planned = copro_enum_index (&copro_enum_level, copro_record_get_string (activity, "level_planned"));
  return achieved >= 0 && planned >= 0 && achieved < planned;
}

gboolean
copro_activity_provides_for (CoproRecord *activity,
                             const char  *need)
{
  const char * const *provided;

  CHECK_ACTIVITY (activity, FALSE);
  g_return_val_if_fail (need != NULL, FALSE);

  provided = copro_record_get_flags (activity, "access_provided");
  if (provided != NULL && g_strv_contains (provided, need))
    return TRUE;
  return g_str_equal (need, "other") &&
         !copro_text_is_blank (copro_record_get_string (activity, "adjustments"));
}
