/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness for the CSV importer: no crash, every message (for the
 * file as a whole or for one row) is one sentence on one line, and every
 * importable row really goes into a project that saves and loads again. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "copro-csv.h"
#include "copro-document.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"

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

static void
fuzz_partners (const uint8_t *data,
               size_t         size)
{
  g_autoptr(CoproCsvImport) import = NULL;
  g_autoptr(CoproDocument) document = NULL;
  g_autoptr(CoproDocument) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  import = copro_csv_import_new_from_data ((const char *) data, size, &error);
  if (import == NULL)
    {
      g_assert (error != NULL);
      assert_one_line (error->message);
      return;
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
}

/* The same input as contacts for partners' logs (issue 14), matched against
 * a project of two partners and an activity: every row matched, or a
 * problem with its number; and what is imported saves and opens again. */
static void
fuzz_contacts (const uint8_t *data,
               size_t         size)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  CoproRecord *project = copro_document_get_project (document);
  CoproList *partners = copro_record_get_list (project, "partners");
  CoproRecord *ada = copro_list_add_new (partners);
  CoproRecord *ben = copro_list_add_new (partners);
  g_autoptr(CoproContactMatcher) matcher = NULL;
  g_autoptr(CoproCsvImport) import = NULL;
  g_autoptr(CoproDocument) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  copro_record_set_string (ada, "name", "Ada Example");
  copro_record_set_string (ada, "email", "ada@example.org");
  copro_record_set_string (ben, "name", "Ben");
  copro_record_set_string (ben, "organisation", "Carers Together");
  copro_record_set_string (copro_list_add_new (copro_record_get_list (project, "activities")), "title", "Workshop");

  matcher = copro_contact_matcher_new (project);
  import = copro_csv_import_contacts_new_from_data ((const char *) data, size, matcher, &error);
  if (import == NULL)
    {
      g_assert (error != NULL);
      assert_one_line (error->message);
      return;
    }
  g_assert (import->contacts->len == import->contact_partners->len);
  for (guint i = 0; i < import->problems->len; i++)
    {
      CoproCsvProblem *problem = g_ptr_array_index (import->problems, i);

      g_assert (problem->row >= 2);
      assert_one_line (problem->reason);
    }
  before = copro_list_get_n_items (copro_partner_get_contacts (ada)) +
           copro_list_get_n_items (copro_partner_get_contacts (ben));
  g_assert (before == 0);
  g_assert (copro_csv_import_apply (import, project) == import->contacts->len);
  g_assert (copro_list_get_n_items (copro_partner_get_contacts (ada)) +
            copro_list_get_n_items (copro_partner_get_contacts (ben)) == import->contacts->len);
  bytes = copro_document_serialize (document);
  again = copro_document_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert (again != NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The importer gives each partner a random id: the same ids for the same
   * input keep a run with a fixed -seed the same from one run to the next
   * (libFuzzer learns from the strings the code compares). */
  g_random_set_seed (1);

  fuzz_partners (data, size);
  fuzz_contacts (data, size);
  return 0;
}
