/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The partner register: its rows (CoproRegisterView) over the partners
 * (sorted, then searched and filtered, then selected), its search bar and
 * filters, the count, and the map of the same partners in its place.
 *
 * The models are partners → CoproSortedPartners (search, filters and sort
 * in one pass, one items-changed a change, see copro-sorted-partners.c) →
 * GtkMultiSelection. The view makes rows only for the partners in sight
 * and a row keeps its partner while it stays in sight: an edit to a
 * partner updates the row showing it, and the model moves its row only if
 * its place changed.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-cell-text.h"
#include "copro-history.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner-cell.h"
#include "copro-partner-chooser.h"
#include "copro-partner-register.h"
#include "copro-register-view.h"
#include "copro-sorted-partners.h"

static const CoproRegisterColumn columns[] = {
  { "name",         N_("Name"),         200, TRUE },
  { "organisation", N_("Organisation"), 180, TRUE },
  { "sector",       N_("Sector"),       160, FALSE },
  { "level",        N_("Level"),        110, FALSE },
  { "status",       N_("Status"),       110, FALSE },
  { "influence",    N_("Influence"),    90, FALSE },
  { "interest",     N_("Interest"),     90, FALSE },
  { "consent_date", N_("Consent date"), 120, FALSE },
  { "last_contact", N_("Last contact"), 120, FALSE },
};
#define N_COLUMNS G_N_ELEMENTS (columns)

/* The drop-down filters, in the order they are shown. */
typedef struct
{
  const char      *key;
  const char      *any;    /* N_() */
  const char      *name;   /* N_(), the accessible name */
  const CoproEnum *enumeration;
} Filter;

static const Filter filters[] = {
  { "sector", N_("Any sector"), N_("Filter by sector"), &copro_enum_sector },
  { "level",  N_("Any level"),  N_("Filter by intended level"), &copro_enum_level },
  { "status", N_("Any status"), N_("Filter by status"), &copro_enum_partner_status },
};
#define N_FILTERS G_N_ELEMENTS (filters)

struct _CoproPartnerRegister
{
  CoproPartnersSection  parent_instance;

  /* Template widgets */
  GtkSearchBar         *search_bar;
  GtkWidget            *search_box;
  GtkSearchEntry       *search_entry;
  GtkFlowBox           *filters_box;
  AdwBanner            *only_banner;
  GtkLabel             *count_label;
  AdwViewStack         *view_stack;
  CoproRegisterView    *rows;
  AdwBin               *map_bin;
  CoproPartnerMapPage  *map_page;      /* in map_bin once made */

  GtkDropDown          *drop_downs[N_FILTERS];

  CoproList            *partners;
  CoproSortedPartners  *sorted;
  GtkMultiSelection    *selection;
  GSignalGroup         *project_signals;
  GSignalGroup         *partners_signals;
  /* The history whose batch of changes the rows wait for (weak). */
  CoproHistory         *history;
  gboolean              cells_stale;
};

G_DEFINE_FINAL_TYPE (CoproPartnerRegister, copro_partner_register, COPRO_TYPE_PARTNERS_SECTION)

enum
{
  PROP_0,
  PROP_MODEL,
  PROP_SELECTION,
  PROP_SEARCH_MODE,
  PROP_VIEW,
  PROP_VIEW_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sorting */

static void
sort (CoproPartnerRegister *self)
{
  int column = copro_register_view_get_sort_column (self->rows);

  if (self->sorted == NULL)
    return;
  if (column < 0)
    copro_sorted_partners_sort (self->sorted, NULL, FALSE);
  else
    copro_sorted_partners_sort (self->sorted, columns[column].key, copro_register_view_get_sort_descending (self->rows));
}

static void
on_sort_changed_cb (CoproPartnerRegister *self)
{
  sort (self);
}

/* A partner changed: the cells showing it show it again (their rows stay
 * bound; the model moves the row if its place changed). */
static void
on_batch_finished_cb (CoproHistory         *history,
                      CoproPartnerRegister *self)
{
  if (!self->cells_stale)
    return;
  self->cells_stale = FALSE;
  copro_register_view_update (self->rows, NULL);
}

static void
on_project_changed_cb (CoproRecord          *project,
                       CoproRecord          *source,
                       const char           *key,
                       CoproPartnerRegister *self)
{
  CoproHistory *history;

  if (source == project || copro_record_get_desc (source) != &copro_desc_partner)
    return;
  /* Many partners changing at once (Set Field, an undo): every cell shown
   * is shown again once, when the history is done, not each cell looked
   * through for each partner. */
  history = copro_history_get_for_record (project);
  if (history != NULL && copro_history_in_batch (history))
    {
      if (self->history != history)
        {
          if (self->history != NULL)
            g_signal_handlers_disconnect_by_func (self->history, on_batch_finished_cb, self);
          g_set_weak_pointer (&self->history, history);
          g_signal_connect_object (history, "batch-finished", G_CALLBACK (on_batch_finished_cb), self, 0);
        }
      self->cells_stale = TRUE;
      return;
    }
  copro_register_view_update (self->rows, source);
}

static void update_count (CoproPartnerRegister *self);

static void
on_partners_changed_cb (CoproPartnerRegister *self)
{
  update_count (self);
}

/* Helpers */

static gboolean
find_shown (CoproPartnerRegister *self,
            CoproRecord          *partner,
            guint                *position)
{
  return self->sorted != NULL && copro_sorted_partners_find (self->sorted, partner, position);
}

static void
update_count (CoproPartnerRegister *self)
{
  guint total = self->partners != NULL ? copro_list_get_n_items (self->partners) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  g_autofree char *text = NULL;

  /* Counts with the locale's thousands separators ("21,000"), as the
   * checks' findings write them. */
  if (self->sorted != NULL && copro_sorted_partners_is_filtered (self->sorted))
    /* TRANSLATORS: how many partners the search and filters show, of all;
     * %'u is a number written with thousands separators */
    text = g_strdup_printf (ngettext ("%'u of %'u partner shown", "%'u of %'u partners shown", total), shown, total);
  else
    /* TRANSLATORS: how many partners the project has; %'u is a number
     * written with thousands separators */
    text = g_strdup_printf (ngettext ("%'u partner", "%'u partners", total), total);
  gtk_label_set_text (self->count_label, text);
}

/* Filters */

static void
on_drop_down_selected_cb (GtkDropDown          *drop_down,
                          GParamSpec           *pspec,
                          CoproPartnerRegister *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  for (guint i = 0; i < N_FILTERS; i++)
    if (self->drop_downs[i] == drop_down)
      {
        const char *value = NULL;

        if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
          value = filters[i].enumeration->values[selected - 1].key;
        if (self->sorted != NULL)
          copro_sorted_partners_set_field (self->sorted, filters[i].key, value);
      }
}

static void
on_filter_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "ellipsize", PANGO_ELLIPSIZE_END,
                                   "width-chars", 6,
                                   "max-width-chars", 16,
                                   NULL);

  gtk_list_item_set_child (item, label);
}

static void
on_filter_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkListItemFactory *
filter_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_filter_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_filter_bind_cb), NULL);
  return factory;
}

/* The drop-downs are made from the model's enumerations, when the search
 * bar first opens: each GtkDropDown makes its popover and list at once,
 * which is most of what the register costs to build but its rows. */
static void
ensure_drop_downs (CoproPartnerRegister *self)
{
  if (self->drop_downs[0] != NULL)
    return;
  for (guint i = 0; i < N_FILTERS; i++)
    {
      const Filter *filter = &filters[i];
      g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
      g_autoptr(GtkListItemFactory) factory = filter_factory_new ();
      g_autoptr(GtkListItemFactory) list_factory = filter_factory_new ();
      GtkWidget *drop_down;

      gtk_string_list_append (strings, _(filter->any));
      for (guint k = 0; filter->enumeration->values[k].key != NULL; k++)
        gtk_string_list_append (strings, copro_enum_label (filter->enumeration, filter->enumeration->values[k].key));
      /* The button ellipsises long choices; the list shows them whole. */
      drop_down = g_object_new (GTK_TYPE_DROP_DOWN,
                                "model", strings,
                                "factory", factory,
                                "list-factory", list_factory,
                                "tooltip-text", _(filter->name),
                                NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(filter->name),
                                      -1);
      g_signal_connect (drop_down, "notify::selected", G_CALLBACK (on_drop_down_selected_cb), self);
      gtk_flow_box_append (self->filters_box, drop_down);
      /* The flow box's children are not controls of their own. */
      gtk_widget_set_focusable (gtk_widget_get_parent (drop_down), FALSE);
      self->drop_downs[i] = GTK_DROP_DOWN (drop_down);
    }
}

/* Callbacks */

static void
on_search_changed_cb (GtkSearchEntry       *entry,
                      CoproPartnerRegister *self)
{
  if (self->sorted != NULL)
    copro_sorted_partners_set_search (self->sorted, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_show_all_cb (CoproPartnerRegister *self)
{
  copro_partner_register_show_only (self, NULL);
}

static void
on_search_mode_cb (CoproPartnerRegister *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    ensure_drop_downs (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
on_row_activated_cb (CoproRegisterView    *view,
                     guint                 position,
                     CoproPartnerRegister *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "partners.show-details", NULL);
}

/* The map, made when first wanted: the section opens on the register, and
 * making and styling the map's page with it cost 3 M instructions of the
 * ~100 M an opening took (callgrind, bench/copro-bench-register). */
static CoproPartnerMapPage *
ensure_map_page (CoproPartnerRegister *self)
{
  if (self->map_page == NULL)
    {
      self->map_page = g_object_new (COPRO_TYPE_PARTNER_MAP_PAGE, NULL);
      g_object_bind_property (self, "project", self->map_page, "project", G_BINDING_SYNC_CREATE);
      g_object_bind_property (self, "editable", self->map_page, "editable", G_BINDING_SYNC_CREATE);
      adw_bin_set_child (self->map_bin, GTK_WIDGET (self->map_page));
    }
  return self->map_page;
}

/* The map follows the register's filters only while it shows: laying out
 * 100,000 dots after each keystroke of a search would slow the register. */
static void
on_view_changed_cb (CoproPartnerRegister *self)
{
  gboolean map = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "map") == 0;

  if (map)
    ensure_map_page (self);
  if (self->map_page != NULL)
    g_object_set (self->map_page, "model", map ? G_LIST_MODEL (self->selection) : NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
copro_partner_register_project_set (CoproPartnersSection *section,
                                    CoproRecord          *project)
{
  CoproPartnerRegister *self = COPRO_PARTNER_REGISTER (section);

  g_signal_group_set_target (self->project_signals, project);
  g_clear_object (&self->partners);
  if (project != NULL)
    self->partners = g_object_ref (copro_record_get_list (project, "partners"));
  g_signal_group_set_target (self->partners_signals, self->partners);
  g_clear_object (&self->sorted);
  /* The partners of a check are another project's. */
  adw_banner_set_revealed (self->only_banner, FALSE);
  if (self->partners != NULL)
    {
      /* The search, the filters and the sort carry over to the new rows. */
      self->sorted = copro_sorted_partners_new (self->partners);
      copro_sorted_partners_prepare_search (self->sorted);
      copro_sorted_partners_set_search (self->sorted, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      for (guint i = 0; i < N_FILTERS && self->drop_downs[i] != NULL; i++)
        {
          guint selected = gtk_drop_down_get_selected (self->drop_downs[i]);

          if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
            copro_sorted_partners_set_field (self->sorted, filters[i].key,
                                             filters[i].enumeration->values[selected - 1].key);
        }
      sort (self);
    }
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->sorted));
  update_count (self);
}

static void
copro_partner_register_dispose (GObject *object)
{
  CoproPartnerRegister *self = COPRO_PARTNER_REGISTER (object);

  /* Let go of the project while the widgets are there to be told. */
  copro_partners_section_set_project (COPRO_PARTNERS_SECTION (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_PARTNER_REGISTER);
  /* And what the template has no name for. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (copro_partner_register_parent_class)->dispose (object);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_batch_finished_cb, self);
  g_clear_weak_pointer (&self->history);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->partners_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->partners);
}

static void
copro_partner_register_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CoproPartnerRegister *self = COPRO_PARTNER_REGISTER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->selection);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, copro_partner_register_get_search_mode (self));
      break;
    case PROP_VIEW:
      g_value_set_string (value, copro_partner_register_get_view (self));
      break;
    case PROP_VIEW_STACK:
      g_value_set_object (value, self->view_stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partner_register_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CoproPartnerRegister *self = COPRO_PARTNER_REGISTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      copro_partner_register_set_search_mode (self, g_value_get_boolean (value));
      break;
    case PROP_VIEW:
      copro_partner_register_set_view (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partner_register_class_init (CoproPartnerRegisterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CoproPartnersSectionClass *section_class = COPRO_PARTNERS_SECTION_CLASS (klass);

  object_class->dispose = copro_partner_register_dispose;
  object_class->get_property = copro_partner_register_get_property;
  object_class->set_property = copro_partner_register_set_property;
  section_class->project_set = copro_partner_register_project_set;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, GTK_TYPE_SELECTION_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "register",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW_STACK] =
    g_param_spec_object ("view-stack", NULL, NULL, ADW_TYPE_VIEW_STACK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COPRO_TYPE_REGISTER_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-partner-register.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerRegister, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerRegister, search_box);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerRegister, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerRegister, filters_box);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerRegister, only_banner);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerRegister, count_label);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerRegister, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerRegister, rows);
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerRegister, map_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed_cb);
}

static void
copro_partner_register_init (CoproPartnerRegister *self)
{
  self->selection = gtk_multi_selection_new (NULL);

  self->project_signals = g_signal_group_new (COPRO_TYPE_RECORD);
  g_signal_group_connect (self->project_signals, "changed", G_CALLBACK (on_project_changed_cb), self);
  self->partners_signals = g_signal_group_new (COPRO_TYPE_LIST);
  g_signal_group_connect_swapped (self->partners_signals, "items-changed", G_CALLBACK (on_partners_changed_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));

  copro_register_view_set_columns (self->rows, columns, N_COLUMNS);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  copro_register_view_set_model (self->rows, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  on_view_changed_cb (self);
  update_count (self);
}

/* Public API */

GListModel *
copro_partner_register_get_model (CoproPartnerRegister *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_REGISTER (self), NULL);

  return G_LIST_MODEL (self->selection);
}

GtkSelectionModel *
copro_partner_register_get_selection (CoproPartnerRegister *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_REGISTER (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

CoproRegisterView *
copro_partner_register_get_rows (CoproPartnerRegister *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_REGISTER (self), NULL);

  return self->rows;
}

AdwViewStack *
copro_partner_register_get_view_stack (CoproPartnerRegister *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_REGISTER (self), NULL);

  return self->view_stack;
}

CoproPartnerMapPage *
copro_partner_register_get_map_page (CoproPartnerRegister *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_REGISTER (self), NULL);

  return ensure_map_page (self);
}

const char *
copro_partner_register_get_view (CoproPartnerRegister *self)
{
  const char *name;

  g_return_val_if_fail (COPRO_IS_PARTNER_REGISTER (self), NULL);

  name = adw_view_stack_get_visible_child_name (self->view_stack);
  return name != NULL ? name : "register";
}

void
copro_partner_register_set_view (CoproPartnerRegister *self,
                                 const char           *view)
{
  g_return_if_fail (COPRO_IS_PARTNER_REGISTER (self));
  g_return_if_fail (g_strcmp0 (view, "register") == 0 || g_strcmp0 (view, "map") == 0);

  /* The stack notifies, and on_view_changed_cb() tells. */
  adw_view_stack_set_visible_child_name (self->view_stack, view);
}

gboolean
copro_partner_register_get_search_mode (CoproPartnerRegister *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_REGISTER (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
copro_partner_register_set_search_mode (CoproPartnerRegister *self,
                                        gboolean              search_mode)
{
  g_return_if_fail (COPRO_IS_PARTNER_REGISTER (self));

  /* Shown before the bar opens, which gives its entry the focus. */
  if (search_mode)
    gtk_widget_set_visible (self->search_box, TRUE);
  /* The bar notifies, and on_search_mode_cb() tells. */
  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
}

void
copro_partner_register_focus_search (CoproPartnerRegister *self)
{
  g_return_if_fail (COPRO_IS_PARTNER_REGISTER (self));

  copro_partner_register_set_search_mode (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
copro_partner_register_is_searching (CoproPartnerRegister *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_REGISTER (self), FALSE);

  /* The rows are made at once, whatever the size of the list. */
  return FALSE;
}

void
copro_partner_register_set_search (CoproPartnerRegister *self,
                                   const char           *text)
{
  g_return_if_fail (COPRO_IS_PARTNER_REGISTER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Not waiting for the entry's delay: the caller asked for this search. */
  if (self->sorted != NULL)
    copro_sorted_partners_set_search (self->sorted, text);
}

void
copro_partner_register_set_filter (CoproPartnerRegister *self,
                                   const char           *key,
                                   const char           *value)
{
  g_return_if_fail (COPRO_IS_PARTNER_REGISTER (self));

  for (guint i = 0; i < N_FILTERS; i++)
    if (g_str_equal (filters[i].key, key))
      {
        int index = value != NULL ? copro_enum_index (filters[i].enumeration, value) : -1;

        ensure_drop_downs (self);
        gtk_drop_down_set_selected (self->drop_downs[i], (guint) (index + 1));
        return;
      }
  g_return_if_reached ();
}

void
copro_partner_register_clear_search (CoproPartnerRegister *self)
{
  g_return_if_fail (COPRO_IS_PARTNER_REGISTER (self));

  copro_partner_register_set_search (self, "");
  for (guint i = 0; i < N_FILTERS && self->drop_downs[i] != NULL; i++)
    gtk_drop_down_set_selected (self->drop_downs[i], 0);
  copro_partner_register_show_only (self, NULL);
}

void
copro_partner_register_show_only (CoproPartnerRegister *self,
                                  GPtrArray            *partners)
{
  g_autofree char *title = NULL;

  g_return_if_fail (COPRO_IS_PARTNER_REGISTER (self));

  if (partners == NULL)
    {
      if (self->sorted != NULL)
        copro_sorted_partners_set_only (self->sorted, NULL, 0);
      adw_banner_set_revealed (self->only_banner, FALSE);
      update_count (self);
      return;
    }
  if (self->sorted == NULL)
    return;
  /* Exactly those partners: no search or filter hides some of them. */
  copro_partner_register_set_search (self, "");
  for (guint i = 0; i < N_FILTERS && self->drop_downs[i] != NULL; i++)
    gtk_drop_down_set_selected (self->drop_downs[i], 0);
  copro_sorted_partners_set_only (self->sorted, (CoproRecord **) partners->pdata, partners->len);
  /* TRANSLATORS: a banner above the register after choosing a finding of
   * the checks; %'u is how many partners the finding is about,
   * written with thousands separators */
  title = g_strdup_printf (ngettext ("Showing the %'u partner of a check",
                                     "Showing the %'u partners of a check", partners->len),
                           partners->len);
  adw_banner_set_title (self->only_banner, title);
  gtk_widget_set_visible (GTK_WIDGET (self->only_banner), TRUE);
  adw_banner_set_revealed (self->only_banner, TRUE);
  copro_partner_register_set_view (self, "register");
  update_count (self);
}

gboolean
copro_partner_register_get_showing_only (CoproPartnerRegister *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_REGISTER (self), FALSE);

  return self->sorted != NULL && copro_sorted_partners_has_only (self->sorted);
}

void
copro_partner_register_sort_by (CoproPartnerRegister *self,
                                const char           *key,
                                GtkSortType           direction)
{
  g_return_if_fail (COPRO_IS_PARTNER_REGISTER (self));

  if (key == NULL)
    {
      copro_register_view_set_sort (self->rows, -1, FALSE);
      return;
    }
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_str_equal (columns[i].key, key))
      {
        copro_register_view_set_sort (self->rows, (int) i, direction == GTK_SORT_DESCENDING);
        return;
      }
  g_return_if_reached ();
}

const char *
copro_partner_register_get_sort_key (CoproPartnerRegister *self)
{
  int column;

  g_return_val_if_fail (COPRO_IS_PARTNER_REGISTER (self), "");

  column = copro_register_view_get_sort_column (self->rows);
  return column >= 0 ? columns[column].key : "";
}

gboolean
copro_partner_register_get_sort_descending (CoproPartnerRegister *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_REGISTER (self), FALSE);

  return copro_register_view_get_sort_descending (self->rows);
}

GPtrArray *
copro_partner_register_get_selected (CoproPartnerRegister *self)
{
  g_autoptr(GtkBitset) bitset = NULL;
  GPtrArray *selected;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (COPRO_IS_PARTNER_REGISTER (self), NULL);

  bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  selected = g_ptr_array_new_with_free_func (g_object_unref);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, bitset, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (selected, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
  return selected;
}

void
copro_partner_register_select_shown (CoproPartnerRegister *self,
                                     guint                 position)
{
  g_return_if_fail (COPRO_IS_PARTNER_REGISTER (self));

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  copro_register_view_scroll_to (self->rows, position);
}

gboolean
copro_partner_register_select (CoproPartnerRegister *self,
                               CoproRecord          *partner)
{
  guint position;

  g_return_val_if_fail (COPRO_IS_PARTNER_REGISTER (self), FALSE);
  g_return_val_if_fail (COPRO_IS_RECORD (partner), FALSE);

  if (!find_shown (self, partner, &position))
    return FALSE;
  copro_partner_register_select_shown (self, position);
  return TRUE;
}
