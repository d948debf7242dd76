/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo and redo across the document (CoproHistory), without a display. */

#include "config.h"

#include "copro-document.h"
#include "copro-history.h"
#include "copro-list.h"
#include "copro-model.h"

typedef struct
{
  CoproDocument *document;
  CoproRecord   *project;
  CoproHistory  *history;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = copro_document_new ();
  f->project = copro_document_get_project (f->document);
  f->history = copro_history_new (f->document);
  g_assert_false (copro_document_get_modified (f->document));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->document);
}

static CoproRecord *
overview (Fixture *f)
{
  return copro_record_get_record (f->project, "overview");
}

static void
test_field_undo_redo (Fixture       *f,
                      gconstpointer  data)
{
  CoproRecord *outline = copro_record_lookup (f->project, "plan.outline");
  const char *flags[] = { "age", "disability", NULL };
  CoproRecord *equality = copro_record_lookup (f->project, "plan.resources.equality");

  g_assert_false (copro_history_get_can_undo (f->history));
  g_assert_false (copro_history_get_can_redo (f->history));
  g_assert_false (copro_history_undo (f->history));
  g_assert_true (copro_history_get_for_record (outline) == f->history);

  copro_record_set_string (overview (f), "title", "Day centres");
  copro_record_set_string (outline, "management_support", "confirmed");
  copro_record_set_flags (equality, "characteristics", flags);
  copro_record_set_bool (copro_record_lookup (f->project, "plan.resources.data_protection"),
                         "special_category", TRUE);
  g_assert_true (copro_document_get_modified (f->document));
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, 4);

  g_assert_true (copro_history_undo (f->history));
  g_assert_false (copro_record_get_bool (copro_record_lookup (f->project, "plan.resources.data_protection"),
                                         "special_category"));
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpuint (g_strv_length ((char **) copro_record_get_flags (equality, "characteristics")), ==, 0);
  g_assert_true (copro_history_undo (f->history));
  g_assert_null (copro_record_get_string (outline, "management_support"));
  g_assert_true (copro_document_get_modified (f->document));
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpstr (copro_record_get_string (overview (f), "title"), ==, "");
  /* Back where the document was opened: nothing to save. */
  g_assert_false (copro_document_get_modified (f->document));
  g_assert_false (copro_history_get_can_undo (f->history));
  g_assert_true (copro_history_get_can_redo (f->history));

  g_assert_true (copro_history_redo (f->history));
  g_assert_cmpstr (copro_record_get_string (overview (f), "title"), ==, "Day centres");
  g_assert_true (copro_document_get_modified (f->document));
  g_assert_true (copro_history_redo (f->history));
  g_assert_true (copro_history_redo (f->history));
  g_assert_true (copro_record_has_flag (equality, "characteristics", "disability"));
  g_assert_true (copro_history_redo (f->history));
  g_assert_false (copro_history_redo (f->history));

  /* Undone and redone values were not recorded as new steps. */
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, 4);

  /* A new change after an undo drops what could be redone. */
  g_assert_true (copro_history_undo (f->history));
  copro_record_set_int (copro_list_add_new (copro_record_get_list (f->project, "risks")), "impact", 3);
  g_assert_false (copro_history_get_can_redo (f->history));
}

static void
test_money_and_int (Fixture       *f,
                    gconstpointer  data)
{
  CoproList *lines = copro_record_get_list (copro_record_lookup (f->project, "plan.resources"), "budget_lines");
  CoproRecord *line = copro_list_add_new (lines);

  copro_history_break_coalescing (f->history);
  copro_record_set_money (line, "amount", 12345);
  copro_history_break_coalescing (f->history);
  copro_record_set_money (line, "amount", 99);
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpint (copro_record_get_money (line, "amount"), ==, 12345);
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpint (copro_record_get_money (line, "amount"), ==, 0);
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpuint (copro_list_get_n_items (lines), ==, 0);
  g_assert_null (copro_record_get_parent (line));
  g_assert_true (copro_history_redo (f->history));
  g_assert_true (copro_list_get (lines, 0) == line);
  g_assert_true (copro_history_redo (f->history));
  g_assert_cmpint (copro_record_get_money (line, "amount"), ==, 12345);
}

static void
test_coalesce_typing (Fixture       *f,
                      gconstpointer  data)
{
  /* No clock in this test: a very long window joins, none separates. */
  copro_history_set_coalesce_time (f->history, G_MAXINT64 / 2);
  copro_record_set_string (overview (f), "title", "C");
  copro_record_set_string (overview (f), "title", "Ca");
  copro_record_set_string (overview (f), "title", "Car");
  copro_record_set_string (overview (f), "title", "Carers");
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, 1);

  /* Another field starts a new step, and so does returning to the first. */
  copro_record_set_string (overview (f), "reference", "R1");
  copro_record_set_string (overview (f), "title", "Carers’ breaks");
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, 3);

  /* Choices are never joined, even in the same field. */
  copro_record_set_string (overview (f), "target_level", "consult");
  copro_record_set_string (overview (f), "target_level", "co-produce");
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, 5);

  g_assert_true (copro_history_undo (f->history));
  g_assert_true (copro_history_undo (f->history));
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpstr (copro_record_get_string (overview (f), "title"), ==, "Carers");
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpstr (copro_record_get_string (overview (f), "reference"), ==, "");
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpstr (copro_record_get_string (overview (f), "title"), ==, "");

  /* Typing after an undo does not join the step that was undone. */
  copro_record_set_string (overview (f), "title", "X");
  copro_history_undo (f->history);
  g_assert_cmpstr (copro_record_get_string (overview (f), "title"), ==, "");

  /* With no window, every keystroke is a step. */
  copro_history_clear (f->history);
  copro_history_set_coalesce_time (f->history, 0);
  copro_record_set_string (overview (f), "title", "A");
  copro_record_set_string (overview (f), "title", "AB");
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, 2);
}

static void
test_list_changes (Fixture       *f,
                   gconstpointer  data)
{
  CoproList *risks = copro_record_get_list (f->project, "risks");
  CoproRecord *a = copro_list_add_new (risks);
  CoproRecord *b = copro_list_add_new (risks);
  CoproRecord *c = copro_list_add_new (risks);
  g_autoptr(CoproRecord) held = g_object_ref (b);

  copro_list_move (risks, 0, 2);             /* b c a */
  g_assert_true (copro_list_get (risks, 2) == a);
  copro_list_remove (risks, 0);              /* c a */
  g_assert_null (copro_record_get_parent (b));
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, 5);

  g_assert_true (copro_history_undo (f->history));   /* b c a */
  g_assert_true (copro_list_get (risks, 0) == b);
  g_assert_true (copro_record_get_parent (b) == f->project);
  g_assert_true (copro_history_undo (f->history));   /* a b c */
  g_assert_true (copro_list_get (risks, 0) == a);
  g_assert_true (copro_list_get (risks, 1) == b);
  g_assert_true (copro_list_get (risks, 2) == c);
  g_assert_true (copro_history_undo (f->history));   /* a b */
  g_assert_cmpuint (copro_list_get_n_items (risks), ==, 2);
  g_assert_true (copro_history_redo (f->history));   /* a b c */
  g_assert_true (copro_history_redo (f->history));   /* b c a */
  g_assert_true (copro_list_get (risks, 2) == a);
  g_assert_true (copro_history_redo (f->history));   /* c a */
  g_assert_cmpuint (copro_list_get_n_items (risks), ==, 2);
  g_assert_true (copro_list_get (risks, 0) == c);

  /* An edit inside a nested list is undone too. */
  {
    CoproList *activities = copro_record_get_list (f->project, "activities");
    CoproRecord *activity = copro_list_add_new (activities);
    CoproRecord *feedback = copro_list_add_new (copro_record_get_list (activity, "feedback"));

    copro_record_set_string (feedback, "status", "done");
    g_assert_true (copro_history_undo (f->history));
    g_assert_null (copro_record_get_string (feedback, "status"));
    g_assert_true (copro_history_undo (f->history));
    g_assert_cmpuint (copro_list_get_n_items (copro_record_get_list (activity, "feedback")), ==, 0);
  }
}

typedef struct
{
  guint position, removed, added;
  guint count;
} Changes;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->count++;
}

/* Many items inserted at once (an import): one items-changed, one step
 * (in a group), and undo and redo each one items-changed too; removing a
 * range is one items-changed and undoes item by item into place. */
static void
test_insert_many (Fixture       *f,
                  gconstpointer  data)
{
  CoproList *risks = copro_record_get_list (f->project, "risks");
  CoproRecord *first = copro_list_add_new (risks);
  CoproRecord *last = copro_list_add_new (risks);
  CoproRecord *items[50];
  Changes changes = { 0, };
  guint steps = copro_history_get_n_steps (f->history);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *id = g_uuid_string_random ();

      items[i] = g_object_new (COPRO_TYPE_RISK, NULL);
      copro_record_set_id (items[i], id);
    }
  g_signal_connect (risks, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);

  copro_history_begin_group (f->history);
  copro_list_insert_many (risks, 1, items, G_N_ELEMENTS (items));
  copro_history_end_group (f->history);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, G_N_ELEMENTS (items));
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, steps + 1);
  g_assert_cmpuint (copro_list_get_n_items (risks), ==, 52);
  g_assert_true (copro_list_get (risks, 0) == first);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_assert_true (copro_list_get (risks, 1 + i) == items[i]);
      g_assert_true (copro_record_get_parent (items[i]) == f->project);
    }
  g_assert_true (copro_list_get (risks, 51) == last);

  changes.count = 0;
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, G_N_ELEMENTS (items));
  g_assert_cmpuint (copro_list_get_n_items (risks), ==, 2);
  g_assert_null (copro_record_get_parent (items[0]));
  g_assert_true (copro_list_get (risks, 1) == last);

  changes.count = 0;
  g_assert_true (copro_history_redo (f->history));
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpuint (changes.added, ==, G_N_ELEMENTS (items));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_assert_true (copro_list_get (risks, 1 + i) == items[i]);

  /* A range removed, in one items-changed; undone as it was. */
  changes.count = 0;
  copro_history_begin_group (f->history);
  copro_list_remove_range (risks, 2, 10);
  copro_history_end_group (f->history);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 10);
  g_assert_cmpuint (copro_list_get_n_items (risks), ==, 42);
  g_assert_true (copro_list_get (risks, 2) == items[11]);
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpuint (copro_list_get_n_items (risks), ==, 52);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_assert_true (copro_list_get (risks, 1 + i) == items[i]);
  g_signal_handlers_disconnect_by_data (risks, &changes);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_object_unref (items[i]);
}

static void
test_group (Fixture       *f,
            gconstpointer  data)
{
  CoproList *members = copro_record_get_list (copro_record_get_record (f->project, "terms_of_reference"),
                                              "members");
  CoproRecord *member;
  guint64 serial;

  copro_history_begin_group (f->history);
  member = copro_list_add_new (members);
  copro_history_begin_group (f->history);
  copro_record_set_string (member, "role", "chair");
  copro_history_end_group (f->history);
  copro_history_end_group (f->history);
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, 1);
  serial = copro_history_get_undo_serial (f->history);
  g_assert_cmpuint (serial, !=, 0);

  copro_record_set_string (member, "role", "member");
  g_assert_cmpuint (copro_history_get_undo_serial (f->history), !=, serial);
  copro_history_undo (f->history);
  g_assert_cmpuint (copro_history_get_undo_serial (f->history), ==, serial);
  copro_history_undo (f->history);
  g_assert_cmpuint (copro_list_get_n_items (members), ==, 0);
  g_assert_cmpuint (copro_history_get_undo_serial (f->history), ==, 0);
  copro_history_redo (f->history);
  g_assert_cmpstr (copro_record_get_string (copro_list_get (members, 0), "role"), ==, "chair");
}

static void
test_saved_point (Fixture       *f,
                  gconstpointer  data)
{
  copro_history_set_coalesce_time (f->history, 0);
  copro_record_set_string (overview (f), "title", "One");
  copro_record_set_string (overview (f), "title", "Two");
  /* As a save does once the file is written. */
  copro_document_set_modified (f->document, FALSE);

  copro_record_set_string (overview (f), "title", "Three");
  g_assert_true (copro_document_get_modified (f->document));
  copro_history_undo (f->history);
  g_assert_false (copro_document_get_modified (f->document));
  copro_history_undo (f->history);
  g_assert_true (copro_document_get_modified (f->document));
  copro_history_redo (f->history);
  g_assert_false (copro_document_get_modified (f->document));
  copro_history_redo (f->history);
  g_assert_true (copro_document_get_modified (f->document));

  /* Past the saved point, then a new edit: the saved state is gone for good. */
  copro_history_undo (f->history);
  copro_history_undo (f->history);
  copro_record_set_string (overview (f), "title", "Other");
  copro_history_undo (f->history);
  g_assert_cmpstr (copro_record_get_string (overview (f), "title"), ==, "One");
  g_assert_true (copro_document_get_modified (f->document));
  copro_history_redo (f->history);
  g_assert_true (copro_document_get_modified (f->document));
}

static void
test_saved_point_not_joined (Fixture       *f,
                             gconstpointer  data)
{
  /* Typing on after a save is a new step, so undo returns to the saved text. */
  copro_history_set_coalesce_time (f->history, G_MAXINT64 / 2);
  copro_record_set_string (overview (f), "title", "Saved");
  copro_document_set_modified (f->document, FALSE);
  copro_record_set_string (overview (f), "title", "Saved and more");
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, 2);
  copro_history_undo (f->history);
  g_assert_cmpstr (copro_record_get_string (overview (f), "title"), ==, "Saved");
  g_assert_false (copro_document_get_modified (f->document));
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_notify (Fixture       *f,
             gconstpointer  data)
{
  guint n_undo = 0, n_redo = 0;

  g_signal_connect_swapped (f->history, "notify::can-undo", G_CALLBACK (count_cb), &n_undo);
  g_signal_connect_swapped (f->history, "notify::can-redo", G_CALLBACK (count_cb), &n_redo);

  copro_record_set_string (overview (f), "title", "A");
  g_assert_cmpuint (n_undo, ==, 1);
  copro_record_set_string (overview (f), "reference", "B");
  g_assert_cmpuint (n_undo, ==, 1);
  copro_history_undo (f->history);
  g_assert_cmpuint (n_redo, ==, 1);
  copro_history_undo (f->history);
  g_assert_cmpuint (n_undo, ==, 2);
  g_assert_cmpuint (n_redo, ==, 1);
}

static void
test_set_field_many (Fixture       *f,
                     gconstpointer  data)
{
  CoproList *partners = copro_record_get_list (f->project, "partners");
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  guint n_batches = 0;
  const guint n = 3000;

  g_signal_connect_swapped (f->history, "batch-finished", G_CALLBACK (count_cb), &n_batches);
  for (guint i = 0; i < n; i++)
    {
      CoproRecord *partner = copro_list_add_new (partners);

      /* Every other one, and the last, is chosen; one already has the value. */
      if (i % 2 == 0 || i == n - 1)
        g_ptr_array_add (chosen, partner);
      if (i == 2)
        copro_record_set_string (partner, "lawful_basis", "public-task");
    }
  copro_history_clear (f->history);
  g_assert_false (copro_history_in_batch (f->history));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "public-task");
  copro_list_set_field_many (partners, (CoproRecord **) chosen->pdata, chosen->len, "lawful_basis", &value);
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, 1);
  g_assert_cmpuint (n_batches, ==, 1);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (copro_record_get_string (copro_list_get (partners, i), "lawful_basis"), ==,
                     i % 2 == 0 || i == n - 1 ? "public-task" : NULL);

  /* One undo puts every one back as it was, the one that had it too. */
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpuint (n_batches, ==, 2);
  g_assert_false (copro_history_get_can_undo (f->history));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (copro_record_get_string (copro_list_get (partners, i), "lawful_basis"), ==,
                     i == 2 ? "public-task" : NULL);
  g_assert_true (copro_history_redo (f->history));
  g_assert_cmpuint (n_batches, ==, 3);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (copro_record_get_string (copro_list_get (partners, i), "lawful_basis"), ==,
                     i % 2 == 0 || i == n - 1 ? "public-task" : NULL);

  /* Clearing: an empty string unsets an enumeration; booleans and money too. */
  g_value_set_string (&value, "");
  copro_list_set_field_many (partners, (CoproRecord **) chosen->pdata, 2, "lawful_basis", &value);
  g_assert_null (copro_record_get_string (g_ptr_array_index (chosen, 1), "lawful_basis"));
  g_value_unset (&value);
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, TRUE);
  copro_list_set_field_many (partners, (CoproRecord **) chosen->pdata, chosen->len, "privacy_notice", &value);
  g_assert_true (copro_record_get_bool (g_ptr_array_index (chosen, chosen->len - 1), "privacy_notice"));
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, 3);
  copro_history_undo (f->history);
  g_assert_false (copro_record_get_bool (g_ptr_array_index (chosen, chosen->len - 1), "privacy_notice"));
  g_assert_cmpuint (n_batches, ==, 6);
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

static GPtrArray *
list_items (CoproList *list)
{
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; i < copro_list_get_n_items (list); i++)
    g_ptr_array_add (items, copro_list_get (list, i));
  return items;
}

static void
assert_same_items (CoproList *list,
                   GPtrArray *items)
{
  g_assert_cmpuint (copro_list_get_n_items (list), ==, items->len);
  for (guint i = 0; i < items->len; i++)
    g_assert_true (copro_list_get (list, i) == g_ptr_array_index (items, i));
}

static void
test_remove_many (Fixture       *f,
                  gconstpointer  data)
{
  CoproList *partners = copro_record_get_list (f->project, "partners");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  guint n = 2000, n_changes = 0;

  for (guint i = 0; i < n; i++)
    copro_list_add_new (partners);
  copro_history_clear (f->history);
  before = list_items (partners);
  /* Scattered, in a run, the first and the last; given in no order. */
  for (guint i = n; i > 0; i--)
    if ((i - 1) % 3 == 0 || (i - 1 >= 500 && i - 1 < 600) || i == n)
      g_ptr_array_add (doomed, g_ptr_array_index (before, i - 1));
  g_ptr_array_add (doomed, g_ptr_array_index (before, 7));
  g_ptr_array_remove_index_fast (doomed, 7);

  g_signal_connect (partners, "items-changed", G_CALLBACK (count_items_changed_cb), &n_changes);
  copro_list_remove_many (partners, (CoproRecord **) doomed->pdata, doomed->len);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (copro_history_get_n_steps (f->history), ==, 1);
  after = list_items (partners);
  g_assert_cmpuint (after->len, ==, n - doomed->len);
  for (guint i = 0, k = 0; i < n; i++)
    if (!g_ptr_array_find (doomed, g_ptr_array_index (before, i), NULL))
      g_assert_true (g_ptr_array_index (after, k++) == g_ptr_array_index (before, i));
  for (guint i = 0; i < doomed->len; i++)
    g_assert_null (copro_record_get_parent (g_ptr_array_index (doomed, i)));

  /* One undo puts them all back where they were, in one change. */
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpuint (n_changes, ==, 2);
  assert_same_items (partners, before);
  for (guint i = 0; i < doomed->len; i++)
    g_assert_true (copro_record_get_parent (g_ptr_array_index (doomed, i)) == f->project);
  g_assert_true (copro_history_redo (f->history));
  g_assert_cmpuint (n_changes, ==, 3);
  assert_same_items (partners, after);
  g_assert_true (copro_history_undo (f->history));
  assert_same_items (partners, before);

  /* Removing one by one from the end, in a group, undoes in one change too. */
  copro_history_begin_group (f->history);
  for (guint i = n; i > 0; i--)
    if ((i - 1) % 2 == 1)
      copro_list_remove (partners, i - 1);
  copro_history_end_group (f->history);
  n_changes = 0;
  g_assert_true (copro_history_undo (f->history));
  g_assert_cmpuint (n_changes, ==, 1);
  assert_same_items (partners, before);

  /* Nothing of the list's: nothing happens. */
  {
    g_autoptr(CoproRecord) stranger = copro_record_new (&copro_desc_partner);

    copro_list_remove_many (partners, &stranger, 1);
    g_assert_cmpuint (n_changes, ==, 1);
    assert_same_items (partners, before);
  }
  g_signal_handlers_disconnect_by_func (partners, count_items_changed_cb, &n_changes);
}

static void
test_detached_history (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  CoproRecord *project = copro_document_get_project (document);
  CoproHistory *history = copro_history_new (document);

  g_assert_finalize_object (history);
  /* Once the history is gone, nothing is recorded and nothing breaks. */
  g_assert_null (copro_history_get_for_record (project));
  copro_record_set_string (copro_record_get_record (project, "overview"), "title", "Still fine");
  g_assert_true (copro_document_get_modified (document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/copro/history/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("field-undo-redo", test_field_undo_redo);
  ADD ("money-and-int", test_money_and_int);
  ADD ("coalesce-typing", test_coalesce_typing);
  ADD ("list-changes", test_list_changes);
  ADD ("insert-many", test_insert_many);
  ADD ("group", test_group);
  ADD ("saved-point", test_saved_point);
  ADD ("saved-point-not-joined", test_saved_point_not_joined);
  ADD ("notify", test_notify);
  ADD ("set-field-many", test_set_field_many);
  ADD ("remove-many", test_remove_many);
#undef ADD
  g_test_add_func ("/copro/history/detached", test_detached_history);

  return g_test_run ();
}
