/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness for the CSV importer: no crash, every message (for the
 * file as a whole or for one row) is one sentence on one line, and every
 * importable row really goes into a project that saves and loads again. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "copro-csv.h"
#include "copro-document.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* One line: no line break (LF, CR, NEL, U+2028, U+2029) nor any other
 * control character, whatever the input's cells hold; and a sentence: it
 * starts with a capital letter and ends with a full stop. */
static void
assert_one_line (const char *message)
{
  g_assert (message != NULL && g_utf8_validate (message, -1, NULL));
  g_assert (g_ascii_isupper (message[0]) && g_str_has_suffix (message, "."));
  for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert (!g_unichar_iscntrl (c) &&
                g_unichar_type (c) != G_UNICODE_LINE_SEPARATOR &&
                g_unichar_type (c) != G_UNICODE_PARAGRAPH_SEPARATOR);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CoproCsvImport) import = NULL;
  g_autoptr(CoproDocument) document = NULL;
  g_autoptr(CoproDocument) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* The importer gives each partner a random id: the same ids for the same
   * input keep a run with a fixed -seed the same from one run to the next
   * (libFuzzer learns from the strings the code compares). */
  g_random_set_seed (1);

  import = copro_csv_import_new_from_data ((const char *) data, size, &error);
  if (import == NULL)
    {
      g_assert (error != NULL);
      assert_one_line (error->message);
      return 0;
    }
  for (guint i = 0; i < import->problems->len; i++)
    {
      CoproCsvProblem *problem = g_ptr_array_index (import->problems, i);

      g_assert (problem->row >= 2);
      assert_one_line (problem->reason);
    }

  document = copro_document_new ();
  g_assert (copro_csv_import_apply (import, copro_document_get_project (document)) == import->partners->len);
  bytes = copro_document_serialize (document);
  again = copro_document_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert (again != NULL);
  return 0;
}
