/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A placeholder for the partner register: the partners, searchable. */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-list.h"
#include "copro-model.h"
#include "copro-panel.h"
#include "copro-partner-chooser.h"
#include "copro-partners-panel.h"

struct _CoproPartnersPanel
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  CoproList          *partners;
  GtkStringFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkWidget          *list_view;
  GtkWidget          *count_label;
  GtkWidget          *search_entry;
};

G_DEFINE_FINAL_TYPE (CoproPartnersPanel, copro_partners_panel, GTK_TYPE_WIDGET)

static char *
partner_search_text (CoproRecord *partner)
{
  if (partner == NULL)
    return NULL;
  return g_strjoin (" ",
                    copro_record_get_string (partner, "name"),
                    copro_record_get_string (partner, "organisation"),
                    copro_record_get_string (partner, "role"),
                    NULL);
}

static void
update_count (CoproPartnersPanel *self)
{
  guint n = copro_list_get_n_items (self->partners);
  g_autofree char *text = NULL;

  /* TRANSLATORS: how many partners the project has */
  text = g_strdup_printf (ngettext ("%u partner", "%u partners", n), n);
  gtk_label_set_text (GTK_LABEL (self->count_label), text);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "copro-list-view-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  CoproRecord *partner = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *text = NULL;
  const char *organisation = copro_record_get_string (partner, "organisation");
  const char *sector = copro_enum_label (&copro_enum_sector, copro_record_get_string (partner, "sector"));

  if (*organisation != '\0' && *copro_record_get_string (partner, "name") != '\0')
    g_ptr_array_add (parts, (gpointer) organisation);
  if (*sector != '\0')
    g_ptr_array_add (parts, (gpointer) sector);
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: separates the details of a partner in a list */
  text = g_strjoinv (_(" · "), (char **) parts->pdata);
  gtk_label_set_text (GTK_LABEL (title), copro_partner_display_name (partner));
  gtk_label_set_text (GTK_LABEL (detail), text);
  gtk_widget_set_visible (detail, *text != '\0');
  /* Name the row GTK puts around ours, which is what takes the focus. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copro_partner_display_name (partner),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
on_search_changed_cb (GtkSearchEntry     *entry,
                      CoproPartnersPanel *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
copro_partners_panel_dispose (GObject *object)
{
  CoproPartnersPanel *self = COPRO_PARTNERS_PANEL (object);

  if (self->partners != NULL)
    g_signal_handlers_disconnect_by_data (self->partners, self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->partners);

  G_OBJECT_CLASS (copro_partners_panel_parent_class)->dispose (object);
}

static void
copro_partners_panel_class_init (CoproPartnersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_partners_panel_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "copropanel");
}

static void
copro_partners_panel_init (CoproPartnersPanel *self)
{
}

GtkWidget *
copro_partners_panel_new (CoproDocument *document,
                          const char    *title,
                          const char    *guidance)
{
  CoproPartnersPanel *self;
  GtkWidget *clamp, *header, *scrolled, *list_clamp;
  GtkListItemFactory *factory;

  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), NULL);

  self = g_object_new (COPRO_TYPE_PARTNERS_PANEL, NULL);
  self->partners = g_object_ref (copro_record_get_list (copro_document_get_project (document), "partners"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  clamp = copro_panel_clamp_new ();
  header = copro_panel_header_new (NULL, title, guidance);
  gtk_widget_add_css_class (header, "copro-panel-header");

  self->count_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->count_label), 0);
  gtk_widget_add_css_class (self->count_label, "heading");
  gtk_widget_set_margin_top (self->count_label, 12);
  gtk_box_append (GTK_BOX (header), self->count_label);

  self->search_entry = gtk_search_entry_new ();
  g_object_set (self->search_entry, "placeholder-text", _("Name, organisation or role"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the partners"),
                                  -1);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  gtk_box_append (GTK_BOX (header), self->search_entry);
  adw_clamp_set_child (ADW_CLAMP (clamp), header);
  gtk_box_append (GTK_BOX (self->box), clamp);

  self->filter = gtk_string_filter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                     G_CALLBACK (partner_search_text),
                                                                     NULL, NULL));
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->partners)),
                                              GTK_FILTER (self->filter));
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (self->selection), factory);
  gtk_widget_add_css_class (self->list_view, "copro-list-view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Partners"),
                                  -1);

  list_clamp = adw_clamp_scrollable_new ();
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (list_clamp), 760);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (list_clamp), 560);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (list_clamp), self->list_view);
  scrolled = gtk_scrolled_window_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Partners"),
                                  -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list_clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "copro-list-view-scroll");
  gtk_box_append (GTK_BOX (self->box), scrolled);

  g_signal_connect_swapped (self->partners, "items-changed", G_CALLBACK (update_count), self);
  update_count (self);
  return GTK_WIDGET (self);
}

gboolean
copro_partners_panel_reveal (CoproPartnersPanel *self,
                             CoproRecord        *record)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PANEL (self), FALSE);
  g_return_val_if_fail (COPRO_IS_RECORD (record), FALSE);

  copro_partners_panel_set_search (self, "");
  for (CoproRecord *r = record; r != NULL; r = copro_record_get_parent (r))
    {
      guint position;

      if (copro_list_find (self->partners, r, &position))
        {
          gtk_single_selection_set_selected (self->selection, position);
          gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
copro_partners_panel_is_searching (CoproPartnersPanel *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PANEL (self), FALSE);

  return gtk_filter_list_model_get_pending (self->filtered) > 0;
}

guint
copro_partners_panel_get_n_shown (CoproPartnersPanel *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PANEL (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

void
copro_partners_panel_set_search (CoproPartnersPanel *self,
                                 const char         *text)
{
  g_return_if_fail (COPRO_IS_PARTNERS_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Not waiting for the entry's delay: the caller asked for this search. */
  gtk_string_filter_set_search (self->filter, text);
}
