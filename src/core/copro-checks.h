/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-document.h"
#include "copro-record.h"

G_BEGIN_DECLS

typedef enum
{
  COPRO_SEVERITY_PROBLEM,
  COPRO_SEVERITY_ADVICE,
} CoproSeverity;

typedef struct
{
  const char    *key;       /* stable, e.g. "support-not-confirmed" */
  CoproSeverity  severity;
  const char    *summary;   /* N_(), what the check looks for */
  const char    *why;       /* N_(), the toolkit's rule in our words, naming the part it comes from */
} CoproCheckInfo;

typedef struct
{
  const CoproCheckInfo *check;
  char                 *message;  /* one plain sentence */
  CoproRecord          *record;   /* the record it points to (a reference): the first of @records */
  const char           *field;    /* the field of that record, static */
  char                 *path;     /* the same place written out, e.g. partners[3].lawful_basis */
  GPtrArray            *records;  /* every record it concerns, in document order (references); never empty */
} CoproFinding;

const CoproCheckInfo *copro_checks_get_all   (guint *n_checks);
const char           *copro_severity_to_key  (CoproSeverity severity);

/* Runs every check. @today may be NULL for the current local date. The array
 * frees its findings; problems come before advice, each in document order.
 * A rule broken by many records gives one finding that lists them all. */
GPtrArray            *copro_checks_run       (CoproRecord *project,
                                              const GDate *today);
guint                 copro_checks_count     (GPtrArray     *findings,
                                              CoproSeverity  severity);

G_END_DECLS
