/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The partner register's rows: search, filters and sort in one pass.
 *
 * Profiled with callgrind at 100,000 partners (bench/copro-bench-register),
 * the stack it replaces (a sorted model, then GtkFilterListModel) spent a
 * first search mostly folding each partner's text with g_utf8_casefold()
 * (670 M instructions) and a first sort making a key struct per partner
 * through a hash table and field lookups by name, then collation keys
 * (1,420 M). Here each partner has an entry, in the list's order, holding
 * its folded search text and each column's key, made once for the whole
 * column (split between threads for big lists: each entry is written by one
 * thread only, so the result does not depend on how they are split) and
 * remade for one partner when it changes. The order is an array of the
 * entries' positions, sorted with the position as the last key, so a sort
 * is a total order: the same whatever the algorithm or the threads.
 */

#include "config.h"

#include <string.h>

#include "copro-history.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-partner-chooser.h"
#include "copro-sorted-partners.h"

typedef enum
{
  KEY_TEXT,
  KEY_ENUM,
  KEY_INT,
  KEY_DATE,
  KEY_LAST_CONTACT,  /* not a field: the latest date of the contact log */
} KeyKind;

typedef struct
{
  const char      *key;
  KeyKind          kind;
  const CoproEnum *enumeration;
} Column;

/* The text columns first: their keys are collation keys. */
static const Column columns[] = {
  { "name",         KEY_TEXT, NULL },
  { "organisation", KEY_TEXT, NULL },
  { "sector",       KEY_ENUM, &copro_enum_sector },
  { "level",        KEY_ENUM, &copro_enum_level },
  { "status",       KEY_ENUM, &copro_enum_partner_status },
  { "influence",    KEY_INT,  NULL },
  { "interest",     KEY_INT,  NULL },
  { "consent_date", KEY_DATE, NULL },
  { "last_contact", KEY_LAST_CONTACT, NULL },
};
#define N_COLUMNS G_N_ELEMENTS (columns)
#define N_TEXT_COLUMNS 2
/* The filters' columns, in columns[]. */
#define FIRST_FIELD_COLUMN 2
#define N_FIELDS 3

/* What a search looks in; a line feed between them, so no match spans two. */
static const char * const search_keys[] = { "name", "organisation", "role", "notes" };
/* Their fields, found once: looking a key up by name cost 400 instructions,
 * 160 M for a first search of 100,000 partners. */
static guint search_fields[G_N_ELEMENTS (search_keys)];

/* Fewer entries than this are made on the calling thread alone. */
#define THREAD_THRESHOLD 8192
#define MAX_THREADS 8

typedef struct
{
  CoproRecord *partner;                 /* borrowed: the list holds it */
  char        *search;                  /* folded; NULL until made */
  char        *text[N_TEXT_COLUMNS];    /* collation keys; NULL until made */
  gint32       value[N_COLUMNS];        /* the other columns' keys */
  guint32      have_value;              /* which of value[] are made, a bit each */
} Entry;

struct _CoproSortedPartners
{
  GObject      parent_instance;

  CoproList   *source;
  CoproRecord *owner;
  gulong       items_changed_id;
  gulong       changed_id;

  GArray      *entries;       /* Entry, in the list's order */
  gboolean     search_made;   /* every entry's search text is made */
  guint        prepare_id;    /* making the search texts while idle */
  guint        prepared;      /* the entries it has been through */
  guint32      columns_made;  /* every entry's key of these columns is made */

  int          sort_column;   /* -1: the list's order */
  gboolean     descending;
  guint32     *order;         /* positions in entries, sorted; NULL when unsorted */

  char        *search;        /* as typed */
  char        *needle;        /* folded; NULL when the search is empty */
  int          field[N_FIELDS];   /* the enumeration's index, -1 for any, -2 for none */

  GHashTable  *only;          /* CoproRecord (a reference): only these are shown; NULL: any */

  /* Partners changed while the history makes many changes at once (a
   * group, an undo), taken in together when it says it is done: one pass
   * and one items-changed, not one a partner. */
  CoproHistory *history;      /* weak */
  GHashTable   *pending;      /* CoproRecord (a reference) */
  gboolean      stale;        /* the list changed: sort and make the rows again */

  GPtrArray   *shown;         /* CoproRecord, borrowed: the rows */
};

/* More partners changed or added at once than this are sorted afresh
 * rather than each moved to its place. */
#define FEW_CHANGES 32
/* More new partners at once than this have their keys made when next
 * needed, in threads, rather than at once. */
#define FEW_NEW 1024

static void copro_sorted_partners_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CoproSortedPartners, copro_sorted_partners, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, copro_sorted_partners_list_model_init))

/* Keys */

static void
entry_forget (Entry *entry)
{
  g_clear_pointer (&entry->search, g_free);
  for (guint i = 0; i < N_TEXT_COLUMNS; i++)
    g_clear_pointer (&entry->text[i], g_free);
  entry->have_value = 0;
}

static void
entry_clear (gpointer data)
{
  entry_forget (data);
}

/* g_utf8_casefold(), without its per-character table look-ups for ASCII
 * text (most of a register), which it folds the same way. */
static char *
fold (const char *text,
      gsize       length)
{
  char *folded;

  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80)
      return g_utf8_casefold (text, (gssize) length);
  folded = g_malloc (length + 1);
  for (gsize i = 0; i < length; i++)
    folded[i] = g_ascii_tolower (text[i]);
  folded[length] = '\0';
  return folded;
}

static void
make_search (Entry      *entry,
             guint       column,
             GHashTable *memo)
{
  const char *parts[G_N_ELEMENTS (search_keys)];
  gsize lengths[G_N_ELEMENTS (search_keys)];
  gsize total = 0, at = 0;
  g_autofree char *joined = NULL;

  if (entry->search != NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (search_keys); i++)
    {
      parts[i] = copro_record_get_string_at (entry->partner, search_fields[i]);
      if (parts[i] == NULL)
        parts[i] = "";
      lengths[i] = strlen (parts[i]);
      total += lengths[i] + 1;
    }
  joined = g_malloc (total);
  for (guint i = 0; i < G_N_ELEMENTS (search_keys); i++)
    {
      memcpy (joined + at, parts[i], lengths[i]);
      at += lengths[i];
      joined[at++] = '\n';
    }
  entry->search = fold (joined, total - 1);
}

/* @memo, when not NULL, maps texts to their collation keys: a register
 * repeats organisations (and names) many times over, and a collation key
 * costs some 6,000 instructions, a look-up a few hundred. */
static void
make_key (Entry      *entry,
          guint       column,
          GHashTable *memo)
{
  const Column *c = &columns[column];
  GDate date;

  if (column < N_TEXT_COLUMNS)
    {
      const char *text;
      g_autofree char *folded = NULL;

      if (entry->text[column] != NULL)
        return;
      /* The name column shows the organisation of a partner with no name. */
      text = column == 0 ? copro_partner_get_title (entry->partner)
                         : copro_record_get_string (entry->partner, c->key);
      if (text == NULL)
        text = "";
      if (memo != NULL)
        {
          const char *known = g_hash_table_lookup (memo, text);

          if (known != NULL)
            {
              entry->text[column] = g_strdup (known);
              return;
            }
        }
      folded = fold (text, strlen (text));
      entry->text[column] = g_utf8_collate_key (folded, -1);
      /* The record's text, read only while the memo lives (the main thread
       * waits for the threads). */
      if (memo != NULL)
        g_hash_table_insert (memo, (gpointer) text, g_strdup (entry->text[column]));
      return;
    }
  if (entry->have_value & (1u << column))
    return;
  switch (c->kind)
    {
    case KEY_ENUM:
      entry->value[column] = copro_enum_index (c->enumeration, copro_record_get_string (entry->partner, c->key));
      break;
    case KEY_INT:
      entry->value[column] = copro_record_get_int (entry->partner, c->key);
      break;
    case KEY_DATE:
      /* No date sorts first. */
      entry->value[column] = copro_record_get_date (entry->partner, c->key, &date)
                             ? (gint32) g_date_get_julian (&date) : 0;
      break;
    case KEY_LAST_CONTACT:
      entry->value[column] = copro_date_parse (copro_partner_get_last_contact_date (entry->partner), &date)
                             ? (gint32) g_date_get_julian (&date) : 0;
      break;
    case KEY_TEXT:
    default:
      g_assert_not_reached ();
    }
  entry->have_value |= 1u << column;
}

typedef void (*EntryFunc) (Entry      *entry,
                           guint       column,
                           GHashTable *memo);

typedef struct
{
  Entry     *entries;
  guint      start;
  guint      end;
  guint      column;
  EntryFunc  func;
} Chunk;

static gpointer
run_chunk (gpointer data)
{
  Chunk *chunk = data;
  /* One memo a thread: nothing is shared between them. */
  g_autoptr(GHashTable) memo = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = chunk->start; i < chunk->end; i++)
    chunk->func (&chunk->entries[i], chunk->column, memo);
  return NULL;
}

/* Calls @func on every entry, split between threads for a big list. Each
 * entry is one thread's alone; the records are only read meanwhile (the
 * main thread waits). */
static void
for_each_entry (CoproSortedPartners *self,
                EntryFunc            func,
                guint                column)
{
  guint n = self->entries->len;
  guint n_threads = 1;
  Chunk chunks[MAX_THREADS];
  GThread *threads[MAX_THREADS] = { NULL, };

  if (n >= THREAD_THRESHOLD)
    n_threads = CLAMP (g_get_num_processors (), 1, MAX_THREADS);
  for (guint t = 0; t < n_threads; t++)
    {
      chunks[t].entries = &g_array_index (self->entries, Entry, 0);
      chunks[t].start = (guint) ((guint64) n * t / n_threads);
      chunks[t].end = (guint) ((guint64) n * (t + 1) / n_threads);
      chunks[t].column = column;
      chunks[t].func = func;
    }
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("copro-register-keys", run_chunk, &chunks[t]);
  run_chunk (&chunks[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
}

static void
ensure_search (CoproSortedPartners *self)
{
  if (self->search_made)
    return;
  for_each_entry (self, make_search, 0);
  self->search_made = TRUE;
}

static void
ensure_column (CoproSortedPartners *self,
               guint                column)
{
  if (self->columns_made & (1u << column))
    return;
  for_each_entry (self, make_key, column);
  self->columns_made |= 1u << column;
}

/* The search texts made a slice at a time while the main loop is idle, so
 * that an officer's first search finds them made: at 100,000 partners that
 * first search spent 54 ms of CPU making them. A slice of 2,000 entries
 * takes about a millisecond, too little to delay a keystroke's frame. */
#define PREPARE_SLICE 2000

static gboolean
prepare_search_cb (gpointer data)
{
  CoproSortedPartners *self = data;
  guint end = MIN (self->prepared + PREPARE_SLICE, self->entries->len);

  for (; !self->search_made && self->prepared < end; self->prepared++)
    make_search (&g_array_index (self->entries, Entry, self->prepared), 0, NULL);
  if (!self->search_made && self->prepared < self->entries->len)
    return G_SOURCE_CONTINUE;
  /* And any entry changed, added or moved meanwhile. */
  ensure_search (self);
  self->prepare_id = 0;
  return G_SOURCE_REMOVE;
}

/* Remakes what was made for one entry, after its partner changed. */
static void
remake_entry (CoproSortedPartners *self,
              Entry               *entry)
{
  entry_forget (entry);
  if (self->search_made)
    make_search (entry, 0, NULL);
  for (guint c = 0; c < N_COLUMNS; c++)
    if (self->columns_made & (1u << c))
      make_key (entry, c, NULL);
}

/* Sorting */

typedef struct
{
  const Entry *entries;
  guint        column;
  gboolean     descending;
} SortContext;

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const SortContext *context = user_data;
  guint32 pa = *(const guint32 *) a, pb = *(const guint32 *) b;
  const Entry *ea = &context->entries[pa], *eb = &context->entries[pb];
  int result;

  if (context->column < N_TEXT_COLUMNS)
    result = strcmp (ea->text[context->column], eb->text[context->column]);
  else
    result = (ea->value[context->column] > eb->value[context->column]) -
             (ea->value[context->column] < eb->value[context->column]);
  if (context->descending)
    result = -result;
  /* Equal keys keep the list's order, whichever the direction. */
  if (result == 0)
    result = (pa > pb) - (pa < pb);
  return result;
}

/* An entry's key beside its position, so that sorting reads one array
 * rather than the entries scattered in memory: for a text column the first
 * eight bytes of its collation key as a number (most comparisons end there),
 * for the others the value made an unsigned number of the same order. */
typedef struct
{
  const char *text;
  guint64     key;
  guint32     position;
} SortItem;

static int
compare_text_items (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const SortItem *ia = a, *ib = b;
  int result;

  if (ia->key != ib->key)
    result = ia->key < ib->key ? -1 : 1;
  else
    result = strcmp (ia->text, ib->text);
  if (GPOINTER_TO_INT (user_data))
    result = -result;
  return result != 0 ? result : (ia->position > ib->position) - (ia->position < ib->position);
}

/* The first eight bytes of @text, the first in the highest bits: numbers in
 * the order strcmp() gives the strings, as far as those bytes go. */
static guint64
text_prefix (const char *text)
{
  guint64 prefix = 0;
  guint i;

  for (i = 0; i < 8 && text[i] != '\0'; i++)
    prefix = (prefix << 8) | (guchar) text[i];
  return i == 0 ? 0 : prefix << (8 * (8 - i));
}

typedef struct
{
  SortItem *items;
  guint     n;
  gpointer  descending;
} SortHalf;

static gpointer
sort_half (gpointer data)
{
  SortHalf *half = data;

  g_sort_array (half->items, half->n, sizeof (SortItem), compare_text_items, half->descending);
  return NULL;
}

/* A stable radix sort on the numbers' 32 bits, a byte a pass, skipping the
 * bytes all keys share: linear, where a comparison sort of 100,000 partners
 * by sector took 90 M instructions. Stable, so equal keys keep the list's
 * order. */
static void
sort_numbers (SortItem *items,
              guint     n)
{
  g_autofree SortItem *scratch = g_new (SortItem, MAX (n, 1));
  SortItem *from = items, *to = scratch;

  for (guint shift = 0; shift < 32; shift += 8)
    {
      guint count[257] = { 0, };
      SortItem *swap;

      for (guint i = 0; i < n; i++)
        count[((from[i].key >> shift) & 0xff) + 1]++;
      if (n == 0 || count[((from[0].key >> shift) & 0xff) + 1] == n)
        continue;
      for (guint b = 1; b <= 256; b++)
        count[b] += count[b - 1];
      for (guint i = 0; i < n; i++)
        to[count[(from[i].key >> shift) & 0xff]++] = from[i];
      swap = from;
      from = to;
      to = swap;
    }
  if (from != items)
    memcpy (items, from, n * sizeof (SortItem));
}

/* The entries' positions in the order of the sort column (the same order as
 * compare_positions()). Texts: for a big list, the halves sorted side by
 * side in two threads, then merged. */
static guint32 *
make_order (CoproSortedPartners *self)
{
  guint n = self->entries->len;
  guint column = (guint) self->sort_column;
  const Entry *entries = &g_array_index (self->entries, Entry, 0);
  g_autofree SortItem *items = g_new (SortItem, MAX (n, 1));
  guint32 *order = g_new (guint32, MAX (n, 1));
  gpointer descending = GINT_TO_POINTER (self->descending);

  for (guint i = 0; i < n; i++)
    {
      items[i].position = i;
      if (column < N_TEXT_COLUMNS)
        {
          items[i].text = entries[i].text[column];
          items[i].key = text_prefix (items[i].text);
        }
      else
        {
          /* Signed to unsigned in the same order; descending, the other way. */
          guint32 key = (guint32) entries[i].value[column] ^ 0x80000000u;

          items[i].text = NULL;
          items[i].key = self->descending ? ~key : key;
        }
    }

  if (column >= N_TEXT_COLUMNS)
    sort_numbers (items, n);
  else if (n >= THREAD_THRESHOLD && g_get_num_processors () > 1)
    {
      SortHalf halves[2] = { { items, n / 2, descending }, { items + n / 2, n - n / 2, descending } };
      GThread *thread = g_thread_new ("copro-register-sort", sort_half, &halves[1]);
      guint i = 0, j = n / 2, k = 0;

      sort_half (&halves[0]);
      g_thread_join (thread);
      while (i < n / 2 && j < n)
        order[k++] = compare_text_items (&items[i], &items[j], descending) <= 0 ? items[i++].position
                                                                                : items[j++].position;
      while (i < n / 2)
        order[k++] = items[i++].position;
      while (j < n)
        order[k++] = items[j++].position;
      return order;
    }
  else
    g_sort_array (items, n, sizeof (SortItem), compare_text_items, descending);
  for (guint i = 0; i < n; i++)
    order[i] = items[i].position;
  return order;
}

static void
ensure_sort_keys (CoproSortedPartners *self)
{
  if (self->sort_column >= 0)
    ensure_column (self, (guint) self->sort_column);
}

/* Puts the entry at @position in its place in the order again, after its
 * partner changed: the others keep theirs. */
/* Puts the entry at @position into the order, whose first @count places
 * are taken (and which has room for it), at its place. */
static void
insert_in_order (CoproSortedPartners *self,
                 guint32              position,
                 guint                count)
{
  SortContext context = { &g_array_index (self->entries, Entry, 0), (guint) self->sort_column, self->descending };
  guint low = 0, high = count;

  /* The first place whose entry sorts after it. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (compare_positions (&self->order[middle], &position, &context) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  memmove (&self->order[low + 1], &self->order[low], (count - low) * sizeof (guint32));
  self->order[low] = position;
}

/* Puts the entry at @position in its place in the order again, after its
 * partner changed: the others keep theirs. */
static void
reposition (CoproSortedPartners *self,
            guint32              position)
{
  guint n = self->entries->len;
  guint at = 0;

  while (at < n && self->order[at] != position)
    at++;
  g_assert (at < n);
  memmove (&self->order[at], &self->order[at + 1], (n - at - 1) * sizeof (guint32));
  insert_in_order (self, position, n - 1);
}

/* The order after the list changed at @position (@removed items gone,
 * @added new), without sorting again: the entries kept keep their places
 * relative to each other, and each new one goes to its place. */
static void
update_order (CoproSortedPartners *self,
              guint                old_n,
              guint                position,
              guint                removed,
              guint                added)
{
  guint32 *order = g_new (guint32, MAX (self->entries->len, 1));
  guint k = 0;

  for (guint i = 0; i < old_n; i++)
    {
      guint32 p = self->order[i];

      if (p < position)
        order[k++] = p;
      else if (p >= position + removed)
        order[k++] = p + added - removed;
    }
  g_free (self->order);
  self->order = order;
  for (guint i = 0; i < added; i++, k++)
    insert_in_order (self, position + i, k);
}

/* Filtering */

static gboolean
matches (CoproSortedPartners *self,
         const Entry         *entry)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (self->field[f] != -1 && entry->value[FIRST_FIELD_COLUMN + f] != self->field[f])
      return FALSE;
  if (self->needle != NULL && strstr (entry->search, self->needle) == NULL)
    return FALSE;
  if (self->only != NULL && !g_hash_table_contains (self->only, entry->partner))
    return FALSE;
  return TRUE;
}

static void resort (CoproSortedPartners *self);

/* Makes the rows again, and tells of the rows between the first and the
 * last that changed, in one items-changed (none when nothing moved). */
static void
update_rows (CoproSortedPartners *self)
{
  g_autoptr(GPtrArray) old = NULL;
  GPtrArray *shown;
  guint n = self->entries->len;
  guint old_n, new_n, head = 0, tail = 0;
  gboolean filtered = copro_sorted_partners_is_filtered (self);

  /* Asked for rows during a batch that let the order go: sorted again. */
  if (self->sort_column >= 0 && self->order == NULL)
    resort (self);
  if (self->needle != NULL)
    ensure_search (self);
  for (guint f = 0; f < N_FIELDS; f++)
    if (self->field[f] != -1)
      ensure_column (self, FIRST_FIELD_COLUMN + f);

  shown = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, self->order != NULL ? self->order[i] : i);

      if (!filtered || matches (self, entry))
        g_ptr_array_add (shown, entry->partner);
    }

  old = g_steal_pointer (&self->shown);
  self->shown = shown;
  old_n = old->len;
  new_n = shown->len;
  while (head < old_n && head < new_n && old->pdata[head] == shown->pdata[head])
    head++;
  while (tail < old_n - head && tail < new_n - head &&
         old->pdata[old_n - 1 - tail] == shown->pdata[new_n - 1 - tail])
    tail++;
  /* A change that leaves only the first few rows in place starts at the
   * first row all the same. GTK's list item manager looks for the rows it
   * shows among the new ones, and moves their widgets there rather than
   * making new ones, only when the change removes the row its view is
   * anchored to (gtk/gtklistitemmanager.c, items_changed_cb: "At least one
   * tracked item was removed, do a more expensive rebuild"): with the first
   * partner in place, a sort by level of 10,000 partners took 50 ms in
   * place of 9. The rows kept still keep their widgets, unbound and bound
   * again by nobody (same item). GTK keeps about 200 rows. */
  if (head > 0 && head < 256 && old_n - head - tail + new_n - head - tail > 2 * head)
    head = 0;
  if (old_n - head - tail > 0 || new_n - head - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail, new_n - head - tail);
}

static void
resort (CoproSortedPartners *self)
{
  g_clear_pointer (&self->order, g_free);
  if (self->sort_column >= 0)
    {
      ensure_sort_keys (self);
      self->order = make_order (self);
    }
}

/* Callbacks */

static void watch_history (CoproSortedPartners *self,
                           CoproHistory        *history);

/* Whether the history is making many changes at once (then watched, to
 * take them in when it is done). */
static gboolean
in_batch (CoproSortedPartners *self)
{
  CoproHistory *history = self->owner != NULL ? copro_history_get_for_record (self->owner) : NULL;

  if (history == NULL || !copro_history_in_batch (history))
    return FALSE;
  watch_history (self, history);
  return TRUE;
}

static void
on_source_items_changed_cb (GListModel          *source,
                            guint                position,
                            guint                removed,
                            guint                added,
                            CoproSortedPartners *self)
{
  g_autoptr(GHashTable) gone = NULL;
  g_autofree Entry *fresh = g_new0 (Entry, MAX (added, 1));
  guint old_n = self->entries->len, n_new = 0;
  gboolean keys_made;

  /* The partners both removed and added (a move; the rest of the list
   * after copro_list_remove_many()) keep their entries and their keys. */
  if (removed > 0 && added > 0)
    {
      gone = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < removed; i++)
        {
          Entry *entry = &g_array_index (self->entries, Entry, position + i);

          g_hash_table_insert (gone, entry->partner, entry);
        }
    }
  for (guint i = 0; i < added; i++)
    {
      CoproRecord *partner = copro_list_get (self->source, position + i);
      Entry *known = gone != NULL ? g_hash_table_lookup (gone, partner) : NULL;

      if (known != NULL)
        {
          fresh[i] = *known;
          memset (known, 0, sizeof *known);
          g_hash_table_remove (gone, partner);
        }
      else
        {
          fresh[i].partner = partner;
          n_new++;
        }
    }
  if (removed > 0)
    g_array_remove_range (self->entries, position, removed);
  if (added > 0)
    g_array_insert_vals (self->entries, position, fresh, added);

  /* A few new partners get their keys now, so that the others' stay
   * made; many, when next needed (in threads). */
  keys_made = n_new <= FEW_NEW;
  for (guint i = 0; i < added; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, position + i);

      if (keys_made && entry->search == NULL && entry->have_value == 0 && entry->text[0] == NULL &&
          entry->text[1] == NULL)
        remake_entry (self, entry);
    }
  if (!keys_made)
    {
      self->search_made = FALSE;
      self->columns_made = 0;
    }

  /* Many changes at once (a group, an undo): the rows wait for the end. */
  if (in_batch (self))
    {
      g_clear_pointer (&self->order, g_free);
      self->stale = TRUE;
      return;
    }
  if (self->order != NULL && keys_made && added <= FEW_CHANGES)
    update_order (self, old_n, position, removed, added);
  else
    resort (self);
  update_rows (self);
}

/* Takes in the change of one partner at once. */
static void
take_change (CoproSortedPartners *self,
             CoproRecord         *partner)
{
  guint n = self->entries->len;
  guint32 position;

  for (position = 0; position < n; position++)
    if (g_array_index (self->entries, Entry, position).partner == partner)
      break;
  if (position == n)
    return;
  remake_entry (self, &g_array_index (self->entries, Entry, position));
  if (self->order != NULL)
    reposition (self, position);
  update_rows (self);
}

/* Takes in every partner changed during the history's batch: their keys
 * remade in one pass, then a sort (or, for a few, a move each) and one
 * update of the rows. */
static void
on_batch_finished_cb (CoproHistory        *history,
                      CoproSortedPartners *self)
{
  g_autoptr(GHashTable) pending = g_steal_pointer (&self->pending);
  g_autoptr(GArray) moved = g_array_new (FALSE, FALSE, sizeof (guint32));
  gboolean stale = self->stale;
  guint n = self->entries->len;

  self->stale = FALSE;
  for (guint32 i = 0; pending != NULL && g_hash_table_size (pending) > 0 && i < n; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (g_hash_table_contains (pending, entry->partner))
        {
          remake_entry (self, entry);
          g_array_append_val (moved, i);
        }
    }
  if (moved->len == 0 && !stale)
    return;
  if (stale)
    resort (self);
  else if (self->order != NULL && moved->len <= FEW_CHANGES)
    for (guint i = 0; i < moved->len; i++)
      reposition (self, g_array_index (moved, guint32, i));
  else if (self->order != NULL)
    resort (self);
  update_rows (self);
}

static void
watch_history (CoproSortedPartners *self,
               CoproHistory        *history)
{
  if (self->history == history)
    return;
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_batch_finished_cb, self);
  g_set_weak_pointer (&self->history, history);
  g_signal_connect_object (history, "batch-finished", G_CALLBACK (on_batch_finished_cb), self, 0);
}

static void
on_owner_changed_cb (CoproRecord         *owner,
                     CoproRecord         *source,
                     const char          *key,
                     CoproSortedPartners *self)
{
  if (source == owner || copro_record_get_desc (source) != &copro_desc_partner)
    return;
  if (in_batch (self))
    {
      if (self->pending == NULL)
        self->pending = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
      if (!g_hash_table_contains (self->pending, source))
        g_hash_table_add (self->pending, g_object_ref (source));
      return;
    }
  take_change (self, source);
}

/* GListModel */

static GType
copro_sorted_partners_get_item_type (GListModel *list)
{
  return COPRO_TYPE_RECORD;
}

static guint
copro_sorted_partners_get_n_items (GListModel *list)
{
  return COPRO_SORTED_PARTNERS (list)->shown->len;
}

static gpointer
copro_sorted_partners_get_item (GListModel *list,
                                guint       position)
{
  CoproSortedPartners *self = COPRO_SORTED_PARTNERS (list);

  if (position >= self->shown->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->shown, position));
}

static void
copro_sorted_partners_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = copro_sorted_partners_get_item_type;
  iface->get_n_items = copro_sorted_partners_get_n_items;
  iface->get_item = copro_sorted_partners_get_item;
}

/* The object */

static void
copro_sorted_partners_dispose (GObject *object)
{
  CoproSortedPartners *self = COPRO_SORTED_PARTNERS (object);

  if (self->source != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->source);
  if (self->owner != NULL)
    g_clear_signal_handler (&self->changed_id, self->owner);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_batch_finished_cb, self);
  g_clear_weak_pointer (&self->history);
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->only, g_hash_table_unref);
  g_clear_object (&self->source);
  g_clear_object (&self->owner);

  G_OBJECT_CLASS (copro_sorted_partners_parent_class)->dispose (object);
}

static void
copro_sorted_partners_finalize (GObject *object)
{
  CoproSortedPartners *self = COPRO_SORTED_PARTNERS (object);

  g_array_unref (self->entries);
  g_ptr_array_unref (self->shown);
  g_free (self->order);
  g_free (self->search);
  g_free (self->needle);

  G_OBJECT_CLASS (copro_sorted_partners_parent_class)->finalize (object);
}

static void
copro_sorted_partners_class_init (CoproSortedPartnersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = copro_sorted_partners_dispose;
  object_class->finalize = copro_sorted_partners_finalize;

  for (guint i = 0; i < G_N_ELEMENTS (search_keys); i++)
    search_fields[i] = copro_record_desc_field_index (&copro_desc_partner, search_keys[i]);
}

static void
copro_sorted_partners_init (CoproSortedPartners *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->shown = g_ptr_array_new ();
  self->sort_column = -1;
  self->search = g_strdup ("");
  for (guint f = 0; f < N_FIELDS; f++)
    self->field[f] = -1;
}

/* Public API */

CoproSortedPartners *
copro_sorted_partners_new (CoproList *partners)
{
  CoproSortedPartners *self;
  guint n;

  g_return_val_if_fail (COPRO_IS_LIST (partners), NULL);

  self = g_object_new (COPRO_TYPE_SORTED_PARTNERS, NULL);
  self->source = g_object_ref (partners);
  n = copro_list_get_n_items (partners);
  g_array_set_size (self->entries, n);
  g_ptr_array_set_size (self->shown, (int) n);
  for (guint i = 0; i < n; i++)
    {
      g_array_index (self->entries, Entry, i).partner = copro_list_get (partners, i);
      self->shown->pdata[i] = copro_list_get (partners, i);
    }
  self->items_changed_id = g_signal_connect (partners, "items-changed",
                                             G_CALLBACK (on_source_items_changed_cb), self);
  if (copro_list_get_owner (partners) != NULL)
    {
      self->owner = g_object_ref (copro_list_get_owner (partners));
      self->changed_id = g_signal_connect (self->owner, "changed", G_CALLBACK (on_owner_changed_cb), self);
    }
  return self;
}

void
copro_sorted_partners_prepare_search (CoproSortedPartners *self)
{
  g_return_if_fail (COPRO_IS_SORTED_PARTNERS (self));

  if (self->search_made || self->prepare_id != 0)
    return;
  self->prepared = 0;
  self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_search_cb, self, NULL);
}

gboolean
copro_sorted_partners_is_search_made (CoproSortedPartners *self)
{
  g_return_val_if_fail (COPRO_IS_SORTED_PARTNERS (self), FALSE);

  return self->search_made;
}

void
copro_sorted_partners_sort (CoproSortedPartners *self,
                            const char          *key,
                            gboolean             descending)
{
  int column = -1;

  g_return_if_fail (COPRO_IS_SORTED_PARTNERS (self));

  if (key != NULL)
    {
      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (columns[c].key, key))
          column = (int) c;
      g_return_if_fail (column >= 0);
    }
  if (column == self->sort_column && !!descending == self->descending)
    return;
  self->sort_column = column;
  self->descending = !!descending;
  resort (self);
  update_rows (self);
}

void
copro_sorted_partners_set_search (CoproSortedPartners *self,
                                  const char          *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *needle = NULL;

  g_return_if_fail (COPRO_IS_SORTED_PARTNERS (self));

  if (text == NULL)
    text = "";
  if (g_str_equal (text, self->search))
    return;
  g_free (self->search);
  self->search = g_strdup (text);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped != '\0')
    needle = fold (stripped, strlen (stripped));
  if (g_strcmp0 (needle, self->needle) == 0)
    return;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  update_rows (self);
}

const char *
copro_sorted_partners_get_search (CoproSortedPartners *self)
{
  g_return_val_if_fail (COPRO_IS_SORTED_PARTNERS (self), NULL);

  return self->search;
}

void
copro_sorted_partners_set_field (CoproSortedPartners *self,
                                 const char          *key,
                                 const char          *value)
{
  int wanted = -1;

  g_return_if_fail (COPRO_IS_SORTED_PARTNERS (self));
  g_return_if_fail (key != NULL);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      const Column *column = &columns[FIRST_FIELD_COLUMN + f];

      if (!g_str_equal (column->key, key))
        continue;
      if (value != NULL)
        {
          wanted = copro_enum_index (column->enumeration, value);
          /* Not a value of the enumeration: no partner has it. */
          if (wanted < 0)
            wanted = -2;
        }
      if (wanted == self->field[f])
        return;
      self->field[f] = wanted;
      update_rows (self);
      return;
    }
  g_return_if_reached ();
}

gboolean
copro_sorted_partners_is_filtered (CoproSortedPartners *self)
{
  g_return_val_if_fail (COPRO_IS_SORTED_PARTNERS (self), FALSE);

  for (guint f = 0; f < N_FIELDS; f++)
    if (self->field[f] != -1)
      return TRUE;
  return self->needle != NULL || self->only != NULL;
}

void
copro_sorted_partners_set_only (CoproSortedPartners *self,
                                CoproRecord        **partners,
                                guint                n_partners)
{
  g_return_if_fail (COPRO_IS_SORTED_PARTNERS (self));
  g_return_if_fail (n_partners == 0 || partners != NULL);

  if (partners == NULL && self->only == NULL)
    return;
  g_clear_pointer (&self->only, g_hash_table_unref);
  if (partners != NULL)
    {
      self->only = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
      for (guint i = 0; i < n_partners; i++)
        g_hash_table_add (self->only, g_object_ref (partners[i]));
    }
  update_rows (self);
}

gboolean
copro_sorted_partners_has_only (CoproSortedPartners *self)
{
  g_return_val_if_fail (COPRO_IS_SORTED_PARTNERS (self), FALSE);

  return self->only != NULL;
}

gboolean
copro_sorted_partners_find (CoproSortedPartners *self,
                            CoproRecord         *partner,
                            guint               *position)
{
  g_return_val_if_fail (COPRO_IS_SORTED_PARTNERS (self), FALSE);

  return g_ptr_array_find (self->shown, partner, position);
}
