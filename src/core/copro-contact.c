/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See copro-contact.h. The checks and the workbook run these over every
 * contact of the largest projects (100,000 in the benchmark): fields are
 * read by their place in the description, found once. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "copro-contact.h"
#include "copro-list.h"
#include "copro-model.h"

typedef struct
{
  GType type;
  guint date;
  guint method;
  guint made_by;
  guint summary;
  guint follow_up;
  guint activity;
} ContactFields;

static const ContactFields *
contact_fields (void)
{
  static ContactFields fields;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      const CoproRecordDesc *desc = &copro_desc_contact;

      fields.type = copro_record_desc_get_type (desc);
      fields.date = copro_record_desc_field_index (desc, "date");
      fields.method = copro_record_desc_field_index (desc, "method");
      fields.made_by = copro_record_desc_field_index (desc, "made_by");
      fields.summary = copro_record_desc_field_index (desc, "summary");
      fields.follow_up = copro_record_desc_field_index (desc, "follow_up");
      fields.activity = copro_record_desc_field_index (desc, "activity");
      g_once_init_leave (&initialised, 1);
    }
  return &fields;
}

#define CHECK_CONTACT(contact, fail) \
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE ((contact), contact_fields ()->type), fail)

const char *
copro_contact_get_date (CoproRecord *contact)
{
  CHECK_CONTACT (contact, NULL);
  return copro_record_get_string_at (contact, contact_fields ()->date);
}

const char *
copro_contact_get_follow_up (CoproRecord *contact)
{
  CHECK_CONTACT (contact, NULL);
  return copro_record_get_string_at (contact, contact_fields ()->follow_up);
}

const char *
copro_contact_get_activity (CoproRecord *contact)
{
  CHECK_CONTACT (contact, NULL);
  return copro_record_get_string_at (contact, contact_fields ()->activity);
}

const char *
copro_contact_get_title (CoproRecord *contact)
{
  const char *summary;

  CHECK_CONTACT (contact, "");
  summary = copro_record_get_string_at (contact, contact_fields ()->summary);
  return copro_text_is_blank (summary) ? _("No summary") : summary;
}

const char *
copro_contact_get_method_label (CoproRecord *contact)
{
  const char *method;

  CHECK_CONTACT (contact, "");
  method = copro_record_get_string_at (contact, contact_fields ()->method);
  /* TRANSLATORS: a contact whose method (email, phone…) is not recorded */
  return method != NULL ? copro_enum_label (&copro_enum_contact_channel, method) : _("Contact");
}

gboolean
copro_contact_is_follow_up_overdue (CoproRecord *contact,
                                    const char  *partner_last,
                                    const char  *today)
{
  const char *follow_up, *date;

  CHECK_CONTACT (contact, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  follow_up = copro_contact_get_follow_up (contact);
  if (follow_up == NULL || strcmp (follow_up, today) >= 0)
    return FALSE;
  date = copro_contact_get_date (contact);
  /* Answered by a contact on a later day than this one. */
  return !(date != NULL && partner_last != NULL && strcmp (partner_last, date) > 0);
}

typedef struct
{
  CoproRecord *contact;
  const char  *date;
  guint        position;
} Sortable;

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Sortable *sa = a, *sb = b;
  int by_date;

  if (sa->date == NULL || sb->date == NULL)
    by_date = (sa->date == NULL) - (sb->date == NULL);
  else
    by_date = -strcmp (sa->date, sb->date);
  if (by_date != 0)
    return by_date;
  return sa->position < sb->position ? 1 : sa->position > sb->position ? -1 : 0;
}

GPtrArray *
copro_contacts_sorted_newest_first (GListModel *contacts)
{
  guint n;
  g_autofree Sortable *items = NULL;
  GPtrArray *sorted;

  g_return_val_if_fail (G_IS_LIST_MODEL (contacts), NULL);

  n = g_list_model_get_n_items (contacts);
  items = g_new (Sortable, n);
  sorted = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      /* A reference for the array; the list keeps its own. */
      items[i].contact = g_list_model_get_item (contacts, i);
      items[i].date = copro_contact_get_date (items[i].contact);
      items[i].position = i;
    }
  if (n > 1)
    qsort (items, n, sizeof (Sortable), compare_newest_first);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, items[i].contact);
  return sorted;
}

CoproRecord *
copro_contact_log (CoproRecord *partner,
                   const char  *date,
                   const char  *method,
                   const char  *made_by,
                   const char  *summary,
                   const char  *activity)
{
  g_autoptr(CoproRecord) contact = NULL;
  g_autofree char *id = g_uuid_string_random ();
  CoproList *log;

  g_return_val_if_fail (COPRO_IS_RECORD (partner), NULL);
  g_return_val_if_fail (copro_record_get_desc (partner) == &copro_desc_partner, NULL);

  /* Filled before it joins the log: one insertion for the history. */
  contact = copro_record_new (&copro_desc_contact);
  copro_record_set_id (contact, id);
  if (date != NULL)
    copro_record_set_string (contact, "date", date);
  if (method != NULL)
    copro_record_set_string (contact, "method", method);
  if (made_by != NULL)
    copro_record_set_string (contact, "made_by", made_by);
  if (summary != NULL)
    copro_record_set_string (contact, "summary", summary);
  if (activity != NULL)
    copro_record_set_string (contact, "activity", activity);
  log = copro_record_get_list (partner, "contacts");
  copro_list_append (log, contact);
  return contact;
}

CoproRecord *
copro_contact_find_activity (CoproRecord *contact,
                             CoproRecord *project)
{
  const char *activity;

  CHECK_CONTACT (contact, NULL);
  g_return_val_if_fail (COPRO_IS_RECORD (project), NULL);

  activity = copro_contact_get_activity (contact);
  if (activity == NULL)
    return NULL;
  return copro_list_find_by_id (copro_record_get_list (project, "activities"), activity);
}

const char *
copro_contact_get_missing_activity_title (void)
{
  return _("An activity no longer in the log");
}

char *
copro_contact_dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
