/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Choosing a partner from the register: a search entry over a list view. */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-model.h"
#include "copro-panel.h"
#include "copro-partner-chooser.h"

struct _CoproPartnerChooser
{
  AdwWindow            parent_instance;

  CoproList           *partners;
  char                *selected_id;
  GtkStringFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSearchEntry      *search_entry;
  GtkListView         *list_view;
  GtkStack            *stack;
  gboolean             done;
};

G_DEFINE_FINAL_TYPE (CoproPartnerChooser, copro_partner_chooser, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

const char *
copro_partner_display_name (CoproRecord *partner)
{
  const char *name;

  g_return_val_if_fail (COPRO_IS_RECORD (partner), "");

  name = copro_record_get_string (partner, "name");
  if (is_blank (name))
    name = copro_record_get_string (partner, "organisation");
  if (is_blank (name))
    name = _("A partner with no name");
  return name;
}

CoproList *
copro_partner_register_for (CoproRecord *record)
{
  CoproRecord *parent;

  g_return_val_if_fail (COPRO_IS_RECORD (record), NULL);

  while ((parent = copro_record_get_parent (record)) != NULL)
    record = parent;
  if (copro_record_get_desc (record) != &copro_desc_project)
    return NULL;
  return copro_record_get_list (record, "partners");
}

/* What the search looks in. */
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

static char *
partner_detail (CoproRecord *partner)
{
  const char *organisation = copro_record_get_string (partner, "organisation");
  const char *role = copro_record_get_string (partner, "role");
  const char *name = copro_record_get_string (partner, "name");
  const char *sector = copro_enum_label (&copro_enum_sector, copro_record_get_string (partner, "sector"));
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  /* The organisation is the title already when the partner has no name. */
  if (*organisation != '\0' && *name != '\0')
    g_ptr_array_add (parts, (gpointer) organisation);
  if (*role != '\0')
    g_ptr_array_add (parts, (gpointer) role);
  if (*sector != '\0')
    g_ptr_array_add (parts, (gpointer) sector);
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: separates the details of a partner in a list */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
finish (CoproPartnerChooser *self,
        const char          *id)
{
  if (self->done)
    return;
  self->done = TRUE;
  g_signal_emit (self, signals[CHOSEN], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
update_stack (CoproPartnerChooser *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0 &&
                   !gtk_filter_list_model_get_pending (self->filtered);

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

/* Callbacks */

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
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
  g_autofree char *text = partner_detail (partner);

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
on_list_view_activate_cb (GtkListView         *list_view,
                          guint                position,
                          CoproPartnerChooser *self)
{
  copro_partner_chooser_choose (self, position);
}

static void
on_search_changed_cb (GtkSearchEntry      *entry,
                      CoproPartnerChooser *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_activate_cb (GtkSearchEntry      *entry,
                       CoproPartnerChooser *self)
{
  /* Enter takes the first match, so that typing a name and Enter is enough. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    copro_partner_chooser_choose (self, 0);
}

static void
on_stop_search_cb (GtkSearchEntry      *entry,
                   CoproPartnerChooser *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_clear_clicked_cb (GtkButton           *button,
                     CoproPartnerChooser *self)
{
  finish (self, NULL);
}

static void
on_cancel_clicked_cb (GtkButton           *button,
                      CoproPartnerChooser *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
copro_partner_chooser_dispose (GObject *object)
{
  CoproPartnerChooser *self = COPRO_PARTNER_CHOOSER (object);

  g_clear_object (&self->partners);
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (copro_partner_chooser_parent_class)->dispose (object);
}

static void
copro_partner_chooser_finalize (GObject *object)
{
  CoproPartnerChooser *self = COPRO_PARTNER_CHOOSER (object);

  g_free (self->selected_id);

  G_OBJECT_CLASS (copro_partner_chooser_parent_class)->finalize (object);
}

static void
copro_partner_chooser_class_init (CoproPartnerChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_partner_chooser_dispose;
  object_class->finalize = copro_partner_chooser_finalize;

  /**
   * CoproPartnerChooser::chosen:
   * @id: (nullable): the chosen partner's id, or NULL for none
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
copro_partner_chooser_init (CoproPartnerChooser *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_label (_("Cancel"));
  GtkWidget *clear = gtk_button_new_with_label (_("No Partner"));
  GtkWidget *scrolled = copro_scrolled_window_new_named (_("Partners"));
  GtkWidget *empty = adw_status_page_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *search_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_title (GTK_WINDOW (self), _("Choose a Partner"));
  gtk_window_set_default_size (GTK_WINDOW (self), 420, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), FALSE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), clear);
  gtk_widget_set_tooltip_text (clear, _("Leave this without a partner"));
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  g_signal_connect (clear, "clicked", G_CALLBACK (on_clear_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), header);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry,
                "placeholder-text", _("Name, organisation or role"),
                NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the partners"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Type part of a name, an organisation or a role, then press Enter to choose the first match"),
                                  -1);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (on_stop_search_cb), self);
  gtk_widget_set_margin_top (search_box, 12);
  gtk_widget_set_margin_bottom (search_box, 6);
  gtk_widget_set_margin_start (search_box, 12);
  gtk_widget_set_margin_end (search_box, 12);
  gtk_box_append (GTK_BOX (search_box), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (box), search_box);

  self->filter = gtk_string_filter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                     G_CALLBACK (partner_search_text),
                                                                     NULL, NULL));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Partners"),
                                  -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_list_view_activate_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "system-search-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Partners Found"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Nobody in the register matches the search. Partners are added on the Partners page."));
  copro_name_scrolled_window (empty, _("No Partners Found"));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_window_set_content (ADW_WINDOW (self), box);
}

/* Public API */

CoproPartnerChooser *
copro_partner_chooser_new (GtkWindow  *parent,
                           CoproList  *partners,
                           const char *selected_id)
{
  CoproPartnerChooser *self;
  GtkSelectionModel *selection;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (COPRO_IS_LIST (partners), NULL);

  self = g_object_new (COPRO_TYPE_PARTNER_CHOOSER,
                       "transient-for", parent,
                       NULL);
  self->partners = g_object_ref (partners);
  self->selected_id = g_strdup (selected_id);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (partners)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  /* A big register is searched in slices, so typing stays smooth. */
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_stack), self);
  g_signal_connect_swapped (self->filtered, "notify::pending", G_CALLBACK (update_stack), self);
  g_object_unref (self->filter);  /* the filter list model holds it now */

  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  if (selected_id != NULL)
    {
      CoproRecord *current = copro_list_find_by_id (partners, selected_id);
      guint position;

      if (current != NULL && copro_list_find (partners, current, &position))
        gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), position);
    }
  gtk_list_view_set_model (self->list_view, selection);
  g_object_unref (selection);
  update_stack (self);

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
  return self;
}

void
copro_partner_chooser_set_search (CoproPartnerChooser *self,
                                  const char          *text)
{
  g_return_if_fail (COPRO_IS_PARTNER_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Not waiting for the entry's delay: the caller asked for this search. */
  gtk_string_filter_set_search (self->filter, text);
}

CoproRecord *
copro_partner_chooser_get_shown (CoproPartnerChooser *self,
                                 guint                position)
{
  CoproRecord *partner;

  g_return_val_if_fail (COPRO_IS_PARTNER_CHOOSER (self), NULL);

  partner = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (partner != NULL)
    g_object_unref (partner);  /* the register keeps it */
  return partner;
}

gboolean
copro_partner_chooser_is_searching (CoproPartnerChooser *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_CHOOSER (self), FALSE);

  return gtk_filter_list_model_get_pending (self->filtered) > 0;
}

guint
copro_partner_chooser_get_n_shown (CoproPartnerChooser *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_CHOOSER (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

void
copro_partner_chooser_choose (CoproPartnerChooser *self,
                              guint                position)
{
  g_autoptr(CoproRecord) partner = NULL;

  g_return_if_fail (COPRO_IS_PARTNER_CHOOSER (self));

  partner = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (partner != NULL)
    finish (self, copro_record_get_id (partner));
}
