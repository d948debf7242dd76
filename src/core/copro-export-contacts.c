/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Contacts sheet of the sign-off workbook (issue 14): partners' contact
 * logs. A contact's summary is personal data, and so is knowing who was
 * contacted: by default the sheet counts contacts by partner kind, sector
 * and how they were made, never naming anyone; with personal details it
 * lists every contact with the partner's name, each partner's newest first
 * (as the partner's timeline shows them).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "copro-activity.h"
#include "copro-contact.h"
#include "copro-export-private.h"
#include "copro-list.h"
#include "copro-partner.h"

/* An enumeration's value by its index, with the last index for “unset”. */
static guint
enum_slot (const CoproEnum *enumeration,
           const char      *key,
           guint            n_values)
{
  int index = copro_enum_index (enumeration, key);

  return index < 0 ? n_values : (guint) index;
}

static const char *
slot_label (const CoproEnum *enumeration,
            guint            slot,
            guint            n_values)
{
  /* TRANSLATORS: in the Contacts sheet, a kind, sector or method left blank */
  return slot == n_values ? _("Not recorded") : copro_enum_label (enumeration, enumeration->values[slot].key);
}

static void
write_counts (Export *e,
              Sheet  *s)
{
  CoproList *partners = copro_record_get_list (e->project, "partners");
  guint n = copro_list_get_n_items (partners);
  guint n_kinds = copro_enum_n_values (&copro_enum_partner_kind);
  guint n_sectors = copro_enum_n_values (&copro_enum_sector);
  guint n_methods = copro_enum_n_values (&copro_enum_contact_channel);
  guint n_cells = (n_kinds + 1) * (n_sectors + 1) * (n_methods + 1);
  g_autofree guint *contacts = g_new0 (guint, n_cells);
  g_autofree guint *partners_counted = g_new0 (guint, n_cells);
  g_autofree guint *last_partner = g_new0 (guint, n_cells);   /* partner index + 1 */
  guint kind_field = copro_record_desc_field_index (&copro_desc_partner, "kind");
  guint sector_field = copro_record_desc_field_index (&copro_desc_partner, "sector");
  guint method_field = copro_record_desc_field_index (&copro_desc_contact, "method");
  const Column columns[] = {
    { _copro_export_field_label (&copro_desc_partner, "kind"), 16 },
    { _copro_export_field_label (&copro_desc_partner, "sector"), 40 },
    { _copro_export_field_label (&copro_desc_contact, "method"), 16 },
    { _("Contacts"), 12 },
    { _("Partners contacted"), 12 },
  };

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *partner = copro_list_get (partners, i);
      CoproList *log = copro_partner_get_contacts (partner);
      guint n_contacts = copro_list_get_n_items (log);
      guint kind, sector;

      if (n_contacts == 0)
        continue;
      kind = enum_slot (&copro_enum_partner_kind, copro_record_get_string_at (partner, kind_field), n_kinds);
      sector = enum_slot (&copro_enum_sector, copro_record_get_string_at (partner, sector_field), n_sectors);
      for (guint j = 0; j < n_contacts; j++)
        {
          const char *method = copro_record_get_string_at (copro_list_get (log, j), method_field);
          guint cell = (kind * (n_sectors + 1) + sector) * (n_methods + 1) +
                       enum_slot (&copro_enum_contact_channel, method, n_methods);

          contacts[cell]++;
          if (last_partner[cell] != i + 1)
            {
              last_partner[cell] = i + 1;
              partners_counted[cell]++;
            }
        }
    }

  _copro_export_put_note (s, _("How many contacts were logged with partners, by kind of partner, sector and how "
                               "the contact was made. Names and summaries are left out."),
                          e->f_note);
  _copro_export_next_row (s);
  _copro_export_table_header (s, columns, G_N_ELEMENTS (columns));
  for (guint cell = 0; cell < n_cells; cell++)
    {
      guint method = cell % (n_methods + 1);
      guint sector = (cell / (n_methods + 1)) % (n_sectors + 1);
      guint kind = cell / ((n_methods + 1) * (n_sectors + 1));

      if (contacts[cell] == 0)
        continue;
      _copro_export_put_text (s, 0, slot_label (&copro_enum_partner_kind, kind, n_kinds), NULL);
      _copro_export_put_text (s, 1, slot_label (&copro_enum_sector, sector, n_sectors), NULL);
      _copro_export_put_text (s, 2, slot_label (&copro_enum_contact_channel, method, n_methods), NULL);
      _copro_export_put_number (s, 3, contacts[cell], NULL);
      _copro_export_put_number (s, 4, partners_counted[cell], NULL);
      _copro_export_table_row_done (s);
    }
}

static gboolean
write_each_contact (Export *e,
                    Sheet  *s)
{
  CoproList *partners = copro_record_get_list (e->project, "partners");
  guint n = copro_list_get_n_items (partners);
  const CoproRecordDesc *desc = &copro_desc_contact;
  const Column columns[] = {
    { _("Partner"), 40 },
    { _copro_export_field_label (desc, "date"), 12 },
    { _copro_export_field_label (desc, "method"), 14 },
    { _copro_export_field_label (desc, "made_by"), 24 },
    { _copro_export_field_label (desc, "summary"), 60 },
    { _copro_export_field_label (desc, "follow_up"), 12 },
    { _copro_export_field_label (desc, "activity"), 40 },
  };
  guint made_by = copro_record_desc_field_index (desc, "made_by");
  guint summary = copro_record_desc_field_index (desc, "summary");
  guint method = copro_record_desc_field_index (desc, "method");

  _copro_export_put_note (s, _("Every contact logged with each partner, newest first, with the partner’s name "
                               "and what was said: store and share this workbook as personal data."),
                          e->f_note);
  _copro_export_next_row (s);
  _copro_export_table_header (s, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < n; i++)
    {
      CoproRecord *partner = copro_list_get (partners, i);
      CoproList *log = copro_partner_get_contacts (partner);
      g_autoptr(GPtrArray) sorted = NULL;
      g_autofree char *name = NULL;

      if (copro_list_get_n_items (log) == 0)
        {
          if (!_copro_export_tick (e, 1))
            return FALSE;
          continue;
        }
      name = copro_partner_dup_full_title (partner);
      sorted = copro_contacts_sorted_newest_first (G_LIST_MODEL (log));
      for (guint j = 0; j < sorted->len; j++)
        {
          CoproRecord *contact = g_ptr_array_index (sorted, j);
          CoproRecord *activity;

          _copro_export_put_text (s, 0, name, NULL);
          _copro_export_put_date (s, 1, copro_contact_get_date (contact));
          _copro_export_put_value (s, 2, contact, method, &desc->fields[method]);
          _copro_export_put_value (s, 3, contact, made_by, &desc->fields[made_by]);
          _copro_export_put_value (s, 4, contact, summary, &desc->fields[summary]);
          _copro_export_put_date (s, 5, copro_contact_get_follow_up (contact));
          if (copro_contact_get_activity (contact) != NULL)
            {
              activity = copro_contact_find_activity (contact, e->project);
              _copro_export_put_text (s, 6, activity != NULL ? copro_activity_get_title (activity) :
                                                               copro_contact_get_missing_activity_title (), NULL);
            }
          _copro_export_table_row_done (s);
        }
      if (!_copro_export_tick (e, 1))
        return FALSE;
    }
  return TRUE;
}

gboolean
_copro_export_write_contacts (Export *e)
{
  g_autofree char *heading = _copro_export_sheet_heading (e, SHEET_CONTACTS);
  Sheet s;

  _copro_export_begin_sheet (e, &s, SHEET_CONTACTS, heading);
  if (e->personal)
    {
      if (!write_each_contact (e, &s))
        return FALSE;
    }
  else
    {
      write_counts (e, &s);
      if (!_copro_export_tick (e, copro_list_get_n_items (copro_record_get_list (e->project, "partners"))))
        return FALSE;
    }
  _copro_export_table_end (&s, _("No contacts with partners have been logged yet."), TRUE);
  _copro_export_end_sheet (&s);
  return TRUE;
}
