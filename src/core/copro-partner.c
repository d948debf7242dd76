/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See copro-partner.h. These run over every partner of the largest projects
 * (100,000 in the benchmark): they read values by their place in the
 * description, found once. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "copro-contact.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"

const char * const copro_partner_personal_keys[3] = { "email", "phone", "notes" };

typedef struct
{
  GType type;
  guint personal[G_N_ELEMENTS (copro_partner_personal_keys)];
  guint name;
  guint organisation;
  guint email;
  guint phone;
  guint review_date;
  guint influence;
  guint interest;
  guint sector;
  guint status;
  guint lawful_basis;
  guint consent_date;
  guint contacts;
  guint contact_summary;
} PartnerFields;

static const PartnerFields *
partner_fields (void)
{
  static PartnerFields fields;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      const CoproRecordDesc *desc = &copro_desc_partner;

      fields.type = copro_record_desc_get_type (desc);
      for (guint i = 0; i < G_N_ELEMENTS (copro_partner_personal_keys); i++)
        fields.personal[i] = copro_record_desc_field_index (desc, copro_partner_personal_keys[i]);
      fields.name = copro_record_desc_field_index (desc, "name");
      fields.organisation = copro_record_desc_field_index (desc, "organisation");
      fields.email = copro_record_desc_field_index (desc, "email");
      fields.phone = copro_record_desc_field_index (desc, "phone");
      fields.review_date = copro_record_desc_field_index (desc, "review_date");
      fields.influence = copro_record_desc_field_index (desc, "influence");
      fields.interest = copro_record_desc_field_index (desc, "interest");
      fields.sector = copro_record_desc_field_index (desc, "sector");
      fields.status = copro_record_desc_field_index (desc, "status");
      fields.lawful_basis = copro_record_desc_field_index (desc, "lawful_basis");
      fields.consent_date = copro_record_desc_field_index (desc, "consent_date");
      fields.contacts = copro_record_desc_field_index (desc, "contacts");
      fields.contact_summary = copro_record_desc_field_index (&copro_desc_contact, "summary");
      g_once_init_leave (&initialised, 1);
    }
  return &fields;
}

/* A partner's type is final, so this is GLib's inline test of the instance's
 * class, with no call: the checks ask it several times per partner. */
#define CHECK_PARTNER(partner, fail) \
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE ((partner), partner_fields ()->type), fail)

static const char *
no_name (void)
{
  return _("A partner with no name");
}

const char *
copro_partner_get_title (CoproRecord *partner)
{
  const PartnerFields *fields = partner_fields ();
  const char *name;

  CHECK_PARTNER (partner, "");

  name = copro_record_get_string_at (partner, fields->name);
  if (copro_text_is_blank (name))
    name = copro_record_get_string_at (partner, fields->organisation);
  if (copro_text_is_blank (name))
    name = no_name ();
  return name;
}

char *
copro_partner_dup_full_title (CoproRecord *partner)
{
  const PartnerFields *fields = partner_fields ();
  const char *name, *organisation;

  CHECK_PARTNER (partner, g_strdup (""));

  name = copro_record_get_string_at (partner, fields->name);
  organisation = copro_record_get_string_at (partner, fields->organisation);
  if (copro_text_is_blank (name) && copro_text_is_blank (organisation))
    return g_strdup (no_name ());
  if (copro_text_is_blank (organisation))
    return g_strdup (name);
  if (copro_text_is_blank (name))
    return g_strdup (organisation);
  /* TRANSLATORS: a partner's name, then their organisation */
  return g_strdup_printf (_("%s, %s"), name, organisation);
}

const char *
copro_partner_get_missing_title (void)
{
  return _("A partner no longer in the register");
}

gboolean
copro_partner_has_contact_details (CoproRecord *partner)
{
  const PartnerFields *fields = partner_fields ();

  CHECK_PARTNER (partner, FALSE);

  return !copro_text_is_blank (copro_record_get_string_at (partner, fields->email)) ||
         !copro_text_is_blank (copro_record_get_string_at (partner, fields->phone));
}

gboolean
copro_partner_holds_personal_details (CoproRecord *partner)
{
  const PartnerFields *fields = partner_fields ();

  CHECK_PARTNER (partner, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fields->personal); i++)
    {
      const char *value = copro_record_get_string_at (partner, fields->personal[i]);

      if (value != NULL && *value != '\0')
        return TRUE;
    }
  {
    CoproList *contacts = copro_record_get_list_at (partner, fields->contacts);
    guint n = copro_list_get_n_items (contacts);

    for (guint i = 0; i < n; i++)
      {
        const char *summary = copro_record_get_string_at (copro_list_get (contacts, i), fields->contact_summary);

        if (summary != NULL && *summary != '\0')
          return TRUE;
      }
  }
  return FALSE;
}

gboolean
copro_partner_is_review_due_on (CoproRecord *partner,
                                const GDate *today)
{
  const char *review;
  guint year, month, day;

  CHECK_PARTNER (partner, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  review = copro_record_get_string_at (partner, partner_fields ()->review_date);
  if (!copro_date_parse (review, NULL))
    return FALSE;
  /* Compared as numbers: a GDate for each of 100,000 partners costs more. */
  year = (guint) g_ascii_strtoull (review, NULL, 10);
  month = (guint) g_ascii_strtoull (review + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (review + 8, NULL, 10);
  if (year != g_date_get_year (today))
    return year < g_date_get_year (today);
  if (month != g_date_get_month (today))
    return month < g_date_get_month (today);
  return day < g_date_get_day (today);
}

gboolean
copro_partner_is_review_due (CoproRecord *partner)
{
  static GDate today;
  static gint64 today_checked;
  gint64 now = g_get_monotonic_time ();

  CHECK_PARTNER (partner, FALSE);

  /* Today, looked up at most once a minute: rows are bound by the hundred. */
  if (today_checked == 0 || now - today_checked > 60 * G_USEC_PER_SEC)
    {
      g_autoptr(GDateTime) local = g_date_time_new_now_local ();

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (local),
                      (GDateMonth) g_date_time_get_month (local),
                      (GDateYear) g_date_time_get_year (local));
      today_checked = now;
    }
  return copro_partner_is_review_due_on (partner, &today);
}

CoproQuadrant
copro_partner_map_quadrant (int influence,
                            int interest)
{
  gboolean high_influence, high_interest;

  if (influence < COPRO_PARTNER_MAP_MIN || influence > COPRO_PARTNER_MAP_MAX ||
      interest < COPRO_PARTNER_MAP_MIN || interest > COPRO_PARTNER_MAP_MAX)
    return COPRO_QUADRANT_NONE;

  high_influence = influence >= COPRO_PARTNER_MAP_HIGH;
  high_interest = interest >= COPRO_PARTNER_MAP_HIGH;
  if (high_influence)
    return high_interest ? COPRO_QUADRANT_MANAGE_CLOSELY : COPRO_QUADRANT_KEEP_SATISFIED;
  return high_interest ? COPRO_QUADRANT_KEEP_INFORMED : COPRO_QUADRANT_MONITOR;
}

CoproQuadrant
copro_partner_get_quadrant (CoproRecord *partner)
{
  const PartnerFields *fields = partner_fields ();

  CHECK_PARTNER (partner, COPRO_QUADRANT_NONE);

  return copro_partner_map_quadrant (copro_record_get_int_at (partner, fields->influence),
                                     copro_record_get_int_at (partner, fields->interest));
}

gboolean
copro_partner_is_service_user (CoproRecord *partner)
{
  const char *sector;

  CHECK_PARTNER (partner, FALSE);

  sector = copro_record_get_string_at (partner, partner_fields ()->sector);
  return g_strcmp0 (sector, "lived-experience") == 0 || g_strcmp0 (sector, "carer") == 0;
}

gboolean
copro_partner_is_withdrawn (CoproRecord *partner)
{
  CHECK_PARTNER (partner, FALSE);

  return g_strcmp0 (copro_record_get_string_at (partner, partner_fields ()->status), "withdrawn") == 0;
}

gboolean
copro_email_looks_valid (const char *text)
{
  const char *at;

  if (text == NULL)
    return FALSE;
  at = strchr (text, '@');
  return at != NULL && at != text && at[1] != '\0' && strchr (at + 1, '@') == NULL &&
         strchr (text, ' ') == NULL;
}

CoproLawfulBasisState
copro_partner_get_lawful_basis_state (CoproRecord *partner)
{
  const PartnerFields *fields = partner_fields ();
  const char *basis;

  CHECK_PARTNER (partner, COPRO_LAWFUL_BASIS_MISSING);

  basis = copro_record_get_string_at (partner, fields->lawful_basis);
  if (basis == NULL)
    return COPRO_LAWFUL_BASIS_MISSING;
  if (strcmp (basis, "consent") == 0 && copro_record_get_string_at (partner, fields->consent_date) == NULL)
    return COPRO_LAWFUL_BASIS_CONSENT_UNDATED;
  return COPRO_LAWFUL_BASIS_RECORDED;
}

CoproList *
copro_partner_get_contacts (CoproRecord *partner)
{
  CHECK_PARTNER (partner, NULL);

  return copro_record_get_list_at (partner, partner_fields ()->contacts);
}

const char *
copro_partner_get_last_contact_date (CoproRecord *partner)
{
  CoproList *contacts;
  const char *last = NULL;
  guint n;

  CHECK_PARTNER (partner, NULL);

  contacts = copro_record_get_list_at (partner, partner_fields ()->contacts);
  n = copro_list_get_n_items (contacts);
  for (guint i = 0; i < n; i++)
    {
      const char *date = copro_contact_get_date (copro_list_get (contacts, i));

      if (date != NULL && (last == NULL || strcmp (date, last) > 0))
        last = date;
    }
  return last;
}

guint
copro_partner_count_overdue_follow_ups (CoproRecord *partner,
                                        const char  *today)
{
  CoproList *contacts;
  const char *last;
  guint n, overdue = 0;

  CHECK_PARTNER (partner, 0);
  g_return_val_if_fail (today != NULL, 0);

  contacts = copro_record_get_list_at (partner, partner_fields ()->contacts);
  n = copro_list_get_n_items (contacts);
  if (n == 0)
    return 0;
  last = copro_partner_get_last_contact_date (partner);
  for (guint i = 0; i < n; i++)
    if (copro_contact_is_follow_up_overdue (copro_list_get (contacts, i), last, today))
      overdue++;
  return overdue;
}

void
copro_partner_remove_personal_details (CoproRecord *partner)
{
  const PartnerFields *fields = partner_fields ();
  CoproList *contacts;
  guint n;

  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (partner, fields->type));

  for (guint k = 0; k < G_N_ELEMENTS (copro_partner_personal_keys); k++)
    copro_record_set_string (partner, copro_partner_personal_keys[k], "");
  contacts = copro_record_get_list_at (partner, fields->contacts);
  n = copro_list_get_n_items (contacts);
  for (guint i = 0; i < n; i++)
    copro_record_set_string (copro_list_get (contacts, i), "summary", "");
}
