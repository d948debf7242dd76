/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "copro-record.h"

G_BEGIN_DECLS

/* Reading partners from a CSV file (RFC 4180). One implementation serves the
 * headless importer and the window's import preview. */

typedef struct
{
  guint  row;      /* as a spreadsheet numbers it: the header is row 1 */
  char  *reason;   /* one plain sentence */
} CoproCsvProblem;

typedef struct
{
  GPtrArray *headers;   /* char *: the header row as written */
  GPtrArray *columns;   /* const char *: the partner field each column fills, or NULL if ignored */
  GPtrArray *partners;  /* CoproRecord *: rows that can be imported, with fresh ids */
  GPtrArray *problems;  /* CoproCsvProblem *: rows that cannot */
  /* Contacts only (copro_csv_import_contacts_new_from_data()), else NULL: */
  GPtrArray *contacts;          /* CoproRecord *: contacts that can be imported, with fresh ids */
  GPtrArray *contact_partners;  /* CoproRecord *: the partner each of them goes to */
} CoproCsvImport;

/* Fails only when the file as a whole cannot be read (not UTF-8, no header,
 * an unclosed quote); problems with single rows are listed in ->problems. */
CoproCsvImport *copro_csv_import_new_from_data (const char      *data,
                                                gsize            length,
                                                GError         **error);
void            copro_csv_import_free          (CoproCsvImport  *self);
/* Appends the importable partners to the project, or the importable
 * contacts to their partners' logs; returns how many. The caller makes it
 * one step of the history. */
guint           copro_csv_import_apply         (CoproCsvImport  *self,
                                                CoproRecord     *project);

/* Contacts for partners' logs (issue 14). Each row is matched to a partner
 * by its email address, or else by name and organisation together (both
 * compared ignoring case and surrounding space); a row that finds no
 * partner, or more than one, is a problem with its row number. Columns:
 * email, name, organisation, date, how (or method), made by, summary,
 * follow-up, activity (an activity's title). Dates are 2026-12-25 or
 * 25/12/2026.
 *
 * The matcher is made on the main thread from the project as it is; the
 * reading may then run in another thread. */
typedef struct _CoproContactMatcher CoproContactMatcher;

CoproContactMatcher *copro_contact_matcher_new  (CoproRecord         *project);
void                 copro_contact_matcher_free (CoproContactMatcher *self);
CoproCsvImport      *copro_csv_import_contacts_new_from_data (const char           *data,
                                                              gsize                 length,
                                                              CoproContactMatcher  *matcher,
                                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoproCsvImport, copro_csv_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoproContactMatcher, copro_contact_matcher_free)

G_END_DECLS
