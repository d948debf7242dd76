/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Undo and redo for one document, without GTK: the record change hook tells
 * us about every change before it happens, with the old and the new value.
 */

#include "config.h"

#include "copro-history.h"
#include "copro-list-private.h"

/* Far more than anyone undoes; bounds the memory kept for old values. */
#define MAX_STEPS 1000

typedef struct
{
  CoproChangeKind  kind;
  CoproRecord     *record;
  guint            field;
  GValue           old_value;
  GValue           new_value;
  CoproList       *list;
  guint            position;
  guint            to;
  CoproRecord     *item;
} Change;

typedef struct
{
  guint64    serial;
  gint64     time;      /* monotonic, of the last change joined in */
  GPtrArray *changes;   /* Change, in the order they happened */
} Step;

struct _CoproHistory
{
  GObject        parent_instance;

  CoproDocument *document;
  CoproRecord   *project;
  GPtrArray     *steps;       /* Step */
  guint          position;    /* steps[0 .. position-1] are done */
  gint64         saved;       /* position the file matches, or -1 */
  guint          group_depth;
  Step          *group_step;  /* the step a group adds to, once it has one */
  GTimeSpan      coalesce_time;
  guint64        next_serial;
  gboolean       applying;
  gboolean       break_next;
};

G_DEFINE_FINAL_TYPE (CoproHistory, copro_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  BATCH_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GQuark
history_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("copro-history");
  return quark;
}

static void
change_free (Change *change)
{
  g_clear_object (&change->record);
  if (G_IS_VALUE (&change->old_value))
    g_value_unset (&change->old_value);
  if (G_IS_VALUE (&change->new_value))
    g_value_unset (&change->new_value);
  g_clear_object (&change->list);
  g_clear_object (&change->item);
  g_free (change);
}

static Change *
change_new (const CoproChange *from)
{
  Change *change = g_new0 (Change, 1);

  change->kind = from->kind;
  if (from->record != NULL)
    change->record = g_object_ref (from->record);
  change->field = from->field;
  if (from->old_value != NULL)
    {
      g_value_init (&change->old_value, G_VALUE_TYPE (from->old_value));
      g_value_copy (from->old_value, &change->old_value);
    }
  if (from->new_value != NULL)
    {
      g_value_init (&change->new_value, G_VALUE_TYPE (from->new_value));
      g_value_copy (from->new_value, &change->new_value);
    }
  if (from->list != NULL)
    change->list = g_object_ref (from->list);
  change->position = from->position;
  change->to = from->to;
  if (from->item != NULL)
    change->item = g_object_ref (from->item);
  return change;
}

static void
step_free (Step *step)
{
  g_ptr_array_unref (step->changes);
  g_free (step);
}

static const char *
field_property (Change *change)
{
  return COPRO_RECORD_GET_CLASS (change->record)->pspecs[change->field]->name;
}

static const CoproField *
change_field (Change *change)
{
  return &copro_record_get_desc (change->record)->fields[change->field];
}

/* Typing, or clicking a spin button: kinds whose runs of edits are one step. */
static gboolean
field_coalesces (const CoproField *field)
{
  switch (field->kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_TEXT:
    case COPRO_FIELD_EMAIL:
    case COPRO_FIELD_DATE:
    case COPRO_FIELD_MONEY:
    case COPRO_FIELD_INT:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
remember_can (CoproHistory *self,
              gboolean     *can_undo,
              gboolean     *can_redo)
{
  *can_undo = copro_history_get_can_undo (self);
  *can_redo = copro_history_get_can_redo (self);
}

static void
notify_can (CoproHistory *self,
            gboolean      could_undo,
            gboolean      could_redo)
{
  if (could_undo != copro_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != copro_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
truncate_redo (CoproHistory *self)
{
  if (self->position >= self->steps->len)
    return;
  if (self->saved > (gint64) self->position)
    self->saved = -1;
  g_ptr_array_set_size (self->steps, self->position);
}

static Step *
push_step (CoproHistory *self)
{
  Step *step = g_new0 (Step, 1);

  if (self->steps->len >= MAX_STEPS)
    {
      g_ptr_array_remove_index (self->steps, 0);
      self->position--;
      if (self->saved >= 0)
        self->saved--;
    }
  step->serial = ++self->next_serial;
  step->time = g_get_monotonic_time ();
  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  g_ptr_array_add (self->steps, step);
  self->position = self->steps->len;
  return step;
}

/* Joins typing into the same field to the previous step, if it was that. */
static gboolean
coalesce (CoproHistory      *self,
          const CoproChange *change,
          gint64             now)
{
  Step *last;
  Change *previous;

  if (self->break_next || self->coalesce_time <= 0 || self->position == 0 ||
      change->kind != COPRO_CHANGE_FIELD || self->saved == (gint64) self->position)
    return FALSE;
  last = g_ptr_array_index (self->steps, self->position - 1);
  if (last->changes->len != 1 || now - last->time > self->coalesce_time)
    return FALSE;
  previous = g_ptr_array_index (last->changes, 0);
  if (previous->kind != COPRO_CHANGE_FIELD || previous->record != change->record ||
      previous->field != change->field || !field_coalesces (change_field (previous)))
    return FALSE;

  g_value_unset (&previous->new_value);
  g_value_init (&previous->new_value, G_VALUE_TYPE (change->new_value));
  g_value_copy (change->new_value, &previous->new_value);
  last->time = now;
  return TRUE;
}

static void
on_change_cb (CoproRecord       *root,
              const CoproChange *change,
              gpointer           user_data)
{
  CoproHistory *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gboolean could_undo, could_redo;
  Step *step;

  if (self->applying)
    return;

  remember_can (self, &could_undo, &could_redo);
  truncate_redo (self);

  if (self->group_depth > 0)
    {
      if (self->group_step == NULL)
        self->group_step = push_step (self);
      step = self->group_step;
      step->time = now;
    }
  else if (coalesce (self, change, now))
    {
      step = NULL;
    }
  else
    {
      step = push_step (self);
    }
  if (step != NULL)
    g_ptr_array_add (step->changes, change_new (change));
  if (self->group_depth == 0)
    self->break_next = FALSE;

  notify_can (self, could_undo, could_redo);
}

static void
on_document_modified_cb (CoproDocument *document,
                         GParamSpec    *pspec,
                         CoproHistory  *self)
{
  /* Saved (or told it is unmodified): this is the point to come back to. */
  if (!self->applying && !copro_document_get_modified (document))
    self->saved = self->position;
}

static void
apply_change (Change   *change,
              gboolean  undo)
{
  guint n;
  guint found;

  switch (change->kind)
    {
    case COPRO_CHANGE_FIELD:
      g_object_set_property (G_OBJECT (change->record), field_property (change),
                             undo ? &change->old_value : &change->new_value);
      break;

    case COPRO_CHANGE_INSERT:
    case COPRO_CHANGE_REMOVE:
      if ((change->kind == COPRO_CHANGE_INSERT) == undo)
        {
          if (copro_list_find (change->list, change->item, &found))
            copro_list_remove (change->list, found);
        }
      else if (copro_record_get_parent (change->item) == NULL)
        {
          n = copro_list_get_n_items (change->list);
          copro_list_insert (change->list, MIN (change->position, n), change->item);
        }
      break;

    case COPRO_CHANGE_MOVE:
      n = copro_list_get_n_items (change->list);
      if (change->position < n && change->to < n)
        {
          if (undo)
            copro_list_move (change->list, change->to, change->position);
          else
            copro_list_move (change->list, change->position, change->to);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
sync_modified (CoproHistory *self)
{
  copro_document_set_modified (self->document,
                               self->saved < 0 || (gint64) self->position != self->saved);
}

static void
copro_history_dispose (GObject *object)
{
  CoproHistory *self = COPRO_HISTORY (object);

  if (self->project != NULL &&
      g_object_get_qdata (G_OBJECT (self->project), history_quark ()) == self)
    {
      copro_record_set_change_hook (self->project, NULL, NULL);
      g_object_set_qdata (G_OBJECT (self->project), history_quark (), NULL);
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->steps != NULL)
    g_ptr_array_set_size (self->steps, 0);
  g_clear_object (&self->project);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (copro_history_parent_class)->dispose (object);
}

static void
copro_history_finalize (GObject *object)
{
  CoproHistory *self = COPRO_HISTORY (object);

  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (copro_history_parent_class)->finalize (object);
}

static void
copro_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CoproHistory *self = COPRO_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, copro_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, copro_history_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_history_class_init (CoproHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = copro_history_dispose;
  object_class->finalize = copro_history_finalize;
  object_class->get_property = copro_history_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COPRO_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CoproHistory::batch-finished:
   *
   * The outermost group ended, or an undo or redo is done: the changes made
   * meanwhile (see copro_history_in_batch()) are all in.
   */
  signals[BATCH_FINISHED] =
    g_signal_new ("batch-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
copro_history_init (CoproHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->coalesce_time = G_USEC_PER_SEC;
}

/* Public API */

CoproHistory *
copro_history_new (CoproDocument *document)
{
  CoproHistory *self;

  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), NULL);

  self = g_object_new (COPRO_TYPE_HISTORY, NULL);
  self->document = g_object_ref (document);
  self->project = g_object_ref (copro_document_get_project (document));
  self->saved = copro_document_get_modified (document) ? -1 : 0;

  copro_record_set_change_hook (self->project, on_change_cb, self);
  g_object_set_qdata (G_OBJECT (self->project), history_quark (), self);
  g_signal_connect_object (document, "notify::modified",
                           G_CALLBACK (on_document_modified_cb), self, 0);
  return self;
}

CoproHistory *
copro_history_get_for_record (CoproRecord *record)
{
  CoproRecord *parent;

  g_return_val_if_fail (COPRO_IS_RECORD (record), NULL);

  while ((parent = copro_record_get_parent (record)) != NULL)
    record = parent;
  return g_object_get_qdata (G_OBJECT (record), history_quark ());
}

CoproDocument *
copro_history_get_document (CoproHistory *self)
{
  g_return_val_if_fail (COPRO_IS_HISTORY (self), NULL);

  return self->document;
}

gboolean
copro_history_get_can_undo (CoproHistory *self)
{
  g_return_val_if_fail (COPRO_IS_HISTORY (self), FALSE);

  return self->position > 0;
}

gboolean
copro_history_get_can_redo (CoproHistory *self)
{
  g_return_val_if_fail (COPRO_IS_HISTORY (self), FALSE);

  return self->position < self->steps->len;
}

/* How many changes of @step from @index on (going back when @undo) are
 * insertions into one list at one place after another, as an import or
 * copro_list_insert_many() makes: they are undone or redone together, with
 * one change to the list rather than one per item. */
static guint
run_of_insertions (Step     *step,
                   guint     index,
                   gboolean  undo)
{
  Change *first = g_ptr_array_index (step->changes, index);
  guint n = 1;

  if (first->kind != COPRO_CHANGE_INSERT)
    return 1;
  for (;;)
    {
      Change *next;

      if (undo ? index < n : index + n >= step->changes->len)
        break;
      next = g_ptr_array_index (step->changes, undo ? index - n : index + n);
      if (next->kind != COPRO_CHANGE_INSERT || next->list != first->list ||
          next->position != (undo ? first->position - n : first->position + n))
        break;
      n++;
    }
  return n;
}

/* Takes back the @n insertions of @step ending at @index (the last one done
 * first), when the items are still where they were put: else one by one. */
static void
undo_insertions (Step  *step,
                 guint  index,
                 guint  n)
{
  Change *last = g_ptr_array_index (step->changes, index);
  guint start = last->position + 1 - n;

  if (n > 1 && last->position < copro_list_get_n_items (last->list))
    {
      gboolean in_place = TRUE;

      for (guint i = 0; i < n && in_place; i++)
        in_place = copro_list_get (last->list, start + i) ==
                   ((Change *) g_ptr_array_index (step->changes, index + 1 - n + i))->item;
      if (in_place)
        {
          copro_list_remove_range (last->list, start, n);
          return;
        }
    }
  for (guint i = 0; i < n; i++)
    apply_change (g_ptr_array_index (step->changes, index - i), TRUE);
}

/* Does again the @n insertions of @step from @index, together when none of
 * the items has found another place since and the list is long enough. */
static void
redo_insertions (Step  *step,
                 guint  index,
                 guint  n)
{
  Change *first = g_ptr_array_index (step->changes, index);
  g_autofree CoproRecord **items = NULL;

  if (n > 1 && first->position <= copro_list_get_n_items (first->list))
    {
      items = g_new (CoproRecord *, n);
      for (guint i = 0; i < n; i++)
        {
          items[i] = ((Change *) g_ptr_array_index (step->changes, index + i))->item;
          if (copro_record_get_parent (items[i]) != NULL)
            break;
          if (i + 1 == n)
            {
              copro_list_insert_many (first->list, first->position, items, n);
              return;
            }
        }
    }
  for (guint i = 0; i < n; i++)
    apply_change (g_ptr_array_index (step->changes, index + i), FALSE);
}

/* How many changes of @step from @index on (going back when @undo) are
 * removals from one list, each at a place before the one removed before it,
 * as copro_list_remove_many() or a loop removing from the end makes: they
 * are undone or redone together, with one change to the list. */
static guint
run_of_removals (Step     *step,
                 guint     index,
                 gboolean  undo)
{
  Change *current = g_ptr_array_index (step->changes, index);
  guint n = 1;

  if (current->kind != COPRO_CHANGE_REMOVE)
    return 1;
  for (;;)
    {
      Change *next;

      if (undo ? index < n : index + n >= step->changes->len)
        break;
      next = g_ptr_array_index (step->changes, undo ? index - n : index + n);
      if (next->kind != COPRO_CHANGE_REMOVE || next->list != current->list ||
          (undo ? next->position <= current->position : next->position >= current->position))
        break;
      current = next;
      n++;
    }
  return n;
}

/* Puts back the @n removals of @step ending at @index in one pass, when
 * each item is out of every list and its place is there to go back to;
 * else one by one. */
static void
undo_removals (Step  *step,
               guint  index,
               guint  n)
{
  Change *last = g_ptr_array_index (step->changes, index);
  guint n_items = copro_list_get_n_items (last->list);
  g_autofree CoproRecord **items = g_new (CoproRecord *, n);
  g_autofree guint *positions = g_new (guint, n);
  gboolean together = TRUE;

  for (guint k = 0; k < n && together; k++)
    {
      Change *change = g_ptr_array_index (step->changes, index - k);

      items[k] = change->item;
      positions[k] = change->position;
      together = copro_record_get_parent (change->item) == NULL && change->position <= n_items + k;
    }
  if (together)
    {
      _copro_list_insert_at (last->list, items, positions, n);
      return;
    }
  for (guint k = 0; k < n; k++)
    apply_change (g_ptr_array_index (step->changes, index - k), TRUE);
}

/* Does again the @n removals of @step from @index in one pass, when every
 * item is still at the place it was removed from; else one by one. */
static void
redo_removals (Step  *step,
               guint  index,
               guint  n)
{
  Change *first = g_ptr_array_index (step->changes, index);
  guint n_items = copro_list_get_n_items (first->list);
  g_autofree CoproRecord **items = g_new (CoproRecord *, n);
  gboolean together = TRUE;

  for (guint k = 0; k < n && together; k++)
    {
      Change *change = g_ptr_array_index (step->changes, index + k);

      items[k] = change->item;
      together = change->position < n_items && copro_list_get (first->list, change->position) == change->item;
    }
  if (together)
    {
      copro_list_remove_many (first->list, items, n);
      return;
    }
  for (guint k = 0; k < n; k++)
    apply_change (g_ptr_array_index (step->changes, index + k), FALSE);
}

gboolean
copro_history_undo (CoproHistory *self)
{
  gboolean could_undo, could_redo;
  Step *step;

  g_return_val_if_fail (COPRO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->position == 0)
    return FALSE;

  remember_can (self, &could_undo, &could_redo);
  step = g_ptr_array_index (self->steps, self->position - 1);
  self->applying = TRUE;
  for (guint i = step->changes->len; i > 0;)
    {
      guint n = run_of_removals (step, i - 1, TRUE);

      if (n > 1)
        {
          undo_removals (step, i - 1, n);
          i -= n;
          continue;
        }
      n = run_of_insertions (step, i - 1, TRUE);
      undo_insertions (step, i - 1, n);
      i -= n;
    }
  self->position--;
  sync_modified (self);
  self->applying = FALSE;
  self->break_next = TRUE;
  g_signal_emit (self, signals[BATCH_FINISHED], 0);
  notify_can (self, could_undo, could_redo);
  return TRUE;
}

gboolean
copro_history_redo (CoproHistory *self)
{
  gboolean could_undo, could_redo;
  Step *step;

  g_return_val_if_fail (COPRO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->position >= self->steps->len)
    return FALSE;

  remember_can (self, &could_undo, &could_redo);
  step = g_ptr_array_index (self->steps, self->position);
  self->applying = TRUE;
  for (guint i = 0; i < step->changes->len;)
    {
      guint n = run_of_removals (step, i, FALSE);

      if (n > 1)
        {
          redo_removals (step, i, n);
          i += n;
          continue;
        }
      n = run_of_insertions (step, i, FALSE);
      redo_insertions (step, i, n);
      i += n;
    }
  self->position++;
  sync_modified (self);
  self->applying = FALSE;
  self->break_next = TRUE;
  g_signal_emit (self, signals[BATCH_FINISHED], 0);
  notify_can (self, could_undo, could_redo);
  return TRUE;
}

void
copro_history_clear (CoproHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (COPRO_IS_HISTORY (self));

  remember_can (self, &could_undo, &could_redo);
  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->group_step = NULL;
  self->saved = copro_document_get_modified (self->document) ? -1 : 0;
  notify_can (self, could_undo, could_redo);
}

void
copro_history_begin_group (CoproHistory *self)
{
  g_return_if_fail (COPRO_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->group_step = NULL;
}

void
copro_history_end_group (CoproHistory *self)
{
  g_return_if_fail (COPRO_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    {
      self->group_step = NULL;
      self->break_next = TRUE;
      g_signal_emit (self, signals[BATCH_FINISHED], 0);
    }
}

void
copro_history_break_coalescing (CoproHistory *self)
{
  g_return_if_fail (COPRO_IS_HISTORY (self));

  self->break_next = TRUE;
}

void
copro_history_set_coalesce_time (CoproHistory *self,
                                 GTimeSpan     usec)
{
  g_return_if_fail (COPRO_IS_HISTORY (self));

  self->coalesce_time = usec;
}

guint64
copro_history_get_undo_serial (CoproHistory *self)
{
  g_return_val_if_fail (COPRO_IS_HISTORY (self), 0);

  if (self->position == 0)
    return 0;
  return ((Step *) g_ptr_array_index (self->steps, self->position - 1))->serial;
}

guint
copro_history_get_n_steps (CoproHistory *self)
{
  g_return_val_if_fail (COPRO_IS_HISTORY (self), 0);

  return self->steps->len;
}

gboolean
copro_history_in_batch (CoproHistory *self)
{
  g_return_val_if_fail (COPRO_IS_HISTORY (self), FALSE);

  return self->group_depth > 0 || self->applying;
}
