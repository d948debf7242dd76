/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's attendance widgets (issue 14): an activity's summary, which
 * hides the stored number taking part once attendance is recorded, and the
 * partner chooser's multiple mode with its filters. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "copro-activity.h"
#include "copro-activity-attendance.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner-chooser.h"

#include "copro-gui-test.h"

static CoproRecord *
add_partner (CoproList  *partners,
             const char *name,
             const char *sector)
{
  CoproRecord *partner = copro_list_add_new (partners);

  copro_record_set_string (partner, "name", name);
  copro_record_set_string (partner, "sector", sector);
  copro_record_set_string (partner, "kind", "individual");
  return partner;
}

static void
test_activity_summary (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproList *partners = copro_record_get_list (project, "partners");
  CoproRecord *activity = copro_list_add_new (copro_record_get_list (project, "activities"));
  const char *ids[] = { copro_record_get_id (add_partner (partners, "Ada", "carer")),
                        copro_record_get_id (add_partner (partners, "Ben", "council")),
                        NULL };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *participants = gtk_list_box_row_new ();
  GtkWidget *summary = copro_activity_attendance_new (activity);

  gtk_list_box_append (GTK_LIST_BOX (list), participants);
  gtk_list_box_append (GTK_LIST_BOX (list), summary);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  copro_activity_attendance_set_participants_row (COPRO_ACTIVITY_ATTENDANCE (summary), participants);

  g_assert_true (gtk_widget_get_visible (participants));
  g_assert_nonnull (strstr (copro_activity_attendance_get_summary (COPRO_ACTIVITY_ATTENDANCE (summary)),
                            "No attendance is recorded"));

  copro_activity_attendance_mark (COPRO_ACTIVITY_ATTENDANCE (summary), ids, "took-part");
  g_assert_cmpint (copro_activity_get_participants (activity), ==, 2);
  g_assert_nonnull (strstr (copro_activity_attendance_get_summary (COPRO_ACTIVITY_ATTENDANCE (summary)),
                            "2 people took part"));
  g_assert_false (gtk_widget_get_visible (participants));

  /* Removing the attendance brings the stored number back. */
  copro_list_remove_all (copro_record_get_list (activity, "attendance"));
  g_assert_true (gtk_widget_get_visible (participants));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_picked_cb (CoproPartnerChooser  *chooser,
              const char * const   *ids,
              GStrv                *out)
{
  *out = g_strdupv ((char **) ids);
}

static gboolean
searched (gpointer data)
{
  return !copro_partner_chooser_is_searching (data);
}

static void
test_chooser_multiple (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproList *partners = copro_record_get_list (project, "partners");
  CoproRecord *ada = add_partner (partners, "Ada", "carer");
  CoproRecord *ben = add_partner (partners, "Ben", "council");
  CoproRecord *cy = add_partner (partners, "Cy", "carer");
  CoproRecord *dee = add_partner (partners, "Dee", "carer");
  const char *excluded[] = { copro_record_get_id (dee), NULL };
  GtkWidget *window = gtk_window_new ();
  CoproPartnerChooser *chooser;
  g_auto(GStrv) picked = NULL;

  gtk_window_present (GTK_WINDOW (window));
  chooser = copro_partner_chooser_new_multiple (partners, "Took Part", excluded);
  g_signal_connect (chooser, "picked", G_CALLBACK (on_picked_cb), &picked);
  adw_dialog_present (ADW_DIALOG (chooser), window);

  /* Dee is not offered; the sector filter leaves the carers. */
  spin_until (searched, chooser);
  g_assert_cmpuint (copro_partner_chooser_get_n_shown (chooser), ==, 3);
  copro_partner_chooser_set_filter (chooser, "sector", "carer");
  spin_until (searched, chooser);
  g_assert_cmpuint (copro_partner_chooser_get_n_shown (chooser), ==, 2);
  g_assert_true (copro_partner_chooser_get_shown (chooser, 0) == ada);
  g_assert_true (copro_partner_chooser_get_shown (chooser, 1) == cy);

  /* Ticking twice unticks. */
  copro_partner_chooser_toggle (chooser, 1);
  copro_partner_chooser_toggle (chooser, 0);
  copro_partner_chooser_toggle (chooser, 0);
  g_assert_cmpuint (copro_partner_chooser_get_n_picked (chooser), ==, 1);
  copro_partner_chooser_set_filter (chooser, "sector", NULL);
  spin_until (searched, chooser);
  g_assert_cmpuint (copro_partner_chooser_get_n_shown (chooser), ==, 3);
  copro_partner_chooser_toggle (chooser, 1);   /* Ben, now shown again */
  g_assert_cmpuint (copro_partner_chooser_get_n_picked (chooser), ==, 2);

  copro_partner_chooser_pick (chooser);
  g_assert_nonnull (picked);
  /* In the register's order. */
  g_assert_cmpuint (g_strv_length (picked), ==, 2);
  g_assert_cmpstr (picked[0], ==, copro_record_get_id (ben));
  g_assert_cmpstr (picked[1], ==, copro_record_get_id (cy));

  gtk_window_destroy (GTK_WINDOW (window));
  spin_idle ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  copro_gui_test_no_animations ();

  g_test_add_func ("/copro/attendance-ui/activity-summary", test_activity_summary);
  g_test_add_func ("/copro/attendance-ui/chooser-multiple", test_chooser_multiple);

  return g_test_run ();
}
