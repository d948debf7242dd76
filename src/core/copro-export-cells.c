/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The sign-off workbook's cells (see copro-export-private.h): each writes
 * into the sheet's current row. User text is only ever written with
 * worksheet_write_string(), so “=SUM(A1)” stays text, and is shown exactly as
 * written (copy_cell_text()).
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "copro-document.h"
#include "copro-export-private.h"
#include "copro-list.h"
#include "copro-partner.h"

/* Progress and failures */

void
_copro_export_report (Export *e,
                      double  fraction)
{
  if (e->options->progress != NULL)
    e->options->progress (CLAMP (fraction, 0.0, 1.0), e->options->progress_data);
  e->reported = fraction;
}

/* Counts @n units of work; FALSE once the export is cancelled. */
gboolean
_copro_export_tick (Export *e,
                    guint   n)
{
  double fraction;

  e->work_done += n;
  fraction = WRITE_SHARE * (double) e->work_done / (double) MAX (e->work_total, 1);
  if (fraction - e->reported >= 0.01)
    _copro_export_report (e, fraction);
  if (g_cancellable_is_cancelled (e->options->cancellable))
    e->cancelled = TRUE;
  return !e->cancelled && e->failure == LXW_NO_ERROR;
}

/* Where the time goes, for G_MESSAGES_DEBUG=Coproduce. */
void
_copro_export_log_time (Export     *e,
                        const char *what)
{
  gint64 now = g_get_monotonic_time ();

  g_debug ("Export: %s took %.3f s", what, (now - e->started) / 1e6);
  e->started = now;
}

void
_copro_export_check (Export    *e,
                     lxw_error  status)
{
  if (status != LXW_NO_ERROR && e->failure == LXW_NO_ERROR)
    {
      e->failure = status;
      e->failure_errno = errno;
    }
}

/* Text */

static gboolean
is_escape_sequence (const char *p)
{
  /* Excel reads _xHHHH_ in a string as the character HHHH. */
  return p[0] == '_' && p[1] == 'x' &&
         g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
         g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_';
}

/* Bold text is at most this much wider. */
#define BOLD_WIDTH 1.2

/* The widest @u is in those fonts, in their digits. */
static double
width_of (gunichar u)
{
  if (u < 0x80)
    {
      if (g_ascii_islower (u))
        return u == 'm' ? 1.6 : u == 'w' ? 1.45 : strchr ("ijl", (int) u) != NULL ? 0.5 :
               strchr ("frt", (int) u) != NULL ? 0.7 : strchr ("cksvxyz", (int) u) != NULL ? 0.95 : 1.05;
      if (g_ascii_isupper (u))
        return u == 'M' ? 1.7 : u == 'W' ? 1.8 : u == 'I' ? 0.5 : u == 'J' ? 0.9 :
               strchr ("CDGHNOQU", (int) u) != NULL ? 1.4 : 1.25;
      if (g_ascii_isdigit (u))
        return 1.0;
      if (u == ' ')
        return 0.5;
      if (strchr (".,;:'!|", (int) u) != NULL)
        return 0.5;
      if (strchr ("()[]\"`-/", (int) u) != NULL)
        return 0.75;
      if (strchr ("?_{}", (int) u) != NULL)
        return 1.0;
      return 1.85;   /* %&@#+=<>~^*$ and the rest */
    }
  if (g_unichar_iszerowidth (u))
    return 0;
  /* East Asian scripts: a full em, about two digits. */
  if (g_unichar_iswide (u) || g_unichar_iswide_cjk (u))
    return 2.1;
  return 1.85;
}

static double ascii_widths[0x80];
static GOnce ascii_widths_once = G_ONCE_INIT;

static gpointer
init_ascii_widths (gpointer data)
{
  for (gunichar u = 0; u < 0x80; u++)
    ascii_widths[u] = width_of (u);
  return data;
}

static inline void
ensure_ascii_widths (void)
{
  g_once (&ascii_widths_once, init_ascii_widths, NULL);
}

/* How wide @u is, at most, in digits of the workbook's font. */
static inline double
char_width (gunichar u)
{
  return u < 0x80 ? ascii_widths[u] : width_of (u);
}

typedef struct
{
  gsize    units;          /* UTF-16 code units, as Excel counts */
  gsize    longest_line;   /* characters */
  double   longest_width;  /* of a line, in digits (char_width ()) */
  gboolean needs_copy;
} TextInfo;

static void
scan_text (const char *text,
           TextInfo   *info)
{
  gsize line = 0;
  double width = 0;

  ensure_ascii_widths ();
  memset (info, 0, sizeof *info);
  for (const char *p = text; *p != '\0'; )
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          if (c == '\n')
            {
              info->longest_line = MAX (info->longest_line, line);
              info->longest_width = MAX (info->longest_width, width);
              line = 0;
              width = 0;
            }
          else
            {
              line++;
              width += ascii_widths[c];
            }
          if (c == '_' && is_escape_sequence (p))
            info->needs_copy = TRUE;
          info->units++;
          p++;
        }
      else
        {
          gunichar u = g_utf8_get_char (p);

          /* Not characters in XML: the file would need repair. */
          if (u == 0xFFFE || u == 0xFFFF)
            info->needs_copy = TRUE;
          info->units += u >= 0x10000 ? 2 : 1;
          line++;
          width += width_of (u);
          p = g_utf8_next_char (p);
        }
    }
  info->longest_line = MAX (info->longest_line, line);
  info->longest_width = MAX (info->longest_width, width);
  if (info->units > EXCEL_MAX_TEXT)
    info->needs_copy = TRUE;
}

/* A copy of @text that Excel shows exactly as written: characters that XML
 * cannot hold become U+FFFD, a literal _xHHHH_ gets its underscore escaped as
 * _x005F_ (which Excel, LibreOffice and openpyxl read back as “_”), and text
 * longer than Excel's 32,767 characters is cut with a visible marker that says
 * so and how long the full text is. The cut counts the escapes too, because
 * libxlsxwriter measures the escaped string. */
static char *
copy_cell_text (const char     *text,
                const TextInfo *info)
{
  g_autofree char *marker = NULL;
  gsize marker_units = 0;
  gsize budget = G_MAXSIZE;
  gsize used = 0;
  GString *out = g_string_sized_new (MIN (strlen (text), (gsize) 4 * EXCEL_MAX_TEXT) + 16);

  if (info->units > EXCEL_MAX_TEXT)
    {
      /* TRANSLATORS: ends a text too long for a spreadsheet cell; %s is how many characters the full text has */
      g_autofree char *count = g_strdup_printf ("%" G_GSIZE_FORMAT, info->units);
      TextInfo marker_info;

      marker = g_strdup_printf (_(" […cut here: a spreadsheet cell holds at most 32,767 characters; the full text has %s and is in the project file.]"),
                                count);
      scan_text (marker, &marker_info);
      marker_units = marker_info.units;
      budget = EXCEL_MAX_TEXT - marker_units;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);
      gsize units = u >= 0x10000 ? 2 : 1;
      gboolean escape = u == '_' && is_escape_sequence (p);

      if (escape)
        units += strlen ("_x005F") ;
      if (used + units > budget)
        break;
      used += units;
      if (escape)
        g_string_append (out, "_x005F_");
      else if (u == 0xFFFE || u == 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  if (marker != NULL)
    g_string_append (out, marker);
  return g_string_free (out, FALSE);
}

/* One line for page headers and workbook properties: no control characters,
 * at most @max characters. */
char *
_copro_export_clean_line (const char *text,
                          glong       max)
{
  GString *out = g_string_new (NULL);
  glong n = 0;

  for (const char *p = text != NULL ? text : ""; *p != '\0' && n < max; p = g_utf8_next_char (p), n++)
    {
      gunichar u = g_utf8_get_char (p);

      if (u < 0x20 || u == 0x7F)
        g_string_append_c (out, ' ');
      else if (u == 0xFFFE || u == 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  if (text != NULL && n == max && *g_utf8_offset_to_pointer (text, n) != '\0')
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* Page headers and footers give “&” a meaning: “&&” prints one. */
char *
_copro_export_escape_ampersands (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "&", -1);

  return g_strjoinv ("&&", parts);
}

/* Row heights. libxlsxwriter cannot fit a row to its wrapped text, and
 * LibreOffice and Excel do not always do it on opening: printed, the lines of
 * a tall cell then run over the rows below. So each row gets the height its
 * wrapped text needs, estimated from the characters: each counts as an upper
 * bound of its width in the font's digits (the unit of a column's width) in
 * Calibri, Carlito, Liberation Sans (Arial) and DejaVu Sans, the fonts a
 * workbook is shown in, and words wrap greedily at spaces as the spreadsheets
 * do. tests/test-export-print.py shows the estimate safe: LibreOffice's PDF
 * of long texts has no line over another. */

/* How many lines @text takes in a column @width digits wide, its words
 * wrapped at spaces and a word wider than the column cut anywhere. */
guint
_copro_export_count_lines (const char *text,
                           double      width,
                           gboolean    bold)
{
  double scale = bold ? BOLD_WIDTH : 1.0;
  guint lines = 1;
  double line = 0;     /* the width of the current line's words */
  double word = 0;     /* the word being read */
  double spaces = 0;   /* spaces between the line and the word */

  if (text == NULL || *text == '\0')
    return 1;
  ensure_ascii_widths ();
  width = MAX (width, 1);
  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);

      if (u == ' ' || u == '\n' || u == '\0')
        {
          /* The word ends: on this line, or on the next. */
          if (line > 0 && line + spaces + word > width)
            {
              lines++;
              line = word;
            }
          else
            line += (line > 0 ? spaces : 0) + word;
          word = 0;
          spaces = 0;
          if (u == '\0')
            break;
          if (u == '\n')
            {
              lines++;
              line = 0;
            }
          else
            spaces += char_width (u) * scale;
          continue;
        }
      if (u == '\r')
        continue;
      word += char_width (u) * scale;
      /* A word wider than the column is cut where the column ends. */
      if (word > width)
        {
          if (line > 0)
            lines++;
          lines++;
          line = 0;
          spaces = 0;
          word = char_width (u) * scale;
        }
    }
  return lines;
}

/* Notes that @text, written in column @col of the current row with @format,
 * needs the row tall enough for its lines; _copro_export_next_row() sets
 * the height. The column is measured as wide as it is now: it only grows
 * after, so the estimate stays an upper bound. For any text written
 * without _copro_export_put_text(), e.g. a merged range. */
static void
fit_row (Sheet          *s,
         lxw_col_t       col,
         const char     *text,
         const TextInfo *info,
         lxw_format     *format)
{
  /* The column as end_sheet () sets it, less the cell's margins. */
  double width = (col < MAX_COLUMNS && s->width[col] > 0 ? CLAMP (s->width[col] + 1.5, 6.0, 80.0) : 8.43) - 0.5;
  double size = format != NULL && format->font_size > 0 ? format->font_size : 11;
  gboolean bold = format != NULL && format->bold;
  guint lines;

  /* One line that fits needs no wrapping worked out. */
  if (info != NULL && info->longest_line == info->units && info->longest_width * (bold ? BOLD_WIDTH : 1.0) <= width)
    lines = 1;
  else
    lines = _copro_export_count_lines (text, width, bold);
  s->row_height = MAX (s->row_height, lines * LINE_HEIGHT * size / 11);
}

void
_copro_export_fit_row (Sheet       *s,
                       lxw_col_t    col,
                       const char  *text,
                       lxw_format  *format)
{
  fit_row (s, col, text, NULL, format);
}

/* Cells. Each writes into the sheet's current row. */

void
_copro_export_note_width (Sheet     *s,
                          lxw_col_t  col,
                          double     chars)
{
  if (col < MAX_COLUMNS)
    s->width[col] = MAX (s->width[col], MIN (chars, s->cap[col] > 0 ? s->cap[col] : 50));
}

void
_copro_export_put_text (Sheet       *s,
                        lxw_col_t    col,
                        const char  *text,
                        lxw_format  *format)
{
  g_autofree char *copy = NULL;
  TextInfo info;

  if (format == NULL)
    format = s->export->f_text;
  if (text == NULL || *text == '\0')
    {
      if (format == s->export->f_input_text)
        _copro_export_check (s->export, worksheet_write_blank (s->ws, s->row, col, format));
      return;
    }
  scan_text (text, &info);
  if (info.needs_copy)
    text = copy = copy_cell_text (text, &info);
  _copro_export_check (s->export, worksheet_write_string (s->ws, s->row, col, text, format));
  /* As wide as its longest line has characters, or wider when they are, as
   * the row's height measures them. */
  _copro_export_note_width (s, col, MAX ((double) info.longest_line,
                                         ceil (info.longest_width * (format->bold ? BOLD_WIDTH : 1.0))));
  if (format->text_wrap)
    fit_row (s, col, text, &info, format);
}

/* Text that sets no column width (notes and titles run across). */
void
_copro_export_put_note (Sheet       *s,
                        const char  *text,
                        lxw_format  *format)
{
  double saved = s->width[0];

  _copro_export_put_text (s, 0, text, format);
  s->width[0] = saved;
}

/* Numbers here are whole: counts, scores, people. */
void
_copro_export_put_number (Sheet      *s,
                          lxw_col_t   col,
                          double      value,
                          lxw_format *format)
{
  _copro_export_check (s->export, worksheet_write_number (s->ws, s->row, col, value,
                                            format != NULL ? format : s->export->f_number));
  _copro_export_note_width (s, col, fabs (value) >= 10 ? floor (log10 (fabs (value))) + 1 + (value < 0) : 1 + (value < 0));
}

/* How wide “£1,234.56” is. */
double
_copro_export_money_width (gint64 pence)
{
  double pounds = (double) pence / 100.0;
  double digits = pounds >= 1 ? floor (log10 (pounds)) + 1 : 1;

  /* “£”, the digits, their thousands commas and the pence. */
  return 1 + digits + floor ((digits - 1) / 3) + 3;
}

void
_copro_export_put_money (Sheet      *s,
                         lxw_col_t   col,
                         gint64      pence,
                         lxw_format *format)
{
  _copro_export_check (s->export, worksheet_write_number (s->ws, s->row, col, (double) pence / 100.0,
                                            format != NULL ? format : s->export->f_money));
  _copro_export_note_width (s, col, _copro_export_money_width (pence));
}

static gboolean
date_is_writable (const GDate *date)
{
  /* Excel's dates start in 1900 and count a 29 February 1900 that never was:
   * earlier dates, and those before March 1900, are written as text. */
  return g_date_get_year (date) > 1900 ||
         (g_date_get_year (date) == 1900 && g_date_get_month (date) >= G_DATE_MARCH);
}

void
_copro_export_put_gdate (Sheet       *s,
                         lxw_col_t    col,
                         const GDate *date,
                         lxw_format  *format)
{
  lxw_datetime datetime = { 0 };

  if (!date_is_writable (date))
    {
      g_autofree char *iso = copro_date_to_iso (date);

      _copro_export_put_text (s, col, iso, NULL);
      return;
    }
  datetime.year = (int) g_date_get_year (date);
  datetime.month = (int) g_date_get_month (date);
  datetime.day = (int) g_date_get_day (date);
  _copro_export_check (s->export, worksheet_write_datetime (s->ws, s->row, col, &datetime,
                                              format != NULL ? format : s->export->f_date));
  _copro_export_note_width (s, col, 10);
}

void
_copro_export_put_date (Sheet      *s,
                        lxw_col_t   col,
                        const char *iso)
{
  GDate date;

  if (copro_date_parse (iso, &date))
    _copro_export_put_gdate (s, col, &date, NULL);
}

/* copro_enum_label(), remembered: a partner has nine enumerations, and
 * 100,000 partners would ask gettext almost a million times. */
static const char *
enum_label (Export          *e,
            const CoproEnum *enumeration,
            const char      *key)
{
  int index = copro_enum_index (enumeration, key);
  const char **labels;

  if (index < 0)
    return "";
  labels = g_hash_table_lookup (e->labels, enumeration);
  if (labels == NULL)
    {
      guint n = copro_enum_n_values (enumeration);

      labels = g_new (const char *, n);
      for (guint i = 0; i < n; i++)
        labels[i] = copro_enum_label (enumeration, enumeration->values[i].key);
      g_hash_table_insert (e->labels, (gpointer) enumeration, labels);
    }
  return labels[index];
}

static const char *
yes_no (Export   *e,
        gboolean  value)
{
  return value ? e->yes : e->no;
}

static char *
join_flags (Export             *e,
            const CoproEnum    *enumeration,
            const char * const *flags)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; flags != NULL && flags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, enum_label (e, enumeration, flags[i]));
    }
  return g_string_free (out, FALSE);
}

gboolean
_copro_export_field_is_personal (const CoproField *field)
{
  return field->kind == COPRO_FIELD_EMAIL || g_str_equal (field->key, "phone");
}

/* The index of @field, which must be one of @desc's fields. */
guint
_copro_export_field_index (const CoproRecordDesc *desc,
                           const CoproField      *field)
{
  g_assert (field >= desc->fields && field < desc->fields + desc->n_fields);
  return (guint) (field - desc->fields);
}

/* Any field that is not a record or a list, as its kind asks; @index is the
 * place of @field in @record's description, found once by the caller, so
 * that no cell looks its field up by name. */
void
_copro_export_put_value (Sheet            *s,
                         lxw_col_t         col,
                         CoproRecord      *record,
                         guint             index,
                         const CoproField *field)
{
  switch (field->kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_TEXT:
    case COPRO_FIELD_EMAIL:
      _copro_export_put_text (s, col, copro_record_get_string_at (record, index), NULL);
      break;
    case COPRO_FIELD_INT:
      {
        int value = copro_record_get_int_at (record, index);

        if (field->min > 0 && value == 0)
          break;
        _copro_export_put_number (s, col, value, NULL);
      }
      break;
    case COPRO_FIELD_MONEY:
      _copro_export_put_money (s, col, copro_record_get_money_at (record, index), NULL);
      break;
    case COPRO_FIELD_DATE:
      _copro_export_put_date (s, col, copro_record_get_string_at (record, index));
      break;
    case COPRO_FIELD_ENUM:
      _copro_export_put_text (s, col, enum_label (s->export, field->enumeration, copro_record_get_string_at (record, index)), NULL);
      break;
    case COPRO_FIELD_FLAGS:
      {
        const char * const *flags = copro_record_get_flags_at (record, index);

        if (flags[0] != NULL)
          {
            g_autofree char *text = join_flags (s->export, field->enumeration, flags);

            _copro_export_put_text (s, col, text, NULL);
          }
      }
      break;
    case COPRO_FIELD_BOOL:
      _copro_export_put_text (s, col, yes_no (s->export, copro_record_get_bool_at (record, index)), NULL);
      break;
    case COPRO_FIELD_REF:
      {
        CoproList *partners = copro_record_get_list (s->export->project, "partners");
        const char *id = copro_record_get_string_at (record, index);
        CoproRecord *partner = id != NULL ? copro_list_find_by_id (partners, id) : NULL;
        g_autofree char *name = partner != NULL ? copro_partner_dup_full_title (partner) : NULL;

        _copro_export_put_text (s, col, name, NULL);
      }
      break;
    case COPRO_FIELD_RECORD:
    case COPRO_FIELD_LIST:
    default:
      g_assert_not_reached ();
    }
}

/* @field must be one of the fields of @record's description. */
void
_copro_export_put_field (Sheet            *s,
                         lxw_col_t         col,
                         CoproRecord      *record,
                         const CoproField *field)
{
  const CoproRecordDesc *desc = copro_record_get_desc (record);

  _copro_export_put_value (s, col, record, _copro_export_field_index (desc, field), field);
}

const char *
_copro_export_field_label (const CoproRecordDesc *desc,
                           const char            *key)
{
  const CoproField *field = copro_record_desc_find_field (desc, key);

  g_assert (field != NULL);
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

/* Sheets */

/* Ends the current row: in constant-memory mode a row's height must be set
 * before the next row is written. */
void
_copro_export_next_row (Sheet *s)
{
  if (s->row_height > LINE_HEIGHT)
    _copro_export_check (s->export, worksheet_set_row (s->ws, s->row, MIN (s->row_height, MAX_ROW_HEIGHT), NULL));
  s->row_height = 0;
  s->row++;
}

void
_copro_export_begin_sheet (Export     *e,
                           Sheet      *s,
                           guint       index,
                           const char *heading)
{
  memset (s, 0, sizeof *s);
  s->export = e;
  s->ws = e->sheets[index];

  worksheet_set_landscape (s->ws);
  worksheet_set_paper (s->ws, 9);   /* A4 */
  worksheet_fit_to_pages (s->ws, 1, 0);
  _copro_export_check (e, worksheet_set_header (s->ws, e->header));
  _copro_export_check (e, worksheet_set_footer (s->ws, e->footer));

  _copro_export_check (e, worksheet_set_row (s->ws, 0, 21, NULL));
  _copro_export_put_note (s, heading, e->f_title);
  _copro_export_next_row (s);
}

/* The project's title, or “Untitled project”: in every sheet's heading and
 * the page headers. */
const char *
_copro_export_project_title (Export *e)
{
  const char *title = copro_record_get_string (copro_record_get_record (e->project, "overview"), "title");

  return copro_project_title_or_untitled (title);
}

/* A heading: “Partners: <project title>”. */
char *
_copro_export_sheet_heading (Export     *e,
                             guint       index)
{
  /* TRANSLATORS: the heading of a sheet: the sheet's name, then the project's title */
  return g_strdup_printf (_("%s: %s"), e->names[index], _copro_export_project_title (e));
}

void
_copro_export_table_header (Sheet        *s,
                            const Column *columns,
                            guint         n_columns)
{
  g_assert (n_columns <= MAX_COLUMNS);

  s->n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    {
      TextInfo info;

      s->cap[i] = columns[i].cap;
      _copro_export_put_text (s, i, columns[i].label, s->export->f_header);
      /* Room for the filter's button beside the name. */
      scan_text (columns[i].label, &info);
      _copro_export_note_width (s, i, MIN (MAX ((double) info.longest_line, ceil (info.longest_width * BOLD_WIDTH)) + 2.5,
                                           24.0));
    }
  s->header_row = s->row;
  s->last_row = s->row;
  _copro_export_next_row (s);
}

void
_copro_export_table_row_done (Sheet *s)
{
  s->last_row = s->row;
  _copro_export_next_row (s);
}

/* Ends a table: says so when it is empty, then gives it its filter, frozen
 * header and, in print, a header repeated on every page. */
void
_copro_export_table_end (Sheet      *s,
                         const char *empty_message,
                         gboolean    freeze)
{
  Export *e = s->export;

  /* In constant-memory mode the filter must be set before a later row is
   * written. */
  _copro_export_check (e, worksheet_autofilter (s->ws, s->header_row, 0, s->last_row, s->n_columns - 1));
  if (s->last_row == s->header_row && empty_message != NULL)
    {
      _copro_export_put_note (s, empty_message, e->f_empty);
      _copro_export_next_row (s);
    }
  if (freeze)
    {
      worksheet_freeze_panes (s->ws, s->header_row + 1, 0);
      _copro_export_check (e, worksheet_repeat_rows (s->ws, s->header_row, s->header_row));
    }
}

void
_copro_export_end_sheet (Sheet *s)
{
  for (guint i = 0; i < MAX_COLUMNS; i++)
    if (s->width[i] > 0)
      _copro_export_check (s->export, worksheet_set_column (s->ws, i, i, CLAMP (s->width[i] + 1.5, 6.0, 80.0), NULL));
}

