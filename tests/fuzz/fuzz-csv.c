/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness for the CSV importer: no crash, every problem is one
 * sentence, and every importable row really goes into a project that saves
 * and loads again. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "copro-csv.h"
#include "copro-document.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
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
      g_assert (error != NULL && strchr (error->message, '\n') == NULL);
      return 0;
    }
  for (guint i = 0; i < import->problems->len; i++)
    {
      CoproCsvProblem *problem = g_ptr_array_index (import->problems, i);

      g_assert (problem->row >= 2 && problem->reason != NULL);
    }

  document = copro_document_new ();
  g_assert (copro_csv_import_apply (import, copro_document_get_project (document)) == import->partners->len);
  bytes = copro_document_serialize (document);
  again = copro_document_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert (again != NULL);
  return 0;
}
