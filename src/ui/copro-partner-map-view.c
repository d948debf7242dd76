/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The partner map on screen: the core layout (copro-partner-map.c) drawn into
 * a widget, rebuilt lazily when the size, the list or a mapped field of a
 * partner changes. Pointing at a dot shows whose it is; clicking it, or
 * choosing it from the keyboard, emits "partner-activated".
 */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner-map.h"
#include "copro-partner.h"
#include "copro-partner-map-view.h"

/* Drawn when there is no size yet (saving an unshown map, or tests). */
#define DEFAULT_WIDTH  960
#define DEFAULT_HEIGHT 600

struct _CoproPartnerMapView
{
  GtkWidget              parent_instance;

  GListModel            *partners;
  gulong                 items_changed_id;
  /* The record that owns the partners, watched for changes to them. */
  CoproRecord           *owner;
  gulong                 owner_changed_id;

  /* The map on screen: a layout and its drawing (NULL until needed). A
   * change marks them dirty; they are rebuilt in the background while the
   * map is on screen (and at once when the API needs them). */
  CoproPartnerMapLayout *layout;
  GdkTexture            *picture;
  int                    picture_scale;
  gboolean               dirty;
  guint                  generation;  /* of the rebuild under way */
  guint                  gather_id;
  GArray                *gathered;    /* CoproPartnerMapEntry */
  guint                  gather_next;
  gboolean               building;

  /* The dot chosen from the keyboard, kept by partner across rebuilds. */
  CoproRecord           *focused;
  guint                  focused_index;
};

G_DEFINE_FINAL_TYPE (CoproPartnerMapView, copro_partner_map_view, GTK_TYPE_WIDGET)

enum
{
  PARTNER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The fields the map shows: a change to any of them redraws it. */
static const char * const mapped_fields[] = {
  "influence", "interest", "sector", "name", "organisation",
};

static gboolean
is_mapped_field (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (mapped_fields); i++)
    if (g_strcmp0 (key, mapped_fields[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
get_layout_size (CoproPartnerMapView *self,
                 double              *width,
                 double              *height)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));

  *width = w > 0 ? w : DEFAULT_WIDTH;
  *height = h > 0 ? h : DEFAULT_HEIGHT;
}

static void update_description (CoproPartnerMapView *self);

/* Drawing a layout: done in a worker thread for big registers */

typedef struct
{
  GArray                *entries;   /* CoproPartnerMapEntry, to lay out */
  double                 layout_width;
  double                 layout_height;
  CoproPartnerMapLayout *layout;
  GBytes                *pixels;
  int                    width;     /* in device pixels */
  int                    height;
  int                    stride;
  int                    scale;
} Picture;

static void
free_entries (GArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    g_clear_object (&g_array_index (entries, CoproPartnerMapEntry, i).partner);
  g_array_unref (entries);
}

/* Frees what is left of @picture: where the partners live, as it may drop
 * the last references to some. */
static void
picture_free (Picture *picture)
{
  g_clear_pointer (&picture->entries, free_entries);
  g_clear_pointer (&picture->layout, copro_partner_map_layout_free);
  g_clear_pointer (&picture->pixels, g_bytes_unref);
  g_free (picture);
}

/* Lays out the entries if need be, then draws the layout at its scale;
 * reads no record, so any thread may. */
static void
draw_picture (Picture *picture)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  if (picture->entries != NULL)
    {
      /* The layout takes the entries' references. */
      picture->layout = copro_partner_map_layout_new_for_entries ((CoproPartnerMapEntry *) (void *) picture->entries->data,
                                                                  picture->entries->len,
                                                                  picture->layout_width, picture->layout_height);
      g_clear_pointer (&picture->entries, g_array_unref);
    }

  picture->width = (int) copro_partner_map_layout_get_width (picture->layout) * picture->scale;
  picture->height = (int) copro_partner_map_layout_get_height (picture->layout) * picture->scale;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, picture->width, picture->height);
  cairo_surface_set_device_scale (surface, picture->scale, picture->scale);
  cr = cairo_create (surface);
  /* The map's colours are chosen for a light page, as in the workbook. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  copro_partner_map_draw (picture->layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  picture->stride = cairo_image_surface_get_stride (surface);
  picture->pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                                (gsize) picture->stride * picture->height,
                                                (GDestroyNotify) cairo_surface_destroy, surface);
}

static void
clear_layout (CoproPartnerMapView *self)
{
  g_clear_pointer (&self->layout, copro_partner_map_layout_free);
  g_clear_object (&self->picture);
}

/* After the layout changed: the keyboard's dot follows its partner, or goes
 * when it has left the map; the description counts the new dots. */
static void
follow_layout (CoproPartnerMapView *self)
{
  if (self->focused != NULL &&
      !copro_partner_map_layout_find_dot (self->layout, self->focused, &self->focused_index))
    g_clear_object (&self->focused);
  if (self->focused == NULL)
    self->focused_index = COPRO_PARTNER_MAP_NO_DOT;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.activate-partner", self->focused != NULL);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shows @picture's layout and drawing (taking them). */
static void
show_picture (CoproPartnerMapView *self,
              Picture             *picture)
{
  clear_layout (self);
  self->layout = g_steal_pointer (&picture->layout);
  if (picture->pixels != NULL)
    {
      /* Cairo's ARGB32 is GDK's default memory format. */
      self->picture = gdk_memory_texture_new (picture->width, picture->height, GDK_MEMORY_DEFAULT,
                                              picture->pixels, (gsize) picture->stride);
      self->picture_scale = picture->scale;
    }
  self->dirty = FALSE;
  follow_layout (self);
}

/* Forgets a rebuild under way: its partners, and any result to come. */
static void
cancel_rebuild (CoproPartnerMapView *self)
{
  self->generation++;
  g_clear_handle_id (&self->gather_id, g_source_remove);
  g_clear_pointer (&self->gathered, free_entries);
  self->building = FALSE;
}

static void
build_picture_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Picture *picture = task_data;

  draw_picture (picture);
  g_task_return_boolean (task, TRUE);
}

static void
on_picture_built_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  CoproPartnerMapView *self = COPRO_PARTNER_MAP_VIEW (source);
  Picture *picture = g_task_get_task_data (G_TASK (result));
  guint generation = GPOINTER_TO_UINT (user_data);

  /* A later change, or a rebuild on demand, has made it out of date. The
   * task frees what is left of it here, where the partners live. */
  if (generation != self->generation || self->partners == NULL)
    return;
  self->building = FALSE;
  show_picture (self, picture);
}

/* Partners by the thousand, the screen's size */
#define GATHER_SLICE_USEC  4000
/* Below this, building and drawing at once is quicker than a thread. */
#define SMALL_MAP          5000

/* Reads the partners a slice at a time, so that the window stays
 * responsive while a big register is read; then builds the layout and
 * draws it, in a worker thread when the map is big. */
static gboolean
gather_cb (gpointer user_data)
{
  CoproPartnerMapView *self = user_data;
  gint64 deadline = g_get_monotonic_time () + GATHER_SLICE_USEC;
  guint n = self->partners != NULL ? g_list_model_get_n_items (self->partners) : 0;
  g_autoptr(GTask) task = NULL;
  Picture *picture;
  double width, height;

  if (self->gathered == NULL)
    {
      self->gathered = g_array_sized_new (FALSE, FALSE, sizeof (CoproPartnerMapEntry), n);
      self->gather_next = 0;
    }
  /* The model cannot have changed while we read it: that cancels us. */
  while (self->gather_next < n)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->partners, self->gather_next++);
      CoproPartnerMapEntry entry;

      if (COPRO_IS_RECORD (item))
        {
          copro_partner_map_entry_init (&entry, COPRO_RECORD (item));
          /* Unplaced partners are only counted: no reference to drop later. */
          if (copro_partner_map_quadrant (entry.influence, entry.interest) == COPRO_QUADRANT_NONE)
            g_clear_object (&entry.partner);
          g_array_append_val (self->gathered, entry);
        }
      if (self->gather_next % 64 == 0 && g_get_monotonic_time () > deadline)
        return G_SOURCE_CONTINUE;
    }
  self->gather_id = 0;

  get_layout_size (self, &width, &height);
  picture = g_new0 (Picture, 1);
  picture->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  picture->layout_width = width;
  picture->layout_height = height;
  picture->entries = g_steal_pointer (&self->gathered);

  if (picture->entries->len < SMALL_MAP)
    {
      draw_picture (picture);
      show_picture (self, picture);
      picture_free (picture);
      return G_SOURCE_REMOVE;
    }

  self->building = TRUE;
  task = g_task_new (self, NULL, on_picture_built_cb, GUINT_TO_POINTER (self->generation));
  g_task_set_source_tag (task, gather_cb);
  g_task_set_task_data (task, picture, (GDestroyNotify) picture_free);
  g_task_run_in_thread (task, build_picture_thread);
  return G_SOURCE_REMOVE;
}

static void
start_rebuild (CoproPartnerMapView *self)
{
  cancel_rebuild (self);
  /* The reading starts once the changes of this turn of the main loop are
   * all made (an import appends partners one by one). */
  self->gather_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, gather_cb, self, NULL);
}

/* The model or the size changed: the map shown stays until the new one is
 * ready. Nothing is done while the map is not on screen. */
static void
invalidate (CoproPartnerMapView *self)
{
  self->dirty = TRUE;
  /* Already waiting to start: it will read the model as it is then. */
  if (self->gather_id != 0 && self->gathered == NULL)
    return;
  cancel_rebuild (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_rebuild (self);
}

static gboolean
layout_fits (CoproPartnerMapView *self)
{
  double width, height;

  get_layout_size (self, &width, &height);
  return self->layout != NULL &&
         copro_partner_map_layout_get_width (self->layout) == width &&
         copro_partner_map_layout_get_height (self->layout) == height;
}

/* The layout of the model as it is now, built at once if need be: for the
 * API, whose callers expect the map to be up to date. */
static CoproPartnerMapLayout *
ensure_layout (CoproPartnerMapView *self)
{
  double width, height;

  if (!self->dirty && layout_fits (self))
    return self->layout;

  cancel_rebuild (self);
  clear_layout (self);
  get_layout_size (self, &width, &height);
  if (self->partners != NULL)
    self->layout = copro_partner_map_layout_new_for_model (self->partners, width, height);
  else
    {
      g_autoptr(GListStore) none = g_list_store_new (COPRO_TYPE_RECORD);

      self->layout = copro_partner_map_layout_new_for_model (G_LIST_MODEL (none), width, height);
    }
  self->dirty = FALSE;
  follow_layout (self);
  return self->layout;
}

/* The layout on screen, which the pointer and the keyboard act on. */
static CoproPartnerMapLayout *
shown_layout (CoproPartnerMapView *self)
{
  return self->layout != NULL ? self->layout : ensure_layout (self);
}

/* The drawing of the layout shown, made here if the layout was built on
 * demand. */
static GdkTexture *
ensure_picture (CoproPartnerMapView *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  CoproPartnerMapLayout *layout = shown_layout (self);
  Picture picture = { 0 };

  if (self->picture != NULL && self->picture_scale == scale)
    return self->picture;
  g_clear_object (&self->picture);

  picture.layout = layout;
  picture.scale = scale;
  draw_picture (&picture);
  self->picture = gdk_memory_texture_new (picture.width, picture.height, GDK_MEMORY_DEFAULT,
                                          picture.pixels, (gsize) picture.stride);
  self->picture_scale = scale;
  g_bytes_unref (picture.pixels);
  return self->picture;
}

static void
update_description (CoproPartnerMapView *self)
{
  CoproPartnerMapLayout *layout = self->layout;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_placed, n_unplaced;

  if (layout == NULL)
    return;
  n_placed = copro_partner_map_layout_get_n_placed (layout);
  n_unplaced = copro_partner_map_layout_get_n_unplaced (layout);

  if (self->focused != NULL)
    {
      g_autofree char *title = copro_partner_dup_full_title (self->focused);
      int influence = copro_record_get_int (self->focused, "influence");
      int interest = copro_record_get_int (self->focused, "interest");

      /* TRANSLATORS: the partner chosen on the map, their quadrant, their
       * influence and interest (1 to 5), then which dot of how many it is */
      g_string_append_printf (text, _("%s: %s, influence %d, interest %d (%u of %u)."),
                              title,
                              copro_quadrant_get_label (copro_partner_get_quadrant (self->focused)),
                              influence, interest,
                              copro_partner_map_layout_get_reading_position (layout, self->focused_index) + 1,
                              n_placed);
      g_string_append_c (text, ' ');
    }

  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%'u partner on a grid of influence and interest.",
                                       "%'u partners on a grid of influence and interest.",
                                       n_placed),
                          n_placed);
  if (n_unplaced > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%'u partner is not on the map because their influence or interest is not set.",
                                           "%'u partners are not on the map because their influence or interest is not set.",
                                           n_unplaced),
                              n_unplaced);
    }
  if (n_placed > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Arrow keys move between partners, Page Up and Page Down go through them in order, "
                               "and Enter opens the chosen partner."));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
set_focused_index (CoproPartnerMapView *self,
                   guint                index)
{
  CoproPartnerMapLayout *layout = shown_layout (self);
  CoproRecord *partner = NULL;

  if (index != COPRO_PARTNER_MAP_NO_DOT)
    copro_partner_map_layout_get_dot (layout, index, &partner, NULL, NULL, NULL);
  self->focused_index = index;
  g_set_object (&self->focused, partner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.activate-partner", partner != NULL);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The record that owns the list behind @model, looking through the usual
 * wrappers (filters, sorting, slices); else the parent of its first item. */
static CoproRecord *
find_owner (GListModel *model)
{
  GListModel *inner = model;

  while (inner != NULL)
    {
      if (COPRO_IS_LIST (inner))
        return copro_list_get_owner (COPRO_LIST (inner));
      if (GTK_IS_FILTER_LIST_MODEL (inner))
        inner = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (inner));
      else if (GTK_IS_SORT_LIST_MODEL (inner))
        inner = gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (inner));
      else if (GTK_IS_SLICE_LIST_MODEL (inner))
        inner = gtk_slice_list_model_get_model (GTK_SLICE_LIST_MODEL (inner));
      else
        break;
    }

  if (model != NULL && g_list_model_get_n_items (model) > 0)
    {
      g_autoptr(CoproRecord) first = g_list_model_get_item (model, 0);

      return copro_record_get_parent (first);
    }
  return NULL;
}

static void
on_owner_changed_cb (CoproRecord         *owner,
                     CoproRecord         *origin,
                     const char          *key,
                     CoproPartnerMapView *self)
{
  /* One handler for the whole register, rather than one a partner. */
  if (copro_record_get_parent (origin) == owner && is_mapped_field (key))
    invalidate (self);
}

static void
watch_owner (CoproPartnerMapView *self)
{
  CoproRecord *owner = self->partners != NULL ? find_owner (self->partners) : NULL;

  if (owner == self->owner)
    return;
  if (self->owner != NULL)
    g_clear_signal_handler (&self->owner_changed_id, self->owner);
  g_set_object (&self->owner, owner);
  if (owner != NULL)
    self->owner_changed_id = g_signal_connect (owner, "changed", G_CALLBACK (on_owner_changed_cb), self);
}

static void
on_items_changed_cb (GListModel          *model,
                     guint                position,
                     guint                removed,
                     guint                added,
                     CoproPartnerMapView *self)
{
  if (self->owner == NULL)
    watch_owner (self);
  invalidate (self);
}

/* Events */

static void
activate_index (CoproPartnerMapView *self,
                guint                index)
{
  g_autoptr(CoproRecord) partner = NULL;
  CoproRecord *borrowed = NULL;

  copro_partner_map_layout_get_dot (shown_layout (self), index, &borrowed, NULL, NULL, NULL);
  /* The handler may change the list, and with it the layout. */
  partner = g_object_ref (borrowed);
  g_signal_emit (self, signals[PARTNER_ACTIVATED], 0, partner);
}

static void
on_click_released_cb (GtkGestureClick     *gesture,
                      int                  n_press,
                      double               x,
                      double               y,
                      CoproPartnerMapView *self)
{
  guint index = copro_partner_map_layout_dot_at (shown_layout (self), x, y);

  if (index == COPRO_PARTNER_MAP_NO_DOT)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  set_focused_index (self, index);
  activate_index (self, index);
}

static gboolean
on_query_tooltip_cb (GtkWidget           *widget,
                     int                  x,
                     int                  y,
                     gboolean             keyboard_mode,
                     GtkTooltip          *tooltip,
                     CoproPartnerMapView *self)
{
  CoproPartnerMapLayout *layout = shown_layout (self);
  g_autofree char *title = NULL;
  CoproRecord *partner;
  guint index;
  double dx, dy, r;

  index = keyboard_mode ? self->focused_index : copro_partner_map_layout_dot_at (layout, x, y);
  if (index == COPRO_PARTNER_MAP_NO_DOT)
    return FALSE;
  copro_partner_map_layout_get_dot (layout, index, &partner, &dx, &dy, &r);
  title = copro_partner_dup_full_title (partner);
  gtk_tooltip_set_text (tooltip, title);
  /* Moving onto another dot asks again. */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) (dx - r - 1), (int) (dy - r - 1),
                                                       (int) (2 * r + 3), (int) (2 * r + 3) });
  return TRUE;
}

static void
on_focus_changed_cb (GtkEventControllerFocus *controller,
                     CoproPartnerMapView     *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* map.move (a CoproPartnerMapMove): moves the ring to another dot. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CoproPartnerMapView *self = COPRO_PARTNER_MAP_VIEW (widget);
  CoproPartnerMapMove move = (CoproPartnerMapMove) g_variant_get_int32 (parameter);
  guint next;

  if (move > COPRO_PARTNER_MAP_MOVE_DOWN)
    return;
  next = copro_partner_map_layout_move (shown_layout (self), self->focused_index, move);
  if (next == COPRO_PARTNER_MAP_NO_DOT)
    gtk_widget_error_bell (widget);
  else
    set_focused_index (self, next);
}

/* map.activate-partner: opens the partner with the ring; disabled while
 * there is none, so Enter then does what it would without the map. */
static void
activate_partner_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CoproPartnerMapView *self = COPRO_PARTNER_MAP_VIEW (widget);

  shown_layout (self);
  if (self->focused_index != COPRO_PARTNER_MAP_NO_DOT)
    activate_index (self, self->focused_index);
}

/* GtkWidget */

static void
copro_partner_map_view_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  CoproPartnerMapView *self = COPRO_PARTNER_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  CoproPartnerMapLayout *layout = self->layout;

  if (width <= 0 || height <= 0)
    return;
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (layout == NULL)
    {
      /* The first frame: the map follows as soon as it is drawn. */
      if (self->gather_id == 0 && !self->building)
        invalidate (self);
      return;
    }

  /* Until a new size is drawn, the old drawing stays as it was, so that
   * what the pointer finds is what is shown. */
  gtk_snapshot_append_texture (snapshot, ensure_picture (self),
                               &GRAPHENE_RECT_INIT (0, 0,
                                                    copro_partner_map_layout_get_width (layout),
                                                    copro_partner_map_layout_get_height (layout)));

  if (self->focused_index != COPRO_PARTNER_MAP_NO_DOT && gtk_widget_has_focus (widget))
    {
      double x, y, r, ring;
      cairo_t *cr;

      copro_partner_map_layout_get_dot (layout, self->focused_index, NULL, &x, &y, &r);
      ring = MAX (r + 3.0, 7.0);
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x - ring - 3, y - ring - 3,
                                                                     2 * ring + 6, 2 * ring + 6));
      cairo_new_path (cr);
      cairo_arc (cr, x, y, ring, 0, 2 * G_PI);
      cairo_set_line_width (cr, 4.0);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, 2.0);
      cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
      cairo_stroke (cr);
      cairo_destroy (cr);
    }
}

static void
copro_partner_map_view_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
    }
  else
    {
      *minimum = 200;
      *natural = 450;
    }
}

static void
copro_partner_map_view_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  CoproPartnerMapView *self = COPRO_PARTNER_MAP_VIEW (widget);

  if (self->layout != NULL && !layout_fits (self))
    invalidate (self);
}

static void
copro_partner_map_view_map (GtkWidget *widget)
{
  CoproPartnerMapView *self = COPRO_PARTNER_MAP_VIEW (widget);

  GTK_WIDGET_CLASS (copro_partner_map_view_parent_class)->map (widget);
  /* Changes made while the map was hidden. */
  if (self->dirty || (self->layout != NULL && !layout_fits (self)))
    invalidate (self);
}

static void
copro_partner_map_view_unmap (GtkWidget *widget)
{
  CoproPartnerMapView *self = COPRO_PARTNER_MAP_VIEW (widget);

  /* No work for a map nobody sees; it is rebuilt when shown again. */
  if (self->gather_id != 0 || self->building)
    {
      cancel_rebuild (self);
      self->dirty = TRUE;
    }
  GTK_WIDGET_CLASS (copro_partner_map_view_parent_class)->unmap (widget);
}

/* GObject */

static void
copro_partner_map_view_dispose (GObject *object)
{
  CoproPartnerMapView *self = COPRO_PARTNER_MAP_VIEW (object);

  copro_partner_map_view_set_model (self, NULL);
  cancel_rebuild (self);
  clear_layout (self);
  g_clear_object (&self->focused);

  G_OBJECT_CLASS (copro_partner_map_view_parent_class)->dispose (object);
}

static void
copro_partner_map_view_class_init (CoproPartnerMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct
  {
    guint               key;
    CoproPartnerMapMove move;
  } moves[] = {
    { GDK_KEY_Left, COPRO_PARTNER_MAP_MOVE_LEFT },
    { GDK_KEY_KP_Left, COPRO_PARTNER_MAP_MOVE_LEFT },
    { GDK_KEY_Right, COPRO_PARTNER_MAP_MOVE_RIGHT },
    { GDK_KEY_KP_Right, COPRO_PARTNER_MAP_MOVE_RIGHT },
    { GDK_KEY_Up, COPRO_PARTNER_MAP_MOVE_UP },
    { GDK_KEY_KP_Up, COPRO_PARTNER_MAP_MOVE_UP },
    { GDK_KEY_Down, COPRO_PARTNER_MAP_MOVE_DOWN },
    { GDK_KEY_KP_Down, COPRO_PARTNER_MAP_MOVE_DOWN },
    { GDK_KEY_Page_Down, COPRO_PARTNER_MAP_MOVE_NEXT },
    { GDK_KEY_KP_Page_Down, COPRO_PARTNER_MAP_MOVE_NEXT },
    { GDK_KEY_Page_Up, COPRO_PARTNER_MAP_MOVE_PREVIOUS },
    { GDK_KEY_KP_Page_Up, COPRO_PARTNER_MAP_MOVE_PREVIOUS },
    { GDK_KEY_Home, COPRO_PARTNER_MAP_MOVE_FIRST },
    { GDK_KEY_KP_Home, COPRO_PARTNER_MAP_MOVE_FIRST },
    { GDK_KEY_End, COPRO_PARTNER_MAP_MOVE_LAST },
    { GDK_KEY_KP_End, COPRO_PARTNER_MAP_MOVE_LAST },
  };
  static const guint activate_keys[] = {
    GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space, GDK_KEY_KP_Space,
  };

  object_class->dispose = copro_partner_map_view_dispose;
  widget_class->snapshot = copro_partner_map_view_snapshot;
  widget_class->measure = copro_partner_map_view_measure;
  widget_class->size_allocate = copro_partner_map_view_size_allocate;
  widget_class->map = copro_partner_map_view_map;
  widget_class->unmap = copro_partner_map_view_unmap;

  /**
   * CoproPartnerMapView::partner-activated:
   * @partner: the partner whose dot was clicked, or chosen with Enter or space
   */
  signals[PARTNER_ACTIVATED] =
    g_signal_new ("partner-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COPRO_TYPE_RECORD);

  gtk_widget_class_install_action (widget_class, "map.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "map.activate-partner", NULL, activate_partner_action);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].key, 0, "map.move", "i", (gint32) moves[i].move);
  for (guint i = 0; i < G_N_ELEMENTS (activate_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, activate_keys[i], 0, "map.activate-partner", NULL);

  gtk_widget_class_set_css_name (widget_class, "partnermap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
copro_partner_map_view_init (CoproPartnerMapView *self)
{
  GtkEventController *focus;
  GtkGesture *click;

  self->focused_index = COPRO_PARTNER_MAP_NO_DOT;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.activate-partner", FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_changed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Partner map"),
                                  -1);
}

/* Public API */

GtkWidget *
copro_partner_map_view_new (GListModel *partners)
{
  GtkWidget *self;

  g_return_val_if_fail (partners == NULL || G_IS_LIST_MODEL (partners), NULL);

  self = g_object_new (COPRO_TYPE_PARTNER_MAP_VIEW, NULL);
  copro_partner_map_view_set_model (COPRO_PARTNER_MAP_VIEW (self), partners);
  return self;
}

void
copro_partner_map_view_set_model (CoproPartnerMapView *self,
                                  GListModel          *partners)
{
  g_return_if_fail (COPRO_IS_PARTNER_MAP_VIEW (self));
  g_return_if_fail (partners == NULL || G_IS_LIST_MODEL (partners));
  /* GTK 4.8's list models of list models say only G_TYPE_OBJECT. */
  g_return_if_fail (partners == NULL ||
                    g_type_is_a (g_list_model_get_item_type (partners), COPRO_TYPE_RECORD) ||
                    g_list_model_get_item_type (partners) == G_TYPE_OBJECT);

  if (partners == self->partners)
    return;
  if (self->partners != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->partners);
  g_set_object (&self->partners, partners);
  if (partners != NULL)
    self->items_changed_id = g_signal_connect (partners, "items-changed",
                                               G_CALLBACK (on_items_changed_cb), self);
  watch_owner (self);
  g_clear_object (&self->focused);
  self->focused_index = COPRO_PARTNER_MAP_NO_DOT;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.activate-partner", FALSE);
  invalidate (self);
}

gboolean
copro_partner_map_view_is_updating (CoproPartnerMapView *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_MAP_VIEW (self), FALSE);

  return self->gather_id != 0 || self->building;
}

GListModel *
copro_partner_map_view_get_model (CoproPartnerMapView *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_MAP_VIEW (self), NULL);

  return self->partners;
}

guint
copro_partner_map_view_get_n_dots (CoproPartnerMapView *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_MAP_VIEW (self), 0);

  return copro_partner_map_layout_get_n_placed (ensure_layout (self));
}

guint
copro_partner_map_view_get_n_unplaced (CoproPartnerMapView *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_MAP_VIEW (self), 0);

  return copro_partner_map_layout_get_n_unplaced (ensure_layout (self));
}

gboolean
copro_partner_map_view_get_dot_position (CoproPartnerMapView *self,
                                         CoproRecord         *partner,
                                         double              *x,
                                         double              *y)
{
  CoproPartnerMapLayout *layout;
  guint index;

  g_return_val_if_fail (COPRO_IS_PARTNER_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (COPRO_IS_RECORD (partner), FALSE);

  layout = ensure_layout (self);
  if (!copro_partner_map_layout_find_dot (layout, partner, &index))
    return FALSE;
  copro_partner_map_layout_get_dot (layout, index, NULL, x, y, NULL);
  return TRUE;
}

CoproRecord *
copro_partner_map_view_get_focused (CoproPartnerMapView *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_MAP_VIEW (self), NULL);

  ensure_layout (self);
  return self->focused;
}

gboolean
copro_partner_map_view_focus_partner (CoproPartnerMapView *self,
                                      CoproRecord         *partner)
{
  guint index;

  g_return_val_if_fail (COPRO_IS_PARTNER_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (COPRO_IS_RECORD (partner), FALSE);

  if (!copro_partner_map_layout_find_dot (ensure_layout (self), partner, &index))
    return FALSE;
  set_focused_index (self, index);
  return TRUE;
}

char *
copro_partner_map_view_dup_tooltip_text (CoproPartnerMapView *self,
                                         double               x,
                                         double               y)
{
  CoproPartnerMapLayout *layout;
  CoproRecord *partner;
  guint index;

  g_return_val_if_fail (COPRO_IS_PARTNER_MAP_VIEW (self), NULL);

  layout = ensure_layout (self);
  index = copro_partner_map_layout_dot_at (layout, x, y);
  if (index == COPRO_PARTNER_MAP_NO_DOT)
    return NULL;
  copro_partner_map_layout_get_dot (layout, index, &partner, NULL, NULL, NULL);
  return copro_partner_dup_full_title (partner);
}

gboolean
copro_partner_map_view_save_png (CoproPartnerMapView *self,
                                 GFile               *file,
                                 GError             **error)
{
  g_autoptr(GBytes) png = NULL;

  g_return_val_if_fail (COPRO_IS_PARTNER_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  png = copro_partner_map_layout_to_png (ensure_layout (self), error);
  if (png == NULL)
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (png, NULL), g_bytes_get_size (png),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
