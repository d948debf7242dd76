/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-document.h"

G_BEGIN_DECLS

/* The reference that the fast path of copro_document_new_from_data() and
 * copro_document_serialize() must match (copro-fast-json.c), for the tests
 * and the fuzzer: reading with the strict JSON check and json-glib alone, and
 * writing json-glib's tree of the project (in the same bytes, which are the
 * format's, not a json-glib version's). The fast path alone returns NULL,
 * with nothing to say, whenever it gives up. */
CoproDocument *_copro_document_new_from_data_reference (const char    *data,
                                                        gsize          length,
                                                        GError       **error);
CoproDocument *_copro_document_new_from_data_fast      (const char    *data,
                                                        gsize          length);
GBytes        *_copro_document_serialize_reference     (CoproDocument *self);

G_END_DECLS
