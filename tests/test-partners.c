/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The partner register in the real window: sorting by each column, the
 * search and each filter, add, duplicate, delete (one and several) with the
 * toast's Undo and Ctrl+Z, the detail editor and the recruitment checklist
 * writing to the model, the review-date mark, removing personal details,
 * revealing a partner and the map's activation, Ctrl+F from anywhere in
 * the section, and the collapsed layout of a window 360 pixels wide.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "copro-application.h"
#include "copro-history.h"
#include "copro-cell-text.h"
#include "copro-contact.h"
#include "copro-contact-log.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-partner-cell.h"
#include "copro-partner-chooser.h"
#include "copro-partner-map-view.h"
#include "copro-partner-map-page.h"
#include "copro-partners-page.h"
#include "copro-recruitment-checklist.h"
#include "copro-project-view.h"
#include "copro-record-form.h"
#include "copro-register-view.h"
#include "copro-set-field-dialog.h"
#include "copro-sorted-partners.h"
#include "copro-checks-panel.h"
#include "copro-window.h"

#include "copro-gui-test.h"

static CoproApplication *app;
static char *scratch_dir;

/* The partners of the fixture: name, organisation, role, sector, level,
 * status, influence, interest, consent date, notes. */
typedef struct
{
  const char *name, *organisation, *role, *sector, *level, *status;
  int influence, interest;
  const char *consent, *notes;
} Row;

static const Row rows[] = {
  { "Dawn Ellis", "Riverside Carers", "Chair", "carer", "engage", "active", 4, 5, "2024-03-01", "Prefers mornings" },
  { "ayo Bello", "Northgate Council", "Officer", "council", "inform", "identified", 2, 1, "2023-11-20", "" },
  { "Carl Fenwick", "Fenwick Bakery", "Owner", "business", "consult", "withdrawn", 1, 3, NULL, "Met at the fair" },
  { "Beth Adams", "", "Resident", "lived-experience", "co-produce", "interested", 5, 2, "2025-01-15", "" },
  { "Émile Zola", "Adult Learning", "Tutor", "education", "co-design", "paused", 3, 4, "2022-06-30",
    "Translator for the Polish group" },
};

typedef struct
{
  CoproWindow        *window;
  CoproDocument      *document;
  CoproRecord        *project;
  CoproList          *partners;
  CoproProjectView   *view;
  CoproPartnersPage *panel;
} Fixture;

static void open_window (Fixture *f);

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = copro_document_new ();
  f->project = copro_document_get_project (f->document);
  f->partners = copro_record_get_list (f->project, "partners");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      CoproRecord *p = copro_list_add_new (f->partners);

      copro_record_set_string (p, "name", rows[i].name);
      copro_record_set_string (p, "organisation", rows[i].organisation);
      copro_record_set_string (p, "role", rows[i].role);
      copro_record_set_string (p, "sector", rows[i].sector);
      copro_record_set_string (p, "level", rows[i].level);
      copro_record_set_string (p, "status", rows[i].status);
      copro_record_set_int (p, "influence", rows[i].influence);
      copro_record_set_int (p, "interest", rows[i].interest);
      copro_record_set_string (p, "consent_date", rows[i].consent);
      copro_record_set_string (p, "notes", rows[i].notes);
      copro_record_set_string (p, "email", "someone@example.org");
      copro_record_set_string (p, "phone", "01632 960000");
    }
  copro_document_set_modified (f->document, FALSE);
  open_window (f);
}

/* Opens the fixture's document in a window, on the Partners section. */
static void
open_window (Fixture *f)
{
  f->window = copro_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  copro_window_set_document (f->window, f->document);
  f->view = COPRO_PROJECT_VIEW (find_type (GTK_WIDGET (f->window), COPRO_TYPE_PROJECT_VIEW));
  g_assert_nonnull (f->view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "s", "partners"));
  f->panel = COPRO_PARTNERS_PAGE (copro_project_view_get_panel (f->view, "partners"));
  g_assert_true (COPRO_IS_PARTNERS_PAGE (f->panel));
  spin_idle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->panel)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Dialogues first (the partner chooser), then the window, unsaved. */
  copro_gui_test_destroy_all (GTK_WINDOW (f->window));
  copro_gui_test_finalize_document (f->document);
}

static CoproRecord *
partner (Fixture *f,
         guint    i)
{
  return copro_list_get (f->partners, i);
}

static guint
n_shown (Fixture *f)
{
  return copro_partners_page_get_n_shown (f->panel);
}

static gboolean
search_done (gpointer data)
{
  return !copro_partners_page_is_searching (data);
}

static void
search (Fixture    *f,
        const char *text)
{
  copro_partners_page_set_search (f->panel, text);
  spin_until (search_done, f->panel);
}

/* Selects the shown rows @positions (ending with -1). */
static void
select_shown (Fixture *f,
              ...)
{
  GtkSelectionModel *selection = copro_partners_page_get_selection (f->panel);
  va_list args;
  int position;

  gtk_selection_model_unselect_all (selection);
  va_start (args, f);
  while ((position = va_arg (args, int)) >= 0)
    gtk_selection_model_select_item (selection, (guint) position, FALSE);
  va_end (args);
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->panel), action, NULL));
}

static void
collect_buttons (GtkWidget *root,
                 GPtrArray *found)
{
  if (GTK_IS_BUTTON (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, found);
}

/* The "Undo" buttons of the toasts shown. */
static GPtrArray *
find_toast_undos (Fixture *f)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (f->panel), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GPtrArray *undos = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay)))
      collect_buttons (child, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "Undo") == 0)
      g_ptr_array_add (undos, g_ptr_array_index (buttons, i));
  return undos;
}

/* Exactly one toast with Undo: older ones have gone. */
static gboolean
has_one_toast_undo (gpointer data)
{
  g_autoptr(GPtrArray) undos = find_toast_undos (data);

  return undos->len == 1;
}

static gboolean
has_no_toast_undo (gpointer data)
{
  g_autoptr(GPtrArray) undos = find_toast_undos (data);

  return undos->len == 0;
}

/* Clicks the toast's Undo, and waits for the toast to go. */
static void
click_toast_undo (Fixture *f)
{
  g_autoptr(GPtrArray) undos = NULL;

  spin_until (has_one_toast_undo, f);
  undos = find_toast_undos (f);
  g_signal_emit_by_name (g_ptr_array_index (undos, 0), "clicked");
  spin_until (has_no_toast_undo, f);
}

static GtkWidget *
field (Fixture     *f,
       GtkWidget   *root,
       CoproRecord *record,
       const char  *key)
{
  GtkWidget *widget = copro_field_widget_find (root, record, key);

  g_assert_nonnull (widget);
  return widget;
}

/* Sorting */

static int
compare_by (CoproRecord *a,
            CoproRecord *b,
            const char  *key)
{
  const CoproField *f = copro_record_desc_find_field (&copro_desc_partner, key);
  GDate da, db;

  /* Not a field: the latest date of the partner's contact log. */
  if (g_str_equal (key, "last_contact"))
    return (copro_date_parse (copro_partner_get_last_contact_date (a), &da) ? (int) g_date_get_julian (&da) : 0) -
           (copro_date_parse (copro_partner_get_last_contact_date (b), &db) ? (int) g_date_get_julian (&db) : 0);
  switch (f->kind)
    {
    case COPRO_FIELD_STRING:
      {
        /* The name column shows (and sorts by) the organisation when there is no name. */
        gboolean name = g_str_equal (key, "name");
        g_autofree char *fa = g_utf8_casefold (name ? copro_partner_get_title (a) : copro_record_get_string (a, key), -1);
        g_autofree char *fb = g_utf8_casefold (name ? copro_partner_get_title (b) : copro_record_get_string (b, key), -1);

        return g_utf8_collate (fa, fb);
      }
    case COPRO_FIELD_ENUM:
      return copro_enum_index (f->enumeration, copro_record_get_string (a, key)) -
             copro_enum_index (f->enumeration, copro_record_get_string (b, key));
    case COPRO_FIELD_INT:
      return copro_record_get_int (a, key) - copro_record_get_int (b, key);
    case COPRO_FIELD_DATE:
      return (copro_record_get_date (a, key, &da) ? (int) g_date_get_julian (&da) : 0) -
             (copro_record_get_date (b, key, &db) ? (int) g_date_get_julian (&db) : 0);
    default:
      g_assert_not_reached ();
    }
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  static const char * const keys[] = {
    "name", "organisation", "sector", "level", "status", "influence", "interest", "consent_date",
  };
  /* The first row shown, ascending, for each key. */
  static const char * const first[] = {
    "ayo Bello", "Beth Adams", "ayo Bello" /* council */, "ayo Bello" /* inform */,
    "ayo Bello" /* identified */, "Carl Fenwick", "ayo Bello", "Carl Fenwick" /* no date */,
  };
  guint n = copro_list_get_n_items (f->partners);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    for (int direction = 0; direction < 2; direction++)
      {
        copro_partners_page_sort_by (f->panel, keys[k], direction == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
        spin_until (search_done, f->panel);
        g_assert_cmpuint (n_shown (f), ==, n);
        for (guint i = 0; i + 1 < n; i++)
          {
            int order = compare_by (copro_partners_page_get_shown (f->panel, i),
                                    copro_partners_page_get_shown (f->panel, i + 1), keys[k]);

            if (direction == 0)
              g_assert_cmpint (order, <=, 0);
            else
              g_assert_cmpint (order, >=, 0);
          }
        if (direction == 0)
          g_assert_cmpstr (copro_partner_get_title (copro_partners_page_get_shown (f->panel, 0)), ==, first[k]);
        else
          g_assert_cmpstr (copro_partner_get_title (copro_partners_page_get_shown (f->panel, n - 1)), ==, first[k]);
      }

  /* The model order is the document's: sorting never changes the file. */
  g_assert_true (partner (f, 0) == copro_list_get (f->partners, 0));
  g_assert_false (copro_document_get_modified (f->document));

  /* A sorted column follows an edit after sorting again. */
  copro_partners_page_sort_by (f->panel, "name", GTK_SORT_ASCENDING);
  copro_record_set_string (partner (f, 2), "name", "Aaron Fenwick");
  copro_partners_page_sort_by (f->panel, "organisation", GTK_SORT_ASCENDING);
  copro_partners_page_sort_by (f->panel, "name", GTK_SORT_ASCENDING);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 2));

  /* A partner with no name is shown, and sorted, by their organisation. */
  copro_record_set_string (partner (f, 1), "name", "");
  copro_partners_page_sort_by (f->panel, "organisation", GTK_SORT_ASCENDING);
  copro_partners_page_sort_by (f->panel, "name", GTK_SORT_ASCENDING);
  for (guint i = 0; i + 1 < n; i++)
    g_assert_cmpint (compare_by (copro_partners_page_get_shown (f->panel, i),
                                 copro_partners_page_get_shown (f->panel, i + 1), "name"), <=, 0);
  g_assert_true (copro_partners_page_get_shown (f->panel, n - 1) == partner (f, 1) ||
                 copro_partners_page_get_shown (f->panel, n - 2) == partner (f, 1));

  copro_partners_page_sort_by (f->panel, NULL, GTK_SORT_ASCENDING);
  for (guint i = 0; i < n; i++)
    g_assert_true (copro_partners_page_get_shown (f->panel, i) == partner (f, i));
}

typedef struct
{
  CoproRecord *partner;
  const char  *key;
} CellWanted;

static gboolean
is_cell_wanted (GtkWidget     *widget,
                gconstpointer  data)
{
  const CellWanted *wanted = data;

  return copro_partner_cell_get_partner (COPRO_PARTNER_CELL (widget)) == wanted->partner &&
         g_str_equal (copro_partner_cell_get_key (COPRO_PARTNER_CELL (widget)), wanted->key);
}

/* The register's cell showing @key of @partner, or NULL when none is bound to it. */
static CoproPartnerCell *
find_cell_in (GtkWidget   *root,
              CoproRecord *partner,
              const char  *key)
{
  return (CoproPartnerCell *) find_widget (root, COPRO_TYPE_PARTNER_CELL, is_cell_wanted,
                                           &(CellWanted) { partner, key });
}

static const char *
cell_text (CoproPartnerCell *cell)
{
  GtkWidget *text = find_type (GTK_WIDGET (cell), COPRO_TYPE_CELL_TEXT);

  g_assert_nonnull (text);
  return copro_cell_text_get_text (COPRO_CELL_TEXT (text));
}

/* The text of the @column-th cell (from 0, not the name's) of the row
 * showing @partner. */
static const char *
row_cell_text (Fixture     *f,
               CoproRecord *partner,
               guint        column)
{
  return copro_register_view_get_cell_text (copro_partners_page_get_rows (f->panel), partner, column);
}

/* Editing a partner sorts and filters the register again at once, in one
 * change, and an edit that leaves the rows in place changes none of them. */
static void
test_edit_resorts (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (copro_partners_page_get_selection (f->panel));
  GtkWidget *view = GTK_WIDGET (copro_partners_page_get_rows (f->panel));
  CoproPartnerCell *cell;
  guint changes = 0;
  gulong id;

  copro_partners_page_sort_by (f->panel, "name", GTK_SORT_ASCENDING);
  spin_idle ();
  /* Shown: ayo Bello (1), Beth Adams (3), Carl Fenwick (2), Dawn Ellis (0), Émile Zola (4). */
  g_assert_true (copro_partners_page_get_shown (f->panel, 3) == partner (f, 0));
  id = g_signal_connect (model, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  /* Renamed, Dawn goes to the top: one change; the cell shows the new name. */
  copro_record_set_string (partner (f, 0), "name", "Aaron Ellis");
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 0));
  g_assert_true (copro_partners_page_get_shown (f->panel, 1) == partner (f, 1));
  spin_idle ();
  cell = find_cell_in (view, partner (f, 0), "name");
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell_text (cell), ==, "Aaron Ellis");

  /* A field the register neither sorts by nor shows: nothing moves, and the
   * row keeps its cells. */
  copro_record_set_string (partner (f, 0), "email", "aaron@example.org");
  g_assert_cmpuint (changes, ==, 1);
  spin_idle ();
  g_assert_true (find_cell_in (view, partner (f, 0), "name") == cell);
  /* A shown field that leaves the order as it was: the cell follows, in place. */
  copro_record_set_string (partner (f, 0), "organisation", "Riverside Carers Group");
  g_assert_cmpuint (changes, ==, 1);
  spin_idle ();
  g_assert_cmpstr (row_cell_text (f, partner (f, 0), 1), ==, "Riverside Carers Group");
  g_assert_true (find_cell_in (view, partner (f, 0), "name") == cell);

  /* Descending, and by a number. */
  copro_partners_page_sort_by (f->panel, "influence", GTK_SORT_DESCENDING);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 3));   /* 5 */
  changes = 0;
  copro_record_set_int (partner (f, 2), "influence", 5);
  g_assert_cmpuint (changes, ==, 1);
  /* Equal keys keep the list's order. */
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 2));
  g_assert_true (copro_partners_page_get_shown (f->panel, 1) == partner (f, 3));

  /* Filtered again: a search for "fenwick" finds Carl Fenwick (name and
   * organisation), then whoever an edit makes match, and no one it no
   * longer matches. */
  search (f, "fenwick");
  g_assert_cmpuint (n_shown (f), ==, 1);
  changes = 0;
  copro_record_set_string (partner (f, 3), "notes", "Knows the Fenwick family");
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (n_shown (f), ==, 2);
  copro_record_set_string (partner (f, 2), "name", "Carl Baker");
  g_assert_cmpuint (n_shown (f), ==, 2);   /* still "Fenwick Bakery" */
  copro_record_set_string (partner (f, 2), "organisation", "Baker’s");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 3));
  search (f, "");

  /* And a filter. */
  copro_partners_page_set_filter (f->panel, "status", "withdrawn");
  g_assert_cmpuint (n_shown (f), ==, 1);
  copro_record_set_string (partner (f, 2), "status", "active");
  g_assert_cmpuint (n_shown (f), ==, 0);
  copro_record_set_string (partner (f, 4), "status", "withdrawn");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 4));
  copro_partners_page_set_filter (f->panel, "status", NULL);

  /* Undo is an edit too. */
  copro_partners_page_sort_by (f->panel, "name", GTK_SORT_ASCENDING);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpstr (copro_record_get_string (partner (f, 4), "status"), ==, "paused");
  for (guint i = 0; i + 1 < n_shown (f); i++)
    g_assert_cmpint (compare_by (copro_partners_page_get_shown (f->panel, i),
                                 copro_partners_page_get_shown (f->panel, i + 1), "name"), <=, 0);
  g_signal_handler_disconnect (model, id);
}

/* A search that leaves a row where it was keeps that row's cells: GTK
 * binds only the rows that moved. */
static void
test_search_keeps_rows (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (copro_partners_page_get_rows (f->panel));
  CoproPartnerCell *cell;

  spin_idle ();
  cell = find_cell_in (view, partner (f, 0), "name");
  g_assert_nonnull (cell);
  g_object_add_weak_pointer (G_OBJECT (cell), (gpointer *) &cell);
  search (f, "dawn");
  g_assert_cmpuint (n_shown (f), ==, 1);
  spin_idle ();
  g_assert_nonnull (cell);
  g_assert_true (find_cell_in (view, partner (f, 0), "name") == cell);
  search (f, "");
  spin_idle ();
  g_assert_true (find_cell_in (view, partner (f, 0), "name") == cell);
  g_object_remove_weak_pointer (G_OBJECT (cell), (gpointer *) &cell);
}

/* The register's rows at a size where the keys and the sort are split
 * between threads: the same order as a plain sort (the list's order
 * between equal keys), whatever the threads did. */
/* The search texts are made while idle, ahead of the first search, and
 * partners edited meanwhile are found by what they say now. */
static void
test_prepare_search (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  CoproList *partners = copro_record_get_list (copro_document_get_project (document), "partners");
  g_autoptr(CoproSortedPartners) shown = NULL;
  guint n = 9000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Resident %u", i);

      copro_record_set_string (copro_list_add_new (partners), "name", name);
    }
  shown = copro_sorted_partners_new (partners);
  copro_sorted_partners_prepare_search (shown);
  g_assert_false (copro_sorted_partners_is_search_made (shown));
  /* A slice made; then the first partner (made) and the last (not yet)
   * renamed, and one added. */
  g_main_context_iteration (NULL, FALSE);
  g_assert_false (copro_sorted_partners_is_search_made (shown));
  copro_record_set_string (copro_list_get (partners, 0), "name", "Zebedee Lark");
  copro_record_set_string (copro_list_get (partners, n - 1), "name", "Quentin Lark");
  copro_record_set_string (copro_list_add_new (partners), "name", "Ada Lark");
  for (guint i = 0; i < 1000 && !copro_sorted_partners_is_search_made (shown); i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (copro_sorted_partners_is_search_made (shown));

  copro_sorted_partners_set_search (shown, "lark");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 3);
  copro_sorted_partners_set_search (shown, "resident 1");
  /* Resident 1, 10-19, 100-199, 1000-1999 */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 1 + 10 + 100 + 1000);
  copro_sorted_partners_set_search (shown, "resident 0");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 0);
}

static void
test_rows_threaded (void)
{
  static const char * const keys[] = {
    "name", "organisation", "sector", "level", "status", "influence", "interest", "consent_date",
    "last_contact",
  };
  g_autoptr(CoproDocument) document = copro_document_new ();
  CoproList *partners = copro_record_get_list (copro_document_get_project (document), "partners");
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CoproSortedPartners) shown = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GHashTable) positions = g_hash_table_new (NULL, NULL);
  guint n = 20000, expected = 0;

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *p = copro_record_new (&copro_desc_partner);
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *name = g_strdup_printf ("%s %c%u", (i % 3 == 0) ? "Émile" : (i % 3 == 1) ? "ayo" : "Beth",
                                               'A' + g_rand_int_range (rand, 0, 26), g_rand_int_range (rand, 0, 50));
      g_autofree char *date = g_strdup_printf ("20%02d-%02d-01", g_rand_int_range (rand, 10, 30),
                                               g_rand_int_range (rand, 1, 13));

      copro_record_set_id (p, id);
      /* Some with no name, shown (and sorted) by their organisation. */
      copro_record_set_string (p, "name", i % 17 == 0 ? "" : name);
      copro_record_set_string (p, "organisation", i % 5 == 0 ? "Riverside Carers" : "Northgate Council");
      copro_record_set_string (p, "sector", copro_enum_sector.values[g_rand_int_range (rand, 0, 3)].key);
      copro_record_set_string (p, "level", copro_enum_level.values[g_rand_int_range (rand, 0, 3)].key);
      copro_record_set_string (p, "status", copro_enum_partner_status.values[g_rand_int_range (rand, 0, 3)].key);
      copro_record_set_int (p, "influence", g_rand_int_range (rand, 0, 6));
      copro_record_set_int (p, "interest", g_rand_int_range (rand, 0, 6));
      copro_record_set_string (p, "consent_date", i % 7 == 0 ? "" : date);
      copro_record_set_string (p, "notes", i % 11 == 0 ? "Needs a hearing loop" : "");
      /* No contact, or one or two: the later one is the last contact. */
      for (guint c = 0; c < i % 3; c++)
        {
          g_autofree char *when = g_strdup_printf ("2026-%02d-%02d", g_rand_int_range (rand, 1, 13),
                                                   g_rand_int_range (rand, 1, 29));

          copro_contact_log (p, when, "phone", "Jo", "Called", NULL);
        }
      if (i % 11 == 0)
        expected++;
      g_ptr_array_add (made, p);
    }
  copro_list_insert_many (partners, 0, (CoproRecord **) made->pdata, n);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (positions, copro_list_get (partners, i), GUINT_TO_POINTER (i));
  shown = copro_sorted_partners_new (partners);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    for (int descending = 0; descending < 2; descending++)
      {
        copro_sorted_partners_sort (shown, keys[k], descending);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, n);
        for (guint i = 0; i + 1 < n; i++)
          {
            g_autoptr(CoproRecord) a = g_list_model_get_item (G_LIST_MODEL (shown), i);
            g_autoptr(CoproRecord) b = g_list_model_get_item (G_LIST_MODEL (shown), i + 1);
            int order = compare_by (a, b, keys[k]);
            guint pa, pb;

            if (descending)
              order = -order;
            g_assert_cmpint (order, <=, 0);
            if (order == 0)
              {
                pa = GPOINTER_TO_UINT (g_hash_table_lookup (positions, a));
                pb = GPOINTER_TO_UINT (g_hash_table_lookup (positions, b));
                g_assert_cmpuint (pa, <, pb);
              }
          }
      }

  /* A contact logged moves its partner to its place by last contact. */
  copro_sorted_partners_sort (shown, "last_contact", FALSE);
  {
    g_autoptr(CoproRecord) first = g_list_model_get_item (G_LIST_MODEL (shown), 0);
    g_autoptr(CoproRecord) last = NULL;

    copro_contact_log (first, "2031-01-01", "email", "Jo", "Wrote back", NULL);
    last = g_list_model_get_item (G_LIST_MODEL (shown), n - 1);
    g_assert_true (last == first);
  }

  /* The search texts, made in threads, find what a search should. */
  copro_sorted_partners_set_search (shown, "HEARING");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, expected);
  copro_sorted_partners_set_field (shown, "sector", copro_enum_sector.values[0].key);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shown)); i++)
    {
      g_autoptr(CoproRecord) p = g_list_model_get_item (G_LIST_MODEL (shown), i);

      g_assert_cmpstr (copro_record_get_string (p, "sector"), ==, copro_enum_sector.values[0].key);
      g_assert_nonnull (strstr (copro_record_get_string (p, "notes"), "hearing"));
    }
  g_clear_object (&shown);
  copro_list_remove_all (partners);
}

/* Many partners changed in one step of the history (a group, its undo and
 * its redo) move in the sorted rows once, as one change of the rows; and
 * a restriction to some partners keeps only those. */
static void
test_rows_batch (void)
{
  g_autoptr(CoproDocument) document = copro_document_new ();
  CoproRecord *project = copro_document_get_project (document);
  CoproList *partners = copro_record_get_list (project, "partners");
  g_autoptr(CoproHistory) history = NULL;
  g_autoptr(CoproSortedPartners) shown = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  guint n = 300, n_changes = 0;

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *p = copro_list_add_new (partners);

      copro_record_set_string (p, "level", copro_enum_level.values[i % 3].key);
      if (i % 5 != 0)
        g_ptr_array_add (chosen, p);
    }
  history = copro_history_new (document);
  shown = copro_sorted_partners_new (partners);
  copro_sorted_partners_sort (shown, "level", TRUE);
  g_signal_connect (shown, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);

  /* 240 partners: more than are moved one by one. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, copro_enum_level.values[4].key);
  for (guint round = 0; round < 3; round++)
    {
      if (round == 0)
        copro_list_set_field_many (partners, (CoproRecord **) chosen->pdata, chosen->len, "level", &value);
      else if (round == 1)
        g_assert_true (copro_history_undo (history));
      else
        g_assert_true (copro_history_redo (history));
      g_assert_cmpuint (n_changes, ==, round + 1);
      for (guint i = 0; i + 1 < n; i++)
        {
          g_autoptr(CoproRecord) a = g_list_model_get_item (G_LIST_MODEL (shown), i);
          g_autoptr(CoproRecord) b = g_list_model_get_item (G_LIST_MODEL (shown), i + 1);

          g_assert_cmpint (compare_by (a, b, "level"), >=, 0);
        }
    }
  {
    g_autoptr(CoproRecord) first = g_list_model_get_item (G_LIST_MODEL (shown), 0);

    g_assert_cmpstr (copro_record_get_string (first, "level"), ==, copro_enum_level.values[4].key);
  }

  /* Two partners changed in a group: each moved to its place, one change. */
  copro_history_begin_group (history);
  copro_record_set_string (copro_list_get (partners, 0), "level", copro_enum_level.values[4].key);
  copro_record_set_string (copro_list_get (partners, 5), "level", copro_enum_level.values[4].key);
  g_assert_cmpuint (n_changes, ==, 3);
  copro_history_end_group (history);
  g_assert_cmpuint (n_changes, ==, 4);
  for (guint i = 0; i < chosen->len + 2; i++)
    {
      g_autoptr(CoproRecord) p = g_list_model_get_item (G_LIST_MODEL (shown), i);

      g_assert_cmpstr (copro_record_get_string (p, "level"), ==, copro_enum_level.values[4].key);
    }

  /* Many deleted at once: one change of the rows, still sorted; one undo
   * puts them back, in one change, where they were. */
  {
    g_autoptr(GPtrArray) rows_before = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GPtrArray) doomed = g_ptr_array_new ();

    for (guint i = 0; i < n; i++)
      {
        g_ptr_array_add (rows_before, g_list_model_get_item (G_LIST_MODEL (shown), i));
        if (i % 4 == 1 || (i > 100 && i < 140))
          g_ptr_array_add (doomed, g_ptr_array_index (rows_before, i));
      }
    n_changes = 0;
    copro_list_remove_many (partners, (CoproRecord **) doomed->pdata, doomed->len);
    g_assert_cmpuint (n_changes, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, n - doomed->len);
    for (guint i = 0, k = 0; i < n; i++)
      if (!g_ptr_array_find (doomed, g_ptr_array_index (rows_before, i), NULL))
        {
          g_autoptr(CoproRecord) p = g_list_model_get_item (G_LIST_MODEL (shown), k++);

          g_assert_true (p == g_ptr_array_index (rows_before, i));
        }
    g_assert_true (copro_history_undo (history));
    g_assert_cmpuint (n_changes, ==, 2);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CoproRecord) p = g_list_model_get_item (G_LIST_MODEL (shown), i);

        g_assert_true (p == g_ptr_array_index (rows_before, i));
      }
  }

  /* One new partner goes to its place in the sorted rows. */
  {
    g_autoptr(CoproRecord) added = copro_record_new (&copro_desc_partner);
    guint at;

    copro_record_set_string (added, "level", copro_enum_level.values[1].key);
    n_changes = 0;
    copro_list_insert (partners, 3, added);
    g_assert_cmpuint (n_changes, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, n + 1);
    for (guint i = 0; i + 1 < n + 1; i++)
      {
        g_autoptr(CoproRecord) a = g_list_model_get_item (G_LIST_MODEL (shown), i);
        g_autoptr(CoproRecord) b = g_list_model_get_item (G_LIST_MODEL (shown), i + 1);
        guint pa, pb;

        g_assert_cmpint (compare_by (a, b, "level"), >=, 0);
        /* Equal levels in the list's order. */
        if (compare_by (a, b, "level") == 0)
          {
            g_assert_true (copro_list_find (partners, a, &pa));
            g_assert_true (copro_list_find (partners, b, &pb));
            g_assert_cmpuint (pa, <, pb);
          }
      }
    g_assert_true (copro_sorted_partners_find (shown, added, &at));
    copro_list_remove (partners, 3);
    g_assert_false (copro_sorted_partners_find (shown, added, &at));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, n);
  }

  /* A filter changed in the middle of a batch that added a partner: the
   * rows shown are sorted still. */
  {
    g_autoptr(CoproRecord) added = copro_record_new (&copro_desc_partner);

    copro_record_set_string (added, "level", copro_enum_level.values[2].key);
    copro_history_begin_group (history);
    copro_list_insert (partners, 0, added);
    {
      g_autoptr(GPtrArray) all = g_ptr_array_new ();

      for (guint i = 0; i < copro_list_get_n_items (partners); i++)
        g_ptr_array_add (all, copro_list_get (partners, i));
      copro_sorted_partners_set_only (shown, (CoproRecord **) all->pdata, all->len);
    }
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, n + 1);
    for (guint i = 0; i + 1 < n + 1; i++)
      {
        g_autoptr(CoproRecord) a = g_list_model_get_item (G_LIST_MODEL (shown), i);
        g_autoptr(CoproRecord) b = g_list_model_get_item (G_LIST_MODEL (shown), i + 1);

        g_assert_cmpint (compare_by (a, b, "level"), >=, 0);
      }
    copro_sorted_partners_set_only (shown, NULL, 0);
    copro_history_end_group (history);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, n + 1);
    copro_history_undo (history);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, n);
  }

  /* Only the chosen partners, then all again. */
  copro_sorted_partners_set_only (shown, (CoproRecord **) chosen->pdata, 7);
  g_assert_true (copro_sorted_partners_is_filtered (shown));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      guint position;

      g_assert_true (copro_sorted_partners_find (shown, g_ptr_array_index (chosen, i), &position));
    }
  copro_sorted_partners_set_only (shown, NULL, 0);
  g_assert_false (copro_sorted_partners_is_filtered (shown));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, n);
  g_signal_handlers_disconnect_by_func (shown, count_changes_cb, &n_changes);
  g_clear_object (&shown);
}

/* Search and filters */

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  guint n = copro_list_get_n_items (f->partners);

  search (f, "dawn");      /* name, any case */
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 0));
  search (f, "BAKERY");    /* organisation */
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 2));
  search (f, "tutor");     /* role */
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 4));
  search (f, "polish");    /* notes */
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 4));
  search (f, "émile");     /* beyond ASCII */
  g_assert_cmpuint (n_shown (f), ==, 1);
  search (f, "ÉMILE");
  g_assert_cmpuint (n_shown (f), ==, 1);
  search (f, "e");         /* narrowing and widening again */
  g_assert_cmpuint (n_shown (f), ==, n);
  search (f, "ell");
  g_assert_cmpuint (n_shown (f), ==, 2);   /* Dawn Ellis, ayo Bello */
  search (f, "ello");
  g_assert_cmpuint (n_shown (f), ==, 1);
  search (f, "el");
  g_assert_cmpuint (n_shown (f), ==, 2);
  search (f, "nobody at all");
  g_assert_cmpuint (n_shown (f), ==, 0);
  search (f, "someone@example.org");  /* email is not searched */
  g_assert_cmpuint (n_shown (f), ==, 0);
  search (f, "");
  g_assert_cmpuint (n_shown (f), ==, n);

  /* Typing into the entry searches too. */
  gtk_editable_set_text (GTK_EDITABLE (find_type (GTK_WIDGET (f->panel), GTK_TYPE_SEARCH_ENTRY)), "riverside");
  while (n_shown (f) != 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 0));
  search (f, "");

  /* Ctrl+F's action opens the search bar and puts the keyboard in it. */
  activate (f, "partners.find");
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (find_type (GTK_WIDGET (f->panel),
                                                                            GTK_TYPE_SEARCH_BAR))));
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  guint n = copro_list_get_n_items (f->partners);

  copro_partners_page_set_filter (f->panel, "sector", "carer");
  spin_until (search_done, f->panel);
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 0));
  copro_partners_page_set_filter (f->panel, "sector", "business");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 2));
  copro_partners_page_set_filter (f->panel, "sector", "other");
  g_assert_cmpuint (n_shown (f), ==, 0);
  copro_partners_page_set_filter (f->panel, "sector", NULL);
  g_assert_cmpuint (n_shown (f), ==, n);

  copro_partners_page_set_filter (f->panel, "level", "co-produce");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 3));
  copro_partners_page_set_filter (f->panel, "level", NULL);

  copro_partners_page_set_filter (f->panel, "status", "withdrawn");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 2));
  /* Filters and search together. */
  search (f, "dawn");
  g_assert_cmpuint (n_shown (f), ==, 0);
  copro_partners_page_set_filter (f->panel, "status", "active");
  g_assert_cmpuint (n_shown (f), ==, 1);
  copro_partners_page_set_filter (f->panel, "status", NULL);
  search (f, "");
  g_assert_cmpuint (n_shown (f), ==, n);

  /* Choosing in the drop-down itself filters. */
  {
    GtkWidget *drop_down = find_type (GTK_WIDGET (f->panel), GTK_TYPE_DROP_DOWN);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down),
                                (guint) copro_enum_index (&copro_enum_sector, "council") + 1);
    g_assert_cmpuint (n_shown (f), ==, 1);
    g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 1));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 0);
    g_assert_cmpuint (n_shown (f), ==, n);
  }
}

/* Add, duplicate, delete, undo */

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  guint n = copro_list_get_n_items (f->partners);
  GtkWidget *name, *focus;
  CoproRecord *added;

  search (f, "dawn");
  activate (f, "partners.add");
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, n + 1);
  added = partner (f, n);
  /* The search is cleared so that the new partner shows, selected, in its editor. */
  g_assert_cmpuint (n_shown (f), ==, n + 1);
  g_assert_true (copro_partners_page_get_editing (f->panel) == added);
  name = field (f, copro_partners_page_get_editor (f->panel), added, "name");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == copro_field_widget_get_focus (name) ||
                 gtk_widget_is_ancestor (focus, copro_field_widget_get_focus (name)));
  g_assert_true (copro_document_get_modified (f->document));

  /* Undo takes it away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, n);
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  guint n = copro_list_get_n_items (f->partners);
  CoproRecord *original = partner (f, 1);
  CoproRecord *copy;

  select_shown (f, 1, -1);
  activate (f, "partners.duplicate");
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, n + 1);
  copy = partner (f, 2);
  g_assert_true (copy != original);
  g_assert_cmpstr (copro_record_get_string (copy, "name"), ==, copro_record_get_string (original, "name"));
  g_assert_cmpstr (copro_record_get_string (copy, "notes"), ==, copro_record_get_string (original, "notes"));
  g_assert_cmpint (copro_record_get_int (copy, "influence"), ==, copro_record_get_int (original, "influence"));
  g_assert_cmpstr (copro_record_get_id (copy), !=, copro_record_get_id (original));
  g_assert_true (copro_partners_page_get_editing (f->panel) == copy);
  g_assert_true (partner (f, 3) == copro_list_find_by_id (f->partners, copro_record_get_id (partner (f, 3))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, n);
  g_assert_true (partner (f, 1) == original);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  CoproHistory *history = copro_project_view_get_history (f->view);
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  guint n = copro_list_get_n_items (f->partners);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (before, partner (f, i));

  /* One: gone, and the toast's Undo puts it back in its place. */
  select_shown (f, 2, -1);
  activate (f, "partners.delete");
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, n - 1);
  g_assert_false (copro_list_find (f->partners, g_ptr_array_index (before, 2), NULL));
  click_toast_undo (f);
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (partner (f, i) == g_ptr_array_index (before, i));

  /* Several, sorted so that the rows shown are not in the list's order:
   * one step of the history, and Ctrl+Z restores all at their places. */
  copro_partners_page_sort_by (f->panel, "name", GTK_SORT_ASCENDING);
  /* Shown: ayo Bello (1), Beth Adams (3), Carl Fenwick (2), Dawn Ellis (0), Émile Zola (4). */
  g_assert_true (copro_partners_page_get_shown (f->panel, 0) == partner (f, 1));
  select_shown (f, 0, 2, 4, -1);
  activate (f, "partners.delete");
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, n - 3);
  g_assert_true (partner (f, 0) == g_ptr_array_index (before, 0));
  g_assert_true (partner (f, 1) == g_ptr_array_index (before, 3));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (partner (f, i) == g_ptr_array_index (before, i));
  /* The first deletion was undone already: that one step was all there was. */
  g_assert_false (copro_history_get_can_undo (history));

  /* And the toast's Undo for several. */
  select_shown (f, 1, 3, -1);
  activate (f, "partners.delete");
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, n - 2);
  click_toast_undo (f);
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (partner (f, i) == g_ptr_array_index (before, i));

  /* With nothing selected there is nothing to delete. */
  gtk_selection_model_unselect_all (copro_partners_page_get_selection (f->panel));
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "partners.delete", NULL);
  spin_idle ();
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, n);
}

/* The editor */

static void
test_editor (Fixture       *f,
             gconstpointer  data)
{
  CoproRecord *p = partner (f, 3);
  GtkWidget *editor = copro_partners_page_get_editor (f->panel);
  GtkWidget *widget;
  const CoproRecordDesc *desc = &copro_desc_partner;

  /* Nothing selected: the pane says so, and how to get a partner's details. */
  g_assert_null (copro_partners_page_get_editing (f->panel));
  g_assert_true (gtk_widget_get_mapped (find_label (GTK_WIDGET (f->panel), "No Partner Selected")));
  g_assert_true (gtk_widget_get_mapped (find_label (GTK_WIDGET (f->panel), "Select a partner in the register to see and change their details.")));
  select_shown (f, 3, -1);
  g_assert_true (copro_partners_page_get_editing (f->panel) == p);

  /* Every field of a partner has its control. */
  for (guint i = 0; i < desc->n_fields; i++)
    g_assert_nonnull (copro_field_widget_find (editor, p, desc->fields[i].key));

  /* A one-line text and a drop-down write to the partner. */
  widget = copro_field_widget_get_focus (field (f, editor, p, "organisation"));
  gtk_editable_set_text (GTK_EDITABLE (widget), "Beth's Allotment");
  g_assert_cmpstr (copro_record_get_string (p, "organisation"), ==, "Beth's Allotment");
  widget = field (f, editor, p, "status");
  g_assert_true (ADW_IS_COMBO_ROW (widget));
  adw_combo_row_set_selected (ADW_COMBO_ROW (widget),
                              (guint) copro_enum_index (&copro_enum_partner_status, "active") + 1);
  g_assert_cmpstr (copro_record_get_string (p, "status"), ==, "active");
  g_assert_true (copro_document_get_modified (f->document));

  /* The register's row follows: the status filter now finds the partner. */
  copro_partners_page_set_filter (f->panel, "status", "active");
  g_assert_cmpuint (n_shown (f), ==, 2);
  copro_partners_page_set_filter (f->panel, "status", NULL);

  /* Several selected: no editor, and the pane counts them. */
  select_shown (f, 0, 1, -1);
  g_assert_null (copro_partners_page_get_editing (f->panel));
  spin_idle ();
  g_assert_true (gtk_widget_get_mapped (find_label (GTK_WIDGET (f->panel), "2 partners selected")));
  g_assert_true (gtk_widget_get_mapped (find_label (GTK_WIDGET (f->panel), "Select one partner to see and change their details.")));
}

static void
test_checklist (Fixture       *f,
                gconstpointer  data)
{
  CoproRecord *recruitment = copro_record_get_record (f->project, "recruitment");
  GtkWidget *checklist = find_type (GTK_WIDGET (f->panel), COPRO_TYPE_RECRUITMENT_CHECKLIST);
  GtkWidget *revealer = find_type (checklist, GTK_TYPE_REVEALER);
  GtkWidget *toggle = find_type (checklist, GTK_TYPE_TOGGLE_BUTTON);
  GtkWidget *widget;

  /* Above the register, folded until opened by its button; its form is
   * made when first opened. */
  g_assert_nonnull (revealer);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_null (find_type (checklist, GTK_TYPE_TEXT_VIEW));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_true (copro_recruitment_checklist_get_expanded (COPRO_RECRUITMENT_CHECKLIST (checklist)));
  widget = copro_field_widget_get_focus (field (f, GTK_WIDGET (f->panel), recruitment, "affected"));

  g_assert_true (GTK_IS_TEXT_VIEW (widget));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "Carers in the north", -1);
  g_assert_cmpstr (copro_record_get_string (recruitment, "affected"), ==, "Carers in the north");
  g_assert_true (copro_document_get_modified (f->document));
}

/* Privacy */

static guint
count_visible_marks (GtkWidget *root)
{
  guint n = 0;

  if (GTK_IS_IMAGE (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (root)), "dialog-warning-symbolic") == 0 &&
      gtk_widget_get_ancestor (root, COPRO_TYPE_REGISTER_VIEW) != NULL)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_visible_marks (child);
  return n;
}

static void
test_review_mark (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (copro_partners_page_get_rows (f->panel));

  spin_idle ();
  g_assert_cmpuint (count_visible_marks (view), ==, 0);
  copro_record_set_string (partner (f, 1), "review_date", "2001-01-01");
  g_assert_true (copro_partner_is_review_due (partner (f, 1)));
  spin_idle ();
  g_assert_cmpuint (count_visible_marks (view), ==, 1);
  copro_record_set_string (partner (f, 1), "review_date", "2999-01-01");
  g_assert_false (copro_partner_is_review_due (partner (f, 1)));
  spin_idle ();
  g_assert_cmpuint (count_visible_marks (view), ==, 0);
}

static void
test_remove_details (Fixture       *f,
                     gconstpointer  data)
{
  AdwAlertDialog *dialog;

  /* Of the selected partners, after a confirmation that says how many. */
  select_shown (f, 0, 1, -1);
  activate (f, "partners.remove-selected-details");
  dialog = find_alert (NULL, NULL);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "2 partners"));
  alert_respond (dialog, "cancel");
  g_assert_cmpstr (copro_record_get_string (partner (f, 0), "email"), !=, "");

  activate (f, "partners.remove-selected-details");
  dialog = find_alert (NULL, NULL);
  alert_respond (dialog, "remove");
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpstr (copro_record_get_string (partner (f, i), "email"), ==, "");
      g_assert_cmpstr (copro_record_get_string (partner (f, i), "phone"), ==, "");
      g_assert_cmpstr (copro_record_get_string (partner (f, i), "notes"), ==, "");
      g_assert_cmpstr (copro_record_get_string (partner (f, i), "name"), ==, rows[i].name);
    }
  g_assert_cmpstr (copro_record_get_string (partner (f, 2), "email"), !=, "");
  click_toast_undo (f);
  g_assert_cmpstr (copro_record_get_string (partner (f, 0), "email"), ==, "someone@example.org");
  g_assert_cmpstr (copro_record_get_string (partner (f, 0), "notes"), ==, rows[0].notes);
  g_assert_cmpstr (copro_record_get_string (partner (f, 1), "phone"), ==, "01632 960000");

  /* Of every withdrawn partner (Carl Fenwick only). */
  gtk_selection_model_unselect_all (copro_partners_page_get_selection (f->panel));
  activate (f, "partners.remove-withdrawn-details");
  dialog = find_alert (NULL, NULL);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "1 partner"));
  alert_respond (dialog, "remove");
  g_assert_cmpstr (copro_record_get_string (partner (f, 2), "email"), ==, "");
  g_assert_cmpstr (copro_record_get_string (partner (f, 2), "notes"), ==, "");
  g_assert_cmpstr (copro_record_get_string (partner (f, 0), "email"), ==, "someone@example.org");
  /* One step of the history. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpstr (copro_record_get_string (partner (f, 2), "email"), ==, "someone@example.org");
  g_assert_cmpstr (copro_record_get_string (partner (f, 2), "notes"), ==, rows[2].notes);
}

/* Going to a partner */

static void
test_reveal (Fixture       *f,
             gconstpointer  data)
{
  guint n = copro_list_get_n_items (f->partners);

  search (f, "dawn");
  copro_partners_page_set_filter (f->panel, "sector", "carer");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (copro_partners_page_reveal (f->panel, partner (f, 4)));
  g_assert_cmpuint (n_shown (f), ==, n);
  g_assert_true (copro_partners_page_get_editing (f->panel) == partner (f, 4));
  g_assert_true (gtk_selection_model_is_selected (copro_partners_page_get_selection (f->panel), 4));
  /* Not a partner: nothing to reveal. */
  g_assert_false (copro_partners_page_reveal (f->panel, copro_record_get_record (f->project, "recruitment")));

  /* The map's activation selects the partner and opens its editor. */
  {
    CoproPartnerRegister *reg = copro_partners_page_get_register (f->panel);
    GtkWidget *map;

    /* The map is made when first shown. */
    g_assert_null (find_type (GTK_WIDGET (f->panel), COPRO_TYPE_PARTNER_MAP_VIEW));
    copro_partner_register_set_view (reg, "map");
    map = find_type (GTK_WIDGET (f->panel), COPRO_TYPE_PARTNER_MAP_VIEW);
    g_assert_nonnull (map);
    g_signal_emit_by_name (map, "partner-activated", partner (f, 1));
    g_assert_true (copro_partners_page_get_editing (f->panel) == partner (f, 1));

    /* Shown in place of the register, the map follows its filters. */
    copro_partner_register_set_view (reg, "map");
    g_assert_cmpstr (copro_partner_register_get_view (reg), ==, "map");
    g_assert_true (copro_partner_map_view_get_model (COPRO_PARTNER_MAP_VIEW (map)) != NULL);
    g_assert_cmpuint (copro_partner_map_view_get_n_dots (COPRO_PARTNER_MAP_VIEW (map)), ==, n);
    copro_partners_page_set_filter (f->panel, "sector", "carer");
    g_assert_cmpuint (copro_partner_map_view_get_n_dots (COPRO_PARTNER_MAP_VIEW (map)), ==, 1);
    copro_partners_page_set_filter (f->panel, "sector", NULL);
    /* Hidden, it lets the register be. */
    copro_partner_register_set_view (reg, "register");
    g_assert_null (copro_partner_map_view_get_model (COPRO_PARTNER_MAP_VIEW (map)));
    /* Revealing a partner from the map shows the register again. */
    copro_partner_register_set_view (reg, "map");
    g_assert_true (copro_partners_page_reveal (f->panel, partner (f, 3)));
    g_assert_cmpstr (copro_partner_register_get_view (reg), ==, "register");
  }
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  copro_document_set_read_only (f->document, "Opened by a colleague");
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "partners.add", NULL);
  spin_idle ();
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, G_N_ELEMENTS (rows));
  copro_document_set_read_only (f->document, NULL);
  activate (f, "partners.add");
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, G_N_ELEMENTS (rows) + 1);
}

/* The keyboard reaches the panel as a section shortcut leaves it: Tab
 * forward into it from outside, and Alt+3 from another section. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "s", "overview"));
  spin_idle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "s", "partners"));
  spin_idle ();
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->panel), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (f->panel)));
  for (int i = 0; i < 12; i++)
    gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
  spin_idle ();
}

static gboolean
is_collapsed (gpointer data)
{
  return adw_navigation_split_view_get_collapsed (data);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
has_width (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* Writes the window as it is drawn now to screenshots/partners-@name.png
 * beside the test, for people to look at. */
static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  GtkWidget *widget = GTK_WIDGET (f->window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("partners-%s.png", name);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  int width, height;

  /* Let the transitions end and the window lay itself out and draw. */
  for (int i = 0; i < 30; i++)
    {
      guint frames = 0;
      guint id = gtk_widget_add_tick_callback (widget, copro_gui_test_count_frame_cb, &frames, NULL);

      while (frames < 1)
        g_main_context_iteration (NULL, TRUE);
      gtk_widget_remove_tick_callback (widget, id);
    }
  spin_idle ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Whether the focus is in @widget or a widget inside it. */
static gboolean
has_focus_in (Fixture   *f,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The back button a header bar brings in a collapsed split view, shown. */
static GtkWidget *
find_back_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "navigation.pop") == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_back_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Ctrl+F (partners.find) from wherever the focus is in the section puts it
 * in the search, the search bar open. */
static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *entry = find_type (GTK_WIDGET (f->panel), GTK_TYPE_SEARCH_ENTRY);
  CoproPartnerRegister *reg = copro_partners_page_get_register (f->panel);
  GtkWidget *name;

  g_assert_nonnull (entry);
  g_assert_false (copro_partner_register_get_search_mode (reg));
  select_shown (f, 0, -1);
  name = copro_field_widget_get_focus (field (f, copro_partners_page_get_editor (f->panel), partner (f, 0), "name"));
  g_assert_true (gtk_widget_grab_focus (name));
  g_assert_true (gtk_widget_activate_action (name, "partners.find", NULL));
  g_assert_true (copro_partner_register_get_search_mode (reg));
  g_assert_true (has_focus_in (f, entry));
}

/* A window 360 pixels wide: the split view collapses, the register shows
 * first, and the editor and the map are both reached from it and back. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  AdwNavigationSplitView *split = ADW_NAVIGATION_SPLIT_VIEW (find_type (GTK_WIDGET (f->panel),
                                                                        ADW_TYPE_NAVIGATION_SPLIT_VIEW));
  CoproPartnerRegister *reg = copro_partners_page_get_register (f->panel);
  GtkWidget *editor = copro_partners_page_get_editor (f->panel);
  GtkWidget *map = GTK_WIDGET (copro_partner_map_page_get_map_view (copro_partner_register_get_map_page (reg)));
  GtkWidget *entry = find_type (GTK_WIDGET (f->panel), GTK_TYPE_SEARCH_ENTRY);
  guint n = copro_list_get_n_items (f->partners);
  GtkWidget *back;

  g_assert_false (adw_navigation_split_view_get_collapsed (split));
  select_shown (f, 2, -1);
  save_screenshot (f, "1200-register");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  spin_until (is_collapsed, split);
  spin_idle ();
  /* Nothing wider than the window. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->panel)), <=, 360);
  g_assert_false (adw_navigation_split_view_get_show_content (split));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (copro_partners_page_get_rows (f->panel))));
  g_assert_false (gtk_widget_get_mapped (editor));
  save_screenshot (f, "360-register");

  /* The editor: a row activated (or a partner revealed) pushes it. */
  select_shown (f, 2, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (copro_partners_page_get_rows (f->panel)),
                                             "partners.show-details", NULL));
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  spin_until (is_mapped, editor);
  g_assert_true (copro_partners_page_get_editing (f->panel) == partner (f, 2));
  g_assert_nonnull (copro_field_widget_find (editor, partner (f, 2), "name"));
  save_screenshot (f, "360-editor");
  /* Its header bar's back button goes back to the register. */
  back = find_back_button (GTK_WIDGET (f->panel));
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_ancestor (editor, ADW_TYPE_NAVIGATION_PAGE) ==
                 gtk_widget_get_ancestor (back, ADW_TYPE_NAVIGATION_PAGE));
  g_assert_true (gtk_widget_activate (back));
  while (gtk_widget_get_mapped (editor))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (adw_navigation_split_view_get_show_content (split));
  g_assert_true (copro_partners_page_reveal (f->panel, partner (f, 4)));
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  g_assert_true (copro_partners_page_get_editing (f->panel) == partner (f, 4));

  /* Ctrl+F from the editor: back to the register, in the search. */
  g_assert_true (gtk_widget_activate_action (editor, "partners.find", NULL));
  g_assert_false (adw_navigation_split_view_get_show_content (split));
  g_assert_true (has_focus_in (f, entry));
  copro_partner_register_set_search_mode (reg, FALSE);

  /* The map, in place of the register; a partner chosen on it opens its editor. */
  copro_partner_register_set_view (reg, "map");
  spin_until (has_width, map);
  g_assert_cmpint (gtk_widget_get_width (map), <=, 360);
  g_assert_cmpuint (copro_partner_map_view_get_n_dots (COPRO_PARTNER_MAP_VIEW (map)), ==, n);
  save_screenshot (f, "360-map");
  g_signal_emit_by_name (map, "partner-activated", partner (f, 1));
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  g_assert_true (copro_partners_page_get_editing (f->panel) == partner (f, 1));

  /* A new partner opens in the editor, its name to be typed. */
  g_assert_true (gtk_widget_activate_action (editor, "navigation.pop", NULL));
  g_assert_false (adw_navigation_split_view_get_show_content (split));
  activate (f, "partners.add");
  g_assert_cmpuint (copro_list_get_n_items (f->partners), ==, n + 1);
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  spin_until (is_mapped, editor);
  g_assert_true (copro_partners_page_get_editing (f->panel) == partner (f, n));
  g_assert_true (has_focus_in (f, copro_field_widget_get_focus (field (f, editor, partner (f, n), "name"))));

  /* Wide again: side by side. From the register: widening the window while
   * the collapsed split view shows the editor makes libadwaita 1.7.6 warn
   * "Trying to snapshot AdwGizmo ... without a current allocation" (a
   * snapshot taken inside libadwaita's size allocation), which
   * G_DEBUG=fatal-warnings turns into a failure. */
  g_assert_true (gtk_widget_activate_action (editor, "navigation.pop", NULL));
  while (gtk_widget_get_mapped (editor))
    g_main_context_iteration (NULL, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  while (adw_navigation_split_view_get_collapsed (split))
    g_main_context_iteration (NULL, TRUE);
  spin_until (is_mapped, editor);
  g_assert_true (gtk_widget_get_mapped (map));
  save_screenshot (f, "1280-map");
}


/* Setting a field of many partners (issue 13) */

#define N_BULK_BLANK 20000
#define N_BULK_SET 1000

/* 20,000 partners with contact details and no lawful basis, and 1,000
 * with one, every twenty-first. */
static void
fixture_set_up_bulk (Fixture       *f,
                     gconstpointer  data)
{
  f->document = copro_document_new ();
  f->project = copro_document_get_project (f->document);
  f->partners = copro_record_get_list (f->project, "partners");
  for (guint i = 0; i < N_BULK_BLANK + N_BULK_SET; i++)
    {
      CoproRecord *p = copro_list_add_new (f->partners);
      g_autofree char *name = g_strdup_printf ("Resident %05u", i);

      copro_record_set_string (p, "name", name);
      copro_record_set_string (p, "email", "someone@example.org");
      if (i % 21 == 20)
        copro_record_set_string (p, "lawful_basis", "legitimate-interests");
    }
  copro_document_set_modified (f->document, FALSE);
  open_window (f);
}

static guint
find_lawful_basis_finding (CoproChecksPanel *panel)
{
  guint found = G_MAXUINT;

  for (guint i = 0; i < copro_checks_panel_get_n_findings (panel); i++)
    if (strstr (copro_checks_panel_get_message (panel, i), "no lawful basis") != NULL)
      {
        /* One finding for the rule, however many partners break it. */
        g_assert_cmpuint (found, ==, G_MAXUINT);
        found = i;
      }
  return found;
}

static guint
count_lawful_basis (Fixture    *f,
                    const char *value)
{
  guint n = 0;

  for (guint i = 0; i < copro_list_get_n_items (f->partners); i++)
    n += g_strcmp0 (copro_record_get_string (partner (f, i), "lawful_basis"), value) == 0;
  return n;
}

static void
test_set_field_many (Fixture       *f,
                     gconstpointer  data)
{
  CoproChecksPanel *checks;
  CoproPartnerRegister *reg = copro_partners_page_get_register (f->panel);
  GtkSelectionModel *selection = copro_partners_page_get_selection (f->panel);
  CoproHistory *history = copro_history_get_for_record (f->project);
  GtkWidget *register_rows = GTK_WIDGET (copro_partners_page_get_rows (f->panel));
  CoproSetFieldDialog *dialog;
  guint position, n_changes = 0;

  /* The checks find the 20,000 partners as one finding. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "s", "checks"));
  checks = COPRO_CHECKS_PANEL (copro_project_view_get_panel (f->view, "checks"));
  copro_project_view_run_checks (f->view);
  position = find_lawful_basis_finding (checks);
  g_assert_cmpuint (position, !=, G_MAXUINT);
  {
    /* The count as the checks write it, grouped as the locale groups it. */
    g_autofree char *count = g_strdup_printf ("%'u partners", N_BULK_BLANK);

    g_assert_nonnull (strstr (copro_checks_panel_get_message (checks, position), count));
  }

  /* Choosing it shows the register with exactly those partners. */
  copro_partner_register_set_search (reg, "Resident 0000");
  copro_checks_panel_activate (checks, position);
  g_assert_cmpstr (copro_project_view_get_section (f->view), ==, "partners");
  g_assert_true (copro_partner_register_get_showing_only (reg));
  g_assert_cmpuint (n_shown (f), ==, N_BULK_BLANK);
  for (guint i = 0; i < n_shown (f); i++)
    g_assert_null (copro_record_get_string (copro_partners_page_get_shown (f->panel, i), "lawful_basis"));

  /* Ctrl+A in the rows selects them all; Set Field sets every one at once. */
  g_assert_true (gtk_widget_activate_action (register_rows, "rows.select-all", NULL));
  {
    g_autoptr(GtkBitset) bitset = gtk_selection_model_get_selection (selection);

    g_assert_cmpuint (gtk_bitset_get_size (bitset), ==, N_BULK_BLANK);
  }
  activate (f, "partners.set-field");
  dialog = COPRO_SET_FIELD_DIALOG (find_type (GTK_WIDGET (f->window), COPRO_TYPE_SET_FIELD_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (copro_set_field_dialog_get_n_partners (dialog), ==, N_BULK_BLANK);
  g_assert_true (copro_set_field_dialog_set_field (dialog, "lawful_basis"));
  g_assert_false (copro_set_field_dialog_set_value (dialog, "not a basis"));
  g_assert_true (copro_set_field_dialog_set_value (dialog, "Public task"));
  copro_history_clear (history);
  g_signal_connect (copro_partners_page_get_selection (f->panel), "items-changed",
                    G_CALLBACK (count_changes_cb), &n_changes);
  g_assert_true (copro_set_field_dialog_apply (dialog));
  g_assert_cmpuint (n_changes, <=, 1);
  g_assert_cmpuint (copro_history_get_n_steps (history), ==, 1);
  g_assert_cmpuint (count_lawful_basis (f, "public-task"), ==, N_BULK_BLANK);
  g_assert_cmpuint (count_lawful_basis (f, "legitimate-interests"), ==, N_BULK_SET);

  /* The checks no longer find it. */
  copro_project_view_run_checks (f->view);
  g_assert_cmpuint (find_lawful_basis_finding (checks), ==, G_MAXUINT);

  /* One undo (the notice's) puts all 20,000 back; one redo sets them again. */
  click_toast_undo (f);
  g_assert_cmpuint (count_lawful_basis (f, NULL), ==, N_BULK_BLANK);
  g_assert_cmpuint (count_lawful_basis (f, "legitimate-interests"), ==, N_BULK_SET);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_cmpuint (count_lawful_basis (f, "public-task"), ==, N_BULK_BLANK);
  g_assert_cmpuint (n_changes, <=, 3);
  g_signal_handlers_disconnect_by_func (selection, count_changes_cb, &n_changes);

  /* Show All, like clearing the search, shows every partner again. */
  g_assert_cmpuint (n_shown (f), ==, N_BULK_BLANK);
  copro_partner_register_show_only (reg, NULL);
  g_assert_false (copro_partner_register_get_showing_only (reg));
  g_assert_cmpuint (n_shown (f), ==, N_BULK_BLANK + N_BULK_SET);
}

/* With the register sorted, a few partners set at once move to their places,
 * and many are sorted afresh, each in one change of the rows. */
static void
test_set_field_sorted (Fixture       *f,
                       gconstpointer  data)
{
  GtkSelectionModel *selection = copro_partners_page_get_selection (f->panel);
  CoproHistory *history = copro_history_get_for_record (f->project);
  CoproSetFieldDialog *dialog;
  guint n = copro_list_get_n_items (f->partners);

  copro_partners_page_sort_by (f->panel, "level", GTK_SORT_ASCENDING);
  select_shown (f, 0, 2, 4, -1);
  activate (f, "partners.set-field");
  dialog = COPRO_SET_FIELD_DIALOG (find_type (GTK_WIDGET (f->window), COPRO_TYPE_SET_FIELD_DIALOG));
  g_assert_true (copro_set_field_dialog_set_field (dialog, "level"));
  g_assert_true (copro_set_field_dialog_set_value (dialog, "inform"));
  g_assert_true (copro_set_field_dialog_apply (dialog));
  g_assert_cmpuint (copro_history_get_n_steps (history), >=, 1);
  /* Sorted by level still: the three "inform" rows together, in order. */
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (copro_enum_index (&copro_enum_level,
                                       copro_record_get_string (copro_partners_page_get_shown (f->panel, i - 1), "level")),
                     <=,
                     copro_enum_index (&copro_enum_level,
                                       copro_record_get_string (copro_partners_page_get_shown (f->panel, i), "level")));
  g_assert_true (copro_history_undo (history));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpstr (copro_record_get_string (partner (f, i), "level"), ==, rows[i].level);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (copro_enum_index (&copro_enum_level,
                                       copro_record_get_string (copro_partners_page_get_shown (f->panel, i - 1), "level")),
                     <=,
                     copro_enum_index (&copro_enum_level,
                                       copro_record_get_string (copro_partners_page_get_shown (f->panel, i), "level")));

  /* Cancel changes nothing. */
  select_shown (f, 0, 1, -1);
  activate (f, "partners.set-field");
  dialog = COPRO_SET_FIELD_DIALOG (find_type (GTK_WIDGET (f->window), COPRO_TYPE_SET_FIELD_DIALOG));
  g_assert_true (copro_set_field_dialog_set_field (dialog, "privacy_notice"));
  g_assert_true (copro_set_field_dialog_set_value (dialog, "true"));
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    guint steps = copro_history_get_n_steps (history);
    GtkWidget *cancel = NULL;

    collect_buttons (GTK_WIDGET (dialog), buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Cancel") == 0)
        cancel = g_ptr_array_index (buttons, i);
    g_assert_nonnull (cancel);
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    g_signal_emit_by_name (cancel, "clicked");
    spin_until (is_null, &dialog);
    g_assert_cmpuint (copro_history_get_n_steps (history), ==, steps);
  }

  /* A date: not a date is refused; a yes-or-no field too. */
  select_shown (f, 1, -1);
  activate (f, "partners.set-field");
  dialog = COPRO_SET_FIELD_DIALOG (find_type (GTK_WIDGET (f->window), COPRO_TYPE_SET_FIELD_DIALOG));
  g_assert_true (copro_set_field_dialog_set_field (dialog, "review_date"));
  g_assert_false (copro_set_field_dialog_set_value (dialog, "31/02/2027"));
  g_assert_false (copro_set_field_dialog_apply (dialog));
  g_assert_true (copro_set_field_dialog_set_value (dialog, "31/03/2027"));
  g_assert_true (copro_set_field_dialog_apply (dialog));
  g_assert_cmpstr (copro_record_get_string (copro_partners_page_get_shown (f->panel, 1), "review_date"), ==,
                   "2027-03-31");
  (void) selection;
}


static gboolean
press_key (CoproRegisterView *grid,
           guint              keyval,
           GdkModifierType    modifiers)
{
  return copro_gui_test_press_key (GTK_WIDGET (grid), keyval, modifiers);
}

/* Waits for @n frames drawn (the rows in sight are made as the window is
 * laid out, before it is drawn). */
static void
wait_frames (Fixture *f,
             guint    n)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (f->window), copro_gui_test_count_frame_cb, &frames, NULL);

  while (frames < n)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (GTK_WIDGET (f->window), id);
}

/* The row with the keyboard focus, and its position. */
static guint
focused_position (Fixture           *f,
                  CoproRegisterView *grid)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  for (guint i = 0; i < n_shown (f); i++)
    if (focus != NULL && copro_register_view_get_row (grid, i) == focus)
      return i;
  return G_MAXUINT;
}

static GtkWidget *
find_heading (CoproRegisterView *grid,
              const char        *title)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (grid), buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), title) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

/* The register at 21,000 partners: grid made only for those in sight, a
 * grid to assistive technology, the keyboard, and the headings' sort. */
static void
test_register_rows (Fixture       *f,
                    gconstpointer  data)
{
  CoproRegisterView *grid = copro_partners_page_get_rows (f->panel);
  GtkSelectionModel *selection = copro_partners_page_get_selection (f->panel);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (grid), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  guint n = n_shown (f), in_sight, last;
  GtkWidget *row, *heading;

  wait_frames (f, 2);
  g_assert_cmpuint (n, ==, N_BULK_BLANK + N_BULK_SET);
  row = copro_register_view_get_row (grid, 0);
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_widget_get_height (row), >, 0);
  in_sight = (guint) (gtk_adjustment_get_page_size (vadjustment) / gtk_widget_get_height (row)) + 1;
  g_assert_cmpuint (in_sight, >, 5);
  /* A screenful of grid, not one a partner (nor GTK's 200). */
  g_assert_cmpuint (copro_register_view_get_n_rows_made (grid), >=, in_sight);
  g_assert_cmpuint (copro_register_view_get_n_rows_made (grid), <=, in_sight + 8);

  /* To assistive technology: a grid of n + 1 grid (the headings are one)
   * and 9 columns; each row named after its partner, with its index and
   * whether it is selected; its cells are grid cells. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (grid)), ==, GTK_ACCESSIBLE_ROLE_GRID);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_RELATION_ROW_COUNT, (int) n + 1);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_RELATION_COL_COUNT, 9);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)), ==, GTK_ACCESSIBLE_ROLE_ROW);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "Resident 00000");
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_ROW_INDEX, 2);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, FALSE);
  {
    /* Nine grid cells, in the columns' order, each named by its text: the
     * name a widget, the others drawn by the row. */
    g_autoptr(GtkAccessible) cell = gtk_accessible_get_first_accessible_child (GTK_ACCESSIBLE (row));
    CoproRecord *first = COPRO_RECORD (g_list_model_get_item (G_LIST_MODEL (copro_register_view_get_model (grid)), 0));
    guint n_cells = 0;

    g_object_unref (first);   /* the list holds it */
    copro_record_set_string (first, "organisation", "Northgate Primary School");

    while (cell != NULL)
      {
        GtkAccessible *next = gtk_accessible_get_next_accessible_sibling (cell);
        g_autoptr(GtkAccessible) parent = gtk_accessible_get_accessible_parent (cell);

        g_assert_cmpint (gtk_accessible_get_accessible_role (cell), ==, GTK_ACCESSIBLE_ROLE_GRID_CELL);
        g_assert_true (parent == GTK_ACCESSIBLE (row));
        gtk_test_accessible_assert_relation (cell, GTK_ACCESSIBLE_RELATION_COL_INDEX, (int) n_cells + 1);
        if (n_cells == 0)
          g_assert_true (COPRO_IS_PARTNER_CELL (cell));
        else
          {
            const char *text = copro_register_view_get_cell_text (grid, first, n_cells);

            g_assert_nonnull (text);
            gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL, text);
          }
        n_cells++;
        g_object_unref (cell);
        cell = next;
      }
    g_assert_cmpuint (n_cells, ==, 9);
    g_assert_cmpstr (copro_register_view_get_cell_text (grid, first, 1), ==, "Northgate Primary School");
  }
  heading = find_heading (grid, "Name");
  g_assert_nonnull (heading);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (heading)), ==,
                   GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_SORT,
                                       GTK_ACCESSIBLE_SORT_NONE);

  /* The keyboard comes to the first row; End goes to the last partner,
   * scrolling there, with the same few grid made. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (grid)));
  g_assert_cmpuint (focused_position (f, grid), ==, 0);
  g_assert_true (press_key (grid, GDK_KEY_End, 0));
  wait_frames (f, 2);
  last = n - 1;
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  g_assert_cmpuint (focused_position (f, grid), ==, last);
  row = copro_register_view_get_row (grid, last);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       copro_partner_get_title (copro_partners_page_get_shown (f->panel, last)));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int) last + 2);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
  g_assert_true (gtk_selection_model_is_selected (selection, last));
  g_assert_cmpuint (copro_register_view_get_n_rows_made (grid), <=, in_sight + 8);

  /* Shift+Up twice selects as it goes: three partners. */
  g_assert_true (press_key (grid, GDK_KEY_Up, GDK_SHIFT_MASK));
  g_assert_true (press_key (grid, GDK_KEY_Up, GDK_SHIFT_MASK));
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 3);
    g_assert_cmpuint (gtk_bitset_get_minimum (selected), ==, last - 2);
  }
  g_assert_cmpuint (focused_position (f, grid), ==, last - 2);

  /* Home, then Page Down: a screenful on, that partner alone selected. */
  g_assert_true (press_key (grid, GDK_KEY_Home, 0));
  spin_idle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
  g_assert_true (press_key (grid, GDK_KEY_Page_Down, 0));
  spin_idle ();
  g_assert_cmpuint (focused_position (f, grid), >, in_sight / 2);
  g_assert_cmpuint (focused_position (f, grid), <, in_sight);
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    g_assert_true (gtk_bitset_contains (selected, focused_position (f, grid)));
  }
  /* Ctrl+Down moves without selecting; Ctrl+Space adds that partner. */
  g_assert_true (press_key (grid, GDK_KEY_Down, GDK_CONTROL_MASK));
  g_assert_false (gtk_selection_model_is_selected (selection, focused_position (f, grid)));
  g_assert_true (press_key (grid, GDK_KEY_space, GDK_CONTROL_MASK));
  g_assert_true (gtk_selection_model_is_selected (selection, focused_position (f, grid)));
  g_assert_true (gtk_selection_model_is_selected (selection, focused_position (f, grid) - 1));

  /* Scrolled away with the scroll bar, the row with the focus stays made
   * (and focused); Down goes on from it. */
  {
    guint at = focused_position (f, grid);

    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
    spin_idle ();
    g_assert_cmpuint (focused_position (f, grid), ==, at);
    g_assert_true (press_key (grid, GDK_KEY_Down, 0));
    spin_idle ();
    g_assert_cmpuint (focused_position (f, grid), ==, at + 1);
    g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), <, gtk_adjustment_get_upper (vadjustment) / 4);
  }

  /* Right brings the columns out of sight into view, Left back; the
   * keyboard stays in the rows. */
  {
    GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
    guint at = focused_position (f, grid);

    g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));
    g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, 0);
    g_assert_true (press_key (grid, GDK_KEY_Right, 0));
    g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), >, 0);
    g_assert_true (press_key (grid, GDK_KEY_Left, 0));
    g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, 0);
    /* Tab leaves the rows (one Tab stop); grabbing them comes back to the
     * same partner. */
    gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
    g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (f->window)));
    g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (grid)));
    g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (grid)));
    g_assert_cmpuint (focused_position (f, grid), ==, at);
    /* An arrow the rows have no use for keeps the keyboard in them. */
    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_RIGHT));
    g_assert_cmpuint (focused_position (f, grid), ==, at);
  }

  /* Enter opens the partner at the cursor. */
  g_assert_true (press_key (grid, GDK_KEY_Return, 0));
  g_assert_true (copro_partners_page_get_editing (f->panel) ==
                 copro_partners_page_get_shown (f->panel, focused_position (f, grid)));

  /* A heading sorts by its column, then the other way round. */
  g_signal_emit_by_name (heading, "clicked");
  spin_idle ();
  g_assert_cmpstr (copro_partner_get_title (copro_partners_page_get_shown (f->panel, 0)), ==, "Resident 00000");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_SORT,
                                       GTK_ACCESSIBLE_SORT_ASCENDING);
  g_signal_emit_by_name (heading, "clicked");
  spin_idle ();
  g_assert_cmpstr (copro_partner_get_title (copro_partners_page_get_shown (f->panel, 0)), ==, "Resident 20999");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_SORT,
                                       GTK_ACCESSIBLE_SORT_DESCENDING);
  /* The grid in sight show the new order. */
  g_assert_true (press_key (grid, GDK_KEY_Home, 0));
  wait_frames (f, 2);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (copro_register_view_get_row (grid, 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Resident 20999");
  /* A search narrows the grid to a few: only those few are shown, and
   * counted with the locale's thousands separators where it has them. */
  {
    g_autofree char *numeric = g_strdup (setlocale (LC_NUMERIC, NULL));
    gboolean grouped = setlocale (LC_NUMERIC, "en_GB.UTF-8") != NULL;
    g_autofree char *count = NULL;

    if (!grouped)
      g_test_message ("no en_GB.UTF-8 locale here: thousands separators not checked");
    search (f, "Resident 0000");
    spin_idle ();
    g_assert_cmpuint (n_shown (f), ==, 10);
    count = g_strdup_printf ("10 of %'u partners shown", n);
    g_assert_nonnull (find_label (GTK_WIDGET (f->panel), count));
    if (grouped)
      g_assert_cmpstr (count, ==, "10 of 21,000 partners shown");
    /* The details pane counts a selection the same way. */
    search (f, "");
    gtk_selection_model_select_all (copro_partners_page_get_selection (f->panel));
    spin_idle ();
    g_free (count);
    count = g_strdup_printf ("%'u partners selected", n);
    g_assert_nonnull (find_label (GTK_WIDGET (f->panel), count));
    if (grouped)
      g_assert_cmpstr (count, ==, "21,000 partners selected");
    gtk_selection_model_unselect_all (copro_partners_page_get_selection (f->panel));
    search (f, "Resident 0000");
    spin_idle ();
    setlocale (LC_NUMERIC, numeric);
  }
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_RELATION_ROW_COUNT, 11);
  wait_frames (f, 2);
  for (guint i = 0; i < 10; i++)
    g_assert_nonnull (copro_register_view_get_row (grid, i));
  /* The rows kept spare are neither drawn nor in the accessibility tree. */
  {
    GtkWidget *rows_box = gtk_widget_get_last_child (GTK_WIDGET (grid));
    guint spare = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (rows_box); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (!gtk_widget_get_child_visible (child))
        {
          gtk_test_accessible_assert_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
          spare++;
        }
    g_assert_cmpuint (spare, >, 0);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (rows_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Rows of partners");
  }
  g_assert_null (copro_register_view_get_row (grid, 10));
}


/* A long contact log shows its newest contacts at once and the rest after
 * the first frame, all of them in the end, newest first. */
static void
test_contact_log_rows (Fixture       *f,
                       gconstpointer  data)
{
  CoproRecord *p = partner (f, 0);
  GtkWidget *log;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02u-%02u", 1 + i / 28, 1 + i % 28);

      copro_contact_log (p, date, "phone", "Jo", "Called", NULL);
    }
  spin_idle ();
  g_assert_true (copro_partners_page_reveal (f->panel, p));
  log = find_type (GTK_WIDGET (f->panel), COPRO_TYPE_CONTACT_LOG);
  g_assert_nonnull (log);
  g_assert_true (copro_contact_log_get_partner (COPRO_CONTACT_LOG (log)) == p);
  /* Made for the partner just now: a screenful so far. */
  g_assert_cmpuint (copro_contact_log_get_n_rows_made (COPRO_CONTACT_LOG (log)), <, 40);
  g_assert_cmpuint (copro_contact_log_get_n_rows_made (COPRO_CONTACT_LOG (log)), >, 0);
  /* The rest after the frame: all 40. */
  spin_idle ();
  g_assert_cmpuint (copro_contact_log_get_n_rows_made (COPRO_CONTACT_LOG (log)), ==, 40);
  g_assert_cmpuint (copro_contact_log_get_n_rows (COPRO_CONTACT_LOG (log)), ==, 40);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = copro_gui_test_init (&argc, &argv, "partners", &scratch_dir);
  if (app == NULL)
    return 77;

#define ADD(path, func) \
  g_test_add ("/copro/partners/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("sort", test_sort);
  ADD ("search", test_search);
  ADD ("edit-resorts", test_edit_resorts);
  ADD ("search-keeps-rows", test_search_keeps_rows);
  g_test_add_func ("/copro/partners/rows-threaded", test_rows_threaded);
  g_test_add_func ("/copro/partners/prepare-search", test_prepare_search);
  g_test_add_func ("/copro/partners/rows-batch", test_rows_batch);
  ADD ("filters", test_filters);
  ADD ("add", test_add);
  ADD ("duplicate", test_duplicate);
  ADD ("delete", test_delete);
  ADD ("editor", test_editor);
  ADD ("checklist", test_checklist);
  ADD ("review-mark", test_review_mark);
  ADD ("remove-details", test_remove_details);
  ADD ("reveal", test_reveal);
  ADD ("read-only", test_read_only);
  ADD ("narrow", test_narrow);
  ADD ("find", test_find);
  ADD ("keyboard", test_keyboard);
  ADD ("set-field-sorted", test_set_field_sorted);
  ADD ("contact-log-rows", test_contact_log_rows);
  g_test_add ("/copro/partners/set-field-many", Fixture, NULL, fixture_set_up_bulk, test_set_field_many,
              fixture_tear_down);
  g_test_add ("/copro/partners/register-rows", Fixture, NULL, fixture_set_up_bulk, test_register_rows,
              fixture_tear_down);
#undef ADD
  status = g_test_run ();

  g_clear_object (&app);
  copro_gui_test_remove_scratch (scratch_dir);
  g_free (scratch_dir);
  return status;
}
