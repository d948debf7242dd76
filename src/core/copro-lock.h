/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A lock file beside a project on a shared drive says who has it open, on
 * which machine and since when, so a colleague is warned before two people
 * edit the same plan. It is advice, not enforcement: the etag check on save
 * is what prevents a lost update. */

typedef struct
{
  char      *user;       /* login name */
  char      *real_name;  /* as the system knows it; may be empty */
  char      *host;
  gint64     pid;
  GDateTime *since;
} CoproLockInfo;

typedef struct _CoproLock CoproLock;

GFile         *copro_lock_file_for        (GFile          *project);
/* Takes the lock. When someone else holds it, fails with COPRO_ERROR_LOCKED
 * and, if @holder is not NULL, says who. With @take_over, replaces their lock
 * (after the user chose to, for example because it is stale). */
CoproLock     *copro_lock_acquire         (GFile          *project,
                                           gboolean        take_over,
                                           CoproLockInfo **holder,
                                           GError        **error);
/* Reads the lock of a project, or NULL when there is none. */
CoproLockInfo *copro_lock_read            (GFile          *project);
void           copro_lock_release         (CoproLock      *lock);
/* A lock left by a process on this machine that no longer runs. */
gboolean       copro_lock_info_is_stale   (const CoproLockInfo *info);
gboolean       copro_lock_info_is_mine    (const CoproLockInfo *info);
/* Stale, and left by this same user: their own run that crashed. */
gboolean       copro_lock_info_is_own_stale (const CoproLockInfo *info);
char          *copro_lock_info_describe   (const CoproLockInfo *info);
void           copro_lock_info_free       (CoproLockInfo  *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoproLockInfo, copro_lock_info_free)

G_END_DECLS
