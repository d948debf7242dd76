/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A cell of the partner register: text measured cheaply, laid out when seen. */

#include "config.h"

#include "copro-cell-text.h"

struct _CoproCellText
{
  GtkWidget    parent_instance;

  char        *text;
  float        xalign;
  int          line_height;   /* 0: not known yet */
  PangoLayout *layout;        /* NULL: not made yet, or out of date */
  /* Not drawn because out of sight: drawn when the view scrolls or grows
   * (GTK keeps a widget's drawing when only its position changes). */
  GtkAdjustment *watched[2];
  gulong         watch_ids[2][2];
};

G_DEFINE_FINAL_TYPE (CoproCellText, copro_cell_text, GTK_TYPE_WIDGET)

/* The cells' line height, asked of Pango by the first cell measured and
 * then shared: every cell of the register has the same font, and asking
 * Pango, through a Pango context of each cell's own, cost about 90,000
 * instructions a cell (callgrind, 100,000 partners), 15 % of opening the
 * register and paid again for each of the ~1,600 cells GTK makes after a
 * search. Forgotten when a system setting (the font, its size) changes. */
static int shared_line_height;

static int
get_line_height (CoproCellText *self)
{
  if (self->line_height == 0 && shared_line_height > 0)
    self->line_height = shared_line_height;
  if (self->line_height == 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
      if (self->line_height <= 0)
        self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                               pango_font_metrics_get_descent (metrics));
      pango_font_metrics_unref (metrics);
      shared_line_height = self->line_height;
    }
  return self->line_height;
}

static void
copro_cell_text_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CoproCellText *self = COPRO_CELL_TEXT (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = get_line_height (self);
  else
    *minimum = *natural = 0;   /* the column's fixed width decides */
}

/* Whether any of the widget shows inside the scrolled window around it:
 * the column view keeps and draws ~200 rows, most of them out of sight. */
static gboolean
is_in_sight (GtkWidget *widget)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (viewport == NULL || !gtk_widget_compute_bounds (widget, viewport, &bounds))
    return TRUE;
  return bounds.origin.y + bounds.size.height >= 0 &&
         bounds.origin.y <= gtk_widget_get_height (viewport) &&
         bounds.origin.x + bounds.size.width >= 0 &&
         bounds.origin.x <= gtk_widget_get_width (viewport);
}

static void
unwatch (CoproCellText *self)
{
  for (guint i = 0; i < 2; i++)
    if (self->watched[i] != NULL)
      {
        g_clear_signal_handler (&self->watch_ids[i][0], self->watched[i]);
        g_clear_signal_handler (&self->watch_ids[i][1], self->watched[i]);
        g_clear_object (&self->watched[i]);
      }
}

static void
on_view_moved_cb (CoproCellText *self)
{
  unwatch (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
watch (CoproCellText *self)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);

  if (viewport == NULL || self->watched[0] != NULL)
    return;
  self->watched[0] = g_object_ref (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (viewport)));
  self->watched[1] = g_object_ref (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (viewport)));
  for (guint i = 0; i < 2; i++)
    {
      self->watch_ids[i][0] = g_signal_connect_swapped (self->watched[i], "value-changed",
                                                        G_CALLBACK (on_view_moved_cb), self);
      self->watch_ids[i][1] = g_signal_connect_swapped (self->watched[i], "changed",
                                                        G_CALLBACK (on_view_moved_cb), self);
    }
}

void
copro_cell_text_draw (GtkWidget     *widget,
                      GtkSnapshot   *snapshot,
                      PangoLayout  **layout,
                      const char    *text,
                      float          xalign,
                      int            x,
                      int            width,
                      int            height,
                      const GdkRGBA *color)
{
  PangoRectangle logical;
  float text_x;

  if (text == NULL || *text == '\0' || width <= 0)
    return;
  if (*layout == NULL || pango_layout_get_width (*layout) != width * PANGO_SCALE)
    {
      g_clear_object (layout);
      *layout = gtk_widget_create_pango_layout (widget, text);
      pango_layout_set_ellipsize (*layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (*layout, TRUE);
      pango_layout_set_width (*layout, width * PANGO_SCALE);
    }
  pango_layout_get_pixel_extents (*layout, NULL, &logical);
  text_x = (float) (width - logical.width) * xalign;
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    text_x = (float) (width - logical.width) - text_x;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x + MAX (text_x, 0),
                                                          (float) (height - logical.height) / 2));
  gtk_snapshot_append_layout (snapshot, *layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
copro_cell_text_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CoproCellText *self = COPRO_CELL_TEXT (widget);
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0' || gtk_widget_get_width (widget) <= 0)
    return;
  if (!is_in_sight (widget))
    {
      watch (self);
      return;
    }
  unwatch (self);

  gtk_widget_get_color (widget, &color);
  copro_cell_text_draw (widget, snapshot, &self->layout, self->text, self->xalign,
                        0, gtk_widget_get_width (widget), gtk_widget_get_height (widget), &color);
}

static void
copro_cell_text_system_setting_changed (GtkWidget        *widget,
                                        GtkSystemSetting  setting)
{
  CoproCellText *self = COPRO_CELL_TEXT (widget);

  self->line_height = 0;
  shared_line_height = 0;
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (widget);

  GTK_WIDGET_CLASS (copro_cell_text_parent_class)->system_setting_changed (widget, setting);
}

static void
copro_cell_text_unroot (GtkWidget *widget)
{
  unwatch (COPRO_CELL_TEXT (widget));

  GTK_WIDGET_CLASS (copro_cell_text_parent_class)->unroot (widget);
}

static void
copro_cell_text_dispose (GObject *object)
{
  unwatch (COPRO_CELL_TEXT (object));

  G_OBJECT_CLASS (copro_cell_text_parent_class)->dispose (object);
}

static void
copro_cell_text_finalize (GObject *object)
{
  CoproCellText *self = COPRO_CELL_TEXT (object);

  g_free (self->text);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (copro_cell_text_parent_class)->finalize (object);
}

static void
copro_cell_text_class_init (CoproCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_cell_text_dispose;
  object_class->finalize = copro_cell_text_finalize;
  widget_class->measure = copro_cell_text_measure;
  widget_class->snapshot = copro_cell_text_snapshot;
  widget_class->system_setting_changed = copro_cell_text_system_setting_changed;
  widget_class->unroot = copro_cell_text_unroot;
  /* Its own name: no rule of the theme for labels applies to it, and
   * matching them for each of a register's cells cost time. */
  gtk_widget_class_set_css_name (widget_class, "celltext");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
copro_cell_text_init (CoproCellText *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
copro_cell_text_new (float xalign)
{
  CoproCellText *self = g_object_new (COPRO_TYPE_CELL_TEXT, NULL);

  self->xalign = xalign;
  return GTK_WIDGET (self);
}

void
copro_cell_text_set_text (CoproCellText *self,
                          const char    *text)
{
  g_return_if_fail (COPRO_IS_CELL_TEXT (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
copro_cell_text_get_text (CoproCellText *self)
{
  g_return_val_if_fail (COPRO_IS_CELL_TEXT (self), NULL);

  return self->text != NULL ? self->text : "";
}
