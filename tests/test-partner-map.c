/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The partner map without a window: quadrants, spreading, hit-testing and
 * the PNG the workbook carries. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner-map.h"

#define WIDTH 900
#define HEIGHT 560

static CoproRecord *
add_partner (CoproRecord *project,
             const char  *name,
             int          influence,
             int          interest,
             const char  *sector)
{
  CoproRecord *partner = copro_list_add_new (copro_record_get_list (project, "partners"));

  copro_record_set_string (partner, "name", name);
  copro_record_set_int (partner, "influence", influence);
  copro_record_set_int (partner, "interest", interest);
  copro_record_set_string (partner, "sector", sector);
  return partner;
}

static void
test_quadrants (void)
{
  /* The corners. */
  g_assert_cmpint (copro_partner_map_quadrant (1, 1), ==, COPRO_QUADRANT_MONITOR);
  g_assert_cmpint (copro_partner_map_quadrant (1, 5), ==, COPRO_QUADRANT_KEEP_INFORMED);
  g_assert_cmpint (copro_partner_map_quadrant (5, 1), ==, COPRO_QUADRANT_KEEP_SATISFIED);
  g_assert_cmpint (copro_partner_map_quadrant (5, 5), ==, COPRO_QUADRANT_MANAGE_CLOSELY);

  /* The boundaries: 3 counts as high on both axes. */
  g_assert_cmpint (copro_partner_map_quadrant (2, 2), ==, COPRO_QUADRANT_MONITOR);
  g_assert_cmpint (copro_partner_map_quadrant (2, 3), ==, COPRO_QUADRANT_KEEP_INFORMED);
  g_assert_cmpint (copro_partner_map_quadrant (3, 2), ==, COPRO_QUADRANT_KEEP_SATISFIED);
  g_assert_cmpint (copro_partner_map_quadrant (3, 3), ==, COPRO_QUADRANT_MANAGE_CLOSELY);

  /* Unset (0) or out of range is on no quadrant. */
  g_assert_cmpint (copro_partner_map_quadrant (0, 3), ==, COPRO_QUADRANT_NONE);
  g_assert_cmpint (copro_partner_map_quadrant (3, 0), ==, COPRO_QUADRANT_NONE);
  g_assert_cmpint (copro_partner_map_quadrant (6, 3), ==, COPRO_QUADRANT_NONE);
  g_assert_cmpint (copro_partner_map_quadrant (3, -1), ==, COPRO_QUADRANT_NONE);

  g_assert_cmpstr (copro_quadrant_get_label (COPRO_QUADRANT_MONITOR), ==, "Monitor");
  g_assert_cmpstr (copro_quadrant_get_label (COPRO_QUADRANT_KEEP_INFORMED), ==, "Keep informed");
  g_assert_cmpstr (copro_quadrant_get_label (COPRO_QUADRANT_KEEP_SATISFIED), ==, "Keep satisfied");
  g_assert_cmpstr (copro_quadrant_get_label (COPRO_QUADRANT_MANAGE_CLOSELY), ==, "Manage closely");
  g_assert_cmpstr (copro_quadrant_get_label (COPRO_QUADRANT_NONE), ==, "");
}

static void
test_sector_colours (void)
{
  guint n = copro_enum_n_values (&copro_enum_sector);
  double grey[3], colours[16][3];

  g_assert_cmpuint (n, <=, G_N_ELEMENTS (colours));
  copro_partner_map_sector_color (NULL, &grey[0], &grey[1], &grey[2]);
  for (guint i = 0; i < n; i++)
    {
      copro_partner_map_sector_color (copro_enum_sector.values[i].key,
                                      &colours[i][0], &colours[i][1], &colours[i][2]);
      /* Every sector has its own colour, none of them the “no sector” grey. */
      for (guint j = 0; j <= i; j++)
        {
          const double *other = j < i ? colours[j] : grey;

          g_assert_false (colours[i][0] == other[0] && colours[i][1] == other[1] && colours[i][2] == other[2]);
        }
    }
}

/* N partners at one point: N distinct positions, all inside their cell. */
static void
check_spread (guint n,
              int   influence,
              int   interest)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(CoproPartnerMapLayout) layout = NULL;
  cairo_rectangle_t cell;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %u", i);

      add_partner (project, name, influence, interest, copro_enum_sector.values[i % 10].key);
    }
  layout = copro_partner_map_layout (copro_record_get_list (project, "partners"), WIDTH, HEIGHT);
  g_assert_cmpuint (copro_partner_map_layout_get_n_placed (layout), ==, n);
  g_assert_cmpuint (copro_partner_map_layout_get_n_unplaced (layout), ==, 0);
  copro_partner_map_layout_get_cell (layout, influence, interest, &cell);

  for (guint i = 0; i < n; i++)
    {
      double x, y, r;

      copro_partner_map_layout_get_dot (layout, i, NULL, &x, &y, &r);
      g_assert_cmpfloat (r, >, 0);
      g_assert_cmpfloat (x - r, >=, cell.x);
      g_assert_cmpfloat (x + r, <=, cell.x + cell.width);
      g_assert_cmpfloat (y - r, >=, cell.y);
      g_assert_cmpfloat (y + r, <=, cell.y + cell.height);
      for (guint j = 0; j < i; j++)
        {
          double x2, y2;

          copro_partner_map_layout_get_dot (layout, j, NULL, &x2, &y2, NULL);
          g_assert_false (x == x2 && y == y2);
        }
    }

  /* A handful stay apart, so each can be seen and pointed at. */
  if (n <= 12)
    for (guint i = 0; i < n; i++)
      for (guint j = 0; j < i; j++)
        {
          double x, y, r, x2, y2, r2;

          copro_partner_map_layout_get_dot (layout, i, NULL, &x, &y, &r);
          copro_partner_map_layout_get_dot (layout, j, NULL, &x2, &y2, &r2);
          g_assert_cmpfloat (hypot (x - x2, y - y2), >=, r + r2);
        }
}

static void
test_spread (void)
{
  static const guint counts[] = { 1, 2, 3, 7, 12, 50, 400, 3000 };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      check_spread (counts[i], 4, 2);
      check_spread (counts[i], 1, 5);
    }
}

static void
test_unplaced (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(CoproPartnerMapLayout) layout = NULL;

  add_partner (project, "Placed", 2, 4, "carer");
  add_partner (project, "No influence", 0, 4, "carer");
  add_partner (project, "No interest", 3, 0, NULL);
  add_partner (project, "Neither", 0, 0, "business");
  layout = copro_partner_map_layout (copro_record_get_list (project, "partners"), WIDTH, HEIGHT);
  g_assert_cmpuint (copro_partner_map_layout_get_n_placed (layout), ==, 1);
  g_assert_cmpuint (copro_partner_map_layout_get_n_unplaced (layout), ==, 3);
}

static void
test_hit_test (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(CoproPartnerMapLayout) layout = NULL;
  g_autoptr(GPtrArray) partners = g_ptr_array_new ();
  guint n_placed;
  cairo_rectangle_t empty_cell;

  /* Every cell but (1, 1) gets a few partners; some points get many. */
  for (int influence = 1; influence <= 5; influence++)
    for (int interest = 1; interest <= 5; interest++)
      {
        guint n = (guint) ((influence * 7 + interest * 3) % 6);

        if (influence == 1 && interest == 1)
          continue;
        for (guint i = 0; i < n + 1; i++)
          {
            g_autofree char *name = g_strdup_printf ("P %d %d %u", influence, interest, i);

            g_ptr_array_add (partners, add_partner (project, name, influence, interest,
                                                    copro_enum_sector.values[i % 10].key));
          }
      }
  layout = copro_partner_map_layout (copro_record_get_list (project, "partners"), WIDTH, HEIGHT);
  n_placed = copro_partner_map_layout_get_n_placed (layout);
  g_assert_cmpuint (n_placed, ==, partners->len);

  /* The centre of each dot finds its own partner. */
  for (guint i = 0; i < n_placed; i++)
    {
      CoproRecord *partner;
      double x, y, r;

      copro_partner_map_layout_get_dot (layout, i, &partner, &x, &y, &r);
      g_assert_true (g_ptr_array_find (partners, partner, NULL));
      g_assert_true (copro_partner_map_hit_test (layout, x, y) == partner);
      /* …and a point just inside its edge does too, when nothing else is nearer. */
      g_assert_nonnull (copro_partner_map_hit_test (layout, x + r * 0.5, y));
    }

  /* Empty space: an empty cell, the margins, the legend, outside the map. */
  copro_partner_map_layout_get_cell (layout, 1, 1, &empty_cell);
  g_assert_null (copro_partner_map_hit_test (layout, empty_cell.x + empty_cell.width / 2,
                                             empty_cell.y + empty_cell.height / 2));
  g_assert_null (copro_partner_map_hit_test (layout, 1, 1));
  g_assert_null (copro_partner_map_hit_test (layout, WIDTH - 5, HEIGHT / 2.0));
  g_assert_null (copro_partner_map_hit_test (layout, -10, -10));
  g_assert_null (copro_partner_map_hit_test (layout, WIDTH * 3, HEIGHT * 3));
}

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         offset;
} Reader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  Reader *reader = closure;

  if (reader->offset + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
check_png (CoproRecord *project,
           int          width,
           int          height)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = copro_partner_map_to_png (project, width, height, &error);
  cairo_surface_t *surface;
  Reader reader = { 0 };
  guint32 first;
  gboolean varied = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (png);
  reader.data = g_bytes_get_data (png, &reader.length);
  g_assert_cmpuint (reader.length, >, sizeof signature);
  g_assert_cmpmem (reader.data, sizeof signature, signature, sizeof signature);

  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);

  /* Not a blank page: the grid, labels and dots are drawn. */
  first = *(guint32 *) cairo_image_surface_get_data (surface);
  for (int y = 0; y < height && !varied; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                              y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < width && !varied; x++)
        varied = row[x] != first;
    }
  g_assert_true (varied);
  cairo_surface_destroy (surface);
}

static void
test_png (void)
{
  g_autoptr(CoproRecord) empty = copro_record_new (&copro_desc_project);
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) none = NULL;

  add_partner (project, "Asha", 5, 5, "council");
  add_partner (project, "Ben", 1, 2, "carer");
  add_partner (project, "Chloe", 0, 2, NULL);

  check_png (project, 960, 600);
  check_png (project, 320, 200);
  check_png (empty, 640, 400);

  none = copro_partner_map_to_png (project, 0, 100, &error);
  g_assert_null (none);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copro/partner-map/quadrants", test_quadrants);
  g_test_add_func ("/copro/partner-map/sector-colours", test_sector_colours);
  g_test_add_func ("/copro/partner-map/spread", test_spread);
  g_test_add_func ("/copro/partner-map/unplaced", test_unplaced);
  g_test_add_func ("/copro/partner-map/hit-test", test_hit_test);
  g_test_add_func ("/copro/partner-map/png", test_png);

  return g_test_run ();
}
