/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the benchmark programs share: the median of a run's times, and
 * milliseconds since a g_get_monotonic_time() reading. */
#pragma once

#include <glib.h>

static inline int
copro_bench_compare_doubles (gconstpointer a,
                             gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @times (sorting them); 0 when there are none. */
static inline double
copro_bench_median (GArray *times)
{
  g_array_sort (times, copro_bench_compare_doubles);
  if (times->len == 0)
    return 0;
  if (times->len % 2 == 1)
    return g_array_index (times, double, times->len / 2);
  return (g_array_index (times, double, times->len / 2 - 1) + g_array_index (times, double, times->len / 2)) / 2;
}

static inline double
copro_bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}
