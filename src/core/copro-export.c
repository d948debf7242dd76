/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The sign-off workbook. What a manager needs to decide, in ten sheets that
 * are always there and always in the same order. The rules that make it
 * trustworthy:
 *
 * - User text is only ever written with worksheet_write_string(), so “=SUM(A1)”
 *   or “+44 191 …” stay text; the only formulas are written by this file.
 *   Text is shown as written: a literal _xHHHH_ is escaped, characters XML
 *   cannot hold are replaced, and text over Excel's 32,767 characters is cut
 *   with a marker saying so (copy_cell_text()).
 * - Numbers are written under a “C” LC_NUMERIC (libxlsxwriter formats doubles
 *   with the C library, which follows the locale), and dates as real dates.
 * - The workbook is written to a temporary file beside the target, checked,
 *   synced and renamed over the target: complete or not at all.
 * - Every sheet is written row by row in libxlsxwriter's constant-memory mode,
 *   so 100,000 partners cost a temporary file rather than memory. That mode
 *   has no Excel tables, so each sheet has one worksheet filter, on its list.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "copro-activity.h"
#include "copro-budget.h"
#include "copro-checks.h"
#include "copro-error.h"
#include "copro-export.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-risk.h"

/* Excel holds at most 32,767 characters (UTF-16 code units) in a cell. */
#define EXCEL_MAX_TEXT 32767
#define MAX_COLUMNS 32
/* Rows of the approvals block left empty for the manager. */
#define N_BLANK_APPROVALS 5
#define MAP_WIDTH 960
#define MAP_HEIGHT 600
/* Writing the sheets is this share of the progress; closing (compressing)
 * the workbook is the rest. */
#define WRITE_SHARE 0.65

enum {
  SHEET_SIGN_OFF,
  SHEET_PLAN,
  SHEET_BUDGET,
  SHEET_PARTNERS,
  SHEET_PARTNER_SUMMARY,
  SHEET_TERMS,
  SHEET_ACTIVITIES,
  SHEET_FEEDBACK,
  SHEET_RISKS,
  SHEET_ACTIONS,
  N_SHEETS
};

G_STATIC_ASSERT (N_SHEETS == COPRO_EXPORT_N_SHEETS);

static const char * const sheet_names[N_SHEETS] = {
  NC_("sheet name", "Sign-off"),
  NC_("sheet name", "Plan"),
  NC_("sheet name", "Budget"),
  NC_("sheet name", "Partners"),
  NC_("sheet name", "Partner summary"),
  NC_("sheet name", "Terms of reference"),
  NC_("sheet name", "Activities"),
  NC_("sheet name", "Feedback"),
  NC_("sheet name", "Risks"),
  NC_("sheet name", "Actions"),
};

/* The Budget sheet: title, note, header, then the lines and the total. */
#define BUDGET_FIRST_LINE_ROW 3
#define BUDGET_AMOUNT_COLUMN 2

typedef struct
{
  const char *label;   /* translated */
  double      cap;     /* widest the column gets, in characters */
} Column;

typedef struct
{
  lxw_workbook   *workbook;
  lxw_worksheet  *sheets[N_SHEETS];
  char           *names[N_SHEETS];
  CoproRecord    *project;
  gboolean        personal;
  GDateTime      *now;
  GDate           today;
  const CoproExportOptions *options;
  GPtrArray      *findings;
  char           *header;
  char           *footer;
  const char     *decisions[5];   /* the drop-down's labels, NULL-terminated */
  /* Translations asked for once rather than per cell: gettext costs about
   * 1,700 instructions a call, more than a cell of the workbook. */
  const char     *yes;
  const char     *no;
  const char     *quadrants[COPRO_QUADRANT_MANAGE_CLOSELY + 1];

  lxw_format *f_title;
  lxw_format *f_section;
  lxw_format *f_note;
  lxw_format *f_empty;
  lxw_format *f_header;
  lxw_format *f_label;
  lxw_format *f_text;
  lxw_format *f_date;
  lxw_format *f_money;
  lxw_format *f_number;
  lxw_format *f_total_label;
  lxw_format *f_total_money;
  lxw_format *f_total_number;
  lxw_format *f_input_text;
  lxw_format *f_input_date;
  lxw_format *f_band[3];          /* conditional formats: red, amber, green */

  GHashTable     *labels;         /* CoproEnum → its translated labels */
  gint64          started;        /* for the timings in debug messages */

  guint64         work_done;
  guint64         work_total;
  double          reported;
  lxw_error       failure;        /* the first write that failed */
  int             failure_errno;
  gboolean        cancelled;
} Export;

typedef struct
{
  Export        *export;
  lxw_worksheet *ws;
  lxw_row_t      row;          /* the next row: rows are written in order */
  lxw_row_t      header_row;
  lxw_row_t      last_row;     /* of the table, the header row when it is empty */
  guint          n_columns;
  double         width[MAX_COLUMNS];
  double         cap[MAX_COLUMNS];
} Sheet;

/* Progress and failures */

static void
report (Export *e,
        double  fraction)
{
  if (e->options->progress != NULL)
    e->options->progress (CLAMP (fraction, 0.0, 1.0), e->options->progress_data);
  e->reported = fraction;
}

/* Counts @n units of work; FALSE once the export is cancelled. */
static gboolean
tick (Export *e,
      guint   n)
{
  double fraction;

  e->work_done += n;
  fraction = WRITE_SHARE * (double) e->work_done / (double) MAX (e->work_total, 1);
  if (fraction - e->reported >= 0.01)
    report (e, fraction);
  if (g_cancellable_is_cancelled (e->options->cancellable))
    e->cancelled = TRUE;
  return !e->cancelled && e->failure == LXW_NO_ERROR;
}

/* Where the time goes, for G_MESSAGES_DEBUG=Coproduce. */
static void
log_time (Export     *e,
          const char *what)
{
  gint64 now = g_get_monotonic_time ();

  g_debug ("Export: %s took %.3f s", what, (now - e->started) / 1e6);
  e->started = now;
}

static void
check (Export    *e,
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

typedef struct
{
  gsize    units;          /* UTF-16 code units, as Excel counts */
  gsize    longest_line;   /* characters */
  gboolean needs_copy;
} TextInfo;

static void
scan_text (const char *text,
           TextInfo   *info)
{
  gsize line = 0;

  memset (info, 0, sizeof *info);
  for (const char *p = text; *p != '\0'; )
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          if (c == '\n')
            {
              info->longest_line = MAX (info->longest_line, line);
              line = 0;
            }
          else
            line++;
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
          p = g_utf8_next_char (p);
        }
    }
  info->longest_line = MAX (info->longest_line, line);
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
static char *
clean_line (const char *text,
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
static char *
escape_ampersands (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "&", -1);

  return g_strjoinv ("&&", parts);
}

/* Cells. Each writes into the sheet's current row. */

static void
note_width (Sheet     *s,
            lxw_col_t  col,
            double     chars)
{
  if (col < MAX_COLUMNS)
    s->width[col] = MAX (s->width[col], MIN (chars, s->cap[col] > 0 ? s->cap[col] : 50));
}

static void
put_text (Sheet       *s,
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
        check (s->export, worksheet_write_blank (s->ws, s->row, col, format));
      return;
    }
  scan_text (text, &info);
  if (info.needs_copy)
    text = copy = copy_cell_text (text, &info);
  check (s->export, worksheet_write_string (s->ws, s->row, col, text, format));
  note_width (s, col, info.longest_line);
}

/* Text that sets no column width (notes and titles run across). */
static void
put_note (Sheet       *s,
          const char  *text,
          lxw_format  *format)
{
  double saved = s->width[0];

  put_text (s, 0, text, format);
  s->width[0] = saved;
}

/* Numbers here are whole: counts, scores, people. */
static void
put_number (Sheet      *s,
            lxw_col_t   col,
            double      value,
            lxw_format *format)
{
  check (s->export, worksheet_write_number (s->ws, s->row, col, value,
                                            format != NULL ? format : s->export->f_number));
  note_width (s, col, fabs (value) >= 10 ? floor (log10 (fabs (value))) + 1 + (value < 0) : 1 + (value < 0));
}

/* How wide “£1,234.56” is. */
static double
money_width (gint64 pence)
{
  double pounds = (double) pence / 100.0;
  double digits = pounds >= 1 ? floor (log10 (pounds)) + 1 : 1;

  /* “£”, the digits, their thousands commas and the pence. */
  return 1 + digits + floor ((digits - 1) / 3) + 3;
}

static void
put_money (Sheet      *s,
           lxw_col_t   col,
           gint64      pence,
           lxw_format *format)
{
  check (s->export, worksheet_write_number (s->ws, s->row, col, (double) pence / 100.0,
                                            format != NULL ? format : s->export->f_money));
  note_width (s, col, money_width (pence));
}

static gboolean
date_is_writable (const GDate *date)
{
  /* Excel's dates start in 1900 and count a 29 February 1900 that never was:
   * earlier dates, and those before March 1900, are written as text. */
  return g_date_get_year (date) > 1900 ||
         (g_date_get_year (date) == 1900 && g_date_get_month (date) >= G_DATE_MARCH);
}

static void
put_gdate (Sheet       *s,
           lxw_col_t    col,
           const GDate *date,
           lxw_format  *format)
{
  lxw_datetime datetime = { 0 };

  if (!date_is_writable (date))
    {
      g_autofree char *iso = copro_date_to_iso (date);

      put_text (s, col, iso, NULL);
      return;
    }
  datetime.year = (int) g_date_get_year (date);
  datetime.month = (int) g_date_get_month (date);
  datetime.day = (int) g_date_get_day (date);
  check (s->export, worksheet_write_datetime (s->ws, s->row, col, &datetime,
                                              format != NULL ? format : s->export->f_date));
  note_width (s, col, 10);
}

static void
put_date (Sheet      *s,
          lxw_col_t   col,
          const char *iso)
{
  GDate date;

  if (copro_date_parse (iso, &date))
    put_gdate (s, col, &date, NULL);
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

static gboolean
field_is_personal (const CoproField *field)
{
  return field->kind == COPRO_FIELD_EMAIL || g_str_equal (field->key, "phone");
}

/* The index of @field, which must be one of @desc's fields. */
static guint
field_index (const CoproRecordDesc *desc,
             const CoproField      *field)
{
  g_assert (field >= desc->fields && field < desc->fields + desc->n_fields);
  return (guint) (field - desc->fields);
}

/* Any field that is not a record or a list, as its kind asks; @index is the
 * place of @field in @record's description, found once by the caller, so
 * that no cell looks its field up by name. */
static void
put_value (Sheet            *s,
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
      put_text (s, col, copro_record_get_string_at (record, index), NULL);
      break;
    case COPRO_FIELD_INT:
      {
        int value = copro_record_get_int_at (record, index);

        if (field->min > 0 && value == 0)
          break;
        put_number (s, col, value, NULL);
      }
      break;
    case COPRO_FIELD_MONEY:
      put_money (s, col, copro_record_get_money_at (record, index), NULL);
      break;
    case COPRO_FIELD_DATE:
      put_date (s, col, copro_record_get_string_at (record, index));
      break;
    case COPRO_FIELD_ENUM:
      put_text (s, col, enum_label (s->export, field->enumeration, copro_record_get_string_at (record, index)), NULL);
      break;
    case COPRO_FIELD_FLAGS:
      {
        const char * const *flags = copro_record_get_flags_at (record, index);

        if (flags[0] != NULL)
          {
            g_autofree char *text = join_flags (s->export, field->enumeration, flags);

            put_text (s, col, text, NULL);
          }
      }
      break;
    case COPRO_FIELD_BOOL:
      put_text (s, col, yes_no (s->export, copro_record_get_bool_at (record, index)), NULL);
      break;
    case COPRO_FIELD_REF:
      {
        CoproList *partners = copro_record_get_list (s->export->project, "partners");
        const char *id = copro_record_get_string_at (record, index);
        CoproRecord *partner = id != NULL ? copro_list_find_by_id (partners, id) : NULL;
        g_autofree char *name = partner != NULL ? copro_partner_dup_full_title (partner) : NULL;

        put_text (s, col, name, NULL);
      }
      break;
    case COPRO_FIELD_RECORD:
    case COPRO_FIELD_LIST:
    default:
      g_assert_not_reached ();
    }
}

/* @field must be one of the fields of @record's description. */
static void
put_field (Sheet            *s,
           lxw_col_t         col,
           CoproRecord      *record,
           const CoproField *field)
{
  const CoproRecordDesc *desc = copro_record_get_desc (record);

  put_value (s, col, record, field_index (desc, field), field);
}

static const char *
field_label (const CoproRecordDesc *desc,
             const char            *key)
{
  const CoproField *field = copro_record_desc_find_field (desc, key);

  g_assert (field != NULL);
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

/* Sheets */

static void
next_row (Sheet *s)
{
  s->row++;
}

static void
begin_sheet (Export     *e,
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
  check (e, worksheet_set_header (s->ws, e->header));
  check (e, worksheet_set_footer (s->ws, e->footer));

  check (e, worksheet_set_row (s->ws, 0, 21, NULL));
  put_note (s, heading, e->f_title);
  next_row (s);
}

/* A heading: “Partners: <project title>”. */
static char *
sheet_heading (Export     *e,
               guint       index)
{
  const char *title = copro_record_get_string (copro_record_get_record (e->project, "overview"), "title");

  if (copro_text_is_blank (title))
    title = _("Untitled project");
  /* TRANSLATORS: the heading of a sheet: the sheet's name, then the project's title */
  return g_strdup_printf (_("%s: %s"), e->names[index], title);
}

static void
table_header (Sheet        *s,
              const Column *columns,
              guint         n_columns)
{
  g_assert (n_columns <= MAX_COLUMNS);

  s->n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    {
      TextInfo info;

      s->cap[i] = columns[i].cap;
      put_text (s, i, columns[i].label, s->export->f_header);
      /* Room for the filter's button beside the name. */
      scan_text (columns[i].label, &info);
      note_width (s, i, MIN ((double) info.longest_line + 2.5, 24.0));
    }
  s->header_row = s->row;
  s->last_row = s->row;
  next_row (s);
}

static void
table_row_done (Sheet *s)
{
  s->last_row = s->row;
  next_row (s);
}

/* Ends a table: says so when it is empty, then gives it its filter, frozen
 * header and, in print, a header repeated on every page. */
static void
table_end (Sheet      *s,
           const char *empty_message,
           gboolean    freeze)
{
  Export *e = s->export;

  /* In constant-memory mode the filter must be set before a later row is
   * written. */
  check (e, worksheet_autofilter (s->ws, s->header_row, 0, s->last_row, s->n_columns - 1));
  if (s->last_row == s->header_row && empty_message != NULL)
    {
      put_note (s, empty_message, e->f_empty);
      next_row (s);
    }
  if (freeze)
    {
      worksheet_freeze_panes (s->ws, s->header_row + 1, 0);
      check (e, worksheet_repeat_rows (s->ws, s->header_row, s->header_row));
    }
}

static void
end_sheet (Sheet *s)
{
  for (guint i = 0; i < MAX_COLUMNS; i++)
    if (s->width[i] > 0)
      check (s->export, worksheet_set_column (s->ws, i, i, CLAMP (s->width[i] + 1.5, 6.0, 80.0), NULL));
}

/* Sign-off */

static const char *
sheet_of_path (Export     *e,
               const char *path)
{
  static const struct {
    const char *prefix;
    guint sheet;
  } places[] = {
    { "overview", SHEET_SIGN_OFF },
    { "approvals", SHEET_SIGN_OFF },
    { "history", SHEET_SIGN_OFF },
    { "plan.resources.budget_lines", SHEET_BUDGET },
    { "plan.delivery.actions", SHEET_ACTIONS },
    { "plan", SHEET_PLAN },
    { "recruitment", SHEET_PLAN },
    { "reflection", SHEET_PLAN },
    { "partners", SHEET_PARTNERS },
    { "terms_of_reference", SHEET_TERMS },
    { "risks", SHEET_RISKS },
  };

  if (path == NULL)
    return "";
  if (g_str_has_prefix (path, "activities"))
    return e->names[strstr (path, ".feedback") != NULL ? SHEET_FEEDBACK : SHEET_ACTIVITIES];
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (g_str_has_prefix (path, places[i].prefix))
      return e->names[places[i].sheet];
  return "";
}

static char *
sheet_reference (Export     *e,
                 guint       sheet,
                 lxw_row_t   row,
                 lxw_col_t   col)
{
  g_auto(GStrv) parts = g_strsplit (e->names[sheet], "'", -1);
  g_autofree char *quoted = g_strjoinv ("''", parts);
  char cell[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (cell, row, col);
  return g_strdup_printf ("'%s'!%s", quoted, cell);
}

static lxw_row_t
budget_total_row (CoproRecord *project)
{
  guint n = copro_list_get_n_items (copro_record_get_list (copro_record_lookup (project, "plan.resources"),
                                                           "budget_lines"));

  /* An empty budget has one line saying so. */
  return BUDGET_FIRST_LINE_ROW + MAX (n, 1);
}

static gint64
budget_total (CoproRecord *project)
{
  return copro_budget_get_planned (copro_budget_get_lines (project));
}

static void
label_row (Sheet      *s,
           const char *label)
{
  put_text (s, 0, label, s->export->f_label);
}

static void
add_validations (Sheet     *s,
                 lxw_row_t  first,
                 lxw_row_t  last,
                 lxw_row_t  first_blank)
{
  Export *e = s->export;
  lxw_data_validation decision = { 0 };
  lxw_data_validation date = { 0 };
  lxw_datetime min_date = { 2000, 1, 1, 0, 0, 0 };
  lxw_datetime max_date = { 2099, 12, 31, 0, 0, 0 };
  const char *input_title = _("Decision");
  const char *input_message = _("Choose one from the list.");
  const char *date_message = _("Enter the date of the decision, such as 31/01/2027.");

  decision.validate = LXW_VALIDATION_TYPE_LIST;
  decision.value_list = e->decisions;
  decision.ignore_blank = LXW_VALIDATION_ON;
  decision.show_input = LXW_VALIDATION_ON;
  decision.show_error = LXW_VALIDATION_ON;
  decision.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  /* Excel's limits: 32 characters for titles, 255 for messages. */
  if (g_utf8_strlen (input_title, -1) <= 32 && g_utf8_strlen (input_message, -1) <= 255)
    {
      decision.input_title = input_title;
      decision.input_message = input_message;
      decision.error_title = input_title;
      decision.error_message = input_message;
    }
  check (e, worksheet_data_validation_range (s->ws, first, 2, last, 2, &decision));

  date.validate = LXW_VALIDATION_TYPE_DATE;
  date.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  date.minimum_datetime = min_date;
  date.maximum_datetime = max_date;
  date.ignore_blank = LXW_VALIDATION_ON;
  date.show_error = LXW_VALIDATION_ON;
  date.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  if (g_utf8_strlen (date_message, -1) <= 255)
    date.error_message = (char *) date_message;
  check (e, worksheet_data_validation_range (s->ws, first_blank, 3, last, 3, &date));
}

static const char *
decision_label (Export     *e,
                const char *key)
{
  int i = copro_enum_index (&copro_enum_decision, key);

  return i >= 0 ? e->decisions[i] : "";
}

static gboolean
write_sign_off (Export *e)
{
  CoproRecord *overview = copro_record_get_record (e->project, "overview");
  CoproList *approvals = copro_record_get_list (e->project, "approvals");
  CoproList *history = copro_record_get_list (e->project, "history");
  g_autofree char *heading = sheet_heading (e, SHEET_SIGN_OFF);
  g_autofree char *total_formula = NULL;
  g_autofree char *total_cell = NULL;
  lxw_protection protection = { 0 };
  lxw_row_t first_approval, first_blank;
  const CoproCheckInfo *last_check = NULL;
  const char *severity = NULL;
  const char *summary = NULL;
  const char *why = NULL;
  Sheet s;

  begin_sheet (e, &s, SHEET_SIGN_OFF, heading);
  s.cap[0] = 30;
  s.cap[1] = 60;
  s.cap[2] = 60;
  s.cap[3] = 24;
  s.cap[4] = 60;

  put_note (&s, _("Read the overview and the checks, then record your decision in a yellow row below. "
                  "The rest of this sheet is protected, without a password, so that nothing changes by accident."),
            e->f_note);
  next_row (&s);
  next_row (&s);

  put_note (&s, _("Overview"), e->f_section);
  next_row (&s);
  for (guint i = 0; i < copro_desc_overview.n_fields; i++)
    {
      const CoproField *field = &copro_desc_overview.fields[i];

      if (field_is_personal (field) && !e->personal)
        continue;
      label_row (&s, g_dgettext (GETTEXT_PACKAGE, field->label));
      put_field (&s, 1, overview, field);
      next_row (&s);
    }

  label_row (&s, _("Budget total"));
  total_cell = sheet_reference (e, SHEET_BUDGET, budget_total_row (e->project), BUDGET_AMOUNT_COLUMN);
  total_formula = g_strdup_printf ("=%s", total_cell);
  check (e, worksheet_write_formula_num (s.ws, s.row, 1, total_formula, e->f_money,
                                         (double) budget_total (e->project) / 100.0));
  next_row (&s);

  label_row (&s, _("Personal details"));
  put_text (&s, 1, e->personal
            ? _("Included: this workbook holds email addresses and phone numbers. Store and share it as personal data.")
            : _("Left out: this workbook holds no email addresses or phone numbers."), NULL);
  next_row (&s);

  label_row (&s, _("Exported on"));
  put_gdate (&s, 1, &e->today, NULL);
  next_row (&s);

  label_row (&s, _("Problems found"));
  put_number (&s, 1, copro_checks_count (e->findings, COPRO_SEVERITY_PROBLEM), NULL);
  next_row (&s);
  label_row (&s, _("Advice"));
  put_number (&s, 1, copro_checks_count (e->findings, COPRO_SEVERITY_ADVICE), NULL);
  next_row (&s);
  next_row (&s);

  /* The approvals: those recorded, then rows for the manager. */
  put_note (&s, _("Approvals"), e->f_section);
  next_row (&s);
  put_text (&s, 0, field_label (&copro_desc_approval, "name"), e->f_header);
  put_text (&s, 1, field_label (&copro_desc_approval, "role"), e->f_header);
  put_text (&s, 2, field_label (&copro_desc_approval, "decision"), e->f_header);
  put_text (&s, 3, field_label (&copro_desc_approval, "date"), e->f_header);
  put_text (&s, 4, field_label (&copro_desc_approval, "conditions"), e->f_header);
  next_row (&s);
  first_approval = s.row;
  for (guint i = 0; i < copro_list_get_n_items (approvals); i++)
    {
      CoproRecord *approval = copro_list_get (approvals, i);

      put_text (&s, 0, copro_record_get_string (approval, "name"), NULL);
      put_text (&s, 1, copro_record_get_string (approval, "role"), NULL);
      put_text (&s, 2, decision_label (e, copro_record_get_string (approval, "decision")), NULL);
      put_date (&s, 3, copro_record_get_string (approval, "date"));
      put_text (&s, 4, copro_record_get_string (approval, "conditions"), NULL);
      next_row (&s);
    }
  first_blank = s.row;
  for (guint i = 0; i < N_BLANK_APPROVALS; i++)
    {
      for (lxw_col_t col = 0; col < 5; col++)
        check (e, worksheet_write_blank (s.ws, s.row, col, col == 3 ? e->f_input_date : e->f_input_text));
      next_row (&s);
    }
  add_validations (&s, first_approval, s.row - 1, first_blank);
  next_row (&s);

  put_note (&s, field_label (&copro_desc_project, "history"), e->f_section);
  next_row (&s);
  put_text (&s, 0, field_label (&copro_desc_history, "version"), e->f_header);
  put_text (&s, 1, field_label (&copro_desc_history, "summary"), e->f_header);
  put_text (&s, 2, field_label (&copro_desc_history, "author"), e->f_header);
  put_text (&s, 3, field_label (&copro_desc_history, "date"), e->f_header);
  next_row (&s);
  for (guint i = 0; i < copro_list_get_n_items (history); i++)
    {
      CoproRecord *entry = copro_list_get (history, i);

      put_text (&s, 0, copro_record_get_string (entry, "version"), NULL);
      put_text (&s, 1, copro_record_get_string (entry, "summary"), NULL);
      put_text (&s, 2, copro_record_get_string (entry, "author"), NULL);
      put_date (&s, 3, copro_record_get_string (entry, "date"));
      next_row (&s);
    }
  if (copro_list_get_n_items (history) == 0)
    {
      put_note (&s, _("No changes have been recorded yet."), e->f_empty);
      next_row (&s);
    }
  next_row (&s);

  /* The checks last: with a large register they can run long. */
  put_note (&s, _("Checks"), e->f_section);
  next_row (&s);
  {
    const Column columns[] = {
      { _("Severity"), 14 },
      { _("What is checked"), 45 },
      { _("Finding"), 60 },
      { _("Sheet"), 20 },
      /* TRANSLATORS: the column of the toolkit's reason for each check */
      { _("Why"), 80 },
    };

    table_header (&s, columns, G_N_ELEMENTS (columns));
  }
  for (guint i = 0; i < e->findings->len; i++)
    {
      CoproFinding *finding = g_ptr_array_index (e->findings, i);

      if (finding->check != last_check)
        {
          last_check = finding->check;
          severity = last_check->severity == COPRO_SEVERITY_PROBLEM ? _("Problem") : _("Advice");
          summary = g_dgettext (GETTEXT_PACKAGE, last_check->summary);
          why = g_dgettext (GETTEXT_PACKAGE, last_check->why);
        }
      put_text (&s, 0, severity, NULL);
      put_text (&s, 1, summary, NULL);
      put_text (&s, 2, finding->message, NULL);
      put_text (&s, 3, sheet_of_path (e, finding->path), NULL);
      put_text (&s, 4, why, NULL);
      table_row_done (&s);
      if (!tick (e, 1))
        return FALSE;
    }
  /* Frozen panes would hold the whole form still above the list. */
  table_end (&s, _("Every check passed: there are no problems and no advice."), FALSE);
  check (e, worksheet_repeat_rows (s.ws, s.header_row, s.header_row));

  protection.format_columns = LXW_TRUE;
  protection.format_rows = LXW_TRUE;
  protection.autofilter = LXW_TRUE;
  worksheet_protect (s.ws, NULL, &protection);
  end_sheet (&s);
  return TRUE;
}

/* Plan */

static const Column plan_columns_template[] = {
  { NULL, 30 }, { NULL, 32 }, { NULL, 45 }, { NULL, 80 },
};

typedef struct
{
  Sheet      *sheet;
  const char *step;
} PlanContext;

static void
plan_row (PlanContext *c,
          const char  *section,
          const char  *question)
{
  put_text (c->sheet, 0, c->step, NULL);
  put_text (c->sheet, 1, section, NULL);
  put_text (c->sheet, 2, question, NULL);
}

/* Every field of @record as a question; nested records become sections of
 * their own at the first level, and prefixes below it. Lists are left to
 * the caller. */
static void
plan_record (PlanContext *c,
             const char  *section,
             const char  *prefix,
             CoproRecord *record,
             guint        depth)
{
  const CoproRecordDesc *desc = copro_record_get_desc (record);

  for (guint i = 0; i < desc->n_fields; i++)
    {
      const CoproField *field = &desc->fields[i];
      const char *label = g_dgettext (GETTEXT_PACKAGE, field->label);
      g_autofree char *question = NULL;

      if (field->kind == COPRO_FIELD_LIST)
        continue;
      if (field->kind == COPRO_FIELD_RECORD)
        {
          CoproRecord *child = copro_record_get_record (record, field->key);

          if (depth == 0)
            plan_record (c, label, NULL, child, depth + 1);
          else
            plan_record (c, section, label, child, depth + 1);
          continue;
        }
      /* TRANSLATORS: a group of questions, then one of them, e.g. “Safeguarding: Status” */
      question = prefix != NULL ? g_strdup_printf (_("%s: %s"), prefix, label) : g_strdup (label);
      plan_row (c, section, question);
      put_field (c->sheet, 3, record, field);
      table_row_done (c->sheet);
    }
}

static void
plan_count_row (PlanContext *c,
                const char  *section,
                const char  *question,
                double       count)
{
  plan_row (c, section, question);
  put_number (c->sheet, 3, count, NULL);
  table_row_done (c->sheet);
}

static const char *
step_label (const char *key)
{
  return copro_enum_label (&copro_enum_step, key);
}

static gboolean
write_plan (Export *e)
{
  CoproRecord *plan = copro_record_get_record (e->project, "plan");
  CoproRecord *resources = copro_record_get_record (plan, "resources");
  CoproRecord *delivery = copro_record_get_record (plan, "delivery");
  CoproList *communications = copro_record_get_list (plan, "communications");
  g_autofree char *heading = sheet_heading (e, SHEET_PLAN);
  Column columns[G_N_ELEMENTS (plan_columns_template)];
  const char *section;
  PlanContext c;
  Sheet s;

  begin_sheet (e, &s, SHEET_PLAN, heading);
  put_note (&s, _("Every question of the plan with its answer, step by step. A blank answer has not been given yet."),
            e->f_note);
  next_row (&s);

  memcpy (columns, plan_columns_template, sizeof columns);
  columns[0].label = field_label (&copro_desc_activity, "step");
  columns[1].label = _("Section");
  columns[2].label = _("Question");
  columns[3].label = _("Answer");
  table_header (&s, columns, G_N_ELEMENTS (columns));
  c.sheet = &s;

  c.step = step_label ("identify");
  plan_record (&c, field_label (&copro_desc_plan, "outline"), NULL,
               copro_record_get_record (plan, "outline"), 0);

  c.step = step_label ("resources");
  section = field_label (&copro_desc_plan, "resources");
  plan_row (&c, section, _("Budget total (see the Budget sheet)"));
  put_money (&s, 3, budget_total (e->project), NULL);
  table_row_done (&s);
  plan_record (&c, section, NULL, resources, 0);

  c.step = step_label ("recruit");
  plan_record (&c, field_label (&copro_desc_project, "recruitment"), NULL,
               copro_record_get_record (e->project, "recruitment"), 0);
  plan_count_row (&c, field_label (&copro_desc_project, "recruitment"),
                  _("Partners in the register (see the Partners sheet)"),
                  copro_list_get_n_items (copro_record_get_list (e->project, "partners")));

  /* The principles hold for every step. */
  c.step = _("Principles (every step)");
  plan_record (&c, NULL, NULL, copro_record_get_record (plan, "principles"), 0);

  c.step = step_label ("co-design");
  section = field_label (&copro_desc_plan, "communications");
  for (guint i = 0; i < copro_list_get_n_items (communications); i++)
    {
      /* TRANSLATORS: numbers the communications of the plan, e.g. “Communication 2” */
      g_autofree char *prefix = g_strdup_printf (_("Communication %u"), i + 1);

      plan_record (&c, section, prefix, copro_list_get (communications, i), 1);
    }
  if (copro_list_get_n_items (communications) == 0)
    {
      plan_row (&c, section, section);
      put_text (&s, 3, _("None planned yet."), e->f_empty);
      table_row_done (&s);
    }

  c.step = step_label ("co-deliver");
  section = field_label (&copro_desc_plan, "delivery");
  plan_record (&c, section, NULL, delivery, 0);
  plan_count_row (&c, section, _("Actions (see the Actions sheet)"),
                  copro_list_get_n_items (copro_record_get_list (delivery, "actions")));

  c.step = step_label ("co-evaluate");
  plan_record (&c, field_label (&copro_desc_plan, "evaluation"), NULL,
               copro_record_get_record (plan, "evaluation"), 0);
  plan_record (&c, field_label (&copro_desc_project, "reflection"), NULL,
               copro_record_get_record (e->project, "reflection"), 0);

  table_end (&s, NULL, TRUE);
  end_sheet (&s);
  return tick (e, s.row);
}

/* Budget */

static gboolean
write_budget (Export *e)
{
  CoproRecord *resources = copro_record_lookup (e->project, "plan.resources");
  CoproList *lines = copro_record_get_list (resources, "budget_lines");
  guint n = copro_list_get_n_items (lines);
  g_autofree char *heading = sheet_heading (e, SHEET_BUDGET);
  g_autofree char *holder = NULL;
  g_autofree char *formula = NULL;
  char first[LXW_MAX_CELL_NAME_LENGTH], last[LXW_MAX_CELL_NAME_LENGTH];
  const Column columns[] = {
    { field_label (&copro_desc_budget_line, "cost_head"), 30 },
    { field_label (&copro_desc_budget_line, "description"), 60 },
    { field_label (&copro_desc_budget_line, "amount"), 20 },
    { field_label (&copro_desc_budget_line, "funding_source"), 40 },
    { field_label (&copro_desc_budget_line, "cost_code"), 20 },
  };
  Sheet s;

  begin_sheet (e, &s, SHEET_BUDGET, heading);
  if (copro_text_is_blank (copro_record_get_string (resources, "budget_holder")))
    holder = g_strdup (_("Budget holder: not named yet."));
  else
    /* TRANSLATORS: %s is the name of the budget holder */
    holder = g_strdup_printf (_("Budget holder: %s"), copro_record_get_string (resources, "budget_holder"));
  put_note (&s, holder, e->f_note);
  next_row (&s);

  table_header (&s, columns, G_N_ELEMENTS (columns));
  g_assert (s.row == BUDGET_FIRST_LINE_ROW);
  for (guint i = 0; i < n; i++)
    {
      CoproRecord *line = copro_list_get (lines, i);

      for (guint col = 0; col < G_N_ELEMENTS (columns); col++)
        put_field (&s, col, line, &copro_desc_budget_line.fields[col]);
      table_row_done (&s);
    }
  table_end (&s, _("There are no budget lines yet."), TRUE);

  /* A real total, for a manager who changes a line to see what if. */
  g_assert (s.row == budget_total_row (e->project));
  lxw_rowcol_to_cell (first, BUDGET_FIRST_LINE_ROW, BUDGET_AMOUNT_COLUMN);
  lxw_rowcol_to_cell (last, s.row - 1, BUDGET_AMOUNT_COLUMN);
  formula = g_strdup_printf ("=SUM(%s:%s)", first, last);
  put_text (&s, 0, _("Total"), e->f_total_label);
  check (e, worksheet_write_blank (s.ws, s.row, 1, e->f_total_label));
  note_width (&s, BUDGET_AMOUNT_COLUMN, money_width (budget_total (e->project)));
  check (e, worksheet_write_formula_num (s.ws, s.row, BUDGET_AMOUNT_COLUMN, formula, e->f_total_money,
                                         (double) budget_total (e->project) / 100.0));
  next_row (&s);
  end_sheet (&s);
  return tick (e, n + 1);
}

/* Partners */

static const char * const partner_keys[] = {
  "name", "organisation", "kind", "role", "sector", "email", "phone", "contact_method",
  "influence", "interest", NULL /* the map's quadrant */, "attitude", "level", "status",
  "access_needs", "access_notes", "language", "remuneration_eligible", "remuneration_offer",
  "remuneration_basis", "remuneration_rate", "lawful_basis", "consent_date", "privacy_notice",
  "review_date", "notes",
};

static double
partner_column_cap (const CoproField *field)
{
  if (field == NULL)
    return 20;
  switch (field->kind)
    {
    case COPRO_FIELD_TEXT:
      return 50;
    case COPRO_FIELD_FLAGS:
      return 40;
    default:
      return 32;
    }
}

static gboolean
write_partners (Export *e)
{
  CoproList *partners = copro_record_get_list (e->project, "partners");
  guint n = copro_list_get_n_items (partners);
  g_autofree char *heading = sheet_heading (e, SHEET_PARTNERS);
  const CoproField *fields[G_N_ELEMENTS (partner_keys)];
  guint indexes[G_N_ELEMENTS (partner_keys)];
  Column columns[G_N_ELEMENTS (partner_keys)];
  guint n_columns = 0;
  Sheet s;

  for (guint i = 0; i < G_N_ELEMENTS (partner_keys); i++)
    {
      const CoproField *field = partner_keys[i] != NULL
        ? copro_record_desc_find_field (&copro_desc_partner, partner_keys[i]) : NULL;

      if (field != NULL && field_is_personal (field) && !e->personal)
        continue;
      fields[n_columns] = field;
      indexes[n_columns] = field != NULL ? field_index (&copro_desc_partner, field) : 0;
      columns[n_columns].label = field != NULL ? g_dgettext (GETTEXT_PACKAGE, field->label) : _("Map quadrant");
      columns[n_columns].cap = partner_column_cap (field);
      n_columns++;
    }

  begin_sheet (e, &s, SHEET_PARTNERS, heading);
  put_note (&s, e->personal
            ? _("The partner register, with email addresses and phone numbers: store and share this workbook as personal data.")
            : _("The partner register. Email addresses and phone numbers are left out."),
            e->f_note);
  next_row (&s);
  table_header (&s, columns, n_columns);

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *partner = copro_list_get (partners, i);

      for (guint col = 0; col < n_columns; col++)
        {
          if (fields[col] != NULL)
            put_value (&s, col, partner, indexes[col], fields[col]);
          else
            put_text (&s, col, e->quadrants[copro_partner_get_quadrant (partner)], NULL);
        }
      table_row_done (&s);
      if (!tick (e, 1))
        return FALSE;
    }
  table_end (&s, _("There are no partners in the register yet."), TRUE);
  end_sheet (&s);
  return TRUE;
}

/* Partner summary */

/* The partner map of the project, drawn by the same code as the window's map,
 * on white (copro-partner-map.c says why it writes its own PNG). */
static GBytes *
draw_map (Export  *e,
          GError **error)
{
  g_autoptr(CoproPartnerMapLayout) layout =
    copro_partner_map_layout (copro_record_get_list (e->project, "partners"), MAP_WIDTH, MAP_HEIGHT);

  return copro_partner_map_layout_to_png (layout, error);
}

static gboolean
write_partner_summary (Export   *e,
                       GError  **error)
{
  CoproList *partners = copro_record_get_list (e->project, "partners");
  guint n = copro_list_get_n_items (partners);
  guint n_sectors = copro_enum_n_values (&copro_enum_sector);
  guint n_levels = copro_enum_n_values (&copro_enum_level);
  guint n_statuses = copro_enum_n_values (&copro_enum_partner_status);
  /* Each enumeration has one more slot, for “not set”. */
  g_autofree guint *by_level = g_new0 (guint, (n_sectors + 1) * (n_levels + 1));
  g_autofree guint *by_status = g_new0 (guint, (n_sectors + 1) * (n_statuses + 1));
  g_autofree guint *by_sector = g_new0 (guint, n_sectors + 1);
  g_autofree char *heading = sheet_heading (e, SHEET_PARTNER_SUMMARY);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) png = NULL;
  g_autofree Column *columns = NULL;
  g_autofree char *placed = NULL;
  lxw_image_options image = { 0 };
  guint sector_index = copro_record_desc_field_index (&copro_desc_partner, "sector");
  guint level_index = copro_record_desc_field_index (&copro_desc_partner, "level");
  guint status_index = copro_record_desc_field_index (&copro_desc_partner, "status");
  guint n_columns, n_placed = 0;
  lxw_col_t level_col, status_col;
  Sheet s;

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *partner = copro_list_get (partners, i);
      int sector = copro_enum_index (&copro_enum_sector, copro_record_get_string_at (partner, sector_index));
      int level = copro_enum_index (&copro_enum_level, copro_record_get_string_at (partner, level_index));
      int status = copro_enum_index (&copro_enum_partner_status, copro_record_get_string_at (partner, status_index));
      guint row = sector >= 0 ? (guint) sector : n_sectors;

      by_sector[row]++;
      by_level[row * (n_levels + 1) + (level >= 0 ? (guint) level : n_levels)]++;
      by_status[row * (n_statuses + 1) + (status >= 0 ? (guint) status : n_statuses)]++;
      if (copro_partner_get_quadrant (partner) != COPRO_QUADRANT_NONE)
        n_placed++;
    }

  /* Sector, partners, each level and “not set”, each status and “not set”. */
  n_columns = 2 + (n_levels + 1) + (n_statuses + 1);
  columns = g_new0 (Column, n_columns);
  columns[0].label = field_label (&copro_desc_partner, "sector");
  columns[0].cap = 40;
  columns[1].label = field_label (&copro_desc_project, "partners");
  columns[1].cap = 12;
  level_col = 2;
  for (guint i = 0; i <= n_levels; i++)
    {
      columns[level_col + i].label = i < n_levels ? copro_enum_label (&copro_enum_level, copro_enum_level.values[i].key)
                                                  : C_("level", "Not set");
      columns[level_col + i].cap = 14;
    }
  status_col = level_col + n_levels + 1;
  for (guint i = 0; i <= n_statuses; i++)
    {
      columns[status_col + i].label = i < n_statuses ? copro_enum_label (&copro_enum_partner_status,
                                                                          copro_enum_partner_status.values[i].key)
                                                     : C_("status", "Not set");
      columns[status_col + i].cap = 14;
    }

  begin_sheet (e, &s, SHEET_PARTNER_SUMMARY, heading);
  put_note (&s, _("How many partners there are in each sector, by intended level and by status. "
                  "The map below places them by influence and interest."), e->f_note);
  next_row (&s);

  /* A row naming the two groups of columns above the header. */
  check (e, worksheet_merge_range (s.ws, s.row, level_col, s.row, level_col + n_levels,
                                   field_label (&copro_desc_partner, "level"), e->f_header));
  check (e, worksheet_merge_range (s.ws, s.row, status_col, s.row, status_col + n_statuses,
                                   field_label (&copro_desc_partner, "status"), e->f_header));
  check (e, worksheet_write_blank (s.ws, s.row, 0, e->f_header));
  check (e, worksheet_write_blank (s.ws, s.row, 1, e->f_header));
  next_row (&s);
  table_header (&s, columns, n_columns);

  for (guint sector = 0; sector <= n_sectors; sector++)
    {
      put_text (&s, 0, sector < n_sectors ? copro_enum_label (&copro_enum_sector, copro_enum_sector.values[sector].key)
                                          : _("No sector"), NULL);
      put_number (&s, 1, by_sector[sector], NULL);
      for (guint i = 0; i <= n_levels; i++)
        put_number (&s, level_col + i, by_level[sector * (n_levels + 1) + i], NULL);
      for (guint i = 0; i <= n_statuses; i++)
        put_number (&s, status_col + i, by_status[sector * (n_statuses + 1) + i], NULL);
      table_row_done (&s);
    }
  table_end (&s, NULL, FALSE);
  worksheet_freeze_panes (s.ws, s.header_row + 1, 0);
  check (e, worksheet_repeat_rows (s.ws, s.header_row - 1, s.header_row));

  put_text (&s, 0, _("All sectors"), e->f_total_label);
  put_number (&s, 1, n, e->f_total_number);
  for (guint i = 0; i <= n_levels; i++)
    {
      guint total = 0;

      for (guint sector = 0; sector <= n_sectors; sector++)
        total += by_level[sector * (n_levels + 1) + i];
      put_number (&s, level_col + i, total, e->f_total_number);
    }
  for (guint i = 0; i <= n_statuses; i++)
    {
      guint total = 0;

      for (guint sector = 0; sector <= n_sectors; sector++)
        total += by_status[sector * (n_statuses + 1) + i];
      put_number (&s, status_col + i, total, e->f_total_number);
    }
  next_row (&s);
  next_row (&s);

  placed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The partner map: %u partner is on it, placed by influence and interest.",
                                         "The partner map: %u partners are on it, placed by influence and interest.",
                                         n_placed),
                            n_placed);
  put_note (&s, placed, e->f_section);
  next_row (&s);

  png = draw_map (e, error);
  if (png == NULL)
    return FALSE;
  image.description = (char *) _("The partner map: partners placed by influence and interest, coloured by sector.");
  check (e, worksheet_insert_image_buffer_opt (s.ws, s.row, 0, g_bytes_get_data (png, NULL),
                                               g_bytes_get_size (png), &image));
  end_sheet (&s);
  return tick (e, n_sectors + 4);
}

/* Terms of reference */

static gboolean
write_terms (Export *e)
{
  CoproRecord *terms = copro_record_get_record (e->project, "terms_of_reference");
  CoproList *members = copro_record_get_list (terms, "members");
  CoproList *partners = copro_record_get_list (e->project, "partners");
  g_autofree char *heading = sheet_heading (e, SHEET_TERMS);
  const Column columns[] = { { _("Item"), 40 }, { _("Detail"), 90 } };
  Sheet s;

  begin_sheet (e, &s, SHEET_TERMS, heading);
  put_note (&s, _("The group’s terms of reference, with its members."), e->f_note);
  next_row (&s);
  table_header (&s, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < copro_desc_terms.n_fields; i++)
    {
      const CoproField *field = &copro_desc_terms.fields[i];

      if (field->kind != COPRO_FIELD_LIST)
        {
          put_text (&s, 0, g_dgettext (GETTEXT_PACKAGE, field->label), NULL);
          put_field (&s, 1, terms, field);
          table_row_done (&s);
          continue;
        }

      for (guint j = 0; j < copro_list_get_n_items (members); j++)
        {
          CoproRecord *member = copro_list_get (members, j);
          const char *role = copro_record_get_string (member, "role");
          const char *id = copro_record_get_string (member, "partner");
          CoproRecord *partner = id != NULL ? copro_list_find_by_id (partners, id) : NULL;
          g_autofree char *item = NULL;
          g_autofree char *name = NULL;

          if (role != NULL)
            /* TRANSLATORS: a member of the group and their role, e.g. “Member: Chair” */
            item = g_strdup_printf (_("Member: %s"), copro_enum_label (&copro_enum_member_role, role));
          else
            item = g_strdup (C_("terms of reference", "Member"));
          name = partner != NULL ? copro_partner_dup_full_title (partner) : g_strdup (_("A partner no longer in the register"));
          put_text (&s, 0, item, NULL);
          put_text (&s, 1, name, NULL);
          table_row_done (&s);
        }
      if (copro_list_get_n_items (members) == 0)
        {
          put_text (&s, 0, g_dgettext (GETTEXT_PACKAGE, field->label), NULL);
          put_text (&s, 1, _("No members yet."), e->f_empty);
          table_row_done (&s);
        }
    }

  table_end (&s, NULL, TRUE);
  end_sheet (&s);
  return tick (e, s.row);
}

/* Activities and feedback */

static gboolean
write_activities (Export *e)
{
  CoproList *activities = copro_record_get_list (e->project, "activities");
  guint n = copro_list_get_n_items (activities);
  g_autofree char *heading = sheet_heading (e, SHEET_ACTIVITIES);
  static const char * const keys[] = {
    "title", "start_date", "end_date", "step", "method", "level_planned", "level_achieved",
    "facilitator", "participants", "cost", "adjustments", "what_worked", "what_to_change", "lessons",
  };
  Column columns[G_N_ELEMENTS (keys) + 2];
  Sheet s;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const CoproField *field = copro_record_desc_find_field (&copro_desc_activity, keys[i]);

      columns[i].label = g_dgettext (GETTEXT_PACKAGE, field->label);
      columns[i].cap = field->kind == COPRO_FIELD_TEXT ? 50 : 30;
    }
  columns[G_N_ELEMENTS (keys)].label = _("Feedback items");
  columns[G_N_ELEMENTS (keys)].cap = 12;
  columns[G_N_ELEMENTS (keys) + 1].label = _("Feedback still open");
  columns[G_N_ELEMENTS (keys) + 1].cap = 12;

  begin_sheet (e, &s, SHEET_ACTIVITIES, heading);
  put_note (&s, _("The log of involvement activities. Their feedback is on the Feedback sheet."), e->f_note);
  next_row (&s);
  table_header (&s, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);
      CoproList *feedback = copro_record_get_list (activity, "feedback");

      for (guint col = 0; col < G_N_ELEMENTS (keys); col++)
        put_field (&s, col, activity, copro_record_desc_find_field (&copro_desc_activity, keys[col]));
      put_number (&s, G_N_ELEMENTS (keys), copro_list_get_n_items (feedback), NULL);
      put_number (&s, G_N_ELEMENTS (keys) + 1, copro_activity_count_open_feedback (activity), NULL);
      table_row_done (&s);
      if (!tick (e, 1))
        return FALSE;
    }
  table_end (&s, _("No activities have been logged yet."), TRUE);
  end_sheet (&s);
  return TRUE;
}

static gboolean
write_feedback (Export *e)
{
  CoproList *activities = copro_record_get_list (e->project, "activities");
  g_autofree char *heading = sheet_heading (e, SHEET_FEEDBACK);
  const Column header[] = {
    { C_("feedback", "Activity"), 40 },
    { field_label (&copro_desc_feedback, "we_asked"), 45 },
    { field_label (&copro_desc_feedback, "you_said"), 50 },
    { field_label (&copro_desc_feedback, "we_did"), 50 },
    { field_label (&copro_desc_feedback, "status"), 16 },
    { field_label (&copro_desc_feedback, "reason"), 45 },
  };
  Sheet s;

  begin_sheet (e, &s, SHEET_FEEDBACK, heading);
  put_note (&s, _("We asked, you said, we did: the feedback from each activity and what became of it."), e->f_note);
  next_row (&s);
  table_header (&s, header, G_N_ELEMENTS (header));

  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);
      CoproList *feedback = copro_record_get_list (activity, "feedback");

      for (guint j = 0; j < copro_list_get_n_items (feedback); j++)
        {
          CoproRecord *item = copro_list_get (feedback, j);

          put_text (&s, 0, copro_record_get_string (activity, "title"), NULL);
          for (guint col = 1; col < G_N_ELEMENTS (header); col++)
            put_field (&s, col, item, &copro_desc_feedback.fields[col - 1]);
          table_row_done (&s);
          if (!tick (e, 1))
            return FALSE;
        }
    }
  table_end (&s, _("No feedback has been recorded yet."), TRUE);
  end_sheet (&s);
  return TRUE;
}

/* Risks */

static gboolean
write_risks (Export *e)
{
  CoproList *risks = copro_record_get_list (e->project, "risks");
  guint n = copro_list_get_n_items (risks);
  g_autofree char *heading = sheet_heading (e, SHEET_RISKS);
  const Column columns[] = {
    { field_label (&copro_desc_risk, "description"), 50 },
    { field_label (&copro_desc_risk, "likelihood"), 12 },
    { field_label (&copro_desc_risk, "impact"), 12 },
    { _("Score"), 10 },
    { _("Band"), 10 },
    { field_label (&copro_desc_risk, "owner"), 30 },
    { field_label (&copro_desc_risk, "mitigation"), 50 },
    { field_label (&copro_desc_risk, "status"), 14 },
  };
  /* Red from 15, amber from 8, green below, on the score of likelihood × impact. */
  const struct {
    guint8 criteria;
    double minimum, maximum;
  } bands[3] = {
    { LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO, COPRO_RISK_HIGH, 0 },
    { LXW_CONDITIONAL_CRITERIA_BETWEEN, COPRO_RISK_MEDIUM, COPRO_RISK_HIGH - 1 },
    { LXW_CONDITIONAL_CRITERIA_BETWEEN, 1, COPRO_RISK_MEDIUM - 1 },
  };
  Sheet s;

  begin_sheet (e, &s, SHEET_RISKS, heading);
  put_note (&s, _("Each risk’s score is its likelihood times its impact: 15 and over is high (red), "
                  "8 to 14 medium (amber), below 8 low (green)."), e->f_note);
  next_row (&s);
  table_header (&s, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *risk = copro_list_get (risks, i);
      int score = copro_risk_get_score (risk);

      put_field (&s, 0, risk, copro_record_desc_find_field (&copro_desc_risk, "description"));
      put_field (&s, 1, risk, copro_record_desc_find_field (&copro_desc_risk, "likelihood"));
      put_field (&s, 2, risk, copro_record_desc_find_field (&copro_desc_risk, "impact"));
      if (score > 0)
        {
          put_number (&s, 3, score, NULL);
          put_text (&s, 4, copro_risk_band_get_label (copro_risk_band_for_score (score)), NULL);
        }
      put_field (&s, 5, risk, copro_record_desc_find_field (&copro_desc_risk, "owner"));
      put_field (&s, 6, risk, copro_record_desc_find_field (&copro_desc_risk, "mitigation"));
      put_field (&s, 7, risk, copro_record_desc_find_field (&copro_desc_risk, "status"));
      table_row_done (&s);
    }
  table_end (&s, _("No risks have been recorded yet."), TRUE);

  if (n > 0)
    for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
      {
        lxw_conditional_format format = { 0 };

        format.type = LXW_CONDITIONAL_TYPE_CELL;
        format.criteria = bands[i].criteria;
        if (bands[i].criteria == LXW_CONDITIONAL_CRITERIA_BETWEEN)
          {
            format.min_value = bands[i].minimum;
            format.max_value = bands[i].maximum;
          }
        else
          format.value = bands[i].minimum;
        format.format = e->f_band[i];
        check (e, worksheet_conditional_format_range (s.ws, s.header_row + 1, 3, s.last_row, 3, &format));
      }
  end_sheet (&s);
  return tick (e, n);
}

/* Actions */

static gboolean
write_actions (Export *e)
{
  CoproList *actions = copro_record_get_list (copro_record_lookup (e->project, "plan.delivery"), "actions");
  guint n = copro_list_get_n_items (actions);
  g_autofree char *heading = sheet_heading (e, SHEET_ACTIONS);
  const Column columns[] = {
    { field_label (&copro_desc_action, "description"), 60 },
    { field_label (&copro_desc_action, "owner"), 30 },
    { field_label (&copro_desc_action, "due_date"), 12 },
    { field_label (&copro_desc_action, "status"), 16 },
  };
  Sheet s;

  begin_sheet (e, &s, SHEET_ACTIONS, heading);
  put_note (&s, _("The actions that deliver the plan."), e->f_note);
  next_row (&s);
  table_header (&s, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < n; i++)
    {
      CoproRecord *action = copro_list_get (actions, i);

      for (guint col = 0; col < G_N_ELEMENTS (columns); col++)
        put_field (&s, col, action, &copro_desc_action.fields[col]);
      table_row_done (&s);
    }
  table_end (&s, _("No actions have been planned yet."), TRUE);
  end_sheet (&s);
  return tick (e, n);
}

/* The workbook */

static void
add_formats (Export *e)
{
  lxw_workbook *wb = e->workbook;
  const char *date_format = "dd/mm/yyyy";
  const char *money_format = "£#,##0.00";
  struct {
    lxw_color_t fill, font;
  } bands[3] = {
    { 0xFFC7CE, 0x9C0006 }, /* red */
    { 0xFFEB9C, 0x9C5700 }, /* amber */
    { 0xC6EFCE, 0x006100 }, /* green */
  };

  e->f_title = workbook_add_format (wb);
  format_set_bold (e->f_title);
  format_set_font_size (e->f_title, 14);

  e->f_section = workbook_add_format (wb);
  format_set_bold (e->f_section);
  format_set_font_size (e->f_section, 12);

  e->f_note = workbook_add_format (wb);
  format_set_italic (e->f_note);
  format_set_font_color (e->f_note, 0x404040);

  e->f_empty = workbook_add_format (wb);
  format_set_italic (e->f_empty);
  format_set_font_color (e->f_empty, 0x595959);
  format_set_align (e->f_empty, LXW_ALIGN_VERTICAL_TOP);

  e->f_header = workbook_add_format (wb);
  format_set_bold (e->f_header);
  format_set_text_wrap (e->f_header);
  format_set_align (e->f_header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (e->f_header, 0xDDEBF7);
  format_set_bottom (e->f_header, LXW_BORDER_THIN);

  e->f_label = workbook_add_format (wb);
  format_set_bold (e->f_label);
  format_set_text_wrap (e->f_label);
  format_set_align (e->f_label, LXW_ALIGN_VERTICAL_TOP);

  e->f_text = workbook_add_format (wb);
  format_set_text_wrap (e->f_text);
  format_set_align (e->f_text, LXW_ALIGN_VERTICAL_TOP);

  e->f_date = workbook_add_format (wb);
  format_set_num_format (e->f_date, date_format);
  format_set_align (e->f_date, LXW_ALIGN_VERTICAL_TOP);

  e->f_money = workbook_add_format (wb);
  format_set_num_format (e->f_money, money_format);
  format_set_align (e->f_money, LXW_ALIGN_VERTICAL_TOP);

  e->f_number = workbook_add_format (wb);
  format_set_align (e->f_number, LXW_ALIGN_VERTICAL_TOP);

  e->f_total_label = workbook_add_format (wb);
  format_set_bold (e->f_total_label);
  format_set_top (e->f_total_label, LXW_BORDER_THIN);
  format_set_align (e->f_total_label, LXW_ALIGN_VERTICAL_TOP);

  e->f_total_money = workbook_add_format (wb);
  format_set_bold (e->f_total_money);
  format_set_top (e->f_total_money, LXW_BORDER_THIN);
  format_set_num_format (e->f_total_money, money_format);

  e->f_total_number = workbook_add_format (wb);
  format_set_bold (e->f_total_number);
  format_set_top (e->f_total_number, LXW_BORDER_THIN);

  /* The manager's cells: unlocked on a protected sheet, and yellow. */
  e->f_input_text = workbook_add_format (wb);
  format_set_unlocked (e->f_input_text);
  format_set_text_wrap (e->f_input_text);
  format_set_align (e->f_input_text, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (e->f_input_text, 0xFFF2CC);
  format_set_border (e->f_input_text, LXW_BORDER_THIN);
  format_set_border_color (e->f_input_text, 0xBFBFBF);

  e->f_input_date = workbook_add_format (wb);
  format_set_unlocked (e->f_input_date);
  format_set_num_format (e->f_input_date, date_format);
  format_set_align (e->f_input_date, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (e->f_input_date, 0xFFF2CC);
  format_set_border (e->f_input_date, LXW_BORDER_THIN);
  format_set_border_color (e->f_input_date, 0xBFBFBF);

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      e->f_band[i] = workbook_add_format (wb);
      format_set_bg_color (e->f_band[i], bands[i].fill);
      format_set_font_color (e->f_band[i], bands[i].font);
    }
}

/* The drop-down's labels. libxlsxwriter 1.1.4 overflows a buffer on UTF-8
 * in data-validation lists (fixed upstream in 1.1.5), and a list item may
 * hold no comma: a translation that is not plain ASCII falls back to the
 * English labels, and the recorded decisions use the same labels. */
static void
choose_decision_labels (Export *e)
{
  gboolean usable = TRUE;
  guint n = copro_enum_n_values (&copro_enum_decision);

  g_assert (n == 4);
  for (guint i = 0; i < n && usable; i++)
    {
      const char *label = copro_enum_label (&copro_enum_decision, copro_enum_decision.values[i].key);

      for (const char *p = label; *p != '\0' && usable; p++)
        if ((guchar) *p >= 0x80 || *p == ',' || *p == '"' || *p < 0x20)
          usable = FALSE;
      if (*label == '\0')
        usable = FALSE;
    }
  for (guint i = 0; i < n; i++)
    e->decisions[i] = usable ? copro_enum_label (&copro_enum_decision, copro_enum_decision.values[i].key)
                             : copro_enum_decision.values[i].label;
  e->decisions[n] = NULL;
}

static void
translate_labels (Export *e)
{
  e->yes = _("Yes");
  e->no = _("No");
  for (guint i = 0; i < G_N_ELEMENTS (e->quadrants); i++)
    e->quadrants[i] = copro_quadrant_get_label ((CoproQuadrant) i);
}

static void
choose_sheet_names (Export *e)
{
  for (guint i = 0; i < N_SHEETS; i++)
    {
      const char *name = g_dpgettext2 (GETTEXT_PACKAGE, "sheet name", sheet_names[i]);

      /* A translation Excel cannot use as a sheet name falls back to English. */
      if (workbook_validate_sheet_name (e->workbook, name) != LXW_NO_ERROR)
        name = sheet_names[i];
      for (guint j = 0; j < i; j++)
        if (g_str_equal (e->names[j], name))
          name = sheet_names[i];
      e->names[i] = g_strdup (name);
    }
}

static void
set_properties (Export *e)
{
  CoproRecord *overview = copro_record_get_record (e->project, "overview");
  g_autofree char *title = clean_line (copro_record_get_string (overview, "title"), 200);
  g_autofree char *author = clean_line (copro_record_get_string (overview, "lead_name"), 200);
  g_autofree char *manager = clean_line (copro_record_get_string (overview, "sponsor"), 200);
  g_autofree char *company = clean_line (copro_record_get_string (overview, "service_area"), 200);
  g_autofree char *keywords = clean_line (copro_record_get_string (overview, "reference"), 200);
  g_autofree char *comments = g_strdup_printf (_("Exported by Coproduce %s for sign-off."), PACKAGE_VERSION);
  lxw_doc_properties properties = { 0 };

  properties.title = title;
  properties.subject = (char *) _("Sign-off workbook of a co-production project");
  properties.author = author;
  properties.manager = manager;
  properties.company = company;
  properties.category = (char *) _("Co-production");
  properties.keywords = keywords;
  properties.comments = comments;
  properties.created = (time_t) g_date_time_to_unix (e->now);
  check (e, workbook_set_properties (e->workbook, &properties));
}

static void
make_header_footer (Export *e)
{
  CoproRecord *overview = copro_record_get_record (e->project, "overview");
  const char *title = copro_record_get_string (overview, "title");
  g_autofree char *line = clean_line (copro_text_is_blank (title) ? _("Untitled project") : title, 80);
  g_autofree char *escaped_title = escape_ampersands (line);
  g_autofree char *date = g_strdup_printf ("%02u/%02u/%04u", (guint) g_date_get_day (&e->today),
                                           (guint) g_date_get_month (&e->today),
                                           (guint) g_date_get_year (&e->today));
  /* TRANSLATORS: in the page footer; %s is a date such as 31/01/2027 */
  g_autofree char *exported = g_strdup_printf (_("Exported on %s"), date);
  g_autofree char *escaped_exported = escape_ampersands (exported);

  /* &A is the sheet's name, &P the page and &N the number of pages. */
  e->header = g_strdup_printf ("&L%s&R&A", escaped_title);
  /* TRANSLATORS: in the page footer; keep &P (this page) and &N (the number of pages) */
  e->footer = g_strdup_printf ("&L%s&R%s", escaped_exported, _("Page &P of &N"));
  if (g_utf8_strlen (e->footer, -1) > LXW_HEADER_FOOTER_MAX)
    {
      g_free (e->footer);
      e->footer = g_strdup_printf ("&L%s&RPage &P of &N", date);
    }
}

static void
count_work (Export *e)
{
  CoproList *activities = copro_record_get_list (e->project, "activities");

  e->work_total = copro_list_get_n_items (copro_record_get_list (e->project, "partners")) +
                  e->findings->len + 2 * copro_list_get_n_items (activities) + 200;
  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    e->work_total += copro_list_get_n_items (copro_record_get_list (copro_list_get (activities, i), "feedback"));
}

/* After a failure or a cancel: frees the workbook without writing it,
 * closing the temporary files that constant-memory mode keeps open. */
static void
discard_workbook (Export *e)
{
  lxw_worksheet *worksheet;

  LXW_FOREACH_WORKSHEET (worksheet, e->workbook)
    if (worksheet->optimize_tmpfile != NULL)
      {
        fclose (worksheet->optimize_tmpfile);
        worksheet->optimize_tmpfile = NULL;
        worksheet->file = NULL;
      }
  lxw_workbook_free (e->workbook);
  e->workbook = NULL;
}

/* libxlsxwriter's description of an error, without its full stop. */
static char *
describe_lxw_error (lxw_error status)
{
  char *text = g_strdup (lxw_strerror (status));
  gsize length = strlen (text);

  if (length > 0 && text[length - 1] == '.')
    text[length - 1] = '\0';
  return text;
}

static void
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *display_folder = g_filename_display_name (folder);
  g_autofree char *display_path = g_filename_display_name (path);

  switch (saved_errno)
    {
    case ENOENT:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("The folder “%s” does not exist."), display_folder);
      break;
    case ENOTDIR:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("“%s” is not a folder, so the workbook cannot be saved in it."), display_folder);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("You do not have permission to save files in the folder “%s”."), display_folder);
      break;
    case EROFS:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("The folder “%s” is on a disk that cannot be written to."), display_folder);
      break;
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("There is not enough space on the disk for the workbook in “%s”."), display_folder);
      break;
    case EFBIG:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("The workbook is larger than the disk or your account allows in “%s”."), display_folder);
      break;
    case EISDIR:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("“%s” is a folder: choose a file name for the workbook."), display_path);
      break;
    case ENAMETOOLONG:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("The name “%s” is too long for a file."), display_path);
      break;
    default:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("The workbook could not be saved as “%s”: %s."), display_path, g_strerror (saved_errno));
      break;
    }
}

static void
set_close_error (GError    **error,
                 lxw_error   status,
                 int         saved_errno,
                 const char *path)
{
  /* Compare by name: the numbers of lxw_error changed in 1.1.8. */
  switch (status)
    {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("There was not enough memory to write the workbook."));
      return;
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
      /* libxlsxwriter writes each part to a temporary file first. */
      if (saved_errno == EFBIG)
        set_write_error (error, saved_errno, path);
      else
        g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                     _("A temporary file could not be written in “%s”; the disk may be full."), g_get_tmp_dir ());
      return;
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
      if (saved_errno != 0)
        {
          set_write_error (error, saved_errno, path);
          return;
        }
      break;
    default:
      break;
    }
  {
    g_autofree char *what = describe_lxw_error (status);

    g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                 _("The workbook could not be written: %s."), what);
  }
}

static gboolean
write_workbook (Export      *e,
                const char  *temp_path,
                const char  *path,
                GError     **error)
{
  lxw_workbook_options options = { 0 };
  g_autofree char *tmpdir = g_strdup (g_get_tmp_dir ());
  GError *local_error = NULL;
  lxw_error status;
  gboolean ok;

  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir;
  e->workbook = workbook_new_opt (temp_path, &options);
  if (e->workbook == NULL)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("There was not enough memory to start the workbook."));
      return FALSE;
    }

  choose_sheet_names (e);
  for (guint i = 0; i < N_SHEETS; i++)
    {
      e->sheets[i] = workbook_add_worksheet (e->workbook, e->names[i]);
      if (e->sheets[i] == NULL)
        {
          discard_workbook (e);
          g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                       _("A temporary file could not be written in “%s”; the disk may be full."), tmpdir);
          return FALSE;
        }
    }
  add_formats (e);
  choose_decision_labels (e);
  translate_labels (e);
  make_header_footer (e);
  set_properties (e);

  log_time (e, "starting");
  ok = write_sign_off (e);
  log_time (e, "the Sign-off sheet");
  ok = ok && write_plan (e) && write_budget (e);
  log_time (e, "the Plan and Budget sheets");
  ok = ok && write_partners (e);
  log_time (e, "the Partners sheet");
  ok = ok && write_partner_summary (e, &local_error);
  log_time (e, "the Partner summary sheet and its map");
  ok = ok &&
       write_terms (e) &&
       write_activities (e) &&
       write_feedback (e) &&
       write_risks (e) &&
       write_actions (e);
  log_time (e, "the other sheets");

  if (!ok || e->cancelled || e->failure != LXW_NO_ERROR)
    {
      discard_workbook (e);
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else if (e->cancelled)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled."));
      else
        set_close_error (error, e->failure, e->failure_errno, path);
      return FALSE;
    }

  errno = 0;
  status = workbook_close (e->workbook);
  e->workbook = NULL;
  log_time (e, "closing (compressing) the workbook");
  if (status != LXW_NO_ERROR)
    {
      set_close_error (error, status, errno, path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sync_file (const char  *path,
           GError     **error,
           const char  *target)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      set_write_error (error, saved_errno, target);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* The rename is safe on disk once its folder is: best effort. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static char *
make_temp_template (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;

  /* A hidden name beside the target, short enough for any file system. */
  if (strlen (base) > 200)
    name = g_strdup (".coproduce-export.XXXXXX");
  else
    name = g_strdup_printf (".%s.XXXXXX", base);
  return g_build_filename (folder, name, NULL);
}

gboolean
copro_export_xlsx (CoproRecord               *project,
                   const char                *path,
                   const CoproExportOptions  *options,
                   GError                   **error)
{
  static const CoproExportOptions defaults = { 0 };
  g_autofree char *temp_path = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GDateTime) now = NULL;
  locale_t base, c_numeric, previous = (locale_t) 0;
  Export e = { 0 };
  gboolean ok;
  int fd;

  g_return_val_if_fail (COPRO_IS_RECORD (project), FALSE);
  g_return_val_if_fail (copro_record_get_desc (project) == &copro_desc_project, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_write_error (error, EISDIR, path);
      return FALSE;
    }

  now = options->now != NULL ? g_date_time_ref (options->now) : g_date_time_new_now_local ();
  e.project = project;
  e.personal = options->include_personal_data;
  e.options = options;
  e.now = now;
  g_date_clear (&e.today, 1);
  g_date_set_dmy (&e.today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));

  /* Reserve a name beside the target: the rename is then within one file
   * system, and a folder we cannot write to is found before any work. */
  temp_path = make_temp_template (path);
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, errno, path);
      return FALSE;
    }
  close (fd);

  report (&e, 0.0);
  e.started = g_get_monotonic_time ();
  e.labels = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  e.findings = copro_checks_run (project, &e.today);
  log_time (&e, "the checks");
  count_work (&e);

  /* libxlsxwriter prints numbers with the C library, which follows
   * LC_NUMERIC: a German locale would write 1,5 and Excel would refuse the
   * file. Only this thread's numbers change, and only while writing. */
  base = duplocale (uselocale ((locale_t) 0));
  c_numeric = base != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  if (c_numeric == (locale_t) 0 && base != (locale_t) 0)
    freelocale (base);
  if (c_numeric != (locale_t) 0)
    previous = uselocale (c_numeric);
  ok = write_workbook (&e, temp_path, path, error);
  if (c_numeric != (locale_t) 0)
    {
      uselocale (previous);
      freelocale (c_numeric);
    }

  folder = g_path_get_dirname (path);
  if (ok)
    ok = sync_file (temp_path, error, path);
  if (ok && g_rename (temp_path, path) != 0)
    {
      set_write_error (error, errno, path);
      ok = FALSE;
    }
  if (ok)
    sync_folder (folder);
  else
    g_unlink (temp_path);
  log_time (&e, "syncing and renaming");

  g_ptr_array_unref (e.findings);
  g_hash_table_unref (e.labels);
  g_free (e.header);
  g_free (e.footer);
  for (guint i = 0; i < N_SHEETS; i++)
    g_free (e.names[i]);

  if (ok)
    report (&e, 1.0);
  return ok;
}

/* In a thread */

typedef struct
{
  CoproRecord             *project;
  char                    *path;
  gboolean                 include_personal_data;
  CoproExportProgressFunc  progress;
  gpointer                 progress_data;
  GMainContext            *context;
  GTask                   *task;   /* unowned */
} ExportTask;

typedef struct
{
  GTask  *task;
  double  fraction;
} ProgressCall;

static void
export_task_free (ExportTask *data)
{
  g_clear_object (&data->project);
  g_free (data->path);
  g_main_context_unref (data->context);
  g_free (data);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  ProgressCall *call = user_data;
  ExportTask *data = g_task_get_task_data (call->task);

  if (!g_task_get_completed (call->task))
    data->progress (call->fraction, data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (ProgressCall *call)
{
  g_object_unref (call->task);
  g_free (call);
}

static void
on_thread_progress (double   fraction,
                    gpointer user_data)
{
  ExportTask *data = user_data;
  ProgressCall *call = g_new0 (ProgressCall, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  call->task = g_object_ref (data->task);
  call->fraction = fraction;
  /* Always a source on the caller's context, never g_main_context_invoke():
   * that runs the function right here, in the export's thread, whenever this
   * thread can acquire the context, which it can while the caller's thread is
   * between iterations (seen with GLib 2.84). */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_progress_cb, call, (GDestroyNotify) progress_call_free);
  g_source_set_static_name (source, "[coproduce] export progress");
  g_source_attach (source, data->context);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *data = task_data;
  CoproExportOptions options = { 0 };
  GError *error = NULL;

  options.include_personal_data = data->include_personal_data;
  options.cancellable = cancellable;
  if (data->progress != NULL)
    {
      options.progress = on_thread_progress;
      options.progress_data = data;
    }
  if (copro_export_xlsx (data->project, data->path, &options, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
copro_export_xlsx_async (CoproRecord             *project,
                         const char              *path,
                         gboolean                 include_personal_data,
                         CoproExportProgressFunc  progress,
                         gpointer                 progress_data,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *data;

  g_return_if_fail (COPRO_IS_RECORD (project));
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, copro_export_xlsx_async);
  data = g_new0 (ExportTask, 1);
  /* The thread reads a copy: the window may go on editing the original. */
  data->project = copro_record_copy (project);
  data->path = g_strdup (path);
  data->include_personal_data = include_personal_data;
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  data->task = task;
  g_task_set_task_data (task, data, (GDestroyNotify) export_task_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
copro_export_xlsx_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, copro_export_xlsx_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
