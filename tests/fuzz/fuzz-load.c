/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness for the project loader. Beyond "no crash", it checks the
 * format's promise: whatever loads, saves, and what it saves loads back to the
 * very same bytes. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "copro-checks.h"
#include "copro-document.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CoproDocument) document = NULL;
  g_autoptr(CoproDocument) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  document = copro_document_new_from_data ((const char *) data, size, &error);
  if (document == NULL)
    {
      g_assert (error != NULL && error->message != NULL && strchr (error->message, '\n') == NULL);
      return 0;
    }

  findings = copro_checks_run (copro_document_get_project (document), NULL);
  first = copro_document_serialize (document);
  again = copro_document_new_from_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first), &error);
  g_assert (again != NULL);
  second = copro_document_serialize (again);
  g_assert (g_bytes_equal (first, second));
  return 0;
}
