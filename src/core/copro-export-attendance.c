/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The workbook's Attendance and Payments sheets (issue 14). Without personal
 * details they carry counts and sums only, never a name: for each activity,
 * how many were invited, took part or sent apologies, and who took part by
 * sector; for each budget line, how many payments and what they add up to.
 * With personal details, one row per person.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "copro-activity.h"
#include "copro-budget.h"
#include "copro-export-private.h"
#include "copro-list.h"
#include "copro-partner.h"
#include "copro-payment.h"

static const char *
partner_name (CoproList  *partners,
              const char *id)
{
  CoproRecord *partner = id != NULL ? copro_list_find_by_id (partners, id) : NULL;

  if (partner != NULL)
    return copro_partner_get_title (partner);
  return id != NULL ? copro_partner_get_missing_title () : "";
}

/* The table's end; an empty one says so, in a first column wide enough. */
static void
end_table (Sheet      *s,
           gboolean    empty,
           const char *message)
{
  if (empty)
    _copro_export_note_width (s, 0, (double) g_utf8_strlen (message, -1));
  _copro_export_table_end (s, message, TRUE);
}

/* Attendance */

static gboolean
write_attendance_counts (Export *e,
                         Sheet  *s)
{
  CoproList *activities = copro_record_get_list (e->project, "activities");
  CoproList *partners = copro_record_get_list (e->project, "partners");
  guint n_sectors = copro_enum_n_values (&copro_enum_sector);
  g_autofree guint *by_sector = g_new0 (guint, n_sectors + 1);
  guint by_kind[3];
  g_autofree Column *columns = g_new0 (Column, 5 + n_sectors + 1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n_columns = 0, n_rows = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (by_kind) >= 3);
  columns[n_columns++] = (Column) { C_("attendance", "Activity"), 40 };
  columns[n_columns++] = (Column) { _copro_export_field_label (&copro_desc_activity, "start_date"), 14 };
  columns[n_columns++] = (Column) { _("Invited"), 12 };
  columns[n_columns++] = (Column) { _("Took part"), 12 };
  columns[n_columns++] = (Column) { _("Sent apologies"), 12 };
  for (guint i = 0; i < n_sectors; i++)
    /* TRANSLATORS: a column of the Attendance sheet: how many of a sector took part, e.g. "Took part: Carer" */
    {
      char *label = g_strdup_printf (_("Took part: %s"),
                                     copro_enum_label (&copro_enum_sector, copro_enum_sector.values[i].key));

      g_ptr_array_add (labels, label);
      columns[n_columns++] = (Column) { label, 16 };
    }
  columns[n_columns++] = (Column) { _("Took part: sector not set"), 16 };

  _copro_export_put_note (s, _("How many people were invited to each activity, took part or sent apologies, and who "
                               "took part by sector: whether the people the project affects were in the room. "
                               "No names: they are shown only when personal details are included."), e->f_note);
  _copro_export_next_row (s);
  _copro_export_table_header (s, columns, n_columns);
  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);

      if (!copro_activity_has_attendance (activity))
        continue;
      copro_activity_count_took_part (activity, partners, by_sector, by_kind);
      _copro_export_put_text (s, 0, copro_activity_get_title (activity), NULL);
      _copro_export_put_date (s, 1, copro_record_get_string (activity, "start_date"));
      _copro_export_put_number (s, 2, copro_activity_count_attendance (activity, "invited"), NULL);
      _copro_export_put_number (s, 3, copro_activity_count_attendance (activity, "took-part"), NULL);
      _copro_export_put_number (s, 4, copro_activity_count_attendance (activity, "apologies"), NULL);
      for (guint k = 0; k <= n_sectors; k++)
        _copro_export_put_number (s, 5 + k, by_sector[k], NULL);
      _copro_export_table_row_done (s);
      n_rows++;
      if (!_copro_export_tick (e, 1))
        return FALSE;
    }
  end_table (s, n_rows == 0, _("No attendance has been recorded yet."));
  return TRUE;
}

static gboolean
write_attendance_people (Export *e,
                         Sheet  *s)
{
  CoproList *activities = copro_record_get_list (e->project, "activities");
  CoproList *partners = copro_record_get_list (e->project, "partners");
  const Column columns[] = {
    { C_("attendance", "Activity"), 40 },
    { _copro_export_field_label (&copro_desc_activity, "start_date"), 14 },
    { _copro_export_field_label (&copro_desc_attendance, "partner"), 36 },
    { _copro_export_field_label (&copro_desc_partner, "sector"), 30 },
    { _copro_export_field_label (&copro_desc_partner, "kind"), 16 },
    { _copro_export_field_label (&copro_desc_attendance, "status"), 16 },
  };

  guint n_rows = 0;

  _copro_export_put_note (s, _("Who was invited to each activity, took part or sent apologies. This sheet names "
                               "people: store and share the workbook as personal data."), e->f_note);
  _copro_export_next_row (s);
  _copro_export_table_header (s, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);
      CoproList *attendance = copro_record_get_list (activity, "attendance");

      for (guint j = 0; j < copro_list_get_n_items (attendance); j++)
        {
          CoproRecord *item = copro_list_get (attendance, j);
          const char *id = copro_record_get_string (item, "partner");
          CoproRecord *partner = id != NULL ? copro_list_find_by_id (partners, id) : NULL;

          _copro_export_put_text (s, 0, copro_activity_get_title (activity), NULL);
          _copro_export_put_date (s, 1, copro_record_get_string (activity, "start_date"));
          _copro_export_put_text (s, 2, partner_name (partners, id), NULL);
          if (partner != NULL)
            {
              _copro_export_put_field (s, 3, partner, copro_record_desc_find_field (&copro_desc_partner, "sector"));
              _copro_export_put_field (s, 4, partner, copro_record_desc_find_field (&copro_desc_partner, "kind"));
            }
          _copro_export_put_field (s, 5, item, copro_record_desc_find_field (&copro_desc_attendance, "status"));
          _copro_export_table_row_done (s);
          n_rows++;
          if (!_copro_export_tick (e, 1))
            return FALSE;
        }
    }
  end_table (s, n_rows == 0, _("No attendance has been recorded yet."));
  return TRUE;
}

gboolean
_copro_export_write_attendance (Export *e)
{
  g_autofree char *heading = _copro_export_sheet_heading (e, SHEET_ATTENDANCE);
  Sheet s;

  _copro_export_begin_sheet (e, &s, SHEET_ATTENDANCE, heading);
  if (!(e->personal ? write_attendance_people (e, &s) : write_attendance_counts (e, &s)))
    return FALSE;
  _copro_export_end_sheet (&s);
  return TRUE;
}

/* Payments */

static gboolean
write_payment_sums (Export *e,
                    Sheet  *s)
{
  CoproList *lines = copro_budget_get_lines (e->project);
  CoproList *payments = copro_payments_get (e->project);
  guint line_field = copro_record_desc_field_index (&copro_desc_payment, "budget_line");
  guint kind_field = copro_record_desc_field_index (&copro_desc_payment, "kind");
  guint amount_field = copro_record_desc_field_index (&copro_desc_payment, "amount");
  guint n_lines = copro_list_get_n_items (lines);
  /* Per line, and one more for no line: count, time, expenses. */
  g_autofree guint *counts = g_new0 (guint, n_lines + 1);
  g_autofree gint64 *time = g_new0 (gint64, n_lines + 1);
  g_autofree gint64 *expenses = g_new0 (gint64, n_lines + 1);
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  const Column columns[] = {
    { _copro_export_field_label (&copro_desc_payment, "budget_line"), 50 },
    { _("Payments"), 12 },
    { _("Payment for time"), 18 },
    { _("Expenses claimed"), 18 },
    { _("Total paid"), 18 },
  };

  for (guint i = 0; i < n_lines; i++)
    g_hash_table_insert (positions, (gpointer) copro_record_get_id (copro_list_get (lines, i)), GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < copro_list_get_n_items (payments); i++)
    {
      CoproRecord *payment = copro_list_get (payments, i);
      const char *id = copro_record_get_string_at (payment, line_field);
      guint position = id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (positions, id)) : 0;
      guint at = position > 0 ? position - 1 : n_lines;
      gint64 amount = copro_record_get_money_at (payment, amount_field);

      counts[at]++;
      if (g_strcmp0 (copro_record_get_string_at (payment, kind_field), "expenses") == 0)
        expenses[at] += amount;
      else
        time[at] += amount;
    }

  _copro_export_put_note (s, _("What has been paid for people’s time and expenses, by budget line. No names: "
                               "payments are shown one by one only when personal details are included."), e->f_note);
  _copro_export_next_row (s);
  _copro_export_table_header (s, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i <= n_lines && copro_list_get_n_items (payments) > 0; i++)
    {
      g_autofree char *title = NULL;

      if (counts[i] == 0)
        continue;
      if (i < n_lines)
        {
          CoproRecord *line = copro_list_get (lines, i);
          const char *description = copro_record_get_string (line, "description");

          title = g_strdup (!copro_text_is_blank (description) ? description
                            : copro_enum_label (&copro_enum_cost_head, copro_record_get_string (line, "cost_head")));
        }
      else
        title = g_strdup (_("No budget line"));
      _copro_export_put_text (s, 0, title, NULL);
      _copro_export_put_number (s, 1, counts[i], NULL);
      _copro_export_put_money (s, 2, time[i], NULL);
      _copro_export_put_money (s, 3, expenses[i], NULL);
      _copro_export_put_money (s, 4, time[i] + expenses[i], NULL);
      _copro_export_table_row_done (s);
    }
  end_table (s, copro_list_get_n_items (payments) == 0, _("No payments or expenses have been recorded yet."));
  return _copro_export_tick (e, n_lines + 1);
}

static gboolean
write_payment_people (Export *e,
                      Sheet  *s)
{
  CoproList *payments = copro_payments_get (e->project);
  CoproList *partners = copro_record_get_list (e->project, "partners");
  CoproList *activities = copro_record_get_list (e->project, "activities");
  CoproList *lines = copro_budget_get_lines (e->project);
  const Column columns[] = {
    { _copro_export_field_label (&copro_desc_payment, "partner"), 36 },
    { _copro_export_field_label (&copro_desc_payment, "activity"), 36 },
    { _copro_export_field_label (&copro_desc_payment, "kind"), 20 },
    { _copro_export_field_label (&copro_desc_payment, "amount"), 16 },
    { _copro_export_field_label (&copro_desc_payment, "paid"), 14 },
    { _copro_export_field_label (&copro_desc_payment, "method"), 16 },
    { _copro_export_field_label (&copro_desc_payment, "budget_line"), 40 },
    { _copro_export_field_label (&copro_desc_payment, "note"), 40 },
  };

  _copro_export_put_note (s, _("Each payment for time and each expense claimed. This sheet names people: store and "
                               "share the workbook as personal data."), e->f_note);
  _copro_export_next_row (s);
  _copro_export_table_header (s, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < copro_list_get_n_items (payments); i++)
    {
      CoproRecord *payment = copro_list_get (payments, i);
      CoproRecord *activity = copro_list_find_by_id (activities, copro_record_get_string (payment, "activity"));
      CoproRecord *line = copro_list_find_by_id (lines, copro_record_get_string (payment, "budget_line"));

      _copro_export_put_text (s, 0, partner_name (partners, copro_record_get_string (payment, "partner")), NULL);
      if (activity != NULL)
        _copro_export_put_text (s, 1, copro_activity_get_title (activity), NULL);
      _copro_export_put_field (s, 2, payment, copro_record_desc_find_field (&copro_desc_payment, "kind"));
      _copro_export_put_field (s, 3, payment, copro_record_desc_find_field (&copro_desc_payment, "amount"));
      _copro_export_put_field (s, 4, payment, copro_record_desc_find_field (&copro_desc_payment, "paid"));
      _copro_export_put_field (s, 5, payment, copro_record_desc_find_field (&copro_desc_payment, "method"));
      _copro_export_put_text (s, 6, line != NULL ? copro_record_get_string (line, "description") : _("No budget line"), NULL);
      _copro_export_put_field (s, 7, payment, copro_record_desc_find_field (&copro_desc_payment, "note"));
      _copro_export_table_row_done (s);
      if (!_copro_export_tick (e, 1))
        return FALSE;
    }
  end_table (s, copro_list_get_n_items (payments) == 0, _("No payments or expenses have been recorded yet."));
  return TRUE;
}

gboolean
_copro_export_write_payments (Export *e)
{
  g_autofree char *heading = _copro_export_sheet_heading (e, SHEET_PAYMENTS);
  Sheet s;

  _copro_export_begin_sheet (e, &s, SHEET_PAYMENTS, heading);
  if (!(e->personal ? write_payment_people (e, &s) : write_payment_sums (e, &s)))
    return FALSE;
  _copro_export_end_sheet (&s);
  return TRUE;
}

char *
_copro_export_took_part_by_sector (Export *e)
{
  CoproList *activities = copro_record_get_list (e->project, "activities");
  CoproList *partners = copro_record_get_list (e->project, "partners");
  guint n_sectors = copro_enum_n_values (&copro_enum_sector);
  g_autofree guint *by_sector = g_new0 (guint, n_sectors + 1);
  g_autofree guint *sums = g_new0 (guint, n_sectors + 1);
  guint by_kind[3];
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    {
      copro_activity_count_took_part (copro_list_get (activities, i), partners, by_sector, by_kind);
      for (guint k = 0; k <= n_sectors; k++)
        sums[k] += by_sector[k];
    }
  for (guint k = 0; k <= n_sectors; k++)
    {
      if (sums[k] == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      /* TRANSLATORS: a sector and how many times people of it took part, e.g. "Carer: 12" */
      g_string_append_printf (out, _("%s: %u"),
                              k < n_sectors ? copro_enum_label (&copro_enum_sector, copro_enum_sector.values[k].key)
                                            : _("sector not set"),
                              sums[k]);
    }
  if (out->len == 0)
    g_string_append (out, _("No attendance has been recorded yet."));
  return g_string_free (out, FALSE);
}
