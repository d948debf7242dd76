/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Choosing a partner from the register: a search entry over a list view. */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-model.h"
#include "copro-partner.h"
#include "copro-panel.h"
#include "copro-partner-chooser.h"

struct _CoproPartnerChooser
{
  AdwDialog            parent_instance;

  CoproList           *partners;
  char                *selected_id;
  GtkStringFilter     *filter;
  GtkFilterListModel  *filtered;
  gboolean             done;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkListView         *list_view;
  GtkStack            *stack;
  GtkWidget           *empty_page;
};

G_DEFINE_FINAL_TYPE (CoproPartnerChooser, copro_partner_chooser, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_PARTNERS,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
  adw_dialog_force_close (ADW_DIALOG (self));
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
             CoproPartnerChooser      *self)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 3,
                                 "margin-top", 9,
                                 "margin-bottom", 9,
                                 "margin-start", 6,
                                 "margin-end", 6,
                                 NULL);
  GtkWidget *title = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "ellipsize", PANGO_ELLIPSIZE_END,
                                   NULL);
  GtkWidget *detail = g_object_new (GTK_TYPE_LABEL,
                                    "xalign", 0.0f,
                                    "ellipsize", PANGO_ELLIPSIZE_END,
                                    "css-classes", (const char *[]) { "dimmed", "caption", NULL },
                                    NULL);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CoproPartnerChooser      *self)
{
  CoproRecord *partner = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  g_autofree char *text = partner_detail (partner);

  gtk_label_set_text (GTK_LABEL (title), copro_partner_get_title (partner));
  gtk_label_set_text (GTK_LABEL (detail), text);
  gtk_widget_set_visible (detail, *text != '\0');
  /* Name the row GTK puts around ours, which is what takes the focus. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copro_partner_get_title (partner),
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

/* The search entry takes Esc for itself (its stop-search binding): it
 * closes the dialogue as Esc anywhere else in it does. */
static void
on_stop_search_cb (CoproPartnerChooser *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
on_clear_clicked_cb (CoproPartnerChooser *self)
{
  finish (self, NULL);
}

static void
on_cancel_clicked_cb (CoproPartnerChooser *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

/* GObject */

static void
copro_partner_chooser_constructed (GObject *object)
{
  CoproPartnerChooser *self = COPRO_PARTNER_CHOOSER (object);
  g_autoptr(GtkSingleSelection) selection = NULL;

  G_OBJECT_CLASS (copro_partner_chooser_parent_class)->constructed (object);

  g_assert (COPRO_IS_LIST (self->partners));

  self->filter = gtk_string_filter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                     G_CALLBACK (partner_search_text),
                                                                     NULL, NULL));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->partners)),
                                              GTK_FILTER (self->filter));  /* it holds the filter now */
  /* A big register is searched in slices, so typing stays smooth. */
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "notify::pending", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  if (self->selected_id != NULL)
    {
      CoproRecord *current = copro_list_find_by_id (self->partners, self->selected_id);
      guint position;

      if (current != NULL && copro_list_find (self->partners, current, &position))
        gtk_single_selection_set_selected (selection, position);
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_stack (self);
}

static void
copro_partner_chooser_dispose (GObject *object)
{
  CoproPartnerChooser *self = COPRO_PARTNER_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_PARTNER_CHOOSER);
  g_clear_object (&self->filtered);
  g_clear_object (&self->partners);

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
copro_partner_chooser_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CoproPartnerChooser *self = COPRO_PARTNER_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_PARTNERS:
      g_value_set_object (value, self->partners);
      break;
    case PROP_SELECTED_ID:
      g_value_set_string (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partner_chooser_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CoproPartnerChooser *self = COPRO_PARTNER_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_PARTNERS:
      self->partners = g_value_dup_object (value);
      break;
    case PROP_SELECTED_ID:
      self->selected_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partner_chooser_class_init (CoproPartnerChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = copro_partner_chooser_constructed;
  object_class->dispose = copro_partner_chooser_dispose;
  object_class->finalize = copro_partner_chooser_finalize;
  object_class->get_property = copro_partner_chooser_get_property;
  object_class->set_property = copro_partner_chooser_set_property;

  /* The register to choose from. */
  properties[PROP_PARTNERS] =
    g_param_spec_object ("partners", NULL, NULL, COPRO_TYPE_LIST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The id of the partner chosen so far, selected in the list; or NULL. */
  properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CoproPartnerChooser::chosen:
   * @id: (nullable): the chosen partner's id, or NULL for none
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-partner-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerChooser, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
}

static void
copro_partner_chooser_init (CoproPartnerChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The status page scrolls: named so a screen reader says what it is. */
  copro_name_scrolled_window (self->empty_page, _("No Partners Found"));
}

/* Public API */

CoproPartnerChooser *
copro_partner_chooser_new (CoproList  *partners,
                           const char *selected_id)
{
  g_return_val_if_fail (COPRO_IS_LIST (partners), NULL);

  return g_object_new (COPRO_TYPE_PARTNER_CHOOSER,
                       "partners", partners,
                       "selected-id", selected_id,
                       NULL);
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
