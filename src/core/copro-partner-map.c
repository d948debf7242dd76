/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The partner map, drawn with cairo and laid out with Pango: no GTK, so the
 * workbook export draws it into a PNG without a window, and a widget can draw
 * the same layout and hit-test it under the pointer.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <zlib.h>

#include "copro-error.h"
#include "copro-model.h"
#include "copro-partner-map.h"

#define N_STEPS (COPRO_PARTNER_MAP_MAX - COPRO_PARTNER_MAP_MIN + 1)
#define N_CELLS (N_STEPS * N_STEPS)
/* The golden angle: successive dots of a cell turn by it, which packs them
 * evenly on a sunflower spiral. */
#define GOLDEN_ANGLE 2.39996322972865332

typedef struct
{
  CoproRecord *partner;
  double       x;
  double       y;
  double       radius;
  guint        sector;   /* index in copro_enum_sector; n_values for none */
  guint        cell;     /* cell_index () of its cell */
} Dot;

struct _CoproPartnerMapLayout
{
  double             width;
  double             height;
  double             font_size;   /* device units */
  cairo_rectangle_t  plot;        /* the 5 × 5 grid */
  cairo_rectangle_t  legend;      /* width 0 when there is no room */
  Dot               *dots;        /* grouped by cell, list order within a cell */
  guint              n_dots;
  guint              cell_start[N_CELLS + 1];
  guint              n_unplaced;
  guint             *sector_counts; /* placed partners per sector; the last is “no sector” */
};

/* A fixed palette, one colour a sector, after Paul Tol's “muted” scheme with
 * Okabe and Ito's orange; grey for a partner with no sector. */
static const guint32 sector_palette[] = {
  0x332288, /* council: indigo */
  0x88CCEE, /* health and care: cyan */
  0x44AA99, /* voluntary and community: teal */
  0x117733, /* community group: green */
  0xDDCC77, /* lived experience: sand */
  0xCC6677, /* carer: rose */
  0xAA4499, /* business: purple */
  0x882255, /* education: wine */
  0x999933, /* elected member: olive */
  0xE69F00, /* other: orange */
};
#define NO_SECTOR_COLOR 0xBBBBBB

static const char * const quadrant_labels[] = {
  [COPRO_QUADRANT_NONE] = "",
  [COPRO_QUADRANT_MONITOR] = N_("Monitor"),
  [COPRO_QUADRANT_KEEP_INFORMED] = N_("Keep informed"),
  [COPRO_QUADRANT_KEEP_SATISFIED] = N_("Keep satisfied"),
  [COPRO_QUADRANT_MANAGE_CLOSELY] = N_("Manage closely"),
};

const char *
copro_quadrant_get_label (CoproQuadrant quadrant)
{
  g_return_val_if_fail (quadrant <= COPRO_QUADRANT_MANAGE_CLOSELY, "");

  if (quadrant == COPRO_QUADRANT_NONE)
    return "";
  return _(quadrant_labels[quadrant]);
}

static void
rgb_from_hex (guint32  hex,
              double  *red,
              double  *green,
              double  *blue)
{
  *red = ((hex >> 16) & 0xFF) / 255.0;
  *green = ((hex >> 8) & 0xFF) / 255.0;
  *blue = (hex & 0xFF) / 255.0;
}

void
copro_partner_map_sector_color (const char *sector,
                                double     *red,
                                double     *green,
                                double     *blue)
{
  int index = copro_enum_index (&copro_enum_sector, sector);

  G_STATIC_ASSERT (G_N_ELEMENTS (sector_palette) == 10);
  g_return_if_fail (red != NULL && green != NULL && blue != NULL);

  if (index < 0 || index >= (int) G_N_ELEMENTS (sector_palette))
    rgb_from_hex (NO_SECTOR_COLOR, red, green, blue);
  else
    rgb_from_hex (sector_palette[index], red, green, blue);
}

/* Layout */

static guint
cell_index (int influence,
            int interest)
{
  return (guint) ((influence - COPRO_PARTNER_MAP_MIN) * N_STEPS + (interest - COPRO_PARTNER_MAP_MIN));
}

static void
compute_frame (CoproPartnerMapLayout *self)
{
  double w = self->width, h = self->height;
  double pad, axis_left, axis_bottom, legend_width;

  self->font_size = CLAMP (MIN (w, h) / 40.0, 8.0, 15.0);
  pad = self->font_size;
  /* Room for the axis title and the numbers 1–5 beside each axis. */
  axis_left = pad + self->font_size * 3.0;
  axis_bottom = pad + self->font_size * 3.0;
  legend_width = w >= 360 ? CLAMP (w * 0.27, 120.0, 340.0) : 0.0;

  self->plot.x = axis_left;
  self->plot.y = pad;
  self->plot.width = MAX (w - legend_width - axis_left - pad, (double) N_STEPS);
  self->plot.height = MAX (h - pad - axis_bottom, (double) N_STEPS);

  self->legend.x = self->plot.x + self->plot.width + pad;
  self->legend.y = pad;
  self->legend.width = MAX (legend_width - pad, 0.0);
  self->legend.height = MAX (h - 2 * pad, 0.0);
}

void
copro_partner_map_layout_get_cell (CoproPartnerMapLayout *layout,
                                   int                    influence,
                                   int                    interest,
                                   cairo_rectangle_t     *cell)
{
  double cw, ch;

  g_return_if_fail (layout != NULL && cell != NULL);
  g_return_if_fail (copro_partner_map_quadrant (influence, interest) != COPRO_QUADRANT_NONE);

  cw = layout->plot.width / N_STEPS;
  ch = layout->plot.height / N_STEPS;
  cell->x = layout->plot.x + (interest - COPRO_PARTNER_MAP_MIN) * cw;
  cell->y = layout->plot.y + (COPRO_PARTNER_MAP_MAX - influence) * ch;
  cell->width = cw;
  cell->height = ch;
}

/* Spreads @n dots on a sunflower spiral around the centre of @cell: the
 * first sits on the centre, the i-th at distance c·√i, so every dot has its
 * own place; c shrinks, and then the dots, when a crowded cell needs it. */
static void
spread_cell (Dot                     *dots,
             guint                    n,
             const cairo_rectangle_t *cell)
{
  double cx = cell->x + cell->width / 2;
  double cy = cell->y + cell->height / 2;
  double half = MIN (cell->width, cell->height) / 2;
  double radius = CLAMP (half / 6.0, 2.0, 7.0);
  double spacing = radius * 2.4;
  double reach;

  if (n > 1)
    {
      reach = MAX (half - radius - 1.0, 0.0);
      if (spacing * sqrt (n - 1) > reach)
        {
          spacing = reach / sqrt (n - 1);
          radius = MIN (radius, MAX (spacing * 0.5, 0.75));
          /* Smaller dots leave a little more room for the spiral. */
          reach = MAX (half - radius - 1.0, 0.0);
          spacing = MIN (radius * 2.4, reach / sqrt (n - 1));
        }
    }

  for (guint i = 0; i < n; i++)
    {
      double distance = spacing * sqrt (i);
      double angle = i * GOLDEN_ANGLE;

      dots[i].x = cx + distance * cos (angle);
      dots[i].y = cy - distance * sin (angle);
      dots[i].radius = radius;
    }
}

CoproPartnerMapLayout *
copro_partner_map_layout (CoproList *partners,
                          double     width,
                          double     height)
{
  g_return_val_if_fail (COPRO_IS_LIST (partners), NULL);

  return copro_partner_map_layout_new_for_model (G_LIST_MODEL (partners), width, height);
}

void
copro_partner_map_entry_init (CoproPartnerMapEntry *entry,
                              CoproRecord          *partner)
{
  g_return_if_fail (entry != NULL);
  g_return_if_fail (COPRO_IS_RECORD (partner));

  entry->partner = g_object_ref (partner);
  entry->influence = copro_record_get_int (partner, "influence");
  entry->interest = copro_record_get_int (partner, "interest");
  entry->sector = copro_enum_index (&copro_enum_sector, copro_record_get_string (partner, "sector"));
}

CoproPartnerMapLayout *
copro_partner_map_layout_new_for_model (GListModel *partners,
                                        double      width,
                                        double      height)
{
  g_autofree CoproPartnerMapEntry *entries = NULL;
  guint n, n_entries = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (partners), NULL);
  /* A GtkFilterListModel of GTK 4.8 says its items are G_TYPE_OBJECT. */
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (partners), COPRO_TYPE_RECORD) ||
                        g_list_model_get_item_type (partners) == G_TYPE_OBJECT, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  /* Each item read once: a filtered model finds its n-th item by a search,
   * and a field by its key costs a few string comparisons. */
  n = g_list_model_get_n_items (partners);
  entries = g_new (CoproPartnerMapEntry, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (partners, i);

      if (!COPRO_IS_RECORD (item))
        {
          g_critical ("%s: item %u of the model is not a record", G_STRFUNC, i);
          continue;
        }
      copro_partner_map_entry_init (&entries[n_entries++], COPRO_RECORD (item));
    }
  return copro_partner_map_layout_new_for_entries (entries, n_entries, width, height);
}

CoproPartnerMapLayout *
copro_partner_map_layout_new_for_entries (CoproPartnerMapEntry *entries,
                                          guint                 n_entries,
                                          double                width,
                                          double                height)
{
  CoproPartnerMapLayout *self;
  guint n_sectors = copro_enum_n_values (&copro_enum_sector);
  guint counts[N_CELLS] = { 0 };
  guint fill[N_CELLS];

  g_return_val_if_fail (entries != NULL || n_entries == 0, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_new0 (CoproPartnerMapLayout, 1);
  self->width = width;
  self->height = height;
  self->sector_counts = g_new0 (guint, n_sectors + 1);
  compute_frame (self);

  for (guint i = 0; i < n_entries; i++)
    {
      if (copro_partner_map_quadrant (entries[i].influence, entries[i].interest) == COPRO_QUADRANT_NONE)
        self->n_unplaced++;
      else
        counts[cell_index (entries[i].influence, entries[i].interest)]++;
    }

  self->cell_start[0] = 0;
  for (guint c = 0; c < N_CELLS; c++)
    {
      self->cell_start[c + 1] = self->cell_start[c] + counts[c];
      fill[c] = self->cell_start[c];
    }
  self->n_dots = self->cell_start[N_CELLS];
  self->dots = g_new0 (Dot, MAX (self->n_dots, 1));

  /* The references move from the entries into the dots. */
  for (guint i = 0; i < n_entries; i++)
    {
      CoproPartnerMapEntry *entry = &entries[i];
      Dot *dot;

      if (copro_partner_map_quadrant (entry->influence, entry->interest) == COPRO_QUADRANT_NONE)
        {
          g_clear_object (&entry->partner);
          continue;
        }
      dot = &self->dots[fill[cell_index (entry->influence, entry->interest)]++];
      dot->partner = g_steal_pointer (&entry->partner);
      dot->cell = cell_index (entry->influence, entry->interest);
      dot->sector = entry->sector >= 0 && (guint) entry->sector < n_sectors ? (guint) entry->sector : n_sectors;
      self->sector_counts[dot->sector]++;
    }

  for (int influence = COPRO_PARTNER_MAP_MIN; influence <= COPRO_PARTNER_MAP_MAX; influence++)
    for (int interest = COPRO_PARTNER_MAP_MIN; interest <= COPRO_PARTNER_MAP_MAX; interest++)
      {
        guint c = cell_index (influence, interest);
        cairo_rectangle_t cell;

        copro_partner_map_layout_get_cell (self, influence, interest, &cell);
        spread_cell (self->dots + self->cell_start[c], counts[c], &cell);
      }

  return self;
}

void
copro_partner_map_layout_free (CoproPartnerMapLayout *layout)
{
  if (layout == NULL)
    return;
  for (guint i = 0; i < layout->n_dots; i++)
    g_object_unref (layout->dots[i].partner);
  g_free (layout->dots);
  g_free (layout->sector_counts);
  g_free (layout);
}

double
copro_partner_map_layout_get_width (CoproPartnerMapLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->width;
}

double
copro_partner_map_layout_get_height (CoproPartnerMapLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->height;
}

guint
copro_partner_map_layout_get_n_placed (CoproPartnerMapLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->n_dots;
}

guint
copro_partner_map_layout_get_n_unplaced (CoproPartnerMapLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->n_unplaced;
}

void
copro_partner_map_layout_get_dot (CoproPartnerMapLayout  *layout,
                                  guint                   index,
                                  CoproRecord           **partner,
                                  double                 *x,
                                  double                 *y,
                                  double                 *radius)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (index < layout->n_dots);

  if (partner != NULL)
    *partner = layout->dots[index].partner;
  if (x != NULL)
    *x = layout->dots[index].x;
  if (y != NULL)
    *y = layout->dots[index].y;
  if (radius != NULL)
    *radius = layout->dots[index].radius;
}

CoproRecord *
copro_partner_map_hit_test (CoproPartnerMapLayout *layout,
                            double                 x,
                            double                 y)
{
  guint index;

  g_return_val_if_fail (layout != NULL, NULL);

  index = copro_partner_map_layout_dot_at (layout, x, y);
  return index != COPRO_PARTNER_MAP_NO_DOT ? layout->dots[index].partner : NULL;
}

guint
copro_partner_map_layout_dot_at (CoproPartnerMapLayout *layout,
                                 double                 x,
                                 double                 y)
{
  double cw, ch, best = G_MAXDOUBLE;
  int interest, influence;
  guint found = COPRO_PARTNER_MAP_NO_DOT;
  guint c;

  g_return_val_if_fail (layout != NULL, COPRO_PARTNER_MAP_NO_DOT);

  cw = layout->plot.width / N_STEPS;
  ch = layout->plot.height / N_STEPS;
  if (x < layout->plot.x || y < layout->plot.y)
    return COPRO_PARTNER_MAP_NO_DOT;
  interest = COPRO_PARTNER_MAP_MIN + (int) floor ((x - layout->plot.x) / cw);
  influence = COPRO_PARTNER_MAP_MAX - (int) floor ((y - layout->plot.y) / ch);
  if (copro_partner_map_quadrant (influence, interest) == COPRO_QUADRANT_NONE)
    return COPRO_PARTNER_MAP_NO_DOT;

  /* Every dot lies inside its own cell, so only that cell needs looking at.
   * The nearest centre wins where crowded dots overlap. */
  c = cell_index (influence, interest);
  for (guint i = layout->cell_start[c]; i < layout->cell_start[c + 1]; i++)
    {
      const Dot *dot = &layout->dots[i];
      double d = hypot (dot->x - x, dot->y - y);

      if (d <= dot->radius + 1.0 && d < best)
        {
          best = d;
          found = i;
        }
    }
  return found;
}

gboolean
copro_partner_map_layout_find_dot (CoproPartnerMapLayout *layout,
                                   CoproRecord           *partner,
                                   guint                 *index)
{
  int influence, interest;
  guint c;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (COPRO_IS_RECORD (partner), FALSE);

  influence = copro_record_get_int (partner, "influence");
  interest = copro_record_get_int (partner, "interest");
  /* Its dot is in the cell of its values when the layout was built; look
   * there first, then everywhere in case they have changed since. */
  if (copro_partner_map_quadrant (influence, interest) != COPRO_QUADRANT_NONE)
    {
      c = cell_index (influence, interest);
      for (guint i = layout->cell_start[c]; i < layout->cell_start[c + 1]; i++)
        if (layout->dots[i].partner == partner)
          {
            if (index != NULL)
              *index = i;
            return TRUE;
          }
    }
  for (guint i = 0; i < layout->n_dots; i++)
    if (layout->dots[i].partner == partner)
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }
  return FALSE;
}

/* Keyboard order */

/* Cells in reading order: the top row (influence 5) first, each row from
 * low interest to high. */
static guint
cell_reading_rank (guint cell)
{
  guint influence_step = cell / N_STEPS, interest_step = cell % N_STEPS;

  return (N_STEPS - 1 - influence_step) * N_STEPS + interest_step;
}

static guint
cell_at_reading_rank (guint rank)
{
  guint row = rank / N_STEPS, column = rank % N_STEPS;

  return (N_STEPS - 1 - row) * N_STEPS + column;
}

static guint
first_dot_from_rank (CoproPartnerMapLayout *self,
                     guint                  rank)
{
  for (; rank < N_CELLS; rank++)
    {
      guint c = cell_at_reading_rank (rank);

      if (self->cell_start[c] < self->cell_start[c + 1])
        return self->cell_start[c];
    }
  return COPRO_PARTNER_MAP_NO_DOT;
}

static guint
last_dot_before_rank (CoproPartnerMapLayout *self,
                      guint                  rank)
{
  while (rank-- > 0)
    {
      guint c = cell_at_reading_rank (rank);

      if (self->cell_start[c] < self->cell_start[c + 1])
        return self->cell_start[c + 1] - 1;
    }
  return COPRO_PARTNER_MAP_NO_DOT;
}

/* The nearest dot in a direction: along the axis counts once, across it
 * twice, so that a dot straight ahead wins over a nearer one to the side.
 * Dots of the same row of cells (for left and right) or column (for up and
 * down) come first, so the arrows follow the grid; past its end they go on
 * to the nearest dot that way anywhere. */
static guint
nearest_in_direction (CoproPartnerMapLayout *self,
                      guint                  from,
                      double                 dx_sign,
                      double                 dy_sign)
{
  const Dot *start = &self->dots[from];
  double best_in_line = G_MAXDOUBLE, best_any = G_MAXDOUBLE;
  guint in_line = COPRO_PARTNER_MAP_NO_DOT, any = COPRO_PARTNER_MAP_NO_DOT;
  gboolean horizontal = dx_sign != 0;

  for (guint i = 0; i < self->n_dots; i++)
    {
      double dx = self->dots[i].x - start->x, dy = self->dots[i].y - start->y;
      double along = dx * dx_sign + dy * dy_sign;
      double across = fabs (dx * dy_sign) + fabs (dy * dx_sign);
      guint cell = self->dots[i].cell;
      gboolean same_line;
      double score;

      if (i == from || along <= 1e-9)
        continue;
      score = along + 2.0 * across;
      same_line = horizontal ? cell / N_STEPS == start->cell / N_STEPS
                             : cell % N_STEPS == start->cell % N_STEPS;
      if (same_line && score < best_in_line)
        {
          best_in_line = score;
          in_line = i;
        }
      if (score < best_any)
        {
          best_any = score;
          any = i;
        }
    }
  return in_line != COPRO_PARTNER_MAP_NO_DOT ? in_line : any;
}

guint
copro_partner_map_layout_get_reading_position (CoproPartnerMapLayout *layout,
                                               guint                  index)
{
  guint rank, position = 0;

  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (index < layout->n_dots, 0);

  rank = cell_reading_rank (layout->dots[index].cell);
  for (guint r = 0; r < rank; r++)
    {
      guint c = cell_at_reading_rank (r);

      position += layout->cell_start[c + 1] - layout->cell_start[c];
    }
  return position + (index - layout->cell_start[layout->dots[index].cell]);
}

guint
copro_partner_map_layout_move (CoproPartnerMapLayout *layout,
                               guint                  from,
                               CoproPartnerMapMove    move)
{
  guint rank;

  g_return_val_if_fail (layout != NULL, COPRO_PARTNER_MAP_NO_DOT);

  if (layout->n_dots == 0)
    return COPRO_PARTNER_MAP_NO_DOT;
  if (move == COPRO_PARTNER_MAP_MOVE_LAST)
    return last_dot_before_rank (layout, N_CELLS);
  /* From nowhere, every move but “last” starts at the first dot. */
  if (from >= layout->n_dots || move == COPRO_PARTNER_MAP_MOVE_FIRST)
    return first_dot_from_rank (layout, 0);

  rank = cell_reading_rank (layout->dots[from].cell);
  switch (move)
    {
    case COPRO_PARTNER_MAP_MOVE_NEXT:
      if (from + 1 < layout->cell_start[layout->dots[from].cell + 1])
        return from + 1;
      return first_dot_from_rank (layout, rank + 1);
    case COPRO_PARTNER_MAP_MOVE_PREVIOUS:
      if (from > layout->cell_start[layout->dots[from].cell])
        return from - 1;
      return last_dot_before_rank (layout, rank);
    case COPRO_PARTNER_MAP_MOVE_LEFT:
      return nearest_in_direction (layout, from, -1, 0);
    case COPRO_PARTNER_MAP_MOVE_RIGHT:
      return nearest_in_direction (layout, from, 1, 0);
    case COPRO_PARTNER_MAP_MOVE_UP:
      return nearest_in_direction (layout, from, 0, -1);
    case COPRO_PARTNER_MAP_MOVE_DOWN:
      return nearest_in_direction (layout, from, 0, 1);
    case COPRO_PARTNER_MAP_MOVE_FIRST:
    case COPRO_PARTNER_MAP_MOVE_LAST:
    default:
      g_return_val_if_reached (COPRO_PARTNER_MAP_NO_DOT);
    }
}

/* Drawing */

typedef enum
{
  TEXT_START,
  TEXT_CENTER,
  TEXT_END,
} TextAlign;

static void
set_source_hex (cairo_t *cr,
                guint32  hex)
{
  double r, g, b;

  rgb_from_hex (hex, &r, &g, &b);
  cairo_set_source_rgb (cr, r, g, b);
}

/* Shows @text with its top at @y, placed in [x, x + width] as @align says;
 * wraps when @wrap, else ellipsizes. Returns the height used. */
static double
show_text (cairo_t     *cr,
           double       font_size,
           gboolean     bold,
           const char  *text,
           double       x,
           double       y,
           double       width,
           TextAlign    align,
           gboolean     wrap)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  PangoRectangle logical;

  pango_font_description_set_absolute_size (font, font_size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      if (wrap)
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      else
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, align == TEXT_CENTER ? PANGO_ALIGN_CENTER :
                                          align == TEXT_END ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    }
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return logical.height;
}

typedef struct
{
  CoproQuadrant quadrant;
  double        x0, y0, x1, y1;
  guint32       tint;
} QuadrantArea;

static void
get_quadrant_areas (CoproPartnerMapLayout *self,
                    QuadrantArea           areas[4])
{
  const cairo_rectangle_t *p = &self->plot;
  double cw = p->width / N_STEPS, ch = p->height / N_STEPS;
  /* Where low meets high on each axis. */
  double x_mid = p->x + (COPRO_PARTNER_MAP_HIGH - COPRO_PARTNER_MAP_MIN) * cw;
  double y_mid = p->y + (COPRO_PARTNER_MAP_MAX - COPRO_PARTNER_MAP_HIGH + 1) * ch;
  const QuadrantArea all[4] = {
    { COPRO_QUADRANT_KEEP_SATISFIED, p->x, p->y, x_mid, y_mid, 0xFDF3E1 },
    { COPRO_QUADRANT_MANAGE_CLOSELY, x_mid, p->y, p->x + p->width, y_mid, 0xFBE6E3 },
    { COPRO_QUADRANT_MONITOR, p->x, y_mid, x_mid, p->y + p->height, 0xF1F1F1 },
    { COPRO_QUADRANT_KEEP_INFORMED, x_mid, y_mid, p->x + p->width, p->y + p->height, 0xE6F0FA },
  };

  memcpy (areas, all, sizeof all);
}

static void
draw_grid (CoproPartnerMapLayout *self,
           cairo_t               *cr)
{
  const cairo_rectangle_t *p = &self->plot;
  double cw = p->width / N_STEPS, ch = p->height / N_STEPS;
  QuadrantArea quadrants[4];

  get_quadrant_areas (self, quadrants);
  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    {
      set_source_hex (cr, quadrants[i].tint);
      cairo_rectangle (cr, quadrants[i].x0, quadrants[i].y0,
                       quadrants[i].x1 - quadrants[i].x0, quadrants[i].y1 - quadrants[i].y0);
      cairo_fill (cr);
    }

  /* Cell lines, then the quadrant lines and the frame over them. */
  cairo_set_line_width (cr, 1.0);
  set_source_hex (cr, 0xD0D0D0);
  for (int i = 1; i < N_STEPS; i++)
    {
      cairo_move_to (cr, p->x + i * cw, p->y);
      cairo_line_to (cr, p->x + i * cw, p->y + p->height);
      cairo_move_to (cr, p->x, p->y + i * ch);
      cairo_line_to (cr, p->x + p->width, p->y + i * ch);
    }
  cairo_stroke (cr);

  cairo_set_line_width (cr, 2.0);
  set_source_hex (cr, 0x707070);
  cairo_move_to (cr, quadrants[1].x0, p->y);
  cairo_line_to (cr, quadrants[1].x0, p->y + p->height);
  cairo_move_to (cr, p->x, quadrants[2].y0);
  cairo_line_to (cr, p->x + p->width, quadrants[2].y0);
  cairo_stroke (cr);
  cairo_rectangle (cr, p->x, p->y, p->width, p->height);
  cairo_stroke (cr);

  /* The numbers along each axis, and the axis names. */
  set_source_hex (cr, 0x303030);
  for (int v = COPRO_PARTNER_MAP_MIN; v <= COPRO_PARTNER_MAP_MAX; v++)
    {
      char number[8];
      double line = self->font_size * 1.3;

      g_snprintf (number, sizeof number, "%d", v);
      show_text (cr, self->font_size, FALSE, number,
                 p->x + (v - COPRO_PARTNER_MAP_MIN) * cw, p->y + p->height + self->font_size * 0.3,
                 cw, TEXT_CENTER, FALSE);
      show_text (cr, self->font_size, FALSE, number,
                 p->x - self->font_size * 1.6, p->y + (COPRO_PARTNER_MAP_MAX - v + 0.5) * ch - line / 2,
                 self->font_size * 1.2, TEXT_END, FALSE);
    }
  show_text (cr, self->font_size, TRUE, _("Interest"),
             p->x, p->y + p->height + self->font_size * 1.7, p->width, TEXT_CENTER, FALSE);

  cairo_save (cr);
  cairo_translate (cr, self->font_size * 0.9, p->y + p->height);
  cairo_rotate (cr, -G_PI / 2);
  show_text (cr, self->font_size, TRUE, _("Influence"), 0, 0, p->height, TEXT_CENTER, FALSE);
  cairo_restore (cr);
}

static void
draw_dot (cairo_t    *cr,
          const char *sector,
          double      x,
          double      y,
          double      radius)
{
  double r, g, b;

  copro_partner_map_sector_color (sector, &r, &g, &b);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
  cairo_set_line_width (cr, CLAMP (radius / 5.0, 0.4, 1.2));
  cairo_stroke (cr);
}

static void
draw_legend (CoproPartnerMapLayout *self,
             cairo_t               *cr)
{
  const cairo_rectangle_t *l = &self->legend;
  guint n_sectors = copro_enum_n_values (&copro_enum_sector);
  double y = l->y;
  double swatch = self->font_size * 0.45;
  double text_x = l->x + swatch * 2 + self->font_size * 0.5;

  if (l->width <= 0)
    return;

  set_source_hex (cr, 0x202020);
  y += show_text (cr, self->font_size, TRUE, _("Sector"), l->x, y, l->width, TEXT_START, FALSE);
  y += self->font_size * 0.4;

  if (self->n_dots == 0)
    y += show_text (cr, self->font_size, FALSE,
                    _("No partner has both influence and interest set yet."),
                    l->x, y, l->width, TEXT_START, TRUE);

  for (guint i = 0; i <= n_sectors; i++)
    {
      const char *key = i < n_sectors ? copro_enum_sector.values[i].key : NULL;
      g_autofree char *text = NULL;
      double line;

      if (self->sector_counts[i] == 0)
        continue;
      /* TRANSLATORS: a sector in the map's legend, then how many partners of it are on the map */
      text = g_strdup_printf (C_("map legend", "%s (%u)"),
                              key != NULL ? copro_enum_label (&copro_enum_sector, key) : _("No sector"),
                              self->sector_counts[i]);
      set_source_hex (cr, 0x202020);
      line = show_text (cr, self->font_size, FALSE, text, text_x, y, l->x + l->width - text_x,
                        TEXT_START, TRUE);
      draw_dot (cr, key, l->x + swatch, y + MIN (line, self->font_size * 1.3) / 2, swatch);
      y += line + self->font_size * 0.3;
    }

  if (self->n_unplaced > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%'u partner is not on the map because their influence or interest is not set.",
                                      "%'u partners are not on the map because their influence or interest is not set.",
                                      self->n_unplaced),
                         self->n_unplaced);

      y += self->font_size * 0.6;
      set_source_hex (cr, 0x404040);
      show_text (cr, self->font_size, FALSE, text, l->x, y, l->width, TEXT_START, TRUE);
    }
}

/* The quadrants' names, over the dots, each on a pale label so that a
 * crowded corner does not hide it. */
static void
draw_quadrant_labels (CoproPartnerMapLayout *self,
                      cairo_t               *cr)
{
  double inset = self->font_size * 0.35;
  QuadrantArea quadrants[4];

  get_quadrant_areas (self, quadrants);
  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans Bold");
      double x = quadrants[i].x0 + inset, y = quadrants[i].y0 + inset;
      PangoRectangle logical;

      pango_font_description_set_absolute_size (font, self->font_size * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, copro_quadrant_get_label (quadrants[i].quadrant), -1);
      pango_layout_set_width (layout, (int) ((quadrants[i].x1 - quadrants[i].x0 - 2 * inset) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_extents (layout, NULL, &logical);

      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_rectangle (cr, x - inset / 2 + logical.x, y + logical.y - inset / 4,
                       logical.width + inset, logical.height + inset / 2);
      cairo_fill (cr);
      set_source_hex (cr, 0x404040);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
}

/* All the dots of a sector as one path, filled once, then the outlines of
 * each cell as one path: a few dozen cairo operations for any number of
 * partners, where one a dot made 100,000 partners slow to draw. */
static void
draw_dots (CoproPartnerMapLayout *self,
           cairo_t               *cr)
{
  guint n_sectors = copro_enum_n_values (&copro_enum_sector);

  for (guint sector = 0; sector <= n_sectors; sector++)
    {
      double r, g, b;

      if (self->sector_counts[sector] == 0)
        continue;
      cairo_new_path (cr);
      for (guint i = 0; i < self->n_dots; i++)
        {
          const Dot *dot = &self->dots[i];

          if (dot->sector != sector)
            continue;
          /* Below a pixel and a half a square looks the same, and is far
           * quicker to draw by the thousand. */
          if (dot->radius < 1.5)
            {
              /* On whole pixels, cairo fills them as boxes, far faster. */
              double size = MAX (round (2 * dot->radius), 1.0);

              cairo_rectangle (cr, round (dot->x - size / 2), round (dot->y - size / 2), size, size);
            }
          else
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, dot->x, dot->y, dot->radius, 0, 2 * G_PI);
            }
        }
      copro_partner_map_sector_color (sector < n_sectors ? copro_enum_sector.values[sector].key : NULL,
                                      &r, &g, &b);
      cairo_set_source_rgb (cr, r, g, b);
      cairo_fill (cr);
    }

  cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
  for (guint c = 0; c < N_CELLS; c++)
    {
      guint first = self->cell_start[c], last = self->cell_start[c + 1];
      double radius;

      /* Dots too small for an outline are a colour and no more. */
      if (first == last || (radius = self->dots[first].radius) < 1.5)
        continue;
      cairo_new_path (cr);
      for (guint i = first; i < last; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, self->dots[i].x, self->dots[i].y, radius, 0, 2 * G_PI);
        }
      cairo_set_line_width (cr, CLAMP (radius / 5.0, 0.4, 1.2));
      cairo_stroke (cr);
    }
}

void
copro_partner_map_draw (CoproPartnerMapLayout *layout,
                        cairo_t               *cr)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  draw_grid (layout, cr);
  draw_dots (layout, cr);
  draw_quadrant_labels (layout, cr);
  draw_legend (layout, cr);
  cairo_restore (cr);
}

/* The map as a PNG. cairo's PNG writer (libpng trying every row filter, then
 * zlib at its default level) took 270 to 390 million instructions for the
 * workbook's 960 × 600 map, whatever the number of partners: three quarters of
 * the whole export of a small project, and more than the rows of 10,000
 * partners. The workbook's zip compresses the picture once more anyway, so it
 * is written here as plain RGB with unfiltered rows at zlib's fastest level:
 * about 50 million instructions, for the same pixels and a file about 7%
 * larger. The window's "Save Map as PNG" uses the same writer. */

static void
png_chunk (GByteArray   *png,
           const char   *type,
           const guint8 *data,
           gsize         length)
{
  guint32 be_length = GUINT32_TO_BE ((guint32) length);
  guint32 crc;

  g_byte_array_append (png, (const guint8 *) &be_length, 4);
  g_byte_array_append (png, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (png, data, (guint) length);
  crc = (guint32) crc32 (0, (const Bytef *) type, 4);
  if (length > 0)
    crc = (guint32) crc32 (crc, data, (uInt) length);
  crc = GUINT32_TO_BE (crc);
  g_byte_array_append (png, (const guint8 *) &crc, 4);
}

/* An opaque RGB24 @surface as an 8-bit RGB PNG; NULL when zlib fails. */
GBytes *
copro_png_encode_rgb24 (cairo_surface_t *surface)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  gsize row_length = 1 + 3 * (gsize) width;
  g_autofree guint8 *row = g_malloc (row_length);
  g_autofree guint8 *idat = NULL;
  g_autoptr(GByteArray) png = g_byte_array_new ();
  guint8 header[13];
  guint32 be;
  z_stream z = { 0 };
  gsize bound;
  int status = Z_OK;

  if (deflateInit2 (&z, Z_BEST_SPEED, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return NULL;
  bound = deflateBound (&z, (uLong) (row_length * (gsize) height));
  idat = g_malloc (bound);
  z.next_out = idat;
  z.avail_out = (uInt) bound;

  for (int y = 0; y < height && status == Z_OK; y++)
    {
      const guint32 *source = (const guint32 *) (gconstpointer) (pixels + (gsize) y * (gsize) stride);
      guint8 *out = row;

      *out++ = 0;   /* filter: none */
      for (int x = 0; x < width; x++)
        {
          guint32 pixel = source[x];

          *out++ = (guint8) (pixel >> 16);
          *out++ = (guint8) (pixel >> 8);
          *out++ = (guint8) pixel;
        }
      z.next_in = row;
      z.avail_in = (uInt) row_length;
      status = deflate (&z, y == height - 1 ? Z_FINISH : Z_NO_FLUSH);
    }
  if (status != Z_STREAM_END)
    {
      deflateEnd (&z);
      return NULL;
    }

  g_byte_array_append (png, signature, sizeof signature);
  be = GUINT32_TO_BE ((guint32) width);
  memcpy (header, &be, 4);
  be = GUINT32_TO_BE ((guint32) height);
  memcpy (header + 4, &be, 4);
  header[8] = 8;    /* bits per sample */
  header[9] = 2;    /* RGB */
  header[10] = 0;   /* deflate */
  header[11] = 0;   /* adaptive filtering, each row saying which */
  header[12] = 0;   /* not interlaced */
  png_chunk (png, "IHDR", header, sizeof header);
  png_chunk (png, "IDAT", idat, z.total_out);
  png_chunk (png, "IEND", NULL, 0);
  deflateEnd (&z);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

GBytes *
copro_partner_map_to_png (CoproRecord  *project,
                          int           width,
                          int           height,
                          GError      **error)
{
  g_autoptr(CoproPartnerMapLayout) layout = NULL;

  g_return_val_if_fail (COPRO_IS_RECORD (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (width < 1 || height < 1 || width > 16384 || height > 16384)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("The partner map cannot be drawn at %d × %d pixels."), width, height);
      return NULL;
    }

  layout = copro_partner_map_layout (copro_record_get_list (project, "partners"), width, height);
  return copro_partner_map_layout_to_png (layout, error);
}

GBytes *
copro_partner_map_layout_to_png (CoproPartnerMapLayout  *layout,
                                 GError                **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  GBytes *png = NULL;
  cairo_t *cr;
  int width, height;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  width = (int) ceil (layout->width);
  height = (int) ceil (layout->height);
  if (width < 1 || height < 1 || width > 16384 || height > 16384)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("The partner map cannot be drawn at %d × %d pixels."), width, height);
      return NULL;
    }

  /* Opaque: the PNG needs no alpha channel. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  copro_partner_map_draw (layout, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    png = copro_png_encode_rgb24 (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                 _("The partner map could not be drawn: %s."), cairo_status_to_string (status));
  else if (png == NULL)
    g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                 _("There was not enough memory to draw the partner map."));
  return png;
}
