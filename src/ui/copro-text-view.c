/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "copro-text-view.h"

struct _CoproTextView
{
  GtkTextView parent_instance;

  guint       resize_source;
  int         last_width;
  int         last_height;
};

G_DEFINE_FINAL_TYPE (CoproTextView, copro_text_view, GTK_TYPE_TEXT_VIEW)

static gboolean
queue_resize_cb (gpointer data)
{
  CoproTextView *self = data;

  self->resize_source = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
copro_text_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CoproTextView *self = COPRO_TEXT_VIEW (widget);
  int natural;

  GTK_WIDGET_CLASS (copro_text_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* Now laid out at this width: ask again if the content needs another
   * height, once for each size, so that this cannot loop. */
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  if (natural != height && (width != self->last_width || height != self->last_height) &&
      self->resize_source == 0)
    self->resize_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, queue_resize_cb, self, NULL);
  self->last_width = width;
  self->last_height = height;
}

/* GtkTextView asks for its cursor's position as it is realized, to tell the
 * input method (gtk_text_view_realize () ends with
 * gtk_text_view_update_im_spot_location ()). That is before its first
 * allocation, when its text is laid out one pixel wide: a long answer then
 * wraps after every character, 16 M instructions for the Overview's summary
 * at start-up (bench/benchmark.py), for a position that is not where the
 * cursor will show anyway. Unwrapped while it is realized, the cursor's line
 * is laid out once; the wrapping is back before the text view is measured. */
static void
copro_text_view_realize (GtkWidget *widget)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  GtkWrapMode wrap_mode = gtk_text_view_get_wrap_mode (view);

  if (wrap_mode == GTK_WRAP_NONE || gtk_widget_get_width (widget) > 0)
    {
      GTK_WIDGET_CLASS (copro_text_view_parent_class)->realize (widget);
      return;
    }
  g_object_freeze_notify (G_OBJECT (view));
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_NONE);
  GTK_WIDGET_CLASS (copro_text_view_parent_class)->realize (widget);
  gtk_text_view_set_wrap_mode (view, wrap_mode);
  g_object_thaw_notify (G_OBJECT (view));
}

static void
copro_text_view_dispose (GObject *object)
{
  CoproTextView *self = COPRO_TEXT_VIEW (object);

  g_clear_handle_id (&self->resize_source, g_source_remove);

  G_OBJECT_CLASS (copro_text_view_parent_class)->dispose (object);
}

static void
copro_text_view_class_init (CoproTextViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = copro_text_view_dispose;
  GTK_WIDGET_CLASS (klass)->size_allocate = copro_text_view_size_allocate;
  GTK_WIDGET_CLASS (klass)->realize = copro_text_view_realize;
}

static void
copro_text_view_init (CoproTextView *self)
{
}

GtkWidget *
copro_text_view_new (void)
{
  return g_object_new (COPRO_TYPE_TEXT_VIEW, NULL);
}
