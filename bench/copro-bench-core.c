/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * copro-bench-core FILE.coprod [--runs N] [--load-only]
 *
 * Loads the project N times, saves it N times (into a temporary folder) and
 * runs every check N times, then prints one JSON object with the medians in
 * milliseconds and the process's peak resident memory in kilobytes. With
 * --load-only it loads once and reports that load's time and the peak, so a
 * caller measures one load's memory in a fresh process.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "copro-bench.h"
#include "copro-checks.h"
#include "copro-document.h"
#include "copro-list.h"

static long
peak_kb (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return usage.ru_maxrss;
}

static CoproDocument *
load (GFile  *file,
      double *ms)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  CoproDocument *document = copro_document_new_from_file (file, NULL, &error);

  *ms = copro_bench_ms_since (start);
  if (document == NULL)
    {
      g_printerr ("copro-bench-core: %s\n", error->message);
      exit (1);
    }
  return document;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CoproDocument) document = NULL;
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) check_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *tmpdir = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *backup_path = NULL;
  int runs = 5;
  gboolean load_only = FALSE;
  guint partners;
  double ms;
  long peak;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "How many times to run each step", "N" },
    { "load-only", 0, 0, G_OPTION_ARG_NONE, &load_only, "Load once and report its peak memory", NULL },
    { NULL }
  };

  context = g_option_context_new ("FILE.coprod");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("Usage: copro-bench-core FILE.coprod [--runs N] [--load-only]\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);

  document = load (file, &ms);
  peak = peak_kb ();
  g_array_append_val (load_times, ms);
  partners = copro_list_get_n_items (copro_record_get_list (copro_document_get_project (document),
                                                            "partners"));
  if (load_only)
    {
      printf ("{\"partners\":%u,\"load_ms\":%.1f,\"peak_kb\":%ld}\n", partners, ms, peak);
      return 0;
    }

  for (int i = 1; i < runs; i++)
    {
      g_autoptr(CoproDocument) again = NULL;

      g_clear_object (&document);
      again = load (file, &ms);
      document = g_steal_pointer (&again);
      g_array_append_val (load_times, ms);
    }

  tmpdir = g_dir_make_tmp ("copro-bench-XXXXXX", &error);
  if (tmpdir == NULL)
    {
      g_printerr ("copro-bench-core: %s\n", error->message);
      return 1;
    }
  out_path = g_build_filename (tmpdir, "saved.coprod", NULL);
  backup_path = g_strconcat (out_path, "~", NULL);
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(GFile) out = g_file_new_for_path (out_path);
      gint64 start = g_get_monotonic_time ();

      if (!copro_document_save (document, out, NULL, &error))
        {
          g_printerr ("copro-bench-core: %s\n", error->message);
          return 1;
        }
      ms = copro_bench_ms_since (start);
      g_array_append_val (save_times, ms);
    }
  g_unlink (out_path);
  g_unlink (backup_path);
  g_rmdir (tmpdir);

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) findings = copro_checks_run (copro_document_get_project (document), NULL);

      ms = copro_bench_ms_since (start);
      g_array_append_val (check_times, ms);
    }

  printf ("{\"partners\":%u,\"runs\":%d,\"load_ms\":%.1f,\"save_ms\":%.1f,\"check_ms\":%.1f,\"peak_kb\":%ld}\n",
          partners, runs, copro_bench_median (load_times), copro_bench_median (save_times),
          copro_bench_median (check_times), peak);
  return 0;
}
