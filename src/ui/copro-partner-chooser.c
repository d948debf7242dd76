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
  GtkCustomFilter     *field_filter;
  GtkFilterListModel  *filtered;
  gboolean             done;

  /* The drop-downs' choices: a key of each enumeration, or NULL for any. */
  char                *sector;
  char                *level;
  char                *status;

  /* Picking several: the ids ticked and those not offered (id → itself). */
  gboolean             multiple;
  char                *action_label;
  GHashTable          *picked;
  GHashTable          *excluded;
  GHashTable          *checks;   /* partner → its row's check box, while bound */

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkListView         *list_view;
  GtkStack            *stack;
  GtkWidget           *empty_page;
  GtkWidget           *pick_button;
  GtkWidget           *clear_button;
  GtkWidget           *filter_box;
};

G_DEFINE_FINAL_TYPE (CoproPartnerChooser, copro_partner_chooser, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_PARTNERS,
  PROP_SELECTED_ID,
  PROP_MULTIPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHOSEN,
  PICKED,
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

/* The drop-downs and what is not offered, after the search. */
static gboolean
field_filter_match (gpointer item,
                    gpointer user_data)
{
  CoproPartnerChooser *self = user_data;
  CoproRecord *partner = item;

  if (self->sector != NULL && g_strcmp0 (copro_record_get_string (partner, "sector"), self->sector) != 0)
    return FALSE;
  if (self->level != NULL && g_strcmp0 (copro_record_get_string (partner, "level"), self->level) != 0)
    return FALSE;
  if (self->status != NULL && g_strcmp0 (copro_record_get_string (partner, "status"), self->status) != 0)
    return FALSE;
  if (self->excluded != NULL && copro_record_get_id (partner) != NULL &&
      g_hash_table_contains (self->excluded, copro_record_get_id (partner)))
    return FALSE;
  return TRUE;
}

static void
update_pick_button (CoproPartnerChooser *self)
{
  guint n = g_hash_table_size (self->picked);
  g_autofree char *label = NULL;

  gtk_widget_set_sensitive (self->pick_button, n > 0);
  if (n > 0)
    /* TRANSLATORS: the button that adds the partners ticked, e.g. "Add 3"; %s is what it does */
    label = g_strdup_printf (_("%s (%u)"), self->action_label, n);
  gtk_button_set_label (GTK_BUTTON (self->pick_button), label != NULL ? label : self->action_label);
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
set_picked (CoproPartnerChooser *self,
            CoproRecord         *partner,
            gboolean             picked)
{
  const char *id = copro_record_get_id (partner);

  if (id == NULL)
    return;
  if (picked)
    g_hash_table_add (self->picked, g_strdup (id));
  else
    g_hash_table_remove (self->picked, id);
  update_pick_button (self);
}

static void
on_check_toggled_cb (GtkCheckButton      *check,
                     CoproPartnerChooser *self)
{
  CoproRecord *partner = g_object_get_data (G_OBJECT (check), "copro-partner");

  if (partner != NULL)
    set_picked (self, partner, gtk_check_button_get_active (check));
}

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

  GtkWidget *row = g_object_new (GTK_TYPE_BOX, "spacing", 12, NULL);
  GtkWidget *check = g_object_new (GTK_TYPE_CHECK_BUTTON,
                                   "visible", self->multiple,
                                   "focusable", FALSE,
                                   "valign", GTK_ALIGN_CENTER,
                                   NULL);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (row), check);
  gtk_box_append (GTK_BOX (row), box);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);
  gtk_list_item_set_child (item, row);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CoproPartnerChooser      *self)
{
  CoproRecord *partner = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (row);
  GtkWidget *box = gtk_widget_get_next_sibling (check);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  g_autofree char *text = partner_detail (partner);

  gtk_label_set_text (GTK_LABEL (title), copro_partner_get_title (partner));
  gtk_label_set_text (GTK_LABEL (detail), text);
  gtk_widget_set_visible (detail, *text != '\0');
  /* Set before the partner, so that binding does not tick anything. */
  g_object_set_data (G_OBJECT (check), "copro-partner", NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               copro_record_get_id (partner) != NULL &&
                               g_hash_table_contains (self->picked, copro_record_get_id (partner)));
  g_object_set_data (G_OBJECT (check), "copro-partner", partner);
  g_hash_table_insert (self->checks, partner, check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copro_partner_get_title (partner),
                                  -1);
  /* Name the row GTK puts around ours, which is what takes the focus. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copro_partner_get_title (partner),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CoproPartnerChooser      *self)
{
  CoproRecord *partner = gtk_list_item_get_item (item);
  GtkWidget *check = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  g_object_set_data (G_OBJECT (check), "copro-partner", NULL);
  if (partner != NULL && g_hash_table_lookup (self->checks, partner) == check)
    g_hash_table_remove (self->checks, partner);
}

static void
on_list_view_activate_cb (GtkListView         *list_view,
                          guint                position,
                          CoproPartnerChooser *self)
{
  if (self->multiple)
    copro_partner_chooser_toggle (self, position);
  else
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
    {
      if (self->multiple)
        copro_partner_chooser_toggle (self, 0);
      else
        copro_partner_chooser_choose (self, 0);
    }
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
on_pick_clicked_cb (CoproPartnerChooser *self)
{
  copro_partner_chooser_pick (self);
}

static void
on_cancel_clicked_cb (CoproPartnerChooser *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
on_filter_selected_cb (GtkDropDown         *drop_down,
                       GParamSpec          *pspec,
                       CoproPartnerChooser *self)
{
  const CoproEnum *enumeration = g_object_get_data (G_OBJECT (drop_down), "copro-enum");
  const char *key = g_object_get_data (G_OBJECT (drop_down), "copro-key");
  guint selected = gtk_drop_down_get_selected (drop_down);

  copro_partner_chooser_set_filter (self, key,
                                    selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                    ? NULL : enumeration->values[selected - 1].key);
}

/* A drop-down over @enumeration's labels, "Any …" first. */
static void
add_filter_drop_down (CoproPartnerChooser *self,
                      const char          *key,
                      const CoproEnum     *enumeration,
                      const char          *any,
                      const char          *name)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  gtk_string_list_append (choices, any);
  for (guint i = 0; enumeration->values[i].key != NULL; i++)
    gtk_string_list_append (choices, copro_enum_label (enumeration, enumeration->values[i].key));
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&choices)), NULL);
  gtk_widget_set_hexpand (drop_down, TRUE);
  g_object_set_data (G_OBJECT (drop_down), "copro-enum", (gpointer) enumeration);
  g_object_set_data (G_OBJECT (drop_down), "copro-key", (gpointer) key);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (drop_down, name);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_filter_selected_cb), self, 0);
  gtk_box_append (GTK_BOX (self->filter_box), drop_down);
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
  {
    GtkEveryFilter *every = gtk_every_filter_new ();

    self->field_filter = gtk_custom_filter_new (field_filter_match, self, NULL);
    gtk_multi_filter_append (GTK_MULTI_FILTER (every), GTK_FILTER (self->filter));  /* it holds them now */
    gtk_multi_filter_append (GTK_MULTI_FILTER (every), GTK_FILTER (self->field_filter));
    self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->partners)),
                                                GTK_FILTER (every));
  }
  add_filter_drop_down (self, "sector", &copro_enum_sector, _("Any sector"), _("Sector"));
  add_filter_drop_down (self, "level", &copro_enum_level, _("Any level"), _("Intended level"));
  add_filter_drop_down (self, "status", &copro_enum_partner_status, _("Any status"), _("Status"));
  if (self->multiple)
    {
      gtk_widget_set_visible (self->pick_button, TRUE);
      gtk_widget_set_visible (self->clear_button, FALSE);
      adw_dialog_set_title (ADW_DIALOG (self), _("Choose Partners"));
      update_pick_button (self);
    }
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
  g_clear_pointer (&self->picked, g_hash_table_unref);
  g_clear_pointer (&self->excluded, g_hash_table_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);

  G_OBJECT_CLASS (copro_partner_chooser_parent_class)->dispose (object);
}

static void
copro_partner_chooser_finalize (GObject *object)
{
  CoproPartnerChooser *self = COPRO_PARTNER_CHOOSER (object);

  g_free (self->selected_id);
  g_free (self->sector);
  g_free (self->level);
  g_free (self->status);
  g_free (self->action_label);

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
    case PROP_MULTIPLE:
      g_value_set_boolean (value, self->multiple);
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
    case PROP_MULTIPLE:
      self->multiple = g_value_get_boolean (value);
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
  /* Whether several partners are ticked and added at once. */
  properties[PROP_MULTIPLE] =
    g_param_spec_boolean ("multiple", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CoproPartnerChooser::chosen:
   * @id: (nullable): the chosen partner's id, or NULL for none
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CoproPartnerChooser::picked:
   * @ids: the ids of the partners ticked, in the register's order
   */
  signals[PICKED] =
    g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-partner-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerChooser, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerChooser, pick_button);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerChooser, clear_button);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerChooser, filter_box);
  gtk_widget_class_bind_template_callback (widget_class, on_pick_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_cb);
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
  self->picked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->checks = g_hash_table_new (NULL, NULL);
  self->action_label = g_strdup (_("Add"));
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

CoproPartnerChooser *
copro_partner_chooser_new_multiple (CoproList          *partners,
                                    const char         *action_label,
                                    const char * const *exclude_ids)
{
  CoproPartnerChooser *self;

  g_return_val_if_fail (COPRO_IS_LIST (partners), NULL);

  self = g_object_new (COPRO_TYPE_PARTNER_CHOOSER,
                       "partners", partners,
                       "multiple", TRUE,
                       NULL);
  if (action_label != NULL)
    {
      g_free (self->action_label);
      self->action_label = g_strdup (action_label);
      update_pick_button (self);
    }
  if (exclude_ids != NULL && exclude_ids[0] != NULL)
    {
      self->excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; exclude_ids[i] != NULL; i++)
        g_hash_table_add (self->excluded, g_strdup (exclude_ids[i]));
      gtk_filter_changed (GTK_FILTER (self->field_filter), GTK_FILTER_CHANGE_MORE_STRICT);
    }
  return self;
}

void
copro_partner_chooser_set_filter (CoproPartnerChooser *self,
                                  const char          *key,
                                  const char          *value)
{
  char **slot;

  g_return_if_fail (COPRO_IS_PARTNER_CHOOSER (self));

  if (g_strcmp0 (key, "sector") == 0)
    slot = &self->sector;
  else if (g_strcmp0 (key, "level") == 0)
    slot = &self->level;
  else if (g_strcmp0 (key, "status") == 0)
    slot = &self->status;
  else
    g_return_if_reached ();
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  gtk_filter_changed (GTK_FILTER (self->field_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
copro_partner_chooser_toggle (CoproPartnerChooser *self,
                              guint                position)
{
  g_autoptr(CoproRecord) partner = NULL;
  GtkCheckButton *check;
  const char *id;

  g_return_if_fail (COPRO_IS_PARTNER_CHOOSER (self));
  g_return_if_fail (self->multiple);

  partner = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (partner == NULL || (id = copro_record_get_id (partner)) == NULL)
    return;
  check = g_hash_table_lookup (self->checks, partner);
  if (check != NULL)
    /* Its "toggled" records the change. */
    gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
  else
    set_picked (self, partner, !g_hash_table_contains (self->picked, id));
}

guint
copro_partner_chooser_get_n_picked (CoproPartnerChooser *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_CHOOSER (self), 0);

  return g_hash_table_size (self->picked);
}

void
copro_partner_chooser_pick (CoproPartnerChooser *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  guint n;

  g_return_if_fail (COPRO_IS_PARTNER_CHOOSER (self));

  if (self->done || g_hash_table_size (self->picked) == 0)
    return;
  n = copro_list_get_n_items (self->partners);
  for (guint i = 0; i < n; i++)
    {
      const char *id = copro_record_get_id (copro_list_get (self->partners, i));

      if (id != NULL && g_hash_table_contains (self->picked, id))
        g_strv_builder_add (builder, id);
    }
  ids = g_strv_builder_end (builder);
  self->done = TRUE;
  g_signal_emit (self, signals[PICKED], 0, ids);
  adw_dialog_force_close (ADW_DIALOG (self));
}
