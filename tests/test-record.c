/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The table-driven model: properties, notification, lists, copies. */

#include "config.h"

#include "copro-list.h"
#include "copro-model.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

typedef struct
{
  guint        count;
  CoproRecord *origin;
  char        *key;
} Changed;

static void
changed_cb (CoproRecord *record,
            CoproRecord *origin,
            const char  *key,
            Changed     *changed)
{
  changed->count++;
  changed->origin = origin;
  g_free (changed->key);
  changed->key = g_strdup (key);
}

static void
test_every_field_is_a_property (void)
{
  guint n_descs;
  const CoproRecordDesc * const *descs = copro_model_all_descs (&n_descs);

  g_assert_cmpuint (n_descs, >=, 27);
  for (guint i = 0; i < n_descs; i++)
    {
      g_autoptr(CoproRecord) record = copro_record_new (descs[i]);
      GObjectClass *klass = G_OBJECT_GET_CLASS (record);

      g_assert_cmpstr (G_OBJECT_TYPE_NAME (record), ==, descs[i]->type_name);
      for (guint j = 0; j < descs[i]->n_fields; j++)
        {
          g_autofree char *name = g_strdelimit (g_strdup (descs[i]->fields[j].key), "_", '-');

          g_assert_nonnull (g_object_class_find_property (klass, name));
          g_assert_nonnull (descs[i]->fields[j].label);
        }
      g_assert_true ((g_object_class_find_property (klass, "id") != NULL) == descs[i]->has_id);
    }
}

static void
test_string_notifies_only_on_change (void)
{
  g_autoptr(CoproRecord) overview = copro_record_new (&copro_desc_overview);
  guint count = 0;
  g_autofree char *title = NULL;

  g_signal_connect (overview, "notify::title", G_CALLBACK (count_notify_cb), &count);
  g_assert_cmpstr (copro_record_get_string (overview, "title"), ==, "");

  copro_record_set_string (overview, "title", "Carers’ breaks");
  g_assert_cmpuint (count, ==, 1);
  copro_record_set_string (overview, "title", "Carers’ breaks");
  g_assert_cmpuint (count, ==, 1);

  g_object_set (overview, "title", "Short breaks", NULL);
  g_assert_cmpuint (count, ==, 2);
  g_object_get (overview, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Short breaks");

  /* Text is never NULL */
  copro_record_set_string (overview, "title", NULL);
  g_assert_cmpstr (copro_record_get_string (overview, "title"), ==, "");
}

static void
test_enum_and_date_values_are_checked (void)
{
  g_autoptr(CoproRecord) overview = copro_record_new (&copro_desc_overview);
  GDate date;

  copro_record_set_string (overview, "target_level", "co-produce");
  g_assert_cmpstr (copro_record_get_string (overview, "target_level"), ==, "co-produce");

  g_test_expect_message ("Coproduce", G_LOG_LEVEL_CRITICAL, "*not a valid value*");
  copro_record_set_string (overview, "target_level", "dictate");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (copro_record_get_string (overview, "target_level"), ==, "co-produce");

  copro_record_set_string (overview, "start_date", "2027-02-28");
  g_assert_true (copro_record_get_date (overview, "start_date", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 28);

  g_test_expect_message ("Coproduce", G_LOG_LEVEL_CRITICAL, "*not a valid value*");
  copro_record_set_string (overview, "start_date", "2027-02-29");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (copro_record_get_string (overview, "start_date"), ==, "2027-02-28");

  /* An empty string clears a date or an enumeration */
  copro_record_set_string (overview, "start_date", "");
  g_assert_null (copro_record_get_string (overview, "start_date"));
  g_assert_false (copro_record_get_date (overview, "start_date", &date));
}

static void
test_date_parse (void)
{
  GDate date;
  g_autofree char *iso = NULL;

  g_assert_true (copro_date_parse ("2024-02-29", &date));
  iso = copro_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2024-02-29");
  g_assert_false (copro_date_parse ("2023-02-29", NULL));
  g_assert_false (copro_date_parse ("2023-13-01", NULL));
  g_assert_false (copro_date_parse ("2023-1-01", NULL));
  g_assert_false (copro_date_parse ("01/02/2023", NULL));
  g_assert_false (copro_date_parse ("0000-01-01", NULL));
  g_assert_false (copro_date_parse ("", NULL));
  g_assert_false (copro_date_parse (NULL, NULL));
}

static void
test_typed_accessors (void)
{
  g_autoptr(CoproRecord) partner = copro_record_new (&copro_desc_partner);
  const char *needs[] = { "bsl", "step-free", NULL };

  copro_record_set_int (partner, "influence", 5);
  g_assert_cmpint (copro_record_get_int (partner, "influence"), ==, 5);
  copro_record_set_money (partner, "remuneration_rate", 2550);
  g_assert_cmpint (copro_record_get_money (partner, "remuneration_rate"), ==, 2550);
  copro_record_set_bool (partner, "privacy_notice", TRUE);
  g_assert_true (copro_record_get_bool (partner, "privacy_notice"));
  copro_record_set_flags (partner, "access_needs", needs);
  g_assert_true (copro_record_has_flag (partner, "access_needs", "bsl"));
  g_assert_false (copro_record_has_flag (partner, "access_needs", "easy-read"));
  g_assert_cmpuint (g_strv_length ((char **) copro_record_get_flags (partner, "access_needs")), ==, 2);
}

static void
test_string_field (void)
{
  g_autoptr(CoproRecord) partner = copro_record_new (&copro_desc_partner);
  guint name = copro_record_desc_field_index (&copro_desc_partner, "name");
  guint notes = copro_record_desc_field_index (&copro_desc_partner, "notes");

  copro_record_set_string (partner, "name", "Dawn Ellis");
  g_assert_cmpstr (copro_record_get_string_at (partner, name), ==, "Dawn Ellis");
  g_assert_cmpstr (copro_record_get_string_at (partner, notes), ==, copro_record_get_string (partner, "notes"));
  copro_record_set_string (partner, "notes", "Prefers mornings");
  g_assert_cmpstr (copro_record_get_string_at (partner, notes), ==, "Prefers mornings");
}

static void
test_changes_bubble_to_the_root (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproRecord *outline = copro_record_lookup (project, "plan.outline");
  CoproList *partners = copro_record_get_list (project, "partners");
  Changed changed = { 0 };
  CoproRecord *partner;

  g_assert_nonnull (outline);
  g_assert_true (copro_record_get_parent (copro_record_get_parent (outline)) == project);
  g_signal_connect (project, "changed", G_CALLBACK (changed_cb), &changed);

  copro_record_set_string (outline, "aims", "Better breaks for carers");
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_true (changed.origin == outline);
  g_assert_cmpstr (changed.key, ==, "aims");

  partner = copro_list_add_new (partners);
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_cmpstr (changed.key, ==, "partners");
  g_assert_true (g_uuid_string_is_valid (copro_record_get_id (partner)));
  g_assert_true (copro_record_get_parent (partner) == project);

  copro_record_set_string (partner, "name", "Asha");
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_true (changed.origin == partner);

  /* A removed item no longer reaches the project. */
  g_object_ref (partner);
  copro_list_remove (partners, 0);
  g_assert_cmpuint (changed.count, ==, 4);
  g_assert_null (copro_record_get_parent (partner));
  copro_record_set_string (partner, "name", "Asha Patel");
  g_assert_cmpuint (changed.count, ==, 4);

  /* ...and can be put back, as an undo would. */
  copro_list_insert (partners, 0, partner);
  g_assert_true (copro_record_get_parent (partner) == project);
  g_object_unref (partner);
  g_free (changed.key);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  calls[0]++;
  calls[1] = position;
  calls[2] = removed;
  calls[3] = added;
}

static void
test_list_model (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproList *risks = copro_record_get_list (project, "risks");
  guint calls[4] = { 0 };
  g_autoptr(CoproRecord) second = NULL;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (risks)) == COPRO_TYPE_RISK);
  g_signal_connect (risks, "items-changed", G_CALLBACK (items_changed_cb), calls);
  for (int i = 0; i < 3; i++)
    copro_record_set_int (copro_list_add_new (risks), "likelihood", i + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (risks)), ==, 3);
  g_assert_cmpuint (calls[0], ==, 3);

  copro_list_move (risks, 0, 2);
  g_assert_cmpint (copro_record_get_int (copro_list_get (risks, 0), "likelihood"), ==, 2);
  g_assert_cmpint (copro_record_get_int (copro_list_get (risks, 2), "likelihood"), ==, 1);
  g_assert_cmpuint (calls[1], ==, 0);
  g_assert_cmpuint (calls[2], ==, 3);
  g_assert_cmpuint (calls[3], ==, 3);

  second = g_list_model_get_item (G_LIST_MODEL (risks), 1);
  g_assert_true (copro_list_find_by_id (risks, copro_record_get_id (second)) == second);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (risks), 3));
}

/* The list finds by id through a table; it must answer as a walk of the
 * list would after every kind of change. */
static void
found_in_handler_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    data)
{
  CoproRecord **last = data;

  /* During items-changed, the new item is found already. */
  if (added > 0)
    {
      CoproRecord *item = copro_list_get (COPRO_LIST (model), position + added - 1);

      *last = copro_list_find_by_id (COPRO_LIST (model), copro_record_get_id (item));
    }
}

static void
test_find_by_id (void)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  CoproList *partners = copro_record_get_list (project, "partners");
  CoproRecord *a, *b, *c;
  CoproRecord *seen = NULL;
  g_autofree char *old_id = NULL;
  g_autofree char *new_id = g_uuid_string_random ();

  g_assert_null (copro_list_find_by_id (partners, "0e7c2b62-2d55-4a47-9a45-2a3c1f0b5c11"));
  g_assert_null (copro_list_find_by_id (partners, NULL));

  g_signal_connect (partners, "items-changed", G_CALLBACK (found_in_handler_cb), &seen);
  a = copro_list_add_new (partners);
  g_assert_true (seen == a);
  b = copro_list_add_new (partners);
  g_assert_true (seen == b);
  c = copro_list_add_new (partners);
  g_assert_true (copro_list_find_by_id (partners, copro_record_get_id (a)) == a);
  g_assert_true (copro_list_find_by_id (partners, copro_record_get_id (b)) == b);
  g_assert_true (copro_list_find_by_id (partners, copro_record_get_id (c)) == c);

  /* An id changed in place: found by the new id, not by the old. */
  old_id = g_strdup (copro_record_get_id (b));
  copro_record_set_id (b, new_id);
  g_assert_true (copro_list_find_by_id (partners, new_id) == b);
  g_assert_null (copro_list_find_by_id (partners, old_id));

  /* Moved, then removed. */
  copro_list_move (partners, 0, 2);
  g_assert_true (copro_list_find_by_id (partners, copro_record_get_id (a)) == a);
  {
    g_autofree char *a_id = g_strdup (copro_record_get_id (a));
    guint position;

    g_assert_true (copro_list_find (partners, a, &position));
    copro_list_remove (partners, position);
    g_assert_null (copro_list_find_by_id (partners, a_id));
  }

  /* Two items with one id: the first in the list, as a walk finds. */
  copro_record_set_id (c, new_id);
  g_assert_true (copro_list_find_by_id (partners, new_id) == copro_list_get (partners, 0));

  copro_list_remove_all (partners);
  g_assert_null (copro_list_find_by_id (partners, new_id));
}

static void
test_copy_is_deep (void)
{
  g_autoptr(CoproRecord) activity = copro_record_new (&copro_desc_activity);
  g_autoptr(CoproRecord) copy = NULL;
  CoproRecord *feedback;

  copro_record_set_string (activity, "title", "Listening event");
  feedback = copro_list_add_new (copro_record_get_list (activity, "feedback"));
  copro_record_set_string (feedback, "we_asked", "What time suits you?");

  copy = copro_record_copy (activity);
  g_assert_cmpstr (copro_record_get_string (copy, "title"), ==, "Listening event");
  g_assert_cmpuint (copro_list_get_n_items (copro_record_get_list (copy, "feedback")), ==, 1);
  g_assert_cmpstr (copro_record_get_id (copro_list_get (copro_record_get_list (copy, "feedback"), 0)),
                   ==, copro_record_get_id (feedback));

  copro_record_set_string (copro_list_get (copro_record_get_list (copy, "feedback"), 0), "we_asked", "Changed");
  g_assert_cmpstr (copro_record_get_string (feedback, "we_asked"), ==, "What time suits you?");
}

static void
test_enum_helpers (void)
{
  g_assert_cmpuint (copro_enum_n_values (&copro_enum_level), ==, 6);
  g_assert_cmpint (copro_enum_index (&copro_enum_level, "inform"), ==, 0);
  g_assert_cmpint (copro_enum_index (&copro_enum_level, "co-produce"), ==, 5);
  g_assert_cmpint (copro_enum_index (&copro_enum_level, "nothing"), ==, -1);
  g_assert_cmpstr (copro_enum_label (&copro_enum_sector, "health-care"), ==, "Health and care");
  g_assert_cmpstr (copro_enum_match (&copro_enum_sector, "  HEALTH AND CARE "), ==, "health-care");
  g_assert_cmpstr (copro_enum_match (&copro_enum_sector, "Health-Care"), ==, "health-care");
  g_assert_null (copro_enum_match (&copro_enum_sector, "health"));

  /* Keys are stable, lower case and unique within each enumeration. */
  {
    const CoproEnum *all[] = { &copro_enum_step, &copro_enum_level, &copro_enum_sector,
                               &copro_enum_decision, &copro_enum_access_need };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      for (guint j = 0; all[i]->values[j].key != NULL; j++)
        {
          g_autofree char *lower = g_ascii_strdown (all[i]->values[j].key, -1);

          g_assert_cmpstr (lower, ==, all[i]->values[j].key);
          g_assert_cmpint (copro_enum_index (all[i], all[i]->values[j].key), ==, (int) j);
        }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copro/record/every-field-is-a-property", test_every_field_is_a_property);
  g_test_add_func ("/copro/record/string-notifies-only-on-change", test_string_notifies_only_on_change);
  g_test_add_func ("/copro/record/enum-and-date-values-are-checked", test_enum_and_date_values_are_checked);
  g_test_add_func ("/copro/record/date-parse", test_date_parse);
  g_test_add_func ("/copro/record/typed-accessors", test_typed_accessors);
  g_test_add_func ("/copro/record/string-field", test_string_field);
  g_test_add_func ("/copro/record/changes-bubble-to-the-root", test_changes_bubble_to_the_root);
  g_test_add_func ("/copro/record/list-model", test_list_model);
  g_test_add_func ("/copro/record/find-by-id", test_find_by_id);
  g_test_add_func ("/copro/record/copy-is-deep", test_copy_is_deep);
  g_test_add_func ("/copro/record/enum-helpers", test_enum_helpers);

  return g_test_run ();
}
