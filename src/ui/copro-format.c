/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "copro-format.h"
#include "copro-record.h"

/* The largest amount a money field holds (see copro-record.c). */
#define MONEY_MAX G_GINT64_CONSTANT (10000000000000)

char *
copro_format_date (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (iso == NULL || !copro_date_parse (iso, &date))
    return g_strdup ("");
  return g_strdup_printf ("%02u/%02u/%04u",
                          (guint) g_date_get_day (&date),
                          (guint) g_date_get_month (&date),
                          (guint) g_date_get_year (&date));
}

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;
  guint digits = 0;

  while (g_ascii_isdigit (**p) && digits < max_digits)
    {
      n = n * 10 + (guint) (**p - '0');
      (*p)++;
      digits++;
    }
  if (digits < min_digits || g_ascii_isdigit (**p))
    return FALSE;
  *value = n;
  return TRUE;
}

gboolean
copro_parse_date (const char  *text,
                  char       **iso)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = copy;
  guint day, month, year;
  char separator;
  GDate date;

  *iso = NULL;
  if (*copy == '\0')
    return TRUE;

  /* ISO order, as the file writes it. */
  if (copro_date_parse (copy, NULL))
    {
      *iso = g_strdup (copy);
      return TRUE;
    }

  if (!read_number (&p, 1, 2, &day))
    return FALSE;
  separator = *p;
  if (separator != '/' && separator != '.' && separator != '-' && separator != ' ')
    return FALSE;
  p++;
  if (!read_number (&p, 1, 2, &month) || *p != separator)
    return FALSE;
  p++;
  /* The year in full: "25/12/26" could mean 1926 or 2026. */
  if (!read_number (&p, 4, 4, &year) || *p != '\0')
    return FALSE;
  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *iso = copro_date_to_iso (&date);
  return TRUE;
}

char *
copro_format_money (gint64 pence)
{
  GString *text = g_string_new ("£");
  char digits[32];
  gsize len;

  if (pence < 0)
    pence = 0;
  g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, pence / 100);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  g_string_append_printf (text, ".%02d", (int) (pence % 100));
  return g_string_free (text, FALSE);
}

gboolean
copro_parse_money (const char *text,
                   gint64     *pence)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = copy;
  gint64 pounds = 0;
  guint digits = 0;
  guint group = 0;          /* digits since the last comma */
  gboolean grouped = FALSE;
  gint64 fraction = 0;

  *pence = 0;
  if (*p == '\0')
    return TRUE;
  if (g_str_has_prefix (p, "£"))
    {
      p += strlen ("£");
      while (*p == ' ')
        p++;
    }

  for (; *p != '\0' && *p != '.'; p++)
    {
      if (*p == ',')
        {
          /* Commas only between groups of three digits: 1,234,567. */
          if (digits == 0 || (grouped && group != 3) || (!grouped && group > 3))
            return FALSE;
          grouped = TRUE;
          group = 0;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (pounds > MONEY_MAX / 100)
        return FALSE;
      pounds = pounds * 10 + (*p - '0');
      digits++;
      group++;
    }
  if (grouped && group != 3)
    return FALSE;

  if (*p == '.')
    {
      guint places = 0;

      p++;
      for (; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p) || places == 2)
            return FALSE;
          fraction = fraction * 10 + (*p - '0');
          places++;
        }
      if (places == 1)
        fraction *= 10;
      if (places == 0 && digits == 0)
        return FALSE;
    }
  else if (digits == 0)
    {
      return FALSE;
    }

  if (pounds * 100 + fraction > MONEY_MAX)
    return FALSE;
  *pence = pounds * 100 + fraction;
  return TRUE;
}
