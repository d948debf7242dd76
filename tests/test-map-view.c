/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The partner map widget on a virtual screen: it follows a filtered model
 * and changes to partners, a click or the keyboard activates a partner, the
 * focused partner is told to assistive technology, the tooltip names the
 * partner, and the map saves as a PNG. */

#include "config.h"

#include <glib/gstdio.h>

#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner-map.h"
#include "copro-partner-map-view.h"

#include "copro-gui-test.h"

#define WIDTH 900
#define HEIGHT 600

typedef struct
{
  CoproRecord        *project;
  CoproList          *partners;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkWidget          *window;
  CoproPartnerMapView *view;
  const char         *sector;       /* shown by the filter; NULL: all */
  CoproRecord        *activated;    /* last partner-activated */
  guint               n_activated;
} Fixture;

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_width (data) == WIDTH && gtk_widget_get_height (data) == HEIGHT;
}

static CoproRecord *
add_partner (Fixture    *f,
             const char *name,
             const char *organisation,
             int         influence,
             int         interest,
             const char *sector)
{
  CoproRecord *partner = copro_list_add_new (f->partners);

  copro_record_set_string (partner, "name", name);
  copro_record_set_string (partner, "organisation", organisation);
  copro_record_set_int (partner, "influence", influence);
  copro_record_set_int (partner, "interest", interest);
  copro_record_set_string (partner, "sector", sector);
  return partner;
}

static gboolean
filter_by_sector_cb (gpointer item,
                     gpointer user_data)
{
  Fixture *f = user_data;

  return f->sector == NULL || g_strcmp0 (copro_record_get_string (item, "sector"), f->sector) == 0;
}

static void
on_partner_activated_cb (CoproPartnerMapView *view,
                         CoproRecord         *partner,
                         Fixture             *f)
{
  f->activated = partner;
  f->n_activated++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = copro_record_new (&copro_desc_project);
  f->partners = copro_record_get_list (f->project, "partners");
  add_partner (f, "Asha Patel", "Riverside Carers Centre", 2, 4, "carer");
  add_partner (f, "Ben Okafor", "", 2, 5, "carer");
  add_partner (f, "Chloe Evans", "", 0, 3, "carer");          /* not on the map */
  add_partner (f, "Dev Shah", "Northshire Council", 5, 1, "council");
  add_partner (f, "Ema Novak", "Northshire Council", 4, 4, "council");
  add_partner (f, "Farah Ali", "Northshire Council", 4, 4, "council");
  add_partner (f, "Gus Reid", "Reid & Sons", 1, 1, "business");

  f->filter = gtk_custom_filter_new (filter_by_sector_cb, f, NULL);
  f->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (f->partners)),
                                           GTK_FILTER (g_object_ref (f->filter)));

  f->window = gtk_window_new ();
  f->view = COPRO_PARTNER_MAP_VIEW (copro_partner_map_view_new (G_LIST_MODEL (f->filtered)));
  gtk_widget_set_size_request (GTK_WIDGET (f->view), WIDTH, HEIGHT);
  g_signal_connect (f->view, "partner-activated", G_CALLBACK (on_partner_activated_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  spin_until (is_allocated, f->view);
  spin_idle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin_idle ();
  g_clear_object (&f->filtered);
  g_clear_object (&f->filter);
  g_assert_finalize_object (f->project);
}

static void
set_sector (Fixture    *f,
            const char *sector)
{
  f->sector = sector;
  gtk_filter_changed (GTK_FILTER (f->filter), GTK_FILTER_CHANGE_DIFFERENT);
  spin_idle ();
}

/* The accessible description as a screen reader gets it. */
static char *
dup_description (Fixture *f)
{
  /* check_property gives the value it found when it differs. */
  char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->view),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                    "\x01");

  g_assert_nonnull (value);
  return value;
}

static void
test_follows_model (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *description = NULL;
  CoproRecord *late;

  gtk_test_accessible_assert_role (f->view, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Partner map");

  /* Everyone: six on the map, one left off. */
  g_assert_cmpuint (copro_partner_map_view_get_n_dots (f->view), ==, 6);
  g_assert_cmpuint (copro_partner_map_view_get_n_unplaced (f->view), ==, 1);

  /* The register's filter: carers only. */
  set_sector (f, "carer");
  g_assert_cmpuint (copro_partner_map_view_get_n_dots (f->view), ==, 2);
  g_assert_cmpuint (copro_partner_map_view_get_n_unplaced (f->view), ==, 1);
  description = dup_description (f);
  g_assert_nonnull (strstr (description, "2 partners on a grid of influence and interest."));
  g_assert_nonnull (strstr (description, "1 partner is not on the map because their influence or interest is not set."));
  g_clear_pointer (&description, g_free);

  set_sector (f, "council");
  g_assert_cmpuint (copro_partner_map_view_get_n_dots (f->view), ==, 3);
  g_assert_cmpuint (copro_partner_map_view_get_n_unplaced (f->view), ==, 0);

  /* A partner added to the register (whole, as an import or undo adds
   * them: the filter sees their sector), and one given an influence. */
  late = copro_record_new (&copro_desc_partner);
  copro_record_set_id (late, "0a1b2c3d-0000-4000-8000-000000000001");
  copro_record_set_string (late, "name", "Hal Jones");
  copro_record_set_int (late, "influence", 3);
  copro_record_set_int (late, "interest", 3);
  copro_record_set_string (late, "sector", "council");
  copro_list_append (f->partners, late);
  g_object_unref (late);
  spin_idle ();
  g_assert_cmpuint (copro_partner_map_view_get_n_dots (f->view), ==, 4);
  set_sector (f, "carer");
  copro_record_set_int (copro_list_get (f->partners, 2), "influence", 1);
  spin_idle ();
  g_assert_cmpuint (copro_partner_map_view_get_n_dots (f->view), ==, 3);
  g_assert_cmpuint (copro_partner_map_view_get_n_unplaced (f->view), ==, 0);

  /* Moving a partner moves their dot: they are found in their new cell. */
  set_sector (f, NULL);
  copro_record_set_int (late, "interest", 5);
  spin_idle ();
  {
    double x, y;
    CoproRecord *hit;
    g_autoptr(CoproPartnerMapLayout) layout =
      copro_partner_map_layout_new_for_model (G_LIST_MODEL (f->filtered), WIDTH, HEIGHT);
    cairo_rectangle_t cell;

    g_assert_true (copro_partner_map_view_get_dot_position (f->view, late, &x, &y));
    copro_partner_map_layout_get_cell (layout, 3, 5, &cell);
    g_assert_cmpfloat (x, >=, cell.x);
    g_assert_cmpfloat (x, <, cell.x + cell.width);
    g_assert_cmpfloat (y, >=, cell.y);
    g_assert_cmpfloat (y, <, cell.y + cell.height);
    hit = copro_partner_map_hit_test (layout, x, y);
    g_assert_true (hit == late);
  }

  /* Removing from the register removes the dot. */
  copro_list_remove (f->partners, 0);
  spin_idle ();
  g_assert_cmpuint (copro_partner_map_view_get_n_dots (f->view), ==, 7);
}

static gboolean
is_up_to_date (gpointer data)
{
  return !copro_partner_map_view_is_updating (data);
}

/* On screen, the map is redrawn in the background: the description (what a
 * screen reader hears) follows without anyone asking the view, for a small
 * map drawn at once and for a big one drawn in a worker thread. */
static void
test_background_rebuild (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *description = NULL;

  spin_until (is_up_to_date, f->view);
  set_sector (f, "council");
  spin_until (is_up_to_date, f->view);
  description = dup_description (f);
  g_assert_true (g_str_has_prefix (description, "3 partners on a grid of influence and interest."));
  g_clear_pointer (&description, g_free);

  /* Six thousand more: read in slices, drawn in a thread. */
  for (guint i = 0; i < 6000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Council officer %u", i);
      CoproRecord *partner = copro_record_new (&copro_desc_partner);
      g_autofree char *id = g_uuid_string_random ();

      copro_record_set_id (partner, id);
      copro_record_set_string (partner, "name", name);
      copro_record_set_int (partner, "influence", 1 + i % 5);
      copro_record_set_int (partner, "interest", 1 + (i / 5) % 5);
      copro_record_set_string (partner, "sector", "council");
      copro_list_append (f->partners, partner);
      g_object_unref (partner);
    }
  g_assert_true (copro_partner_map_view_is_updating (f->view));
  spin_until (is_up_to_date, f->view);
  description = dup_description (f);
  g_assert_true (g_str_has_prefix (description, "6003 partners on a grid of influence and interest."));
  g_clear_pointer (&description, g_free);

  /* A change while hidden waits until the map is shown again. */
  gtk_widget_set_visible (GTK_WIDGET (f->view), FALSE);
  set_sector (f, "carer");
  g_assert_false (copro_partner_map_view_is_updating (f->view));
  description = dup_description (f);
  g_assert_true (g_str_has_prefix (description, "6003 partners"));
  g_clear_pointer (&description, g_free);
  gtk_widget_set_visible (GTK_WIDGET (f->view), TRUE);
  spin_until (is_up_to_date, f->view);
  description = dup_description (f);
  g_assert_true (g_str_has_prefix (description, "2 partners on a grid of influence and interest."));
}

static GtkGesture *
find_click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}

static void
test_click (Fixture       *f,
            gconstpointer  data)
{
  CoproRecord *dev = copro_list_get (f->partners, 3);
  CoproRecord *farah = copro_list_get (f->partners, 5);
  GtkGesture *click = find_click_gesture (GTK_WIDGET (f->view));
  double x, y;

  /* Ema and Farah share a point: each has a dot of their own to click. */
  for (guint i = 0; i < 2; i++)
    {
      CoproRecord *partner = i == 0 ? dev : farah;

      g_assert_true (copro_partner_map_view_get_dot_position (f->view, partner, &x, &y));
      g_signal_emit_by_name (click, "released", 1, x, y);
      g_assert_cmpuint (f->n_activated, ==, i + 1);
      g_assert_true (f->activated == partner);
      g_assert_true (copro_partner_map_view_get_focused (f->view) == partner);
    }

  /* Empty space: nothing. */
  g_signal_emit_by_name (click, "released", 1, 2.0, 2.0);
  g_signal_emit_by_name (click, "released", 1, WIDTH - 3.0, HEIGHT - 3.0);
  g_assert_cmpuint (f->n_activated, ==, 2);

  /* A partner filtered out has no dot to click. */
  set_sector (f, "carer");
  g_assert_false (copro_partner_map_view_get_dot_position (f->view, dev, &x, &y));
  g_assert_null (copro_partner_map_view_get_focused (f->view));
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  return copro_gui_test_press_key (widget, keyval, 0);
}

static void
assert_focused (Fixture    *f,
                const char *name)
{
  CoproRecord *focused = copro_partner_map_view_get_focused (f->view);
  g_autofree char *description = NULL;

  g_assert_nonnull (focused);
  g_assert_cmpstr (copro_record_get_string (focused, "name"), ==, name);
  /* The name is what a screen reader hears first. */
  description = dup_description (f);
  g_assert_true (g_str_has_prefix (description, name));
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->view)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (f->view)));
  g_assert_null (copro_partner_map_view_get_focused (f->view));

  /* Home: the first in reading order, the top row (Dev, influence 5). */
  press_key (GTK_WIDGET (f->view), GDK_KEY_Home);
  assert_focused (f, "Dev Shah");
  {
    g_autofree char *description = dup_description (f);

    g_assert_nonnull (strstr (description, "Dev Shah, Northshire Council: Keep satisfied, influence 5, interest 1 (1 of 6)."));
  }

  /* Down from Dev (interest 1): Gus, the only other dot in that column. */
  press_key (GTK_WIDGET (f->view), GDK_KEY_Down);
  assert_focused (f, "Gus Reid");
  /* Right from Gus (influence 1): nothing in that row, so the nearest dot
   * to the right anywhere: Asha (2, 4) or Ben (2, 5) — Asha is nearer. */
  press_key (GTK_WIDGET (f->view), GDK_KEY_Right);
  assert_focused (f, "Asha Patel");
  press_key (GTK_WIDGET (f->view), GDK_KEY_Right);
  assert_focused (f, "Ben Okafor");
  press_key (GTK_WIDGET (f->view), GDK_KEY_Up);
  /* Up from Ben (interest 5): nobody above in that column; the nearest
   * upwards is one of the council pair at (4, 4). */
  g_assert_cmpstr (copro_record_get_string (copro_partner_map_view_get_focused (f->view), "sector"),
                   ==, "council");

  /* Enter and space open the partner with the ring. */
  press_key (GTK_WIDGET (f->view), GDK_KEY_Return);
  g_assert_cmpuint (f->n_activated, ==, 1);
  g_assert_true (f->activated == copro_partner_map_view_get_focused (f->view));
  press_key (GTK_WIDGET (f->view), GDK_KEY_space);
  g_assert_cmpuint (f->n_activated, ==, 2);

  /* Page Down goes through every dot once; End is the last of them. */
  press_key (GTK_WIDGET (f->view), GDK_KEY_Home);
  g_hash_table_add (visited, copro_partner_map_view_get_focused (f->view));
  for (guint i = 0; i < 5; i++)
    {
      press_key (GTK_WIDGET (f->view), GDK_KEY_Page_Down);
      g_hash_table_add (visited, copro_partner_map_view_get_focused (f->view));
    }
  g_assert_cmpuint (g_hash_table_size (visited), ==, 6);
  {
    CoproRecord *last = copro_partner_map_view_get_focused (f->view);

    press_key (GTK_WIDGET (f->view), GDK_KEY_Page_Down);   /* no further: stays */
    g_assert_true (copro_partner_map_view_get_focused (f->view) == last);
    press_key (GTK_WIDGET (f->view), GDK_KEY_Home);
    press_key (GTK_WIDGET (f->view), GDK_KEY_End);
    g_assert_true (copro_partner_map_view_get_focused (f->view) == last);
    press_key (GTK_WIDGET (f->view), GDK_KEY_Page_Up);
    g_assert_true (copro_partner_map_view_get_focused (f->view) != last);
  }

  /* The focused partner leaves the map with the filter: no ring, and the
   * description no longer names anyone. */
  press_key (GTK_WIDGET (f->view), GDK_KEY_Home);
  assert_focused (f, "Dev Shah");
  set_sector (f, "carer");
  g_assert_null (copro_partner_map_view_get_focused (f->view));
  {
    g_autofree char *description = dup_description (f);

    g_assert_null (strstr (description, "Dev Shah"));
  }
  g_assert_false (press_key (GTK_WIDGET (f->view), GDK_KEY_Return));
  g_assert_cmpuint (f->n_activated, ==, 2);
}

static void
test_tooltip (Fixture       *f,
              gconstpointer  data)
{
  CoproRecord *asha = copro_list_get (f->partners, 0);
  CoproRecord *ben = copro_list_get (f->partners, 1);
  g_autofree char *asha_tip = NULL;
  g_autofree char *ben_tip = NULL;
  g_autofree char *nothing = NULL;
  double x, y;

  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (f->view)));
  g_assert_true (copro_partner_map_view_get_dot_position (f->view, asha, &x, &y));
  asha_tip = copro_partner_map_view_dup_tooltip_text (f->view, x, y);
  g_assert_cmpstr (asha_tip, ==, "Asha Patel, Riverside Carers Centre");
  g_assert_true (copro_partner_map_view_get_dot_position (f->view, ben, &x, &y));
  ben_tip = copro_partner_map_view_dup_tooltip_text (f->view, x + 1, y);
  g_assert_cmpstr (ben_tip, ==, "Ben Okafor");
  nothing = copro_partner_map_view_dup_tooltip_text (f->view, 3, 3);
  g_assert_null (nothing);
}

static void
test_save_png (Fixture       *f,
               gconstpointer  data)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  g_autofree char *dir = g_dir_make_tmp ("copro-map-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-folder/for/sure/map.png");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  cairo_surface_t *surface;

  set_sector (f, "carer");
  g_assert_true (copro_partner_map_view_save_png (f->view, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, sizeof signature);
  g_assert_cmpmem (contents, sizeof signature, signature, sizeof signature);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, HEIGHT);

  /* The same drawing: the carers' dots are where the widget has them, in
   * the carers' colour. */
  for (guint i = 0; i < 2; i++)
    {
      double x, y, r, g, b;
      const guint32 *row;
      guint32 pixel;

      g_assert_true (copro_partner_map_view_get_dot_position (f->view, copro_list_get (f->partners, i), &x, &y));
      copro_partner_map_sector_color ("carer", &r, &g, &b);
      cairo_surface_flush (surface);
      row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                               (int) y * cairo_image_surface_get_stride (surface));
      pixel = row[(int) x];
      g_assert_cmpint ((pixel >> 16) & 0xFF, ==, (int) (r * 255 + 0.5));
      g_assert_cmpint ((pixel >> 8) & 0xFF, ==, (int) (g * 255 + 0.5));
      g_assert_cmpint (pixel & 0xFF, ==, (int) (b * 255 + 0.5));
    }
  cairo_surface_destroy (surface);

  /* A place that cannot be written: an error, no crash. */
  g_assert_false (copro_partner_map_view_save_png (f->view, nowhere, &error));
  g_assert_nonnull (error);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  copro_gui_test_no_animations ();

#define ADD(name, func) \
  g_test_add ("/copro/map-view/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("follows-model", test_follows_model);
  ADD ("background-rebuild", test_background_rebuild);
  ADD ("click", test_click);
  ADD ("keyboard", test_keyboard);
  ADD ("tooltip", test_tooltip);
  ADD ("save-png", test_save_png);
#undef ADD

  return g_test_run ();
}
