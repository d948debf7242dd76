/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The timeline, laid out with Pango and drawn with cairo: no GTK, so the
 * window's Review section, the printed plan and the workbook draw the same
 * picture.
 *
 * From the top: the legend (the levels of involvement and what a diamond
 * means), the months across, then one band per step of the toolkit in the
 * toolkit's order (and one for activities with no step), each activity a
 * row: its title on the left, its bar (or, with one date, its diamond) on
 * the time axis on the right. Activities without a date are named in a note
 * under the picture. Every row has the same height, so the height needs no
 * text measured but the legend's and the note's, and drawing skips the rows
 * outside the clip: a window showing part of a long timeline draws only that.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "copro-activity.h"
#include "copro-error.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner-map.h"
#include "copro-timeline.h"

#define FONT_SIZE 13.0
#define MARGIN 8.0
#define ROW_HEIGHT (FONT_SIZE * 1.6)
#define GAP 8.0
/* The note names at most this many activities without a date. */
#define MAX_NAMED_UNDATED 50
/* The description names at most this many. */
#define MAX_DESCRIBED_UNDATED 10

#define TEXT_COLOR 0x202020
#define MUTED_COLOR 0x595959
#define GRID_COLOR 0xD8D8D8
#define YEAR_COLOR 0x909090
#define BAND_COLOR 0xECEFF3
#define OUTLINE_COLOR 0x303030

/* The levels, inform to co-produce, after the viridis scale read from light
 * to dark: ordered, and told apart by lightness alone, so that it holds for
 * the common kinds of colour blindness and in grey print. Each bar also has
 * a dark outline, so that the palest stays visible on white. */
static const guint32 level_palette[] = {
  0xFDE725, /* inform */
  0x7AD151, /* educate */
  0x22A884, /* consult */
  0x2A788E, /* engage */
  0x414487, /* co-design */
  0x440154, /* co-produce */
};
#define NO_LEVEL_COLOR 0xBBBBBB

typedef struct
{
  CoproRecord *activity;    /* borrowed from the document */
  guint        band;        /* index in copro_enum_step; n_steps for none */
  int          level;       /* index in copro_enum_level, or -1 */
  guint32      start;       /* Julian days; 0 when not dated */
  guint32      end;         /* inclusive */
  gboolean     point;       /* one date: a diamond */
  guint        order;       /* in the list, to keep sorting stable */
} Item;

typedef struct
{
  double        width;
  double        height;
  double        label_width;
  double        plot_x;
  double        plot_width;

  GArray       *items;        /* dated Items, by band then by date */
  guint         n_steps;
  guint        *band_start;   /* n_steps + 2 indices into items */
  double       *band_y;       /* top of each band */
  gboolean      has_no_step;  /* whether the band for no step is shown */
  gboolean      level_used[G_N_ELEMENTS (level_palette) + 1];
  gboolean      has_point;

  guint32       first_day;    /* the 1st of the first month */
  guint32       end_day;      /* the 1st of the month after the last */
  GDate         first_month;
  guint         n_months;
  guint         label_every;  /* months between two labels */

  PangoContext *context;
  PangoLayout  *legend;       /* the legend's words, measured once */
  double        legend_y;
  double        legend_height;
  double        axis_y;
  double        bands_y;
  char         *note;         /* NULL when every activity is dated */
  double        note_y;
  double        note_height;
} Layout;

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

static void
set_source_hex (cairo_t *cr,
                guint32  hex)
{
  double r, g, b;

  rgb_from_hex (hex, &r, &g, &b);
  cairo_set_source_rgb (cr, r, g, b);
}

static guint32
level_color (int level)
{
  if (level < 0 || level >= (int) G_N_ELEMENTS (level_palette))
    return NO_LEVEL_COLOR;
  return level_palette[level];
}

/* A Pango context of its own, with hinting off, so that the sizes measured
 * for get_height() are those drawn, whatever the surface. */
static PangoContext *
create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

static PangoLayout *
create_text (PangoContext *context,
             gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, FONT_SIZE * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  return layout;
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a, *y = b;

  if (x->band != y->band)
    return x->band < y->band ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* The item of @activity, FALSE when it has no date. */
static gboolean
read_item (CoproRecord *activity,
           guint        n_steps,
           Item        *item)
{
  GDate start, end;
  gboolean has_start = copro_record_get_date (activity, "start_date", &start);
  gboolean has_end = copro_record_get_date (activity, "end_date", &end);
  int step = copro_enum_index (&copro_enum_step, copro_record_get_string (activity, "step"));

  item->activity = activity;
  item->band = step >= 0 ? (guint) step : n_steps;
  item->level = copro_enum_index (&copro_enum_level, copro_record_get_string (activity, "level_planned"));
  if (!has_start && !has_end)
    {
      item->start = item->end = 0;
      item->point = FALSE;
      return FALSE;
    }
  if (!has_start)
    start = end;
  if (!has_end)
    end = start;
  item->start = g_date_get_julian (&start);
  item->end = g_date_get_julian (&end);
  /* An end before the start is read as the same span the other way round:
   * the checks point the mistake out, the picture still shows the span. */
  if (item->end < item->start)
    {
      guint32 swap = item->start;

      item->start = item->end;
      item->end = swap;
    }
  item->point = item->start == item->end;
  return TRUE;
}

static char *
build_note (GPtrArray *undated)
{
  g_autoptr(GString) note = g_string_new (NULL);
  guint n = undated->len;

  if (n == 0)
    return NULL;
  g_string_append_printf (note,
                          /* TRANSLATORS: under the timeline, followed by the titles of the activities */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Not dated, so not on the time axis (%'u activity): ",
                                       "Not dated, so not on the time axis (%'u activities): ",
                                       n),
                          n);
  for (guint i = 0; i < n && i < MAX_NAMED_UNDATED; i++)
    {
      if (i > 0)
        g_string_append (note, C_("list separator", "; "));
      g_string_append (note, copro_activity_get_title (undated->pdata[i]));
    }
  if (n > MAX_NAMED_UNDATED)
    {
      g_string_append (note, C_("list separator", "; "));
      g_string_append_printf (note,
                              g_dngettext (GETTEXT_PACKAGE, "and %'u more", "and %'u more",
                                           n - MAX_NAMED_UNDATED),
                              n - MAX_NAMED_UNDATED);
    }
  g_string_append (note, C_("end of a list", "."));
  return g_string_free (g_steal_pointer (&note), FALSE);
}

/* The legend: what each colour and the diamond mean, as one wrapped
 * paragraph of words measured once; the swatches are drawn into the spaces
 * left for them (Pango's shape attributes). */
typedef struct
{
  int      start;    /* byte index of the swatch's placeholder */
  guint32  color;
  gboolean point;
} LegendEntry;

static const char *
no_level_label (void)
{
  return C_("level", "Not set");
}

static void
add_legend_entry (GString       *text,
                  PangoAttrList *attrs,
                  GArray        *entries,
                  guint32        color,
                  gboolean       point,
                  const char    *label)
{
  /* U+FFFC, the object replacement character, holds the swatch's place. */
  static const char placeholder[] = "\xef\xbf\xbc";
  int size = (int) (FONT_SIZE * 0.8 * PANGO_SCALE);
  PangoRectangle ink = { 0, -size, (int) (FONT_SIZE * PANGO_SCALE), size };
  PangoRectangle logical = ink;
  LegendEntry entry = { 0, color, point };
  PangoAttribute *shape;

  if (text->len > 0)
    g_string_append (text, "\xe2\x80\x83");   /* an em space between entries */
  entry.start = (int) text->len;
  g_string_append (text, placeholder);
  shape = pango_attr_shape_new (&ink, &logical);
  shape->start_index = (guint) entry.start;
  shape->end_index = (guint) text->len;
  pango_attr_list_insert (attrs, shape);
  /* No-break spaces, so that an entry is never split across two lines. */
  g_string_append (text, "\xc2\xa0");
  for (const char *c = label; *c != '\0'; c++)
    if (*c == ' ')
      g_string_append (text, "\xc2\xa0");
    else if (*c == '-')
      g_string_append (text, "-\xe2\x81\xa0");   /* and a word joiner: no break after it */
    else
      g_string_append_c (text, *c);
  g_array_append_val (entries, entry);
}

static PangoLayout *
build_legend (Layout *self,
              GArray *entries)
{
  PangoLayout *layout = create_text (self->context, FALSE);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(GString) text = g_string_new (_("Level planned:"));
  guint n_levels = copro_enum_n_values (&copro_enum_level);
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  bold->start_index = 0;
  bold->end_index = (guint) text->len;
  pango_attr_list_insert (attrs, bold);
  for (guint i = 0; i < n_levels && i < G_N_ELEMENTS (level_palette); i++)
    add_legend_entry (text, attrs, entries, level_palette[i], FALSE,
                      copro_enum_label (&copro_enum_level, copro_enum_level.values[i].key));
  if (self->level_used[G_N_ELEMENTS (level_palette)])
    add_legend_entry (text, attrs, entries, NO_LEVEL_COLOR, FALSE, no_level_label ());
  if (self->has_point)
    add_legend_entry (text, attrs, entries, 0xFFFFFF, TRUE, _("One date only"));

  pango_layout_set_text (layout, text->str, (int) text->len);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (MAX (self->width - 2 * MARGIN, 1) * PANGO_SCALE));
  return layout;
}

static guint
months_between (const GDate *first,
                const GDate *last)
{
  return (guint) ((g_date_get_year (last) - g_date_get_year (first)) * 12
                  + (int) g_date_get_month (last) - (int) g_date_get_month (first) + 1);
}

static char *
month_label (const GDate *date,
             gboolean     full)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), 1, 12, 0, 0);

  if (time == NULL)
    return g_strdup ("");
  /* TRANSLATORS: a month on the timeline, see g_date_time_format(); %Ob is
   * the month's abbreviated name standing alone, e.g. “Jan 2027” */
  return g_date_time_format (time, full ? C_("timeline month", "%OB %Y") : C_("timeline month", "%Ob %Y"));
}

static void
layout_free (Layout *self)
{
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->band_start, g_free);
  g_clear_pointer (&self->band_y, g_free);
  g_clear_object (&self->legend);
  g_clear_object (&self->context);
  g_clear_pointer (&self->note, g_free);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Layout, layout_free)

static Layout *
layout_new (CoproRecord *project,
            double       width,
            GArray      *legend_entries)
{
  CoproList *activities = copro_record_get_list (project, "activities");
  guint n = copro_list_get_n_items (activities);
  g_autoptr(GPtrArray) undated = g_ptr_array_new ();
  Layout *self = g_new0 (Layout, 1);
  double y = MARGIN;
  guint32 first = G_MAXUINT32, last = 0;

  self->width = MAX (width, 1);
  self->n_steps = copro_enum_n_values (&copro_enum_step);
  self->items = g_array_sized_new (FALSE, FALSE, sizeof (Item), n);
  self->context = create_context ();

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);
      Item item;

      if (!read_item (activity, self->n_steps, &item))
        {
          g_ptr_array_add (undated, activity);
          continue;
        }
      item.order = i;
      first = MIN (first, item.start);
      last = MAX (last, item.end);
      self->level_used[item.level >= 0 ? (guint) item.level : G_N_ELEMENTS (level_palette)] = TRUE;
      self->has_point |= item.point;
      g_array_append_val (self->items, item);
    }
  g_array_sort (self->items, compare_items);
  self->note = build_note (undated);

  /* Rows in the bands: where each band starts in the sorted items. */
  self->band_start = g_new0 (guint, self->n_steps + 2);
  for (guint b = 0, i = 0; b <= self->n_steps + 1; b++)
    {
      while (i < self->items->len && g_array_index (self->items, Item, i).band < b)
        i++;
      self->band_start[b] = i;
    }
  self->has_no_step = self->band_start[self->n_steps + 1] > self->band_start[self->n_steps];

  self->label_width = CLAMP (self->width * 0.35, 100, 280);
  self->plot_x = MARGIN + self->label_width + GAP;
  self->plot_width = MAX (self->width - self->plot_x - MARGIN, 40);

  if (self->items->len > 0)
    {
      GDate d;
      g_autoptr(PangoLayout) measure = create_text (self->context, FALSE);
      double label_width, month_width;
      static const guint steps[] = { 1, 2, 3, 4, 6, 12, 24, 60, 120, 240, 600, 1200 };

      g_date_set_julian (&d, first);
      g_date_set_day (&d, 1);
      self->first_month = d;
      self->first_day = g_date_get_julian (&d);
      g_date_set_julian (&d, last);
      self->n_months = months_between (&self->first_month, &d);
      g_date_set_day (&d, 1);
      if (g_date_get_year (&d) < G_MAXUINT16 || g_date_get_month (&d) < 12)
        g_date_add_months (&d, 1);
      self->end_day = MAX (g_date_get_julian (&d), self->first_day + 1);

      /* Label every month when there is room, else every few. */
      {
        g_autofree char *sample = month_label (&self->first_month, FALSE);
        label_width = text_width (measure, sample) + 12;
      }
      month_width = self->plot_width / self->n_months;
      self->label_every = steps[G_N_ELEMENTS (steps) - 1];
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (month_width * steps[i] >= label_width)
          {
            self->label_every = steps[i];
            break;
          }

      self->legend = build_legend (self, legend_entries);
      self->legend_y = y;
      {
        PangoRectangle logical;

        pango_layout_get_pixel_extents (self->legend, NULL, &logical);
        self->legend_height = logical.height;
      }
      y += self->legend_height + GAP;
      self->axis_y = y;
      y += ROW_HEIGHT;
      self->bands_y = y;

      self->band_y = g_new0 (double, self->n_steps + 2);
      for (guint b = 0; b <= self->n_steps; b++)
        {
          guint rows = self->band_start[b + 1] - self->band_start[b];

          self->band_y[b] = y;
          if (b == self->n_steps && !self->has_no_step)
            continue;
          y += ROW_HEIGHT * (1 + rows);
        }
      self->band_y[self->n_steps + 1] = y;
      y += GAP;
    }

  if (self->note != NULL || n == 0)
    {
      g_autoptr(PangoLayout) note = create_text (self->context, FALSE);
      PangoRectangle logical;

      pango_layout_set_wrap (note, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (note, (int) (MAX (self->width - 2 * MARGIN, 1) * PANGO_SCALE));
      if (self->note == NULL)
        self->note = g_strdup (_("No activities have been added yet."));
      pango_layout_set_text (note, self->note, -1);
      pango_layout_get_pixel_extents (note, NULL, &logical);
      self->note_y = y;
      self->note_height = logical.height;
      y += self->note_height;
    }
  self->height = ceil (y + MARGIN);
  return self;
}

#define CHECK_PROJECT(project, fail) \
  G_STMT_START { \
    g_return_val_if_fail (COPRO_IS_RECORD (project), fail); \
    g_return_val_if_fail (copro_record_get_desc (project) == &copro_desc_project, fail); \
  } G_STMT_END

double
copro_timeline_get_height_for_project (CoproRecord *project,
                                       double       width)
{
  g_autoptr(Layout) layout = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (LegendEntry));

  CHECK_PROJECT (project, 0);

  layout = layout_new (project, width, entries);
  return layout->height;
}

double
copro_timeline_get_height (CoproDocument *document,
                           double         width)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), 0);

  return copro_timeline_get_height_for_project (copro_document_get_project (document), width);
}

double
copro_timeline_fit_height (CoproDocument *document,
                           double         width,
                           double         max_height)
{
  g_autoptr(Layout) self = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (LegendEntry));
  double best;

  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), 0);

  self = layout_new (copro_document_get_project (document), width, entries);
  if (self->height <= max_height || self->items->len == 0)
    return MIN (self->height, max_height);
  /* The legend and the axis, at least; then whole rows of each band. */
  best = self->bands_y;
  for (guint b = 0; b <= self->n_steps; b++)
    {
      guint rows = self->band_start[b + 1] - self->band_start[b];

      if (b == self->n_steps && !self->has_no_step)
        continue;
      for (guint k = 0; k <= rows + 1; k++)
        {
          double y = self->band_y[b] + ROW_HEIGHT * k;

          if (y > max_height)
            return best;
          best = y;
        }
    }
  return best;
}

static double
day_x (Layout  *self,
       guint32  day)
{
  return self->plot_x + (double) (day - self->first_day) / (double) (self->end_day - self->first_day)
                        * self->plot_width;
}

static void
diamond (cairo_t *cr,
         double   x,
         double   y,
         double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

static void
fill_and_outline (cairo_t *cr,
                  guint32  color)
{
  set_source_hex (cr, color);
  cairo_fill_preserve (cr);
  set_source_hex (cr, OUTLINE_COLOR);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_legend (Layout  *self,
             GArray  *entries,
             cairo_t *cr)
{
  set_source_hex (cr, TEXT_COLOR);
  cairo_move_to (cr, MARGIN, self->legend_y);
  pango_cairo_show_layout (cr, self->legend);

  for (guint i = 0; i < entries->len; i++)
    {
      LegendEntry *entry = &g_array_index (entries, LegendEntry, i);
      PangoRectangle pos;
      double x, y, size = FONT_SIZE * 0.8;

      pango_layout_index_to_pos (self->legend, entry->start, &pos);
      x = MARGIN + pango_units_to_double (pos.x);
      y = self->legend_y + pango_units_to_double (pos.y) + pango_units_to_double (pos.height) / 2;
      if (entry->point)
        diamond (cr, x + size / 2, y, size / 2);
      else
        cairo_rectangle (cr, x + 0.5, y - size / 2 + 0.5, size - 1, size - 1);
      fill_and_outline (cr, entry->color);
    }
}

static void
draw_axis (Layout  *self,
           cairo_t *cr)
{
  double month_width = self->plot_width / self->n_months;
  double bottom = self->band_y[self->n_steps + 1];
  g_autoptr(PangoLayout) text = create_text (self->context, FALSE);
  GDate d = self->first_month;

  set_source_hex (cr, TEXT_COLOR);
  pango_layout_set_single_paragraph_mode (text, TRUE);
  for (guint m = 0; m <= self->n_months; m++)
    {
      double x = day_x (self, g_date_get_julian (&d));
      gboolean year = g_date_get_month (&d) == G_DATE_JANUARY;
      gboolean labelled = m % self->label_every == 0 && m < self->n_months;

      if (labelled || month_width >= 4 || (year && month_width * 12 >= 4))
        {
          /* Only a labelled month's line runs up beside its label. */
          cairo_move_to (cr, round (x) + 0.5, labelled ? self->axis_y : self->bands_y);
          cairo_line_to (cr, round (x) + 0.5, bottom);
          set_source_hex (cr, year || labelled ? YEAR_COLOR : GRID_COLOR);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }
      if (labelled)
        {
          g_autofree char *label = month_label (&d, FALSE);
          PangoRectangle logical;

          pango_layout_set_text (text, label, -1);
          pango_layout_get_pixel_extents (text, NULL, &logical);
          if (x + 3 + logical.width <= self->width)
            {
              set_source_hex (cr, TEXT_COLOR);
              cairo_move_to (cr, x + 3, self->axis_y + (ROW_HEIGHT - logical.height) / 2);
              pango_cairo_show_layout (cr, text);
            }
        }
      if (m == self->n_months || (g_date_get_year (&d) == G_MAXUINT16 && g_date_get_month (&d) == 12))
        break;
      g_date_add_months (&d, 1);
    }
}

static void
draw_bands (Layout  *self,
            cairo_t *cr)
{
  g_autoptr(PangoLayout) title = create_text (self->context, FALSE);
  g_autoptr(PangoLayout) heading = create_text (self->context, TRUE);
  double clip_x0, clip_y0, clip_x1, clip_y1;
  double bar_height = ROW_HEIGHT * 0.6;

  cairo_clip_extents (cr, &clip_x0, &clip_y0, &clip_x1, &clip_y1);
  pango_layout_set_single_paragraph_mode (title, TRUE);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (title, (int) ((self->label_width - GAP) * PANGO_SCALE));
  pango_layout_set_ellipsize (heading, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (heading, (int) ((self->width - 2 * MARGIN - 2 * 4) * PANGO_SCALE));

  for (guint b = 0; b <= self->n_steps; b++)
    {
      guint first = self->band_start[b], end = self->band_start[b + 1];
      double y = self->band_y[b];
      PangoRectangle logical;

      if (b == self->n_steps && !self->has_no_step)
        continue;
      if (self->band_y[b + 1] < clip_y0 || y > clip_y1)
        continue;

      /* The band's heading: the step, across the whole width. */
      set_source_hex (cr, BAND_COLOR);
      cairo_rectangle (cr, MARGIN, y, self->width - 2 * MARGIN, ROW_HEIGHT);
      cairo_fill (cr);
      pango_layout_set_text (heading, b < self->n_steps
                                      ? copro_enum_label (&copro_enum_step, copro_enum_step.values[b].key)
                                      : _("No step given"), -1);
      pango_layout_get_pixel_extents (heading, NULL, &logical);
      set_source_hex (cr, TEXT_COLOR);
      cairo_move_to (cr, MARGIN + 4, y + (ROW_HEIGHT - logical.height) / 2);
      pango_cairo_show_layout (cr, heading);
      if (first == end)
        {
          g_autoptr(PangoLayout) none = create_text (self->context, FALSE);

          pango_layout_set_text (none, _("No dated activities"), -1);
          pango_layout_get_pixel_extents (none, NULL, &logical);
          if (logical.width + MARGIN + 4 <= self->width - MARGIN - self->plot_x)
            {
              set_source_hex (cr, MUTED_COLOR);
              cairo_move_to (cr, self->width - MARGIN - 4 - logical.width, y + (ROW_HEIGHT - logical.height) / 2);
              pango_cairo_show_layout (cr, none);
            }
        }
      y += ROW_HEIGHT;

      for (guint i = first; i < end; i++, y += ROW_HEIGHT)
        {
          Item *item = &g_array_index (self->items, Item, i);
          double mid = y + ROW_HEIGHT / 2;
          double x0 = day_x (self, item->start);
          double x1 = day_x (self, item->end + 1);

          if (y + ROW_HEIGHT < clip_y0)
            continue;
          if (y > clip_y1)
            break;

          pango_layout_set_text (title, copro_activity_get_title (item->activity), -1);
          pango_layout_get_pixel_extents (title, NULL, &logical);
          set_source_hex (cr, TEXT_COLOR);
          cairo_move_to (cr, MARGIN + 4, y + (ROW_HEIGHT - logical.height) / 2);
          pango_cairo_show_layout (cr, title);

          if (item->point)
            diamond (cr, (x0 + x1) / 2, mid, bar_height / 2 + 1);
          else
            {
              if (x1 - x0 < 3)
                x1 = x0 + 3;
              cairo_rectangle (cr, x0 + 0.5, mid - bar_height / 2 + 0.5, x1 - x0 - 1, bar_height - 1);
            }
          fill_and_outline (cr, level_color (item->level));
        }
    }
}

void
copro_timeline_draw (CoproDocument *document,
                     cairo_t       *cr,
                     double         width,
                     double         height)
{
  g_return_if_fail (COPRO_IS_DOCUMENT (document));

  copro_timeline_draw_project (copro_document_get_project (document), cr, width, height);
}

void
copro_timeline_draw_project (CoproRecord *project,
                             cairo_t     *cr,
                             double       width,
                             double       height)
{
  g_autoptr(Layout) self = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (LegendEntry));

  g_return_if_fail (COPRO_IS_RECORD (project));
  g_return_if_fail (copro_record_get_desc (project) == &copro_desc_project);
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;
  self = layout_new (project, width, entries);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (self->items->len > 0)
    {
      draw_legend (self, entries, cr);
      draw_axis (self, cr);
      draw_bands (self, cr);
    }
  if (self->note != NULL)
    {
      g_autoptr(PangoLayout) note = create_text (self->context, FALSE);

      pango_layout_set_wrap (note, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (note, (int) (MAX (self->width - 2 * MARGIN, 1) * PANGO_SCALE));
      pango_layout_set_text (note, self->note, -1);
      set_source_hex (cr, MUTED_COLOR);
      cairo_move_to (cr, MARGIN, self->note_y);
      pango_cairo_show_layout (cr, note);
    }
  cairo_restore (cr);
}

/* The description */

static void
append_separated (GString    *text,
                  gboolean   *first,
                  const char *item)
{
  if (!*first)
    g_string_append (text, C_("list separator", ", "));
  g_string_append (text, item);
  *first = FALSE;
}

char *
copro_timeline_describe (CoproDocument *document)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), NULL);

  return copro_timeline_describe_project (copro_document_get_project (document));
}

char *
copro_timeline_describe_project (CoproRecord *project)
{
  CoproList *activities;
  guint n, n_steps, n_levels, n_dated = 0;
  g_autofree guint *by_step = NULL;
  g_autofree guint *by_level = NULL;
  g_autoptr(GPtrArray) undated = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  guint32 first = G_MAXUINT32, last = 0;
  gboolean first_item = TRUE;

  CHECK_PROJECT (project, NULL);

  activities = copro_record_get_list (project, "activities");
  n = copro_list_get_n_items (activities);
  if (n == 0)
    return g_strdup (_("The timeline is empty: no activities have been added yet."));

  n_steps = copro_enum_n_values (&copro_enum_step);
  n_levels = copro_enum_n_values (&copro_enum_level);
  by_step = g_new0 (guint, n_steps + 1);
  by_level = g_new0 (guint, n_levels + 1);
  for (guint i = 0; i < n; i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);
      Item item;

      if (read_item (activity, n_steps, &item))
        {
          n_dated++;
          first = MIN (first, item.start);
          last = MAX (last, item.end);
        }
      else
        g_ptr_array_add (undated, activity);
      by_step[item.band]++;
      by_level[item.level >= 0 ? (guint) item.level : n_levels]++;
    }

  if (n_dated > 0)
    {
      GDate from, to;
      g_autofree char *from_text = NULL;
      g_autofree char *to_text = NULL;

      g_date_set_julian (&from, first);
      g_date_set_julian (&to, last);
      from_text = month_label (&from, TRUE);
      to_text = month_label (&to, TRUE);
      if (g_date_get_year (&from) == g_date_get_year (&to) && g_date_get_month (&from) == g_date_get_month (&to))
        /* TRANSLATORS: the start of the timeline's description, e.g. “12 activities in March 2027” */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u activity in %s", "%'u activities in %s", n),
                                n, from_text);
      else
        /* TRANSLATORS: the start of the timeline's description, e.g. “12 activities from March 2027 to January 2028” */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u activity from %s to %s",
                                                   "%'u activities from %s to %s", n),
                                n, from_text, to_text);
    }
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u activity, not dated",
                                               "%'u activities, none of them dated", n),
                            n);

  g_string_append (text, C_("timeline description", ": "));
  for (guint s = 0; s <= n_steps; s++)
    {
      g_autofree char *part = NULL;

      if (by_step[s] == 0)
        continue;
      if (s < n_steps)
        /* TRANSLATORS: in the timeline's description, how many activities are in a step, e.g. “3 in step 1. Identify and outline” */
        part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u in step %s", "%'u in step %s", by_step[s]),
                                by_step[s], copro_enum_label (&copro_enum_step, copro_enum_step.values[s].key));
      else
        part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u with no step", "%'u with no step", by_step[s]),
                                by_step[s]);
      append_separated (text, &first_item, part);
    }
  g_string_append (text, C_("end of a sentence", ". "));

  g_string_append (text, _("Levels planned: "));
  first_item = TRUE;
  for (guint l = 0; l <= n_levels; l++)
    {
      g_autofree char *part = NULL;

      if (by_level[l] == 0)
        continue;
      /* TRANSLATORS: in the timeline's description, how many activities plan a level, e.g. “2 Inform” */
      part = g_strdup_printf (C_("timeline description", "%u %s"), by_level[l],
                              l < n_levels ? copro_enum_label (&copro_enum_level, copro_enum_level.values[l].key)
                                           : C_("level", "not set"));
      append_separated (text, &first_item, part);
    }
  g_string_append (text, C_("end of a sentence", "."));

  if (undated->len > 0 && n_dated > 0)
    {
      g_string_append (text, " ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u is not dated: ", "%'u are not dated: ",
                                                 undated->len),
                              undated->len);
      first_item = TRUE;
      for (guint i = 0; i < undated->len && i < MAX_DESCRIBED_UNDATED; i++)
        append_separated (text, &first_item, copro_activity_get_title (undated->pdata[i]));
      if (undated->len > MAX_DESCRIBED_UNDATED)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %'u more", "and %'u more",
                                                                undated->len - MAX_DESCRIBED_UNDATED),
                                                   undated->len - MAX_DESCRIBED_UNDATED);
          append_separated (text, &first_item, more);
        }
      g_string_append (text, C_("end of a sentence", "."));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The picture */

GBytes *
copro_timeline_to_png (CoproRecord  *project,
                       int           width,
                       int           max_height,
                       GError      **error)
{
  GBytes *png = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double height, scale = 1;

  CHECK_PROJECT (project, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (width < 1 || width > 16384 || max_height < 1 || max_height > 16384)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("The timeline cannot be drawn at %d pixels wide and at most %d tall."), width, max_height);
      return NULL;
    }
  height = copro_timeline_get_height_for_project (project, width);
  if (height > max_height)
    scale = max_height / height;

  /* Opaque: the PNG needs no alpha channel. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, MAX (1, (int) ceil (width * scale)),
                                        MAX (1, (int) ceil (height * scale)));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  copro_timeline_draw_project (project, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* The partner map's writer: cairo's own takes ten times as long. */
  if (status == CAIRO_STATUS_SUCCESS)
    png = copro_png_encode_rgb24 (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                 _("The timeline could not be drawn: %s."), cairo_status_to_string (status));
  else if (png == NULL)
    g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                 _("There was not enough memory to draw the timeline."));
  return png;
}
