/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The partner register: a column view over the partners (sorted, then
 * searched and filtered, then selected), the detail editor of the selected
 * partner, the recruitment checklist, the partner map and the privacy tools.
 *
 * The models are stacked partners → CoproSortedPartners → GtkFilterListModel
 * → GtkMultiSelection: sorting first means a search never sorts again, and a
 * change of sort refilters with a filter that is cheap (each partner's search
 * text is kept, see copro-partner-filter.c). The sort keys are kept too
 * (collation keys are expensive to make), dropped when the partner changes.
 * GTK 4.8's GtkSortListModel took several times as long at 100,000 partners:
 * it looks up the keys at each of 1.7 million comparisons (measured with
 * bench/copro-bench-register.c and perf).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "copro-cell-text.h"
#include "copro-csv-import-dialog.h"
#include "copro-history.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-panel.h"
#include "copro-partner-chooser.h"
#include "copro-partner-filter.h"
#include "copro-partner-map-view.h"
#include "copro-partners-panel.h"
#include "copro-record-form.h"
#include "copro-sorted-partners.h"

typedef enum
{
  COLUMN_TEXT,
  COLUMN_ENUM,
  COLUMN_INT,
  COLUMN_DATE,
} ColumnKind;

typedef struct
{
  const char      *key;
  const char      *title;  /* N_() */
  ColumnKind       kind;
  const CoproEnum *enumeration;
  int              width;   /* pixels: the cells do not measure their text */
} Column;

static const Column columns[] = {
  { "name",         N_("Name"),         COLUMN_TEXT, NULL, 200 },
  { "organisation", N_("Organisation"), COLUMN_TEXT, NULL, 180 },
  { "sector",       N_("Sector"),       COLUMN_ENUM, &copro_enum_sector, 160 },
  { "level",        N_("Level"),        COLUMN_ENUM, &copro_enum_level, 110 },
  { "status",       N_("Status"),       COLUMN_ENUM, &copro_enum_partner_status, 110 },
  { "influence",    N_("Influence"),    COLUMN_INT,  NULL, 90 },
  { "interest",     N_("Interest"),     COLUMN_INT,  NULL, 90 },
  { "consent_date", N_("Consent date"), COLUMN_DATE, NULL, 120 },
};
#define N_COLUMNS G_N_ELEMENTS (columns)
#define N_TEXT_COLUMNS 2

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

/* The editor's groups: every field of a partner, each once. */
typedef struct
{
  const char *title;        /* N_() */
  const char *keys[6];
} Group;

static const Group groups[] = {
  { N_("Who"), { "kind", "name", "organisation", "role", "sector", NULL } },
  { N_("How to Reach Them"), { "email", "phone", "contact_method", "language", NULL } },
  { N_("Mapping"), { "influence", "interest", "attitude", NULL } },
  { N_("Involvement"), { "level", "status", "notes", NULL } },
  { N_("Access Needs"), { "access_needs", "access_notes", NULL } },
  { N_("Remuneration"), { "remuneration_eligible", "remuneration_offer", "remuneration_basis",
                          "remuneration_rate", NULL } },
  { N_("Data Protection"), { "lawful_basis", "consent_date", "privacy_notice", "review_date", NULL } },
};

/* What privacy tools clear. */
static const char * const personal_keys[] = { "email", "phone", "notes" };

struct _CoproPartnersPanel
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  CoproDocument      *document;
  CoproRecord        *project;
  CoproList          *partners;
  gboolean            editable;

  CoproPartnerFilter *filter;
  CoproSortedPartners *sorted;
  int                 probe_column;
  GtkFilterListModel *filtered;
  GtkMultiSelection  *selection;

  GtkWidget          *count_label;
  GtkWidget          *search_button;
  GtkWidget          *search_bar;
  GtkWidget          *search_entry;
  GtkWidget          *drop_downs[N_FILTERS];
  GtkWidget          *checklist;
  GtkWidget          *leaflet;
  GtkWidget          *list_page;
  GtkWidget          *view_stack;
  GtkWidget          *column_view;
  GtkColumnViewColumn *view_columns[N_COLUMNS];
  GtkWidget          *map_view;
  GtkWidget          *editor_page;
  GtkWidget          *editor_title;
  GtkWidget          *back_button;
  GtkWidget          *editor_stack;
  GtkWidget          *editor_status;
  GtkWidget          *editor;
  CoproRecord        *editing;
  GtkFileChooserNative *map_chooser;
  GWeakRef            last_toast;
  /* Partner (a reference) → SortKeys. A hash table rather than object data:
   * a sort looks keys up millions of times, and object data takes a lock. */
  GHashTable         *sort_keys;
  struct SortColumn {
    CoproPartnersPanel *self;
    guint               index;
  }                   sort_columns[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (CoproPartnersPanel, copro_partners_panel, GTK_TYPE_WIDGET)

/* Sort keys */

typedef struct
{
  char *text[N_TEXT_COLUMNS];  /* collation keys, made when first needed */
  int   value[N_COLUMNS];      /* the other columns: unset sorts first */
} SortKeys;

static void
sort_keys_free (gpointer data)
{
  SortKeys *keys = data;

  for (guint i = 0; i < N_TEXT_COLUMNS; i++)
    g_free (keys->text[i]);
  g_free (keys);
}

static SortKeys *
get_sort_keys (CoproPartnersPanel *self,
               CoproRecord        *partner)
{
  SortKeys *keys = g_hash_table_lookup (self->sort_keys, partner);

  if (keys != NULL)
    return keys;

  keys = g_new0 (SortKeys, 1);
  for (guint i = N_TEXT_COLUMNS; i < N_COLUMNS; i++)
    {
      const Column *column = &columns[i];
      GDate date;

      switch (column->kind)
        {
        case COLUMN_ENUM:
          keys->value[i] = copro_enum_index (column->enumeration, copro_record_get_string (partner, column->key));
          break;
        case COLUMN_INT:
          keys->value[i] = copro_record_get_int (partner, column->key);
          break;
        case COLUMN_DATE:
          keys->value[i] = copro_record_get_date (partner, column->key, &date) ? (int) g_date_get_julian (&date) : 0;
          break;
        case COLUMN_TEXT:
        default:
          g_assert_not_reached ();
        }
    }
  g_hash_table_insert (self->sort_keys, g_object_ref (partner), keys);
  return keys;
}

static const char *
get_text_key (SortKeys    *keys,
              CoproRecord *partner,
              guint        column)
{
  if (keys->text[column] == NULL)
    {
      /* The name column shows the organisation of a partner with no name. */
      const char *text = column == 0 ? copro_partner_display_name (partner)
                                     : copro_record_get_string (partner, columns[column].key);
      g_autofree char *folded = g_utf8_casefold (text, -1);

      keys->text[column] = g_utf8_collate_key (folded, -1);
    }
  return keys->text[column];
}

static void
get_partner_key (CoproRecord  *partner,
                 CoproSortKey *key,
                 gpointer      user_data)
{
  const struct SortColumn *sort_column = user_data;
  SortKeys *keys = get_sort_keys (sort_column->self, partner);

  if (sort_column->index < N_TEXT_COLUMNS)
    key->text = get_text_key (keys, partner, sort_column->index);
  else
    key->number = keys->value[sort_column->index];
}

/* The columns' sorters only tell which column the column view sorts by
 * (GTK 4.8 has no API for it): CoproSortedPartners does the sorting. */
static int
probe_partners (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const struct SortColumn *sort_column = user_data;

  if (sort_column->self->probe_column < 0)
    sort_column->self->probe_column = (int) sort_column->index;
  return GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed_cb (GtkSorter          *sorter,
                      GtkSorterChange     change,
                      CoproPartnersPanel *self)
{
  GtkOrdering order;

  self->probe_column = -1;
  order = gtk_sorter_compare (sorter, G_OBJECT (self->project), G_OBJECT (self->partners));
  if (self->probe_column < 0 || order == GTK_ORDERING_EQUAL)
    copro_sorted_partners_sort (self->sorted, NULL, NULL, FALSE);
  else
    copro_sorted_partners_sort (self->sorted, get_partner_key, &self->sort_columns[self->probe_column],
                                order == GTK_ORDERING_LARGER);
}

/* Any change to a partner drops its sort keys and search text. */
static void
on_project_changed_cb (CoproRecord        *project,
                       CoproRecord        *source,
                       const char         *key,
                       CoproPartnersPanel *self)
{
  if (source != project && copro_record_get_desc (source) == &copro_desc_partner)
    {
      g_hash_table_remove (self->sort_keys, source);
      copro_partner_filter_forget (self->filter, source);
    }
}

/* Deleted partners' keys are kept (an undo brings them back as they were),
 * but not without end. */
static void
on_partners_changed_cb (GListModel         *partners,
                        guint               position,
                        guint               removed,
                        guint               added,
                        CoproPartnersPanel *self)
{
  guint n = g_list_model_get_n_items (partners);

  if (removed > 0 && g_hash_table_size (self->sort_keys) > 2 * n + 1000)
    {
      g_hash_table_remove_all (self->sort_keys);
      copro_partner_filter_forget (self->filter, NULL);
    }
}

/* Helpers */

gboolean
copro_partner_review_is_due (CoproRecord *partner)
{
  static GDate today;
  static gint64 today_checked;
  gint64 now = g_get_monotonic_time ();
  GDate review;

  g_return_val_if_fail (COPRO_IS_RECORD (partner), FALSE);

  if (!copro_record_get_date (partner, "review_date", &review))
    return FALSE;
  /* Today, looked up at most once a minute: rows are bound by the hundred. */
  if (today_checked == 0 || now - today_checked > 60 * G_USEC_PER_SEC)
    {
      g_autoptr(GDateTime) local = g_date_time_new_now_local ();

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (local),
                      (GDateMonth) g_date_time_get_month (local),
                      (GDateYear) g_date_time_get_year (local));
      today_checked = now;
    }
  return g_date_compare (&review, &today) < 0;
}

static gboolean
has_personal_details (CoproRecord *partner)
{
  for (guint i = 0; i < G_N_ELEMENTS (personal_keys); i++)
    if (*copro_record_get_string (partner, personal_keys[i]) != '\0')
      return TRUE;
  return FALSE;
}

static CoproHistory *
get_history (CoproPartnersPanel *self)
{
  return copro_history_get_for_record (self->project);
}

static GtkWidget *
get_inner_list_view (CoproPartnersPanel *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->column_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* The partners selected, in the order shown. */
static GPtrArray *
get_selected (CoproPartnersPanel *self)
{
  g_autoptr(GtkBitset) bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *selected = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, bitset, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (selected, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
  return selected;
}

static gboolean
find_shown (CoproPartnersPanel *self,
            CoproRecord        *partner,
            guint              *position)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CoproRecord) item = g_list_model_get_item (model, i);

      if (item == partner)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
show_toast (CoproPartnersPanel *self,
            AdwToast           *toast)
{
  /* An older toast's Undo would no longer be the last change: let it go. */
  g_autoptr(AdwToast) last = g_weak_ref_get (&self->last_toast);

  if (last != NULL)
    adw_toast_dismiss (last);
  g_weak_ref_set (&self->last_toast, toast);
  copro_show_toast (GTK_WIDGET (self), toast);
}

/* An "Undo" toast for a change made as one step of the history. */
typedef struct
{
  GWeakRef  history;
  guint64   serial;
} Undoable;

static void
undoable_free (gpointer data, GClosure *closure)
{
  Undoable *undoable = data;

  g_weak_ref_clear (&undoable->history);
  g_free (undoable);
}

static void
on_toast_undo_cb (AdwToast *toast,
                  Undoable *undoable)
{
  g_autoptr(CoproHistory) history = g_weak_ref_get (&undoable->history);

  /* Only while the change is still the last one, as Ctrl+Z would. */
  if (history != NULL && undoable->serial != 0 &&
      copro_history_get_undo_serial (history) == undoable->serial)
    copro_history_undo (history);
}

static void
show_undo_toast (CoproPartnersPanel *self,
                 const char         *message)
{
  CoproHistory *history = get_history (self);
  AdwToast *toast = adw_toast_new (message);

  if (history != NULL)
    {
      Undoable *undoable = g_new0 (Undoable, 1);

      g_weak_ref_init (&undoable->history, history);
      undoable->serial = copro_history_get_undo_serial (history);
      adw_toast_set_button_label (toast, _("Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_undo_cb),
                             undoable, undoable_free, 0);
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

/* Cells */

static void
on_cell_partner_changed_cb (CoproRecord *partner,
                            CoproRecord *source,
                            const char  *key,
                            GtkListItem *item);

static void
update_cell (GtkListItem *item)
{
  const Column *column = g_object_get_data (G_OBJECT (item), "copro-column");
  CoproRecord *partner = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = child;
  g_autofree char *text = NULL;
  GDate date;

  if (partner == NULL)
    return;
  if (GTK_IS_BOX (child))
    {
      GtkWidget *mark = gtk_widget_get_first_child (child);
      gboolean due = copro_partner_review_is_due (partner);

      label = gtk_widget_get_last_child (child);
      /* Made only for the few rows that need it: rows are made by the hundred. */
      if (mark == label && due)
        {
          mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          gtk_widget_set_tooltip_text (mark, _("Review or deletion date has passed"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review or deletion date has passed"),
                                          -1);
          gtk_widget_add_css_class (mark, "warning");
          gtk_box_prepend (GTK_BOX (child), mark);
        }
      if (mark != label)
        gtk_widget_set_visible (mark, due);
    }

  switch (column->kind)
    {
    case COLUMN_TEXT:
      text = g_strdup (g_str_equal (column->key, "name") ? copro_partner_display_name (partner)
                                                         : copro_record_get_string (partner, column->key));
      break;
    case COLUMN_ENUM:
      text = g_strdup (copro_enum_label (column->enumeration, copro_record_get_string (partner, column->key)));
      break;
    case COLUMN_INT:
      {
        int value = copro_record_get_int (partner, column->key);

        text = value > 0 ? g_strdup_printf ("%d", value) : g_strdup ("");
      }
      break;
    case COLUMN_DATE:
      if (copro_record_get_date (partner, column->key, &date))
        {
          char buffer[64];

          /* TRANSLATORS: a date in the register, strftime format */
          g_date_strftime (buffer, sizeof buffer, _("%e %b %Y"), &date);
          text = g_strdup (g_strstrip (buffer));
        }
      else
        {
          text = g_strdup ("");
        }
      break;
    default:
      g_assert_not_reached ();
    }
  copro_cell_text_set_text (COPRO_CELL_TEXT (label), text);

  /* Name the row GTK puts around the cells (what takes the focus) after
   * the partner, as screen readers announce it. */
  if (g_str_equal (column->key, "name"))
    for (GtkWidget *row = child; row != NULL; row = gtk_widget_get_parent (row))
      if (GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
          break;
        }
}

static void
on_cell_partner_changed_cb (CoproRecord *partner,
                            CoproRecord *source,
                            const char  *key,
                            GtkListItem *item)
{
  update_cell (item);
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  const Column             *column)
{
  GtkWidget *label = copro_cell_text_new (column->kind == COLUMN_INT ? 1 : 0);

  g_object_set_data (G_OBJECT (item), "copro-column", (gpointer) column);
  if (g_str_equal (column->key, "name"))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      /* The review-date mark goes before the label when needed. */
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
    }
  else
    {
      gtk_list_item_set_child (item, label);
    }
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 const Column             *column)
{
  CoproRecord *partner = gtk_list_item_get_item (item);

  update_cell (item);
  g_signal_connect (partner, "changed", G_CALLBACK (on_cell_partner_changed_cb), item);
}

static void
on_cell_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   const Column             *column)
{
  CoproRecord *partner = gtk_list_item_get_item (item);

  if (partner != NULL)
    g_signal_handlers_disconnect_by_func (partner, on_cell_partner_changed_cb, item);
}

/* Count, actions */

static void
update_count (CoproPartnersPanel *self)
{
  guint total = copro_list_get_n_items (self->partners);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  if (copro_partner_filter_is_active (self->filter))
    /* TRANSLATORS: how many partners the search and filters show, of all */
    text = g_strdup_printf (ngettext ("%u of %u partner shown", "%u of %u partners shown", total), shown, total);
  else
    /* TRANSLATORS: how many partners the project has */
    text = g_strdup_printf (ngettext ("%u partner", "%u partners", total), total);
  gtk_label_set_text (GTK_LABEL (self->count_label), text);
}

static void
update_actions (CoproPartnersPanel *self)
{
  g_autoptr(GtkBitset) bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean any = !gtk_bitset_is_empty (bitset);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.add", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.duplicate", self->editable && any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.delete", self->editable && any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.remove-selected-details", self->editable && any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.remove-withdrawn-details", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.import-csv", self->editable);
  gtk_widget_set_sensitive (self->checklist, self->editable);
  gtk_widget_set_sensitive (self->editor_stack, self->editable);
}

static void
on_read_only_changed_cb (CoproPartnersPanel *self)
{
  self->editable = !copro_document_get_read_only (self->document);
  update_actions (self);
}

/* The editor */

static void
update_editor_title (CoproPartnersPanel *self)
{
  gtk_label_set_text (GTK_LABEL (self->editor_title),
                      self->editing != NULL ? copro_partner_display_name (self->editing) : _("Details"));
}

static void
set_editing (CoproPartnersPanel *self,
             CoproRecord        *partner)
{
  GtkWidget *child;

  if (partner == self->editing)
    return;
  if (self->editing != NULL)
    g_signal_handlers_disconnect_by_func (self->editing, update_editor_title, self);
  g_set_object (&self->editing, partner);

  while ((child = gtk_widget_get_first_child (self->editor)) != NULL)
    gtk_box_remove (GTK_BOX (self->editor), child);
  if (partner != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
        gtk_box_append (GTK_BOX (self->editor),
                        copro_record_form_new (partner, _(groups[i].title), groups[i].keys));
      g_signal_connect_swapped (partner, "changed", G_CALLBACK (update_editor_title), self);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->editor_stack), partner != NULL ? "editor" : "status");
  update_editor_title (self);
}

static void
on_selection_changed_cb (CoproPartnersPanel *self)
{
  g_autoptr(GtkBitset) bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (bitset);
  g_autoptr(CoproRecord) partner = NULL;

  if (n == 1)
    partner = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (bitset));
  set_editing (self, partner);
  if (n > 1)
    {
      g_autofree char *text =
        /* TRANSLATORS: shown instead of a partner's details */
        g_strdup_printf (ngettext ("%u partner selected", "%u partners selected", (gulong) n), (guint) n);

      adw_status_page_set_title (ADW_STATUS_PAGE (self->editor_status), text);
      adw_status_page_set_description (ADW_STATUS_PAGE (self->editor_status),
                                       _("Select one partner to see and change their details."));
    }
  else if (n == 0)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->editor_status), _("No Partner Selected"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->editor_status),
                                       _("Select a partner in the register to see and change their details."));
    }
  update_actions (self);
}

static void
show_editor_page (CoproPartnersPanel *self)
{
  if (adw_leaflet_get_folded (ADW_LEAFLET (self->leaflet)))
    adw_leaflet_set_visible_child (ADW_LEAFLET (self->leaflet), self->editor_page);
}

static void
on_folded_changed_cb (CoproPartnersPanel *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (ADW_LEAFLET (self->leaflet)));
}

static void
on_back_clicked_cb (CoproPartnersPanel *self)
{
  adw_leaflet_set_visible_child (ADW_LEAFLET (self->leaflet), self->list_page);
  gtk_widget_grab_focus (self->column_view);
}

static void
on_row_activated_cb (GtkColumnView      *view,
                     guint               position,
                     CoproPartnersPanel *self)
{
  show_editor_page (self);
}

/* Selects @partner alone, scrolls to it and opens its editor. */
static gboolean
select_partner (CoproPartnersPanel *self,
                CoproRecord        *partner)
{
  GtkWidget *list_view;
  guint position;

  if (!find_shown (self, partner, &position))
    return FALSE;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  list_view = get_inner_list_view (self);
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
  show_editor_page (self);
  return TRUE;
}

static void
focus_field (CoproPartnersPanel *self,
             CoproRecord        *partner,
             const char         *key)
{
  GtkWidget *widget = copro_field_widget_find (self->editor, partner, key);

  if (widget != NULL)
    gtk_widget_grab_focus (copro_field_widget_get_focus (widget));
}

static void
clear_search_and_filters (CoproPartnersPanel *self)
{
  copro_partners_panel_set_search (self, "");
  for (guint i = 0; i < N_FILTERS; i++)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drop_downs[i]), 0);
}

/* Search and filters */

static void
on_search_changed_cb (GtkSearchEntry     *entry,
                      CoproPartnersPanel *self)
{
  copro_partner_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_drop_down_selected_cb (GtkDropDown        *drop_down,
                          GParamSpec         *pspec,
                          CoproPartnersPanel *self)
{
  const Filter *filter = g_object_get_data (G_OBJECT (drop_down), "copro-filter");
  guint selected = gtk_drop_down_get_selected (drop_down);
  const char *value = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    value = filter->enumeration->values[selected - 1].key;
  copro_partner_filter_set_field (self->filter, filter->key, value);
}

/* Actions */

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CoproPartnersPanel *self = COPRO_PARTNERS_PANEL (widget);
  CoproRecord *partner;

  clear_search_and_filters (self);
  partner = copro_list_add_new (self->partners);
  select_partner (self, partner);
  focus_field (self, partner, "name");
}

static void
duplicate_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CoproPartnersPanel *self = COPRO_PARTNERS_PANEL (widget);
  g_autoptr(GPtrArray) selected = get_selected (self);
  CoproHistory *history = get_history (self);
  CoproRecord *first = NULL;

  if (selected->len == 0)
    return;
  if (history != NULL)
    copro_history_begin_group (history);
  for (guint i = 0; i < selected->len; i++)
    {
      CoproRecord *original = g_ptr_array_index (selected, i);
      g_autoptr(CoproRecord) copy = copro_record_copy (original);
      g_autofree char *id = g_uuid_string_random ();
      guint position;

      if (!copro_list_find (self->partners, original, &position))
        continue;
      copro_record_set_id (copy, id);
      copro_list_insert (self->partners, position + 1, copy);
      if (first == NULL)
        first = copy;
    }
  if (history != NULL)
    copro_history_end_group (history);
  if (first != NULL && select_partner (self, first))
    focus_field (self, first, "name");
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CoproPartnersPanel *self = COPRO_PARTNERS_PANEL (widget);
  g_autoptr(GPtrArray) selected = get_selected (self);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *message = NULL;
  CoproHistory *history = get_history (self);
  guint n = copro_list_get_n_items (self->partners);
  guint shown_first = GTK_INVALID_LIST_POSITION;

  if (selected->len == 0)
    return;

  /* Where the selection begins, to keep the keyboard there. */
  {
    g_autoptr(GtkBitset) bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
    shown_first = gtk_bitset_get_minimum (bitset);
  }

  if (selected->len == 1)
    {
      g_autofree char *escaped = g_markup_escape_text (copro_partner_display_name (g_ptr_array_index (selected, 0)), -1);

      /* TRANSLATORS: a notice after deleting a partner; %s is their name */
      message = g_strdup_printf (_("“%s” deleted"), escaped);
    }
  else
    {
      /* TRANSLATORS: a notice after deleting several partners */
      message = g_strdup_printf (ngettext ("%u partner deleted", "%u partners deleted", selected->len), selected->len);
    }

  /* One pass over the list, from the end, so positions stay true. */
  {
    g_autoptr(GHashTable) doomed = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < selected->len; i++)
      g_hash_table_add (doomed, g_ptr_array_index (selected, i));
    if (history != NULL)
      copro_history_begin_group (history);
    for (guint i = n; i > 0; i--)
      if (g_hash_table_contains (doomed, copro_list_get (self->partners, i - 1)))
        copro_list_remove (self->partners, i - 1);
    if (history != NULL)
      copro_history_end_group (history);
  }

  show_undo_toast (self, message);

  /* Keep the keyboard in the register, on the row after the deleted ones. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  if (n > 0)
    {
      GtkWidget *list_view = get_inner_list_view (self);
      guint next = MIN (shown_first, n - 1);

      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), next, TRUE);
      if (list_view != NULL)
        gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", next);
    }
  gtk_widget_grab_focus (self->column_view);
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CoproPartnersPanel *self = COPRO_PARTNERS_PANEL (widget);

  gtk_stack_set_visible_child_name (GTK_STACK (self->view_stack), "register");
  adw_leaflet_set_visible_child (ADW_LEAFLET (self->leaflet), self->list_page);
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
  gtk_widget_grab_focus (self->search_entry);
}

static gboolean
find_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  /* A shortcut of the whole window: only while the register is showing. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  find_action_cb (widget, "partners.find", NULL);
  return TRUE;
}

/* Removing personal details */

static void
remove_details (CoproPartnersPanel *self,
                GPtrArray          *targets)
{
  CoproHistory *history = get_history (self);
  g_autofree char *message = NULL;

  if (history != NULL)
    copro_history_begin_group (history);
  for (guint i = 0; i < targets->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (personal_keys); k++)
      copro_record_set_string (g_ptr_array_index (targets, i), personal_keys[k], "");
  if (history != NULL)
    copro_history_end_group (history);

  /* TRANSLATORS: a notice after clearing email, phone and notes */
  message = g_strdup_printf (ngettext ("Personal details of %u partner removed",
                                       "Personal details of %u partners removed", targets->len),
                             targets->len);
  show_undo_toast (self, message);
}

static void
on_remove_details_response_cb (AdwAlertDialog   *dialog,
                               const char         *response,
                               CoproPartnersPanel *self)
{
  GPtrArray *targets = g_object_get_data (G_OBJECT (dialog), "copro-targets");

  if (g_str_equal (response, "remove"))
    remove_details (self, targets);
}

static void
confirm_remove_details (CoproPartnersPanel *self,
                        GPtrArray          *candidates)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *body = NULL;
  AdwDialog *dialog;

  for (guint i = 0; i < candidates->len; i++)
    if (has_personal_details (g_ptr_array_index (candidates, i)))
      g_ptr_array_add (targets, g_object_ref (g_ptr_array_index (candidates, i)));

  if (targets->len == 0)
    {
      show_toast (self, adw_toast_new (_("No personal details to remove")));
      return;
    }

  /* TRANSLATORS: asks before clearing email, phone and notes */
  body = g_strdup_printf (ngettext ("The email address, phone number and notes of %u partner will be cleared. "
                                    "Do this when a project is finished and its data is kept only for the record.",
                                    "The email addresses, phone numbers and notes of %u partners will be cleared. "
                                    "Do this when a project is finished and its data is kept only for the record.",
                                    targets->len),
                          targets->len);
  dialog = adw_alert_dialog_new (_("Remove Details?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "remove", _("_Remove"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "remove",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "copro-targets", g_steal_pointer (&targets),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_details_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
remove_selected_details_action_cb (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  CoproPartnersPanel *self = COPRO_PARTNERS_PANEL (widget);
  g_autoptr(GPtrArray) selected = get_selected (self);

  confirm_remove_details (self, selected);
}

static void
remove_withdrawn_details_action_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  CoproPartnersPanel *self = COPRO_PARTNERS_PANEL (widget);
  g_autoptr(GPtrArray) withdrawn = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = copro_list_get_n_items (self->partners);

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *partner = copro_list_get (self->partners, i);

      if (g_strcmp0 (copro_record_get_string (partner, "status"), "withdrawn") == 0)
        g_ptr_array_add (withdrawn, g_object_ref (partner));
    }
  confirm_remove_details (self, withdrawn);
}

static void
import_csv_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CoproPartnersPanel *self = COPRO_PARTNERS_PANEL (widget);

  copro_csv_import_dialog_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->project);
}

static void
on_map_chooser_response_cb (GtkNativeDialog    *chooser,
                            int                 response,
                            CoproPartnersPanel *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!copro_partner_map_view_save_png (COPRO_PARTNER_MAP_VIEW (self->map_view), file, &error))
        {
          /* TRANSLATORS: %s says why, e.g. "Permission denied" */
          g_autofree char *message = g_strdup_printf (_("The map could not be saved: %s"), error->message);

          show_toast (self, adw_toast_new (message));
        }
      else
        {
          show_toast (self, adw_toast_new (_("Map saved")));
        }
    }
  g_clear_object (&self->map_chooser);
}

static void
save_map_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CoproPartnersPanel *self = COPRO_PARTNERS_PANEL (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->map_chooser != NULL)
    return;
  self->map_chooser = gtk_file_chooser_native_new (_("Save Map as PNG"),
                                                   GTK_WINDOW (gtk_widget_get_root (widget)),
                                                   GTK_FILE_CHOOSER_ACTION_SAVE,
                                                   _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->map_chooser), filter);
  /* TRANSLATORS: the file name offered when saving the partner map */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->map_chooser), _("partner-map.png"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->map_chooser), TRUE);
  g_signal_connect (self->map_chooser, "response", G_CALLBACK (on_map_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->map_chooser));
}

/* The map follows the register's filters only while it shows: laying out
 * 100,000 dots after each keystroke of a search would slow the register. */
static void
on_view_changed_cb (CoproPartnersPanel *self)
{
  gboolean map = g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->view_stack)), "map") == 0;

  copro_partner_map_view_set_model (COPRO_PARTNER_MAP_VIEW (self->map_view),
                                    map ? G_LIST_MODEL (self->filtered) : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.save-map", map);
}

static void
on_map_partner_activated_cb (GtkWidget          *map,
                             CoproRecord        *partner,
                             CoproPartnersPanel *self)
{
  select_partner (self, partner);
}

/* Building */

static void
on_checklist_toggled_cb (GtkToggleButton *toggle,
                         GtkWidget       *arrow)
{
  gtk_image_set_from_icon_name (GTK_IMAGE (arrow), gtk_toggle_button_get_active (toggle) ? "pan-down-symbolic"
                                                                                        : "pan-end-symbolic");
}

static GtkWidget *
icon_button (const char *icon,
             const char *name,
             const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}

static void
on_filter_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
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

static GtkWidget *
build_drop_down (CoproPartnersPanel *self,
                 const Filter       *filter)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *drop_down;

  gtk_string_list_append (strings, _(filter->any));
  for (guint i = 0; filter->enumeration->values[i].key != NULL; i++)
    gtk_string_list_append (strings, copro_enum_label (filter->enumeration, filter->enumeration->values[i].key));
  drop_down = gtk_drop_down_new (G_LIST_MODEL (strings), NULL);
  /* The button ellipsises long choices; the list shows them whole. */
  g_signal_connect (factory, "setup", G_CALLBACK (on_filter_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_filter_bind_cb), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), factory);
  g_object_unref (factory);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_filter_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_filter_bind_cb), NULL);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), factory);
  g_object_unref (factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(filter->name),
                                  -1);
  gtk_widget_set_tooltip_text (drop_down, _(filter->name));
  g_object_set_data (G_OBJECT (drop_down), "copro-filter", (gpointer) filter);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (on_drop_down_selected_cb), self);
  return drop_down;
}

static GtkWidget *
build_column_view (CoproPartnersPanel *self)
{
  GtkWidget *view = gtk_column_view_new (NULL);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), (gpointer) &columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), (gpointer) &columns[i]);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbind_cb), (gpointer) &columns[i]);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      self->sort_columns[i].self = self;
      self->sort_columns[i].index = i;
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_partners, &self->sort_columns[i], NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_expand (column, i < N_TEXT_COLUMNS);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      self->view_columns[i] = column;
      g_object_unref (column);
    }
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Partners"),
                                  -1);
  g_signal_connect (view, "activate", G_CALLBACK (on_row_activated_cb), self);
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    GTK_IS_LIST_VIEW (child) ? _("Rows of partners") : _("Column headings"),
                                    -1);
  /* Delete removes the selected rows while the register has the focus (not
   * while a control of the editor has it). */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                            gtk_named_action_new ("partners.delete")));
    gtk_widget_add_controller (view, shortcuts);
  }
  return view;
}

static GtkWidget *
build_toolbar (CoproPartnersPanel *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) privacy = g_menu_new ();

  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (self->view_stack));
  gtk_box_append (GTK_BOX (toolbar), switcher);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (toolbar), spacer);

  self->search_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->search_button), "system-search-symbolic");
  gtk_widget_set_tooltip_text (self->search_button, _("Search and Filter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search and Filter"),
                                  -1);
  gtk_box_append (GTK_BOX (toolbar), self->search_button);
  gtk_box_append (GTK_BOX (toolbar), icon_button ("list-add-symbolic", _("Add Partner"), "partners.add"));
  gtk_box_append (GTK_BOX (toolbar), icon_button ("edit-copy-symbolic", _("Duplicate Selected Partners"),
                                                  "partners.duplicate"));
  gtk_box_append (GTK_BOX (toolbar), icon_button ("user-trash-symbolic", _("Delete Selected Partners"),
                                                  "partners.delete"));

  g_menu_append (menu, _("Import from CSV…"), "partners.import-csv");
  g_menu_append (menu, _("Save Map as PNG…"), "partners.save-map");
  g_menu_append (privacy, _("Remove Personal Details of Selected Partners…"), "partners.remove-selected-details");
  g_menu_append (privacy, _("Remove Personal Details of Withdrawn Partners…"), "partners.remove-withdrawn-details");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (privacy));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu_button, _("More Partner Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More Partner Actions"),
                                  -1);
  gtk_box_append (GTK_BOX (toolbar), menu_button);
  return toolbar;
}

static GtkWidget *
build_search_bar (CoproPartnersPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *filters_box = gtk_flow_box_new ();

  self->search_entry = gtk_search_entry_new ();
  g_object_set (self->search_entry, "placeholder-text", _("Name, organisation, role or notes"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the partners"),
                                  -1);
  gtk_widget_set_hexpand (self->search_entry, TRUE);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  gtk_box_append (GTK_BOX (box), self->search_entry);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (filters_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (filters_box), N_FILTERS);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (filters_box), TRUE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (filters_box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (filters_box), 6);
  for (guint i = 0; i < N_FILTERS; i++)
    {
      self->drop_downs[i] = build_drop_down (self, &filters[i]);
      gtk_flow_box_append (GTK_FLOW_BOX (filters_box), self->drop_downs[i]);
      /* The flow box's children are not controls of their own. */
      gtk_widget_set_focusable (gtk_widget_get_parent (self->drop_downs[i]), FALSE);
    }
  gtk_box_append (GTK_BOX (box), filters_box);

  self->search_bar = gtk_search_bar_new ();
  gtk_search_bar_set_child (GTK_SEARCH_BAR (self->search_bar), box);
  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->search_bar), GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_show_close_button (GTK_SEARCH_BAR (self->search_bar), FALSE);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return self->search_bar;
}

static GtkWidget *
build_editor_page (CoproPartnersPanel *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = copro_scrolled_window_new_named (_("Partner details"));
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_add_css_class (header, "toolbar");
  self->back_button = icon_button ("go-previous-symbolic", _("Back to the Register"), NULL);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (on_back_clicked_cb), self);
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_box_append (GTK_BOX (header), self->back_button);
  self->editor_title = g_object_new (GTK_TYPE_LABEL,
                                     "xalign", 0.0f,
                                     "ellipsize", PANGO_ELLIPSIZE_END,
                                     "hexpand", TRUE,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     NULL);
  gtk_widget_add_css_class (self->editor_title, "heading");
  gtk_box_append (GTK_BOX (header), self->editor_title);
  gtk_box_append (GTK_BOX (page), header);

  self->editor_stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->editor_stack, TRUE);
  self->editor_status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->editor_status), "avatar-default-symbolic");
  gtk_widget_add_css_class (self->editor_status, "compact");
  copro_name_scrolled_window (self->editor_status, _("Partner details"));
  gtk_stack_add_named (GTK_STACK (self->editor_stack), self->editor_status, "status");

  self->editor = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->editor, 12);
  gtk_widget_set_margin_bottom (self->editor, 24);
  gtk_widget_set_margin_start (self->editor, 12);
  gtk_widget_set_margin_end (self->editor, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->editor);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (GTK_STACK (self->editor_stack), scrolled, "editor");
  gtk_stack_set_visible_child_name (GTK_STACK (self->editor_stack), "status");
  gtk_box_append (GTK_BOX (page), self->editor_stack);

  /* The register takes the room the editor does not need. */
  {
    GtkWidget *narrow = adw_clamp_new ();

    adw_clamp_set_maximum_size (ADW_CLAMP (narrow), 440);
    adw_clamp_set_tightening_threshold (ADW_CLAMP (narrow), 440);
    adw_clamp_set_child (ADW_CLAMP (narrow), page);
    gtk_widget_set_size_request (narrow, 360, -1);
    gtk_widget_set_hexpand (narrow, FALSE);
    return narrow;
  }
}

static void
copro_partners_panel_dispose (GObject *object)
{
  CoproPartnersPanel *self = COPRO_PARTNERS_PANEL (object);

  if (self->map_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->map_chooser));
      g_clear_object (&self->map_chooser);
    }
  if (self->editing != NULL)
    g_signal_handlers_disconnect_by_func (self->editing, update_editor_title, self);
  g_clear_object (&self->editing);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->partners != NULL)
    g_signal_handlers_disconnect_by_data (self->partners, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view)), self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->column_view = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->partners);
  g_clear_object (&self->project);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (copro_partners_panel_parent_class)->dispose (object);
}

static void
copro_partners_panel_finalize (GObject *object)
{
  CoproPartnersPanel *self = COPRO_PARTNERS_PANEL (object);

  g_weak_ref_clear (&self->last_toast);
  g_hash_table_unref (self->sort_keys);

  G_OBJECT_CLASS (copro_partners_panel_parent_class)->finalize (object);
}

static void
copro_partners_panel_class_init (CoproPartnersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_partners_panel_dispose;
  object_class->finalize = copro_partners_panel_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "copropanel");

  gtk_widget_class_install_action (widget_class, "partners.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.duplicate", NULL, duplicate_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.remove-selected-details", NULL,
                                   remove_selected_details_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.remove-withdrawn-details", NULL,
                                   remove_withdrawn_details_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.import-csv", NULL, import_csv_action_cb);
  gtk_widget_class_install_action (widget_class, "partners.save-map", NULL, save_map_action_cb);
}

static void
copro_partners_panel_init (CoproPartnersPanel *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (find_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  g_weak_ref_init (&self->last_toast, NULL);
  self->sort_keys = g_hash_table_new_full (NULL, NULL, g_object_unref, sort_keys_free);
}

GtkWidget *
copro_partners_panel_new (CoproDocument *document,
                          const char    *title,
                          const char    *guidance)
{
  CoproPartnersPanel *self;
  GtkWidget *top, *header, *count_row, *scrolled, *checklist_scrolled, *map_page;
  GtkStackPage *page;

  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), NULL);

  self = g_object_new (COPRO_TYPE_PARTNERS_PANEL, NULL);
  self->document = g_object_ref (document);
  self->project = g_object_ref (copro_document_get_project (document));
  self->partners = g_object_ref (copro_record_get_list (self->project, "partners"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* Heading, guidance and the recruitment checklist. */
  top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  gtk_widget_set_margin_top (top, 12);
  header = copro_panel_header_new (NULL, title, guidance);
  gtk_box_append (GTK_BOX (top), header);

  /* A toggle and a revealer rather than a GtkExpander: a folded expander
   * unparents its child, and a form out of the window then meets GTK 4.8's
   * gtk_window_get_focus() with no window when the section changes. */
  {
    GtkWidget *toggle = gtk_toggle_button_new ();
    GtkWidget *toggle_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-end-symbolic");
    GtkWidget *revealer = gtk_revealer_new ();

    gtk_box_append (GTK_BOX (toggle_box), arrow);
    gtk_box_append (GTK_BOX (toggle_box), gtk_label_new (_("Recruitment checklist")));
    gtk_button_set_child (GTK_BUTTON (toggle), toggle_box);
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recruitment checklist"),
                                    -1);
    gtk_widget_add_css_class (toggle, "flat");
    gtk_widget_set_halign (toggle, GTK_ALIGN_START);
    g_object_bind_property (toggle, "active", revealer, "reveal-child", G_BINDING_SYNC_CREATE);
    g_signal_connect (toggle, "toggled", G_CALLBACK (on_checklist_toggled_cb), arrow);
    gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);

    checklist_scrolled = copro_scrolled_window_new_named (_("Recruitment checklist"));
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (checklist_scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (checklist_scrolled), 320);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (checklist_scrolled), TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (checklist_scrolled),
                                   copro_record_form_new (copro_record_get_record (self->project, "recruitment"),
                                                          NULL, NULL));
    gtk_revealer_set_child (GTK_REVEALER (revealer), checklist_scrolled);

    self->checklist = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    gtk_box_append (GTK_BOX (self->checklist), toggle);
    gtk_box_append (GTK_BOX (self->checklist), revealer);
  }
  gtk_box_append (GTK_BOX (top), self->checklist);
  gtk_box_append (GTK_BOX (self->box), top);

  /* The models. */
  self->filter = copro_partner_filter_new ();
  self->column_view = build_column_view (self);
  self->sorted = copro_sorted_partners_new (G_LIST_MODEL (self->partners));
  g_signal_connect (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view)), "changed",
                    G_CALLBACK (on_sorter_changed_cb), self);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), GTK_SELECTION_MODEL (self->selection));

  /* The register and the map, and the editor beside them. */
  self->leaflet = adw_leaflet_new ();
  adw_leaflet_set_can_navigate_back (ADW_LEAFLET (self->leaflet), TRUE);
  adw_leaflet_set_can_unfold (ADW_LEAFLET (self->leaflet), TRUE);
  gtk_widget_set_vexpand (self->leaflet, TRUE);

  self->list_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (self->list_page, 340, -1);
  gtk_widget_set_hexpand (self->list_page, TRUE);

  self->view_stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->view_stack, TRUE);

  count_row = build_toolbar (self);
  gtk_widget_add_css_class (count_row, "toolbar");
  gtk_box_append (GTK_BOX (self->list_page), count_row);
  gtk_box_append (GTK_BOX (self->list_page), build_search_bar (self));
  self->count_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->count_label), 0);
  gtk_widget_add_css_class (self->count_label, "dim-label");
  gtk_widget_set_margin_start (self->count_label, 12);
  gtk_widget_set_margin_bottom (self->count_label, 6);
  gtk_box_append (GTK_BOX (self->list_page), self->count_label);

  scrolled = copro_scrolled_window_new_named (_("Partner register"));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->column_view);
  page = gtk_stack_add_named (GTK_STACK (self->view_stack), scrolled, "register");
  gtk_stack_page_set_title (page, _("Register"));

  self->map_view = copro_partner_map_view_new (NULL);
  g_signal_connect (self->map_view, "partner-activated", G_CALLBACK (on_map_partner_activated_cb), self);
  map_page = copro_scrolled_window_new_named (_("Map of the partners shown"));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (map_page), self->map_view);
  page = gtk_stack_add_named (GTK_STACK (self->view_stack), map_page, "map");
  gtk_stack_page_set_title (page, _("Map"));
  gtk_box_append (GTK_BOX (self->list_page), self->view_stack);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (on_view_changed_cb), self);
  on_view_changed_cb (self);

  adw_leaflet_append (ADW_LEAFLET (self->leaflet), self->list_page);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (ADW_LEAFLET (self->leaflet),
                                                        gtk_separator_new (GTK_ORIENTATION_VERTICAL)),
                                    FALSE);
  self->editor_page = build_editor_page (self);
  adw_leaflet_append (ADW_LEAFLET (self->leaflet), self->editor_page);
  gtk_box_append (GTK_BOX (self->box), self->leaflet);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed_cb), self);
  on_folded_changed_cb (self);

  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_count), self);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect (self->project, "changed", G_CALLBACK (on_project_changed_cb), self);
  g_signal_connect (self->partners, "items-changed", G_CALLBACK (on_partners_changed_cb), self);
  g_signal_connect_swapped (self->document, "notify::read-only", G_CALLBACK (on_read_only_changed_cb), self);
  on_read_only_changed_cb (self);
  on_selection_changed_cb (self);
  update_count (self);
  return GTK_WIDGET (self);
}

gboolean
copro_partners_panel_reveal (CoproPartnersPanel *self,
                             CoproRecord        *record)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PANEL (self), FALSE);
  g_return_val_if_fail (COPRO_IS_RECORD (record), FALSE);

  for (CoproRecord *r = record; r != NULL; r = copro_record_get_parent (r))
    if (copro_record_get_desc (r) == &copro_desc_partner)
      {
        clear_search_and_filters (self);
        gtk_stack_set_visible_child_name (GTK_STACK (self->view_stack), "register");
        return select_partner (self, r);
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

CoproRecord *
copro_partners_panel_get_shown (CoproPartnersPanel *self,
                                guint               position)
{
  g_autoptr(CoproRecord) partner = NULL;

  g_return_val_if_fail (COPRO_IS_PARTNERS_PANEL (self), NULL);

  /* Borrowed: the register's list holds it. */
  partner = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  return partner;
}

void
copro_partners_panel_set_search (CoproPartnersPanel *self,
                                 const char         *text)
{
  g_return_if_fail (COPRO_IS_PARTNERS_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Not waiting for the entry's delay: the caller asked for this search. */
  copro_partner_filter_set_search (self->filter, text);
}

void
copro_partners_panel_set_filter (CoproPartnersPanel *self,
                                 const char         *key,
                                 const char         *value)
{
  g_return_if_fail (COPRO_IS_PARTNERS_PANEL (self));

  for (guint i = 0; i < N_FILTERS; i++)
    if (g_str_equal (filters[i].key, key))
      {
        int index = value != NULL ? copro_enum_index (filters[i].enumeration, value) : -1;

        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drop_downs[i]), (guint) (index + 1));
        return;
      }
  g_return_if_reached ();
}

void
copro_partners_panel_sort_by (CoproPartnersPanel *self,
                              const char         *key,
                              GtkSortType         direction)
{
  g_return_if_fail (COPRO_IS_PARTNERS_PANEL (self));

  if (key == NULL)
    {
      gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->column_view), NULL, direction);
      return;
    }
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_str_equal (columns[i].key, key))
      {
        gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->column_view), self->view_columns[i], direction);
        return;
      }
  g_return_if_reached ();
}

GtkColumnView *
copro_partners_panel_get_column_view (CoproPartnersPanel *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PANEL (self), NULL);

  return GTK_COLUMN_VIEW (self->column_view);
}

GtkSelectionModel *
copro_partners_panel_get_selection (CoproPartnersPanel *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PANEL (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

CoproRecord *
copro_partners_panel_get_editing (CoproPartnersPanel *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PANEL (self), NULL);

  return self->editing;
}

GtkWidget *
copro_partners_panel_get_editor (CoproPartnersPanel *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNERS_PANEL (self), NULL);

  return self->editor;
}
