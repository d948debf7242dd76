/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A section's page: heading and guidance, then the editable groups. */

#include "config.h"

#include "copro-panel.h"

struct _CoproPanel
{
  GtkWidget  parent_instance;

  GtkWidget *scrolled;
  GtkWidget *content;
};

G_DEFINE_FINAL_TYPE (CoproPanel, copro_panel, GTK_TYPE_WIDGET)

static void
copro_panel_dispose (GObject *object)
{
  CoproPanel *self = COPRO_PANEL (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);

  G_OBJECT_CLASS (copro_panel_parent_class)->dispose (object);
}

static void
copro_panel_class_init (CoproPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_panel_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "copropanel");
}

static void
copro_panel_init (CoproPanel *self)
{
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
  CoproPanel *self = g_object_new (COPRO_TYPE_PANEL, NULL);
  GtkWidget *clamp = copro_panel_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *header = copro_panel_header_new (overline, title, guidance);

  self->scrolled = copro_scrolled_window_new_named (title);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);

  gtk_widget_add_css_class (page, "copro-panel-page");
  adw_clamp_set_child (ADW_CLAMP (clamp), page);

  gtk_box_append (GTK_BOX (page), header);

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (page), self->content);
  return GTK_WIDGET (self);
}

void
copro_panel_add (CoproPanel *self,
                 GtkWidget  *child)
{
  g_return_if_fail (COPRO_IS_PANEL (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_box_append (GTK_BOX (self->content), child);
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

  gtk_widget_set_sensitive (self->content, editable);
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
