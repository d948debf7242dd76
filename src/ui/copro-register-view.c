/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The partner register's rows: a grid that makes widgets for the rows in
 * sight and no others.
 *
 * Why not GtkColumnView: it keeps about 200 rows of cells whatever the
 * window's height (GTK_LIST_VIEW_MAX_LIST_ITEMS, gtk/gtklistview.c:37 in
 * GTK 4.18.6) and makes new rows for the partners a search brings into
 * view. A bare column view of eight GtkInscription columns took 78 ms to
 * open and 95–109 ms to narrow 100,000 items on the build machine, more
 * than issue 16's targets for the whole register (README, "The partner
 * register at county scale"). Here a row is made only for each position in
 * sight, and a row whose partner stays in sight keeps its cells, wherever
 * the partner moves.
 *
 * Widgets, and what assistive technology is told:
 *   CoproRegisterView   "grid": its row count and column count (CSS names
 *                       registerview, gridheader, gridrows, gridrow: the
 *                       theme has many rules for "row" and "label" to match)
 *   ├ CoproRegisterHeader   "row", "Column headings": a button per column
 *   │                       ("column header", with its sort order)
 *   └ CoproRegisterRows     "row group", "Rows of partners": clips the rows
 *     └ CoproRegisterRow    "row", named after the partner, selected or
 *                           not, its row index; focusable
 *       └ cells             "grid cell", each with its column index: the
 *                           name a CoproPartnerCell widget, the others
 *                           CoproRegisterCell objects whose text the row
 *                           draws (see there why)
 * The rows and cells are built in C, not from templates: they are made and
 * remade as the list scrolls, and a template's builder would cost more than
 * the rest of a row.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "copro-cell-text.h"
#include "copro-partner.h"
#include "copro-partner-cell.h"
#include "copro-register-view.h"

#define MAX_COLUMNS 16
/* Rows kept for later when fewer are in sight (a window made smaller, a
 * search with few matches), so that the next scroll or search reuses them. */
#define SPARE_ROWS 8
#define INVALID G_MAXUINT
/* Room each side of a cell's text, in pixels (the rows' vertical padding is
 * in style.css, "gridrow > .cell"). */
#define CELL_PADDING 12

/* A row of cells showing one partner */

#define COPRO_TYPE_REGISTER_ROW (copro_register_row_get_type ())
G_DECLARE_FINAL_TYPE (CoproRegisterRow, copro_register_row, COPRO, REGISTER_ROW, GtkWidget)

struct _CoproRegisterRow
{
  GtkWidget          parent_instance;

  CoproRegisterView *view;
  CoproRecord       *partner;    /* a reference; NULL while spare */
  guint              position;   /* INVALID while spare */
  gboolean           selected;
  gboolean           kept;       /* scratch for update_rows() */
  /* A cell per column, in order: the name's CoproPartnerCell (a child
   * widget) or a CoproRegisterCell (a reference). */
  GtkAccessible     *cells[MAX_COLUMNS];
  guint              n_cells;
};

static void copro_register_row_accessible_init (GtkAccessibleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CoproRegisterRow, copro_register_row, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_ACCESSIBLE, copro_register_row_accessible_init))

/* A cell of a row, to assistive technology a "grid cell" named by its text.
 * Not a widget: its row draws its text. As widgets, a screenful of cells
 * (128 at 10,000 partners in the benchmark's window) cost 13 M instructions
 * of the 95 M that opening the Partners section took, for styling,
 * measuring and laying out boxes of text whose size the columns fix
 * (callgrind, bench/copro-bench-register). GTK lets an object that is not a
 * widget be an accessible of its own, as its stack pages are (GtkStackPage,
 * gtk/gtkstack.c, lines 238-339 in GTK 4.18.6). */

#define COPRO_TYPE_REGISTER_CELL (copro_register_cell_get_type ())
G_DECLARE_FINAL_TYPE (CoproRegisterCell, copro_register_cell, COPRO, REGISTER_CELL, GObject)

struct _CoproRegisterCell
{
  GObject           parent_instance;

  CoproRegisterRow *row;         /* not a reference: the row holds its cells */
  GtkAccessible    *next;        /* not a reference: the row's next cell */
  GtkATContext     *at_context;
  guint             column;
  float             xalign;
  char             *text;
  PangoLayout      *layout;      /* NULL: not made yet, or out of date */
};

static void copro_register_cell_accessible_init (GtkAccessibleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CoproRegisterCell, copro_register_cell, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_ACCESSIBLE, copro_register_cell_accessible_init))

enum
{
  CELL_PROP_0,
  CELL_PROP_ACCESSIBLE_ROLE,
};

/* The column headings */

#define COPRO_TYPE_REGISTER_HEADER (copro_register_header_get_type ())
G_DECLARE_FINAL_TYPE (CoproRegisterHeader, copro_register_header, COPRO, REGISTER_HEADER, GtkWidget)

struct _CoproRegisterHeader
{
  GtkWidget          parent_instance;

  CoproRegisterView *view;
};

G_DEFINE_FINAL_TYPE (CoproRegisterHeader, copro_register_header, GTK_TYPE_WIDGET)

/* The rows, clipped below the headings */

#define COPRO_TYPE_REGISTER_ROWS (copro_register_rows_get_type ())
G_DECLARE_FINAL_TYPE (CoproRegisterRows, copro_register_rows, COPRO, REGISTER_ROWS, GtkWidget)

struct _CoproRegisterRows
{
  GtkWidget          parent_instance;

  CoproRegisterView *view;
};

G_DEFINE_FINAL_TYPE (CoproRegisterRows, copro_register_rows, GTK_TYPE_WIDGET)

struct _CoproRegisterView
{
  GtkWidget                  parent_instance;

  const CoproRegisterColumn *columns;
  guint                      n_columns;
  int                        column_x[MAX_COLUMNS];
  int                        column_width[MAX_COLUMNS];
  GtkWidget                 *titles[MAX_COLUMNS];
  GtkWidget                 *arrows[MAX_COLUMNS];

  GtkWidget                 *header;
  GtkWidget                 *rows_box;
  GPtrArray                 *rows;        /* CoproRegisterRow, all made (owned by rows_box) */

  GtkSelectionModel         *model;
  gulong                     items_changed_id;
  gulong                     selection_changed_id;

  GtkAdjustment             *hadjustment;
  GtkAdjustment             *vadjustment;
  GtkScrollablePolicy        hscroll_policy;
  GtkScrollablePolicy        vscroll_policy;

  int                        row_height;  /* 0: not measured yet */
  guint                      cursor;      /* where the keyboard is */
  guint                      anchor;      /* where a range selected with Shift starts */
  guint                      pending_scroll;

  int                        sort_column;
  gboolean                   sort_descending;
};

static void copro_register_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CoproRegisterView, copro_register_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, copro_register_view_scrollable_init))

enum
{
  PROP_0,
  PROP_MODEL,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_ACTIVATE,
  SIGNAL_SORT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_items (CoproRegisterView *self)
{
  return self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

static void
unparent_children (GtkWidget *widget)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (widget)) != NULL;)
    gtk_widget_unparent (child);
}

/* Where @column starts in @widget (a row or the headings, as wide as all
 * the columns), counted from its left: mirrored right to left. */
static int
column_left (CoproRegisterView *view,
             GtkWidget         *widget,
             guint              column)
{
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    return gtk_widget_get_width (widget) - view->column_x[column] - view->column_width[column];
  return view->column_x[column];
}

/* Lays out @widget's children (cells or headings) in the view's columns. */
static void
allocate_columns (GtkWidget         *widget,
                  CoproRegisterView *view,
                  int                height)
{
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && i < view->n_columns;
       child = gtk_widget_get_next_sibling (child), i++)
    gtk_widget_size_allocate (child, &(GtkAllocation) { column_left (view, widget, i), 0, view->column_width[i], height },
                              -1);
}

/* The height of the tallest child, the width of all the columns. */
static void
measure_columns (GtkWidget         *widget,
                 CoproRegisterView *view,
                 GtkOrientation     orientation,
                 int               *minimum,
                 int               *natural)
{
  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      for (guint i = 0; i < view->n_columns; i++)
        *natural += view->columns[i].width;
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &child_minimum, &child_natural, NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural = MAX (*natural, child_natural);
    }
}

/* Cells */

static GtkATContext *
copro_register_cell_get_at_context (GtkAccessible *accessible)
{
  CoproRegisterCell *self = COPRO_REGISTER_CELL (accessible);

  if (self->at_context == NULL)
    {
      GdkDisplay *display = self->row != NULL ? gtk_widget_get_display (GTK_WIDGET (self->row))
                                              : gdk_display_get_default ();

      self->at_context = gtk_at_context_create (GTK_ACCESSIBLE_ROLE_GRID_CELL, accessible, display);
      if (self->at_context == NULL)
        return NULL;
    }
  return g_object_ref (self->at_context);
}

static gboolean
copro_register_cell_get_platform_state (GtkAccessible              *accessible,
                                        GtkAccessiblePlatformState  state)
{
  return FALSE;
}

static GtkAccessible *
copro_register_cell_get_accessible_parent (GtkAccessible *accessible)
{
  CoproRegisterCell *self = COPRO_REGISTER_CELL (accessible);

  return self->row != NULL ? g_object_ref (GTK_ACCESSIBLE (self->row)) : NULL;
}

static GtkAccessible *
copro_register_cell_get_first_accessible_child (GtkAccessible *accessible)
{
  return NULL;
}

static GtkAccessible *
copro_register_cell_get_next_accessible_sibling (GtkAccessible *accessible)
{
  CoproRegisterCell *self = COPRO_REGISTER_CELL (accessible);

  return self->next != NULL ? g_object_ref (self->next) : NULL;
}

/* Its column's place in the row. */
static gboolean
copro_register_cell_get_bounds (GtkAccessible *accessible,
                                int           *x,
                                int           *y,
                                int           *width,
                                int           *height)
{
  CoproRegisterCell *self = COPRO_REGISTER_CELL (accessible);
  GtkWidget *row = GTK_WIDGET (self->row);
  CoproRegisterView *view;

  if (row == NULL || self->row->view == NULL || !gtk_widget_get_realized (row))
    return FALSE;
  view = self->row->view;
  *x = column_left (view, row, self->column);
  *y = 0;
  *width = view->column_width[self->column];
  *height = gtk_widget_get_height (row);
  return TRUE;
}

static void
copro_register_cell_accessible_init (GtkAccessibleInterface *iface)
{
  iface->get_at_context = copro_register_cell_get_at_context;
  iface->get_platform_state = copro_register_cell_get_platform_state;
  iface->get_accessible_parent = copro_register_cell_get_accessible_parent;
  iface->get_first_accessible_child = copro_register_cell_get_first_accessible_child;
  iface->get_next_accessible_sibling = copro_register_cell_get_next_accessible_sibling;
  iface->get_bounds = copro_register_cell_get_bounds;
}

static void
copro_register_cell_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case CELL_PROP_ACCESSIBLE_ROLE:
      g_value_set_enum (value, GTK_ACCESSIBLE_ROLE_GRID_CELL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_register_cell_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case CELL_PROP_ACCESSIBLE_ROLE:
      /* Always a grid cell. */
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_register_cell_dispose (GObject *object)
{
  CoproRegisterCell *self = COPRO_REGISTER_CELL (object);

  g_clear_object (&self->at_context);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (copro_register_cell_parent_class)->dispose (object);
}

static void
copro_register_cell_finalize (GObject *object)
{
  g_free (COPRO_REGISTER_CELL (object)->text);

  G_OBJECT_CLASS (copro_register_cell_parent_class)->finalize (object);
}

static void
copro_register_cell_class_init (CoproRegisterCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = copro_register_cell_dispose;
  object_class->finalize = copro_register_cell_finalize;
  object_class->get_property = copro_register_cell_get_property;
  object_class->set_property = copro_register_cell_set_property;
  g_object_class_override_property (object_class, CELL_PROP_ACCESSIBLE_ROLE, "accessible-role");
}

static void
copro_register_cell_init (CoproRegisterCell *self)
{
}

static CoproRegisterCell *
cell_new (CoproRegisterRow *row,
          guint             column,
          float             xalign)
{
  CoproRegisterCell *self = g_object_new (COPRO_TYPE_REGISTER_CELL, NULL);

  self->row = row;
  self->column = column;
  self->xalign = xalign;
  return self;
}

/* Whether the text changed. */
static gboolean
cell_set_text (CoproRegisterCell *self,
               const char        *text)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return FALSE;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return TRUE;
}

/* Rows */

/* Where the row is, for assistive technology: its index counted from 1, the
 * headings being the first row, and as text ("5 of 43"), which is what GTK
 * 4.18 passes on over AT-SPI (the "rowindextext" attribute,
 * gtk/a11y/gtkatspicontext.c:566-572; the index and count are not). */
static void
row_tell_position (CoproRegisterRow *row)
{
  g_autofree char *text = NULL;

  if (row->position == INVALID || row->view == NULL)
    return;
  /* TRANSLATORS: where a partner's row is in the register: "5 of 43" */
  text = g_strdup_printf (_("%u of %u"), row->position + 1, n_items (row->view));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int) MIN (row->position, G_MAXINT - 2) + 2,
                                  GTK_ACCESSIBLE_RELATION_ROW_INDEX_TEXT, text,
                                  -1);
}

static void
row_set_position (CoproRegisterRow *row,
                  guint             position)
{
  if (row->position == position)
    return;
  row->position = position;
  row_tell_position (row);
}

static void
row_set_selected (CoproRegisterRow *row,
                  gboolean          selected)
{
  if (row->selected == selected)
    return;
  row->selected = selected;
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (row), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (row), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

/* Shows the row's partner in its cells: their text, and nothing else. */
static void
row_show (CoproRegisterRow *row)
{
  CoproRegisterView *view = row->view;
  gboolean changed = FALSE;

  if (row->partner == NULL)
    return;
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_autofree char *text = NULL;

      if (COPRO_IS_PARTNER_CELL (row->cells[i]))
        {
          CoproPartnerCell *cell = COPRO_PARTNER_CELL (row->cells[i]);

          if (copro_partner_cell_get_partner (cell) == row->partner)
            copro_partner_cell_update (cell);
          else
            copro_partner_cell_set_partner (cell, row->partner);
          continue;
        }
      text = copro_partner_cell_format (row->partner, view->columns[i].key);
      changed |= cell_set_text (COPRO_REGISTER_CELL (row->cells[i]), text);
    }
  if (changed)
    gtk_widget_queue_draw (GTK_WIDGET (row));
  /* Screen readers announce a row by its name: the partner's. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copro_partner_get_title (row->partner),
                                  -1);
}

/* Takes @partner (a reference) into @row at @position. */
static void
row_bind (CoproRegisterRow *row,
          CoproRecord      *partner,
          guint             position)
{
  CoproRecord *old = row->partner;

  row->partner = partner;
  row_set_position (row, position);
  if (old != partner)
    row_show (row);
  g_clear_object (&old);
}

static void
row_unbind (CoproRegisterRow *row)
{
  row_set_position (row, INVALID);
  /* The partner cell holds no reference of its own. */
  for (guint i = 0; i < row->n_cells; i++)
    if (COPRO_IS_PARTNER_CELL (row->cells[i]))
      copro_partner_cell_set_partner (COPRO_PARTNER_CELL (row->cells[i]), NULL);
  g_clear_object (&row->partner);
}

static void
copro_register_row_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  measure_columns (widget, COPRO_REGISTER_ROW (widget)->view, orientation, minimum, natural);
}

/* The cells that are widgets, each in its column, inside CELL_PADDING. */
static void
copro_register_row_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  CoproRegisterRow *row = COPRO_REGISTER_ROW (widget);
  CoproRegisterView *view = row->view;

  for (guint i = 0; i < row->n_cells; i++)
    if (GTK_IS_WIDGET (row->cells[i]))
      gtk_widget_size_allocate (GTK_WIDGET (row->cells[i]),
                                &(GtkAllocation) { column_left (view, widget, i) + CELL_PADDING, 0,
                                                   MAX (view->column_width[i] - 2 * CELL_PADDING, 0), height },
                                -1);
}

/* Draws the text of the cells in sight (in the view's bounds), then the
 * cells that are widgets. The view draws its rows again when it scrolls
 * (queue_draw_rows()): GTK keeps a widget's drawing when only its place
 * changes. */
static void
copro_register_row_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CoproRegisterRow *row = COPRO_REGISTER_ROW (widget);
  CoproRegisterView *view = row->view;
  graphene_rect_t bounds;
  GdkRGBA color;

  if (view != NULL && gtk_widget_compute_bounds (widget, GTK_WIDGET (view), &bounds) &&
      bounds.origin.y + bounds.size.height >= 0 && bounds.origin.y <= gtk_widget_get_height (GTK_WIDGET (view)))
    {
      int view_width = gtk_widget_get_width (GTK_WIDGET (view));

      gtk_widget_get_color (widget, &color);
      for (guint i = 0; i < row->n_cells; i++)
        {
          int x = column_left (view, widget, i);
          CoproRegisterCell *cell;

          if (!COPRO_IS_REGISTER_CELL (row->cells[i]) ||
              bounds.origin.x + x + view->column_width[i] < 0 || bounds.origin.x + x > view_width)
            continue;
          cell = COPRO_REGISTER_CELL (row->cells[i]);
          copro_cell_text_draw (widget, snapshot, &cell->layout, cell->text, cell->xalign,
                                x + CELL_PADDING, view->column_width[i] - 2 * CELL_PADDING, gtk_widget_get_height (widget),
                                &color);
        }
    }

  GTK_WIDGET_CLASS (copro_register_row_parent_class)->snapshot (widget, snapshot);
}

/* The cells' text laid out again, in the new font or direction. */
static void
row_forget_layouts (CoproRegisterRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (COPRO_IS_REGISTER_CELL (row->cells[i]))
      g_clear_object (&COPRO_REGISTER_CELL (row->cells[i])->layout);
  gtk_widget_queue_draw (GTK_WIDGET (row));
}

static void
copro_register_row_system_setting_changed (GtkWidget        *widget,
                                           GtkSystemSetting  setting)
{
  row_forget_layouts (COPRO_REGISTER_ROW (widget));

  GTK_WIDGET_CLASS (copro_register_row_parent_class)->system_setting_changed (widget, setting);
}

static void
copro_register_row_direction_changed (GtkWidget        *widget,
                                      GtkTextDirection  previous)
{
  row_forget_layouts (COPRO_REGISTER_ROW (widget));

  GTK_WIDGET_CLASS (copro_register_row_parent_class)->direction_changed (widget, previous);
}

/* Its cells, in their columns' order, widgets or not. */
static GtkAccessible *
copro_register_row_get_first_accessible_child (GtkAccessible *accessible)
{
  CoproRegisterRow *row = COPRO_REGISTER_ROW (accessible);

  return row->n_cells > 0 ? g_object_ref (row->cells[0]) : NULL;
}

static void
copro_register_row_accessible_init (GtkAccessibleInterface *iface)
{
  iface->get_first_accessible_child = copro_register_row_get_first_accessible_child;
}

static void
on_row_focus_enter_cb (CoproRegisterRow *row)
{
  if (row->position != INVALID && row->view != NULL)
    {
      row->view->cursor = row->position;
      if (row->view->anchor == INVALID)
        row->view->anchor = row->position;
    }
}

static void
copro_register_row_dispose (GObject *object)
{
  CoproRegisterRow *row = COPRO_REGISTER_ROW (object);

  /* Assistive technology may hold a cell for longer: it then has no row
   * and no next cell. */
  for (guint i = 0; i < row->n_cells; i++)
    if (COPRO_IS_REGISTER_CELL (row->cells[i]))
      {
        COPRO_REGISTER_CELL (row->cells[i])->row = NULL;
        COPRO_REGISTER_CELL (row->cells[i])->next = NULL;
        g_object_unref (row->cells[i]);
      }
  row->n_cells = 0;
  unparent_children (GTK_WIDGET (row));
  g_clear_object (&row->partner);

  G_OBJECT_CLASS (copro_register_row_parent_class)->dispose (object);
}

static void
copro_register_row_class_init (CoproRegisterRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_register_row_dispose;
  widget_class->measure = copro_register_row_measure;
  widget_class->size_allocate = copro_register_row_size_allocate;
  widget_class->snapshot = copro_register_row_snapshot;
  widget_class->system_setting_changed = copro_register_row_system_setting_changed;
  widget_class->direction_changed = copro_register_row_direction_changed;
  gtk_widget_class_set_css_name (widget_class, "gridrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
}

static void
copro_register_row_init (CoproRegisterRow *row)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  row->position = INVALID;
  gtk_widget_set_focusable (GTK_WIDGET (row), TRUE);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_row_focus_enter_cb), row);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
}

static CoproRegisterRow *
make_row (CoproRegisterView *self)
{
  CoproRegisterRow *row = g_object_new (COPRO_TYPE_REGISTER_ROW, NULL);

  row->view = self;
  for (guint i = 0; i < self->n_columns; i++)
    {
      const CoproRegisterColumn *column = &self->columns[i];

      if (g_str_equal (column->key, "name"))
        {
          GtkWidget *cell = g_object_new (COPRO_TYPE_PARTNER_CELL,
                                          "key", column->key,
                                          "accessible-role", GTK_ACCESSIBLE_ROLE_GRID_CELL,
                                          NULL);

          gtk_widget_add_css_class (cell, "cell");
          gtk_widget_set_parent (cell, GTK_WIDGET (row));
          row->cells[i] = GTK_ACCESSIBLE (cell);
        }
      else
        {
          const CoproField *field = copro_record_desc_find_field (&copro_desc_partner, column->key);

          row->cells[i] = GTK_ACCESSIBLE (cell_new (row, i, field != NULL && field->kind == COPRO_FIELD_INT ? 1 : 0));
        }
      gtk_accessible_update_relation (row->cells[i], GTK_ACCESSIBLE_RELATION_COL_INDEX, (int) i + 1, -1);
    }
  row->n_cells = self->n_columns;
  /* Each cell's next, for assistive technology. */
  for (guint i = 0; i + 1 < row->n_cells; i++)
    {
      if (COPRO_IS_REGISTER_CELL (row->cells[i]))
        COPRO_REGISTER_CELL (row->cells[i])->next = row->cells[i + 1];
      else
        gtk_accessible_set_accessible_parent (row->cells[i], GTK_ACCESSIBLE (row), row->cells[i + 1]);
    }
  gtk_widget_set_parent (GTK_WIDGET (row), self->rows_box);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
drop_row (CoproRegisterView *self,
          guint              index)
{
  CoproRegisterRow *row = g_ptr_array_steal_index_fast (self->rows, index);

  row->view = NULL;
  gtk_widget_unparent (GTK_WIDGET (row));
}

/* The header */

static void
copro_register_header_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  measure_columns (widget, COPRO_REGISTER_HEADER (widget)->view, orientation, minimum, natural);
}

static void
copro_register_header_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  allocate_columns (widget, COPRO_REGISTER_HEADER (widget)->view, height);
}

static void
copro_register_header_dispose (GObject *object)
{
  unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (copro_register_header_parent_class)->dispose (object);
}

static void
copro_register_header_class_init (CoproRegisterHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_register_header_dispose;
  widget_class->measure = copro_register_header_measure;
  widget_class->size_allocate = copro_register_header_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "gridheader");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
}

static void
copro_register_header_init (CoproRegisterHeader *self)
{
}

/* The rows' group */

static void
copro_register_rows_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  /* The view gives it the room below the headings. */
  *minimum = *natural = 0;
}

static void
copro_register_rows_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  CoproRegisterView *view = COPRO_REGISTER_ROWS (widget)->view;
  int offset = (int) floor (gtk_adjustment_get_value (view->vadjustment));

  for (guint i = 0; i < view->rows->len; i++)
    {
      CoproRegisterRow *row = g_ptr_array_index (view->rows, i);
      int y;

      if (row->position == INVALID)
        continue;
      y = (int) MIN ((gint64) row->position * view->row_height - offset, G_MAXINT / 2);
      gtk_widget_size_allocate (GTK_WIDGET (row), &(GtkAllocation) { 0, y, width, view->row_height }, -1);
    }
}

static void
copro_register_rows_dispose (GObject *object)
{
  unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (copro_register_rows_parent_class)->dispose (object);
}

static void
copro_register_rows_class_init (CoproRegisterRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_register_rows_dispose;
  widget_class->measure = copro_register_rows_measure;
  widget_class->size_allocate = copro_register_rows_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "gridrows");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW_GROUP);
}

static void
copro_register_rows_init (CoproRegisterRows *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* The view: rows in sight */

static int
get_row_height (CoproRegisterView *self)
{
  if (self->row_height <= 0 && self->n_columns > 0 && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      CoproRegisterRow *row;
      int minimum, natural;

      if (self->rows->len == 0)
        {
          row = make_row (self);
          gtk_widget_set_child_visible (GTK_WIDGET (row), FALSE);
        }
      row = g_ptr_array_index (self->rows, 0);
      gtk_widget_measure (GTK_WIDGET (row), GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
      self->row_height = MAX (natural, 1);
    }
  return self->row_height;
}

static guint
first_in_sight (CoproRegisterView *self)
{
  guint n = n_items (self);

  if (n == 0 || self->row_height <= 0)
    return 0;
  return MIN ((guint) (gtk_adjustment_get_value (self->vadjustment) / self->row_height), n - 1);
}

/* Gives each position in sight a row: the row already showing its partner
 * if there is one (whatever position it showed it at), else a spare row or
 * a new one. The row with the keyboard focus keeps its partner out of sight
 * too, as GTK's list views do. */
static void
update_rows (CoproRegisterView *self,
             int                page_height)
{
  guint n = n_items (self);
  guint first = 0, last = 0, spare = 0, next = 0;
  g_autofree CoproRecord **wanted = NULL;

  if (n > 0 && self->row_height > 0)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);

      first = MIN ((guint) (value / self->row_height), n);
      last = (guint) MIN ((double) n, ceil ((value + page_height) / self->row_height));
      last = MAX (last, first);
    }
  wanted = g_new0 (CoproRecord *, last - first + 1);

  for (guint i = 0; i < self->rows->len; i++)
    COPRO_REGISTER_ROW (g_ptr_array_index (self->rows, i))->kept = FALSE;
  for (guint p = first; p < last; p++)
    {
      CoproRecord *partner = g_list_model_get_item (G_LIST_MODEL (self->model), p);
      CoproRegisterRow *row = NULL;

      for (guint i = 0; i < self->rows->len && row == NULL; i++)
        {
          CoproRegisterRow *candidate = g_ptr_array_index (self->rows, i);

          if (!candidate->kept && candidate->partner == partner)
            row = candidate;
        }
      if (row != NULL)
        {
          row->kept = TRUE;
          row_set_position (row, p);
          g_object_unref (partner);
        }
      else
        wanted[p - first] = partner;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      CoproRegisterRow *row = g_ptr_array_index (self->rows, i);

      if (!row->kept && row->position != INVALID && row->position < n && gtk_widget_is_focus (GTK_WIDGET (row)))
        row->kept = TRUE;
    }
  for (guint p = first; p < last; p++)
    {
      CoproRegisterRow *row = NULL;

      if (wanted[p - first] == NULL)
        continue;
      for (; next < self->rows->len && row == NULL; next++)
        if (!COPRO_REGISTER_ROW (g_ptr_array_index (self->rows, next))->kept)
          row = g_ptr_array_index (self->rows, next);
      if (row == NULL)
        row = make_row (self);
      row->kept = TRUE;
      row_bind (row, g_steal_pointer (&wanted[p - first]), p);
    }
  for (guint i = self->rows->len; i-- > 0;)
    {
      CoproRegisterRow *row = g_ptr_array_index (self->rows, i);

      if (row->kept)
        {
          gtk_widget_set_child_visible (GTK_WIDGET (row), TRUE);
          row_set_selected (row, gtk_selection_model_is_selected (self->model, row->position));
        }
      else if (spare < SPARE_ROWS)
        {
          row_unbind (row);
          gtk_widget_set_child_visible (GTK_WIDGET (row), FALSE);
          spare++;
        }
      else
        drop_row (self, i);
    }
}

/* A row showing @position, made now if there is none. */
static CoproRegisterRow *
ensure_row (CoproRegisterView *self,
            guint              position)
{
  CoproRegisterRow *row = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      CoproRegisterRow *candidate = g_ptr_array_index (self->rows, i);

      if (candidate->position == position)
        return candidate;
      if (row == NULL && candidate->position == INVALID)
        row = candidate;
    }
  if (row == NULL)
    row = make_row (self);
  row_bind (row, g_list_model_get_item (G_LIST_MODEL (self->model), position), position);
  gtk_widget_set_child_visible (GTK_WIDGET (row), TRUE);
  row_set_selected (row, gtk_selection_model_is_selected (self->model, position));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return row;
}

static void
configure_adjustment (CoproRegisterView *self,
                      GtkAdjustment     *adjustment,
                      double             value,
                      double             upper,
                      double             page,
                      double             step)
{
  g_signal_handlers_block_by_func (adjustment, gtk_widget_queue_allocate, self);
  gtk_adjustment_configure (adjustment, CLAMP (value, 0, MAX (upper - page, 0)), 0, upper, step, page * 0.9, page);
  g_signal_handlers_unblock_by_func (adjustment, gtk_widget_queue_allocate, self);
}

/* The value that shows @position whole, moving as little as can be. */
static double
value_showing (CoproRegisterView *self,
               guint              position)
{
  double value = gtk_adjustment_get_value (self->vadjustment);
  double page = gtk_adjustment_get_page_size (self->vadjustment);
  double top = (double) position * self->row_height;

  if (top < value)
    return top;
  if (top + self->row_height > value + page)
    return top + self->row_height - page;
  return value;
}

static void
copro_register_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  CoproRegisterView *self = COPRO_REGISTER_VIEW (widget);
  int header_minimum, header_natural;

  gtk_widget_measure (self->header, orientation, -1, &header_minimum, &header_natural, NULL, NULL);
  /* Scrolled: nothing is needed; all the rows and columns are wanted. */
  *minimum = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = header_natural;
  else
    *natural = (int) MIN ((gint64) header_natural + (gint64) n_items (self) * get_row_height (self), G_MAXINT / 2);
}

static void
copro_register_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  CoproRegisterView *self = COPRO_REGISTER_VIEW (widget);
  int total = 0, n_expand = 0, extra, content_width, header_height, page_height, x = 0, hvalue;
  guint n = n_items (self);

  for (guint i = 0; i < self->n_columns; i++)
    {
      total += self->columns[i].width;
      n_expand += self->columns[i].expand ? 1 : 0;
    }
  content_width = MAX (width, total);
  extra = content_width - total;
  for (guint i = 0; i < self->n_columns; i++)
    {
      int share = 0;

      if (self->columns[i].expand && n_expand > 0)
        {
          share = extra / n_expand;
          extra -= share;
          n_expand--;
        }
      self->column_x[i] = x;
      self->column_width[i] = self->columns[i].width + share;
      x += self->column_width[i];
    }

  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, content_width, NULL, &header_height, NULL, NULL);
  header_height = MIN (header_height, height);
  page_height = height - header_height;
  get_row_height (self);

  configure_adjustment (self, self->hadjustment, gtk_adjustment_get_value (self->hadjustment),
                        content_width, width, 20);
  configure_adjustment (self, self->vadjustment, gtk_adjustment_get_value (self->vadjustment),
                        (double) n * MAX (self->row_height, 1), page_height, MAX (self->row_height, 1));
  if (self->pending_scroll != INVALID && self->row_height > 0)
    {
      if (self->pending_scroll < n)
        configure_adjustment (self, self->vadjustment, value_showing (self, self->pending_scroll),
                              (double) n * self->row_height, page_height, self->row_height);
      self->pending_scroll = INVALID;
    }

  update_rows (self, page_height);

  hvalue = (int) floor (gtk_adjustment_get_value (self->hadjustment));
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    hvalue = -(content_width - width - hvalue);
  gtk_widget_size_allocate (self->header, &(GtkAllocation) { -hvalue, 0, content_width, header_height }, -1);
  gtk_widget_size_allocate (self->rows_box, &(GtkAllocation) { -hvalue, header_height, content_width, page_height }, -1);
}

/* Keyboard */

static void
focus_row (CoproRegisterView *self,
           guint              position)
{
  CoproRegisterRow *row = ensure_row (self, position);

  copro_register_view_scroll_to (self, position);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Puts the keyboard on the row at the cursor, or the first in sight. */
static gboolean
focus_cursor (CoproRegisterView *self)
{
  guint n = n_items (self);

  if (n == 0)
    return FALSE;
  if (self->cursor == INVALID || self->cursor >= n)
    self->cursor = first_in_sight (self);
  if (self->anchor == INVALID || self->anchor >= n)
    self->anchor = self->cursor;
  focus_row (self, self->cursor);
  return TRUE;
}

static gboolean
copro_register_view_grab_focus (GtkWidget *widget)
{
  return focus_cursor (COPRO_REGISTER_VIEW (widget));
}

static gboolean
copro_register_view_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  CoproRegisterView *self = COPRO_REGISTER_VIEW (widget);

  /* Tab and Shift+Tab leave the rows from any row: one stop, as a list.
   * An arrow the rows do not use (Left and Right at the end of the columns)
   * leaves the keyboard where it is rather than in another widget. */
  if (gtk_widget_get_focus_child (widget) != NULL)
    return direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD;
  return focus_cursor (self);
}

/* Moves the cursor to @position; @extend selects from the anchor (Shift),
 * @modify leaves the selection as it is (Ctrl) or adds to it (Ctrl+Shift). */
static void
move_cursor_to (CoproRegisterView *self,
                guint              position,
                gboolean           extend,
                gboolean           modify)
{
  if (self->anchor == INVALID)
    self->anchor = self->cursor != INVALID ? self->cursor : position;
  self->cursor = position;
  if (extend)
    gtk_selection_model_select_range (self->model, MIN (self->anchor, position),
                                      MAX (self->anchor, position) - MIN (self->anchor, position) + 1, !modify);
  else
    {
      self->anchor = position;
      if (!modify)
        gtk_selection_model_select_item (self->model, position, TRUE);
    }
  focus_row (self, position);
}

enum
{
  MOVE_LINE,
  MOVE_PAGE,
  MOVE_ENDS
};

static gboolean
move_cursor_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  CoproRegisterView *self = COPRO_REGISTER_VIEW (widget);
  guint n = n_items (self);
  int kind, direction;
  gboolean extend, modify;
  gint64 target;

  g_variant_get (args, "(iibb)", &kind, &direction, &extend, &modify);
  if (n == 0)
    return FALSE;
  if (self->cursor == INVALID || self->cursor >= n)
    self->cursor = first_in_sight (self);
  switch (kind)
    {
    case MOVE_LINE:
      target = (gint64) self->cursor + direction;
      break;
    case MOVE_PAGE:
      target = (gint64) self->cursor +
               (gint64) direction * MAX (1, (int) (gtk_adjustment_get_page_size (self->vadjustment) /
                                                   MAX (self->row_height, 1)) - 1);
      break;
    default:
      target = direction < 0 ? 0 : (gint64) n - 1;
    }
  move_cursor_to (self, (guint) CLAMP (target, 0, (gint64) n - 1), extend, modify);
  return TRUE;
}

/* Left and Right bring the columns out of sight into view, a column's
 * width at a time (the register is wider than a narrow window). */
static gboolean
scroll_columns_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  CoproRegisterView *self = COPRO_REGISTER_VIEW (widget);
  int direction = g_variant_get_int32 (args);
  double value = gtk_adjustment_get_value (self->hadjustment);
  double step = 0;

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    direction = -direction;
  for (guint i = 0; i < self->n_columns && step == 0; i++)
    if (direction > 0 ? self->column_x[i] + self->column_width[i] > value + 1
                      : self->column_x[i] + self->column_width[i] >= value)
      step = self->column_width[i];
  gtk_adjustment_set_value (self->hadjustment, value + direction * MAX (step, 20));
  return TRUE;
}

static gboolean
select_cursor_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  CoproRegisterView *self = COPRO_REGISTER_VIEW (widget);
  gboolean toggle = g_variant_get_boolean (args);

  if (self->cursor == INVALID || self->cursor >= n_items (self))
    return FALSE;
  if (toggle && gtk_selection_model_is_selected (self->model, self->cursor))
    gtk_selection_model_unselect_item (self->model, self->cursor);
  else
    gtk_selection_model_select_item (self->model, self->cursor, !toggle);
  self->anchor = self->cursor;
  return TRUE;
}

static gboolean
activate_cursor_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  CoproRegisterView *self = COPRO_REGISTER_VIEW (widget);

  if (self->cursor == INVALID || self->cursor >= n_items (self))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0, self->cursor);
  return TRUE;
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CoproRegisterView *self = COPRO_REGISTER_VIEW (widget);

  if (self->model != NULL)
    gtk_selection_model_select_all (self->model);
}

static void
unselect_all_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CoproRegisterView *self = COPRO_REGISTER_VIEW (widget);

  if (self->model != NULL)
    gtk_selection_model_unselect_all (self->model);
}

/* Pointer */

static void
on_pressed_cb (GtkGestureClick   *gesture,
               int                n_press,
               double             x,
               double             y,
               CoproRegisterView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  double offset = y + gtk_adjustment_get_value (self->vadjustment);
  guint position;

  if (self->row_height <= 0 || offset < 0 || offset / self->row_height >= n_items (self))
    return;
  position = (guint) (offset / self->row_height);
  if (n_press == 2 && (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0)
    {
      self->cursor = position;
      g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0, position);
      return;
    }
  if ((state & GDK_CONTROL_MASK) != 0 && (state & GDK_SHIFT_MASK) == 0)
    {
      if (gtk_selection_model_is_selected (self->model, position))
        gtk_selection_model_unselect_item (self->model, position);
      else
        gtk_selection_model_select_item (self->model, position, FALSE);
      self->anchor = self->cursor = position;
      focus_row (self, position);
      return;
    }
  move_cursor_to (self, position, (state & GDK_SHIFT_MASK) != 0, (state & GDK_CONTROL_MASK) != 0);
}

/* Headings */

static void
update_titles (CoproRegisterView *self)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      gboolean sorted = (int) i == self->sort_column;

      gtk_widget_set_visible (self->arrows[i], sorted);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->arrows[i]),
                                    self->sort_descending ? "pan-down-symbolic" : "pan-up-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->titles[i]),
                                      GTK_ACCESSIBLE_PROPERTY_SORT,
                                      !sorted ? GTK_ACCESSIBLE_SORT_NONE :
                                      self->sort_descending ? GTK_ACCESSIBLE_SORT_DESCENDING :
                                      GTK_ACCESSIBLE_SORT_ASCENDING,
                                      -1);
    }
}

static void
on_title_clicked_cb (GtkButton         *button,
                     CoproRegisterView *self)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (self->titles[i] == GTK_WIDGET (button))
      copro_register_view_set_sort (self, (int) i,
                                    (int) i == self->sort_column ? !self->sort_descending : FALSE);
}

/* The model */

static void
on_items_changed_cb (GListModel        *model,
                     guint              position,
                     guint              removed,
                     guint              added,
                     CoproRegisterView *self)
{
  guint n = g_list_model_get_n_items (model);
  gboolean refocus = FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      CoproRegisterRow *row = g_ptr_array_index (self->rows, i);

      if (row->position == INVALID || row->position < position)
        continue;
      if (row->position >= position + removed)
        row_set_position (row, row->position - removed + added);
      else
        {
          /* Its partner may be among those added back (a row that moved):
           * update_rows() finds it by its partner. */
          refocus |= gtk_widget_is_focus (GTK_WIDGET (row));
          row_set_position (row, INVALID);
        }
    }
  if (self->cursor != INVALID && self->cursor >= position)
    self->cursor = self->cursor >= position + removed ? self->cursor - removed + added : position;
  if (self->anchor != INVALID && self->anchor >= position)
    self->anchor = self->anchor >= position + removed ? self->anchor - removed + added : position;
  if (self->cursor != INVALID && self->cursor >= n)
    self->cursor = n > 0 ? n - 1 : INVALID;
  if (self->anchor != INVALID && self->anchor >= n)
    self->anchor = self->cursor;
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_ROW_COUNT, (int) MIN (n, G_MAXINT - 1) + 1, -1);
  if (added != removed)
    for (guint i = 0; i < self->rows->len; i++)
      row_tell_position (g_ptr_array_index (self->rows, i));
  gtk_widget_queue_resize (GTK_WIDGET (self));
  /* The row with the keyboard went: the keyboard goes to the row in its place. */
  if (refocus)
    {
      if (self->cursor != INVALID)
        focus_row (self, self->cursor);
      else
        gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self))), GTK_DIR_TAB_FORWARD);
    }
}

static void
on_selection_changed_cb (GtkSelectionModel *model,
                         guint              position,
                         guint              n,
                         CoproRegisterView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      CoproRegisterRow *row = g_ptr_array_index (self->rows, i);

      if (row->position != INVALID && row->position >= position && row->position - position < n)
        row_set_selected (row, gtk_selection_model_is_selected (model, row->position));
    }
}

/* Scrolling */

/* The rows draw only the cells in sight: scrolled, they draw again. */
static void
queue_draw_rows (CoproRegisterView *self)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    gtk_widget_queue_draw (g_ptr_array_index (self->rows, i));
}

static void
set_adjustment (CoproRegisterView  *self,
                GtkAdjustment     **slot,
                GtkAdjustment      *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, gtk_widget_queue_allocate, self);
      g_signal_handlers_disconnect_by_func (*slot, queue_draw_rows, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_allocate), self);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (queue_draw_rows), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
copro_register_view_get_border (GtkScrollable *scrollable,
                                GtkBorder     *border)
{
  CoproRegisterView *self = COPRO_REGISTER_VIEW (scrollable);
  int natural;

  /* The headings do not scroll up with the rows. */
  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  border->top = (gint16) MIN (natural, G_MAXINT16);
  return TRUE;
}

static void
copro_register_view_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = copro_register_view_get_border;
}

static void
copro_register_view_system_setting_changed (GtkWidget        *widget,
                                            GtkSystemSetting  setting)
{
  /* A new font size: rows measured again. */
  COPRO_REGISTER_VIEW (widget)->row_height = 0;
  gtk_widget_queue_resize (widget);

  GTK_WIDGET_CLASS (copro_register_view_parent_class)->system_setting_changed (widget, setting);
}

static void
copro_register_view_dispose (GObject *object)
{
  CoproRegisterView *self = COPRO_REGISTER_VIEW (object);

  copro_register_view_set_model (self, NULL);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->rows_box, gtk_widget_unparent);
  if (self->hadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->hadjustment, gtk_widget_queue_allocate, self);
      g_signal_handlers_disconnect_by_func (self->hadjustment, queue_draw_rows, self);
    }
  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->vadjustment, gtk_widget_queue_allocate, self);
      g_signal_handlers_disconnect_by_func (self->vadjustment, queue_draw_rows, self);
    }
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (copro_register_view_parent_class)->dispose (object);
}

static void
copro_register_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CoproRegisterView *self = COPRO_REGISTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_register_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CoproRegisterView *self = COPRO_REGISTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      copro_register_view_set_model (self, g_value_get_object (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_bindings (GtkWidgetClass *widget_class,
                   guint           keyval,
                   guint           keypad_keyval,
                   int             kind,
                   int             direction)
{
  static const GdkModifierType modifiers[] = {
    0, GDK_SHIFT_MASK, GDK_CONTROL_MASK, GDK_SHIFT_MASK | GDK_CONTROL_MASK,
  };

  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    {
      gboolean extend = (modifiers[i] & GDK_SHIFT_MASK) != 0;
      gboolean modify = (modifiers[i] & GDK_CONTROL_MASK) != 0;

      gtk_widget_class_add_binding (widget_class, keyval, modifiers[i], move_cursor_cb,
                                    "(iibb)", kind, direction, extend, modify);
      gtk_widget_class_add_binding (widget_class, keypad_keyval, modifiers[i], move_cursor_cb,
                                    "(iibb)", kind, direction, extend, modify);
    }
}

static void
copro_register_view_class_init (CoproRegisterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_register_view_dispose;
  object_class->get_property = copro_register_view_get_property;
  object_class->set_property = copro_register_view_set_property;
  widget_class->measure = copro_register_view_measure;
  widget_class->size_allocate = copro_register_view_size_allocate;
  widget_class->grab_focus = copro_register_view_grab_focus;
  widget_class->focus = copro_register_view_focus;
  widget_class->system_setting_changed = copro_register_view_system_setting_changed;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, GTK_TYPE_SELECTION_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_SORT_CHANGED] =
    g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  add_move_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, MOVE_LINE, -1);
  add_move_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, MOVE_LINE, 1);
  add_move_bindings (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, MOVE_PAGE, -1);
  add_move_bindings (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, MOVE_PAGE, 1);
  add_move_bindings (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, MOVE_ENDS, -1);
  add_move_bindings (widget_class, GDK_KEY_End, GDK_KEY_KP_End, MOVE_ENDS, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, scroll_columns_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, 0, scroll_columns_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, scroll_columns_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Right, 0, scroll_columns_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, select_cursor_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Space, 0, select_cursor_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, select_cursor_cb, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Space, GDK_CONTROL_MASK, select_cursor_cb, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cursor_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, 0, activate_cursor_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cursor_cb, NULL);
  gtk_widget_class_install_action (widget_class, "rows.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "rows.unselect-all", NULL, unselect_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "rows.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "rows.unselect-all", NULL);

  gtk_widget_class_set_css_name (widget_class, "registerview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
copro_register_view_init (CoproRegisterView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->rows = g_ptr_array_new ();
  self->cursor = self->anchor = self->pending_scroll = INVALID;
  self->sort_column = -1;
  self->hscroll_policy = self->vscroll_policy = GTK_SCROLL_NATURAL;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  self->header = g_object_new (COPRO_TYPE_REGISTER_HEADER, NULL);
  COPRO_REGISTER_HEADER (self->header)->view = self;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->header),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column headings"),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->header), GTK_ACCESSIBLE_RELATION_ROW_INDEX, 1, -1);
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));
  self->rows_box = g_object_new (COPRO_TYPE_REGISTER_ROWS, NULL);
  COPRO_REGISTER_ROWS (self->rows_box)->view = self;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rows of partners"),
                                  -1);
  gtk_widget_set_parent (self->rows_box, GTK_WIDGET (self));

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (self->rows_box, GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_MULTI_SELECTABLE, TRUE, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_ROW_COUNT, 1, -1);
}

/* Public API */

void
copro_register_view_set_columns (CoproRegisterView         *self,
                                 const CoproRegisterColumn *columns,
                                 guint                      n_columns)
{
  g_return_if_fail (COPRO_IS_REGISTER_VIEW (self));
  g_return_if_fail (self->n_columns == 0);
  g_return_if_fail (n_columns > 0 && n_columns <= MAX_COLUMNS);

  self->columns = columns;
  self->n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      /* The cells' text, not a GtkLabel: the column's width is fixed, and
       * only the headings in sight are laid out. */
      GtkWidget *label = copro_cell_text_new (0);

      copro_cell_text_set_text (COPRO_CELL_TEXT (label), _(columns[i].title));
      gtk_widget_set_hexpand (label, TRUE);

      self->arrows[i] = gtk_image_new ();
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), self->arrows[i]);
      /* A heading sorts by its column when clicked, as GTK's do; the
       * keyboard sorts from the register's menu. */
      self->titles[i] = g_object_new (GTK_TYPE_BUTTON,
                                      "child", box,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
                                      "focusable", FALSE,
                                      "focus-on-click", FALSE,
                                      "tooltip-text", _(columns[i].title),
                                      NULL);
      gtk_widget_add_css_class (self->titles[i], "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->titles[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(columns[i].title),
                                      -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->titles[i]),
                                      GTK_ACCESSIBLE_RELATION_COL_INDEX, (int) i + 1,
                                      -1);
      g_signal_connect (self->titles[i], "clicked", G_CALLBACK (on_title_clicked_cb), self);
      gtk_widget_set_parent (self->titles[i], self->header);
    }
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_COL_COUNT, (int) n_columns, -1);
  update_titles (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GtkSelectionModel *
copro_register_view_get_model (CoproRegisterView *self)
{
  g_return_val_if_fail (COPRO_IS_REGISTER_VIEW (self), NULL);

  return self->model;
}

void
copro_register_view_set_model (CoproRegisterView *self,
                               GtkSelectionModel *model)
{
  g_return_if_fail (COPRO_IS_REGISTER_VIEW (self));
  g_return_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    {
      g_clear_signal_handler (&self->items_changed_id, self->model);
      g_clear_signal_handler (&self->selection_changed_id, self->model);
    }
  g_set_object (&self->model, model);
  if (self->rows != NULL)
    for (guint i = 0; i < self->rows->len; i++)
      {
        CoproRegisterRow *row = g_ptr_array_index (self->rows, i);

        row_unbind (row);
        gtk_widget_set_child_visible (GTK_WIDGET (row), FALSE);
      }
  self->cursor = self->anchor = INVALID;
  if (model != NULL)
    {
      self->items_changed_id = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
      self->selection_changed_id = g_signal_connect (model, "selection-changed",
                                                     G_CALLBACK (on_selection_changed_cb), self);
    }
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_ROW_COUNT,
                                  (int) MIN (n_items (self), G_MAXINT - 1) + 1, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

int
copro_register_view_get_sort_column (CoproRegisterView *self)
{
  g_return_val_if_fail (COPRO_IS_REGISTER_VIEW (self), -1);

  return self->sort_column;
}

gboolean
copro_register_view_get_sort_descending (CoproRegisterView *self)
{
  g_return_val_if_fail (COPRO_IS_REGISTER_VIEW (self), FALSE);

  return self->sort_descending;
}

void
copro_register_view_set_sort (CoproRegisterView *self,
                              int                column,
                              gboolean           descending)
{
  g_return_if_fail (COPRO_IS_REGISTER_VIEW (self));
  g_return_if_fail (column >= -1 && column < (int) self->n_columns);

  descending = column >= 0 && descending;
  if (self->sort_column == column && self->sort_descending == descending)
    return;
  self->sort_column = column;
  self->sort_descending = descending;
  update_titles (self);
  g_signal_emit (self, signals[SIGNAL_SORT_CHANGED], 0);
}

void
copro_register_view_update (CoproRegisterView *self,
                            CoproRecord       *partner)
{
  g_return_if_fail (COPRO_IS_REGISTER_VIEW (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      CoproRegisterRow *row = g_ptr_array_index (self->rows, i);

      if (row->partner != NULL && (partner == NULL || row->partner == partner))
        row_show (row);
    }
}

void
copro_register_view_scroll_to (CoproRegisterView *self,
                               guint              position)
{
  g_return_if_fail (COPRO_IS_REGISTER_VIEW (self));

  if (position >= n_items (self))
    return;
  self->cursor = position;
  if (self->row_height <= 0 || gtk_adjustment_get_page_size (self->vadjustment) <= 0)
    {
      /* Not laid out yet: when it is. */
      self->pending_scroll = position;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }
  gtk_adjustment_set_value (self->vadjustment, value_showing (self, position));
}

GtkWidget *
copro_register_view_get_row (CoproRegisterView *self,
                             guint              position)
{
  g_return_val_if_fail (COPRO_IS_REGISTER_VIEW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      CoproRegisterRow *row = g_ptr_array_index (self->rows, i);

      if (row->position == position)
        return GTK_WIDGET (row);
    }
  return NULL;
}

const char *
copro_register_view_get_cell_text (CoproRegisterView *self,
                                   CoproRecord       *partner,
                                   guint              column)
{
  g_return_val_if_fail (COPRO_IS_REGISTER_VIEW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      CoproRegisterRow *row = g_ptr_array_index (self->rows, i);
      CoproRegisterCell *cell;

      if (row->partner != partner || partner == NULL || column >= row->n_cells ||
          !COPRO_IS_REGISTER_CELL (row->cells[column]))
        continue;
      cell = COPRO_REGISTER_CELL (row->cells[column]);
      return cell->text != NULL ? cell->text : "";
    }
  return NULL;
}

guint
copro_register_view_get_n_rows_made (CoproRegisterView *self)
{
  g_return_val_if_fail (COPRO_IS_REGISTER_VIEW (self), 0);

  return self->rows->len;
}
