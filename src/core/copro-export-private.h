/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the three layers of the sign-off workbook share, as GNOME Text
 * Editor's editor-window-private.h does for its window:
 *
 * - copro-export-cells.c writes one cell, one row, one table at a time:
 *   text shown exactly as written, numbers, money, dates, a record's fields,
 *   and the frame of each sheet (heading, table header, filter, widths);
 * - copro-export-sheets.c writes the first ten sheets, one function each,
 *   and copro-export-contacts.c the Contacts sheet;
 * - copro-export.c makes the workbook: formats, names, properties, the
 *   temporary file, closing, syncing and renaming, and the thread.
 *
 * Nothing here is for other modules: they use copro-export.h.
 */

#include <glib.h>
#include <xlsxwriter.h>

#include "copro-export.h"
#include "copro-model.h"
#include "copro-partner-map.h"

G_BEGIN_DECLS

/* Excel holds at most 32,767 characters (UTF-16 code units) in a cell. */
#define EXCEL_MAX_TEXT 32767
#define MAX_COLUMNS 32
/* Rows of the approvals block left empty for the manager. */
#define N_BLANK_APPROVALS 5
#define MAP_WIDTH 960
#define MAP_HEIGHT 600
/* The timeline's picture on the Activities sheet, in pixels. */
#define TIMELINE_WIDTH 960
#define TIMELINE_MAX_HEIGHT 16000
/* One line of the workbook's 11-point font: Excel's default row, in points. */
#define LINE_HEIGHT 15.0
/* The tallest row Excel allows, in points. */
#define MAX_ROW_HEIGHT 409.0
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
  SHEET_CONTACTS,
  SHEET_ATTENDANCE,
  SHEET_PAYMENTS,
  N_SHEETS
};

G_STATIC_ASSERT (N_SHEETS == COPRO_EXPORT_N_SHEETS);

/* The Budget sheet: title, note, header, then the lines and the total. */
#define BUDGET_FIRST_LINE_ROW 3
#define BUDGET_AMOUNT_COLUMN 2
/* After the fields up to the cost code: what was spent (issue 14). */
#define BUDGET_SPENT_COLUMN 5

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
  double         row_height;   /* points the current row's wrapped text needs; 0: the default */
} Sheet;

/* copro-export-cells.c: progress and failures, text, cells, and the frame
 * of a sheet and its table */
void      _copro_export_report (Export *e,
                                double  fraction);
gboolean  _copro_export_tick (Export *e,
                              guint   n);
void      _copro_export_log_time (Export     *e,
                                  const char *what);
void      _copro_export_check (Export    *e,
                               lxw_error  status);
char     *_copro_export_clean_line (const char *text,
                                    glong       max);
char     *_copro_export_escape_ampersands (const char *text);
void      _copro_export_note_width (Sheet     *s,
                                    lxw_col_t  col,
                                    double     chars);
void      _copro_export_put_text (Sheet       *s,
                                  lxw_col_t    col,
                                  const char  *text,
                                  lxw_format  *format);
/* Row heights: how many lines @text wraps to in a column @width characters
 * wide (an upper bound, see copro-export-cells.c); and noting that @text in
 * column @col of the current row needs that many lines, for text not written
 * by _copro_export_put_text() (which does it for every wrapping format).
 * _copro_export_next_row() then sets the row's height. */
guint     _copro_export_count_lines (const char *text,
                                     double      width,
                                     gboolean    bold);
void      _copro_export_fit_row (Sheet       *s,
                                 lxw_col_t    col,
                                 const char  *text,
                                 lxw_format  *format);
void      _copro_export_put_note (Sheet       *s,
                                  const char  *text,
                                  lxw_format  *format);
void      _copro_export_put_number (Sheet      *s,
                                    lxw_col_t   col,
                                    double      value,
                                    lxw_format *format);
double    _copro_export_money_width (gint64 pence);
void      _copro_export_put_money (Sheet      *s,
                                   lxw_col_t   col,
                                   gint64      pence,
                                   lxw_format *format);
void      _copro_export_put_gdate (Sheet       *s,
                                   lxw_col_t    col,
                                   const GDate *date,
                                   lxw_format  *format);
void      _copro_export_put_date (Sheet      *s,
                                  lxw_col_t   col,
                                  const char *iso);
gboolean  _copro_export_field_is_personal (const CoproField *field);
guint     _copro_export_field_index (const CoproRecordDesc *desc,
                                     const CoproField      *field);
void      _copro_export_put_value (Sheet            *s,
                                   lxw_col_t         col,
                                   CoproRecord      *record,
                                   guint             index,
                                   const CoproField *field);
void      _copro_export_put_field (Sheet            *s,
                                   lxw_col_t         col,
                                   CoproRecord      *record,
                                   const CoproField *field);
const char *_copro_export_field_label (const CoproRecordDesc *desc,
                                      const char            *key);
void      _copro_export_next_row (Sheet *s);
void      _copro_export_begin_sheet (Export     *e,
                                     Sheet      *s,
                                     guint       index,
                                     const char *heading);
const char *_copro_export_project_title (Export *e);
char     *_copro_export_sheet_heading (Export     *e,
                                       guint       index);
void      _copro_export_table_header (Sheet        *s,
                                      const Column *columns,
                                      guint         n_columns);
void      _copro_export_table_row_done (Sheet *s);
void      _copro_export_table_end (Sheet      *s,
                                   const char *empty_message,
                                   gboolean    freeze);
void      _copro_export_end_sheet (Sheet *s);

/* copro-export-sheets.c: one function per sheet, FALSE once cancelled or failed */
gboolean  _copro_export_write_sign_off (Export *e);
gboolean  _copro_export_write_plan (Export *e);
gboolean  _copro_export_write_budget (Export *e);
gboolean  _copro_export_write_partners (Export *e);
gboolean  _copro_export_write_partner_summary (Export   *e,
                                               GError  **error);
gboolean  _copro_export_write_terms (Export *e);
gboolean  _copro_export_write_activities (Export *e);
gboolean  _copro_export_write_feedback (Export *e);
gboolean  _copro_export_write_risks (Export *e);
gboolean  _copro_export_write_actions (Export *e);

/* copro-export-contacts.c: the partners' contact logs (issue 14) */
gboolean  _copro_export_write_contacts (Export *e);
/* copro-export-attendance.c: attendance and payments (issue 14) */
gboolean  _copro_export_write_attendance (Export *e);
gboolean  _copro_export_write_payments (Export *e);
/* "Carer: 12; Council: 3", who took part over all activities, for Sign-off. */
char     *_copro_export_took_part_by_sector (Export *e);

G_END_DECLS
