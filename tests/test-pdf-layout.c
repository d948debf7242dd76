/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The printed documents' layout (src/core/copro-pdf.c) as a printer uses it:
 * a page at a time on any cairo context, without a display. The PDFs
 * themselves are read back with poppler in test-pdf.py. */

#include "config.h"

#include <cairo.h>

#include "copro-document.h"
#include "copro-pdf.h"

static CoproDocument *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "example.coprod", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CoproDocument *document = copro_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
test_kind_keys (void)
{
  for (int k = 0; k < COPRO_PDF_N_KINDS; k++)
    {
      CoproPdfKind kind = COPRO_PDF_N_KINDS;

      g_assert_true (copro_pdf_kind_from_key (copro_pdf_kind_to_key ((CoproPdfKind) k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_cmpstr (copro_pdf_kind_get_name ((CoproPdfKind) k), !=, "");
    }
  g_assert_false (copro_pdf_kind_from_key ("minutes", NULL));
  g_assert_false (copro_pdf_kind_from_key (NULL, NULL));
}

/* Every page drawn on its own, in any order, as a print operation may ask:
 * something is drawn on each, and the same pages as the PDF has. */
static void
test_pages_one_at_a_time (void)
{
  g_autoptr(CoproDocument) document = load_example ();

  for (int k = 0; k < COPRO_PDF_N_KINDS; k++)
    {
      CoproPdfOptions options = { .include_personal_data = k == COPRO_PDF_TERMS };
      g_autoptr(CoproPdfLayout) layout = copro_pdf_layout_new (document, (CoproPdfKind) k, &options);
      guint n = copro_pdf_layout_get_n_pages (layout);

      g_assert_cmpuint (n, >, 1);
      g_assert_true (g_str_has_suffix (copro_pdf_layout_get_title (layout), "designing the new service together"));
      for (guint i = 0; i < n; i++)
        {
          guint page = n - 1 - i;   /* last first */
          cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
          cairo_t *cr = cairo_create (surface);
          double x, y, w, h;

          copro_pdf_layout_draw_page (layout, cr, page);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
          /* Ink within the page, from the running header down to the footer. */
          g_assert_cmpfloat (x, >=, 0);
          g_assert_cmpfloat (y, >=, 0);
          g_assert_cmpfloat (x + w, <=, COPRO_PDF_PAGE_WIDTH);
          g_assert_cmpfloat (y + h, <=, COPRO_PDF_PAGE_HEIGHT);
          g_assert_cmpfloat (h, >, COPRO_PDF_PAGE_HEIGHT / 2);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
    }
}

/* Laying out the same project twice gives the same pages. */
static void
test_layout_is_stable (void)
{
  g_autoptr(CoproDocument) document = load_example ();
  g_autoptr(CoproPdfLayout) first = copro_pdf_layout_new (document, COPRO_PDF_PLAN, NULL);
  g_autoptr(CoproPdfLayout) second = copro_pdf_layout_new (document, COPRO_PDF_PLAN, NULL);

  g_assert_cmpuint (copro_pdf_layout_get_n_pages (first), ==, copro_pdf_layout_get_n_pages (second));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copro/pdf/kind-keys", test_kind_keys);
  g_test_add_func ("/copro/pdf/pages-one-at-a-time", test_pages_one_at_a_time);
  g_test_add_func ("/copro/pdf/layout-is-stable", test_layout_is_stable);

  return g_test_run ();
}
