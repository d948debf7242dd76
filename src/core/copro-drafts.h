/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-document.h"

G_BEGIN_DECLS

/* Drafts: unsaved changes written to the user's data folder a few seconds
 * after each edit, so a crash, a kill or a flat battery loses nothing. A
 * normal save deletes the draft; the next start offers to restore any left. */

#define COPRO_TYPE_DRAFT (copro_draft_get_type ())
G_DECLARE_FINAL_TYPE (CoproDraft, copro_draft, COPRO, DRAFT, GObject)

typedef struct
{
  char      *id;
  GFile     *draft_file;   /* the project as it was */
  GFile     *original;     /* where the project lives, or NULL if never saved */
  char      *title;
  char      *etag;         /* of the original when the draft was written */
  GDateTime *edited;
} CoproDraftInfo;

/* Where drafts live: $XDG_DATA_HOME/io.github.coproduce.Coproduce/drafts. */
GFile          *copro_drafts_dir         (void);
/* Drafts left behind, newest first. */
GPtrArray      *copro_drafts_list        (void);
CoproDocument  *copro_drafts_restore     (CoproDraftInfo  *info,
                                          GError         **error);
void            copro_drafts_delete      (CoproDraftInfo  *info);
void            copro_draft_info_free    (CoproDraftInfo  *info);

/* Watches @document and keeps its draft; @id reuses a restored draft's id. */
CoproDraft     *copro_draft_new          (CoproDocument *document,
                                          const char    *id);
/* Milliseconds after the last edit; from COPRO_DRAFT_DELAY_MS if set, else 3000. */
guint           copro_draft_get_delay    (CoproDraft    *self);
/* Writes the draft now if there are unsaved changes (for tests and on quit). */
void            copro_draft_flush        (CoproDraft    *self);
/* Deletes the draft, e.g. when the user chooses to discard the changes. */
void            copro_draft_discard      (CoproDraft    *self);
const char     *copro_draft_get_id       (CoproDraft    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoproDraftInfo, copro_draft_info_free)

G_END_DECLS
