/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See copro-timeline-view.h. */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "copro-model.h"
#include "copro-timeline-view.h"
#include "copro-timeline.h"

/* Narrower than this the titles have no room; the core still draws, but the
 * widget asks for at least this much (the Review panel is wider at 360). */
#define MIN_WIDTH 240
#define NATURAL_WIDTH 720

struct _CoproTimelineView
{
  GtkWidget    parent_instance;

  CoproRecord *project;
  gulong       changed_id;
  char        *description;
};

G_DEFINE_FINAL_TYPE (CoproTimelineView, copro_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CoproTimelineView *self)
{
  g_clear_pointer (&self->description, g_free);
  if (self->project != NULL)
    self->description = copro_timeline_describe_project (self->project);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description != NULL ? self->description : "",
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* What the timeline shows of an activity. */
static gboolean
is_drawn_field (const char *key)
{
  static const char * const keys[] = { "title", "start_date", "end_date", "step", "level_planned", "activities" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_strcmp0 (key, keys[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
on_project_changed_cb (CoproRecord       *project,
                       CoproRecord       *origin,
                       const char        *key,
                       CoproTimelineView *self)
{
  const CoproRecordDesc *desc = copro_record_get_desc (origin);

  /* The list of activities itself, or a field of one of them; not their
   * feedback or anything else in the project. */
  if ((origin == project && g_strcmp0 (key, "activities") == 0) ||
      (desc == &copro_desc_activity && is_drawn_field (key)))
    update (self);
}

static void
copro_timeline_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  CoproTimelineView *self = COPRO_TIMELINE_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else if (self->project == NULL)
    *minimum = *natural = 0;
  else
    {
      int width = for_size > 0 ? MAX (for_size, MIN_WIDTH) : NATURAL_WIDTH;

      *minimum = *natural = (int) ceil (copro_timeline_get_height_for_project (self->project, width));
    }
}

static GtkSizeRequestMode
copro_timeline_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
copro_timeline_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  CoproTimelineView *self = COPRO_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->project == NULL || width <= 0 || height <= 0)
    return;
  /* On white in both styles, like the printed and exported picture. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  copro_timeline_draw_project (self->project, cr, width, height);
  cairo_destroy (cr);
}

static void
copro_timeline_view_dispose (GObject *object)
{
  CoproTimelineView *self = COPRO_TIMELINE_VIEW (object);

  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (copro_timeline_view_parent_class)->dispose (object);
}

static void
copro_timeline_view_finalize (GObject *object)
{
  CoproTimelineView *self = COPRO_TIMELINE_VIEW (object);

  g_free (self->description);
  G_OBJECT_CLASS (copro_timeline_view_parent_class)->finalize (object);
}

static void
copro_timeline_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CoproTimelineView *self = COPRO_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_timeline_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CoproTimelineView *self = COPRO_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      copro_timeline_view_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_timeline_view_class_init (CoproTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_timeline_view_dispose;
  object_class->finalize = copro_timeline_view_finalize;
  object_class->get_property = copro_timeline_view_get_property;
  object_class->set_property = copro_timeline_view_set_property;
  widget_class->measure = copro_timeline_view_measure;
  widget_class->get_request_mode = copro_timeline_view_get_request_mode;
  widget_class->snapshot = copro_timeline_view_snapshot;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, COPRO_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
copro_timeline_view_init (CoproTimelineView *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline of the activities"),
                                  -1);
}

GtkWidget *
copro_timeline_view_new (CoproRecord *project)
{
  return g_object_new (COPRO_TYPE_TIMELINE_VIEW, "project", project, NULL);
}

CoproRecord *
copro_timeline_view_get_project (CoproTimelineView *self)
{
  g_return_val_if_fail (COPRO_IS_TIMELINE_VIEW (self), NULL);

  return self->project;
}

void
copro_timeline_view_set_project (CoproTimelineView *self,
                                 CoproRecord       *project)
{
  g_return_if_fail (COPRO_IS_TIMELINE_VIEW (self));
  g_return_if_fail (project == NULL || (COPRO_IS_RECORD (project) &&
                                        copro_record_get_desc (project) == &copro_desc_project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->changed_id = g_signal_connect (project, "changed", G_CALLBACK (on_project_changed_cb), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

const char *
copro_timeline_view_get_description (CoproTimelineView *self)
{
  g_return_val_if_fail (COPRO_IS_TIMELINE_VIEW (self), NULL);

  return self->description != NULL ? self->description : "";
}
