/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The file format: round trips, stable bytes, unknown members, newer files,
 * malformed input and atomic saves. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "copro-document-private.h"
#include "copro-error.h"
#include "copro-fast-json-private.h"
#include "copro-list.h"
#include "copro-model.h"

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("copro-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A document with a value in every kind of field. */
static CoproDocument *
make_full_document (void)
{
  CoproDocument *document = copro_document_new ();
  CoproRecord *project = copro_document_get_project (document);
  CoproRecord *overview = copro_record_get_record (project, "overview");
  CoproRecord *partner = copro_list_add_new (copro_record_get_list (project, "partners"));
  CoproRecord *member = copro_list_add_new (copro_record_get_list (copro_record_get_record (project, "terms_of_reference"), "members"));
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  CoproRecord *line = copro_list_add_new (copro_record_get_list (copro_record_lookup (project, "plan.resources"), "budget_lines"));
  const char *needs[] = { "easy-read", "bsl", NULL };
  const char *characteristics[] = { "age", "disability", "sex", NULL };

  copro_record_set_string (overview, "title", "Short breaks for carers — “together”");
  copro_record_set_string (overview, "summary", "Line one\nLine two\twith a tab, and ünïcödé 🎉");
  copro_record_set_string (overview, "start_date", "2027-01-04");
  copro_record_set_string (overview, "target_level", "co-produce");
  copro_record_set_string (copro_record_lookup (project, "plan.outline.step_levels"), "co_design", "co-design");
  copro_record_set_flags (copro_record_lookup (project, "plan.resources.equality"), "characteristics", characteristics);
  copro_record_set_bool (copro_record_lookup (project, "plan.resources.data_protection"), "special_category", TRUE);
  copro_record_set_money (line, "amount", 123456);
  copro_record_set_string (line, "cost_head", "venue-hire");
  copro_record_set_string (partner, "name", "Asha Patel");
  copro_record_set_int (partner, "influence", 4);
  copro_record_set_flags (partner, "access_needs", needs);
  copro_record_set_string (member, "partner", copro_record_get_id (partner));
  copro_record_set_string (member, "role", "chair");
  copro_record_set_int (activity, "participants", 0);
  copro_record_set_int (activity, "participants", 23);
  copro_record_set_string (copro_list_add_new (copro_record_get_list (activity, "feedback")), "status", "not-possible");
  copro_document_set_modified (document, FALSE);
  return document;
}

static void
test_round_trip_is_byte_identical (void)
{
  g_autoptr(CoproDocument) document = make_full_document ();
  g_autoptr(GBytes) first = copro_document_serialize (document);
  g_autoptr(GBytes) second = copro_document_serialize (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoproDocument) reloaded = NULL;
  g_autoptr(GBytes) third = NULL;
  g_autofree char *text = bytes_to_string (first);

  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (g_str_has_suffix (text, "}\n"));
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\" : \"coproduce-project\",\n  \"format_version\" : 1,\n"));

  reloaded = copro_document_new_from_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first), &error);
  g_assert_no_error (error);
  third = copro_document_serialize (reloaded);
  g_assert_true (g_bytes_equal (first, third));

  /* The values really came back. */
  {
    CoproRecord *project = copro_document_get_project (reloaded);
    CoproRecord *partner = copro_list_get (copro_record_get_list (project, "partners"), 0);

    g_assert_cmpstr (copro_record_get_string (copro_record_get_record (project, "overview"), "summary"),
                     ==, "Line one\nLine two\twith a tab, and ünïcödé 🎉");
    g_assert_cmpint (copro_record_get_int (partner, "influence"), ==, 4);
    g_assert_cmpint (copro_record_get_int (partner, "interest"), ==, 0);
    g_assert_true (copro_record_has_flag (partner, "access_needs", "bsl"));
    g_assert_cmpint (copro_record_get_money (copro_list_get (copro_record_get_list (copro_record_lookup (project, "plan.resources"), "budget_lines"), 0), "amount"), ==, 123456);
    g_assert_false (copro_document_get_modified (reloaded));
    g_assert_false (copro_document_get_read_only (reloaded));
  }
}

/* Text with every character from U+0001 to U+007F, then other scripts and
 * characters that some JSON writers escape (U+2028, U+2029, U+FEFF)... */
#define OTHERS " é € 😀 \xE2\x80\xA8 \xE2\x80\xA9 \xEF\xBB\xBF"
/* ...as a project file holds it between its double quotes, whatever
 * json-glib is installed: what RFC 8259 requires escaped, and nothing else. */
#define EVERY_ESCAPED \
  "\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f" \
  "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017" \
  "\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f" \
  " !\\\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f" \
  OTHERS

static void
test_saved_text_is_escaped_as_specified (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  CoproRecord *project = copro_document_get_project (document);
  CoproRecord *overview = copro_record_get_record (project, "overview");
  g_autoptr(GString) every = g_string_new (NULL);
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(JsonObject) clash = json_object_new ();
  JsonObject *nested = json_object_new ();
  JsonArray *list = json_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CoproDocument) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) fast = NULL;
  g_autoptr(GBytes) reference = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;

  for (int c = 1; c < 0x80; c++)
    g_string_append_c (every, (char) c);
  g_string_append (every, OTHERS);

  /* In a member of this version, and in members it does not know, as
   * names and as values. */
  copro_record_set_string (overview, "title", every->str);
  json_array_add_string_element (list, every->str);
  json_object_set_array_member (extra, every->str, list);
  json_object_set_string_member (nested, every->str, every->str);
  json_object_set_object_member (nested, "empty", json_object_new ());
  json_object_set_double_member (nested, "half", 0.5);
  json_object_set_object_member (extra, "nested", nested);
  copro_record_set_extra (project, extra);

  bytes = copro_document_serialize (document);
  text = bytes_to_string (bytes);
  g_assert_nonnull (strstr (text, "\n  \"overview\" : {\n    \"title\" : \"" EVERY_ESCAPED "\",\n"));
  g_assert_true (g_str_has_suffix (text,
                                   "\n  \"" EVERY_ESCAPED "\" : [\n"
                                   "    \"" EVERY_ESCAPED "\"\n"
                                   "  ],\n"
                                   "  \"nested\" : {\n"
                                   "    \"" EVERY_ESCAPED "\" : \"" EVERY_ESCAPED "\",\n"
                                   "    \"empty\" : {    },\n"
                                   "    \"half\" : 0.5\n"
                                   "  }\n"
                                   "}\n"));

  /* json-glib's tree of the project is written the same. */
  reference = _copro_document_serialize_reference (document);
  g_assert_true (g_bytes_equal (bytes, reference));

  /* json-glib, the reference reader, reads back every value. */
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "overview"), "title"),
                   ==, every->str);
  g_assert_true (json_node_equal (json_object_get_member (root, every->str), json_object_get_member (extra, every->str)));
  g_assert_true (json_node_equal (json_object_get_member (root, "nested"), json_object_get_member (extra, "nested")));

  /* So does the fast reader, and it saves the same bytes. */
  reloaded = _copro_document_new_from_data_fast (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (reloaded);
  again = copro_document_serialize (reloaded);
  g_assert_true (g_bytes_equal (bytes, again));

  /* A project the fast writer leaves to json-glib's tree (an unknown member
   * named like a known one) is written in the same bytes. */
  json_object_set_string_member (clash, "title", every->str);
  copro_record_set_extra (overview, clash);
  fast = _copro_fast_write_project (project);
  g_assert_null (fast);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = copro_document_serialize (document);
  g_assert_true (g_bytes_equal (bytes, reference));
}

static void
test_unknown_members_are_kept (void)
{
  const char *data =
    "{\"format\":\"coproduce-project\",\"format_version\":1,"
    "\"zz_top\":{\"nested\":[1,2,{\"x\":null}]},"
    "\"overview\":{\"title\":\"T\",\"colour\":\"teal\",\"weights\":[3,1]},"
    "\"partners\":[{\"id\":\"5d1f5a7e-8e1c-4c3e-9a7e-0c6a3a9d2b11\",\"name\":\"N\",\"pronouns\":\"they/them\"}],"
    "\"activities\":[{\"id\":\"6d1f5a7e-8e1c-4c3e-9a7e-0c6a3a9d2b11\",\"feedback\":["
    "{\"id\":\"7d1f5a7e-8e1c-4c3e-9a7e-0c6a3a9d2b11\",\"mood\":\"😀\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CoproDocument) document = copro_document_new_from_data (data, strlen (data), &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_assert_no_error (error);
  copro_record_set_string (copro_record_get_record (copro_document_get_project (document), "overview"),
                           "title", "Changed");
  bytes = copro_document_serialize (document);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_true (json_object_has_member (root, "zz_top"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (root, "zz_top"), "nested")), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "overview"), "colour"), ==, "teal");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "overview"), "title"), ==, "Changed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "partners"), 0), "pronouns"), ==, "they/them");
  {
    JsonObject *activity = json_array_get_object_element (json_object_get_array_member (root, "activities"), 0);
    JsonObject *feedback = json_array_get_object_element (json_object_get_array_member (activity, "feedback"), 0);

    g_assert_cmpstr (json_object_get_string_member (feedback, "mood"), ==, "😀");
  }
}

static void
test_newer_file_opens_read_only (void)
{
  const char *data = "{\"format\":\"coproduce-project\",\"format_version\":7,\"overview\":{\"title\":\"Future\"},\"hologram\":true}";
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "future.coprod", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoproDocument) document = NULL;
  g_autofree char *after = NULL;

  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
  document = copro_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (copro_document_get_read_only (document));
  g_assert_nonnull (strstr (copro_document_get_read_only_reason (document), "newer version"));
  g_assert_cmpint (copro_document_get_format_version (document), ==, 7);

  g_assert_false (copro_document_save (document, file, NULL, &error));
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_READ_ONLY);
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, data);
  remove_dir (dir);
}

static void
test_newer_file_that_cannot_be_read (void)
{
  const char *data = "{\"format\":\"coproduce-project\",\"format_version\":2,\"overview\":{\"target_level\":\"co-govern\"}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CoproDocument) document = copro_document_new_from_data (data, strlen (data), &error);

  g_assert_null (document);
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_nonnull (strstr (error->message, "overview.target_level"));
}

typedef struct
{
  const char *data;
  int         code;
  const char *place;
} Malformed;

static void
test_malformed_input (void)
{
  static const Malformed cases[] = {
    { "", COPRO_ERROR_EMPTY, "empty" },
    { "   \n ", COPRO_ERROR_EMPTY, "empty" },
    { "{\n  \"format\": \"coproduce-project\",\n}", COPRO_ERROR_SYNTAX, "line 2, column 32" },
    /* json-glib's parser reads these; JSON does not allow them. */
    { "{'format': 'coproduce-project', 'format_version': 1}", COPRO_ERROR_SYNTAX, "line 1, column 2: text must be in double quotes" },
    { "{\"format\": \"coproduce-project\", /* */ \"format_version\": 1}", COPRO_ERROR_SYNTAX, "line 1, column 33: JSON does not allow comments" },
    { "{\"format\": \"coproduce-project\", \"format_version\": 1, \"x\": \"\x1f\"}", COPRO_ERROR_SYNTAX, "line 1, column 60: a control character" },
    { "[1, 2, 3]", COPRO_ERROR_NOT_PROJECT, "not a Coproduce project" },
    { "{\"format\":\"something-else\",\"format_version\":1}", COPRO_ERROR_NOT_PROJECT, "format" },
    { "{\"format\":\"coproduce-project\"}", COPRO_ERROR_INVALID, "format_version" },
    { "{\"format\":\"coproduce-project\",\"format_version\":\"1\"}", COPRO_ERROR_INVALID, "format_version" },
    { "{\"format\":\"coproduce-project\",\"format_version\":1,\"overview\":{\"title\":5}}", COPRO_ERROR_INVALID, "overview.title" },
    { "{\"format\":\"coproduce-project\",\"format_version\":1,\"overview\":{\"end_date\":\"2027-02-30\"}}", COPRO_ERROR_INVALID, "overview.end_date" },
    { "{\"format\":\"coproduce-project\",\"format_version\":1,\"overview\":{\"target_level\":\"Co-produce\"}}", COPRO_ERROR_INVALID, "overview.target_level" },
    { "{\"format\":\"coproduce-project\",\"format_version\":1,\"plan\":{\"resources\":{\"budget_lines\":[{\"id\":\"5d1f5a7e-8e1c-4c3e-9a7e-0c6a3a9d2b11\",\"amount\":-5}]}}}", COPRO_ERROR_INVALID, "plan.resources.budget_lines[0].amount" },
    { "{\"format\":\"coproduce-project\",\"format_version\":1,\"partners\":[{\"id\":\"5d1f5a7e-8e1c-4c3e-9a7e-0c6a3a9d2b11\",\"influence\":6}]}", COPRO_ERROR_INVALID, "partners[0].influence" },
    { "{\"format\":\"coproduce-project\",\"format_version\":1,\"partners\":[{\"id\":\"5d1f5a7e-8e1c-4c3e-9a7e-0c6a3a9d2b11\"},{\"id\":\"5d1f5a7e-8e1c-4c3e-9a7e-0c6a3a9d2b11\"}]}", COPRO_ERROR_INVALID, "partners[1].id" },
    { "{\"format\":\"coproduce-project\",\"format_version\":1,\"partners\":[{\"name\":\"No id\"}]}", COPRO_ERROR_INVALID, "partners[0]" },
    { "{\"format\":\"coproduce-project\",\"format_version\":1,\"terms_of_reference\":{\"members\":[{\"id\":\"5d1f5a7e-8e1c-4c3e-9a7e-0c6a3a9d2b11\",\"partner\":\"6d1f5a7e-8e1c-4c3e-9a7e-0c6a3a9d2b11\"}]}}", COPRO_ERROR_INVALID, "terms_of_reference.members[0].partner" },
    { "{\"format\":\"coproduce-project\",\"format_version\":1,\"title\":\"\xff\xfe\"}", COPRO_ERROR_ENCODING, "line 1, column 59" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CoproDocument) document = copro_document_new_from_data (cases[i].data, strlen (cases[i].data), &error);

      g_test_message ("case %u", i);
      g_assert_null (document);
      g_assert_error (error, COPRO_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].place));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_true (g_str_has_suffix (error->message, "."));
    }
}

static void
test_deep_nesting_is_refused (void)
{
  g_autoptr(GString) data = g_string_new ("{\"format\":\"coproduce-project\",\"format_version\":1,\"x\":");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoproDocument) document = NULL;

  for (int i = 0; i < 100000; i++)
    g_string_append_c (data, '[');
  document = copro_document_new_from_data (data->str, data->len, &error);
  g_assert_null (document);
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "line 1, column"));
}

static void
test_save_is_atomic_and_tracks_modified (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.coprod", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CoproDocument) document = make_full_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  guint n_files = 0;

  g_assert_false (copro_document_get_modified (document));
  copro_record_set_string (copro_record_get_record (copro_document_get_project (document), "overview"), "reference", "ASC-042");
  g_assert_true (copro_document_get_modified (document));

  g_assert_true (copro_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (copro_document_get_modified (document));
  g_assert_true (copro_document_get_file (document) == file);
  g_file_get_contents (path, &first, NULL, NULL);

  g_assert_true (copro_document_save (document, file, NULL, &error));
  g_file_get_contents (path, &second, NULL, NULL);
  g_assert_cmpstr (first, ==, second);

  /* No temporary files are left beside the project: only it and its backup,
   * which holds the version before the last save. */
  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);
  {
    g_autoptr(GFile) backup = copro_document_dup_backup_file (file);
    g_autofree char *backup_text = NULL;

    g_autofree char *expected = g_strconcat (path, "~", NULL);

    g_assert_cmpstr (g_file_peek_path (backup), ==, expected);
    g_assert_true (g_file_load_contents (backup, NULL, &backup_text, NULL, NULL, NULL));
    g_assert_cmpstr (backup_text, ==, first);
  }

  /* A save that cannot happen says so in one sentence and changes nothing. */
  {
    g_autofree char *bad_path = g_build_filename (dir, "no-such-folder", "plan.coprod", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);

    copro_record_set_string (copro_record_get_record (copro_document_get_project (document), "overview"), "reference", "ASC-043");
    g_assert_false (copro_document_save (document, bad, NULL, &error));
    g_assert_error (error, COPRO_ERROR, COPRO_ERROR_SAVE);
    g_assert_nonnull (strstr (error->message, "folder no longer exists"));
    g_assert_true (copro_document_get_modified (document));
    g_assert_true (copro_document_get_file (document) == file);
    g_clear_error (&error);
  }
  remove_dir (dir);
}

static void
test_someone_else_changed_the_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.coprod", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CoproDocument) writer = make_full_document ();
  g_autoptr(CoproDocument) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  CoproRecord *overview;

  g_assert_true (copro_document_save (writer, file, NULL, &error));
  mine = copro_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  overview = copro_record_get_record (copro_document_get_project (mine), "overview");

  /* A colleague saves first: the file's modification time moves on. */
  g_usleep (10000);
  copro_record_set_string (copro_record_get_record (copro_document_get_project (writer), "overview"), "title", "Theirs");
  g_assert_true (copro_document_save (writer, file, NULL, &error));
  g_file_get_contents (path, &theirs, NULL, NULL);

  copro_record_set_string (overview, "title", "Mine");
  g_assert_false (copro_document_save (mine, file, NULL, &error));
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "changed by someone else"));
  g_clear_error (&error);
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (copro_document_get_modified (mine));

  /* "Keep mine" overwrites on purpose; later saves work as usual. */
  g_assert_true (copro_document_save_full (mine, file, COPRO_SAVE_OVERWRITE_CHANGES, NULL, &error));
  g_assert_no_error (error);
  copro_record_set_string (overview, "title", "Mine again");
  g_assert_true (copro_document_save (mine, file, NULL, &error));

  /* A file removed from under us is not silently recreated. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  copro_record_set_string (overview, "title", "Mine once more");
  g_assert_false (copro_document_save (mine, file, NULL, &error));
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "moved or deleted"));
  remove_dir (dir);
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (copro_document_save_finish (COPRO_DOCUMENT (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CoproDocument **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = copro_document_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async_save_and_load (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "async.coprod", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CoproDocument) document = make_full_document ();
  g_autoptr(CoproDocument) loaded = NULL;
  gboolean done = FALSE;

  copro_record_set_string (copro_record_get_record (copro_document_get_project (document), "overview"), "sponsor", "Director of Adult Care");
  copro_document_save_async (document, file, NULL, on_saved_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (copro_document_get_modified (document));

  copro_document_load_async (file, NULL, on_loaded_cb, &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (copro_record_get_string (copro_record_get_record (copro_document_get_project (loaded), "overview"), "sponsor"),
                   ==, "Director of Adult Care");
  g_assert_true (g_file_equal (copro_document_get_file (loaded), file));
  remove_dir (dir);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_display_title (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  g_autofree char *untitled = copro_document_dup_display_title (document);
  g_autofree char *titled = NULL;
  guint count = 0;

  g_assert_cmpstr (untitled, ==, "Untitled project");
  g_signal_connect (document, "notify::title", G_CALLBACK (notify_cb), &count);
  copro_record_set_string (copro_record_get_record (copro_document_get_project (document), "overview"), "title", "Day centres review");
  g_assert_cmpuint (count, ==, 1);
  titled = copro_document_dup_display_title (document);
  g_assert_cmpstr (titled, ==, "Day centres review");

  /* A blank title is no title, here and wherever a project is named. */
  copro_record_set_string (copro_record_get_record (copro_document_get_project (document), "overview"), "title", "  ");
  g_clear_pointer (&titled, g_free);
  titled = copro_document_dup_display_title (document);
  g_assert_cmpstr (titled, ==, "Untitled project");
  g_assert_cmpstr (copro_project_title_or_untitled (NULL), ==, "Untitled project");
  g_assert_cmpstr (copro_project_title_or_untitled (" \t"), ==, "Untitled project");
  g_assert_cmpstr (copro_project_title_or_untitled ("Day centres"), ==, "Day centres");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copro/document/round-trip-is-byte-identical", test_round_trip_is_byte_identical);
  g_test_add_func ("/copro/document/saved-text-is-escaped-as-specified", test_saved_text_is_escaped_as_specified);
  g_test_add_func ("/copro/document/unknown-members-are-kept", test_unknown_members_are_kept);
  g_test_add_func ("/copro/document/newer-file-opens-read-only", test_newer_file_opens_read_only);
  g_test_add_func ("/copro/document/newer-file-that-cannot-be-read", test_newer_file_that_cannot_be_read);
  g_test_add_func ("/copro/document/malformed-input", test_malformed_input);
  g_test_add_func ("/copro/document/deep-nesting-is-refused", test_deep_nesting_is_refused);
  g_test_add_func ("/copro/document/save-is-atomic-and-tracks-modified", test_save_is_atomic_and_tracks_modified);
  g_test_add_func ("/copro/document/someone-else-changed-the-file", test_someone_else_changed_the_file);
  g_test_add_func ("/copro/document/async-save-and-load", test_async_save_and_load);
  g_test_add_func ("/copro/document/display-title", test_display_title);

  return g_test_run ();
}
