/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A partner's contact log in src/core: the getters the register and the
 * timeline use, the personal-data rules, and the file format (an older file
 * opens unchanged; a link to an activity no longer in the log is kept). */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "copro-contact.h"
#include "copro-csv.h"
#include "copro-document-private.h"
#include "copro-document.h"
#include "copro-error.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"

static CoproRecord *
new_partner (CoproRecord *project,
             const char  *name)
{
  CoproRecord *partner = copro_list_add_new (copro_record_get_list (project, "partners"));

  copro_record_set_string (partner, "name", name);
  return partner;
}

static void
test_last_contact_date (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproRecord *partner = new_partner (project, "Asha Patel");

  g_assert_null (copro_partner_get_last_contact_date (partner));
  copro_contact_log (partner, NULL, "phone", NULL, "No date", NULL);
  g_assert_null (copro_partner_get_last_contact_date (partner));
  copro_contact_log (partner, "2026-03-09", "email", NULL, NULL, NULL);
  g_assert_cmpstr (copro_partner_get_last_contact_date (partner), ==, "2026-03-09");
  /* Not the last added: the latest date. */
  copro_contact_log (partner, "2025-12-31", "letter", NULL, NULL, NULL);
  copro_contact_log (partner, "2026-10-01", "visit", NULL, NULL, NULL);
  copro_contact_log (partner, "2026-01-15", "meeting", NULL, NULL, NULL);
  g_assert_cmpstr (copro_partner_get_last_contact_date (partner), ==, "2026-10-01");
  g_assert_cmpuint (copro_list_get_n_items (copro_partner_get_contacts (partner)), ==, 5);

  /* It follows changes. */
  copro_record_set_string (copro_list_get (copro_partner_get_contacts (partner), 3), "date", NULL);
  g_assert_cmpstr (copro_partner_get_last_contact_date (partner), ==, "2026-03-09");
}

static void
test_sorted_newest_first (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproRecord *partner = new_partner (project, "Asha Patel");
  const char *expected[] = { "second on 10 May", "first on 10 May", "1 March", "2025", "undated, second", "undated, first" };
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) none = NULL;

  /* An empty log sorts to nothing (no qsort of a NULL array). */
  none = copro_contacts_sorted_newest_first (G_LIST_MODEL (copro_partner_get_contacts (partner)));
  g_assert_cmpuint (none->len, ==, 0);
  copro_contact_log (partner, "2026-03-01", NULL, NULL, "1 March", NULL);
  copro_contact_log (partner, NULL, NULL, NULL, "undated, first", NULL);
  copro_contact_log (partner, "2026-05-10", NULL, NULL, "first on 10 May", NULL);
  copro_contact_log (partner, "2025-07-04", NULL, NULL, "2025", NULL);
  copro_contact_log (partner, NULL, NULL, NULL, "undated, second", NULL);
  copro_contact_log (partner, "2026-05-10", NULL, NULL, "second on 10 May", NULL);
  sorted = copro_contacts_sorted_newest_first (G_LIST_MODEL (copro_partner_get_contacts (partner)));
  g_assert_cmpuint (sorted->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < sorted->len; i++)
    g_assert_cmpstr (copro_contact_get_title (g_ptr_array_index (sorted, i)), ==, expected[i]);
}

static void
test_labels_and_activity (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproRecord *partner = new_partner (project, "Asha Patel");
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  g_autofree char *gone = g_uuid_string_random ();
  CoproRecord *linked, *dangling, *bare;

  linked = copro_contact_log (partner, "2026-03-01", "event", "Jo", "Came to the workshop", copro_record_get_id (activity));
  dangling = copro_contact_log (partner, "2026-03-02", "visit", "Jo", "", gone);
  bare = copro_contact_log (partner, NULL, NULL, NULL, NULL, NULL);

  g_assert_true (copro_contact_find_activity (linked, project) == activity);
  g_assert_null (copro_contact_find_activity (dangling, project));
  g_assert_cmpstr (copro_contact_get_activity (dangling), ==, gone);
  g_assert_null (copro_contact_find_activity (bare, project));
  g_assert_cmpstr (copro_contact_get_method_label (linked), ==, "Event");
  g_assert_cmpstr (copro_contact_get_method_label (bare), ==, "Contact");
  g_assert_cmpstr (copro_contact_get_title (dangling), ==, "No summary");
  g_assert_cmpuint (copro_enum_n_values (&copro_enum_contact_channel), ==, 7);
}

static void
test_follow_up_rule (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproRecord *partner = new_partner (project, "Asha Patel");
  CoproRecord *contact = copro_contact_log (partner, "2026-11-01", "phone", NULL, NULL, NULL);

  /* No follow-up: never overdue. */
  g_assert_false (copro_contact_is_follow_up_overdue (contact, "2026-11-01", "2026-11-26"));
  copro_record_set_string (contact, "follow_up", "2026-11-20");
  g_assert_false (copro_contact_is_follow_up_overdue (contact, "2026-11-01", "2026-11-20"));
  g_assert_true (copro_contact_is_follow_up_overdue (contact, "2026-11-01", "2026-11-21"));
  /* A contact on a later day answers it, even before the follow-up date. */
  g_assert_false (copro_contact_is_follow_up_overdue (contact, "2026-11-05", "2026-11-21"));
  g_assert_cmpuint (copro_partner_count_overdue_follow_ups (partner, "2026-11-21"), ==, 1);
  copro_contact_log (partner, "2026-11-05", "phone", NULL, NULL, NULL);
  g_assert_cmpuint (copro_partner_count_overdue_follow_ups (partner, "2026-11-21"), ==, 0);
}

static void
test_personal_details (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproRecord *partner = new_partner (project, "Asha Patel");
  CoproRecord *contact;

  g_assert_false (copro_partner_holds_personal_details (partner));
  contact = copro_contact_log (partner, "2026-11-01", "phone", "Jo", "", NULL);
  g_assert_false (copro_partner_holds_personal_details (partner));
  copro_record_set_string (contact, "summary", "Talked about her caring role");
  /* A summary alone is personal data. */
  g_assert_true (copro_partner_holds_personal_details (partner));

  copro_record_set_string (partner, "email", "asha@example.org");
  copro_record_set_string (partner, "phone", "01234 567890");
  copro_partner_remove_personal_details (partner);
  g_assert_false (copro_partner_holds_personal_details (partner));
  g_assert_cmpstr (copro_record_get_string (partner, "email"), ==, "");
  g_assert_cmpstr (copro_record_get_string (contact, "summary"), ==, "");
  /* What remains counts: the contact, its date and method. */
  g_assert_cmpuint (copro_list_get_n_items (copro_partner_get_contacts (partner)), ==, 1);
  g_assert_cmpstr (copro_contact_get_date (contact), ==, "2026-11-01");
  g_assert_cmpstr (copro_record_get_string (contact, "method"), ==, "phone");
  g_assert_cmpstr (copro_record_get_string (partner, "name"), ==, "Asha Patel");
}

static void
test_lawful_basis_and_email (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproRecord *partner = new_partner (project, "Asha Patel");

  g_assert_cmpint (copro_partner_get_lawful_basis_state (partner), ==, COPRO_LAWFUL_BASIS_MISSING);
  copro_record_set_string (partner, "lawful_basis", "consent");
  g_assert_cmpint (copro_partner_get_lawful_basis_state (partner), ==, COPRO_LAWFUL_BASIS_CONSENT_UNDATED);
  copro_record_set_string (partner, "consent_date", "2026-01-01");
  g_assert_cmpint (copro_partner_get_lawful_basis_state (partner), ==, COPRO_LAWFUL_BASIS_RECORDED);
  copro_record_set_string (partner, "consent_date", NULL);
  copro_record_set_string (partner, "lawful_basis", "public-task");
  g_assert_cmpint (copro_partner_get_lawful_basis_state (partner), ==, COPRO_LAWFUL_BASIS_RECORDED);

  g_assert_true (copro_email_looks_valid ("asha@example.org"));
  g_assert_false (copro_email_looks_valid (""));
  g_assert_false (copro_email_looks_valid (NULL));
  g_assert_false (copro_email_looks_valid ("asha"));
  g_assert_false (copro_email_looks_valid ("@example.org"));
  g_assert_false (copro_email_looks_valid ("asha@"));
  g_assert_false (copro_email_looks_valid ("a@b@c"));
  g_assert_false (copro_email_looks_valid ("asha patel@example.org"));
}

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, &error));
  g_assert_no_error (error);
  return data;
}

/* Both readers open the fixture alike, keep a link to an activity no longer
 * in the log, and both writers give back the same bytes. */
static void
test_file_format (void)
{
  gsize length = 0;
  g_autofree char *data = read_fixture ("contacts.coprod", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoproDocument) fast = _copro_document_new_from_data_fast (data, length);
  g_autoptr(CoproDocument) reference = _copro_document_new_from_data_reference (data, length, &error);
  g_autoptr(GBytes) fast_bytes = NULL;
  g_autoptr(GBytes) reference_bytes = NULL;
  g_autoptr(CoproDocument) again = NULL;
  CoproDocument *documents[2];

  g_assert_no_error (error);
  g_assert_nonnull (fast);
  g_assert_nonnull (reference);
  documents[0] = fast;
  documents[1] = reference;
  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      CoproRecord *project = copro_document_get_project (documents[d]);
      CoproList *partners = copro_record_get_list (project, "partners");
      CoproRecord *ada = copro_list_get (partners, 0);
      CoproList *log = copro_partner_get_contacts (ada);
      CoproRecord *first = copro_list_get (log, 0);

      g_assert_cmpuint (copro_list_get_n_items (log), ==, 3);
      g_assert_cmpuint (copro_list_get_n_items (copro_partner_get_contacts (copro_list_get (partners, 1))), ==, 0);
      g_assert_cmpstr (copro_record_get_id (first), ==, "6e5d4c3b-2a19-4087-b6a5-948372615041");
      g_assert_cmpstr (copro_record_get_string (first, "method"), ==, "phone");
      g_assert_cmpstr (copro_record_get_string (first, "made_by"), ==, "Jo Bennett");
      g_assert_cmpstr (copro_record_get_string (first, "follow_up"), ==, "2026-09-28");
      g_assert_true (copro_contact_find_activity (first, project) ==
                     copro_list_get (copro_record_get_list (project, "activities"), 0));
      /* The second names an activity no longer in the log: kept, found as none. */
      g_assert_cmpstr (copro_contact_get_activity (copro_list_get (log, 1)), ==, "0f0e0d0c-0b0a-4908-8706-050403020100");
      g_assert_null (copro_contact_find_activity (copro_list_get (log, 1), project));
      g_assert_null (copro_contact_get_date (copro_list_get (log, 2)));
      g_assert_cmpstr (copro_partner_get_last_contact_date (ada), ==, "2026-10-03");
    }

  fast_bytes = copro_document_serialize (fast);
  reference_bytes = _copro_document_serialize_reference (reference);
  g_assert_true (g_bytes_equal (fast_bytes, reference_bytes));
  g_assert_nonnull (strstr (g_bytes_get_data (fast_bytes, NULL), "\"0f0e0d0c-0b0a-4908-8706-050403020100\""));

  /* A file from before the log (no "contacts" member) opens with empty logs
   * and is written with them. */
  {
    const char *older = "{\"format\": \"coproduce-project\", \"format_version\": 1, "
                        "\"partners\": [{\"id\": \"3b0f6a2e-5c41-4e8a-9a57-1d2c3e4f5a60\", \"name\": \"Ada\"}]}";
    CoproRecord *ada;

    again = copro_document_new_from_data (older, strlen (older), &error);
    g_assert_no_error (error);
    ada = copro_list_get (copro_record_get_list (copro_document_get_project (again), "partners"), 0);
    g_assert_cmpuint (copro_list_get_n_items (copro_partner_get_contacts (ada)), ==, 0);
    g_assert_null (copro_partner_get_last_contact_date (ada));
  }
}

static void
test_csv_import (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproRecord *asha = new_partner (project, "Asha Patel");
  CoproRecord *ben = new_partner (project, "Ben Okoro");
  CoproRecord *twin1 = new_partner (project, "Sam Lee");
  CoproRecord *twin2 = new_partner (project, "Sam Lee");
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  g_autoptr(CoproContactMatcher) matcher = NULL;
  g_autoptr(CoproCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv =
    "Email,Name,Organisation,Date,How,Made by,Summary,Follow-up,Activity\r\n"
    "ASHA@example.org,,,14/09/2026,Phone,Jo,Called about the venue,28/09/2026,Listening event\r\n"
    ",Ben Okoro,Carers Together,2026-10-01,meeting,Jo,Met at the centre,,\r\n"
    ",Ben Okoro,,2026-10-02,email,Jo,Wrong organisation,,\r\n"
    "nobody@example.org,,,2026-10-03,email,Jo,No such partner,,\r\n"
    ",Sam Lee,,2026-10-04,visit,Jo,Which Sam?,,\r\n"
    "asha@example.org,,,31/02/2026,carrier pigeon,Jo,Bad date and method,,No such activity\r\n"
    ",,,2026-10-05,email,Jo,Nobody named,,\r\n"
    "\r\n"
    "asha@example.org,,,2026-10-06,,,Short row\r\n";

  copro_record_set_string (asha, "email", "asha@example.org");
  copro_record_set_string (ben, "organisation", "Carers Together");
  copro_record_set_string (activity, "title", "Listening event");
  g_assert_nonnull (twin1);
  g_assert_nonnull (twin2);

  matcher = copro_contact_matcher_new (project);
  import = copro_csv_import_contacts_new_from_data (csv, strlen (csv), matcher, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_assert_cmpuint (import->contacts->len, ==, 2);
  g_assert_true (g_ptr_array_index (import->contact_partners, 0) == asha);
  g_assert_true (g_ptr_array_index (import->contact_partners, 1) == ben);
  g_assert_cmpuint (import->problems->len, ==, 6);
  {
    const struct { guint row; const char *reason; } expected[] = {
      { 4, "Row 4 cannot be imported: no partner is “Ben Okoro”." },
      { 5, "Row 5 cannot be imported: no partner has the email address “nobody@example.org”." },
      { 6, "Row 6 cannot be imported: more than one partner is “Sam Lee”." },
      { 7, "Row 7 cannot be imported: the Date “31/02/2026” is not a date written 25/12/2026 or 2026-12-25; "
           "the How “carrier pigeon” is not one this version knows; no activity is called “No such activity”." },
      { 8, "Row 8 cannot be imported: it has no email address, name or organisation to find the partner by." },
      { 10, "Row 10 has 7 fields but the header has 9." },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        CoproCsvProblem *problem = g_ptr_array_index (import->problems, i);

        g_assert_cmpuint (problem->row, ==, expected[i].row);
        g_assert_cmpstr (problem->reason, ==, expected[i].reason);
      }
  }

  /* Nothing changes until it is applied; then each log grows. */
  g_assert_cmpuint (copro_list_get_n_items (copro_partner_get_contacts (asha)), ==, 0);
  g_assert_cmpuint (copro_csv_import_apply (import, project), ==, 2);
  {
    CoproRecord *called = copro_list_get (copro_partner_get_contacts (asha), 0);

    g_assert_cmpstr (copro_contact_get_date (called), ==, "2026-09-14");
    g_assert_cmpstr (copro_contact_get_follow_up (called), ==, "2026-09-28");
    g_assert_cmpstr (copro_record_get_string (called, "method"), ==, "phone");
    g_assert_cmpstr (copro_record_get_string (called, "summary"), ==, "Called about the venue");
    g_assert_true (copro_contact_find_activity (called, project) == activity);
  }
  g_assert_cmpuint (copro_list_get_n_items (copro_partner_get_contacts (ben)), ==, 1);
  g_assert_cmpstr (copro_record_get_string (copro_list_get (copro_partner_get_contacts (ben), 0), "method"), ==, "meeting");
}

static void
test_csv_import_needs_a_way_to_match (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(CoproContactMatcher) matcher = copro_contact_matcher_new (project);
  g_autoptr(GError) error = NULL;
  const char *csv = "Date,Summary\n2026-01-01,Hello\n";
  CoproCsvImport *import = copro_csv_import_contacts_new_from_data (csv, strlen (csv), matcher, &error);

  g_assert_null (import);
  g_assert_error (error, COPRO_ERROR, COPRO_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "“email”, “name” or “organisation”"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contacts/last-contact-date", test_last_contact_date);
  g_test_add_func ("/contacts/sorted-newest-first", test_sorted_newest_first);
  g_test_add_func ("/contacts/labels-and-activity", test_labels_and_activity);
  g_test_add_func ("/contacts/follow-up-rule", test_follow_up_rule);
  g_test_add_func ("/contacts/personal-details", test_personal_details);
  g_test_add_func ("/contacts/lawful-basis-and-email", test_lawful_basis_and_email);
  g_test_add_func ("/contacts/file-format", test_file_format);
  g_test_add_func ("/contacts/csv-import", test_csv_import);
  g_test_add_func ("/contacts/csv-import-needs-a-way-to-match", test_csv_import_needs_a_way_to_match);
  return g_test_run ();
}
