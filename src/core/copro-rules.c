/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See copro-rules.h. These run over every partner of the largest projects:
 * they read values by their place in the description, found once. */

#include "config.h"

#include "copro-model.h"
#include "copro-record-private.h"
#include "copro-rules.h"

const char * const copro_partner_personal_keys[3] = { "email", "phone", "notes" };

gboolean
copro_text_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static guint
field_index (const CoproRecordDesc *desc,
             const char            *key)
{
  const CoproField *field = copro_record_desc_find_field (desc, key);

  g_assert (field != NULL);
  return (guint) (field - desc->fields);
}

typedef struct
{
  guint personal[G_N_ELEMENTS (copro_partner_personal_keys)];
  guint review_date;
} PartnerFields;

static const PartnerFields *
partner_fields (void)
{
  static PartnerFields fields;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      for (guint i = 0; i < G_N_ELEMENTS (copro_partner_personal_keys); i++)
        fields.personal[i] = field_index (&copro_desc_partner, copro_partner_personal_keys[i]);
      fields.review_date = field_index (&copro_desc_partner, "review_date");
      g_once_init_leave (&initialised, 1);
    }
  return &fields;
}

gboolean
copro_partner_holds_personal_details (CoproRecord *partner)
{
  const PartnerFields *fields = partner_fields ();
  CoproValue *values;

  g_return_val_if_fail (COPRO_IS_RECORD (partner), FALSE);
  g_return_val_if_fail (copro_record_get_desc (partner) == &copro_desc_partner, FALSE);

  values = _copro_record_peek_values (partner);
  for (guint i = 0; i < G_N_ELEMENTS (fields->personal); i++)
    if (values[fields->personal[i]].s != NULL && *values[fields->personal[i]].s != '\0')
      return TRUE;
  return FALSE;
}

gboolean
copro_partner_review_is_due_on (CoproRecord *partner,
                                const GDate *today)
{
  const char *review;
  guint year, month, day;

  g_return_val_if_fail (COPRO_IS_RECORD (partner), FALSE);
  g_return_val_if_fail (copro_record_get_desc (partner) == &copro_desc_partner, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  review = _copro_record_peek_values (partner)[partner_fields ()->review_date].s;
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

int
copro_risk_get_score (CoproRecord *risk)
{
  g_return_val_if_fail (COPRO_IS_RECORD (risk), 0);

  return copro_record_get_int (risk, "likelihood") * copro_record_get_int (risk, "impact");
}
