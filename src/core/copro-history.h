/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-document.h"
#include "copro-record.h"

G_BEGIN_DECLS

/*
 * CoproHistory: undo and redo across one document. It watches every change
 * to the document's records and lists (through the record change hook) and
 * keeps steps of (record, field, old value, new value) and list insertions,
 * removals and moves. Typing into one field within a second makes one step.
 * The document counts as modified unless the history is back at the step
 * where it was last saved.
 */
#define COPRO_TYPE_HISTORY (copro_history_get_type ())
G_DECLARE_FINAL_TYPE (CoproHistory, copro_history, COPRO, HISTORY, GObject)

CoproHistory  *copro_history_new                (CoproDocument *document);
/* The history watching the tree @record belongs to, or NULL. */
CoproHistory  *copro_history_get_for_record     (CoproRecord   *record);
CoproDocument *copro_history_get_document       (CoproHistory  *self);

gboolean       copro_history_get_can_undo       (CoproHistory  *self);
gboolean       copro_history_get_can_redo       (CoproHistory  *self);
gboolean       copro_history_undo               (CoproHistory  *self);
gboolean       copro_history_redo               (CoproHistory  *self);
/* Forgets every step (the document itself is not changed). */
void           copro_history_clear              (CoproHistory  *self);

/* Changes made between begin and end (they nest) are one step. */
void           copro_history_begin_group        (CoproHistory  *self);
void           copro_history_end_group          (CoproHistory  *self);
/* The next change starts a new step even if it continues the typing. */
void           copro_history_break_coalescing   (CoproHistory  *self);
/* How long typing into one field joins the previous step (default 1 s);
 * 0 never joins. For tests. */
void           copro_history_set_coalesce_time  (CoproHistory  *self,
                                                 GTimeSpan      usec);
/* Identifies the step that undo would take back (0: none), so that an
 * "Undo" button of a toast can check that its change is still the last. */
guint64        copro_history_get_undo_serial    (CoproHistory  *self);
guint          copro_history_get_n_steps        (CoproHistory  *self);
/* TRUE inside a group, or while undo or redo puts a step back: many changes
 * may follow, and a view that shows many records can wait for the signal
 * "batch-finished" (emitted when the outermost group ends, and after each
 * undo and redo) to take them in at once. */
gboolean       copro_history_in_batch           (CoproHistory  *self);

G_END_DECLS
