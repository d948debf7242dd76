/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV importer's corner cases: RFC 4180 quoting, encodings, line ends,
 * header matching, enumeration labels and row-by-row reasons. */

#include "config.h"

#include <string.h>

#include "copro-csv.h"
#include "copro-error.h"
#include "copro-list.h"
#include "copro-model.h"

static CoproCsvImport *
parse_ok (const char *data)
{
  g_autoptr(GError) error = NULL;
  CoproCsvImport *import = copro_csv_import_new_from_data (data, strlen (data), &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static CoproRecord *
partner (CoproCsvImport *import,
         guint           i)
{
  g_assert_cmpuint (i, <, import->partners->len);
  return g_ptr_array_index (import->partners, i);
}

static void
test_quoting (void)
{
  g_autoptr(CoproCsvImport) import =
    parse_ok ("name,organisation,notes\n"
              "\"Okafor, Ben\",\"The \"\"Hub\"\"\",\"first line\nsecond line, with comma\"\n"
              "Plain,,\n");

  g_assert_cmpuint (import->partners->len, ==, 2);
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpstr (copro_record_get_string (partner (import, 0), "name"), ==, "Okafor, Ben");
  g_assert_cmpstr (copro_record_get_string (partner (import, 0), "organisation"), ==, "The \"Hub\"");
  g_assert_cmpstr (copro_record_get_string (partner (import, 0), "notes"), ==, "first line\nsecond line, with comma");
  g_assert_cmpstr (copro_record_get_string (partner (import, 1), "name"), ==, "Plain");
  g_assert_true (g_uuid_string_is_valid (copro_record_get_id (partner (import, 1))));
  g_assert_cmpstr (copro_record_get_id (partner (import, 0)), !=, copro_record_get_id (partner (import, 1)));
}

static void
test_bom_and_line_endings (void)
{
  const char *variants[] = {
    "\xEF\xBB\xBFName,Email\r\nZoë Clarke,zoe@example.org\r\nLi Wei,li@example.org\r\n",
    "Name,Email\nZoë Clarke,zoe@example.org\nLi Wei,li@example.org",
    "Name,Email\rZoë Clarke,zoe@example.org\rLi Wei,li@example.org\r",
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(CoproCsvImport) import = parse_ok (variants[i]);

      g_assert_cmpuint (import->partners->len, ==, 2);
      g_assert_cmpstr (copro_record_get_string (partner (import, 0), "name"), ==, "Zoë Clarke");
      g_assert_cmpstr (copro_record_get_string (partner (import, 1), "email"), ==, "li@example.org");
    }
}

static void
test_headers_match_loosely (void)
{
  g_autoptr(CoproCsvImport) import =
    parse_ok ("NAME, Organization ,Accessibility Needs,Favourite colour,Level,Status,Attitude,Sector\n"
              "Kim,Hill Carers,Easy read; BSL; needs quiet room; easy-read,teal,Co-design,ACTIVE,champion,Voluntary and community\n");
  CoproRecord *kim = partner (import, 0);

  g_assert_cmpuint (import->headers->len, ==, 8);
  g_assert_cmpstr (g_ptr_array_index (import->columns, 1), ==, "organisation");
  g_assert_null (g_ptr_array_index (import->columns, 3));   /* ignored, but listed */
  g_assert_cmpstr (copro_record_get_string (kim, "organisation"), ==, "Hill Carers");
  g_assert_cmpstr (copro_record_get_string (kim, "level"), ==, "co-design");
  g_assert_cmpstr (copro_record_get_string (kim, "status"), ==, "active");
  g_assert_cmpstr (copro_record_get_string (kim, "attitude"), ==, "champion");
  g_assert_cmpstr (copro_record_get_string (kim, "sector"), ==, "voluntary-community");
  g_assert_cmpuint (g_strv_length ((char **) copro_record_get_flags (kim, "access_needs")), ==, 2);
  g_assert_true (copro_record_has_flag (kim, "access_needs", "easy-read"));
  g_assert_true (copro_record_has_flag (kim, "access_needs", "bsl"));
  g_assert_cmpstr (copro_record_get_string (kim, "access_notes"), ==, "needs quiet room");
}

static void
test_bad_rows_are_reported_with_row_numbers (void)
{
  g_autoptr(CoproCsvImport) import =
    parse_ok ("name,email,influence,interest,sector\n"
              "Good One,good@example.org,5,1,council\n"
              "\n"
              "Bad Email,not-an-address,3,3,council\n"
              "Bad Influence,,0,3,\n"
              "Bad Interest,,3,2.5,\n"
              "Bad Sector,,,,Martians\n"
              ",,,,\n"
              ",,3,3,council\n"
              "Too,many,fields,here,x,y\n"
              "Good Two,,,,carer\n");
  const char *expected[][2] = {
    { "4", "email address “not-an-address”" },
    { "5", "influence “0”" },
    { "6", "interest “2.5”" },
    { "7", "sector “Martians”" },
    { "9", "neither a name nor an organisation" },
    { "10", "6 fields but the header has 5" },
  };

  g_assert_cmpuint (import->partners->len, ==, 2);
  g_assert_cmpstr (copro_record_get_string (partner (import, 1), "name"), ==, "Good Two");
  g_assert_cmpint (copro_record_get_int (partner (import, 0), "influence"), ==, 5);
  g_assert_cmpuint (import->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CoproCsvProblem *problem = g_ptr_array_index (import->problems, i);
      g_autofree char *row = g_strdup_printf ("Row %s ", expected[i][0]);

      g_assert_cmpuint (problem->row, ==, (guint) atoi (expected[i][0]));
      g_assert_true (g_str_has_prefix (problem->reason, row));
      g_assert_nonnull (strstr (problem->reason, expected[i][1]));
      g_assert_true (g_str_has_suffix (problem->reason, "."));
    }
}

static void
test_row_numbers_count_records_not_lines (void)
{
  g_autoptr(CoproCsvImport) import =
    parse_ok ("name,notes,influence\n"
              "A,\"two\nlines\",1\n"
              "B,,9\n");

  g_assert_cmpuint (import->problems->len, ==, 1);
  g_assert_cmpuint (((CoproCsvProblem *) g_ptr_array_index (import->problems, 0))->row, ==, 3);
}

static void
test_file_level_errors (void)
{
  const struct
  {
    const char *data;
    const char *expected;
  } cases[] = {
    { "", "empty" },
    { "\n\n", "empty" },
    { "email,phone\nx@example.org,1\n", "“name” column" },
    { "name,Name\nA,B\n", "twice" },
    { "name,notes\nA,\"never closed\n", "line 2 is never closed" },
    { "name,notes\nA,\"closed\"x\n", "straight after a closing quote" },
    { "name\n\xC3\x28\n", "not UTF-8" },
    { "name\nA\0B\n", "binary" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = i == 7 ? 9 : strlen (cases[i].data);
      g_autoptr(CoproCsvImport) import = copro_csv_import_new_from_data (cases[i].data, length, &error);

      g_test_message ("case %u", i);
      g_assert_null (import);
      g_assert_error (error, COPRO_ERROR, COPRO_ERROR_CSV);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }
}

/* A message is one sentence on one line: no line break or other control
 * character, whatever the cells it quotes hold (the harness in
 * tests/fuzz/fuzz-csv.c asserts the same on every input it tries). */
static void
assert_one_line (const char *message)
{
  g_assert_nonnull (message);
  g_assert_true (g_utf8_validate (message, -1, NULL));
  for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_false (g_unichar_iscntrl (c));
      g_assert_cmpint (g_unichar_type (c), !=, G_UNICODE_LINE_SEPARATOR);
      g_assert_cmpint (g_unichar_type (c), !=, G_UNICODE_PARAGRAPH_SEPARATOR);
    }
  g_assert_true (g_str_has_suffix (message, "."));
}

static void
test_messages_are_one_line (void)
{
  /* What the fuzzer found: a header cell that holds line breaks was quoted
   * as it stood, so the message ran over three lines. The same input is
   * kept in tests/fuzz/crashes-csv/ and replayed by the fuzz suite. */
  const char found[] = "name,\"name\n\n\"\n";
  const struct
  {
    const char *data;
    const char *expected;
  } rows[] = {
    /* Line breaks (CRLF, LF, a lone CR, U+2028), tabs and NEL in a header
     * and in a value become single spaces. */
    { "name,\"Sector\r\n\"\nA,\"Mar\ntians\rfrom\tspace\"\n",
      "Row 2 cannot be imported: the Sector “Mar tians from space” is not one this version knows." },
    { "name,\"\ninfluence\"\nA,\"\n\n1\xE2\x80\xA8" "0\xC2\x85\"\n",
      "Row 2 cannot be imported: the influence “1 0” is not a whole number from 1 to 5." },
    /* A long cell is cut short. */
    { "name,email\nA,\"abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij\"\n",
      "Row 2 cannot be imported: the email address “abcdefghij abcdefghij abcdefghij abcdefghij abcdef…” is not valid." },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CoproCsvImport) refused = copro_csv_import_new_from_data (found, strlen (found), &error);

  g_assert_null (refused);
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_CSV);
  g_assert_cmpstr (error->message, ==, "The header row names the column “name” twice.");
  assert_one_line (error->message);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(CoproCsvImport) import = parse_ok (rows[i].data);
      CoproCsvProblem *problem;

      g_test_message ("case %u", i);
      g_assert_cmpuint (import->problems->len, ==, 1);
      problem = g_ptr_array_index (import->problems, 0);
      g_assert_cmpstr (problem->reason, ==, rows[i].expected);
      assert_one_line (problem->reason);
    }
}

static void
test_not_utf8_is_one_sentence (void)
{
  const char data[] = "name\nA\n\xC3\x28\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CoproCsvImport) import = copro_csv_import_new_from_data (data, strlen (data), &error);

  g_assert_null (import);
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_CSV);
  g_assert_cmpstr (error->message, ==,
                   "The CSV file is not UTF-8 text: line 3 has bytes that are not valid, "
                   "so save the file from your spreadsheet as “CSV UTF-8”.");
  assert_one_line (error->message);
}

static void
test_apply_adds_to_project (void)
{
  g_autoptr(CoproCsvImport) import = parse_ok ("name\nA\nB\nC\n");
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproList *partners = copro_record_get_list (project, "partners");

  copro_record_set_string (copro_list_add_new (partners), "name", "Existing");
  g_assert_cmpuint (copro_csv_import_apply (import, project), ==, 3);
  g_assert_cmpuint (copro_list_get_n_items (partners), ==, 4);
  g_assert_cmpstr (copro_record_get_string (copro_list_get (partners, 0), "name"), ==, "Existing");
  g_assert_cmpstr (copro_record_get_string (copro_list_get (partners, 3), "name"), ==, "C");
  g_assert_true (copro_record_get_parent (copro_list_get (partners, 3)) == project);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copro/csv/quoting", test_quoting);
  g_test_add_func ("/copro/csv/bom-and-line-endings", test_bom_and_line_endings);
  g_test_add_func ("/copro/csv/headers-match-loosely", test_headers_match_loosely);
  g_test_add_func ("/copro/csv/bad-rows-are-reported-with-row-numbers", test_bad_rows_are_reported_with_row_numbers);
  g_test_add_func ("/copro/csv/row-numbers-count-records-not-lines", test_row_numbers_count_records_not_lines);
  g_test_add_func ("/copro/csv/file-level-errors", test_file_level_errors);
  g_test_add_func ("/copro/csv/messages-are-one-line", test_messages_are_one_line);
  g_test_add_func ("/copro/csv/not-utf8-is-one-sentence", test_not_utf8_is_one_sentence);
  g_test_add_func ("/copro/csv/apply-adds-to-project", test_apply_adds_to_project);

  return g_test_run ();
}
