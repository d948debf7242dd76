/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The partner map's speed (issue #4) with a generated register.
 *
 *   tests/run-gui-test.sh build/bench/copro-bench-map [--partners N] [--runs N]
 *
 * Measures with g_get_monotonic_time(), median of the runs:
 *  - layout_ms: copro_partner_map_layout () of every partner at 960 × 600;
 *  - layout_filtered_ms: the same through a GtkFilterListModel keeping half;
 *  - draw_ms: copro_partner_map_draw () of that layout into an image;
 *  - first_frame_ms: from showing a window with the map to its first frame;
 *  - filter_frame_ms: from changing the filter to the new map drawn (it is
 *    read in slices and drawn in a worker thread);
 *  - refilter_ms: of that, GtkFilterListModel's own filtering (the
 *    register's cost, not the map's);
 *  - filter_stall_ms: meanwhile, the longest a 2 ms timer of the main loop
 *    was late, i.e. how long a keystroke could wait;
 *  - move_frame_ms: from a keyboard move (Right) to the ring redrawn.
 * Prints one JSON object on standard output. Not user-facing: not translated.
 */

#include "config.h"

#include <adwaita.h>

#include "copro-bench.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner-map.h"
#include "copro-partner-map-view.h"

#define WIDTH 960
#define HEIGHT 600

static guint paints;
static gboolean odd_only;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  paints++;
}

static void
wait_for_frame (GtkWidget *widget)
{
  guint target = paints + 1;

  gtk_widget_queue_draw (widget);
  while (paints < target)
    g_main_context_iteration (NULL, TRUE);
}

static gint64 last_tick;
static double worst_lateness;

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  worst_lateness = MAX (worst_lateness, (now - last_tick) / 1000.0 - 2.0);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
keep_half_cb (gpointer item,
              gpointer user_data)
{
  return !odd_only || (copro_record_get_int (item, "interest") % 2) == 1;
}

int
main (int   argc,
      char *argv[])
{
  int n_partners = 100000, runs = 5;
  GOptionEntry entries[] = {
    { "partners", 0, 0, G_OPTION_ARG_INT, &n_partners, "Partners to generate", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each measurement", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- the partner map's speed");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoproRecord) project = NULL;
  g_autoptr(GArray) layout_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filtered_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) draw_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) refilters = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) move_frames = g_array_new (FALSE, FALSE, sizeof (double));
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  CoproList *partners;
  GtkWidget *window, *view;
  GdkFrameClock *clock;
  GRand *rand = g_rand_new_with_seed (4);
  double first_frame;
  guint n_placed = 0, n_sectors = copro_enum_n_values (&copro_enum_sector);
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  gtk_init ();
  adw_init ();

  project = copro_record_new (&copro_desc_project);
  partners = copro_record_get_list (project, "partners");
  for (int i = 0; i < n_partners; i++)
    {
      CoproRecord *partner = copro_record_new (&copro_desc_partner);
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *name = g_strdup_printf ("Partner %d", i);

      copro_record_set_id (partner, id);
      copro_record_set_string (partner, "name", name);
      /* One in twenty without an influence, as in a register being built. */
      copro_record_set_int (partner, "influence", g_rand_int_range (rand, 0, 20) == 0 ? 0 : g_rand_int_range (rand, 1, 6));
      copro_record_set_int (partner, "interest", g_rand_int_range (rand, 1, 6));
      copro_record_set_string (partner, "sector", copro_enum_sector.values[g_rand_int_range (rand, 0, (int) n_sectors)].key);
      copro_list_append (partners, partner);
      g_object_unref (partner);
    }
  g_rand_free (rand);

  filter = gtk_custom_filter_new (keep_half_cb, NULL, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (partners)), GTK_FILTER (filter));

  for (int run = 0; run < runs; run++)
    {
      CoproPartnerMapLayout *layout;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      double t;

      start = g_get_monotonic_time ();
      layout = copro_partner_map_layout (partners, WIDTH, HEIGHT);
      t = copro_bench_ms_since (start);
      g_array_append_val (layout_times, t);
      n_placed = copro_partner_map_layout_get_n_placed (layout);

      start = g_get_monotonic_time ();
      copro_partner_map_draw (layout, cr);
      cairo_surface_flush (surface);
      t = copro_bench_ms_since (start);
      g_array_append_val (draw_times, t);
      copro_partner_map_layout_free (layout);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      odd_only = TRUE;
      gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
      start = g_get_monotonic_time ();
      layout = copro_partner_map_layout_new_for_model (G_LIST_MODEL (filtered), WIDTH, HEIGHT);
      t = copro_bench_ms_since (start);
      g_array_append_val (filtered_times, t);
      copro_partner_map_layout_free (layout);
      odd_only = FALSE;
      gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
    }

  window = gtk_window_new ();
  view = copro_partner_map_view_new (G_LIST_MODEL (filtered));
  gtk_widget_set_size_request (view, WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), view);
  start = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  wait_for_frame (view);
  while (gtk_widget_get_width (view) != WIDTH || copro_partner_map_view_is_updating (COPRO_PARTNER_MAP_VIEW (view)))
    wait_for_frame (view);
  first_frame = copro_bench_ms_since (start);

  gtk_widget_grab_focus (view);
  for (int run = 0; run < runs; run++)
    {
      double t;
      gint64 before;
      guint ticker;

      odd_only = !odd_only;
      start = g_get_monotonic_time ();
      gtk_filter_changed (GTK_FILTER (filter), odd_only ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
      before = g_get_monotonic_time ();
      t = (before - start) / 1000.0;
      g_array_append_val (refilters, t);
      last_tick = before;
      worst_lateness = 0;
      ticker = g_timeout_add (2, tick_cb, NULL);
      while (copro_partner_map_view_is_updating (COPRO_PARTNER_MAP_VIEW (view)))
        g_main_context_iteration (NULL, TRUE);
      wait_for_frame (view);
      t = copro_bench_ms_since (start);
      g_source_remove (ticker);
      g_array_append_val (filter_frames, t);
      g_array_append_val (filter_stalls, worst_lateness);
    }
  for (int run = 0; run < runs * 4; run++)
    {
      double t;

      start = g_get_monotonic_time ();
      gtk_widget_activate_action (view, "map.move", "i", run == 0 ? COPRO_PARTNER_MAP_MOVE_FIRST
                                                                  : COPRO_PARTNER_MAP_MOVE_RIGHT);
      wait_for_frame (view);
      t = copro_bench_ms_since (start);
      g_array_append_val (move_frames, t);
    }

  g_print ("{\"partners\": %d, \"placed\": %u, \"runs\": %d, \"layout_ms\": %.1f, \"layout_filtered_ms\": %.1f, "
           "\"draw_ms\": %.1f, \"first_frame_ms\": %.1f, \"filter_frame_ms\": %.1f, \"refilter_ms\": %.1f, "
           "\"filter_stall_ms\": %.1f, "
           "\"move_frame_ms\": %.1f}\n",
           n_partners, n_placed, runs, copro_bench_median (layout_times), copro_bench_median (filtered_times), copro_bench_median (draw_times),
           first_frame, copro_bench_median (filter_frames), copro_bench_median (refilters), copro_bench_median (filter_stalls), copro_bench_median (move_frames));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (filtered);
  return 0;
}
