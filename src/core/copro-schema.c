/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The JSON Schema of the project file, written from the same tables that
 * drive loading and saving (copro-model.c), so the two cannot disagree.
 * data/coproduce-project.schema.json is this function's output; a test
 * compares them. The schema is documentation for other tools and people,
 * in English: nothing here is translated.
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "copro-document.h"
#include "copro-model.h"
#include "copro-schema.h"

/* As MONEY_MAX in copro-record.c: the largest amount the loader accepts. A
 * test checks that the application and the schema agree on it. */
#define SCHEMA_MONEY_MAX G_GINT64_CONSTANT (10000000000000)

#define UUID_PATTERN \
  "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"
#define DATE_PATTERN "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* "type": "x" or "type": ["x", "null"] */
static void
add_type (JsonBuilder *builder,
          const char  *type,
          gboolean     nullable)
{
  json_builder_set_member_name (builder, "type");
  if (!nullable)
    {
      json_builder_add_string_value (builder, type);
      return;
    }
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, type);
  json_builder_add_string_value (builder, "null");
  json_builder_end_array (builder);
}

static void
add_enum_keys (JsonBuilder     *builder,
               const CoproEnum *enumeration,
               gboolean         nullable)
{
  json_builder_set_member_name (builder, "enum");
  json_builder_begin_array (builder);
  for (guint i = 0; enumeration->values[i].key != NULL; i++)
    json_builder_add_string_value (builder, enumeration->values[i].key);
  if (nullable)
    json_builder_add_null_value (builder);
  json_builder_end_array (builder);
}

/* "key: Label; key: Label" with the English labels. */
static char *
describe_enum (const CoproEnum *enumeration)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; enumeration->values[i].key != NULL; i++)
    g_string_append_printf (text, "%s%s: %s", i > 0 ? "; " : "",
                            enumeration->values[i].key, enumeration->values[i].label);
  return g_string_free (text, FALSE);
}

static char *
definition_ref (const CoproRecordDesc *desc)
{
  return g_strconcat ("#/definitions/", desc->type_name, NULL);
}

/* { "allOf": [ { "$ref": ... } ] }, so that the title beside it still counts:
 * draft-07 ignores the siblings of "$ref". */
static void
add_ref (JsonBuilder           *builder,
         const CoproRecordDesc *desc)
{
  g_autofree char *ref = definition_ref (desc);

  json_builder_set_member_name (builder, "allOf");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "$ref", ref);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_field (JsonBuilder      *builder,
           const CoproField *field)
{
  g_autofree char *description = NULL;
  g_autofree char *values = NULL;

  json_builder_set_member_name (builder, field->key);
  json_builder_begin_object (builder);
  add_string (builder, "title", field->label);

  switch (field->kind)
    {
    case COPRO_FIELD_STRING:
      add_string (builder, "description", "One line of text. Saved as \"\" when empty; null is read as empty.");
      add_type (builder, "string", TRUE);
      break;

    case COPRO_FIELD_TEXT:
      add_string (builder, "description",
                  "Text of any length; lines are separated by \\n. Saved as \"\" when empty; null is read as empty.");
      add_type (builder, "string", TRUE);
      break;

    case COPRO_FIELD_EMAIL:
      add_string (builder, "description",
                  "An email address, as text (not checked when read). Saved as \"\" when empty; null is read as empty.");
      add_type (builder, "string", TRUE);
      break;

    case COPRO_FIELD_INT:
      if (field->min > 0)
        description = g_strdup_printf ("A whole number from %d to %d, written without a decimal point, or null when not set.",
                                       field->min, field->max);
      else
        description = g_strdup_printf ("A whole number from %d to %d, written without a decimal point.",
                                       field->min, field->max);
      add_string (builder, "description", description);
      add_type (builder, "integer", field->min > 0);
      add_int (builder, "minimum", field->min);
      add_int (builder, "maximum", field->max);
      break;

    case COPRO_FIELD_MONEY:
      add_string (builder, "description",
                  "Whole pence, never negative, written without a decimal point: 12550 is £125.50. "
                  "Never null; 0 when no amount is given.");
      add_type (builder, "integer", FALSE);
      add_int (builder, "minimum", 0);
      add_int (builder, "maximum", SCHEMA_MONEY_MAX);
      break;

    case COPRO_FIELD_DATE:
      add_string (builder, "description", "ISO 8601 date YYYY-MM-DD (a real day of the calendar), or null when not set.");
      add_type (builder, "string", TRUE);
      add_string (builder, "format", "date");
      add_string (builder, "pattern", DATE_PATTERN);
      break;

    case COPRO_FIELD_ENUM:
      values = describe_enum (field->enumeration);
      description = g_strdup_printf ("One of the keys of the enumeration “%s”, or null when not set. "
                                     "Keys are stored, never the labels shown to people. %s.",
                                     field->enumeration->name, values);
      add_string (builder, "description", description);
      add_enum_keys (builder, field->enumeration, TRUE);
      break;

    case COPRO_FIELD_FLAGS:
      values = describe_enum (field->enumeration);
      description = g_strdup_printf ("A set of keys of the enumeration “%s”, each at most once; "
                                     "an empty list when none applies. %s.",
                                     field->enumeration->name, values);
      add_string (builder, "description", description);
      add_type (builder, "array", FALSE);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_object (builder);
      add_enum_keys (builder, field->enumeration, FALSE);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "uniqueItems");
      json_builder_add_boolean_value (builder, TRUE);
      break;

    case COPRO_FIELD_BOOL:
      add_string (builder, "description", "true or false.");
      add_type (builder, "boolean", FALSE);
      break;

    case COPRO_FIELD_REF:
      if (field->record == &copro_desc_activity)
        add_string (builder, "description",
                    "The id of an item of the top-level \"activities\" list, or null when not set. "
                    "An id no longer in the list is kept, and shown as an activity no longer in the log.");
      else if (field->record == &copro_desc_budget_line)
        add_string (builder, "description",
                    "The id of an item of the list \"plan.resources.budget_lines\", or null when not set. "
                    "An id no longer in the list is kept, and counts as no budget line.");
      else if (field == copro_record_desc_find_field (&copro_desc_member, "partner"))
        add_string (builder, "description",
                    "The id of an item of the top-level \"partners\" list, or null when not set. "
                    "A file that names a partner who is not in the list is refused.");
      else
        add_string (builder, "description",
                    "The id of an item of the top-level \"partners\" list, or null when not set. "
                    "An id no longer in the list is kept, and shown as a partner no longer in the register.");
      add_type (builder, "string", TRUE);
      add_string (builder, "format", "uuid");
      add_string (builder, "pattern", UUID_PATTERN);
      break;

    case COPRO_FIELD_RECORD:
      description = g_strdup_printf ("An object: see the definition %s.", field->record->type_name);
      add_string (builder, "description", description);
      add_ref (builder, field->record);
      break;

    case COPRO_FIELD_LIST:
      description = g_strdup_printf ("A list of objects (see the definition %s), in the order shown; "
                                     "each has an id.", field->record->type_name);
      add_string (builder, "description", description);
      add_type (builder, "array", FALSE);
      {
        g_autofree char *ref = definition_ref (field->record);

        json_builder_set_member_name (builder, "items");
        json_builder_begin_object (builder);
        add_string (builder, "$ref", ref);
        json_builder_end_object (builder);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  json_builder_end_object (builder);
}

static void
add_definition (JsonBuilder           *builder,
                const CoproRecordDesc *desc)
{
  json_builder_set_member_name (builder, desc->type_name);
  json_builder_begin_object (builder);
  add_string (builder, "title", desc->label);
  if (desc->has_id)
    add_string (builder, "description",
                "An item of a list. Every member may be left out; a member left out takes its empty value. "
                "Members not listed here are kept and written back unchanged.");
  else
    add_string (builder, "description",
                "Every member may be left out; a member left out takes its empty value. "
                "Members not listed here are kept and written back unchanged.");
  add_type (builder, "object", FALSE);

  if (desc->has_id)
    {
      json_builder_set_member_name (builder, "required");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "id");
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  if (desc->has_id)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_begin_object (builder);
      add_string (builder, "title", "Identifier");
      add_string (builder, "description",
                  "A UUID that stays with the item for its life. No two items in a file share one "
                  "(compared without regard to case).");
      add_type (builder, "string", FALSE);
      add_string (builder, "format", "uuid");
      add_string (builder, "pattern", UUID_PATTERN);
      json_builder_end_object (builder);
    }
  for (guint i = 0; i < desc->n_fields; i++)
    add_field (builder, &desc->fields[i]);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "additionalProperties");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
}

/* Record types in the order they are first met, from the project down. */
static void
collect_descs (const CoproRecordDesc *desc,
               GPtrArray             *descs)
{
  if (g_ptr_array_find (descs, desc, NULL))
    return;
  g_ptr_array_add (descs, (gpointer) desc);
  for (guint i = 0; i < desc->n_fields; i++)
    if (desc->fields[i].kind == COPRO_FIELD_RECORD || desc->fields[i].kind == COPRO_FIELD_LIST)
      collect_descs (desc->fields[i].record, descs);
}

char *
copro_schema_to_json (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) descs = g_ptr_array_new ();
  g_autofree char *format_version = NULL;
  GString *out;

  collect_descs (&copro_desc_project, descs);

  json_builder_begin_object (builder);
  add_string (builder, "$schema", "http://json-schema.org/draft-07/schema#");
  add_string (builder, "title", "Coproduce project");
  add_string (builder, "description",
              "A co-production project as saved by Coproduce in a .coprod file: UTF-8 JSON, one object. "
              "Every list item has an id (a UUID) that no other item in the file shares, and every partner "
              "named in the terms of reference must be in the partner register; a schema cannot say "
              "either, so Coproduce checks both when it reads a file. Money is in whole pence, dates are "
              "YYYY-MM-DD, and choices are stored as stable lower-case keys. Members this version does "
              "not know are allowed, kept and written back unchanged.");
  add_type (builder, "object", FALSE);

  json_builder_set_member_name (builder, "required");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "format");
  json_builder_add_string_value (builder, "format_version");
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_begin_object (builder);
  add_string (builder, "title", "Format");
  add_string (builder, "description", "Says that the file is a Coproduce project.");
  json_builder_set_member_name (builder, "const");
  json_builder_add_string_value (builder, COPRO_FORMAT_NAME);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "format_version");
  json_builder_begin_object (builder);
  add_string (builder, "title", "Format version");
  format_version =
    g_strdup_printf ("The version of the format the file was written in; this schema describes version %d. "
                     "A file from a newer version is opened read-only when everything in it can be read, "
                     "and refused otherwise.", COPRO_FORMAT_VERSION);
  add_string (builder, "description", format_version);
  add_type (builder, "integer", FALSE);
  add_int (builder, "minimum", 1);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "additionalProperties");
  json_builder_add_boolean_value (builder, TRUE);

  add_ref (builder, &copro_desc_project);

  json_builder_set_member_name (builder, "definitions");
  json_builder_begin_object (builder);
  for (guint i = 0; i < descs->len; i++)
    add_definition (builder, g_ptr_array_index (descs, i));
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  out = g_string_new (NULL);
  json_generator_to_gstring (generator, out);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
