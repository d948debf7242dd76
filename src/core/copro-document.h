/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "copro-record.h"

G_BEGIN_DECLS

#define COPRO_FORMAT_NAME     "coproduce-project"
#define COPRO_FORMAT_VERSION  1
/* Far above a county-wide register of 100,000 partners (about 70 MB). */
#define COPRO_MAX_FILE_SIZE   (512 * 1024 * 1024)
/* The format itself nests six deep; unknown members get room to spare. */
#define COPRO_MAX_DEPTH       64

#define COPRO_TYPE_DOCUMENT (copro_document_get_type ())
G_DECLARE_FINAL_TYPE (CoproDocument, copro_document, COPRO, DOCUMENT, GObject)

CoproDocument *copro_document_new               (void);
CoproDocument *copro_document_new_from_data     (const char    *data,
                                                 gsize          length,
                                                 GError       **error);
CoproDocument *copro_document_new_from_file     (GFile         *file,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
void           copro_document_load_async        (GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
CoproDocument *copro_document_load_finish       (GAsyncResult  *result,
                                                 GError       **error);

CoproRecord   *copro_document_get_project       (CoproDocument *self);
GFile         *copro_document_get_file          (CoproDocument *self);
void           copro_document_set_file          (CoproDocument *self,
                                                 GFile         *file);
gboolean       copro_document_get_modified      (CoproDocument *self);
void           copro_document_set_modified      (CoproDocument *self,
                                                 gboolean       modified);
gboolean       copro_document_get_read_only     (CoproDocument *self);
const char    *copro_document_get_read_only_reason (CoproDocument *self);
/* FALSE only for a file from a newer version: it is never written anywhere.
 * A copy made read-only because someone else has its file open may still be
 * saved under another name, which makes it editable again. */
gboolean       copro_document_get_can_save_elsewhere (CoproDocument *self);
void           copro_document_set_read_only     (CoproDocument *self,
                                                 const char    *reason);
int            copro_document_get_format_version (CoproDocument *self);
/* The etag of the file as last read or written, which saves check against. */
const char    *copro_document_get_etag          (CoproDocument *self);
void           copro_document_set_etag          (CoproDocument *self,
                                                 const char    *etag);
/* The project's title; if it has none, the file's name; else “Untitled
 * project”. */
char          *copro_document_dup_display_title (CoproDocument *self);
/* @title, or “Untitled project” if it is NULL or blank: the one wording for
 * a project with no title, wherever one is named (the workbook, drafts). */
const char    *copro_project_title_or_untitled  (const char    *title);

typedef enum
{
  COPRO_SAVE_NONE = 0,
  /* Write even when the file changed on disk since it was read or saved. */
  COPRO_SAVE_OVERWRITE_CHANGES = 1 << 0,
} CoproSaveFlags;

GBytes        *copro_document_serialize         (CoproDocument *self);

gboolean       copro_document_save_full         (CoproDocument  *self,
                                                 GFile          *file,
                                                 CoproSaveFlags  flags,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
/* The previous version is kept beside the project under this name. */
GFile         *copro_document_dup_backup_file   (GFile *file);
gboolean       copro_document_save              (CoproDocument *self,
                                                 GFile         *file,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
void           copro_document_save_async        (CoproDocument       *self,
                                                 GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
void           copro_document_save_full_async   (CoproDocument       *self,
                                                 GFile               *file,
                                                 CoproSaveFlags       flags,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       copro_document_save_finish       (CoproDocument *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);

G_END_DECLS
