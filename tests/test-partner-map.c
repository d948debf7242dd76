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

/* Which (influence, interest) cell of @layout the point is in; FALSE outside the grid. */
static gboolean
cell_of_point (CoproPartnerMapLayout *layout,
               double                 x,
               double                 y,
               int                   *influence,
               int                   *interest)
{
  for (int i = 1; i <= 5; i++)
    for (int j = 1; j <= 5; j++)
      {
        cairo_rectangle_t cell;

        copro_partner_map_layout_get_cell (layout, i, j, &cell);
        if (x >= cell.x && x < cell.x + cell.width && y >= cell.y && y < cell.y + cell.height)
          {
            *influence = i;
            *interest = j;
            return TRUE;
          }
      }
  return FALSE;
}

static void
test_layout_from_model (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(GListStore) some = g_list_store_new (COPRO_TYPE_RECORD);
  g_autoptr(CoproPartnerMapLayout) layout = NULL;
  g_autoptr(CoproPartnerMapLayout) whole = NULL;
  CoproRecord *carer = add_partner (project, "Carer", 2, 4, "carer");
  CoproRecord *unset = add_partner (project, "Unset", 0, 4, "carer");
  CoproRecord *council = add_partner (project, "Council", 5, 1, "council");

  add_partner (project, "Left out", 3, 3, "business");
  add_partner (project, "Left out too", 1, 1, NULL);
  g_list_store_append (some, carer);
  g_list_store_append (some, unset);
  g_list_store_append (some, council);

  /* Only the partners of the model: two placed, one without influence. */
  layout = copro_partner_map_layout_new_for_model (G_LIST_MODEL (some), WIDTH, HEIGHT);
  g_assert_cmpuint (copro_partner_map_layout_get_n_placed (layout), ==, 2);
  g_assert_cmpuint (copro_partner_map_layout_get_n_unplaced (layout), ==, 1);
  for (guint i = 0; i < 2; i++)
    {
      CoproRecord *partner;
      double x, y;
      int influence = 0, interest = 0;

      copro_partner_map_layout_get_dot (layout, i, &partner, &x, &y, NULL);
      g_assert_true (partner == carer || partner == council);
      g_assert_true (cell_of_point (layout, x, y, &influence, &interest));
      g_assert_cmpint (influence, ==, copro_record_get_int (partner, "influence"));
      g_assert_cmpint (interest, ==, copro_record_get_int (partner, "interest"));
    }
  g_assert_false (copro_partner_map_layout_find_dot (layout, unset, NULL));

  /* The whole list through either entry point. */
  whole = copro_partner_map_layout (copro_record_get_list (project, "partners"), WIDTH, HEIGHT);
  g_assert_cmpuint (copro_partner_map_layout_get_n_placed (whole), ==, 4);
  g_assert_cmpuint (copro_partner_map_layout_get_n_unplaced (whole), ==, 1);
}

/* Entries read on one thread and laid out on another: the layout takes
 * their references, and gives them all back when freed. */
static void
test_layout_from_entries (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproRecord *partners[3];
  CoproPartnerMapEntry entries[3];
  CoproPartnerMapLayout *layout;
  CoproRecord *first;

  partners[0] = add_partner (project, "Placed", 4, 2, "council");
  partners[1] = add_partner (project, "Unset", 0, 2, "council");
  partners[2] = add_partner (project, "Also placed", 1, 5, NULL);
  for (guint i = 0; i < 3; i++)
    {
      copro_partner_map_entry_init (&entries[i], partners[i]);
      g_assert_true (entries[i].partner == partners[i]);
      g_assert_cmpuint (G_OBJECT (partners[i])->ref_count, ==, 2);
    }
  g_assert_cmpint (entries[0].influence, ==, 4);
  g_assert_cmpint (entries[0].interest, ==, 2);
  g_assert_cmpint (entries[0].sector, ==, copro_enum_index (&copro_enum_sector, "council"));
  g_assert_cmpint (entries[2].sector, ==, -1);

  layout = copro_partner_map_layout_new_for_entries (entries, 3, WIDTH, HEIGHT);
  for (guint i = 0; i < 3; i++)
    g_assert_null (entries[i].partner);
  g_assert_cmpuint (copro_partner_map_layout_get_n_placed (layout), ==, 2);
  g_assert_cmpuint (copro_partner_map_layout_get_n_unplaced (layout), ==, 1);
  /* In cell order: (1, 5) before (4, 2). */
  copro_partner_map_layout_get_dot (layout, 0, &first, NULL, NULL, NULL);
  g_assert_true (first == partners[2]);
  g_assert_cmpuint (G_OBJECT (partners[1])->ref_count, ==, 1);
  copro_partner_map_layout_free (layout);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (G_OBJECT (partners[i])->ref_count, ==, 1);
}

/* Each partner's dot lies in the quadrant of their influence and interest:
 * high influence above, high interest to the right. */
static void
test_quadrant_positions (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(CoproPartnerMapLayout) layout = NULL;
  cairo_rectangle_t low, high;

  for (int influence = 1; influence <= 5; influence++)
    for (int interest = 1; interest <= 5; interest++)
      for (int k = 0; k < 3; k++)
        {
          g_autofree char *name = g_strdup_printf ("P %d %d %d", influence, interest, k);

          add_partner (project, name, influence, interest, "carer");
        }
  layout = copro_partner_map_layout (copro_record_get_list (project, "partners"), WIDTH, HEIGHT);
  g_assert_cmpuint (copro_partner_map_layout_get_n_placed (layout), ==, 75);
  for (guint i = 0; i < 75; i++)
    {
      CoproRecord *partner;
      double x, y;
      int influence = 0, interest = 0;

      copro_partner_map_layout_get_dot (layout, i, &partner, &x, &y, NULL);
      g_assert_true (cell_of_point (layout, x, y, &influence, &interest));
      g_assert_cmpint (copro_partner_map_quadrant (influence, interest), ==,
                       copro_partner_map_quadrant (copro_record_get_int (partner, "influence"),
                                                   copro_record_get_int (partner, "interest")));
      g_assert_cmpint (influence, ==, copro_record_get_int (partner, "influence"));
      g_assert_cmpint (interest, ==, copro_record_get_int (partner, "interest"));
    }

  copro_partner_map_layout_get_cell (layout, 1, 1, &low);
  copro_partner_map_layout_get_cell (layout, 5, 5, &high);
  g_assert_cmpfloat (high.y, <, low.y);
  g_assert_cmpfloat (high.x, >, low.x);
}

static void
test_dot_lookup (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(CoproPartnerMapLayout) layout = NULL;
  CoproRecord *moved;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("P %u", i);

      add_partner (project, name, 1 + i % 5, 1 + (i / 5) % 5, "council");
    }
  layout = copro_partner_map_layout (copro_record_get_list (project, "partners"), WIDTH, HEIGHT);
  for (guint i = 0; i < 40; i++)
    {
      CoproRecord *partner;
      guint found = COPRO_PARTNER_MAP_NO_DOT;
      double x, y;

      copro_partner_map_layout_get_dot (layout, i, &partner, &x, &y, NULL);
      g_assert_cmpuint (copro_partner_map_layout_dot_at (layout, x, y), ==, i);
      g_assert_true (copro_partner_map_layout_find_dot (layout, partner, &found));
      g_assert_cmpuint (found, ==, i);
    }
  g_assert_cmpuint (copro_partner_map_layout_dot_at (layout, -5, -5), ==, COPRO_PARTNER_MAP_NO_DOT);

  /* A partner whose values changed after the layout is still found. */
  moved = copro_list_get (copro_record_get_list (project, "partners"), 7);
  copro_record_set_int (moved, "influence", copro_record_get_int (moved, "influence") % 5 + 1);
  g_assert_true (copro_partner_map_layout_find_dot (layout, moved, NULL));
}

static void
test_keyboard_order (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(CoproPartnerMapLayout) layout = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  CoproRecord *centre, *right, *left, *up, *down;
  guint index, n, c;
  int last_rank = -1;

  centre = add_partner (project, "Centre", 3, 3, "carer");
  right = add_partner (project, "Right", 3, 5, "carer");
  left = add_partner (project, "Left", 3, 1, "carer");
  up = add_partner (project, "Up", 5, 3, "carer");
  down = add_partner (project, "Down", 1, 3, "carer");
  /* A crowded cell and a few more elsewhere. */
  for (guint i = 0; i < 30; i++)
    add_partner (project, "Crowd", 4, 2, "council");
  add_partner (project, "Corner", 5, 5, "business");
  add_partner (project, "Unplaced", 0, 5, "business");

  layout = copro_partner_map_layout (copro_record_get_list (project, "partners"), WIDTH, HEIGHT);
  n = copro_partner_map_layout_get_n_placed (layout);
  g_assert_cmpuint (n, ==, 36);

  /* Next visits every dot once, in reading order (top row first, each row
   * from left to right), then stops. */
  index = copro_partner_map_layout_move (layout, COPRO_PARTNER_MAP_NO_DOT, COPRO_PARTNER_MAP_MOVE_NEXT);
  g_assert_cmpuint (index, ==, copro_partner_map_layout_move (layout, COPRO_PARTNER_MAP_NO_DOT,
                                                              COPRO_PARTNER_MAP_MOVE_FIRST));
  while (index != COPRO_PARTNER_MAP_NO_DOT)
    {
      CoproRecord *partner;
      int rank;

      g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (index + 1)));
      g_hash_table_add (seen, GUINT_TO_POINTER (index + 1));
      g_array_append_val (order, index);
      g_assert_cmpuint (copro_partner_map_layout_get_reading_position (layout, index), ==, order->len - 1);
      copro_partner_map_layout_get_dot (layout, index, &partner, NULL, NULL, NULL);
      rank = (5 - copro_record_get_int (partner, "influence")) * 5 + copro_record_get_int (partner, "interest");
      g_assert_cmpint (rank, >=, last_rank);
      last_rank = rank;
      index = copro_partner_map_layout_move (layout, index, COPRO_PARTNER_MAP_MOVE_NEXT);
    }
  g_assert_cmpuint (order->len, ==, n);
  g_assert_cmpuint (g_array_index (order, guint, n - 1), ==,
                    copro_partner_map_layout_move (layout, 0, COPRO_PARTNER_MAP_MOVE_LAST));

  /* Previous walks the same way back. */
  for (guint i = n - 1; i > 0; i--)
    g_assert_cmpuint (copro_partner_map_layout_move (layout, g_array_index (order, guint, i),
                                                     COPRO_PARTNER_MAP_MOVE_PREVIOUS),
                      ==, g_array_index (order, guint, i - 1));
  g_assert_cmpuint (copro_partner_map_layout_move (layout, g_array_index (order, guint, 0),
                                                   COPRO_PARTNER_MAP_MOVE_PREVIOUS),
                    ==, COPRO_PARTNER_MAP_NO_DOT);

  /* Arrows go to the nearest dot that way on screen. */
  g_assert_true (copro_partner_map_layout_find_dot (layout, centre, &c));
#define ARROW(move, expected) \
  G_STMT_START { \
    CoproRecord *got = NULL; \
    guint to = copro_partner_map_layout_move (layout, c, move); \
    g_assert_cmpuint (to, !=, COPRO_PARTNER_MAP_NO_DOT); \
    copro_partner_map_layout_get_dot (layout, to, &got, NULL, NULL, NULL); \
    g_assert_true (got == expected); \
  } G_STMT_END
  ARROW (COPRO_PARTNER_MAP_MOVE_RIGHT, right);
  ARROW (COPRO_PARTNER_MAP_MOVE_LEFT, left);
  ARROW (COPRO_PARTNER_MAP_MOVE_UP, up);
  ARROW (COPRO_PARTNER_MAP_MOVE_DOWN, down);
#undef ARROW
  /* Nothing further right of the rightmost dot. */
  g_assert_true (copro_partner_map_layout_find_dot (layout, right, &c));
  g_assert_cmpuint (copro_partner_map_layout_move (layout, c, COPRO_PARTNER_MAP_MOVE_RIGHT),
                    ==, COPRO_PARTNER_MAP_NO_DOT);
  g_assert_true (copro_partner_map_layout_find_dot (layout, down, &c));
  g_assert_cmpuint (copro_partner_map_layout_move (layout, c, COPRO_PARTNER_MAP_MOVE_DOWN),
                    ==, COPRO_PARTNER_MAP_NO_DOT);
}

static void
test_keyboard_order_empty (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(CoproPartnerMapLayout) layout = NULL;

  add_partner (project, "Unplaced", 0, 0, NULL);
  layout = copro_partner_map_layout (copro_record_get_list (project, "partners"), WIDTH, HEIGHT);
  for (int move = COPRO_PARTNER_MAP_MOVE_NEXT; move <= COPRO_PARTNER_MAP_MOVE_DOWN; move++)
    g_assert_cmpuint (copro_partner_map_layout_move (layout, COPRO_PARTNER_MAP_NO_DOT, move),
                      ==, COPRO_PARTNER_MAP_NO_DOT);
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
  g_test_add_func ("/copro/partner-map/layout-from-model", test_layout_from_model);
  g_test_add_func ("/copro/partner-map/layout-from-entries", test_layout_from_entries);
  g_test_add_func ("/copro/partner-map/quadrant-positions", test_quadrant_positions);
  g_test_add_func ("/copro/partner-map/dot-lookup", test_dot_lookup);
  g_test_add_func ("/copro/partner-map/keyboard-order", test_keyboard_order);
  g_test_add_func ("/copro/partner-map/keyboard-order-empty", test_keyboard_order_empty);

  return g_test_run ();
}
