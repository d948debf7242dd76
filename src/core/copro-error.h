/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define COPRO_ERROR (copro_error_quark ())

typedef enum
{
  COPRO_ERROR_EMPTY,        /* the file has nothing in it */
  COPRO_ERROR_ENCODING,     /* not UTF-8 */
  COPRO_ERROR_TOO_LARGE,
  COPRO_ERROR_TOO_DEEP,
  COPRO_ERROR_SYNTAX,       /* not JSON */
  COPRO_ERROR_NOT_PROJECT,  /* JSON, but not a Coproduce project */
  COPRO_ERROR_INVALID,      /* a project with a member that is wrong */
  COPRO_ERROR_NEWER,        /* written by a newer version, and not readable here */
  COPRO_ERROR_READ_ONLY,    /* the document may not be saved */
  COPRO_ERROR_CSV,          /* a CSV file that cannot be imported */
  COPRO_ERROR_EXPORT,       /* the workbook could not be written */
  COPRO_ERROR_CHANGED_ON_DISK, /* someone else changed or removed the file since we read it */
  COPRO_ERROR_SAVE,         /* the file could not be written; the old one is intact */
  COPRO_ERROR_LOCKED,       /* someone else has the project open */
} CoproError;

GQuark copro_error_quark (void);

G_END_DECLS
