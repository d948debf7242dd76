/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline without a window: its description, its height, where its
 * bars are drawn, and the cases that must not crash. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "copro-document.h"
#include "copro-error.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-timeline.h"

#define WIDTH 900

static CoproRecord *
add_activity (CoproDocument *document,
              const char    *title,
              const char    *start,
              const char    *end,
              const char    *step,
              const char    *level)
{
  CoproRecord *project = copro_document_get_project (document);
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));

  copro_record_set_string (activity, "title", title);
  copro_record_set_string (activity, "start_date", start);
  copro_record_set_string (activity, "end_date", end);
  copro_record_set_string (activity, "step", step);
  copro_record_set_string (activity, "level_planned", level);
  return activity;
}

/* The timeline drawn on white at its own height. */
static cairo_surface_t *
draw (CoproDocument *document,
      int            width)
{
  int height = (int) ceil (copro_timeline_get_height (document, width));
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpint (height, >, 0);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  copro_timeline_draw (document, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

typedef struct
{
  int x0, x1, y;   /* the widest run of the colour; x1 exclusive */
} Run;

/* The widest horizontal run of pixels of exactly @rgb. The legend's
 * swatches are narrower than a font's height, the bars are wider. */
static Run
widest_run (cairo_surface_t *surface,
            guint32          rgb)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  Run best = { 0, 0, -1 };

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) y * (gsize) stride);

      for (int x = 0; x < width; )
        {
          int start = x;

          while (x < width && (row[x] & 0xFFFFFF) == rgb)
            x++;
          if (x - start > best.x1 - best.x0)
            best = (Run) { start, x, y };
          if (x == start)
            x++;
        }
    }
  return best;
}

static void
test_describe (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  g_autofree char *empty = copro_timeline_describe (document);
  g_autofree char *text = NULL;
  g_autofree char *one_month = NULL;

  g_assert_nonnull (strstr (empty, "no activities"));

  add_activity (document, "Kick-off", "2027-03-02", "2027-03-02", "identify", "inform");
  {
    g_autoptr(CoproDocument) single = copro_document_new ();

    add_activity (single, "Kick-off", "2027-03-02", "2027-03-20", "identify", "inform");
    one_month = copro_timeline_describe (single);
    g_assert_true (g_str_has_prefix (one_month, "1 activity in March 2027: 1 in step 1. Identify and outline."));
  }
  add_activity (document, "Scoping", "2027-03-10", NULL, "identify", "consult");
  add_activity (document, "Workshops", "2027-09-01", "2028-01-15", "co-design", "co-produce");
  add_activity (document, "Someday", NULL, NULL, "co-evaluate", NULL);
  add_activity (document, "Nobody knows", NULL, NULL, NULL, NULL);

  text = copro_timeline_describe (document);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "5 activities from March 2027 to January 2028: "));
  g_assert_nonnull (strstr (text, "2 in step 1. Identify and outline"));
  g_assert_nonnull (strstr (text, "1 in step 4. Co-design the activities"));
  g_assert_nonnull (strstr (text, "1 in step 6. Co-evaluate"));
  g_assert_nonnull (strstr (text, "1 with no step"));
  g_assert_null (strstr (text, "step 2."));
  g_assert_nonnull (strstr (text, "Levels planned: 1 Inform, 1 Consult, 1 Co-produce, 2 not set."));
  g_assert_nonnull (strstr (text, "2 are not dated: Someday, Nobody knows."));
}

static void
test_describe_undated_only (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  g_autofree char *text = NULL;

  for (guint i = 0; i < 15; i++)
    add_activity (document, "Undated", NULL, NULL, "recruit", "engage");
  text = copro_timeline_describe (document);
  g_assert_true (g_str_has_prefix (text, "15 activities, none of them dated: 15 in step 3. Recruit the group."));
  g_assert_nonnull (strstr (text, "15 Engage"));
}

static void
test_height_grows (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  double empty = copro_timeline_get_height (document, WIDTH);
  double previous, with_one, with_eleven, row = 0;

  g_assert_cmpfloat (empty, >, 0);
  add_activity (document, "First", "2027-01-04", "2027-01-08", "recruit", "engage");
  with_one = copro_timeline_get_height (document, WIDTH);
  g_assert_cmpfloat (with_one, >, empty);

  previous = with_one;
  for (guint i = 0; i < 10; i++)
    {
      double height;

      add_activity (document, "More", "2027-02-01", "2027-02-20", "recruit", "engage");
      height = copro_timeline_get_height (document, WIDTH);
      g_assert_cmpfloat (height, >, previous);
      /* Every activity in one band adds the same height: a row. */
      if (i == 0)
        row = height - previous;
      g_assert_cmpfloat (fabs ((height - previous) - row), <=, 1);
      previous = height;
    }
  with_eleven = previous;

  /* An undated activity adds a note, not a row. */
  add_activity (document, "Undated", NULL, NULL, "recruit", "engage");
  g_assert_cmpfloat (copro_timeline_get_height (document, WIDTH), >, with_eleven);

  /* Narrow: the legend wraps onto more lines, so it is taller. */
  g_assert_cmpfloat (copro_timeline_get_height (document, 360), >, copro_timeline_get_height (document, WIDTH));
}

/* Cut to fit a page: between two rows, never through one. */
static void
test_fit_height (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  double full, row, top, cut;

  for (guint i = 0; i < 40; i++)
    add_activity (document, "Workshop", "2027-01-04", "2027-01-08", "co-design", "co-design");
  full = copro_timeline_get_height (document, WIDTH);
  /* Room for it all: all of it. */
  g_assert_cmpfloat (copro_timeline_fit_height (document, WIDTH, full + 50), ==, full);

  add_activity (document, "Workshop", "2027-01-04", "2027-01-08", "co-design", "co-design");
  row = copro_timeline_get_height (document, WIDTH) - full;
  g_assert_cmpfloat (row, >, 0);

  /* Less room: a height that is a cut between rows, and so its own cut. */
  top = copro_timeline_fit_height (document, WIDTH, full / 2);
  g_assert_cmpfloat (top, <=, full / 2);
  g_assert_cmpfloat (top, >, full / 2 - row - 1);
  g_assert_cmpfloat (copro_timeline_fit_height (document, WIDTH, top), ==, top);
  /* Half a row less than a cut falls back to the cut before it. */
  cut = copro_timeline_fit_height (document, WIDTH, top - row / 2);
  g_assert_cmpfloat (fabs ((top - cut) - row), <=, 1);  /* heights are rounded up */
}

static void
test_bars_where_they_belong (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  cairo_surface_t *surface;
  Run january, december, grey, reversed;

  /* Twelve months on the axis: January in the first, December in the last.
   * Each has a level whose colour nothing else has. */
  add_activity (document, "January", "2027-01-01", "2027-01-31", "identify", "co-produce");
  add_activity (document, "December", "2027-12-01", "2027-12-31", "co-evaluate", "inform");
  add_activity (document, "No level", "2027-06-01", "2027-06-30", NULL, NULL);
  surface = draw (document, WIDTH);
  january = widest_run (surface, 0x440154);
  december = widest_run (surface, 0xFDE725);
  grey = widest_run (surface, 0xBBBBBB);
  cairo_surface_destroy (surface);

  g_test_message ("January %d–%d at %d; December %d–%d at %d; June %d–%d at %d",
                  january.x0, january.x1, january.y, december.x0, december.x1, december.y,
                  grey.x0, grey.x1, grey.y);
  /* Each is a bar about a twelfth of the axis wide. */
  g_assert_cmpint (january.x1 - january.x0, >, WIDTH / 30);
  g_assert_cmpint (january.x1 - january.x0, <, WIDTH / 8);
  g_assert_cmpint (december.x1 - december.x0, >, WIDTH / 30);
  g_assert_cmpint (abs ((december.x1 - december.x0) - (january.x1 - january.x0)), <=, 4);
  /* January starts the axis, right of the titles; December ends it, at the
   * right edge; June is in between. */
  g_assert_cmpint (january.x0, >, WIDTH / 5);
  g_assert_cmpint (january.x0, <, WIDTH / 2);
  g_assert_cmpint (december.x1, >, WIDTH * 9 / 10);
  g_assert_cmpint (grey.x0, >, january.x1 + 3 * (january.x1 - january.x0));
  g_assert_cmpint (grey.x1, <, december.x0 - 3 * (december.x1 - december.x0));
  /* Step 1 comes above step 6, and the band with no step comes last. */
  g_assert_cmpint (january.y, <, december.y);
  g_assert_cmpint (december.y, <, grey.y);

  /* An end before its start draws the same span as the other way round. */
  {
    g_autoptr(CoproDocument) turned = copro_document_new ();

    add_activity (turned, "January", "2027-01-01", "2027-01-31", "identify", "co-produce");
    add_activity (turned, "December", "2027-12-31", "2027-12-01", "co-evaluate", "inform");
    add_activity (turned, "No level", "2027-06-30", "2027-06-01", NULL, NULL);
    surface = draw (turned, WIDTH);
    reversed = widest_run (surface, 0xFDE725);
    cairo_surface_destroy (surface);
    g_assert_cmpint (reversed.x0, ==, december.x0);
    g_assert_cmpint (reversed.x1, ==, december.x1);
  }
}

static void
test_one_date_is_a_point (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  cairo_surface_t *surface;
  Run point;

  add_activity (document, "Start", "2027-01-01", "2027-01-31", "identify", "inform");
  add_activity (document, "A day", "2027-06-15", NULL, "identify", "engage");
  add_activity (document, "End", "2027-12-01", "2027-12-31", "identify", "inform");
  surface = draw (document, WIDTH);
  point = widest_run (surface, 0x2A788E);
  cairo_surface_destroy (surface);

  /* A diamond in the middle of the axis: narrower than a month's bar, but
   * drawn. */
  g_assert_cmpint (point.y, >=, 0);
  g_assert_cmpint (point.x1 - point.x0, <, WIDTH / 30);
  g_assert_cmpint (point.x0, >, WIDTH / 2);
  g_assert_cmpint (point.x1, <, WIDTH * 3 / 4);
}

static void
test_no_crash (void)
{
  const char *titles[] = { "<b>Not markup</b> & <i>", "", "A title long enough to be cut short "
                           "in the column of titles, however wide the picture is drawn, surely" };
  g_autoptr(CoproDocument) document = copro_document_new ();
  cairo_surface_t *surface;

  /* Empty. */
  surface = draw (document, WIDTH);
  cairo_surface_destroy (surface);

  /* Undated only, then with markup-like and empty titles, far apart dates,
   * the same date, dates the wrong way round. */
  add_activity (document, titles[0], NULL, NULL, NULL, NULL);
  surface = draw (document, 360);
  cairo_surface_destroy (surface);
  add_activity (document, titles[1], "1901-01-01", "2099-12-31", "recruit", "co-design");
  add_activity (document, titles[2], "2030-05-05", "2030-05-05", "co-deliver", "educate");
  add_activity (document, "Reversed", "2031-01-01", "2030-01-01", "co-deliver", "educate");
  for (int width = 1; width <= 2000; width = width * 3 + 7)
    {
      surface = draw (document, width);
      cairo_surface_destroy (surface);
    }

  /* Drawing into less room than it asks for is fine too. */
  {
    cairo_surface_t *small = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 50, 20);
    cairo_t *cr = cairo_create (small);

    copro_timeline_draw (document, cr, 50, 20);
    copro_timeline_draw (document, cr, 0, 0);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (small);
  }
}

static void
test_thousand (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  guint n_steps = copro_enum_n_values (&copro_enum_step);
  guint n_levels = copro_enum_n_values (&copro_enum_level);
  double ten = 0, thousand;
  g_autofree char *text = NULL;
  cairo_surface_t *recording;
  cairo_t *cr;
  gint64 started;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Activity number %u", i);
      g_autofree char *start = g_strdup_printf ("%04u-%02u-%02u", 2027 + i / 365, 1 + (i / 28) % 12, 1 + i % 28);

      add_activity (document, title, start, NULL, copro_enum_step.values[i % n_steps].key,
                    i % 7 < n_levels ? copro_enum_level.values[i % 7].key : NULL);
      if (i == 9)
        ten = copro_timeline_get_height (document, WIDTH);
    }

  started = g_get_monotonic_time ();
  thousand = copro_timeline_get_height (document, WIDTH);
  /* A row each: a hundred times the rows of ten, give or take the bands. */
  g_assert_cmpfloat (thousand, >, 50 * ten);

  /* Every row drawn: an unbounded recording surface clips nothing. */
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
  cr = cairo_create (recording);
  copro_timeline_draw (document, cr, WIDTH, thousand);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  text = copro_timeline_describe (document);
  g_test_message ("1,000 activities: height %.0f, laid out, drawn and described in %.0f ms",
                  thousand, (g_get_monotonic_time () - started) / 1000.0);
  g_assert_true (g_str_has_prefix (text, "1000 activities from January 2027 to "));

  /* What a window shows of it: the rows in view, at once. */
  {
    cairo_surface_t *window = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, 600);

    cr = cairo_create (window);
    cairo_translate (cr, 0, -thousand / 2);
    copro_timeline_draw (document, cr, WIDTH, thousand);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (window);
  }
  cairo_surface_destroy (recording);
}

/* The width and height a PNG's header gives. */
static void
png_size (GBytes *png,
          guint  *width,
          guint  *height)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (png, &size);

  g_assert_cmpuint (size, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  *width = (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
  *height = (guint) data[20] << 24 | (guint) data[21] << 16 | (guint) data[22] << 8 | data[23];
}

static void
test_png (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  CoproRecord *project = copro_document_get_project (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) scaled = NULL;
  double height;
  guint w, h;

  for (guint i = 0; i < 60; i++)
    add_activity (document, "Walk", "2027-04-01", "2027-04-30", "co-deliver", "engage");
  height = copro_timeline_get_height (document, 600);
  g_assert_cmpfloat (copro_timeline_get_height_for_project (project, 600), ==, height);

  /* At its own height when that is allowed. */
  whole = copro_timeline_to_png (project, 600, 16000, &error);
  g_assert_no_error (error);
  png_size (whole, &w, &h);
  g_assert_cmpuint (w, ==, 600);
  g_assert_cmpuint (h, ==, (guint) ceil (height));

  /* Scaled down, keeping its shape, when it is taller than allowed. */
  scaled = copro_timeline_to_png (project, 600, (int) (height / 2), &error);
  g_assert_no_error (error);
  png_size (scaled, &w, &h);
  g_assert_cmpuint (h, <=, (guint) (height / 2) + 1);
  g_assert_cmpuint (w, >=, 299);
  g_assert_cmpuint (w, <=, 301);

  /* A size no picture can have is an error, in a sentence. */
  g_assert_null (copro_timeline_to_png (project, 0, 100, &error));
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copro/timeline/describe", test_describe);
  g_test_add_func ("/copro/timeline/fit-height", test_fit_height);
  g_test_add_func ("/copro/timeline/describe-undated-only", test_describe_undated_only);
  g_test_add_func ("/copro/timeline/height-grows", test_height_grows);
  g_test_add_func ("/copro/timeline/bars-where-they-belong", test_bars_where_they_belong);
  g_test_add_func ("/copro/timeline/one-date-is-a-point", test_one_date_is_a_point);
  g_test_add_func ("/copro/timeline/no-crash", test_no_crash);
  g_test_add_func ("/copro/timeline/thousand", test_thousand);
  g_test_add_func ("/copro/timeline/png", test_png);
  return g_test_run ();
}
