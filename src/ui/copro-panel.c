/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A section's page: heading and guidance, then the editable groups. */

#include "config.h"

#include "copro-panel.h"

struct _CoproPanel
{
  GtkWidget  parent_instance;

  char      *title;
  char      *overline;
  char      *guidance;
  gboolean   editable;

  GtkWidget *scrolled;
  GtkWidget *overline_label;
  GtkWidget *guidance_label;
  GtkWidget *content;

  /* Groups made after the panel's first frame (copro_panel_add_group()) */
  guint          n_groups;
  GQueue         pending;        /* of Pending */
  GdkFrameClock *frame_clock;    /* watched for the first frame, or NULL */
  gulong         after_paint_id;
  guint          build_source;
};

/* A panel makes this many groups at once and the rest after its first
 * frame: at the default window size the heading and two groups fill the
 * page, so what is in sight is drawn first. */
#define GROUPS_AT_ONCE 2

typedef struct
{
  CoproPanelGroupFunc func;
  gpointer            data;
  GDestroyNotify      destroy;
} Pending;

G_DEFINE_FINAL_TYPE (CoproPanel, copro_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_OVERLINE,
  PROP_GUIDANCE,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Replaces *@field by a copy of @value; FALSE if they were the same. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
set_optional_label (GtkWidget  *label,
                    const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL);
}

static void
append_group (CoproPanel *self,
              GtkWidget  *group)
{
  gtk_box_append (GTK_BOX (self->content), group);
  self->n_groups++;
}

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_free (pending);
}

static void
stop_waiting (CoproPanel *self)
{
  if (self->frame_clock != NULL)
    {
      g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
      g_clear_object (&self->frame_clock);
    }
  g_clear_handle_id (&self->build_source, g_source_remove);
}

static gboolean
build_pending_cb (gpointer data)
{
  CoproPanel *self = data;

  self->build_source = 0;
  copro_panel_build_pending (self);
  return G_SOURCE_REMOVE;
}

/* After the first frame, the rest is made when the main loop is next idle,
 * which is before the following frame. */
static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   CoproPanel    *self)
{
  stop_waiting (self);
  self->build_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_pending_cb, self, NULL);
}

static void
wait_for_first_frame (CoproPanel *self)
{
  GdkFrameClock *frame_clock;

  if (g_queue_is_empty (&self->pending) || self->frame_clock != NULL || self->build_source != 0)
    return;
  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (frame_clock == NULL)
    return;
  self->frame_clock = g_object_ref (frame_clock);
  self->after_paint_id = g_signal_connect (frame_clock, "after-paint",
                                           G_CALLBACK (on_after_paint_cb), self);
}

static void
copro_panel_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (copro_panel_parent_class)->map (widget);

  wait_for_first_frame (COPRO_PANEL (widget));
}

static void
copro_panel_unmap (GtkWidget *widget)
{
  stop_waiting (COPRO_PANEL (widget));

  GTK_WIDGET_CLASS (copro_panel_parent_class)->unmap (widget);
}

static void
copro_panel_dispose (GObject *object)
{
  CoproPanel *self = COPRO_PANEL (object);

  stop_waiting (self);
  g_queue_clear_full (&self->pending, pending_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), COPRO_TYPE_PANEL);

  G_OBJECT_CLASS (copro_panel_parent_class)->dispose (object);
}

static void
copro_panel_finalize (GObject *object)
{
  CoproPanel *self = COPRO_PANEL (object);

  g_free (self->title);
  g_free (self->overline);
  g_free (self->guidance);

  G_OBJECT_CLASS (copro_panel_parent_class)->finalize (object);
}

static void
copro_panel_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CoproPanel *self = COPRO_PANEL (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OVERLINE:
      g_value_set_string (value, self->overline);
      break;
    case PROP_GUIDANCE:
      g_value_set_string (value, self->guidance);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_panel_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CoproPanel *self = COPRO_PANEL (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      copro_panel_set_title (self, g_value_get_string (value));
      break;
    case PROP_OVERLINE:
      copro_panel_set_overline (self, g_value_get_string (value));
      break;
    case PROP_GUIDANCE:
      copro_panel_set_guidance (self, g_value_get_string (value));
      break;
    case PROP_EDITABLE:
      copro_panel_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_panel_class_init (CoproPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_panel_dispose;
  object_class->finalize = copro_panel_finalize;
  object_class->get_property = copro_panel_get_property;
  object_class->set_property = copro_panel_set_property;
  widget_class->map = copro_panel_map;
  widget_class->unmap = copro_panel_unmap;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The part the section belongs to (e.g. "Plan"), or NULL. */
  properties[PROP_OVERLINE] =
    g_param_spec_string ("overline", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUIDANCE] =
    g_param_spec_string ("guidance", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproPanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, CoproPanel, overline_label);
  gtk_widget_class_bind_template_child (widget_class, CoproPanel, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, CoproPanel, content);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "copropanel");
}

static void
copro_panel_init (CoproPanel *self)
{
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The width every page of the project keeps to, whatever the window's. */
GtkWidget *
copro_panel_clamp_new (void)
{
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 560);
  return clamp;
}

GtkWidget *
copro_panel_header_new (const char *overline,
                        const char *title,
                        const char *guidance)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading;

  if (overline != NULL)
    {
      GtkWidget *label = gtk_label_new (overline);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "copro-overline");
      gtk_widget_add_css_class (label, "dimmed");
      gtk_box_append (GTK_BOX (header), label);
    }
  heading = g_object_new (GTK_TYPE_LABEL,
                          "label", title,
                          "xalign", 0.0f,
                          "wrap", TRUE,
                          "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                          NULL);
  gtk_widget_add_css_class (heading, "title-1");
  gtk_box_append (GTK_BOX (header), heading);
  if (guidance != NULL)
    {
      GtkWidget *label = gtk_label_new (guidance);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "copro-guidance");
      gtk_box_append (GTK_BOX (header), label);
    }
  return header;
}

GtkWidget *
copro_panel_new (const char *title,
                 const char *overline,
                 const char *guidance)
{
  return g_object_new (COPRO_TYPE_PANEL,
                       "title", title,
                       "overline", overline,
                       "guidance", guidance,
                       NULL);
}

const char *
copro_panel_get_title (CoproPanel *self)
{
  g_return_val_if_fail (COPRO_IS_PANEL (self), NULL);

  return self->title;
}

void
copro_panel_set_title (CoproPanel *self,
                       const char *title)
{
  g_return_if_fail (COPRO_IS_PANEL (self));

  if (!set_string (&self->title, title))
    return;
  /* The page scrolls under the section's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scrolled),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
copro_panel_get_overline (CoproPanel *self)
{
  g_return_val_if_fail (COPRO_IS_PANEL (self), NULL);

  return self->overline;
}

void
copro_panel_set_overline (CoproPanel *self,
                          const char *overline)
{
  g_return_if_fail (COPRO_IS_PANEL (self));

  if (!set_string (&self->overline, overline))
    return;
  set_optional_label (self->overline_label, overline);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERLINE]);
}

const char *
copro_panel_get_guidance (CoproPanel *self)
{
  g_return_val_if_fail (COPRO_IS_PANEL (self), NULL);

  return self->guidance;
}

void
copro_panel_set_guidance (CoproPanel *self,
                          const char *guidance)
{
  g_return_if_fail (COPRO_IS_PANEL (self));

  if (!set_string (&self->guidance, guidance))
    return;
  set_optional_label (self->guidance_label, guidance);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDANCE]);
}

gboolean
copro_panel_get_editable (CoproPanel *self)
{
  g_return_val_if_fail (COPRO_IS_PANEL (self), FALSE);

  return self->editable;
}

void
copro_panel_add_group (CoproPanel          *self,
                       CoproPanelGroupFunc  func,
                       gpointer             data,
                       GDestroyNotify       destroy)
{
  Pending *pending;

  g_return_if_fail (COPRO_IS_PANEL (self));
  g_return_if_fail (func != NULL);

  if (self->n_groups < GROUPS_AT_ONCE && g_queue_is_empty (&self->pending))
    {
      append_group (self, func (data));
      if (destroy != NULL)
        destroy (data);
      return;
    }
  pending = g_new (Pending, 1);
  pending->func = func;
  pending->data = data;
  pending->destroy = destroy;
  g_queue_push_tail (&self->pending, pending);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    wait_for_first_frame (self);
}

void
copro_panel_build_pending (CoproPanel *self)
{
  Pending *pending;

  g_return_if_fail (COPRO_IS_PANEL (self));

  stop_waiting (self);
  while ((pending = g_queue_pop_head (&self->pending)) != NULL)
    {
      append_group (self, pending->func (pending->data));
      pending_free (pending);
    }
}

gboolean
copro_panel_has_pending (CoproPanel *self)
{
  g_return_val_if_fail (COPRO_IS_PANEL (self), FALSE);

  return !g_queue_is_empty (&self->pending);
}

GtkWidget *
copro_panel_get_content (CoproPanel *self)
{
  g_return_val_if_fail (COPRO_IS_PANEL (self), NULL);

  return self->content;
}

GtkWidget *
copro_scrolled_window_new_named (const char *name)
{
  GtkWidget *scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                      NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return scrolled;
}

void
copro_name_scrolled_window (GtkWidget  *widget,
                            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SCROLLED_WINDOW (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
      copro_name_scrolled_window (child, name);
    }
}

void
copro_panel_set_editable (CoproPanel *self,
                          gboolean    editable)
{
  g_return_if_fail (COPRO_IS_PANEL (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/* libadwaita 1.2 makes the toast's button with a mnemonic, and GTK 4.8 then
 * names it twice ("Undo Undo"): keep the button's label as its one name. */
static void
name_toast_buttons_once (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)))
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      name_toast_buttons_once (child);
    }
}

gboolean
copro_show_toast (GtkWidget *widget,
                  AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (toast);
      return FALSE;
    }
  /* A high-priority toast shows at once, so its button can be put right
   * now; others are named when they are added after it. */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay)))
      name_toast_buttons_once (child);
  return TRUE;
}
