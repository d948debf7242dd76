/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What only the record code and the loaders use of CoproList. */
#pragma once

#include "copro-list.h"

G_BEGIN_DECLS

/* The owner is going away: forget it, then let go of the items. */
void         _copro_list_release       (CoproList   *self);
/* For loaders only, while nothing can be listening yet: appends @item (taking
 * the reference) with no change report and no signal. */
void         _copro_list_append_loaded (CoproList   *self,
                                        CoproRecord *item);

G_END_DECLS
