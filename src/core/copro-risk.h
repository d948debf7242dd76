/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * What a risk (a record of copro_desc_risk) means beyond its fields: its
 * score and band, the same in the window, the checks and the workbook.
 */

/* A risk's score is its likelihood times its impact, 0 while either is
 * unset; from COPRO_RISK_HIGH it is high, from COPRO_RISK_MEDIUM medium. */
#define COPRO_RISK_HIGH   15
#define COPRO_RISK_MEDIUM 8

typedef enum
{
  COPRO_RISK_BAND_NONE,    /* not scored: likelihood or impact unset */
  COPRO_RISK_BAND_LOW,
  COPRO_RISK_BAND_MEDIUM,
  COPRO_RISK_BAND_HIGH,
} CoproRiskBand;

int            copro_risk_get_score          (CoproRecord   *risk);
CoproRiskBand  copro_risk_get_band           (CoproRecord   *risk);
/* The band of a score: NONE for 0. */
CoproRiskBand  copro_risk_band_for_score     (int            score);
/* “High”, “Medium”, “Low”, translated; NULL for NONE. */
const char    *copro_risk_band_get_label     (CoproRiskBand  band);

/* The description, or “A risk with no description”. */
const char    *copro_risk_get_title          (CoproRecord   *risk);
/* Whether the risk is not closed. */
gboolean       copro_risk_is_open            (CoproRecord   *risk);

G_END_DECLS
