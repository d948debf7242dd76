/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "copro-document.h"

G_BEGIN_DECLS

/*
 * The documents people can hold: the plan for sign-off, the terms of
 * reference for the group, and “you said, we did” for participants. Each is
 * laid out once, on A4 portrait pages, with cairo and Pango only (never GTK):
 * the headless --export-pdf command writes it to a tagged PDF, and the
 * window's print operation draws the same pages onto the printer's cairo
 * context, one page at a time.
 *
 * User text is always set as plain text, never as Pango markup. Personal
 * details (email addresses, phone numbers, and the names of the partners on
 * the terms of reference) are left out unless asked for.
 */

typedef enum
{
  COPRO_PDF_PLAN,      /* the plan, for sign-off */
  COPRO_PDF_TERMS,     /* the terms of reference, with a line for each member to sign */
  COPRO_PDF_FEEDBACK,  /* “you said, we did”, for participants */
} CoproPdfKind;

#define COPRO_PDF_N_KINDS 3

/* The stable key used on the command line: "plan", "terms", "feedback". */
const char *copro_pdf_kind_to_key   (CoproPdfKind  kind);
gboolean    copro_pdf_kind_from_key (const char   *key,
                                     CoproPdfKind *kind);
/* The document's name, translated, e.g. “Plan for sign-off”. */
const char *copro_pdf_kind_get_name (CoproPdfKind  kind);

typedef struct
{
  /* Email addresses, phone numbers and the members' names on the terms. */
  gboolean   include_personal_data;
  /* The date printed in the footers and the “today” of the checks; NULL
   * means now, local time. */
  GDateTime *now;
} CoproPdfOptions;

/* A4 portrait, in points. */
#define COPRO_PDF_PAGE_WIDTH  595.276
#define COPRO_PDF_PAGE_HEIGHT 841.890

typedef struct _CoproPdfLayout CoproPdfLayout;

/* Lays out @kind for @document: every page, in points. Keeps a reference to
 * @document, which must not change while the layout lives. */
CoproPdfLayout *copro_pdf_layout_new         (CoproDocument         *document,
                                              CoproPdfKind           kind,
                                              const CoproPdfOptions *options);
void            copro_pdf_layout_free        (CoproPdfLayout        *layout);
guint           copro_pdf_layout_get_n_pages (CoproPdfLayout        *layout);
/* The document's title: the document's name and the project's title. */
const char     *copro_pdf_layout_get_title   (CoproPdfLayout        *layout);
/* Draws page @page (from 0) at (0, 0)–(COPRO_PDF_PAGE_WIDTH,
 * COPRO_PDF_PAGE_HEIGHT) of @cr, in points, without structure tags (for a
 * printer). */
void            copro_pdf_layout_draw_page   (CoproPdfLayout        *layout,
                                              cairo_t               *cr,
                                              guint                  page);

/* Writes the document to @path as a tagged PDF: beside the target under a
 * temporary name, then renamed over it, so it appears whole or not at all.
 * On failure returns FALSE with a COPRO_ERROR_EXPORT error in one sentence,
 * and any earlier file at @path is untouched. */
gboolean        copro_pdf_write              (CoproDocument         *document,
                                              CoproPdfKind           kind,
                                              const char            *path,
                                              const CoproPdfOptions *options,
                                              GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoproPdfLayout, copro_pdf_layout_free)

G_END_DECLS
