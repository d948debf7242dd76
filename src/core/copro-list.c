/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "copro-history.h"
#include "copro-list-private.h"
#include "copro-record-private.h"

struct _CoproList
{
  GObject      parent_instance;

  GType        item_type;
  CoproRecord *owner;   /* unowned: the owner holds the list */
  const char  *key;     /* static, from the model description */
  GPtrArray   *items;
  /* id → item, made by the first copro_list_find_by_id() after a change;
   * the keys are the items' own id strings. by_id_generation is the
   * records' id generation it was made at: any id set since makes it
   * stale. */
  GHashTable  *by_id;
  guint        by_id_generation;
};

static void copro_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CoproList, copro_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, copro_list_model_init))

static GType
copro_list_get_item_type (GListModel *model)
{
  return COPRO_LIST (model)->item_type;
}

static guint
copro_list_model_get_n_items (GListModel *model)
{
  return COPRO_LIST (model)->items->len;
}

static gpointer
copro_list_get_item (GListModel *model,
                     guint       position)
{
  CoproList *self = COPRO_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
copro_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = copro_list_get_item_type;
  iface->get_n_items = copro_list_model_get_n_items;
  iface->get_item = copro_list_get_item;
}

static void
release_item (gpointer data)
{
  _copro_record_set_parent (data, NULL);
  g_object_unref (data);
}

static void
copro_list_finalize (GObject *object)
{
  CoproList *self = COPRO_LIST (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (copro_list_parent_class)->finalize (object);
}

static void
copro_list_class_init (CoproListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = copro_list_finalize;
}

static void
copro_list_init (CoproList *self)
{
  self->items = g_ptr_array_new_with_free_func (release_item);
}

CoproList *
copro_list_new (GType        item_type,
                CoproRecord *owner,
                const char  *key)
{
  CoproList *self;

  g_return_val_if_fail (g_type_is_a (item_type, COPRO_TYPE_RECORD), NULL);

  self = g_object_new (COPRO_TYPE_LIST, NULL);
  self->item_type = item_type;
  self->owner = owner;
  self->key = key;
  return self;
}

CoproRecord *
copro_list_get_owner (CoproList *self)
{
  g_return_val_if_fail (COPRO_IS_LIST (self), NULL);

  return self->owner;
}

const char *
copro_list_get_key (CoproList *self)
{
  g_return_val_if_fail (COPRO_IS_LIST (self), NULL);

  return self->key;
}

guint
copro_list_get_n_items (CoproList *self)
{
  g_return_val_if_fail (COPRO_IS_LIST (self), 0);

  return self->items->len;
}

/* Borrowed: no new reference, unlike g_list_model_get_item(). */
CoproRecord *
copro_list_get (CoproList *self,
                guint      position)
{
  g_return_val_if_fail (COPRO_IS_LIST (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

/* Tells the owner's tree, before the change, for the undo history. */
static void
report (CoproList       *self,
        CoproChangeKind  kind,
        guint            position,
        guint            to,
        CoproRecord     *item)
{
  CoproChange change = { kind, NULL, 0, NULL, NULL, self, position, to, item };

  if (self->owner != NULL)
    _copro_record_report_change (self->owner, &change);
}

static void
announce (CoproList *self,
          guint      position,
          guint      removed,
          guint      added)
{
  /* Before anyone hears of the change, so that they find by id afresh. */
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (self->owner != NULL)
    copro_record_emit_changed (self->owner, self->key);
}

void
copro_list_insert (CoproList   *self,
                   guint        position,
                   CoproRecord *item)
{
  g_return_if_fail (COPRO_IS_LIST (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type));
  g_return_if_fail (copro_record_get_parent (item) == NULL);
  g_return_if_fail (position <= self->items->len);

  report (self, COPRO_CHANGE_INSERT, position, 0, item);
  g_ptr_array_insert (self->items, (int) position, g_object_ref (item));
  _copro_record_set_parent (item, self->owner);
  announce (self, position, 0, 1);
}

void
copro_list_insert_many (CoproList    *self,
                        guint         position,
                        CoproRecord **items,
                        guint         n_items)
{
  guint old_n;

  g_return_if_fail (COPRO_IS_LIST (self));
  g_return_if_fail (position <= self->items->len);
  g_return_if_fail (n_items == 0 || items != NULL);

  for (guint i = 0; i < n_items; i++)
    {
      g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (items[i], self->item_type));
      g_return_if_fail (copro_record_get_parent (items[i]) == NULL);
    }
  if (n_items == 0)
    return;
  /* Told one by one, in the order a loop of copro_list_insert() would. */
  for (guint i = 0; i < n_items; i++)
    report (self, COPRO_CHANGE_INSERT, position + i, 0, items[i]);
  old_n = self->items->len;
  g_ptr_array_set_size (self->items, (int) (old_n + n_items));
  memmove (&self->items->pdata[position + n_items], &self->items->pdata[position],
           (old_n - position) * sizeof (gpointer));
  for (guint i = 0; i < n_items; i++)
    {
      self->items->pdata[position + i] = g_object_ref (items[i]);
      _copro_record_set_parent (items[i], self->owner);
    }
  announce (self, position, 0, n_items);
}

void
copro_list_append (CoproList   *self,
                   CoproRecord *item)
{
  g_return_if_fail (COPRO_IS_LIST (self));

  copro_list_insert (self, self->items->len, item);
}

void
copro_list_remove (CoproList *self,
                   guint      position)
{
  g_return_if_fail (COPRO_IS_LIST (self));
  g_return_if_fail (position < self->items->len);

  report (self, COPRO_CHANGE_REMOVE, position, 0, g_ptr_array_index (self->items, position));
  g_ptr_array_remove_index (self->items, position);
  announce (self, position, 1, 0);
}

void
copro_list_remove_range (CoproList *self,
                         guint      position,
                         guint      n_items)
{
  g_return_if_fail (COPRO_IS_LIST (self));
  g_return_if_fail (position <= self->items->len && n_items <= self->items->len - position);

  if (n_items == 0)
    return;
  /* Told from the last, as a loop of copro_list_remove() would. */
  for (guint i = n_items; i > 0; i--)
    report (self, COPRO_CHANGE_REMOVE, position + i - 1, 0, g_ptr_array_index (self->items, position + i - 1));
  g_ptr_array_remove_range (self->items, position, n_items);
  announce (self, position, n_items, 0);
}

void
copro_list_remove_many (CoproList    *self,
                        CoproRecord **items,
                        guint         n_items)
{
  g_autoptr(GHashTable) doomed = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  CoproHistory *history = NULL;
  guint n, first = G_MAXUINT, n_found = 0;

  g_return_if_fail (COPRO_IS_LIST (self));
  g_return_if_fail (n_items == 0 || items != NULL);

  if (n_items == 0)
    return;
  doomed = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_items; i++)
    g_hash_table_add (doomed, items[i]);
  n = self->items->len;
  /* Told from the last, as a loop of copro_list_remove() would, as one
   * step of the history. */
  if (self->owner != NULL)
    history = copro_history_get_for_record (self->owner);
  if (history != NULL)
    copro_history_begin_group (history);
  for (guint i = n; i > 0; i--)
    if (g_hash_table_contains (doomed, self->items->pdata[i - 1]))
      {
        report (self, COPRO_CHANGE_REMOVE, i - 1, 0, self->items->pdata[i - 1]);
        first = i - 1;
        n_found++;
      }
  if (n_found == 0)
    {
      if (history != NULL)
        copro_history_end_group (history);
      return;
    }
  /* One pass: the rest close up, the removed ones are let go. */
  kept = g_ptr_array_sized_new (n - first - n_found);
  for (guint i = first; i < n; i++)
    {
      gpointer item = self->items->pdata[i];

      if (g_hash_table_contains (doomed, item))
        release_item (item);
      else
        g_ptr_array_add (kept, item);
    }
  memcpy (&self->items->pdata[first], kept->pdata, kept->len * sizeof (gpointer));
  /* The tail now holds moved pointers: dropped without their free func. */
  g_ptr_array_set_free_func (self->items, NULL);
  g_ptr_array_set_size (self->items, (int) (first + kept->len));
  g_ptr_array_set_free_func (self->items, release_item);
  announce (self, first, n - first, kept->len);
  if (history != NULL)
    copro_history_end_group (history);
}

void
_copro_list_insert_at (CoproList    *self,
                       CoproRecord **items,
                       const guint  *positions,
                       guint         n_items)
{
  g_autofree gpointer *tail = NULL;
  guint n, first, n_tail, from, at;

  g_return_if_fail (COPRO_IS_LIST (self));

  if (n_items == 0)
    return;
  n = self->items->len;
  first = positions[0];
  g_return_if_fail (first <= n);
  for (guint i = 0; i < n_items; i++)
    {
      g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (items[i], self->item_type));
      g_return_if_fail (copro_record_get_parent (items[i]) == NULL);
      g_return_if_fail (i == 0 || positions[i] > positions[i - 1]);
      g_return_if_fail (positions[i] <= n + i);
    }
  for (guint i = 0; i < n_items; i++)
    report (self, COPRO_CHANGE_INSERT, positions[i], 0, items[i]);
  /* The items from @first on, then the list made again from there. */
  n_tail = n - first;
  tail = g_new (gpointer, MAX (n_tail, 1));
  memcpy (tail, &self->items->pdata[first], n_tail * sizeof (gpointer));
  g_ptr_array_set_free_func (self->items, NULL);
  g_ptr_array_set_size (self->items, (int) (n + n_items));
  g_ptr_array_set_free_func (self->items, release_item);
  from = 0;
  at = first;
  for (guint i = 0; i < n_items; i++)
    {
      while (at < positions[i])
        self->items->pdata[at++] = tail[from++];
      self->items->pdata[at++] = g_object_ref (items[i]);
      _copro_record_set_parent (items[i], self->owner);
    }
  while (from < n_tail)
    self->items->pdata[at++] = tail[from++];
  announce (self, first, n_tail, n_tail + n_items);
}

void
copro_list_move (CoproList *self,
                 guint      from,
                 guint      to)
{
  gpointer item;

  g_return_if_fail (COPRO_IS_LIST (self));
  g_return_if_fail (from < self->items->len && to < self->items->len);

  if (from == to)
    return;
  report (self, COPRO_CHANGE_MOVE, from, to, NULL);
  item = g_ptr_array_steal_index (self->items, from);
  g_ptr_array_insert (self->items, (int) to, item);
  announce (self, MIN (from, to), MAX (from, to) - MIN (from, to) + 1,
            MAX (from, to) - MIN (from, to) + 1);
}

void
copro_list_remove_all (CoproList *self)
{
  guint n;

  g_return_if_fail (COPRO_IS_LIST (self));

  n = self->items->len;
  if (n == 0)
    return;
  for (guint i = n; i > 0; i--)
    report (self, COPRO_CHANGE_REMOVE, i - 1, 0, g_ptr_array_index (self->items, i - 1));
  g_ptr_array_set_size (self->items, 0);
  announce (self, 0, n, 0);
}

gboolean
copro_list_find (CoproList   *self,
                 CoproRecord *item,
                 guint       *position)
{
  g_return_val_if_fail (COPRO_IS_LIST (self), FALSE);

  return g_ptr_array_find (self->items, item, position);
}

CoproRecord *
copro_list_find_by_id (CoproList  *self,
                       const char *id)
{
  g_return_val_if_fail (COPRO_IS_LIST (self), NULL);

  if (id == NULL)
    return NULL;
  /* Every reference to a partner is looked up here (the register's
   * columns, the export, the forms): a table, not a walk of the list. */
  if (self->by_id != NULL && self->by_id_generation != _copro_record_get_id_generation ())
    g_clear_pointer (&self->by_id, g_hash_table_unref);
  if (self->by_id == NULL)
    {
      self->by_id_generation = _copro_record_get_id_generation ();
      self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->items->len; i++)
        {
          CoproRecord *item = g_ptr_array_index (self->items, i);
          const char *item_id = copro_record_get_id (item);

          /* The first of two items with one id, as a walk would find. */
          if (item_id != NULL && !g_hash_table_contains (self->by_id, item_id))
            g_hash_table_insert (self->by_id, (gpointer) item_id, item);
        }
    }
  return g_hash_table_lookup (self->by_id, id);
}

void
copro_list_set_field_many (CoproList    *self,
                           CoproRecord **items,
                           guint         n_items,
                           const char   *key,
                           const GValue *value)
{
  CoproHistory *history = NULL;
  GParamSpec *pspec;
  guint field;

  g_return_if_fail (COPRO_IS_LIST (self));
  g_return_if_fail (n_items == 0 || items != NULL);
  g_return_if_fail (key != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  if (n_items == 0)
    return;
  field = copro_record_desc_field_index (copro_record_get_desc (items[0]), key);
  g_return_if_fail (copro_record_get_desc (items[0])->fields[field].kind != COPRO_FIELD_RECORD &&
                    copro_record_get_desc (items[0])->fields[field].kind != COPRO_FIELD_LIST);
  pspec = COPRO_RECORD_GET_CLASS (items[0])->pspecs[field];
  g_return_if_fail (G_VALUE_HOLDS (value, pspec->value_type));
  for (guint i = 0; i < n_items; i++)
    {
      g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (items[i], self->item_type));
      g_return_if_fail (copro_record_get_parent (items[i]) == self->owner);
    }

  if (self->owner != NULL)
    history = copro_history_get_for_record (self->owner);
  if (history != NULL)
    copro_history_begin_group (history);
  for (guint i = 0; i < n_items; i++)
    g_object_set_property (G_OBJECT (items[i]), pspec->name, value);
  if (history != NULL)
    copro_history_end_group (history);
}

CoproRecord *
copro_list_add_new (CoproList *self)
{
  g_autoptr(CoproRecord) item = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (COPRO_IS_LIST (self), NULL);

  item = g_object_new (self->item_type, NULL);
  id = g_uuid_string_random ();
  copro_record_set_id (item, id);
  copro_list_append (self, item);
  return item;
}

/* The owner is going away: forget it, then let go of the items. */
void
_copro_list_release (CoproList *self)
{
  g_return_if_fail (COPRO_IS_LIST (self));

  self->owner = NULL;
  copro_list_remove_all (self);
}

void
_copro_list_append_loaded (CoproList   *self,
                           CoproRecord *item)
{
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_ptr_array_add (self->items, item);
  _copro_record_set_parent (item, self->owner);
}
