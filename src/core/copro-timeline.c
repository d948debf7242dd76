/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Placeholder: the layout and drawing come with issue 15's timeline work. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "copro-timeline.h"

double
copro_timeline_get_height (CoproDocument *document,
                           double         width)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), 0);

  return 0;
}

void
copro_timeline_draw (CoproDocument *document,
                     cairo_t       *cr,
                     double         width,
                     double         height)
{
  g_return_if_fail (COPRO_IS_DOCUMENT (document));
  g_return_if_fail (cr != NULL);
}

char *
copro_timeline_describe (CoproDocument *document)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), NULL);

  return g_strdup ("");
}
