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

#include "copro-checks.h"
#include "copro-error.h"
#include "copro-export-private.h"
#include "copro-list.h"

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
  NC_("sheet name", "Contacts"),
  NC_("sheet name", "Attendance"),
  NC_("sheet name", "Payments"),
};

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
  format_set_align (e->f_total_money, LXW_ALIGN_VERTICAL_TOP);

  e->f_total_number = workbook_add_format (wb);
  format_set_bold (e->f_total_number);
  format_set_top (e->f_total_number, LXW_BORDER_THIN);
  format_set_align (e->f_total_number, LXW_ALIGN_VERTICAL_TOP);

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
  g_autofree char *title = _copro_export_clean_line (copro_record_get_string (overview, "title"), 200);
  g_autofree char *author = _copro_export_clean_line (copro_record_get_string (overview, "lead_name"), 200);
  g_autofree char *manager = _copro_export_clean_line (copro_record_get_string (overview, "sponsor"), 200);
  g_autofree char *company = _copro_export_clean_line (copro_record_get_string (overview, "service_area"), 200);
  g_autofree char *keywords = _copro_export_clean_line (copro_record_get_string (overview, "reference"), 200);
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
  _copro_export_check (e, workbook_set_properties (e->workbook, &properties));
}

static void
make_header_footer (Export *e)
{
  g_autofree char *line = _copro_export_clean_line (_copro_export_project_title (e), 80);
  g_autofree char *escaped_title = _copro_export_escape_ampersands (line);
  g_autofree char *date = g_strdup_printf ("%02u/%02u/%04u", (guint) g_date_get_day (&e->today),
                                           (guint) g_date_get_month (&e->today),
                                           (guint) g_date_get_year (&e->today));
  /* TRANSLATORS: in the page footer; %s is a date such as 31/01/2027 */
  g_autofree char *exported = g_strdup_printf (_("Exported on %s"), date);
  g_autofree char *escaped_exported = _copro_export_escape_ampersands (exported);

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

  /* The partners twice: the Partners sheet, then the Contacts sheet. */
  e->work_total = 2 * copro_list_get_n_items (copro_record_get_list (e->project, "partners")) +
                  e->findings->len + 2 * copro_list_get_n_items (activities) + 200;
  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    e->work_total += copro_list_get_n_items (copro_record_get_list (copro_list_get (activities, i), "feedback")) +
                     copro_list_get_n_items (copro_record_get_list (copro_list_get (activities, i), "attendance"));
  /* The Payments sheet: a row per payment, or per budget line. */
  e->work_total += copro_list_get_n_items (copro_record_get_list (copro_record_lookup (e->project, "plan.resources"), "payments")) +
                   copro_list_get_n_items (copro_record_get_list (copro_record_lookup (e->project, "plan.resources"), "budget_lines")) + 1;
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

  _copro_export_log_time (e, "starting");
  ok = _copro_export_write_sign_off (e);
  _copro_export_log_time (e, "the Sign-off sheet");
  ok = ok && _copro_export_write_plan (e) && _copro_export_write_budget (e);
  _copro_export_log_time (e, "the Plan and Budget sheets");
  ok = ok && _copro_export_write_partners (e);
  _copro_export_log_time (e, "the Partners sheet");
  ok = ok && _copro_export_write_partner_summary (e, &local_error);
  _copro_export_log_time (e, "the Partner summary sheet and its map");
  ok = ok &&
       _copro_export_write_terms (e) &&
       _copro_export_write_activities (e) &&
       _copro_export_write_feedback (e) &&
       _copro_export_write_risks (e) &&
       _copro_export_write_actions (e) &&
       _copro_export_write_attendance (e) &&
       _copro_export_write_payments (e);
  _copro_export_log_time (e, "the other sheets");
  ok = ok && _copro_export_write_contacts (e);
  _copro_export_log_time (e, "the Contacts sheet");

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
  _copro_export_log_time (e, "closing (compressing) the workbook");
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

  _copro_export_report (&e, 0.0);
  e.started = g_get_monotonic_time ();
  e.labels = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  e.findings = copro_checks_run (project, &e.today);
  _copro_export_log_time (&e, "the checks");
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
  _copro_export_log_time (&e, "syncing and renaming");

  g_ptr_array_unref (e.findings);
  g_hash_table_unref (e.labels);
  g_free (e.header);
  g_free (e.footer);
  for (guint i = 0; i < N_SHEETS; i++)
    g_free (e.names[i]);

  if (ok)
    _copro_export_report (&e, 1.0);
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

