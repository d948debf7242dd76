/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The printed documents (see copro-pdf.h). Laying out and drawing are apart:
 * the layout flows the document once into a list of items, each placed on a
 * page in reading order and belonging to a node of the document's structure
 * (Document, Sect, H1, P, Table, TR, TH, TD, Figure); drawing a page draws its
 * items. The PDF writer draws every page in turn and opens and closes cairo's
 * structure tags as the items' nodes change, so the tagged structure follows
 * the reading order of the page. Rules, shading, the running header and
 * footer and repeated table headers are artifacts, outside the structure.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "copro-activity.h"
#include "copro-budget.h"
#include "copro-checks.h"
#include "copro-error.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-partner-map.h"
#include "copro-partner.h"
#include "copro-pdf.h"
#include "copro-risk.h"
#include "copro-timeline.h"

/* The page, in points: 20 mm side margins, the running header in the top
 * 25 mm and the footer in the bottom 25 mm. */
#define PAGE_W       COPRO_PDF_PAGE_WIDTH
#define PAGE_H       COPRO_PDF_PAGE_HEIGHT
#define MARGIN_X     56.69
#define BODY_X       MARGIN_X
#define BODY_W       (PAGE_W - 2 * MARGIN_X)
#define BODY_TOP     70.87
#define BODY_BOTTOM  (PAGE_H - 70.87)
#define HEADER_Y     34.0
#define FOOTER_Y     (PAGE_H - 50.0)
#define CELL_PAD     4.0
#define LINE_SPACING 1.3

typedef enum
{
  ITEM_TEXT,
  ITEM_FILL,
  ITEM_LINE,
  ITEM_MAP,
  ITEM_TIMELINE,
} ItemKind;

typedef struct
{
  const char *tag;   /* a PDF structure type, static */
  int         parent;
} Node;

typedef struct
{
  ItemKind     kind;
  guint        page;
  int          node;    /* the structure node it belongs to; -1 for an artifact */
  double       x, y, w, h;
  PangoLayout *layout;  /* TEXT */
  double       gray;    /* FILL and LINE */
} Item;

typedef struct
{
  char  *title;
  guint  page;
  double y;
} Outline;

struct _CoproPdfLayout
{
  CoproDocument         *document;
  CoproPdfKind           kind;
  gboolean               personal;
  PangoContext          *pango;
  GArray                *nodes;    /* Node */
  GArray                *items;    /* Item, in reading order, page by page */
  GArray                *page_starts; /* guint: the first item of each page */
  GArray                *outlines; /* Outline */
  guint                  n_pages;
  char                  *title;
  char                  *project_title;
  char                  *footer;
  CoproPartnerMapLayout *map;
  PangoFontDescription  *header_font;
};

/* Type sizes: the plan and the feedback in an ordinary size; the terms of
 * reference large (16 point), to be read aloud and by people who need large
 * print. */
typedef struct
{
  double body;
  double h1;
  double h2;
  double h3;
} Sizes;

static const Sizes normal_sizes = { 10.5, 20, 15, 12 };
static const Sizes large_sizes = { 16, 26, 21, 18 };

typedef struct
{
  CoproPdfLayout       *self;
  CoproRecord          *project;
  GDate                 today;
  guint                 page;
  double                y;
  int                   section;  /* the current Sect node */
  PangoFontDescription *body;
  PangoFontDescription *bold;
  PangoFontDescription *h1;
  PangoFontDescription *h2;
  PangoFontDescription *h3;
  double                body_size;
} Flow;

const char *
copro_pdf_kind_to_key (CoproPdfKind kind)
{
  switch (kind)
    {
    case COPRO_PDF_PLAN:
      return "plan";
    case COPRO_PDF_TERMS:
      return "terms";
    case COPRO_PDF_FEEDBACK:
      return "feedback";
    default:
      g_return_val_if_reached ("plan");
    }
}

gboolean
copro_pdf_kind_from_key (const char   *key,
                         CoproPdfKind *kind)
{
  for (int k = 0; k < COPRO_PDF_N_KINDS; k++)
    if (key != NULL && g_str_equal (key, copro_pdf_kind_to_key ((CoproPdfKind) k)))
      {
        *kind = (CoproPdfKind) k;
        return TRUE;
      }
  return FALSE;
}

const char *
copro_pdf_kind_get_name (CoproPdfKind kind)
{
  switch (kind)
    {
    case COPRO_PDF_PLAN:
      return _("Plan for sign-off");
    case COPRO_PDF_TERMS:
      return _("Terms of reference");
    case COPRO_PDF_FEEDBACK:
      return _("You said, we did");
    default:
      g_return_val_if_reached ("");
    }
}

/* Values as people read them */

static char *
format_date (const GDate *date)
{
  char buffer[64];

  /* TRANSLATORS: a date in a printed document, as strftime() writes it: 4 December 2026 */
  if (g_date_strftime (buffer, sizeof buffer, _("%-d %B %Y"), date) == 0)
    return g_strdup ("");
  return g_strdup (buffer);
}

static char *
format_iso_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !copro_date_parse (iso, &date))
    return g_strdup ("");
  return format_date (&date);
}

/* “£1,234.56” whatever the locale: money is always pounds. */
static char *
format_money (gint64 pence)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (pence) / 100);
  GString *text = g_string_new (pence < 0 ? "−£" : "£");
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  g_string_append_printf (text, ".%02d", (int) (ABS (pence) % 100));
  return g_string_free (text, FALSE);
}

static gboolean
field_is_personal (const CoproField *field)
{
  return field->kind == COPRO_FIELD_EMAIL || g_str_equal (field->key, "phone");
}

static gboolean
field_is_scalar (const CoproField *field)
{
  return field->kind != COPRO_FIELD_RECORD && field->kind != COPRO_FIELD_LIST;
}

/* Any scalar field as text; "" when unset. */
static char *
format_value (Flow             *f,
              CoproRecord      *record,
              const CoproField *field)
{
  switch (field->kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_TEXT:
    case COPRO_FIELD_EMAIL:
      return g_strdup (copro_record_get_string (record, field->key));
    case COPRO_FIELD_INT:
      {
        int value = copro_record_get_int (record, field->key);

        if (value == 0 && field->min > 0)
          return g_strdup ("");
        return g_strdup_printf ("%d", value);
      }
    case COPRO_FIELD_MONEY:
      return format_money (copro_record_get_money (record, field->key));
    case COPRO_FIELD_DATE:
      return format_iso_date (copro_record_get_string (record, field->key));
    case COPRO_FIELD_ENUM:
      return g_strdup (copro_enum_label (field->enumeration, copro_record_get_string (record, field->key)));
    case COPRO_FIELD_FLAGS:
      {
        const char * const *flags = copro_record_get_flags (record, field->key);
        GString *text = g_string_new (NULL);

        for (guint i = 0; flags != NULL && flags[i] != NULL; i++)
          {
            if (text->len > 0)
              g_string_append (text, ", ");
            g_string_append (text, copro_enum_label (field->enumeration, flags[i]));
          }
        return g_string_free (text, FALSE);
      }
    case COPRO_FIELD_BOOL:
      return g_strdup (copro_record_get_bool (record, field->key) ? _("Yes") : _("No"));
    case COPRO_FIELD_REF:
      {
        CoproList *partners = copro_record_get_list (f->project, "partners");
        const char *id = copro_record_get_string (record, field->key);
        CoproRecord *partner = id != NULL ? copro_list_find_by_id (partners, id) : NULL;

        if (id == NULL)
          return g_strdup ("");
        if (partner == NULL)
          return g_strdup (copro_partner_get_missing_title ());
        if (f->self->personal)
          return copro_partner_dup_full_title (partner);
        return g_strdup (copro_enum_label (&copro_enum_sector, copro_record_get_string (partner, "sector")));
      }
    case COPRO_FIELD_RECORD:
    case COPRO_FIELD_LIST:
    default:
      return g_strdup ("");
    }
}

/* Building the structure and the items */

static int
add_node (Flow       *f,
          const char *tag,
          int         parent)
{
  Node node = { tag, parent };

  g_array_append_val (f->self->nodes, node);
  return (int) f->self->nodes->len - 1;
}

static void
add_item (Flow *f,
          Item *item)
{
  item->page = f->page;
  g_array_append_val (f->self->items, *item);
}

/* No ligatures: with them, “ﬁ” reaches a screen reader, a search or a copy
 * as one character that is not the letters f and i. */
static void
set_no_ligatures (PangoLayout *layout)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("liga 0, clig 0, dlig 0"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static PangoLayout *
make_layout (Flow                 *f,
             const char           *text,
             PangoFontDescription *font,
             double                width)
{
  PangoLayout *layout = pango_layout_new (f->self->pango);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, LINE_SPACING);
  set_no_ligatures (layout);
  /* Plain text, whatever it holds: never markup. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* How many bytes of @layout's text fit in @height: whole lines, at least
 * one. */
static int
fit_lines (PangoLayout *layout,
           double       height)
{
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);
  int fit = -1;

  do
    {
      PangoRectangle logical;
      int start = pango_layout_iter_get_index (iter);

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if ((double) (logical.y + logical.height) / PANGO_SCALE > height && fit >= 0)
        return start;
      fit = start;
    }
  while (pango_layout_iter_next_line (iter));
  return (int) strlen (pango_layout_get_text (layout));
}

static void
new_page (Flow *f)
{
  f->page++;
  f->y = BODY_TOP;
}

/* Starts a new page unless @height fits below what is there. */
static void
ensure_space (Flow  *f,
              double height)
{
  if (f->y + height > BODY_BOTTOM && f->y > BODY_TOP)
    new_page (f);
}

static void
add_text_item (Flow        *f,
               int          node,
               PangoLayout *layout,
               double       x,
               double       y,
               double       width,
               double       height)
{
  Item item = { ITEM_TEXT, 0, node, x, y, width, height, layout, 0 };

  add_item (f, &item);
}

static void
add_rect (Flow     *f,
          ItemKind  kind,
          double    x,
          double    y,
          double    w,
          double    h,
          double    gray)
{
  Item item = { kind, 0, -1, x, y, w, h, NULL, gray };

  add_item (f, &item);
}

/* A block of text in its own structure node @tag, @x and @width within the
 * body, running on over pages at line breaks. */
static int
add_block (Flow                 *f,
           int                   parent,
           const char           *tag,
           const char           *text,
           PangoFontDescription *font,
           double                x,
           double                width,
           double                space_after)
{
  int node = add_node (f, tag, parent);
  const char *rest = text;

  while (TRUE)
    {
      PangoLayout *layout = make_layout (f, rest, font, width);
      double height = layout_height (layout);
      int fit;

      if (f->y + height <= BODY_BOTTOM)
        {
          add_text_item (f, node, layout, x, f->y, width, height);
          f->y += height + space_after;
          return node;
        }
      fit = fit_lines (layout, BODY_BOTTOM - f->y);
      if (fit <= 0 || BODY_BOTTOM - f->y < height / pango_layout_get_line_count (layout))
        {
          /* Not one line fits: go on on the next page. */
          g_object_unref (layout);
          new_page (f);
          continue;
        }
      g_object_unref (layout);
      {
        g_autofree char *part = g_strndup (rest, fit);
        PangoLayout *first;

        /* The break falls at a space or a line end: the next part starts
         * after it. */
        g_strchomp (part);
        first = make_layout (f, part, font, width);
        add_text_item (f, node, first, x, f->y, width, layout_height (first));
        rest += fit;
        new_page (f);
      }
    }
}

static void
add_paragraph (Flow       *f,
               const char *text)
{
  add_block (f, f->section, "P", text, f->body, BODY_X, BODY_W, f->body_size * 0.6);
}

/* A heading keeps @follow points of what follows on its page. */
static void
add_heading_keep (Flow       *f,
                  const char *tag,
                  const char *text,
                  double      follow)
{
  PangoFontDescription *font = g_str_equal (tag, "H1") ? f->h1 : g_str_equal (tag, "H2") ? f->h2 : f->h3;
  double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  g_autoptr(PangoLayout) probe = make_layout (f, text, font, BODY_W);

  f->y += size * 0.5;
  ensure_space (f, layout_height (probe) + size * 0.4 + follow);
  if (g_str_equal (tag, "H2"))
    {
      Outline outline = { g_strdup (text), f->page, f->y };

      g_array_append_val (f->self->outlines, outline);
    }
  add_block (f, f->section, tag, text, font, BODY_X, BODY_W, size * 0.4);
}

/* A heading keeps at least two lines of what follows on its page (a table
 * keeps its header row and a row's worth of room itself). */
static void
add_heading (Flow       *f,
             const char *tag,
             const char *text)
{
  add_heading_keep (f, tag, text, f->body_size * LINE_SPACING * 2.5);
}

/* A new top-level section, with its heading. */
static void
begin_section (Flow       *f,
               const char *heading)
{
  f->section = add_node (f, "Sect", 0);
  add_heading (f, "H2", heading);
}

/* Tables: a header row (repeated, as an artifact, on each page the table
 * runs onto), rows that never break across pages unless one row is taller
 * than a page, and then it breaks at line ends into a continuation row. */

typedef struct
{
  Flow        *f;
  int          node;
  guint        n_columns;
  double       widths[8];
  const char  *headers[8];  /* NULL: no header row */
  gboolean     row_headers; /* the first column names its row (TH) */
  gboolean     has_header;
} Table;

static void
table_init (Table       *t,
            Flow        *f,
            guint        n_columns,
            const double *fractions,
            const char * const *headers,
            gboolean     row_headers)
{
  double total = 0;

  g_assert (n_columns > 0 && n_columns <= G_N_ELEMENTS (t->widths));
  memset (t, 0, sizeof *t);
  t->f = f;
  t->n_columns = n_columns;
  t->row_headers = row_headers;
  t->has_header = headers != NULL;
  for (guint c = 0; c < n_columns; c++)
    total += fractions[c];
  for (guint c = 0; c < n_columns; c++)
    {
      t->widths[c] = BODY_W * fractions[c] / total;
      t->headers[c] = headers != NULL ? headers[c] : NULL;
    }
  t->node = add_node (f, "Table", f->section);
}

/* Draws one row of cells @texts (each from @offsets) at the flow's place;
 * returns its height. @node_tr -1 draws an artifact (a repeated header). */
static double
place_row (Table              *t,
           int                 node_tr,
           const char * const *texts,
           gboolean            header,
           double              max_height,
           int                *consumed)
{
  Flow *f = t->f;
  PangoLayout *layouts[8] = { NULL };
  double heights[8] = { 0 };
  double row_height = 0;
  double x = BODY_X;

  for (guint c = 0; c < t->n_columns; c++)
    {
      gboolean bold = header || (t->row_headers && c == 0);

      layouts[c] = make_layout (f, texts[c], bold ? f->bold : f->body, t->widths[c] - 2 * CELL_PAD);
      heights[c] = layout_height (layouts[c]);
      consumed[c] = (int) strlen (texts[c]);
      if (max_height > 0 && heights[c] > max_height - 2 * CELL_PAD)
        {
          int fit = fit_lines (layouts[c], max_height - 2 * CELL_PAD);
          g_autofree char *part = g_strndup (texts[c], fit);

          g_object_unref (layouts[c]);
          g_strchomp (part);
          layouts[c] = make_layout (f, part, bold ? f->bold : f->body, t->widths[c] - 2 * CELL_PAD);
          heights[c] = layout_height (layouts[c]);
          consumed[c] = fit;
        }
      row_height = MAX (row_height, heights[c]);
    }
  row_height += 2 * CELL_PAD;

  if (header)
    add_rect (f, ITEM_FILL, BODY_X, f->y, BODY_W, row_height, 0.90);
  for (guint c = 0; c < t->n_columns; c++)
    {
      const char *tag = header || (t->row_headers && c == 0) ? "TH" : "TD";
      int cell = node_tr >= 0 ? add_node (f, tag, node_tr) : -1;

      if (texts[c][0] != '\0' && consumed[c] > 0)
        add_text_item (f, cell, layouts[c], x + CELL_PAD, f->y + CELL_PAD, t->widths[c] - 2 * CELL_PAD, heights[c]);
      else
        g_object_unref (layouts[c]);
      x += t->widths[c];
    }
  add_rect (f, ITEM_LINE, BODY_X, f->y + row_height, BODY_W, 0, 0.6);
  f->y += row_height;
  return row_height;
}

static double
measure_row (Table              *t,
             const char * const *texts,
             gboolean            header)
{
  double row_height = 0;

  for (guint c = 0; c < t->n_columns; c++)
    {
      gboolean bold = header || (t->row_headers && c == 0);
      g_autoptr(PangoLayout) layout = make_layout (t->f, texts[c], bold ? t->f->bold : t->f->body,
                                                   t->widths[c] - 2 * CELL_PAD);

      row_height = MAX (row_height, layout_height (layout));
    }
  return row_height + 2 * CELL_PAD;
}

static void
table_header (Table    *t,
              gboolean  repeat)
{
  int consumed[8];

  if (!t->has_header)
    return;
  add_rect (t->f, ITEM_LINE, BODY_X, t->f->y, BODY_W, 0, 0.6);
  if (repeat)
    place_row (t, -1, t->headers, TRUE, 0, consumed);
  else
    place_row (t, add_node (t->f, "TR", t->node), t->headers, TRUE, 0, consumed);
}

static void
table_begin (Table *t)
{
  double header = t->has_header ? measure_row (t, t->headers, TRUE) : 0;

  /* The header and at least a row's worth of room. */
  ensure_space (t->f, header + t->f->body_size * LINE_SPACING * 2 + 2 * CELL_PAD);
  if (!t->has_header)
    add_rect (t->f, ITEM_LINE, BODY_X, t->f->y, BODY_W, 0, 0.6);
  table_header (t, FALSE);
}

static void
table_row (Table              *t,
           const char * const *cells)
{
  Flow *f = t->f;
  const char *texts[8];
  int consumed[8];
  gboolean fresh = FALSE;

  for (guint c = 0; c < t->n_columns; c++)
    texts[c] = cells[c] != NULL ? cells[c] : "";

  while (TRUE)
    {
      double height = measure_row (t, texts, FALSE);
      double room = BODY_BOTTOM - f->y;
      gboolean done = TRUE;

      if (height > room && !fresh)
        {
          new_page (f);
          table_header (t, TRUE);
          fresh = TRUE;
          continue;
        }
      /* Fits, or taller than a whole page: then as much as fits. */
      place_row (t, add_node (f, "TR", t->node), texts, FALSE, height > room ? room : 0, consumed);
      for (guint c = 0; c < t->n_columns; c++)
        {
          texts[c] += consumed[c];
          while (*texts[c] == ' ' || *texts[c] == '\n')
            texts[c]++;
          if (*texts[c] != '\0')
            done = FALSE;
        }
      if (done)
        break;
      new_page (f);
      table_header (t, TRUE);
      fresh = TRUE;
    }
}

static void
table_end (Table *t)
{
  t->f->y += t->f->body_size;
}

/* A two-column table of a record's scalar fields: label, value. */
static void
add_fields_table (Flow        *f,
                  CoproRecord *record,
                  const char * const *skip)
{
  const CoproRecordDesc *desc = copro_record_get_desc (record);
  static const double widths[] = { 1, 2 };
  Table t;
  gboolean begun = FALSE;

  for (guint i = 0; i < desc->n_fields; i++)
    {
      const CoproField *field = &desc->fields[i];
      g_autofree char *value = NULL;
      const char *cells[2];

      if (!field_is_scalar (field) || (field_is_personal (field) && !f->self->personal))
        continue;
      if (skip != NULL && g_strv_contains (skip, field->key))
        continue;
      if (!begun)
        {
          table_init (&t, f, 2, widths, NULL, TRUE);
          table_begin (&t);
          begun = TRUE;
        }
      value = format_value (f, record, field);
      cells[0] = g_dgettext (GETTEXT_PACKAGE, field->label);
      cells[1] = value[0] != '\0' ? value : _("Not filled in");
      table_row (&t, cells);
    }
  if (begun)
    table_end (&t);
}

/* A table of a list's records, one column per scalar field. */
static void
add_list_table (Flow       *f,
                CoproList  *list,
                const CoproRecordDesc *desc,
                const char * const *keys,
                const double *fractions)
{
  guint n_columns = g_strv_length ((char **) keys);
  const char *headers[8];
  Table t;

  if (copro_list_get_n_items (list) == 0)
    {
      add_paragraph (f, _("None recorded."));
      return;
    }
  for (guint c = 0; c < n_columns; c++)
    headers[c] = g_dgettext (GETTEXT_PACKAGE, copro_record_desc_find_field (desc, keys[c])->label);
  table_init (&t, f, n_columns, fractions, headers, FALSE);
  table_begin (&t);
  for (guint i = 0; i < copro_list_get_n_items (list); i++)
    {
      CoproRecord *record = copro_list_get (list, i);
      char *values[8] = { NULL };

      for (guint c = 0; c < n_columns; c++)
        values[c] = format_value (f, record, copro_record_desc_find_field (desc, keys[c]));
      table_row (&t, (const char * const *) values);
      for (guint c = 0; c < n_columns; c++)
        g_free (values[c]);
    }
  table_end (&t);
}

/* A record whose fields are records of one kind (the compliance checklist,
 * the principles): one row each. */
static void
add_grid_table (Flow        *f,
                CoproRecord *record,
                const char  *first_header)
{
  const CoproRecordDesc *desc = copro_record_get_desc (record);
  const CoproRecordDesc *row_desc = desc->fields[0].record;
  const char *headers[8];
  double widths[8];
  Table t;

  g_assert (row_desc->n_fields + 1 <= G_N_ELEMENTS (headers));
  headers[0] = first_header;
  widths[0] = 1;
  for (guint c = 0; c < row_desc->n_fields; c++)
    {
      headers[c + 1] = g_dgettext (GETTEXT_PACKAGE, row_desc->fields[c].label);
      widths[c + 1] = row_desc->fields[c].kind == COPRO_FIELD_TEXT ? 2.2 : 0.9;
    }
  table_init (&t, f, row_desc->n_fields + 1, widths, headers, TRUE);
  table_begin (&t);
  for (guint i = 0; i < desc->n_fields; i++)
    {
      CoproRecord *row = copro_record_get_record (record, desc->fields[i].key);
      char *values[8] = { NULL };

      values[0] = g_strdup (g_dgettext (GETTEXT_PACKAGE, desc->fields[i].label));
      for (guint c = 0; c < row_desc->n_fields; c++)
        values[c + 1] = format_value (f, row, &row_desc->fields[c]);
      table_row (&t, (const char * const *) values);
      for (guint c = 0; c <= row_desc->n_fields; c++)
        g_free (values[c]);
    }
  table_end (&t);
}

/* Figures: a picture in a Figure node, then its description as a paragraph
 * (cairo 1.18 cannot give a figure alternative text: see the README). */
static void
add_figure (Flow       *f,
            ItemKind    kind,
            double      height,
            const char *description)
{
  int node;
  Item item = { kind, 0, 0, BODY_X, 0, BODY_W, height, NULL, 0 };

  ensure_space (f, height + f->body_size * LINE_SPACING * 2);
  node = add_node (f, "Figure", f->section);
  item.node = node;
  item.y = f->y;
  add_item (f, &item);
  f->y += height + f->body_size * 0.6;
  if (description != NULL && description[0] != '\0')
    add_paragraph (f, description);
}

/* Lines to write on: a label, then a rule to the right edge. */
static void
add_write_in_line (Flow       *f,
                   const char *label,
                   double      x,
                   double      width)
{
  PangoLayout *layout = make_layout (f, label, f->body, width * 0.35);
  double height = layout_height (layout);
  int node = add_node (f, "P", f->section);

  add_text_item (f, node, layout, x, f->y + f->body_size, width * 0.35, height);
  add_rect (f, ITEM_LINE, x + width * 0.36, f->y + f->body_size + height * 0.8, width * 0.64, 0, 0.2);
  f->y += f->body_size + height + f->body_size * 0.4;
}

/* The plan */

static void
plan_overview (Flow *f)
{
  CoproRecord *overview = copro_record_get_record (f->project, "overview");
  static const char * const skip[] = { "title", NULL };

  begin_section (f, _("Overview"));
  add_fields_table (f, overview, skip);
}

static void
plan_record (Flow        *f,
             CoproRecord *record,
             const char  *heading);

static gboolean
is_grid (const CoproRecordDesc *desc)
{
  for (guint i = 0; i < desc->n_fields; i++)
    if (desc->fields[i].kind != COPRO_FIELD_RECORD || desc->fields[i].record != desc->fields[0].record)
      return FALSE;
  return desc->n_fields > 1;
}

static void
plan_budget (Flow        *f,
             CoproRecord *resources)
{
  CoproList *lines = copro_record_get_list (resources, "budget_lines");
  static const double widths[] = { 1.2, 2, 1.2, 0.9, 1 };
  const char *headers[] = {
    _("Cost head"), _("Description"), _("Funding source"), _("Cost code"), _("Amount"),
  };
  g_autofree char *total = format_money (copro_budget_get_planned (lines));
  const char *total_row[] = { _("Total"), "", "", "", total };
  Table t;

  add_heading (f, "H3", _("Budget"));
  table_init (&t, f, 5, widths, headers, FALSE);
  table_begin (&t);
  for (guint i = 0; i < copro_list_get_n_items (lines); i++)
    {
      CoproRecord *line = copro_list_get (lines, i);
      g_autofree char *amount = format_money (copro_budget_line_get_total (line));
      const char *row[] = {
        copro_enum_label (&copro_enum_cost_head, copro_record_get_string (line, "cost_head")),
        copro_record_get_string (line, "description"),
        copro_record_get_string (line, "funding_source"),
        copro_record_get_string (line, "cost_code"),
        amount,
      };

      table_row (&t, row);
    }
  t.row_headers = TRUE;
  table_row (&t, total_row);
  table_end (&t);
}

/* Any record of the plan: its own fields, then its records and lists. */
static void
plan_record (Flow        *f,
             CoproRecord *record,
             const char  *heading)
{
  const CoproRecordDesc *desc = copro_record_get_desc (record);

  if (heading != NULL)
    add_heading (f, "H3", heading);
  if (is_grid (desc))
    {
      add_grid_table (f, record, g_dgettext (GETTEXT_PACKAGE, desc->label));
      return;
    }
  add_fields_table (f, record, NULL);
  for (guint i = 0; i < desc->n_fields; i++)
    {
      const CoproField *field = &desc->fields[i];

      if (field->kind == COPRO_FIELD_RECORD)
        plan_record (f, copro_record_get_record (record, field->key), g_dgettext (GETTEXT_PACKAGE, field->label));
      else if (field->kind == COPRO_FIELD_LIST && g_str_equal (field->key, "budget_lines"))
        plan_budget (f, record);
      else if (field->kind == COPRO_FIELD_LIST)
        {
          const CoproRecordDesc *item = field->record;
          const char *keys[8];
          double widths[8];
          guint n = 0;

          for (guint k = 0; k < item->n_fields && n < G_N_ELEMENTS (keys) - 1; k++)
            if (field_is_scalar (&item->fields[k]) && (!field_is_personal (&item->fields[k]) || f->self->personal))
              {
                keys[n] = item->fields[k].key;
                widths[n] = item->fields[k].kind == COPRO_FIELD_TEXT ? 2 : 1;
                n++;
              }
          keys[n] = NULL;
          add_heading (f, "H3", g_dgettext (GETTEXT_PACKAGE, field->label));
          add_list_table (f, copro_record_get_list (record, field->key), item, keys, widths);
        }
    }
}

static void
plan_sections (Flow *f)
{
  CoproRecord *plan = copro_record_get_record (f->project, "plan");

  for (guint i = 0; i < copro_desc_plan.n_fields; i++)
    {
      const CoproField *field = &copro_desc_plan.fields[i];

      begin_section (f, g_dgettext (GETTEXT_PACKAGE, field->label));
      if (field->kind == COPRO_FIELD_RECORD)
        plan_record (f, copro_record_get_record (plan, field->key), NULL);
      else
        {
          static const char * const keys[] = { "audience", "message", "method", "timing", "owner", NULL };
          static const double widths[] = { 1.2, 2.2, 1, 1, 1 };

          add_list_table (f, copro_record_get_list (plan, field->key), field->record, keys, widths);
        }
    }
}

static void
add_count_table (Flow       *f,
                 const char *first_header,
                 const CoproEnum *enumeration,
                 const guint *counts,
                 guint       unset)
{
  static const double widths[] = { 3, 1 };
  const char *headers[] = { first_header, _("Partners") };
  guint n = copro_enum_n_values (enumeration);
  Table t;

  table_init (&t, f, 2, widths, headers, TRUE);
  table_begin (&t);
  for (guint i = 0; i <= n; i++)
    {
      g_autofree char *count = NULL;
      const char *row[2];

      if (i == n && unset == 0)
        break;
      count = g_strdup_printf ("%u", i < n ? counts[i] : unset);
      row[0] = i < n ? g_dgettext (GETTEXT_PACKAGE, enumeration->values[i].label) : _("Not set");
      row[1] = count;
      table_row (&t, row);
    }
  table_end (&t);
}

static void
plan_partners (Flow *f)
{
  CoproList *partners = copro_record_get_list (f->project, "partners");
  guint n = copro_list_get_n_items (partners);
  guint sectors[16] = { 0 }, levels[16] = { 0 }, statuses[16] = { 0 };
  guint no_sector = 0, no_level = 0, no_status = 0;
  guint f_sector = copro_record_desc_field_index (&copro_desc_partner, "sector");
  guint f_level = copro_record_desc_field_index (&copro_desc_partner, "level");
  guint f_status = copro_record_desc_field_index (&copro_desc_partner, "status");
  guint quadrants[5] = { 0 };
  double map_height = BODY_W * 0.62;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *partner = copro_list_get (partners, i);
      int s = copro_enum_index (&copro_enum_sector, copro_record_get_string_at (partner, f_sector));
      int l = copro_enum_index (&copro_enum_level, copro_record_get_string_at (partner, f_level));
      int st = copro_enum_index (&copro_enum_partner_status, copro_record_get_string_at (partner, f_status));

      if (s >= 0) sectors[s]++; else no_sector++;
      if (l >= 0) levels[l]++; else no_level++;
      if (st >= 0) statuses[st]++; else no_status++;
      quadrants[copro_partner_get_quadrant (partner)]++;
    }

  begin_section (f, _("Partners"));
  summary = g_strdup_printf (ngettext ("The register holds %'u partner. They are counted here by sector, intended level and status; the register itself, with names, is in the project.",
                                       "The register holds %'u partners. They are counted here by sector, intended level and status; the register itself, with names, is in the project.",
                                       n), n);
  add_paragraph (f, summary);
  add_heading (f, "H3", _("By sector"));
  add_count_table (f, _("Sector"), &copro_enum_sector, sectors, no_sector);
  add_heading (f, "H3", _("By intended level of involvement"));
  add_count_table (f, _("Intended level"), &copro_enum_level, levels, no_level);
  add_heading (f, "H3", _("By status"));
  add_count_table (f, _("Status"), &copro_enum_partner_status, statuses, no_status);

  add_heading_keep (f, "H3", _("The partner map"), map_height + f->body_size * LINE_SPACING * 2);
  f->self->map = copro_partner_map_layout (partners, BODY_W, map_height);
  description = g_strdup_printf (_("The partner map places partners by influence (up) and interest (across), coloured by sector: "
                                   "%u to manage closely, %u to keep satisfied, %u to keep informed and %u to monitor; "
                                   "%u without influence or interest set are not on the map."),
                                 quadrants[COPRO_QUADRANT_MANAGE_CLOSELY], quadrants[COPRO_QUADRANT_KEEP_SATISFIED],
                                 quadrants[COPRO_QUADRANT_KEEP_INFORMED], quadrants[COPRO_QUADRANT_MONITOR],
                                 quadrants[COPRO_QUADRANT_NONE]);
  add_figure (f, ITEM_MAP, map_height, description);

  plan_record (f, copro_record_get_record (f->project, "recruitment"),
               g_dgettext (GETTEXT_PACKAGE, copro_desc_recruitment.label));
}

static void
plan_timeline (Flow *f)
{
  double height = copro_timeline_get_height (f->self->document, BODY_W);
  g_autofree char *description = NULL;
  gboolean cut = FALSE;

  /* Nothing to show (no activities with dates, or no timeline yet). */
  if (height <= 0)
    return;
  description = copro_timeline_describe (f->self->document);
  /* At most a page, with its heading and a line of its description, cut
   * between two rows so that no activity's row is cut through. */
  if (height > BODY_BOTTOM - BODY_TOP - f->body_size * 8)
    {
      height = copro_timeline_fit_height (f->self->document, BODY_W, BODY_BOTTOM - BODY_TOP - f->body_size * 8);
      cut = TRUE;
    }
  ensure_space (f, height + f->body_size * 6);
  begin_section (f, _("Timeline"));
  if (cut)
    add_paragraph (f, _("The project has more activities than a page can show: the picture shows the first of them, and the words below it describe them all."));
  add_figure (f, ITEM_TIMELINE, height, description);
}

static void
plan_risks (Flow *f)
{
  CoproList *risks = copro_record_get_list (f->project, "risks");
  static const double widths[] = { 2.6, 1.6, 1.3, 2.6, 1.3 };
  const char *headers[] = { _("Risk"), _("Score"), _("Owner"), _("Mitigation"), _("Status") };
  Table t;

  begin_section (f, _("Risks"));
  if (copro_list_get_n_items (risks) == 0)
    {
      add_paragraph (f, _("No risks are recorded."));
      return;
    }
  add_paragraph (f, _("A risk’s score is its likelihood times its impact, each from 1 to 5: from 15 it is high, from 8 medium."));
  table_init (&t, f, 5, widths, headers, FALSE);
  table_begin (&t);
  for (guint i = 0; i < copro_list_get_n_items (risks); i++)
    {
      CoproRecord *risk = copro_list_get (risks, i);
      int likelihood = copro_record_get_int (risk, "likelihood");
      int impact = copro_record_get_int (risk, "impact");
      int score = copro_risk_get_score (risk);
      const char *band = copro_risk_band_get_label (copro_risk_get_band (risk));
      /* TRANSLATORS: a risk's score, band, likelihood and impact, e.g.
       * "12 (Medium): likelihood 4, impact 3" */
      g_autofree char *s = score > 0 ? g_strdup_printf (_("%d (%s): likelihood %d, impact %d"), score, band, likelihood, impact)
                                     : g_strdup (_("Not scored"));
      const char *row[] = {
        copro_record_get_string (risk, "description"), s,
        copro_record_get_string (risk, "owner"),
        copro_record_get_string (risk, "mitigation"),
        copro_enum_label (&copro_enum_risk_status, copro_record_get_string (risk, "status")),
      };

      table_row (&t, row);
    }
  table_end (&t);
}

static gboolean
finding_names_partners (CoproFinding *finding)
{
  for (guint i = 0; i < finding->records->len; i++)
    {
      CoproRecord *record = g_ptr_array_index (finding->records, i);

      for (; record != NULL; record = copro_record_get_parent (record))
        if (copro_record_get_desc (record) == &copro_desc_partner)
          return TRUE;
    }
  return FALSE;
}

static void
plan_checks (Flow *f)
{
  g_autoptr(GPtrArray) findings = copro_checks_run (f->project, &f->today);
  static const double widths[] = { 0.8, 2.4, 2.8 };
  const char *headers[] = { _("Kind"), _("What the checks found"), _("Why it matters") };
  Table t;

  begin_section (f, _("Checks"));
  if (findings->len == 0)
    {
      add_paragraph (f, _("The checks found nothing to report."));
      return;
    }
  {
    guint problems = copro_checks_count (findings, COPRO_SEVERITY_PROBLEM);
    guint advice = copro_checks_count (findings, COPRO_SEVERITY_ADVICE);
    g_autofree char *p = g_strdup_printf (ngettext ("%'u problem", "%'u problems", problems), problems);
    g_autofree char *a = g_strdup_printf (ngettext ("%'u piece of advice", "%'u pieces of advice", advice), advice);
    /* TRANSLATORS: e.g. "The checks found 2 problems and 3 pieces of advice." */
    g_autofree char *text = g_strdup_printf (_("The checks found %s and %s."), p, a);

    add_paragraph (f, text);
  }
  table_init (&t, f, 3, widths, headers, FALSE);
  table_begin (&t);
  for (guint i = 0; i < findings->len; i++)
    {
      CoproFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *about_partners = NULL;
      const char *row[] = {
        finding->check->severity == COPRO_SEVERITY_PROBLEM ? _("Problem") : _("Advice"),
        finding->message,
        g_dgettext (GETTEXT_PACKAGE, finding->check->why),
      };

      /* A finding about partners names them: without personal details,
       * what the check looks for and how many partners miss it. */
      if (!f->self->personal && finding_names_partners (finding))
        {
          about_partners = g_strdup_printf (ngettext ("%s: not so for %'u partner.",
                                                      "%s: not so for %'u partners.",
                                                      finding->records->len),
                                            g_dgettext (GETTEXT_PACKAGE, finding->check->summary),
                                            finding->records->len);
          row[1] = about_partners;
        }
      table_row (&t, row);
    }
  table_end (&t);
}

static void
plan_approvals (Flow *f)
{
  static const char * const keys[] = { "name", "role", "decision", "date", "conditions", NULL };
  static const double widths[] = { 1.2, 1.7, 1.2, 1, 2 };
  static const char * const history_keys[] = { "version", "date", "author", "summary", NULL };
  static const double history_widths[] = { 0.7, 1, 1.2, 3 };
  const char *lines[] = { _("Decision"), _("Conditions"), _("Name"), _("Role"), _("Signature"), _("Date") };

  begin_section (f, _("Approvals"));
  add_list_table (f, copro_record_get_list (f->project, "approvals"), &copro_desc_approval, keys, widths);

  add_heading_keep (f, "H3", _("The manager’s decision"), (f->body_size * 2.8) * (G_N_ELEMENTS (lines) + 1));
  add_paragraph (f, _("Approved, approved with conditions, deferred or rejected:"));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    add_write_in_line (f, lines[i], BODY_X, BODY_W);
  f->y += f->body_size;

  add_heading (f, "H3", g_dgettext (GETTEXT_PACKAGE, copro_desc_project.fields[9].label));
  add_list_table (f, copro_record_get_list (f->project, "history"), &copro_desc_history, history_keys, history_widths);
}

static void
layout_plan (Flow *f)
{
  plan_overview (f);
  plan_sections (f);
  plan_partners (f);
  plan_timeline (f);
  plan_risks (f);
  plan_checks (f);
  plan_approvals (f);
}

/* The terms of reference */

static void
layout_terms (Flow *f)
{
  CoproRecord *terms = copro_record_get_record (f->project, "terms_of_reference");
  CoproList *members = copro_record_get_list (terms, "members");
  CoproList *partners = copro_record_get_list (f->project, "partners");

  for (guint i = 0; i < copro_desc_terms.n_fields; i++)
    {
      const CoproField *field = &copro_desc_terms.fields[i];
      g_autofree char *value = NULL;

      if (field->kind == COPRO_FIELD_LIST || g_str_equal (field->key, "group_name"))
        continue;
      value = format_value (f, terms, field);
      begin_section (f, g_dgettext (GETTEXT_PACKAGE, field->label));
      add_paragraph (f, value[0] != '\0' ? value : _("Not yet agreed."));
    }

  begin_section (f, _("Members"));
  if (copro_list_get_n_items (members) == 0)
    {
      add_paragraph (f, _("No members are recorded yet."));
      return;
    }
  add_paragraph (f, f->self->personal
                 ? _("Each member signs and dates their line to agree to these terms of reference.")
                 : _("Each member writes their name, signs and dates their line to agree to these terms of reference. "
                     "Names are left out of this copy: it holds no personal details."));
  for (guint i = 0; i < copro_list_get_n_items (members); i++)
    {
      CoproRecord *member = copro_list_get (members, i);
      const char *id = copro_record_get_string (member, "partner");
      CoproRecord *partner = id != NULL ? copro_list_find_by_id (partners, id) : NULL;
      const char *role = copro_enum_label (&copro_enum_member_role, copro_record_get_string (member, "role"));
      g_autofree char *who = NULL;
      g_autofree char *heading = NULL;

      if (partner == NULL)
        who = g_strdup (id != NULL ? copro_partner_get_missing_title () : _("No partner chosen"));
      else if (f->self->personal)
        who = copro_partner_dup_full_title (partner);
      else
        {
          const char *sector = copro_enum_label (&copro_enum_sector, copro_record_get_string (partner, "sector"));

          who = sector[0] != '\0' ? g_strdup (sector) : g_strdup (_("Sector not recorded"));
        }
      /* TRANSLATORS: a member on the printed terms: number, who, role, e.g.
       * "Member 3: Carer, Deputy chair" or "Member 3: Ann Smith, Deputy chair" */
      heading = role[0] != '\0'
                ? g_strdup_printf (_("Member %u: %s, %s"), i + 1, who, role)
                : g_strdup_printf (_("Member %u: %s"), i + 1, who);
      ensure_space (f, f->body_size * LINE_SPACING * 9);
      f->section = add_node (f, "Sect", 0);
      add_heading (f, "H3", heading);
      add_paragraph (f, _("I agree to these terms of reference."));
      if (!f->self->personal)
        add_write_in_line (f, _("Name"), BODY_X, BODY_W);
      add_write_in_line (f, _("Signature"), BODY_X, BODY_W);
      add_write_in_line (f, _("Date"), BODY_X, BODY_W);
      f->y += f->body_size;
    }
}

/* You said, we did */

static void
layout_feedback (Flow *f)
{
  CoproList *activities = copro_record_get_list (f->project, "activities");
  guint shown = 0;

  f->section = add_node (f, "Sect", 0);
  add_paragraph (f, _("For everyone who took part: for each activity, what we asked, what you told us, and what we did about it. "
                      "No one is named."));

  for (guint i = 0; i < copro_list_get_n_items (activities); i++)
    {
      CoproRecord *activity = copro_list_get (activities, i);
      CoproList *feedback = copro_record_get_list (activity, "feedback");
      g_autofree char *start = format_iso_date (copro_record_get_string (activity, "start_date"));
      g_autofree char *end = format_iso_date (copro_record_get_string (activity, "end_date"));

      if (copro_list_get_n_items (feedback) == 0)
        continue;
      shown++;
      begin_section (f, copro_activity_get_title (activity));
      if (start[0] != '\0')
        {
          g_autofree char *when = NULL;

          if (end[0] != '\0' && !g_str_equal (start, end))
            /* TRANSLATORS: when an activity ran, e.g. "From 4 May 2027 to 1 June 2027." */
            when = g_strdup_printf (_("From %s to %s."), start, end);
          else
            /* TRANSLATORS: the day of an activity, e.g. "On 4 May 2027." */
            when = g_strdup_printf (_("On %s."), start);
          add_paragraph (f, when);
        }
      for (guint j = 0; j < copro_list_get_n_items (feedback); j++)
        {
          CoproRecord *item = copro_list_get (feedback, j);
          const char *status = copro_record_get_string (item, "status");
          const char *asked = copro_record_get_string (item, "we_asked");
          const char *said = copro_record_get_string (item, "you_said");
          const char *did = copro_record_get_string (item, "we_did");

          add_heading (f, "H3", _("We asked"));
          add_paragraph (f, !copro_text_is_blank (asked) ? asked : _("Not written down."));
          add_heading (f, "H3", _("You said"));
          add_paragraph (f, !copro_text_is_blank (said) ? said : _("Not written down."));
          add_heading (f, "H3", _("We did"));
          if (g_strcmp0 (status, "not-possible") == 0)
            {
              const char *reason = copro_record_get_string (item, "reason");
              g_autofree char *text = NULL;

              if (!copro_text_is_blank (did))
                add_paragraph (f, did);
              text = g_strdup_printf (_("We could not do this. The reason: %s"),
                                      !copro_text_is_blank (reason) ? reason : _("not written down."));
              add_paragraph (f, text);
            }
          else if (g_strcmp0 (status, "done") == 0)
            add_paragraph (f, !copro_text_is_blank (did) ? did : _("Done."));
          else
            {
              if (!copro_text_is_blank (did))
                add_paragraph (f, did);
              add_paragraph (f, _("We are still working on this."));
            }
        }
    }
  if (shown == 0)
    {
      f->section = add_node (f, "Sect", 0);
      add_paragraph (f, _("No feedback has been recorded yet."));
    }
}

/* The whole layout */

static PangoFontDescription *
make_font (double size,
           gboolean bold)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

static void
clear_outline (gpointer data)
{
  Outline *outline = data;

  g_free (outline->title);
}

static PangoContext *
make_pango_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Points, and metrics that do not depend on the device: the same layout
   * on paper, in the PDF and on any printer. */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("en-gb"));
  cairo_font_options_destroy (options);
  return context;
}

CoproPdfLayout *
copro_pdf_layout_new (CoproDocument         *document,
                      CoproPdfKind           kind,
                      const CoproPdfOptions *options)
{
  CoproPdfLayout *self;
  g_autoptr(GDateTime) now = NULL;
  const Sizes *sizes = kind == COPRO_PDF_TERMS ? &large_sizes : &normal_sizes;
  CoproRecord *overview;
  const char *title;
  Flow f = { 0 };
  g_autofree char *date = NULL;
  Node root = { "Document", -1 };

  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (kind < COPRO_PDF_N_KINDS, NULL);

  self = g_new0 (CoproPdfLayout, 1);
  self->document = g_object_ref (document);
  self->kind = kind;
  self->personal = options != NULL && options->include_personal_data;
  self->pango = make_pango_context ();
  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->outlines = g_array_new (FALSE, FALSE, sizeof (Outline));
  g_array_set_clear_func (self->outlines, clear_outline);
  g_array_append_val (self->nodes, root);

  now = options != NULL && options->now != NULL ? g_date_time_ref (options->now) : g_date_time_new_now_local ();
  f.self = self;
  f.project = copro_document_get_project (document);
  g_date_clear (&f.today, 1);
  g_date_set_dmy (&f.today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  f.y = BODY_TOP;
  f.section = 0;
  f.body_size = sizes->body;
  f.body = make_font (sizes->body, FALSE);
  f.bold = make_font (sizes->body, TRUE);
  f.h1 = make_font (sizes->h1, TRUE);
  f.h2 = make_font (sizes->h2, TRUE);
  f.h3 = make_font (sizes->h3, TRUE);
  self->header_font = make_font (9, FALSE);

  overview = copro_record_get_record (f.project, "overview");
  title = copro_record_get_string (overview, "title");
  self->project_title = g_strdup (!copro_text_is_blank (title) ? title : _("Untitled project"));
  self->title = g_strdup_printf ("%s: %s", copro_pdf_kind_get_name (kind), self->project_title);
  date = format_date (&f.today);
  self->footer = self->personal
                 /* TRANSLATORS: the footer of a printed document, with its date */
                 ? g_strdup_printf (_("Produced %s. Holds personal details."), date)
                 : g_strdup_printf (_("Produced %s"), date);

  /* The title block */
  f.section = add_node (&f, "Sect", 0);
  if (kind == COPRO_PDF_TERMS)
    {
      CoproRecord *terms = copro_record_get_record (f.project, "terms_of_reference");
      const char *group = copro_record_get_string (terms, "group_name");
      g_autofree char *about = g_strdup_printf (_("The terms of reference of the group for the project “%s”."),
                                                self->project_title);

      add_block (&f, f.section, "H1", !copro_text_is_blank (group) ? group : _("Terms of reference"),
                 f.h1, BODY_X, BODY_W, sizes->h1 * 0.5);
      add_paragraph (&f, about);
      layout_terms (&f);
    }
  else
    {
      g_autofree char *about = NULL;

      add_block (&f, f.section, "H1", self->project_title, f.h1, BODY_X, BODY_W, sizes->h1 * 0.5);
      if (kind == COPRO_PDF_PLAN)
        {
          about = g_strdup_printf (self->personal
                                   ? _("The plan for sign-off, as it stood on %s. This copy holds personal details: store and share it as personal data.")
                                   : _("The plan for sign-off, as it stood on %s. This copy holds no email addresses or phone numbers."),
                                   date);
          add_paragraph (&f, about);
          layout_plan (&f);
        }
      else
        {
          add_block (&f, f.section, "H2", _("You said, we did"), f.h2, BODY_X, BODY_W, sizes->h2 * 0.4);
          layout_feedback (&f);
        }
    }

  self->n_pages = f.page + 1;
  for (guint i = 0, page = 0; page < self->n_pages; page++)
    {
      while (i < self->items->len && g_array_index (self->items, Item, i).page < page)
        i++;
      g_array_append_val (self->page_starts, i);
    }

  pango_font_description_free (f.body);
  pango_font_description_free (f.bold);
  pango_font_description_free (f.h1);
  pango_font_description_free (f.h2);
  pango_font_description_free (f.h3);
  return self;
}

void
copro_pdf_layout_free (CoproPdfLayout *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->items->len; i++)
    g_clear_object (&g_array_index (self->items, Item, i).layout);
  g_array_unref (self->items);
  g_array_unref (self->nodes);
  g_array_unref (self->page_starts);
  g_array_unref (self->outlines);
  g_clear_pointer (&self->map, copro_partner_map_layout_free);
  pango_font_description_free (self->header_font);
  g_object_unref (self->pango);
  g_object_unref (self->document);
  g_free (self->title);
  g_free (self->project_title);
  g_free (self->footer);
  g_free (self);
}

guint
copro_pdf_layout_get_n_pages (CoproPdfLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

const char *
copro_pdf_layout_get_title (CoproPdfLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

/* Drawing */

typedef struct
{
  cairo_t *cr;
  gboolean tagged;
  GArray  *open;   /* int: the nodes open, outermost first */
} Renderer;

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_artifact_text (Renderer   *r,
                    PangoLayout *layout,
                    double      x,
                    double      y)
{
  if (r->tagged)
    cairo_tag_begin (r->cr, "Artifact", NULL);
  cairo_set_source_rgb (r->cr, 0.25, 0.25, 0.25);
  show_layout (r->cr, layout, x, y);
  if (r->tagged)
    cairo_tag_end (r->cr, "Artifact");
}

static void
draw_header_footer (CoproPdfLayout *self,
                    Renderer       *r,
                    guint           page)
{
  double half = BODY_W / 2 - 6;
  g_autoptr(PangoLayout) title = pango_layout_new (self->pango);
  g_autoptr(PangoLayout) name = pango_layout_new (self->pango);
  g_autoptr(PangoLayout) footer = pango_layout_new (self->pango);
  g_autoptr(PangoLayout) number = pango_layout_new (self->pango);
  /* TRANSLATORS: page numbers in a printed document's footer */
  g_autofree char *numbers = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  PangoLayout *all[] = { title, name, footer, number };
  const char *texts[] = { self->project_title, copro_pdf_kind_get_name (self->kind), self->footer, numbers };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      pango_layout_set_font_description (all[i], self->header_font);
      pango_layout_set_width (all[i], (int) (half * PANGO_SCALE));
      pango_layout_set_ellipsize (all[i], PANGO_ELLIPSIZE_END);
      set_no_ligatures (all[i]);
      pango_layout_set_alignment (all[i], i % 2 == 1 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      pango_layout_set_text (all[i], texts[i], -1);
    }
  draw_artifact_text (r, title, BODY_X, HEADER_Y);
  draw_artifact_text (r, name, BODY_X + BODY_W - half, HEADER_Y);
  draw_artifact_text (r, footer, BODY_X, FOOTER_Y);
  draw_artifact_text (r, number, BODY_X + BODY_W - half, FOOTER_Y);
  if (r->tagged)
    cairo_tag_begin (r->cr, "Artifact", NULL);
  cairo_set_source_rgb (r->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (r->cr, 0.5);
  cairo_move_to (r->cr, BODY_X, HEADER_Y + 16);
  cairo_line_to (r->cr, BODY_X + BODY_W, HEADER_Y + 16);
  cairo_stroke (r->cr);
  if (r->tagged)
    cairo_tag_end (r->cr, "Artifact");
}

/* Opens and closes structure tags so that exactly @node and its ancestors
 * are open. */
static void
open_node (CoproPdfLayout *self,
           Renderer       *r,
           int             node)
{
  int path[64];
  guint depth = 0, common = 0;

  for (int n = node; n >= 0 && depth < G_N_ELEMENTS (path); n = g_array_index (self->nodes, Node, n).parent)
    path[depth++] = n;
  /* path is innermost first: reverse it */
  for (guint i = 0; i < depth / 2; i++)
    {
      int t = path[i];

      path[i] = path[depth - 1 - i];
      path[depth - 1 - i] = t;
    }
  while (common < r->open->len && common < depth && g_array_index (r->open, int, common) == path[common])
    common++;
  while (r->open->len > common)
    {
      int n = g_array_index (r->open, int, r->open->len - 1);

      cairo_tag_end (r->cr, g_array_index (self->nodes, Node, n).tag);
      g_array_set_size (r->open, r->open->len - 1);
    }
  for (guint i = common; i < depth; i++)
    {
      cairo_tag_begin (r->cr, g_array_index (self->nodes, Node, path[i]).tag, NULL);
      g_array_append_val (r->open, path[i]);
    }
}

static void
draw_page (CoproPdfLayout *self,
           Renderer       *r,
           guint           page)
{
  guint start = g_array_index (self->page_starts, guint, page);

  cairo_save (r->cr);
  draw_header_footer (self, r, page);
  for (guint i = start; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      gboolean artifact = item->node < 0;

      if (item->page != page)
        break;
      if (r->tagged && !artifact)
        open_node (self, r, item->node);
      else if (r->tagged)
        cairo_tag_begin (r->cr, "Artifact", NULL);

      cairo_save (r->cr);
      switch (item->kind)
        {
        case ITEM_TEXT:
          cairo_set_source_rgb (r->cr, 0, 0, 0);
          show_layout (r->cr, item->layout, item->x, item->y);
          break;
        case ITEM_FILL:
          cairo_set_source_rgb (r->cr, item->gray, item->gray, item->gray);
          cairo_rectangle (r->cr, item->x, item->y, item->w, item->h);
          cairo_fill (r->cr);
          break;
        case ITEM_LINE:
          cairo_set_source_rgb (r->cr, item->gray, item->gray, item->gray);
          cairo_set_line_width (r->cr, 0.5);
          cairo_move_to (r->cr, item->x, item->y);
          cairo_line_to (r->cr, item->x + item->w, item->y);
          cairo_stroke (r->cr);
          break;
        case ITEM_MAP:
          cairo_translate (r->cr, item->x, item->y);
          if (self->map != NULL)
            copro_partner_map_draw (self->map, r->cr);
          break;
        case ITEM_TIMELINE:
          cairo_translate (r->cr, item->x, item->y);
          cairo_rectangle (r->cr, 0, 0, item->w, item->h);
          cairo_clip (r->cr);
          copro_timeline_draw (self->document, r->cr, item->w, item->h);
          break;
        default:
          g_assert_not_reached ();
        }
      cairo_restore (r->cr);

      if (r->tagged && artifact)
        cairo_tag_end (r->cr, "Artifact");
    }
  cairo_restore (r->cr);
}

void
copro_pdf_layout_draw_page (CoproPdfLayout *self,
                            cairo_t        *cr,
                            guint           page)
{
  Renderer r = { cr, FALSE, NULL };

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  draw_page (self, &r, page);
}

/* Writing the PDF */

typedef struct
{
  int fd;
  int error;  /* errno of the first failed write, or 0 */
} Sink;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0 && sink->error == 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->error = n < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *display_folder = g_filename_display_name (folder);
  g_autofree char *display_path = g_filename_display_name (path);

  switch (saved_errno)
    {
    case ENOENT:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("The folder “%s” does not exist."), display_folder);
      break;
    case ENOTDIR:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("“%s” is not a folder, so the document cannot be saved in it."), display_folder);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("You do not have permission to save files in the folder “%s”."), display_folder);
      break;
    case EROFS:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("The folder “%s” is on a disk that cannot be written to."), display_folder);
      break;
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("There is not enough space on the disk for the document in “%s”."), display_folder);
      break;
    case EFBIG:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("The document is larger than the disk or your account allows in “%s”."), display_folder);
      break;
    case EISDIR:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("“%s” is a folder: choose a file name for the document."), display_path);
      break;
    default:
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("The document could not be saved as “%s”: %s."), display_path, g_strerror (saved_errno));
      break;
    }
}

static void
render_pdf (CoproPdfLayout  *self,
            cairo_surface_t *surface)
{
  cairo_t *cr = cairo_create (surface);
  Renderer r = { cr, TRUE, g_array_new (FALSE, FALSE, sizeof (int)) };
  guint next_outline = 0;

  /* Tagged PDF (as cairo decides, in _cairo_tag_stack_push()) needs a
   * grouping element such as Document first: the header's artifacts go
   * inside it. */
  open_node (self, &r, 0);
  for (guint page = 0; page < self->n_pages; page++)
    {
      draw_page (self, &r, page);
      for (; next_outline < self->outlines->len; next_outline++)
        {
          Outline *outline = &g_array_index (self->outlines, Outline, next_outline);
          g_autofree char *link = NULL;
          char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

          if (outline->page != page)
            break;
          /* The link's numbers in the C locale's notation, whatever the user's. */
          g_ascii_dtostr (x, sizeof x, BODY_X);
          g_ascii_dtostr (y, sizeof y, outline->y);
          link = g_strdup_printf ("page=%u pos=[%s %s]", page + 1, x, y);
          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, outline->title, link, 0);
        }
      if (page + 1 == self->n_pages)
        {
          while (r.open->len > 0)
            {
              int n = g_array_index (r.open, int, r.open->len - 1);

              cairo_tag_end (cr, g_array_index (self->nodes, Node, n).tag);
              g_array_set_size (r.open, r.open->len - 1);
            }
        }
      cairo_show_page (cr);
    }
  g_array_unref (r.open);
  cairo_destroy (cr);
}

gboolean
copro_pdf_write (CoproDocument         *document,
                 CoproPdfKind           kind,
                 const char            *path,
                 const CoproPdfOptions *options,
                 GError               **error)
{
  g_autoptr(CoproPdfLayout) layout = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Sink sink = { -1, 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_write_error (error, EISDIR, path);
      return FALSE;
    }

  /* A hidden name beside the target, so that the rename stays on one file
   * system; a folder we cannot write to is found before any work. */
  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  {
    g_autofree char *name = strlen (base) > 200 ? g_strdup (".coproduce-pdf.XXXXXX")
                                                : g_strdup_printf (".%s.XXXXXX", base);

    temp_path = g_build_filename (folder, name, NULL);
  }
  sink.fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      set_write_error (error, errno, path);
      return FALSE;
    }

  layout = copro_pdf_layout_new (document, kind, options);

  surface = cairo_pdf_surface_create_for_stream (write_to_fd, &sink, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, layout->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Coproduce " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, copro_pdf_kind_get_name (kind));
  render_pdf (layout, surface);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != 0)
    {
      set_write_error (error, sink.error, path);
      ok = FALSE;
    }
  else if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EXPORT,
                   _("The document could not be drawn: %s."), cairo_status_to_string (status));
      ok = FALSE;
    }
  if (ok && fsync (sink.fd) != 0)
    {
      set_write_error (error, errno, path);
      ok = FALSE;
    }
  close (sink.fd);
  if (ok && g_rename (temp_path, path) != 0)
    {
      set_write_error (error, errno, path);
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (temp_path);
      return FALSE;
    }
  {
    int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    /* The rename is safe on disk once its folder is: best effort. */
    if (fd >= 0)
      {
        fsync (fd);
        close (fd);
      }
  }
  return TRUE;
}
