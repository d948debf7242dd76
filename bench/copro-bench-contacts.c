/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A partner's contact timeline (issue 14): how long the partner's details
 * take to show their contact log.
 *
 *   tests/run-gui-test.sh build/bench/copro-bench-contacts [--contacts N] [--runs N]
 *
 * Makes a partner with N logged contacts (default 50) in a new project,
 * then, N runs, builds the timeline widget (CoproContactLog: sorting the
 * log and making a row a contact) in a window and waits for the frame that
 * shows it; then, N runs, switches from one such partner's timeline to
 * another's in the same window, already realised and showing a timeline (as
 * the partner's details do: a partner's log is a new widget in place of the
 * last), to the next frame drawn; and, for scale, a frame with nothing
 * changed. The log makes the rows of its newest contacts at once and the
 * rest after the frame (copro-contact-log.c), which the figures measure as
 * the user sees it: what is drawn in the first frame. Prints the medians: {"contacts": N, "runs": N, "build_ms",
 * "frame_ms": the build to its first frame drawn, "switch_ms",
 * "empty_frame_ms"}.
 *
 * Not user-facing, so its words are not translated.
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "copro-bench.h"
#include "copro-contact.h"
#include "copro-contact-log.h"
#include "copro-list.h"
#include "copro-model.h"

static guint paints;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  paints++;
}

static void
wait_for_frame (GtkWidget *window)
{
  guint target = paints + 1;

  gtk_widget_queue_draw (window);
  while (paints < target)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const methods[] = { "email", "phone", "letter", "meeting", "event", "visit", "other" };
  int n_contacts = 50, runs = 20;
  GOptionEntry entries[] = {
    { "contacts", 0, 0, G_OPTION_ARG_INT, &n_contacts, "contacts in the log", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "runs, the median is kept", "N" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoproRecord) project = NULL;
  g_autoptr(GArray) build = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (double));
  CoproRecord *partner, *other;
  GtkWidget *window, *holder;
  g_autoptr(GString) out = g_string_new (NULL);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("copro-bench-contacts: %s\n", error->message);
      return 2;
    }
  adw_init ();

  project = copro_record_new (&copro_desc_project);
  partner = copro_list_add_new (copro_record_get_list (project, "partners"));
  copro_record_set_string (partner, "name", "Amina Ahmed");
  other = copro_list_add_new (copro_record_get_list (project, "partners"));
  copro_record_set_string (other, "name", "Ben Carter");
  for (int i = 0; i < n_contacts; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", 1 + (i * 7) % 12, 1 + (i * 11) % 28);
      CoproRecord *contact = copro_contact_log (partner, date, methods[i % G_N_ELEMENTS (methods)], "Jo Bennett",
                                                "Called to talk through the papers for the next meeting", NULL);

      if (i % 5 == 0)
        copro_record_set_string (contact, "follow_up", "2026-12-01");
      contact = copro_contact_log (other, date, methods[(i + 3) % G_N_ELEMENTS (methods)], "Sam Patel",
                                   "Met at the drop-in to go over the survey results", NULL);
      if (i % 4 == 0)
        copro_record_set_string (contact, "follow_up", "2026-11-20");
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 900);
  holder = gtk_scrolled_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), holder);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  wait_for_frame (window);

  for (int run = 0; run < runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      GtkWidget *log = copro_contact_log_new (partner);
      double built = copro_bench_ms_since (start);
      double shown;

      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (holder), log);
      wait_for_frame (window);
      shown = copro_bench_ms_since (start);
      if (copro_contact_log_get_n_rows (COPRO_CONTACT_LOG (log)) != (guint) n_contacts)
        {
          g_printerr ("copro-bench-contacts: the timeline shows %u rows, not %d\n",
                      copro_contact_log_get_n_rows (COPRO_CONTACT_LOG (log)), n_contacts);
          return 1;
        }
      g_array_append_val (build, built);
      g_array_append_val (frame, shown);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (holder), NULL);
      wait_for_frame (window);
    }

  /* Switching partner in a window already showing a timeline. */
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (holder), copro_contact_log_new (other));
  wait_for_frame (window);
  for (int run = 0; run < runs; run++)
    {
      CoproRecord *next = run % 2 == 0 ? partner : other;
      gint64 start = g_get_monotonic_time ();
      GtkWidget *log = copro_contact_log_new (next);
      double shown;

      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (holder), log);
      wait_for_frame (window);
      shown = copro_bench_ms_since (start);
      if (copro_contact_log_get_partner (COPRO_CONTACT_LOG (log)) != next ||
          copro_contact_log_get_n_rows (COPRO_CONTACT_LOG (log)) != (guint) n_contacts)
        {
          g_printerr ("copro-bench-contacts: the timeline does not show the partner switched to\n");
          return 1;
        }
      g_array_append_val (switches, shown);
    }

  /* A frame asked for with nothing changed: what waiting for the frame
   * clock and drawing the window cost by themselves. */
  for (int run = 0; run < runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double shown;

      wait_for_frame (window);
      shown = copro_bench_ms_since (start);
      g_array_append_val (empty, shown);
    }

  g_string_append_printf (out, "{\"contacts\":%d,\"runs\":%d,\"build_ms\":%.2f,\"frame_ms\":%.2f,"
                          "\"switch_ms\":%.2f,\"empty_frame_ms\":%.2f}",
                          n_contacts, runs, copro_bench_median (build), copro_bench_median (frame),
                          copro_bench_median (switches), copro_bench_median (empty));
  g_print ("%s\n", out->str);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
