/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See copro-risk.h. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "copro-model.h"
#include "copro-risk.h"

#define CHECK_RISK(risk, fail) \
  G_STMT_START { \
    g_return_val_if_fail (COPRO_IS_RECORD (risk), fail); \
    g_return_val_if_fail (copro_record_get_desc (risk) == &copro_desc_risk, fail); \
  } G_STMT_END

int
copro_risk_get_score (CoproRecord *risk)
{
  CHECK_RISK (risk, 0);

  return copro_record_get_int (risk, "likelihood") * copro_record_get_int (risk, "impact");
}

CoproRiskBand
copro_risk_band_for_score (int score)
{
  if (score >= COPRO_RISK_HIGH)
    return COPRO_RISK_BAND_HIGH;
  if (score >= COPRO_RISK_MEDIUM)
    return COPRO_RISK_BAND_MEDIUM;
  if (score > 0)
    return COPRO_RISK_BAND_LOW;
  return COPRO_RISK_BAND_NONE;
}

CoproRiskBand
copro_risk_get_band (CoproRecord *risk)
{
  CHECK_RISK (risk, COPRO_RISK_BAND_NONE);

  return copro_risk_band_for_score (copro_risk_get_score (risk));
}

const char *
copro_risk_band_get_label (CoproRiskBand band)
{
  switch (band)
    {
    case COPRO_RISK_BAND_HIGH:
      return C_("risk", "High");
    case COPRO_RISK_BAND_MEDIUM:
      return C_("risk", "Medium");
    case COPRO_RISK_BAND_LOW:
      return C_("risk", "Low");
    case COPRO_RISK_BAND_NONE:
    default:
      return NULL;
    }
}

const char *
copro_risk_get_title (CoproRecord *risk)
{
  const char *description;

  CHECK_RISK (risk, "");

  description = copro_record_get_string (risk, "description");
  return copro_text_is_blank (description) ? _("A risk with no description") : description;
}

gboolean
copro_risk_is_open (CoproRecord *risk)
{
  CHECK_RISK (risk, FALSE);

  return g_strcmp0 (copro_record_get_string (risk, "status"), "closed") != 0;
}
