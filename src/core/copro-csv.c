/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

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

CoproCsvImport *
copro_csv_import_new_from_data (const char  *data,
                                gsize        length,
                                GError     **error)
{
  g_autoptr(CoproCsvImport) self = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *bad = NULL;
  gboolean ok = TRUE;
  gboolean has_name = FALSE;
  Reader reader;
  guint row;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_CSV, _("The file is not a CSV file: it holds binary data."));
      return NULL;
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
      return NULL;
    }

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
  return self->partners->len;
}
