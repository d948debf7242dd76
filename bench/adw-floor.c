/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor for start-up: the least a libadwaita application can show.
 *
 * An AdwApplicationWindow with a header bar and a label, the size of
 * Coproduce's window, that prints "first-frame N" on standard output once
 * its first frame is drawn (N: CLOCK_MONOTONIC in microseconds, as
 * g_get_monotonic_time() gives it) and quits. bench/benchmark.py records
 * the same clock just before starting the process, so the difference is
 * process start to first frame; Coproduce does the same when
 * COPRO_BENCH_FIRST_FRAME is set (src/ui/copro-application.c).
 *
 * Not user-facing, so its words are not translated.
 */

#include <adwaita.h>

static gboolean
destroy_window_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, window);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  /* Not from inside the frame clock's own signal. */
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_window_cb, g_object_ref (window), g_object_unref);
}

static void
on_realize_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint_cb), window, 0);
}

static void
on_activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *label = gtk_label_new ("The floor for start-up");

  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  /* Coproduce's default size (data/io.github.coproduce.Coproduce.gschema.xml). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = adw_application_new ("io.github.coproduce.AdwFloor",
                                                               G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (application, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
