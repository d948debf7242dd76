/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Attendance and payments (issue 14): src/core/copro-activity.c and
 * copro-payment.c, each rule both ways. */

#include "config.h"

#include "copro-activity.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-payment.h"

static CoproRecord *
add_partner (CoproList  *partners,
             const char *name,
             const char *sector,
             const char *kind)
{
  CoproRecord *partner = copro_list_add_new (partners);

  copro_record_set_string (partner, "name", name);
  copro_record_set_string (partner, "sector", sector);
  copro_record_set_string (partner, "kind", kind);
  return partner;
}

static void
test_participants_follow_attendance (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproList *partners = copro_record_get_list (project, "partners");
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  CoproRecord *ada = add_partner (partners, "Ada", "carer", "individual");
  CoproRecord *ben = add_partner (partners, "Ben", "council", "individual");
  CoproRecord *forum = add_partner (partners, "Forum", "carer", "organisation");
  const char *ada_id = copro_record_get_id (ada);

  /* Without attendance, the stored number stands. */
  copro_record_set_int (activity, "participants", 40);
  g_assert_false (copro_activity_has_attendance (activity));
  g_assert_cmpint (copro_activity_get_participants (activity), ==, 40);

  copro_activity_set_attendance (activity, ada_id, "took-part");
  copro_activity_set_attendance (activity, copro_record_get_id (ben), "apologies");
  g_assert_true (copro_activity_has_attendance (activity));
  g_assert_cmpint (copro_activity_get_participants (activity), ==, 1);
  copro_activity_set_attendance (activity, copro_record_get_id (forum), "took-part");
  g_assert_cmpint (copro_activity_get_participants (activity), ==, 2);
  g_assert_cmpuint (copro_activity_count_attendance (activity, "apologies"), ==, 1);

  /* Setting again changes the one record; NULL removes it. */
  copro_activity_set_attendance (activity, ada_id, "invited");
  g_assert_cmpuint (copro_list_get_n_items (copro_record_get_list (activity, "attendance")), ==, 3);
  g_assert_cmpstr (copro_record_get_string (copro_activity_find_attendance (activity, ada_id), "status"), ==, "invited");
  g_assert_cmpint (copro_activity_get_participants (activity), ==, 1);
  copro_activity_set_attendance (activity, ada_id, NULL);
  g_assert_null (copro_activity_find_attendance (activity, ada_id));
  g_assert_cmpuint (copro_list_get_n_items (copro_record_get_list (activity, "attendance")), ==, 2);
  /* The stored field is left as it was, for files without attendance. */
  g_assert_cmpint (copro_record_get_int (activity, "participants"), ==, 40);
}

static void
test_took_part_by_sector_and_kind (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproList *partners = copro_record_get_list (project, "partners");
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  guint n_sectors = copro_enum_n_values (&copro_enum_sector);
  guint n_kinds = copro_enum_n_values (&copro_enum_partner_kind);
  g_autofree guint *by_sector = g_new (guint, n_sectors + 1);
  g_autofree guint *by_kind = g_new (guint, n_kinds + 1);
  int carer = copro_enum_index (&copro_enum_sector, "carer");
  int council = copro_enum_index (&copro_enum_sector, "council");
  int organisation = copro_enum_index (&copro_enum_partner_kind, "organisation");
  int individual = copro_enum_index (&copro_enum_partner_kind, "individual");
  CoproRecord *gone;
  g_autofree char *gone_id = NULL;

  copro_activity_set_attendance (activity, copro_record_get_id (add_partner (partners, "Ada", "carer", "individual")), "took-part");
  copro_activity_set_attendance (activity, copro_record_get_id (add_partner (partners, "Forum", "carer", "organisation")), "took-part");
  copro_activity_set_attendance (activity, copro_record_get_id (add_partner (partners, "Ben", "council", "individual")), "apologies");
  copro_activity_set_attendance (activity, copro_record_get_id (add_partner (partners, "Cy", NULL, NULL)), "took-part");
  gone = add_partner (partners, "Gone", "council", "individual");
  gone_id = g_strdup (copro_record_get_id (gone));
  copro_activity_set_attendance (activity, gone_id, "took-part");
  copro_list_remove (partners, copro_list_get_n_items (partners) - 1);

  for (guint i = 0; i <= n_sectors; i++)
    by_sector[i] = 99;
  copro_activity_count_took_part (activity, partners, by_sector, by_kind);
  g_assert_cmpuint (by_sector[carer], ==, 2);
  /* Ben sent apologies; the partner no longer in the register counts as unknown. */
  g_assert_cmpuint (by_sector[council], ==, 0);
  g_assert_cmpuint (by_sector[n_sectors], ==, 2);
  g_assert_cmpuint (by_kind[individual], ==, 1);
  g_assert_cmpuint (by_kind[organisation], ==, 1);
  g_assert_cmpuint (by_kind[n_kinds], ==, 2);
}

static void
test_feedback_sent (void)
{
  g_autoptr(CoproRecord) feedback = copro_record_new (&copro_desc_feedback);

  g_assert_false (copro_feedback_is_sent (feedback));
  copro_record_set_string (feedback, "sent_date", "2026-07-01");
  g_assert_true (copro_feedback_is_sent (feedback));
}

static void
test_payments_by_partner (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproList *partners = copro_record_get_list (project, "partners");
  CoproList *payments = copro_payments_get (project);
  CoproRecord *ada = add_partner (partners, "Ada", "carer", "individual");
  CoproRecord *ben = add_partner (partners, "Ben", "council", "individual");
  const char *ada_id = copro_record_get_id (ada);
  const char *ben_id = copro_record_get_id (ben);
  CoproRecord *first, *second, *third;
  guint n_payments = 0;
  g_autofree char *title = NULL;
  g_autofree char *no_one = NULL;

  first = copro_list_add_new (payments);
  copro_record_set_string (first, "partner", ada_id);
  copro_record_set_money (first, "amount", 2500);
  copro_record_set_string (first, "note", "Sort code 12-34-56");
  second = copro_list_add_new (payments);
  copro_record_set_string (second, "partner", ada_id);
  copro_record_set_money (second, "amount", 1000);
  third = copro_list_add_new (payments);
  copro_record_set_string (third, "partner", ben_id);
  copro_record_set_money (third, "amount", 700);
  copro_record_set_string (third, "note", "Bus fare");

  g_assert_cmpint (copro_payments_sum_for_partner (payments, ada_id, &n_payments), ==, 3500);
  g_assert_cmpuint (n_payments, ==, 2);
  g_assert_cmpint (copro_payments_sum_for_partner (payments, ben_id, NULL), ==, 700);

  /* Removing personal details clears the note only, and only Ada's. */
  g_assert_cmpuint (copro_payments_clear_personal (payments, ada_id), ==, 1);
  g_assert_cmpstr (copro_record_get_string (first, "note"), ==, "");
  g_assert_cmpstr (copro_record_get_string (first, "partner"), ==, ada_id);
  g_assert_cmpint (copro_record_get_money (first, "amount"), ==, 2500);
  g_assert_cmpstr (copro_record_get_string (third, "note"), ==, "Bus fare");
  g_assert_cmpuint (copro_payments_clear_personal (payments, ada_id), ==, 0);

  title = copro_payment_dup_title (first, partners);
  g_assert_cmpstr (title, ==, "£25.00 to Ada");
  copro_record_set_string (second, "partner", NULL);
  no_one = copro_payment_dup_title (second, partners);
  g_assert_cmpstr (no_one, ==, "A payment of £10.00");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copro/attendance/participants", test_participants_follow_attendance);
  g_test_add_func ("/copro/attendance/took-part-by-sector-and-kind", test_took_part_by_sector_and_kind);
  g_test_add_func ("/copro/attendance/feedback-sent", test_feedback_sent);
  g_test_add_func ("/copro/attendance/payments-by-partner", test_payments_by_partner);

  return g_test_run ();
}
