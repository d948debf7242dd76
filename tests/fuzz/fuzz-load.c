/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness for the project loader. Beyond "no crash", it checks the
 * format's promise: whatever loads, saves, and what it saves loads back to the
 * very same bytes; and the fast reader and writer agree with json-glib's. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "copro-checks.h"
#include "copro-document-private.h"

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
  GDate today;

  g_autoptr(CoproDocument) reference = NULL;
  g_autoptr(CoproDocument) fast = NULL;
  g_autoptr(GError) reference_error = NULL;

  document = copro_document_new_from_data ((const char *) data, size, &error);

  /* The fast path (copro-fast-json.c) against json-glib's, the reference:
   * the same sentence, or the same project saved to the same bytes. */
  reference = _copro_document_new_from_data_reference ((const char *) data, size, &reference_error);
  fast = _copro_document_new_from_data_fast ((const char *) data, size);
  if (reference == NULL)
    {
      g_assert (document == NULL && fast == NULL);
      g_assert (reference_error->domain == error->domain && reference_error->code == error->code);
      g_assert (strcmp (reference_error->message, error->message) == 0);
    }
  else
    {
      g_autoptr(GBytes) expected = _copro_document_serialize_reference (reference);
      g_autoptr(GBytes) got = copro_document_serialize (document);
      g_autoptr(GBytes) got_reference = _copro_document_serialize_reference (document);

      g_assert (document != NULL);
      g_assert (g_bytes_equal (expected, got) && g_bytes_equal (expected, got_reference));
      g_assert (copro_document_get_format_version (document) == copro_document_get_format_version (reference));
      if (fast != NULL)
        {
          g_autoptr(GBytes) got_fast = copro_document_serialize (fast);

          g_assert (g_bytes_equal (expected, got_fast));
        }
    }

  if (document == NULL)
    {
      g_assert (error != NULL && error->message != NULL && strchr (error->message, '\n') == NULL);
      return 0;
    }

  /* A fixed day, so that a run with a fixed -seed does not change with the date. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2026);
  findings = copro_checks_run (copro_document_get_project (document), &today);
  first = copro_document_serialize (document);
  again = copro_document_new_from_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first), &error);
  g_assert (again != NULL);
  second = copro_document_serialize (again);
  g_assert (g_bytes_equal (first, second));
  return 0;
}
