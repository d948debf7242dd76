/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The partner register's speed (issue #4): opening, searching and sorting.
 *
 *   tests/run-gui-test.sh build/bench/copro-bench-register FILE.coprod [--runs N]
 *
 * Loads the project, shows the real partners panel in a window the size of
 * Coproduce's, and measures with g_get_monotonic_time(), median of N runs:
 *  - open: from creating the panel to its first frame drawn;
 *  - search: from setting the search text (as typing does, without the
 *    entry's delay) to the filtered list shown (filter done, next frame drawn);
 *  - sort: from sorting by a column (as its header does) to the sorted list
 *    shown, for each column. The first sort by a text column also makes the
 *    partners' collation keys: "sort_first_ms" gives those cold runs;
 *  - bulk: a fifth of the partners (every fifth) given a lawful basis at
 *    once as Set Field does ("set_field_ms"), that undone ("set_field_undo_ms"),
 *    then the same partners deleted ("delete_ms") and put back by undo
 *    ("delete_undo_ms"), each to the next frame drawn, with the register
 *    sorted by its last column;
 *  - "keys_mb": the memory the register's rows hold for their search texts
 *    and every column's keys, all made (mallinfo2(), in-use bytes).
 * Prints one JSON object on standard output. bench/generate.py makes
 * projects of any size: generate.py --partners 100000 big.coprod.
 *
 * Each figure is wall time from the action to its frame drawn, the action
 * taken once the window has stood idle (see settle()), as an officer's
 * click or keystroke comes; "open_cpu_ms", "search_cpu_ms", "sort_cpu_ms"
 * and "sort_first_cpu_ms" give the CPU time this thread spent on the same
 * runs, as medians, and "frame_ms" the frame clock's pace (a frame to the
 * next with nothing changed, about 16.7 ms). "open_frames", "search_frames"
 * and "sort_frames" give the most frames any run drew from the action until
 * the window stood idle again: 1 when the change was drawn whole by the
 * first frame after it.
 *
 * COPRO_BENCH_VERBOSE=1 also prints, on standard error, each run's wall and
 * CPU time (on a busy machine the two differ), the search filter's time
 * alone without the view, and how many rows the register made.
 * COPRO_BENCH_OPEN_ONLY=1 stops after opening, to profile it alone.
 * COPRO_BENCH_SHOT=FILE.png saves a picture of the register scrolled down.
 *
 * Not user-facing, so its words are not translated.
 */

#include "config.h"

#include <adwaita.h>
#include <malloc.h>
#include <stdlib.h>
#include <time.h>

#include "copro-bench.h"
#include "copro-document.h"
#include "copro-history.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-partner-chooser.h"
#include "copro-partners-page.h"
#include "copro-sorted-partners.h"

static const char * const sort_keys[] = {
  "name", "organisation", "sector", "level", "status", "influence", "interest", "consent_date",
};

static guint paints;
/* The most frames an action took to be drawn, of all its runs. */
static guint open_frames, search_frames, sort_frames, frames;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  paints++;
}

/* Waits for a frame drawn after now, and until the panel's models are done;
 * returns how many frames that took. */
static guint
wait_for_frame (GtkWidget          *window,
                CoproPartnersPage *panel)
{
  guint before = paints;

  for (;;)
    {
      guint target = paints + 1;

      gtk_widget_queue_draw (window);
      while (paints < target)
        g_main_context_iteration (NULL, TRUE);
      if (panel == NULL || !copro_partners_page_is_searching (panel))
        return paints - before;
    }
}

static void
on_settled_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Lets the window stand idle for 50 ms; returns the frames it drew in that
 * time, unasked: work an action left for later frames. */
static guint
stand_idle (void)
{
  guint before = paints;
  gboolean settled = FALSE;

  g_timeout_add_once (50, on_settled_cb, &settled);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);
  return paints - before;
}

/* Waits for a frame drawn after now, then lets the window stand idle, as it
 * does before an officer's click or keystroke. An action taken just after a
 * frame would wait out the rest of the frame clock's interval before its
 * frame could start (it starts no sooner than one interval after the last,
 * gdk/gdkframeclockidle.c in GTK 4.18.6, lines 323-328 and 689); once the
 * window has been idle, the frame an action asks for starts at once, so the
 * time measured is the action's own. */
static void
settle (GtkWidget          *window,
        CoproPartnersPage *panel)
{
  wait_for_frame (window, panel);
  stand_idle ();
}

/* CPU time of this thread, to tell the register's cost from a busy machine's. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec * 1000.0 + (double) ts.tv_nsec / 1e6;
}

/* A word that some partners' names contain: part of the name shown for the
 * middle partner, or the next with a name of four letters or more (the
 * middle partner may have no name, and an empty search narrows nothing). */
static char *
pick_search_term (CoproList *partners)
{
  guint n = copro_list_get_n_items (partners);

  for (guint i = n / 2; i < n; i++)
    {
      const char *name = copro_partner_get_title (copro_list_get (partners, i));

      if (g_utf8_strlen (name, -1) >= 4)
        return g_utf8_substring (name, 0, 4);
    }
  return g_strdup ("a");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CoproDocument) document = NULL;
  g_autoptr(GArray) open_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *term = NULL;
  g_autofree char *escaped = NULL;
  int runs = 5;
  const char *path = NULL;
  g_autoptr(CoproHistory) history = NULL;
  GtkWidget *window, *panel = NULL;
  CoproList *partners;
  guint shown = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          runs = atoi (argv[++i]);
          runs = MAX (runs, 1);
        }
      else if (path == NULL)
        path = argv[i];
      else
        path = NULL, i = argc;
    }
  if (path == NULL)
    {
      g_printerr ("Usage: %s FILE.coprod [--runs N]\n", argv[0]);
      return 2;
    }

  adw_init ();
  {
    /* The application's style sheet, which AdwApplication loads from its
     * resources: the register's rows are padded by it. */
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/io/github/coproduce/Coproduce/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  file = g_file_new_for_commandline_arg (path);
  document = copro_document_new_from_file (file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 1;
    }
  partners = copro_record_get_list (copro_document_get_project (document), "partners");
  history = copro_history_new (document);

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_realized (window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  wait_for_frame (window, NULL);

  /* Opening the register. */
  for (int run = 0; run < runs; run++)
    {
      gint64 start;
      double cpu;

      if (panel != NULL)
        adw_window_set_content (ADW_WINDOW (window), NULL);
      settle (window, NULL);
      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      panel = copro_partners_page_new (document, "Partners", NULL);
      if (g_getenv ("COPRO_BENCH_VERBOSE") != NULL)
        g_printerr ("open: panel made in %.1f ms\n", copro_bench_ms_since (start));
      adw_window_set_content (ADW_WINDOW (window), panel);
      frames = wait_for_frame (window, COPRO_PARTNERS_PAGE (panel));
      if (g_getenv ("COPRO_BENCH_VERBOSE") != NULL)
        g_printerr ("open: shown %.1f ms (cpu %.1f)\n", copro_bench_ms_since (start), cpu_ms () - cpu);
      g_array_append_val (open_times, (double) { copro_bench_ms_since (start) });
      g_array_append_val (open_cpu, (double) { cpu_ms () - cpu });
      open_frames = MAX (open_frames, frames + stand_idle ());
    }

  if (g_getenv ("COPRO_BENCH_VERBOSE") != NULL)
    {
      CoproRegisterView *view = copro_partners_page_get_rows (COPRO_PARTNERS_PAGE (panel));
      guint rows = copro_register_view_get_n_rows_made (view);

      g_printerr ("rows made by the register: %u\n", rows);
      {
        g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
        GPtrArray *stack = g_ptr_array_new ();
        GHashTableIter iter;
        gpointer key, value;
        guint total = 0;

        g_ptr_array_add (stack, panel);
        while (stack->len > 0)
          {
            GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);
            const char *type = G_OBJECT_TYPE_NAME (w);

            g_hash_table_insert (counts, (gpointer) type,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, type)) + 1));
            total++;
            for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
              g_ptr_array_add (stack, c);
          }
        g_ptr_array_unref (stack);
        g_printerr ("widgets in the page: %u\n", total);
        g_hash_table_iter_init (&iter, counts);
        while (g_hash_table_iter_next (&iter, &key, &value))
          if (GPOINTER_TO_UINT (value) >= 5)
            g_printerr ("  %s: %u\n", (const char *) key, GPOINTER_TO_UINT (value));
      }
    }

  /* COPRO_BENCH_OPEN_ONLY=1: stop here (to profile opening alone). */
  if (g_getenv ("COPRO_BENCH_OPEN_ONLY") != NULL)
    {
      g_print ("{\"partners\":%u,\"runs\":%d,\"open_ms\":%.1f}\n",
               copro_list_get_n_items (partners), runs, copro_bench_median (open_times));
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }

  /* COPRO_BENCH_SHOT=FILE.png: a picture of the register scrolled half way,
   * to check by eye that rows scrolled into sight are drawn. */
  if (g_getenv ("COPRO_BENCH_SHOT") != NULL)
    {
      GtkWidget *view = GTK_WIDGET (copro_partners_page_get_rows (COPRO_PARTNERS_PAGE (panel)));
      GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      for (int step = 1; step <= 3; step++)
        {
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * step / 7);
          wait_for_frame (window, NULL);
          wait_for_frame (window, NULL);
        }
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
      gdk_texture_save_to_png (texture, g_getenv ("COPRO_BENCH_SHOT"));
    }

  /* Searching: from all partners to those matching the term. */
  term = pick_search_term (partners);
  if (g_getenv ("COPRO_BENCH_VERBOSE") != NULL)
    {
      /* The register's rows alone, without the view (the first run also
       * makes the search texts). */
      g_autoptr(CoproSortedPartners) model = copro_sorted_partners_new (partners);

      for (int run = 0; run < 3; run++)
        {
          double cpu = cpu_ms ();

          copro_sorted_partners_set_search (model, term);
          g_printerr ("rows alone: %u shown, cpu %.1f ms\n",
                      g_list_model_get_n_items (G_LIST_MODEL (model)), cpu_ms () - cpu);
          copro_sorted_partners_set_search (model, "");
        }
    }
  for (int run = 0; run < runs; run++)
    {
      gint64 start;
      double cpu;

      copro_partners_page_set_search (COPRO_PARTNERS_PAGE (panel), "");
      settle (window, COPRO_PARTNERS_PAGE (panel));
      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      copro_partners_page_set_search (COPRO_PARTNERS_PAGE (panel), term);
      if (g_getenv ("COPRO_BENCH_VERBOSE") != NULL)
        g_printerr ("search: model %.1f ms (cpu %.1f)\n", copro_bench_ms_since (start), cpu_ms () - cpu);
      frames = wait_for_frame (window, COPRO_PARTNERS_PAGE (panel));
      if (g_getenv ("COPRO_BENCH_VERBOSE") != NULL)
        g_printerr ("search: shown %.1f ms (cpu %.1f)\n", copro_bench_ms_since (start), cpu_ms () - cpu);
      g_array_append_val (search_times, (double) { copro_bench_ms_since (start) });
      g_array_append_val (search_cpu, (double) { cpu_ms () - cpu });
      search_frames = MAX (search_frames, frames + stand_idle ());
      shown = copro_partners_page_get_n_shown (COPRO_PARTNERS_PAGE (panel));
    }
  copro_partners_page_set_search (COPRO_PARTNERS_PAGE (panel), "");
  wait_for_frame (window, COPRO_PARTNERS_PAGE (panel));

  /* The floor of these figures: from a frame drawn to the next, with
   * nothing changed (the frame clock's pace). */
  for (int run = 0; run < runs; run++)
    {
      gint64 start = g_get_monotonic_time ();

      wait_for_frame (window, NULL);
      g_array_append_val (frame_times, (double) { copro_bench_ms_since (start) });
    }

  escaped = g_strescape (term, NULL);
  g_string_append_printf (json, "{\"partners\":%u,\"runs\":%d,\"open_ms\":%.1f,"
                          "\"search_term\":\"%s\",\"search_shown\":%u,\"search_ms\":%.1f,",
                          copro_list_get_n_items (partners), runs, copro_bench_median (open_times),
                          escaped, shown, copro_bench_median (search_times));
  g_string_append_printf (json, "\"open_cpu_ms\":%.1f,\"search_cpu_ms\":%.1f,\"frame_ms\":%.1f,",
                          copro_bench_median (open_cpu), copro_bench_median (search_cpu),
                          copro_bench_median (frame_times));

  /* Sorting by each column, from unsorted. */
  {
    g_autoptr(GString) sort_json = g_string_new ("\"sort_ms\":{");
    g_autoptr(GString) first_json = g_string_new ("\"sort_first_ms\":{");
    g_autoptr(GString) cpu_json = g_string_new ("\"sort_cpu_ms\":{");
    g_autoptr(GString) first_cpu_json = g_string_new ("\"sort_first_cpu_ms\":{");

    for (guint c = 0; c < G_N_ELEMENTS (sort_keys); c++)
      {
        g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
        double first = 0, first_cpu = 0;

        for (int run = 0; run < runs; run++)
          {
            gint64 start;
            double ms, cpu;

            copro_partners_page_sort_by (COPRO_PARTNERS_PAGE (panel), NULL, GTK_SORT_ASCENDING);
            settle (window, COPRO_PARTNERS_PAGE (panel));
            start = g_get_monotonic_time ();
            cpu = cpu_ms ();
            copro_partners_page_sort_by (COPRO_PARTNERS_PAGE (panel), sort_keys[c], GTK_SORT_ASCENDING);
            if (g_getenv ("COPRO_BENCH_VERBOSE") != NULL)
              g_printerr ("sort %s: model %.1f ms\n", sort_keys[c], copro_bench_ms_since (start));
            frames = wait_for_frame (window, COPRO_PARTNERS_PAGE (panel));
            ms = copro_bench_ms_since (start);
            cpu = cpu_ms () - cpu;
            sort_frames = MAX (sort_frames, frames + stand_idle ());
            if (run == 0)
              first = ms, first_cpu = cpu;
            g_array_append_val (times, ms);
            g_array_append_val (cpu_times, cpu);
          }
        g_string_append_printf (cpu_json, "%s\"%s\":%.1f", c > 0 ? "," : "", sort_keys[c],
                                copro_bench_median (cpu_times));
        g_string_append_printf (first_cpu_json, "%s\"%s\":%.1f", c > 0 ? "," : "", sort_keys[c], first_cpu);
        g_string_append_printf (sort_json, "%s\"%s\":%.1f", c > 0 ? "," : "", sort_keys[c], copro_bench_median (times));
        g_string_append_printf (first_json, "%s\"%s\":%.1f", c > 0 ? "," : "", sort_keys[c], first);
      }
    g_string_append_printf (json, "%s},%s},%s},%s},", sort_json->str, first_json->str, cpu_json->str,
                            first_cpu_json->str);
    g_string_append_printf (json, "\"open_frames\":%u,\"search_frames\":%u,\"sort_frames\":%u,",
                            open_frames, search_frames, sort_frames);
  }

  /* Bulk changes, as Set Field and Delete do, and their undo. */
  {
    g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
    g_auto(GValue) value = G_VALUE_INIT;
    double times[4];
    gint64 start;

    for (guint i = 0; i < copro_list_get_n_items (partners); i += 5)
      g_ptr_array_add (chosen, g_object_ref (copro_list_get (partners, i)));
    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "public-task");
    settle (window, COPRO_PARTNERS_PAGE (panel));
    start = g_get_monotonic_time ();
    copro_list_set_field_many (partners, (CoproRecord **) chosen->pdata, chosen->len, "lawful_basis", &value);
    wait_for_frame (window, COPRO_PARTNERS_PAGE (panel));
    times[0] = copro_bench_ms_since (start);
    settle (window, COPRO_PARTNERS_PAGE (panel));
    start = g_get_monotonic_time ();
    copro_history_undo (history);
    wait_for_frame (window, COPRO_PARTNERS_PAGE (panel));
    times[1] = copro_bench_ms_since (start);
    settle (window, COPRO_PARTNERS_PAGE (panel));
    start = g_get_monotonic_time ();
    copro_list_remove_many (partners, (CoproRecord **) chosen->pdata, chosen->len);
    wait_for_frame (window, COPRO_PARTNERS_PAGE (panel));
    times[2] = copro_bench_ms_since (start);
    settle (window, COPRO_PARTNERS_PAGE (panel));
    start = g_get_monotonic_time ();
    copro_history_undo (history);
    wait_for_frame (window, COPRO_PARTNERS_PAGE (panel));
    times[3] = copro_bench_ms_since (start);
    g_string_append_printf (json, "\"bulk_partners\":%u,\"set_field_ms\":%.1f,\"set_field_undo_ms\":%.1f,"
                            "\"delete_ms\":%.1f,\"delete_undo_ms\":%.1f,",
                            chosen->len, times[0], times[1], times[2], times[3]);
  }

  /* The memory of the rows' keys: a model of its own, every key made. */
  {
    g_autoptr(CoproSortedPartners) model = NULL;
    struct mallinfo2 before, after;

    malloc_trim (0);
    before = mallinfo2 ();
    model = copro_sorted_partners_new (partners);
    copro_sorted_partners_set_search (model, "a");
    for (guint c = 0; c < G_N_ELEMENTS (sort_keys); c++)
      copro_sorted_partners_sort (model, sort_keys[c], FALSE);
    copro_sorted_partners_set_search (model, "");
    copro_sorted_partners_sort (model, NULL, FALSE);
    after = mallinfo2 ();
    g_string_append_printf (json, "\"keys_mb\":%.1f}", (double) (after.uordblks - before.uordblks) / 1e6);
  }

  g_print ("%s\n", json->str);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
