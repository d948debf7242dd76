/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Invitations (src/core/copro-invitation.c): who may be emailed and why the
 * others are left out, the mailto: URI and its limit, and the log entries. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "copro-contact.h"
#include "copro-document.h"
#include "copro-history.h"
#include "copro-invitation.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"

static CoproRecord *
add_partner (CoproRecord *project,
             const char  *name,
             const char  *email,
             const char  *basis,
             const char  *consent_date,
             const char  *status)
{
  CoproRecord *partner = copro_list_add_new (copro_record_get_list (project, "partners"));

  copro_record_set_string (partner, "name", name);
  if (email != NULL)
    copro_record_set_string (partner, "email", email);
  copro_record_set_string (partner, "lawful_basis", basis);
  copro_record_set_string (partner, "consent_date", consent_date);
  copro_record_set_string (partner, "status", status);
  return partner;
}

static GPtrArray *
all_partners (CoproRecord *project)
{
  CoproList *partners = copro_record_get_list (project, "partners");
  GPtrArray *array = g_ptr_array_new ();

  for (guint i = 0; i < copro_list_get_n_items (partners); i++)
    g_ptr_array_add (array, copro_list_get (partners, i));
  return array;
}

static void
test_who_is_included (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproRecord *asha, *ben, *cara, *dev, *eve, *fin, *gil, *hal;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(CoproInvitation) invitation = NULL;
  g_autofree char *excluded = NULL;

  asha = add_partner (project, "Asha", "asha@example.org", "consent", "2026-01-10", "active");
  ben = add_partner (project, "Ben", NULL, "consent", "2026-01-10", "active");
  cara = add_partner (project, "Cara", "cara@example.org", "consent", "2026-01-10", "withdrawn");
  dev = add_partner (project, "Dev", "dev@example.org", NULL, NULL, "interested");
  eve = add_partner (project, "Eve", "eve@example.org", "consent", NULL, NULL);
  fin = add_partner (project, "Fin", "fin@example.org", "public-task", NULL, NULL);
  gil = add_partner (project, "Gil", "not an address", "public-task", NULL, NULL);
  /* The same inbox as Asha's, written otherwise: one copy. */
  hal = add_partner (project, "Hal", "ASHA@example.org", "legitimate-interests", NULL, NULL);

  g_assert_cmpint (copro_invitation_reason_for (asha), ==, COPRO_INVITE_INCLUDED);
  g_assert_cmpint (copro_invitation_reason_for (ben), ==, COPRO_INVITE_NO_EMAIL);
  g_assert_cmpint (copro_invitation_reason_for (cara), ==, COPRO_INVITE_WITHDRAWN);
  g_assert_cmpint (copro_invitation_reason_for (dev), ==, COPRO_INVITE_NO_LAWFUL_BASIS);
  g_assert_cmpint (copro_invitation_reason_for (eve), ==, COPRO_INVITE_CONSENT_UNDATED);
  g_assert_cmpint (copro_invitation_reason_for (fin), ==, COPRO_INVITE_INCLUDED);
  g_assert_cmpint (copro_invitation_reason_for (gil), ==, COPRO_INVITE_NO_EMAIL);
  g_assert_cmpint (copro_invitation_reason_for (hal), ==, COPRO_INVITE_INCLUDED);

  partners = all_partners (project);
  invitation = copro_invitation_new (partners);
  g_assert_cmpuint (invitation->included->len, ==, 3);
  g_assert_true (g_ptr_array_index (invitation->included, 0) == asha);
  g_assert_true (g_ptr_array_index (invitation->included, 1) == fin);
  g_assert_true (g_ptr_array_index (invitation->included, 2) == hal);
  g_assert_cmpuint (invitation->addresses->len, ==, 2);
  g_assert_cmpuint (copro_invitation_get_n_excluded (invitation), ==, 5);
  excluded = copro_invitation_dup_excluded_text (invitation);
  g_assert_cmpstr (excluded, ==,
                   "2 partners have no usable email address. 1 partner has withdrawn. "
                   "1 partner has no lawful basis recorded for contact. "
                   "1 partner gave consent on no recorded date.");
}

static void
test_mailto (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(CoproInvitation) invitation = NULL;
  g_autoptr(CoproInvitation) nobody = NULL;
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autofree char *uri = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *list = NULL;
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GError) error = NULL;

  add_partner (project, "Asha", "asha@example.org", "public-task", NULL, NULL);
  /* Characters a mailto: must encode: "&", "?", "%", "#", ",". */
  add_partner (project, "Odd", "o&d?d%x#y,z@example.org", "public-task", NULL, NULL);
  partners = all_partners (project);
  invitation = copro_invitation_new (partners);
  uri = copro_invitation_dup_mailto (invitation, "Workshop on 5 May & lunch");
  g_assert_cmpstr (uri, ==,
                   "mailto:?bcc=asha@example.org,o%26d%3Fd%25x%23y%2Cz@example.org"
                   "&subject=Workshop%20on%205%20May%20%26%20lunch");
  /* GLib reads it back as a URI with the same query. */
  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (parsed), ==, "mailto");
  plain = copro_invitation_dup_mailto (invitation, NULL);
  g_assert_cmpstr (plain, ==, "mailto:?bcc=asha@example.org,o%26d%3Fd%25x%23y%2Cz@example.org");
  list = copro_invitation_dup_address_list (invitation);
  g_assert_cmpstr (list, ==, "asha@example.org, o&d?d%x#y,z@example.org");
  g_assert_true (copro_invitation_mailto_fits (uri));

  nobody = copro_invitation_new (empty);
  g_assert_null (copro_invitation_dup_mailto (nobody, "Hello"));
  g_assert_null (copro_invitation_dup_excluded_text (nobody));
  g_assert_false (copro_invitation_mailto_fits (NULL));
}

/* The limit holds at its edge: COPRO_MAILTO_MAX_LENGTH fits, one more does not. */
static void
test_mailto_limit (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(CoproInvitation) invitation = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *over = NULL;
  guint i = 0;

  /* 100 partners of 22-byte addresses: well over the limit. */
  for (i = 0; i < 100; i++)
    {
      g_autofree char *email = g_strdup_printf ("partner%03u@example.org", i);

      add_partner (project, "P", email, "public-task", NULL, NULL);
    }
  partners = all_partners (project);
  invitation = copro_invitation_new (partners);
  uri = copro_invitation_dup_mailto (invitation, NULL);
  g_assert_cmpuint (strlen (uri), ==, strlen ("mailto:?bcc=") + 100 * 22 + 99);
  g_assert_false (copro_invitation_mailto_fits (uri));

  exact = g_strnfill (COPRO_MAILTO_MAX_LENGTH, 'a');
  over = g_strnfill (COPRO_MAILTO_MAX_LENGTH + 1, 'a');
  g_assert_true (copro_invitation_mailto_fits (exact));
  g_assert_false (copro_invitation_mailto_fits (over));
}

/* Each invited partner's log grows by one email contact; one Undo takes
 * all of them back. */
static void
test_log_is_one_step (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  g_autoptr(CoproHistory) history = copro_history_new (document);
  CoproRecord *project = copro_document_get_project (document);
  CoproRecord *asha, *ben, *cara;
  CoproRecord *activity;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(CoproInvitation) invitation = NULL;
  CoproRecord *logged;

  asha = add_partner (project, "Asha", "asha@example.org", "public-task", NULL, NULL);
  ben = add_partner (project, "Ben", "ben@example.org", "consent", "2026-02-02", NULL);
  cara = add_partner (project, "Cara", NULL, "public-task", NULL, NULL);
  activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  copro_history_clear (history);
  copro_history_break_coalescing (history);

  partners = all_partners (project);
  invitation = copro_invitation_new (partners);
  g_assert_cmpuint (copro_invitation_log (invitation, "2026-11-26", "Jo Bennett", "Invitation sent",
                                          copro_record_get_id (activity)), ==, 2);
  g_assert_cmpuint (copro_list_get_n_items (copro_partner_get_contacts (asha)), ==, 1);
  g_assert_cmpuint (copro_list_get_n_items (copro_partner_get_contacts (ben)), ==, 1);
  g_assert_cmpuint (copro_list_get_n_items (copro_partner_get_contacts (cara)), ==, 0);
  logged = copro_list_get (copro_partner_get_contacts (ben), 0);
  g_assert_cmpstr (copro_record_get_string (logged, "method"), ==, "email");
  g_assert_cmpstr (copro_record_get_string (logged, "date"), ==, "2026-11-26");
  g_assert_cmpstr (copro_record_get_string (logged, "summary"), ==, "Invitation sent");
  g_assert_cmpstr (copro_record_get_string (logged, "made_by"), ==, "Jo Bennett");
  g_assert_true (copro_contact_find_activity (logged, project) == activity);
  g_assert_cmpuint (copro_history_get_n_steps (history), ==, 1);

  g_assert_true (copro_history_undo (history));
  g_assert_cmpuint (copro_list_get_n_items (copro_partner_get_contacts (asha)), ==, 0);
  g_assert_cmpuint (copro_list_get_n_items (copro_partner_get_contacts (ben)), ==, 0);
}

/* Where the locale groups thousands, the reasons count as people write. */
static void
test_counts_grouped (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(CoproInvitation) invitation = NULL;
  g_autofree char *excluded = NULL;
  g_autofree char *numeric = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "en_GB.UTF-8") == NULL)
    {
      g_test_skip ("no en_GB.UTF-8 locale here");
      return;
    }
  for (guint i = 0; i < 1200; i++)
    add_partner (project, "Withdrawn", "w@example.org", "consent", "2026-01-10", "withdrawn");
  add_partner (project, "Asha", "asha@example.org", "consent", "2026-01-10", "active");
  partners = all_partners (project);
  invitation = copro_invitation_new (partners);
  excluded = copro_invitation_dup_excluded_text (invitation);
  setlocale (LC_NUMERIC, numeric);
  g_assert_cmpstr (excluded, ==, "1,200 partners have withdrawn.");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/invitation/who-is-included", test_who_is_included);
  g_test_add_func ("/invitation/mailto", test_mailto);
  g_test_add_func ("/invitation/mailto-limit", test_mailto_limit);
  g_test_add_func ("/invitation/log-is-one-step", test_log_is_one_step);
  g_test_add_func ("/invitation/counts-grouped", test_counts_grouped);
  return g_test_run ();
}
