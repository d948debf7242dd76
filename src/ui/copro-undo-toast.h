/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-history.h"

G_BEGIN_DECLS

/* What an Undo toast does when its change is no longer the last one in the
 * history (or there is no history): put things back by other means, or
 * nothing (a NULL fallback). */
typedef void (*CoproUndoFallback) (gpointer user_data);

/*
 * Shows @message in the toast overlay around @widget with an Undo button,
 * for a change just made as one step of @history (may be NULL). Undo takes
 * that step back as Ctrl+Z would, but only while it is still the last one;
 * otherwise it calls @fallback. The button is an action ("undo-toast-N.undo",
 * on the overlay), which goes with the toast. Returns the toast (owned by
 * the overlay; NULL when there is no overlay, and @destroy is called).
 */
AdwToast *copro_undo_toast_show (GtkWidget         *widget,
                                 const char        *message,
                                 CoproHistory      *history,
                                 CoproUndoFallback  fallback,
                                 gpointer           user_data,
                                 GDestroyNotify     destroy);

G_END_DECLS
