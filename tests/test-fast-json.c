/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fast reader and writer (src/core/copro-fast-json.c) against json-glib,
 * the reference: every fixture, generated projects, hand-made edge cases and
 * thousands of damaged files load to the same project or fail with the same
 * sentence, and every project saves to the same bytes. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "copro-document-private.h"
#include "copro-list.h"
#include "copro-model.h"

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Both writers give the same bytes for @document; returns them. */
static char *
check_save (CoproDocument *document)
{
  g_autoptr(GBytes) fast = copro_document_serialize (document);
  g_autoptr(GBytes) reference = _copro_document_serialize_reference (document);
  g_autofree char *fast_text = bytes_to_string (fast);
  char *reference_text = bytes_to_string (reference);

  if (strcmp (fast_text, reference_text) != 0)
    {
      gsize at = 0;

      while (fast_text[at] == reference_text[at])
        at++;
      at = at > 60 ? at - 60 : 0;
      g_test_message ("fast writer: …%.120s…", fast_text + at);
      g_test_message ("reference:   …%.120s…", reference_text + at);
    }
  g_assert_cmpstr (fast_text, ==, reference_text);
  return reference_text;
}

/* Loads @data both ways and compares. Returns whether the fast path alone
 * read it (so that a test can tell it is not comparing the reference with
 * itself). */
static gboolean
check_load (const char *data,
            gsize       length)
{
  g_autoptr(GError) reference_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoproDocument) reference = _copro_document_new_from_data_reference (data, length, &reference_error);
  g_autoptr(CoproDocument) document = copro_document_new_from_data (data, length, &error);
  g_autoptr(CoproDocument) fast = _copro_document_new_from_data_fast (data, length);
  g_autofree char *reference_text = NULL;
  g_autofree char *text = NULL;

  if (reference == NULL)
    {
      g_assert_null (document);
      g_assert_null (fast);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, reference_error->message);
      g_assert_cmpuint (error->domain, ==, reference_error->domain);
      g_assert_cmpint (error->code, ==, reference_error->code);
      return FALSE;
    }

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpint (copro_document_get_format_version (document), ==,
                   copro_document_get_format_version (reference));
  g_assert_cmpstr (copro_document_get_read_only_reason (document), ==,
                   copro_document_get_read_only_reason (reference));
  reference_text = check_save (reference);
  text = check_save (document);
  g_assert_true (strcmp (text, reference_text) == 0);
  if (fast != NULL)
    {
      g_autofree char *fast_text = check_save (fast);

      g_assert_true (strcmp (fast_text, reference_text) == 0);
      g_assert_cmpint (copro_document_get_format_version (fast), ==,
                       copro_document_get_format_version (reference));
      g_assert_null (copro_document_get_read_only_reason (fast));
    }
  return fast != NULL;
}

static gboolean
check_load_string (const char *data)
{
  return check_load (data, strlen (data));
}

static void
collect_files (const char *dir,
               GPtrArray  *paths)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          collect_files (path, paths);
          g_free (path);
        }
      else
        g_ptr_array_add (paths, path);
    }
}

static void
test_fixtures (void)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "example.coprod", NULL);
  guint n_fast = 0, n_loaded = 0, n_refused = 0;

  collect_files (fixtures, paths);
  g_ptr_array_add (paths, g_strdup (example));
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *data = NULL;
      gsize length;

      /* Files of many megabytes are refused for their size alone. */
      if (g_str_has_suffix (path, ".csv") || !g_file_get_contents (path, &data, &length, NULL) ||
          length > 4 * 1024 * 1024)
        continue;
      if (g_test_verbose ())
        g_test_message ("%s", path);
      if (check_load (data, length))
        n_fast++;
      {
        g_autoptr(CoproDocument) document = _copro_document_new_from_data_reference (data, length, NULL);

        if (document != NULL)
          n_loaded++;
        else
          n_refused++;
      }
    }
  g_test_message ("%u files loaded (%u by the fast path), %u refused", n_loaded, n_fast, n_refused);
  /* The example, the injection corpus and the unknown members: fast. */
  g_assert_cmpuint (n_fast, >=, 3);
  g_assert_cmpuint (n_refused, >=, 50);
}

static void
test_example_is_fast (void)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "example.coprod", NULL);
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(CoproDocument) document = NULL;

  g_assert_true (g_file_get_contents (example, &data, &length, NULL));
  document = _copro_document_new_from_data_fast (data, length);
  g_assert_nonnull (document);
  g_assert_cmpuint (copro_list_get_n_items (copro_record_get_list (copro_document_get_project (document), "partners")), >, 0);
}

static void
test_generated (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "..", "bench", "generate.py", NULL);
  g_autofree char *dir = NULL;
  const char *seeds[] = { "1", "7", "2026" };

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3 to generate projects");
      return;
    }
  dir = g_dir_make_tmp ("copro-fast-json-XXXXXX", NULL);
  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *out = g_build_filename (dir, "generated.coprod", NULL);
      const char *argv[] = { "/usr/bin/python3", script, "--partners", "60", "--activities", "10",
                             "--attendance", "120", "--payments", "40",
                             "--seed", seeds[i], out, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      g_autofree char *saved = NULL;
      gsize length;
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_file_get_contents (out, &data, &length, NULL));
      g_assert_true (check_load (data, length));

      /* And what it saves, in json-glib's layout, is read fast too. */
      {
        g_autoptr(CoproDocument) document = copro_document_new_from_data (data, length, NULL);
        saved = check_save (document);
      }
      g_assert_true (check_load_string (saved));
      g_unlink (out);
    }
  g_rmdir (dir);
}

#define HEAD "{\"format\": \"coproduce-project\", \"format_version\": 1"
#define ID1 "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
#define ID2 "7b2c3d4e-5f60-4b7c-9d8e-0f1a2b3c4d5e"
#define ID1_UPPER "6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"

/* Edge cases, each with whether the fast path must take it. */
static void
test_edge_cases (void)
{
  static const struct { gboolean fast; const char *data; } cases[] = {
    { TRUE, HEAD "}" },
    { TRUE, "\xEF\xBB\xBF" HEAD "}\r\n\t " },
    { TRUE, "{\"format_version\":1,\"format\":\"coproduce-project\"}" },
    { TRUE, HEAD ", \"overview\": {\"title\": \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20ac\\ud83d\\ude00\"}}" },
    { TRUE, HEAD ", \"overview\": {\"title\": null, \"start_date\": null, \"current_step\": null}}" },
    { TRUE, HEAD ", \"x\": 1.5e3, \"y\": [1, -2, 0.5, 123456789012345, {}, [], \"\"], \"z\": {\"a\": {\"b\": null}}}" },
    { TRUE, HEAD ", \"partners\": [{\"id\": \"" ID1 "\", \"name\": \"A\", \"id2\": true, \"access_needs\": [\"bsl\", \"easy-read\"]}]}" },
    { TRUE, HEAD ", \"partners\": [{\"id\": \"" ID1 "\"}], \"terms_of_reference\": {\"members\": [{\"id\": \"" ID2 "\", \"partner\": \"" ID1 "\"}]}}" },
    { TRUE, HEAD ", \"partners\": [], \"activities\": [], \"overview\": {}}" },
    { TRUE, HEAD ", \"overview\": {\"id\": \"not a uuid but unknown here\"}}" },
    { TRUE, HEAD ", \"\": \"empty name\", \"unicode ✓\": \"\\u0001\\u001f\\u007f\"}" },
    /* Strings are scanned eight bytes at a time: stops at each place in a word. */
    { TRUE, HEAD ", \"overview\": {\"title\": \"1234567\\\"9abcdef\\\\123456\\n12345678\\t\\u00e9é€😀 long tail\", \"summary\": \"12345678\"}}" },
    { TRUE, HEAD ",\n                        \"overview\"   :\n\t\t\r\n                 {  }\n\n        }" },
    /* Escaped member names, enumeration keys and flags. */
    { TRUE, HEAD ", \"partners\": [{\"\\u0069d\": \"" ID1 "\", \"n\\u0061me\": \"A\", \"access_needs\": [\"\\u0062sl\", \"easy-read\"]}], \"overview\": {\"current_step\": \"\\u0069dentify\"}}" },
    /* Ids are compared ignoring case. */
    { TRUE, HEAD ", \"partners\": [{\"id\": \"" ID1_UPPER "\"}], \"terms_of_reference\": {\"members\": [{\"id\": \"" ID2 "\", \"partner\": \"" ID1 "\"}]}}" },
    /* Left to the reference, loaded or refused by it. */
    { FALSE, "" },
    { FALSE, "   " },
    { FALSE, "{\"format_version\": 1, \"format\": \"coproduce-project\", \"format\": \"coproduce-project\"}" },
    { FALSE, HEAD ", \"format_version\": 1}" },
    { FALSE, "{\"format\": \"coproduce-project\", \"format_version\": 2}" },
    { FALSE, "{\"format\": \"coproduce-project\", \"format_version\": 0}" },
    { FALSE, "{\"format\": \"coproduce-project\", \"format_version\": 1.0}" },
    { FALSE, "{\"format\": \"coproduce-project\"}" },
    { FALSE, "{\"format_version\": 1}" },
    { FALSE, "[]" },
    { FALSE, "\"coproduce-project\"" },
    { FALSE, HEAD "} {}" },
    { FALSE, HEAD "," },
    { FALSE, HEAD ",}" },
    { FALSE, HEAD ", \"x\": 1e400}" },
    { FALSE, HEAD ", \"x\": 99999999999999999999}" },
    { TRUE, HEAD ", \"x\": -0}" },
    { FALSE, HEAD ", \"x\": 01}" },
    { FALSE, HEAD ", \"x\": 'single'}" },
    { FALSE, HEAD ", \"x\": \"\\u0000\"}" },
    { FALSE, HEAD ", \"x\": \"\\ud800\"}" },
    { FALSE, HEAD ", \"x\": \"\\udc00\\ud800\"}" },
    { FALSE, HEAD ", \"x\": \"\\q\"}" },
    { FALSE, HEAD ", \"x\": \"raw\ttab\"}" },
    { FALSE, HEAD ", \"x\": 1, \"x\": 2}" },
    { FALSE, HEAD ", \"overview\": {\"title\": \"a\", \"title\": \"b\"}}" },
    { FALSE, HEAD ", \"overview\": {\"title\": 5}}" },
    { FALSE, HEAD ", \"overview\": {\"start_date\": \"2026-02-30\"}}" },
    { FALSE, HEAD ", \"overview\": {\"current_step\": \"nowhere\"}}" },
    { FALSE, HEAD ", \"overview\": []}" },
    { FALSE, HEAD ", \"partners\": {}}" },
    { FALSE, HEAD ", \"partners\": [{}]}" },
    { FALSE, HEAD ", \"partners\": [{\"id\": \"nope\"}]}" },
    { FALSE, HEAD ", \"partners\": [{\"id\": \"" ID1 "\"}, {\"id\": \"" ID1 "\"}]}" },
    { FALSE, HEAD ", \"partners\": [{\"id\": \"" ID1 "\"}, {\"id\": \"" ID1_UPPER "\"}]}" },
    { FALSE, HEAD ", \"partners\": [{\"id\": \"" ID1 "\", \"access_needs\": [\"bsl\", \"\\u0062sl\"]}]}" },
    { FALSE, HEAD ", \"overview\": {\"current_step\": \"identif\"}}" },
    { FALSE, HEAD ", \"overview\": {\"current_step\": \"identifyy\"}}" },
    { FALSE, HEAD ", \"overview\": {\"title\": \"123456789\001bcdefghij\"}}" },
    { FALSE, HEAD ", \"overview\": {\"title\": \"1234567890abcdefghij" },
    { FALSE, HEAD ", \"partners\": [{\"id\": \"" ID1 "\", \"influence\": 9}]}" },
    { FALSE, HEAD ", \"partners\": [{\"id\": \"" ID1 "\", \"influence\": -1}]}" },
    { FALSE, HEAD ", \"partners\": [{\"id\": \"" ID1 "\", \"access_needs\": [\"bsl\", \"bsl\"]}]}" },
    { FALSE, HEAD ", \"partners\": [{\"id\": \"" ID1 "\", \"privacy_notice\": 1}]}" },
    { FALSE, HEAD ", \"terms_of_reference\": {\"members\": [{\"id\": \"" ID2 "\", \"partner\": \"" ID1 "\"}]}}" },
    { FALSE, HEAD ", \"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}" },
    { FALSE, HEAD " /* comment */ }" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (g_test_verbose ())
        g_test_message ("case %u: %s", i, cases[i].data);
      g_assert_cmpint (check_load_string (cases[i].data), ==, cases[i].fast);
    }
}

/* What json-glib's parser reads but is not JSON (RFC 8259), measured with
 * json-glib 1.10.6, and mistakes near them: each refused by both paths with
 * this sentence. */
static void
test_strict_json (void)
{
  static const struct { const char *data; const char *message; } cases[] = {
    /* json-glib 1.10 reads these as if they were JSON. */
    { "{'format': 'coproduce-project', 'format_version': 1}",
      "The file is not valid JSON at line 1, column 2: text must be in double quotes, not single quotes." },
    { HEAD ", 'x': 1}",
      "The file is not valid JSON at line 1, column 54: text must be in double quotes, not single quotes." },
    { HEAD ", \"x\": ['a']}",
      "The file is not valid JSON at line 1, column 60: text must be in double quotes, not single quotes." },
    { HEAD ", /* note */ \"x\": 1}",
      "The file is not valid JSON at line 1, column 54: JSON does not allow comments." },
    { HEAD "} /* note */",
      "The file is not valid JSON at line 1, column 54: JSON does not allow comments." },
    { HEAD ", \"x\": \"a\x01" "b\"}",
      "The file is not valid JSON at line 1, column 61: a control character inside text must be written as \\u0001." },
    { HEAD ", \"x\": \"a\x1f\"}",
      "The file is not valid JSON at line 1, column 61: a control character inside text must be written as \\u001f." },
    { HEAD ", \"a\x02\": 1}",
      "The file is not valid JSON at line 1, column 56: a control character inside text must be written as \\u0002." },
    { HEAD ", \"x\": \"\\q\"}",
      "The file is not valid JSON at line 1, column 60: a backslash inside text must be followed by one of \" \\ / b f n r t u." },
    { HEAD ", \"x\": \"\\0\"}",
      "The file is not valid JSON at line 1, column 60: a backslash inside text must be followed by one of \" \\ / b f n r t u." },
    { HEAD ", \"x\": \"\\'\"}",
      "The file is not valid JSON at line 1, column 60: a backslash inside text must be followed by one of \" \\ / b f n r t u." },
    { HEAD ", \"x\": \"\\x41 \\v \\U0041\"}",
      "The file is not valid JSON at line 1, column 60: a backslash inside text must be followed by one of \" \\ / b f n r t u." },
    { HEAD ", \"x\": \"a\\\nb\"}",
      "The file is not valid JSON at line 1, column 61: a backslash inside text must be followed by one of \" \\ / b f n r t u." },
    { "\xEF\xBB\xBF\xEF\xBB\xBF" HEAD "}",
      "The file is not valid JSON at line 1, column 1: there is U+FEFF where a value should be." },
    { HEAD "} {}",
      "The file is not valid JSON at line 1, column 54: there is more after the end of the project." },
    /* json-glib 1.10 refuses these, with a message that can be wrong
     * ("expected character `]'" in an object) or quote a line break. */
    { HEAD ",\n// note\n\"x\": 1}",
      "The file is not valid JSON at line 2, column 1: JSON does not allow comments." },
    { HEAD ",\n# note\n\"x\": 1}",
      "The file is not valid JSON at line 2, column 1: JSON does not allow comments." },
    { HEAD ",}",
      "The file is not valid JSON at line 1, column 52: there is a comma after the last member of an object." },
    { HEAD ", \"x\": [1, 2,]}",
      "The file is not valid JSON at line 1, column 64: there is a comma after the last item of a list." },
    { HEAD ", \"x\": [1,,2]}",
      "The file is not valid JSON at line 1, column 62: there is “,” where a value should be." },
    { HEAD ", \"x\": hello}",
      "The file is not valid JSON at line 1, column 59: “hello” is not a value; text must be in double quotes." },
    { HEAD ", x: 1}",
      "The file is not valid JSON at line 1, column 54: the member name “x” must be in double quotes." },
    { HEAD ", 1: 1}",
      "The file is not valid JSON at line 1, column 54: there is “1” where a member name should be." },
    { HEAD ", \"x\": NaN}",
      "The file is not valid JSON at line 1, column 59: NaN and Infinity are not numbers in JSON." },
    { HEAD ", \"x\": -Infinity}",
      "The file is not valid JSON at line 1, column 59: NaN and Infinity are not numbers in JSON." },
    { HEAD ", \"x\": 0x1F}",
      "The file is not valid JSON at line 1, column 59: JSON has no hexadecimal numbers." },
    { HEAD ", \"x\": +1}",
      "The file is not valid JSON at line 1, column 59: a number cannot start with “+”." },
    { HEAD ", \"x\": 007}",
      "The file is not valid JSON at line 1, column 59: a number cannot have leading zeros." },
    { HEAD ", \"x\": -01}",
      "The file is not valid JSON at line 1, column 59: a number cannot have leading zeros." },
    { HEAD ", \"x\": .5}",
      "The file is not valid JSON at line 1, column 59: a number must have a digit before its decimal point." },
    { HEAD ", \"x\": 1.}",
      "The file is not valid JSON at line 1, column 59: a number must have a digit after its decimal point." },
    { HEAD ", \"x\": 1e+}",
      "The file is not valid JSON at line 1, column 59: a number must have digits in its exponent." },
    { HEAD ", \"x\": - 1}",
      "The file is not valid JSON at line 1, column 59: a minus sign must be followed by a digit." },
    { HEAD ", \"x\": TRUE}",
      "The file is not valid JSON at line 1, column 59: “TRUE” must be written in lower case." },
    { HEAD ", \"x\": nul}",
      "The file is not valid JSON at line 1, column 59: “nul” is not a value; text must be in double quotes." },
    { HEAD ", \"x\": \"a\tb\"}",
      "The file is not valid JSON at line 1, column 61: a tab inside text must be written as \\t." },
    { HEAD ", \"x\": \"a\nb\"}",
      "The file is not valid JSON at line 1, column 61: a line break inside text must be written as \\n." },
    { HEAD ", \"x\": \"a\rb\"}",
      "The file is not valid JSON at line 1, column 61: a line break inside text must be written as \\n." },
    { HEAD ", \"x\": \"\\u12\"}",
      "The file is not valid JSON at line 1, column 60: “\\u” must be followed by four hexadecimal digits." },
    { HEAD ", \"x\": \"abc",
      "The file is not valid JSON at line 1, column 59: the text that starts here has no closing double quote." },
    { HEAD ", \"x\": \"abc\\",
      "The file is not valid JSON at line 1, column 59: the text that starts here has no closing double quote." },
    { HEAD ", \"x\": [1",
      "The file is not valid JSON at line 1, column 61: the file ends before the closing “]” of a list." },
    { HEAD ", \"x\"",
      "The file is not valid JSON at line 1, column 57: the file ends before the closing “}” of an object." },
    { HEAD " \"x\": 1}",
      "The file is not valid JSON at line 1, column 53: a comma is missing between two members." },
    { HEAD ", \"x\": [1 2]}",
      "The file is not valid JSON at line 1, column 62: a comma is missing between two items." },
    { HEAD ", \"x\": [1}}",
      "The file is not valid JSON at line 1, column 61: there is “}” where a comma or “]” should be." },
    { HEAD ", \"x\": {\"a\": 1]}",
      "The file is not valid JSON at line 1, column 66: there is “]” where a comma or “}” should be." },
    { HEAD ", \"x\" = 1}",
      "The file is not valid JSON at line 1, column 58: there is “=” where a colon should be." },
    { HEAD ", \"x\": }",
      "The file is not valid JSON at line 1, column 59: a member has no value." },
    { HEAD ",\v\"x\": 1}",
      "The file is not valid JSON at line 1, column 53: there is U+000B where a member name should be." },
    { HEAD ",\xC2\xA0\"x\": 1}",
      "The file is not valid JSON at line 1, column 53: there is U+00A0 where a member name should be." },
    { HEAD "}\n}",
      "The file is not valid JSON at line 2, column 1: there is more after the end of the project." },
    { "// nothing\n",
      "The file is not valid JSON at line 1, column 1: JSON does not allow comments." },
    /* Not syntax errors, but what a project cannot keep. */
    { HEAD ", \"x\": \"\\u0000\"}",
      "The file holds a null character, written “\\u0000”, at line 1, column 60; a project cannot keep one." },
    { HEAD ", \"x\": \"\\ud800\\u0041\"}",
      "The file holds half of a Unicode character, written “\\ud800”, at line 1, column 60; a project cannot keep it." },
    { HEAD ", \"x\": -99999999999999999999}",
      "The number at line 1, column 59 is too large to be kept exactly." },
    { " \n\t\r ", "The file is empty." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CoproDocument) document = NULL;

      g_test_message ("case %u: %s", i, cases[i].data);
      document = _copro_document_new_from_data_reference (cases[i].data, strlen (cases[i].data), &error);
      g_assert_null (document);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      /* The fast path gives way, and the loader says the same. */
      g_assert_false (check_load_string (cases[i].data));
    }

  /* What is JSON, near those, loads; these by the fast path too. */
  g_assert_true (check_load_string ("\xEF\xBB\xBF" HEAD ", \"x\": [-0, 0, 0.5e-3, 1E+2, -1.5e3, \"\\u00E9\\uD83D\\uDE00\\/\"]}"));
  g_assert_true (check_load_string (HEAD ", \"x\": \"\x7f \xE2\x80\xA8 / \xEF\xBB\xBF\"}\r\n"));
  g_assert_false (check_load_string (" \"coproduce-project\" "));
}

/* Damaged copies of a file: at many places, a byte removed, doubled or
 * replaced by one of the characters that matter to JSON. Returns how many the
 * fast path read. */
static guint
check_damaged (const char *path,
               guint       n_cases,
               guint32     seed)
{
  static const char *inserts[] = { "", "\"", "\\", "{", "}", "[", "]", ",", ":", "0", "-", "e", "x",
                                   " ", "n", "\\u0000", "\\ud800", "1e999", "\"\"", "null" };
  g_autofree char *data = NULL;
  gsize length;
  guint n_fast = 0;
  GRand *rand = g_rand_new_with_seed (seed);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (guint k = 0; k < n_cases; k++)
    {
      gsize at = (gsize) g_rand_int_range (rand, 0, (gint32) length);
      const char *insert = inserts[g_rand_int_range (rand, 0, G_N_ELEMENTS (inserts))];
      gsize skip = g_rand_int_range (rand, 0, 3);
      g_autoptr(GString) damaged = g_string_new_len (data, (gssize) at);

      g_string_append (damaged, insert);
      if (at + skip <= length)
        g_string_append_len (damaged, data + at + skip, (gssize) (length - at - skip));
      if (check_load (damaged->str, damaged->len))
        n_fast++;
    }
  g_rand_free (rand);
  g_test_message ("%u damaged copies of %s, %u read by the fast path", n_cases, path, n_fast);
  return n_fast;
}

static void
test_damaged (void)
{
  g_autofree char *unknown = g_test_build_filename (G_TEST_DIST, "fixtures", "unknown-members.coprod", NULL);
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "example.coprod", NULL);

  /* Small files, many times; the example (73 kB) a few times, so that the
   * test stays quick under the sanitisers. */
  g_assert_cmpuint (check_damaged (unknown, 400, 8), >, 0);
  g_assert_cmpuint (check_damaged (example, 20, 9), >, 0);
}

/* Records read by the fast path share some strings (empty texts,
 * enumeration keys) and hold the others in one block: changing, copying and
 * freeing them afterwards must treat each string as its own (the sanitisers
 * catch a wrong free). */
static void
test_edit_loaded (void)
{
  static const char data[] =
    HEAD ", \"partners\": [{\"id\": \"" ID1 "\", \"name\": \"Ada\", \"organisation\": \"\","
    " \"kind\": \"individual\", \"consent_date\": \"2026-01-02\", \"notes\": \"two\\nlines\","
    " \"contacts\": [{\"id\": \"" ID2 "\", \"date\": \"2026-03-04\", \"method\": \"phone\","
    " \"made_by\": \"Officer\", \"summary\": \"Called about the \\\"next\\\" meeting\","
    " \"follow_up\": null, \"activity\": \"" ID1_UPPER "\"}]}]}";
  g_autoptr(CoproDocument) document = _copro_document_new_from_data_fast (data, strlen (data));
  CoproRecord *partner, *contact;
  g_autoptr(CoproRecord) copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_nonnull (document);
  partner = copro_list_get (copro_record_get_list (copro_document_get_project (document), "partners"), 0);
  contact = copro_list_get (copro_record_get_list (partner, "contacts"), 0);
  g_assert_cmpstr (copro_record_get_id (partner), ==, ID1);
  g_assert_cmpstr (copro_record_get_string (partner, "name"), ==, "Ada");
  g_assert_cmpstr (copro_record_get_string (partner, "organisation"), ==, "");
  g_assert_cmpstr (copro_record_get_string (partner, "kind"), ==, "individual");
  g_assert_cmpstr (copro_record_get_string (partner, "consent_date"), ==, "2026-01-02");
  g_assert_cmpstr (copro_record_get_string (partner, "notes"), ==, "two\nlines");
  g_assert_null (copro_record_get_string (partner, "sector"));
  g_assert_cmpstr (copro_record_get_string (contact, "summary"), ==, "Called about the \"next\" meeting");
  g_assert_cmpstr (copro_record_get_string (contact, "method"), ==, "phone");
  g_assert_cmpstr (copro_record_get_string (contact, "activity"), ==, ID1_UPPER);
  g_assert_null (copro_record_get_string (contact, "follow_up"));
  before = check_save (document);

  /* A copy holds its own strings, and outlives what it was copied from. */
  copy = copro_record_copy (partner);

  copro_record_set_string (partner, "name", "");
  copro_record_set_string (partner, "name", "Ada Lovelace");
  copro_record_set_string (partner, "organisation", "Analytical Engines");
  copro_record_set_string (partner, "kind", "organisation");
  copro_record_set_string (partner, "kind", NULL);
  copro_record_set_string (partner, "consent_date", NULL);
  copro_record_set_string (partner, "notes", "one line");
  copro_record_set_id (partner, ID2);
  copro_record_set_string (contact, "summary", "");
  copro_record_set_string (contact, "date", "2026-03-05");
  copro_record_set_string (contact, "method", "letter");
  copro_record_set_string (contact, "activity", NULL);
  copro_record_set_string (contact, "follow_up", "2026-04-01");
  after = check_save (document);
  g_assert_cmpstr (before, !=, after);
  g_assert_nonnull (strstr (after, "\"name\" : \"Ada Lovelace\""));
  g_assert_nonnull (strstr (after, "\"method\" : \"letter\""));
  g_assert_nonnull (strstr (after, "\"follow_up\" : \"2026-04-01\""));

  g_clear_object (&document);
  g_assert_cmpstr (copro_record_get_id (copy), ==, ID1);
  g_assert_cmpstr (copro_record_get_string (copy, "name"), ==, "Ada");
  g_assert_cmpstr (copro_record_get_string (copy, "kind"), ==, "individual");
  g_assert_cmpstr (copro_record_get_string (copy, "notes"), ==, "two\nlines");
  contact = copro_list_get (copro_record_get_list (copy, "contacts"), 0);
  g_assert_cmpstr (copro_record_get_string (contact, "summary"), ==, "Called about the \"next\" meeting");
  g_assert_cmpstr (copro_record_get_string (contact, "activity"), ==, ID1_UPPER);
}

/* The writer: every ASCII character, other scripts, and members this version
 * does not know at every depth, against json-glib's tree of the same project
 * (test-document.c holds the bytes expected). */
static void
test_writer (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  CoproRecord *project = copro_document_get_project (document);
  CoproRecord *overview = copro_record_get_record (project, "overview");
  CoproRecord *partner = copro_list_add_new (copro_record_get_list (project, "partners"));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) every = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  for (int c = 1; c < 128; c++)
    g_string_append_c (every, (char) c);
  g_string_append (every, "é€😀 “quotes” ünïcödé");
  copro_record_set_string (overview, "title", every->str);
  copro_record_set_string (partner, "name", "\x1f\x7f\x1e\x01");
  copro_record_set_int (partner, "influence", 3);
  copro_record_set_money (partner, "remuneration_rate", 123456789);

  json_parser_load_from_data (parser,
                              "{\"weights\": [1, -2, 0.5, 1.5e3, 0.1, 123456789012345, true, null],"
                              " \"empty\": {}, \"list\": [], \"nested\": {\"a\": [{\"b\": {}}, []], \"c\": \"\\u0001\"},"
                              " \"text\": \"line\\nbreak\"}", -1, &error);
  g_assert_no_error (error);
  copro_record_set_extra (project, json_node_get_object (json_parser_get_root (parser)));
  copro_record_set_extra (overview, json_node_get_object (json_parser_get_root (parser)));
  copro_record_set_extra (partner, json_node_get_object (json_parser_get_root (parser)));

  saved = check_save (document);
  /* Every control character is escaped, so the fast reader reads it all. */
  g_assert_nonnull (strstr (saved, "\"name\" : \"\\u001f\x7f\\u001e\\u0001\""));
  g_assert_true (check_load_string (saved));

  /* json-glib, the reference reader, reads back every value. */
  json_parser_load_from_data (parser, saved, -1, &error);
  g_assert_no_error (error);
  {
    JsonObject *root = json_node_get_object (json_parser_get_root (parser));
    JsonObject *read_overview = json_object_get_object_member (root, "overview");
    JsonArray *partners = json_object_get_array_member (root, "partners");

    g_assert_cmpstr (json_object_get_string_member (read_overview, "title"), ==, every->str);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (partners, 0), "name"),
                     ==, "\x1f\x7f\x1e\x01");
    g_assert_true (json_node_equal (json_object_get_member (root, "nested"),
                                    json_object_get_member (copro_record_get_extra (project), "nested")));
    g_assert_true (json_node_equal (json_object_get_member (read_overview, "weights"),
                                    json_object_get_member (copro_record_get_extra (overview), "weights")));
  }

  /* A record added without an id is written with a null one. */
  {
    g_autoptr(CoproRecord) anonymous = copro_record_new (&copro_desc_partner);

    copro_list_append (copro_record_get_list (project, "partners"), anonymous);
    g_free (check_save (document));
  }

  /* An unknown member named like a known one is left to json-glib's tree,
   * which the same writer writes. */
  json_parser_load_from_data (parser, "{\"title\": \"clash\"}", -1, &error);
  g_assert_no_error (error);
  copro_record_set_extra (overview, json_node_get_object (json_parser_get_root (parser)));
  g_free (check_save (document));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fast-json/fixtures", test_fixtures);
  g_test_add_func ("/fast-json/example-is-fast", test_example_is_fast);
  g_test_add_func ("/fast-json/generated", test_generated);
  g_test_add_func ("/fast-json/edge-cases", test_edge_cases);
  g_test_add_func ("/fast-json/strict-json", test_strict_json);
  g_test_add_func ("/fast-json/damaged", test_damaged);
  g_test_add_func ("/fast-json/writer", test_writer);
  g_test_add_func ("/fast-json/edit-loaded", test_edit_loaded);
  return g_test_run ();
}
