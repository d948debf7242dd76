/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See copro-activity.h. */

#include "config.h"

#include <string.h>

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

gboolean
copro_activity_has_attendance (CoproRecord *activity)
{
  CHECK_ACTIVITY (activity, FALSE);

  return copro_list_get_n_items (copro_record_get_list (activity, "attendance")) > 0;
}

guint
copro_activity_count_attendance (CoproRecord *activity,
                                 const char  *status)
{
  CoproList *attendance;
  guint field = copro_record_desc_field_index (&copro_desc_attendance, "status");
  guint n, count = 0;

  CHECK_ACTIVITY (activity, 0);

  attendance = copro_record_get_list (activity, "attendance");
  n = copro_list_get_n_items (attendance);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (copro_record_get_string_at (copro_list_get (attendance, i), field), status) == 0)
      count++;
  return count;
}

int
copro_activity_get_participants (CoproRecord *activity)
{
  CHECK_ACTIVITY (activity, 0);

  if (copro_activity_has_attendance (activity))
    return (int) MIN (copro_activity_count_attendance (activity, "took-part"), G_MAXINT);
  return copro_record_get_int (activity, "participants");
}

CoproRecord *
copro_activity_find_attendance (CoproRecord *activity,
                                const char  *partner_id)
{
  CoproList *attendance;
  guint field = copro_record_desc_field_index (&copro_desc_attendance, "partner");
  guint n;

  CHECK_ACTIVITY (activity, NULL);
  g_return_val_if_fail (partner_id != NULL, NULL);

  attendance = copro_record_get_list (activity, "attendance");
  n = copro_list_get_n_items (attendance);
  for (guint i = 0; i < n; i++)
    {
      CoproRecord *item = copro_list_get (attendance, i);

      if (g_strcmp0 (copro_record_get_string_at (item, field), partner_id) == 0)
        return item;
    }
  return NULL;
}

void
copro_activity_set_attendance (CoproRecord *activity,
                               const char  *partner_id,
                               const char  *status)
{
  CoproList *attendance;
  CoproRecord *item;

  g_return_if_fail (COPRO_IS_RECORD (activity));
  g_return_if_fail (copro_record_get_desc (activity) == &copro_desc_activity);
  g_return_if_fail (partner_id != NULL && g_uuid_string_is_valid (partner_id));
  g_return_if_fail (status == NULL || copro_enum_index (&copro_enum_attendance, status) >= 0);

  attendance = copro_record_get_list (activity, "attendance");
  item = copro_activity_find_attendance (activity, partner_id);
  if (status == NULL)
    {
      guint position;

      if (item != NULL && copro_list_find (attendance, item, &position))
        copro_list_remove (attendance, position);
      return;
    }
  if (item == NULL)
    {
      g_autoptr(CoproRecord) added = copro_record_new (&copro_desc_attendance);
      g_autofree char *id = g_uuid_string_random ();

      copro_record_set_id (added, id);
      copro_record_set_string (added, "partner", partner_id);
      copro_record_set_string (added, "status", status);
      copro_list_append (attendance, added);
      return;
    }
  copro_record_set_string (item, "status", status);
}

void
copro_activity_count_took_part (CoproRecord *activity,
                                CoproList   *partners,
                                guint       *by_sector,
                                guint       *by_kind)
{
  CoproList *attendance;
  guint partner_field = copro_record_desc_field_index (&copro_desc_attendance, "partner");
  guint status_field = copro_record_desc_field_index (&copro_desc_attendance, "status");
  guint n_sectors = copro_enum_n_values (&copro_enum_sector);
  guint n_kinds = copro_enum_n_values (&copro_enum_partner_kind);
  guint n;

  g_return_if_fail (COPRO_IS_RECORD (activity));
  g_return_if_fail (by_sector != NULL && by_kind != NULL);

  memset (by_sector, 0, sizeof *by_sector * (n_sectors + 1));
  memset (by_kind, 0, sizeof *by_kind * (n_kinds + 1));
  attendance = copro_record_get_list (activity, "attendance");
  n = copro_list_get_n_items (attendance);
  for (guint i = 0; i < n; i++)
    {
      CoproRecord *item = copro_list_get (attendance, i);
      const char *id = copro_record_get_string_at (item, partner_field);
      CoproRecord *partner;
      int sector = -1, kind = -1;

      if (g_strcmp0 (copro_record_get_string_at (item, status_field), "took-part") != 0)
        continue;
      partner = id != NULL && partners != NULL ? copro_list_find_by_id (partners, id) : NULL;
      if (partner != NULL)
        {
          sector = copro_enum_index (&copro_enum_sector, copro_record_get_string (partner, "sector"));
          kind = copro_enum_index (&copro_enum_partner_kind, copro_record_get_string (partner, "kind"));
        }
      by_sector[sector >= 0 ? (guint) sector : n_sectors]++;
      by_kind[kind >= 0 ? (guint) kind : n_kinds]++;
    }
}

gboolean
copro_feedback_is_sent (CoproRecord *feedback)
{
  g_return_val_if_fail (COPRO_IS_RECORD (feedback), FALSE);
  g_return_val_if_fail (copro_record_get_desc (feedback) == &copro_desc_feedback, FALSE);

  return copro_record_get_string (feedback, "sent_date") != NULL;
}
