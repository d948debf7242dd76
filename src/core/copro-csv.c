/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "copro-csv.h"
#include "copro-error.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"

/* Header names (case-insensitive) and the partner field each fills. */
static const struct
{
  const char *header;
  const char *field;
} column_names[] = {
  { "name", "name" },
  { "organisation", "organisation" },
  { "organization", "organisation" },
  { "role", "role" },
  { "sector", "sector" },
  { "email", "email" },
  { "phone", "phone" },
  { "influence", "influence" },
  { "interest", "interest" },
  { "attitude", "attitude" },
  { "level", "level" },
  { "status", "status" },
  { "accessibility needs", "access_needs" },
  { "language", "language" },
  { "notes", "notes" },
  { "kind", "kind" },
};

typedef struct
{
  const char *p;
  const char *end;
  guint       line;   /* line where the next record starts */
} Reader;

/* Reads one record into @fields. Returns FALSE at the end of the data. */
static gboolean
read_record (Reader     *reader,
             GPtrArray  *fields,
             gboolean   *ok,
             GError    **error)
{
  GString *field = g_string_new (NULL);
  guint start_line = reader->line;

  *ok = TRUE;
  g_ptr_array_set_size (fields, 0);
  if (reader->p >= reader->end)
    {
      g_string_free (field, TRUE);
      return FALSE;
    }

  for (;;)
    {
      if (reader->p < reader->end && *reader->p == '"')
        {
          reader->p++;
          for (;;)
            {
              if (reader->p >= reader->end)
                {
                  g_set_error (error, COPRO_ERROR, COPRO_ERROR_CSV,
                               _("A quoted field that starts on line %u is never closed."), start_line);
                  *ok = FALSE;
                  g_string_free (field, TRUE);
                  return TRUE;
                }
              if (*reader->p == '"')
                {
                  if (reader->p + 1 < reader->end && reader->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      reader->p += 2;
                      continue;
                    }
                  reader->p++;
                  break;
                }
              if (*reader->p == '\n')
                reader->line++;
              g_string_append_c (field, *reader->p++);
            }
          if (reader->p < reader->end && *reader->p != ',' && *reader->p != '\n' && *reader->p != '\r')
            {
              g_set_error (error, COPRO_ERROR, COPRO_ERROR_CSV,
                           _("Line %u has text straight after a closing quote; a quote inside a quoted field is written twice (\"\")."),
                           reader->line);
              *ok = FALSE;
              g_string_free (field, TRUE);
              return TRUE;
            }
        }
      else
        {
          while (reader->p < reader->end && *reader->p != ',' && *reader->p != '\n' && *reader->p != '\r')
            g_string_append_c (field, *reader->p++);
        }

      g_ptr_array_add (fields, g_strndup (field->str, field->len));
      g_string_truncate (field, 0);

      if (reader->p >= reader->end)
        break;
      if (*reader->p == ',')
        {
          reader->p++;
          continue;
        }
      /* End of record: CRLF, LF or a lone CR. */
      if (*reader->p == '\r')
        reader->p++;
      if (reader->p < reader->end && *reader->p == '\n')
        reader->p++;
      reader->line++;
      break;
    }

  g_string_free (field, TRUE);
  return TRUE;
}

/* A cell as a message quotes it: one line, whatever the file holds. Runs of
 * spaces, line breaks and other control characters become one space, and a
 * cell longer than 50 characters is cut short with an ellipsis, so that every
 * message stays one sentence on one line. The data has been checked to be
 * UTF-8 before. */
#define CELL_IN_MESSAGE_MAX 50

static char *
cell_for_message (const char *cell)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  guint n = 0;

  for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Spaces and separators (U+2028 and U+2029 among them), and controls:
       * CR, LF, tab, vertical tab, NEL and the rest. */
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = out->len > 0;
          continue;
        }
      if (n + (space ? 1 : 0) >= CELL_IN_MESSAGE_MAX)
        {
          g_string_append (out, "…");
          break;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          n++;
          space = FALSE;
        }
      g_string_append_unichar (out, c);
      n++;
    }
  return g_string_free (out, FALSE);
}

static gboolean
record_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *copy = g_strdup (g_ptr_array_index (fields, i));

      if (*g_strstrip (copy) != '\0')
        return FALSE;
    }
  return TRUE;
}

static void
add_problem (CoproCsvImport *self,
             guint           row,
             char           *reason)
{
  CoproCsvProblem *problem = g_new0 (CoproCsvProblem, 1);

  problem->row = row;
  problem->reason = reason;
  g_ptr_array_add (self->problems, problem);
}

static void
problem_free (CoproCsvProblem *problem)
{
  g_free (problem->reason);
  g_free (problem);
}

/* Fills one partner field from a cell; returns a reason on failure. */
static char *
set_cell (CoproRecord *partner,
          const char  *key,
          const char  *header,
          const char  *raw)
{
  const CoproField *field = copro_record_desc_find_field (&copro_desc_partner, key);
  g_autofree char *text = g_strstrip (g_strdup (raw));
  g_autofree char *header_shown = NULL;
  g_autofree char *text_shown = NULL;

  if (*text == '\0')
    return NULL;

  switch (field->kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_TEXT:
      copro_record_set_string (partner, key, text);
      return NULL;

    case COPRO_FIELD_EMAIL:
      if (!copro_email_looks_valid (text))
        {
          text_shown = cell_for_message (text);
          return g_strdup_printf (_("the email address “%s” is not valid"), text_shown);
        }
      copro_record_set_string (partner, key, text);
      return NULL;

    case COPRO_FIELD_INT:
      {
        guint64 n = 0;

        if (!g_ascii_string_to_unsigned (text, 10, (guint64) field->min, (guint64) field->max, &n, NULL))
          {
            header_shown = cell_for_message (header);
            text_shown = cell_for_message (text);
            /* TRANSLATORS: the column, the value, then the range */
            return g_strdup_printf (_("the %s “%s” is not a whole number from %d to %d"),
                                    header_shown, text_shown, field->min, field->max);
          }
        copro_record_set_int (partner, key, (int) n);
        return NULL;
      }

    case COPRO_FIELD_ENUM:
      {
        const char *match = copro_enum_match (field->enumeration, text);

        if (match == NULL)
          {
            header_shown = cell_for_message (header);
            text_shown = cell_for_message (text);
            /* TRANSLATORS: the column, then the value */
            return g_strdup_printf (_("the %s “%s” is not one this version knows"), header_shown, text_shown);
          }
        copro_record_set_string (partner, key, match);
        return NULL;
      }

    case COPRO_FIELD_FLAGS:
      {
        /* Needs are separated by semicolons; words that name no known need
         * are kept as free text in "Other needs", not dropped. */
        g_auto(GStrv) parts = g_strsplit (text, ";", -1);
        g_autoptr(GPtrArray) flags = g_ptr_array_new ();
        g_autoptr(GString) other = g_string_new (NULL);

        for (guint i = 0; parts[i] != NULL; i++)
          {
            const char *part = g_strstrip (parts[i]);
            const char *match;

            if (*part == '\0')
              continue;
            match = copro_enum_match (field->enumeration, part);
            if (match == NULL)
              g_string_append_printf (other, "%s%s", other->len > 0 ? "; " : "", part);
            else if (!g_ptr_array_find_with_equal_func (flags, match, g_str_equal, NULL))
              g_ptr_array_add (flags, (gpointer) match);
          }
        g_ptr_array_add (flags, NULL);
        copro_record_set_flags (partner, key, (const char * const *) flags->pdata);
        if (other->len > 0)
          copro_record_set_string (partner, "access_notes", other->str);
        return NULL;
      }

    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* The checks of a whole file, before any row: a byte order mark is
 * skipped; binary data and text that is not UTF-8 are refused. */
static gboolean
check_data (const char **data_inout,
            gsize       *length_inout,
            GError     **error)
{
  const char *data = *data_inout;
  gsize length = *length_inout;
  const char *bad = NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_CSV, _("The file is not a CSV file: it holds binary data."));
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, &bad))
    {
      guint line = 1;

      for (const char *p = data; p < bad; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_CSV,
                   _("The CSV file is not UTF-8 text: line %u has bytes that are not valid, so save the file from your spreadsheet as “CSV UTF-8”."),
                   line);
      return FALSE;
    }
  *data_inout = data;
  *length_inout = length;
  return TRUE;
}

CoproCsvImport *
copro_csv_import_new_from_data (const char  *data,
                                gsize        length,
                                GError     **error)
{
  g_autoptr(CoproCsvImport) self = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  gboolean has_name = FALSE;
  Reader reader;
  guint row;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!check_data (&data, &length, error))
    return NULL;

  self = g_new0 (CoproCsvImport, 1);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_ptr_array_new ();
  self->partners = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);

  reader.p = data;
  reader.end = data + length;
  reader.line = 1;

  /* The header: the first record that is not blank. */
  do
    {
      if (!read_record (&reader, fields, &ok, error))
        {
          g_set_error (error, COPRO_ERROR, COPRO_ERROR_CSV, _("The CSV file is empty."));
          return NULL;
        }
      if (!ok)
        return NULL;
    }
  while (record_is_blank (fields));

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (fields, i), -1);
      const char *key = NULL;

      g_strstrip (folded);
      for (guint j = 0; j < G_N_ELEMENTS (column_names); j++)
        if (g_str_equal (folded, column_names[j].header))
          key = column_names[j].field;
      for (guint j = 0; key != NULL && j < self->columns->len; j++)
        if (g_strcmp0 (g_ptr_array_index (self->columns, j), key) == 0)
          {
            g_autofree char *shown = cell_for_message (g_ptr_array_index (fields, i));

            g_set_error (error, COPRO_ERROR, COPRO_ERROR_CSV,
                         _("The header row names the column “%s” twice."), shown);
            return NULL;
          }
      if (g_strcmp0 (key, "name") == 0)
        has_name = TRUE;
      g_ptr_array_add (self->headers, g_strdup (g_ptr_array_index (fields, i)));
      g_ptr_array_add (self->columns, (gpointer) key);
    }
  if (!has_name)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_CSV,
                   _("The first row of the CSV file must be a header that names its columns, with at least a “name” column."));
      return NULL;
    }

  for (row = 2; ; row++)
    {
      g_autoptr(CoproRecord) partner = NULL;
      g_autoptr(GString) reasons = NULL;
      g_autofree char *id = NULL;
      gboolean has_who = FALSE;

      if (!read_record (&reader, fields, &ok, error))
        break;
      if (!ok)
        return NULL;
      if (record_is_blank (fields))
        continue;
      if (fields->len != self->columns->len)
        {
          add_problem (self, row,
                       g_strdup_printf (_("Row %u has %u fields but the header has %u."),
                                        row, fields->len, self->columns->len));
          continue;
        }

      partner = copro_record_new (&copro_desc_partner);
      id = g_uuid_string_random ();
      copro_record_set_id (partner, id);
      reasons = g_string_new (NULL);
      for (guint i = 0; i < fields->len; i++)
        {
          const char *key = g_ptr_array_index (self->columns, i);
          g_autofree char *reason = NULL;

          if (key == NULL)
            continue;
          reason = set_cell (partner, key, g_ptr_array_index (self->headers, i),
                             g_ptr_array_index (fields, i));
          if (reason != NULL)
            g_string_append_printf (reasons, "%s%s", reasons->len > 0 ? "; " : "", reason);
        }
      if (*copro_record_get_string (partner, "name") != '\0' ||
          *copro_record_get_string (partner, "organisation") != '\0')
        has_who = TRUE;
      if (!has_who)
        g_string_append_printf (reasons, "%s%s", reasons->len > 0 ? "; " : "",
                                _("it has neither a name nor an organisation"));

      if (reasons->len > 0)
        /* TRANSLATORS: a row number, then why the row cannot be imported */
        add_problem (self, row, g_strdup_printf (_("Row %u cannot be imported: %s."), row, reasons->str));
      else
        g_ptr_array_add (self->partners, g_steal_pointer (&partner));
    }

  return g_steal_pointer (&self);
}

void
copro_csv_import_free (CoproCsvImport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->contact_partners, g_ptr_array_unref);
  g_free (self);
}

guint
copro_csv_import_apply (CoproCsvImport *self,
                        CoproRecord    *project)
{
  CoproList *partners;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (COPRO_IS_RECORD (project), 0);

  partners = copro_record_get_list (project, "partners");
  /* One change for the lot: a view of the partners sorts and filters once. */
  copro_list_insert_many (partners, copro_list_get_n_items (partners),
                          (CoproRecord **) self->partners->pdata, self->partners->len);
  if (self->contacts != NULL)
    {
      for (guint i = 0; i < self->contacts->len; i++)
        copro_list_append (copro_partner_get_contacts (g_ptr_array_index (self->contact_partners, i)),
                           g_ptr_array_index (self->contacts, i));
      return self->contacts->len;
    }
  return self->partners->len;
}

/* Contacts (issue 14) */

/* Header names (case-insensitive) and what each column holds: a contact
 * field, or one of the partner's fields that find the partner. */
static const struct
{
  const char *header;
  const char *key;
} contact_column_names[] = {
  { "email", "email" },
  { "name", "name" },
  { "organisation", "organisation" },
  { "organization", "organisation" },
  { "date", "date" },
  { "how", "method" },
  { "method", "method" },
  { "made by", "made_by" },
  { "summary", "summary" },
  { "follow-up", "follow_up" },
  { "follow up", "follow_up" },
  { "follow-up date", "follow_up" },
  { "activity", "activity" },
};

/* Found by more than one partner: the row cannot say which. */
static char ambiguous;

struct _CoproContactMatcher
{
  GHashTable *by_email;      /* folded address → partner, or &ambiguous */
  GHashTable *by_name;       /* folded "name\norganisation" → partner, or &ambiguous */
  GHashTable *activities;    /* folded title → id (owned), or &ambiguous */
  GPtrArray  *partners;      /* references, so that the pointers stay good */
};

static char *
fold (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return g_utf8_casefold (copy, -1);
}

static char *
name_key (const char *name,
          const char *organisation)
{
  g_autofree char *n = fold (name);
  g_autofree char *o = fold (organisation);

  return g_strconcat (n, "\n", o, NULL);
}

static void
index_once (GHashTable *table,
            char       *key,
            gpointer    value)
{
  if (g_hash_table_contains (table, key))
    {
      g_hash_table_replace (table, key, &ambiguous);
      return;
    }
  g_hash_table_insert (table, key, value);
}

CoproContactMatcher *
copro_contact_matcher_new (CoproRecord *project)
{
  CoproContactMatcher *self;
  CoproList *partners, *activities;

  g_return_val_if_fail (COPRO_IS_RECORD (project), NULL);

  self = g_new0 (CoproContactMatcher, 1);
  self->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->activities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->partners = g_ptr_array_new_with_free_func (g_object_unref);
  partners = copro_record_get_list (project, "partners");
  for (guint i = 0; i < copro_list_get_n_items (partners); i++)
    {
      CoproRecord *partner = copro_list_get (partners, i);
      const char *email = copro_record_get_string (partner, "email");
      const char *name = copro_record_get_string (partner, "name");
      const char *organisation = copro_record_get_string (partner, "organisation");

      g_ptr_array_add (self->partners, g_object_ref (partner));
      if (!copro_text_is_blank (email))
        index_once (self->by_email, fold (email), partner);
      if (!copro_text_is_blank (name) || !copro_text_is_blank (organisation))
        index_once (self->by_name, name_key (name, organisation), partner);
    }
  activities = copro_record_get_list (project, "activities");
  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);
      const char *title = copro_record_get_string (activity, "title");
      char *key;

      if (copro_text_is_blank (title))
        continue;
      key = fold (title);
      if (g_hash_table_contains (self->activities, key))
        {
          g_hash_table_replace (self->activities, key, &ambiguous);
          continue;
        }
      g_hash_table_insert (self->activities, key, (gpointer) g_intern_string (copro_record_get_id (activity)));
    }
  return self;
}

void
copro_contact_matcher_free (CoproContactMatcher *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_email);
  g_hash_table_unref (self->by_name);
  g_hash_table_unref (self->activities);
  g_ptr_array_unref (self->partners);
  g_free (self);
}

/* "YYYY-MM-DD", or the day first as people write it: "25/12/2026". */
static char *
read_contact_date (const char *text)
{
  guint day, month, year;
  char end;

  if (copro_date_parse (text, NULL))
    return g_strdup (text);
  if (sscanf (text, "%2u/%2u/%4u%c", &day, &month, &year, &end) == 3 &&
      year >= 1000 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  return NULL;
}

/* Fills one contact field from a cell; returns a reason on failure. */
static char *
set_contact_cell (CoproContactMatcher *matcher,
                  CoproRecord         *contact,
                  const char          *key,
                  const char          *header,
                  const char          *raw)
{
  g_autofree char *text = g_strstrip (g_strdup (raw));
  g_autofree char *header_shown = NULL;
  g_autofree char *text_shown = NULL;

  if (*text == '\0')
    return NULL;
  if (g_str_equal (key, "date") || g_str_equal (key, "follow_up"))
    {
      g_autofree char *iso = read_contact_date (text);

      if (iso == NULL)
        {
          header_shown = cell_for_message (header);
          text_shown = cell_for_message (text);
          /* TRANSLATORS: the column, then the value */
          return g_strdup_printf (_("the %s “%s” is not a date written 25/12/2026 or 2026-12-25"),
                                  header_shown, text_shown);
        }
      copro_record_set_string (contact, key, iso);
    }
  else if (g_str_equal (key, "method"))
    {
      const char *match = copro_enum_match (&copro_enum_contact_channel, text);

      if (match == NULL)
        {
          header_shown = cell_for_message (header);
          text_shown = cell_for_message (text);
          return g_strdup_printf (_("the %s “%s” is not one this version knows"), header_shown, text_shown);
        }
      copro_record_set_string (contact, key, match);
    }
  else if (g_str_equal (key, "activity"))
    {
      g_autofree char *folded = fold (text);
      const char *id = g_hash_table_lookup (matcher->activities, folded);

      text_shown = cell_for_message (text);
      if (id == NULL)
        return g_strdup_printf (_("no activity is called “%s”"), text_shown);
      if (id == &ambiguous)
        return g_strdup_printf (_("more than one activity is called “%s”"), text_shown);
      copro_record_set_string (contact, key, id);
    }
  else
    copro_record_set_string (contact, key, text);
  return NULL;
}

/* The partner a row is about, by email or else by name and organisation;
 * NULL with a reason when it names none, or more than one. */
static CoproRecord *
match_partner (CoproContactMatcher  *matcher,
               const char           *email,
               const char           *name,
               const char           *organisation,
               char                **reason)
{
  g_autofree char *shown = NULL;
  gpointer found;

  if (!copro_text_is_blank (email))
    {
      g_autofree char *key = fold (email);

      found = g_hash_table_lookup (matcher->by_email, key);
      shown = cell_for_message (email);
      if (found == NULL)
        *reason = g_strdup_printf (_("no partner has the email address “%s”"), shown);
      else if (found == &ambiguous)
        *reason = g_strdup_printf (_("more than one partner has the email address “%s”"), shown);
      return found == &ambiguous ? NULL : found;
    }
  if (!copro_text_is_blank (name) || !copro_text_is_blank (organisation))
    {
      g_autofree char *key = name_key (name, organisation);
      g_autofree char *joined = NULL;

      found = g_hash_table_lookup (matcher->by_name, key);
      if (copro_text_is_blank (organisation))
        joined = g_strdup (name);
      else if (copro_text_is_blank (name))
        joined = g_strdup (organisation);
      else
        joined = g_strdup_printf (_("%s, %s"), name, organisation);
      shown = cell_for_message (joined);
      if (found == NULL)
        *reason = g_strdup_printf (_("no partner is “%s”"), shown);
      else if (found == &ambiguous)
        *reason = g_strdup_printf (_("more than one partner is “%s”"), shown);
      return found == &ambiguous ? NULL : found;
    }
  *reason = g_strdup (_("it has no email address, name or organisation to find the partner by"));
  return NULL;
}

CoproCsvImport *
copro_csv_import_contacts_new_from_data (const char           *data,
                                         gsize                 length,
                                         CoproContactMatcher  *matcher,
                                         GError              **error)
{
  g_autoptr(CoproCsvImport) self = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  gboolean can_match = FALSE;
  Reader reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (matcher != NULL, NULL);

  if (!check_data (&data, &length, error))
    return NULL;

  self = g_new0 (CoproCsvImport, 1);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_ptr_array_new ();
  self->partners = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  self->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  self->contact_partners = g_ptr_array_new_with_free_func (g_object_unref);

  reader.p = data;
  reader.end = data + length;
  reader.line = 1;

  do
    {
      if (!read_record (&reader, fields, &ok, error))
        {
          g_set_error (error, COPRO_ERROR, COPRO_ERROR_CSV, _("The CSV file is empty."));
          return NULL;
        }
      if (!ok)
        return NULL;
    }
  while (record_is_blank (fields));

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (fields, i), -1);
      const char *key = NULL;

      g_strstrip (folded);
      for (guint j = 0; j < G_N_ELEMENTS (contact_column_names); j++)
        if (g_str_equal (folded, contact_column_names[j].header))
          key = contact_column_names[j].key;
      for (guint j = 0; key != NULL && j < self->columns->len; j++)
        if (g_strcmp0 (g_ptr_array_index (self->columns, j), key) == 0)
          {
            g_autofree char *shown = cell_for_message (g_ptr_array_index (fields, i));

            g_set_error (error, COPRO_ERROR, COPRO_ERROR_CSV,
                         _("The header row names the column “%s” twice."), shown);
            return NULL;
          }
      if (g_strcmp0 (key, "email") == 0 || g_strcmp0 (key, "name") == 0 || g_strcmp0 (key, "organisation") == 0)
        can_match = TRUE;
      g_ptr_array_add (self->headers, g_strdup (g_ptr_array_index (fields, i)));
      g_ptr_array_add (self->columns, (gpointer) key);
    }
  if (!can_match)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_CSV,
                   _("The first row of the CSV file must be a header that names its columns, with an “email”, “name” or “organisation” column to find each partner by."));
      return NULL;
    }

  for (guint row = 2; ; row++)
    {
      g_autoptr(CoproRecord) contact = NULL;
      g_autoptr(GString) reasons = NULL;
      g_autofree char *id = NULL;
      g_autofree char *match_reason = NULL;
      const char *email = NULL, *name = NULL, *organisation = NULL;
      CoproRecord *partner;

      if (!read_record (&reader, fields, &ok, error))
        break;
      if (!ok)
        return NULL;
      if (record_is_blank (fields))
        continue;
      if (fields->len != self->columns->len)
        {
          add_problem (self, row,
                       g_strdup_printf (_("Row %u has %u fields but the header has %u."),
                                        row, fields->len, self->columns->len));
          continue;
        }

      contact = copro_record_new (&copro_desc_contact);
      id = g_uuid_string_random ();
      copro_record_set_id (contact, id);
      reasons = g_string_new (NULL);
      for (guint i = 0; i < fields->len; i++)
        {
          const char *key = g_ptr_array_index (self->columns, i);
          const char *cell = g_ptr_array_index (fields, i);
          g_autofree char *reason = NULL;

          if (key == NULL)
            continue;
          if (g_str_equal (key, "email"))
            email = cell;
          else if (g_str_equal (key, "name"))
            name = cell;
          else if (g_str_equal (key, "organisation"))
            organisation = cell;
          else
            reason = set_contact_cell (matcher, contact, key, g_ptr_array_index (self->headers, i), cell);
          if (reason != NULL)
            g_string_append_printf (reasons, "%s%s", reasons->len > 0 ? "; " : "", reason);
        }
      partner = match_partner (matcher, email, name, organisation, &match_reason);
      if (partner == NULL)
        {
          /* Which partner first, then what else is wrong. */
          if (reasons->len > 0)
            g_string_prepend (reasons, "; ");
          g_string_prepend (reasons, match_reason);
        }

      if (reasons->len > 0)
        /* TRANSLATORS: a row number, then why the row cannot be imported */
        add_problem (self, row, g_strdup_printf (_("Row %u cannot be imported: %s."), row, reasons->str));
      else
        {
          g_ptr_array_add (self->contacts, g_steal_pointer (&contact));
          g_ptr_array_add (self->contact_partners, g_object_ref (partner));
        }
    }

  return g_steal_pointer (&self);
}
