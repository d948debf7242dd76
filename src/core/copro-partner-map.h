/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "copro-list.h"
#include "copro-partner.h"
#include "copro-record.h"

G_BEGIN_DECLS

/*
 * The partner map: partners placed on the usual influence × interest grid
 * (interest across, influence up, each 1 to 5), coloured by sector. The
 * geometry and the drawing need cairo only, never GTK: the workbook draws the
 * map into a PNG and a widget can draw the same layout on screen.
 */

/* The quadrant's name, translated, e.g. “Manage closely”; "" for NONE. */
const char    *copro_quadrant_get_label          (CoproQuadrant  quadrant);
/* The colour of a sector's dots (a fixed palette chosen to stay apart for
 * the common kinds of colour blindness); NULL or an unknown key is grey. */
void           copro_partner_map_sector_color    (const char    *sector,
                                                  double        *red,
                                                  double        *green,
                                                  double        *blue);

typedef struct _CoproPartnerMapLayout CoproPartnerMapLayout;

/* Places every partner of @partners with both influence and interest set on
 * a map @width × @height (device units, e.g. pixels). Partners at the same
 * point are spread on a small spiral around it, in list order, so that each
 * stays visible and inside its cell. The layout holds references to the
 * partners; build a new one when the list or the size changes. */
CoproPartnerMapLayout *copro_partner_map_layout      (CoproList              *partners,
                                                      double                  width,
                                                      double                  height);
/* The same for any list of partners, e.g. a filtered view of the register
 * (a GListModel of CoproRecord). */
CoproPartnerMapLayout *copro_partner_map_layout_new_for_model (GListModel    *partners,
                                                               double         width,
                                                               double         height);

/* What the map needs of one partner, read where the partner lives (the main
 * thread), so that the layout can then be built anywhere. */
typedef struct
{
  CoproRecord *partner;    /* a reference */
  int          influence;
  int          interest;
  int          sector;     /* index in copro_enum_sector, or -1 */
} CoproPartnerMapEntry;

void                   copro_partner_map_entry_init  (CoproPartnerMapEntry   *entry,
                                                      CoproRecord            *partner);
/* The layout of @entries, in their order; it takes their references (and
 * leaves their partner members NULL). Reads no record: safe in a worker
 * thread. Free the layout where the partners live, as it drops references. */
CoproPartnerMapLayout *copro_partner_map_layout_new_for_entries (CoproPartnerMapEntry *entries,
                                                                 guint                 n_entries,
                                                                 double                width,
                                                                 double                height);
void                   copro_partner_map_layout_free (CoproPartnerMapLayout  *layout);

double       copro_partner_map_layout_get_width       (CoproPartnerMapLayout *layout);
double       copro_partner_map_layout_get_height      (CoproPartnerMapLayout *layout);
/* Partners on the map, and partners left off because influence or interest is unset. */
guint        copro_partner_map_layout_get_n_placed    (CoproPartnerMapLayout *layout);
guint        copro_partner_map_layout_get_n_unplaced  (CoproPartnerMapLayout *layout);
/* The @index-th dot (0 ≤ index < n_placed), grouped by cell; any out
 * argument may be NULL. The partner is borrowed from the layout. */
void         copro_partner_map_layout_get_dot         (CoproPartnerMapLayout *layout,
                                                       guint                  index,
                                                       CoproRecord          **partner,
                                                       double                *x,
                                                       double                *y,
                                                       double                *radius);
/* The rectangle of the cell for (influence, interest), each 1–5. */
void         copro_partner_map_layout_get_cell        (CoproPartnerMapLayout *layout,
                                                       int                    influence,
                                                       int                    interest,
                                                       cairo_rectangle_t     *cell);

/* The partner whose dot is under (@x, @y), or NULL; borrowed. */
CoproRecord *copro_partner_map_hit_test  (CoproPartnerMapLayout *layout,
                                          double                 x,
                                          double                 y);

/* An index of no dot. */
#define COPRO_PARTNER_MAP_NO_DOT G_MAXUINT

/* The index of the dot under (@x, @y), or COPRO_PARTNER_MAP_NO_DOT. */
guint        copro_partner_map_layout_dot_at   (CoproPartnerMapLayout *layout,
                                                double                 x,
                                                double                 y);
/* The index of @partner's dot; FALSE when it is not on the map. */
gboolean     copro_partner_map_layout_find_dot (CoproPartnerMapLayout *layout,
                                                CoproRecord           *partner,
                                                guint                 *index);

/* Moving between dots from the keyboard. NEXT and PREVIOUS visit every dot
 * once in reading order: cells from the top row (influence 5) down, each row
 * from low interest to high, and within a cell from the centre outwards.
 * LEFT, RIGHT, UP and DOWN go to the nearest dot that way on screen, in
 * the same row (or column) of cells while there is one. */
typedef enum
{
  COPRO_PARTNER_MAP_MOVE_NEXT,
  COPRO_PARTNER_MAP_MOVE_PREVIOUS,
  COPRO_PARTNER_MAP_MOVE_FIRST,
  COPRO_PARTNER_MAP_MOVE_LAST,
  COPRO_PARTNER_MAP_MOVE_LEFT,
  COPRO_PARTNER_MAP_MOVE_RIGHT,
  COPRO_PARTNER_MAP_MOVE_UP,
  COPRO_PARTNER_MAP_MOVE_DOWN,
} CoproPartnerMapMove;

/* The dot that @move from dot @from reaches, or COPRO_PARTNER_MAP_NO_DOT when
 * there is none that way. From COPRO_PARTNER_MAP_NO_DOT (no dot chosen yet)
 * every move but LAST goes to the first dot. */
guint        copro_partner_map_layout_move     (CoproPartnerMapLayout *layout,
                                                guint                  from,
                                                CoproPartnerMapMove    move);

/* Where dot @index comes in the order of NEXT, from 0 (e.g. “3 of 40”). */
guint        copro_partner_map_layout_get_reading_position (CoproPartnerMapLayout *layout,
                                                            guint                  index);

/* Draws grid, quadrant names, dots and legend at (0, 0)–(width, height) of
 * the layout. Paints no background. */
void         copro_partner_map_draw      (CoproPartnerMapLayout *layout,
                                          cairo_t               *cr);

/* The map of @project's partners as a PNG on a white background. */
GBytes      *copro_partner_map_to_png    (CoproRecord           *project,
                                          int                    width,
                                          int                    height,
                                          GError               **error);

/* The same drawing of @layout as a PNG on a white background, at the
 * layout's size rounded up to whole pixels. */
GBytes      *copro_partner_map_layout_to_png (CoproPartnerMapLayout  *layout,
                                              GError                **error);

/* An opaque (RGB24) image surface as an 8-bit RGB PNG, by the fast writer
 * the map's picture uses (the comment above encode_png's code says why);
 * NULL when zlib fails. The timeline's picture uses it too. */
GBytes      *copro_png_encode_rgb24      (cairo_surface_t       *surface);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoproPartnerMapLayout, copro_partner_map_layout_free)

G_END_DECLS
