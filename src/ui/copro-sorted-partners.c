/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The partners in the order of a key, sorted with the keys side by side. */

#include "config.h"

#include <string.h>

#include "copro-sorted-partners.h"

struct _CoproSortedPartners
{
  GObject           parent_instance;

  GListModel       *source;
  GPtrArray        *order;       /* of CoproRecord (references); NULL: unsorted */
  CoproSortKeyFunc  func;
  gpointer          user_data;
  gboolean          descending;
};

static void copro_sorted_partners_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CoproSortedPartners, copro_sorted_partners, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, copro_sorted_partners_list_model_init))

typedef struct
{
  CoproSortKey  key;
  CoproRecord  *partner;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Entry *ea = a, *eb = b;
  int result;

  if (ea->key.text != NULL && eb->key.text != NULL)
    result = strcmp (ea->key.text, eb->key.text);
  else
    result = (ea->key.number > eb->key.number) - (ea->key.number < eb->key.number);
  return GPOINTER_TO_INT (user_data) ? -result : result;
}

/* The new order, or NULL for the source's own. */
static GPtrArray *
make_order (CoproSortedPartners *self)
{
  guint n = g_list_model_get_n_items (self->source);
  g_autofree Entry *entries = NULL;
  GPtrArray *order;

  if (self->func == NULL)
    return NULL;

  entries = g_new (Entry, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      entries[i].partner = g_list_model_get_item (self->source, i);
      entries[i].key.text = NULL;
      entries[i].key.number = 0;
      self->func (entries[i].partner, &entries[i].key, self->user_data);
    }
  /* GLib's is a merge sort: stable, so equal keys keep the list's order. */
  g_sort_array (entries, n, sizeof (Entry), compare_entries, GINT_TO_POINTER (self->descending));
  order = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, entries[i].partner);   /* takes the reference */
  return order;
}

/* Sorts again, and announces the rows between the first and the last that
 * changed (one row when one partner was added or removed). */
static void
resort (CoproSortedPartners *self,
        guint                old_n)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->order);
  guint new_n, head = 0, tail = 0;

  self->order = make_order (self);
  new_n = g_list_model_get_n_items (self->source);
  if (old == NULL || self->order == NULL)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
      return;
    }
  while (head < old_n && head < new_n && g_ptr_array_index (old, head) == g_ptr_array_index (self->order, head))
    head++;
  while (tail < old_n - head && tail < new_n - head &&
         g_ptr_array_index (old, old_n - 1 - tail) == g_ptr_array_index (self->order, new_n - 1 - tail))
    tail++;
  if (old_n - head - tail > 0 || new_n - head - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail, new_n - head - tail);
}

static void
on_source_items_changed_cb (GListModel          *source,
                            guint                position,
                            guint                removed,
                            guint                added,
                            CoproSortedPartners *self)
{
  if (self->order == NULL)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  else
    resort (self, self->order->len);
}

static GType
copro_sorted_partners_get_item_type (GListModel *list)
{
  CoproSortedPartners *self = COPRO_SORTED_PARTNERS (list);

  return g_list_model_get_item_type (self->source);
}

static guint
copro_sorted_partners_get_n_items (GListModel *list)
{
  CoproSortedPartners *self = COPRO_SORTED_PARTNERS (list);

  return self->order != NULL ? self->order->len : g_list_model_get_n_items (self->source);
}

static gpointer
copro_sorted_partners_get_item (GListModel *list,
                                guint       position)
{
  CoproSortedPartners *self = COPRO_SORTED_PARTNERS (list);

  if (self->order != NULL)
    return position < self->order->len ? g_object_ref (g_ptr_array_index (self->order, position)) : NULL;
  return g_list_model_get_item (self->source, position);
}

static void
copro_sorted_partners_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = copro_sorted_partners_get_item_type;
  iface->get_n_items = copro_sorted_partners_get_n_items;
  iface->get_item = copro_sorted_partners_get_item;
}

static void
copro_sorted_partners_dispose (GObject *object)
{
  CoproSortedPartners *self = COPRO_SORTED_PARTNERS (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  g_clear_pointer (&self->order, g_ptr_array_unref);

  G_OBJECT_CLASS (copro_sorted_partners_parent_class)->dispose (object);
}

static void
copro_sorted_partners_class_init (CoproSortedPartnersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = copro_sorted_partners_dispose;
}

static void
copro_sorted_partners_init (CoproSortedPartners *self)
{
}

CoproSortedPartners *
copro_sorted_partners_new (GListModel *partners)
{
  CoproSortedPartners *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (partners), NULL);

  self = g_object_new (COPRO_TYPE_SORTED_PARTNERS, NULL);
  self->source = g_object_ref (partners);
  g_signal_connect (partners, "items-changed", G_CALLBACK (on_source_items_changed_cb), self);
  return self;
}

void
copro_sorted_partners_sort (CoproSortedPartners *self,
                            CoproSortKeyFunc     func,
                            gpointer             user_data,
                            gboolean             descending)
{
  g_return_if_fail (COPRO_IS_SORTED_PARTNERS (self));

  self->func = func;
  self->user_data = user_data;
  self->descending = !!descending;
  resort (self, g_list_model_get_n_items (G_LIST_MODEL (self)));
}
