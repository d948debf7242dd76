/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-document.h"

G_BEGIN_DECLS

/* The sections of a project, in the order of the sidebar: the data that
 * drives the navigation and builds one panel per section. */
typedef struct
{
  const char *name;          /* stable: the stack page and the win.show-section target */
  const char *title;         /* N_() */
  const char *part;          /* N_(), the part it belongs to ("Plan"), or NULL */
  const char *guidance;      /* N_(), a short text at the top of the panel */
  const char *paths[3];      /* where its records live, e.g. "plan.outline" */
} CoproSection;

const CoproSection *copro_sections_get        (guint             *n_sections);
const CoproSection *copro_sections_find       (const char        *name);
/* The section that shows @record (any record of a project), or NULL. */
const CoproSection *copro_sections_for_record (CoproRecord       *record);
/* Where a record sits in its project, e.g. "plan.outline" or "activities.feedback". */
char               *copro_record_dup_path     (CoproRecord       *record);

/* The panel of @section for @document (a CoproPanel, or the partners or
 * checks panel). */
GtkWidget          *copro_sections_build      (const CoproSection *section,
                                               CoproDocument      *document);

G_END_DECLS
