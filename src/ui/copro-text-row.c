/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CoproTextRow: several lines (TEXT), in a text view that grows with its
 * content (copro-field-rows.h). */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-field-row-private.h"
#include "copro-text-row.h"
#include "copro-text-view.h"

struct _CoproTextRow
{
  AdwPreferencesRow  parent_instance;

  CoproFieldLink     link;
  GtkTextView       *view;
  GtkTextBuffer     *buffer;
  gulong             changed_id;
};

G_DEFINE_FINAL_TYPE (CoproTextRow, copro_text_row, ADW_TYPE_PREFERENCES_ROW)

static void
on_text_buffer_changed_cb (GtkTextBuffer *buffer,
                           CoproTextRow  *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->link.field == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  copro_record_set_string (self->link.record, self->link.key, text);
}

static void
text_row_sync (GtkWidget *row)
{
  CoproTextRow *self = COPRO_TEXT_ROW (row);
  const char *value = copro_record_get_string (self->link.record, self->link.key);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  /* Leave the cursor alone when the text is what the user typed. */
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, value != NULL ? value : "") == 0)
    return;
  g_signal_handler_block (self->buffer, self->changed_id);
  gtk_text_buffer_set_text (self->buffer, value != NULL ? value : "", -1);
  g_signal_handler_unblock (self->buffer, self->changed_id);
}

static void
text_row_setup (GtkWidget        *row,
                const CoproField *field)
{
  copro_field_link_set_title (row, field);
}

static GtkWidget *
text_row_focus (GtkWidget *row)
{
  return GTK_WIDGET (COPRO_TEXT_ROW (row)->view);
}

static const CoproFieldRowOps text_row_ops = { text_row_setup, NULL, text_row_sync, text_row_focus };

static void
on_text_row_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        CoproTextRow    *self)
{
  /* A click anywhere in the row starts typing, as in an entry row. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
copro_text_row_dispose (GObject *object)
{
  CoproTextRow *self = COPRO_TEXT_ROW (object);

  copro_field_link_clear (&self->link);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_TEXT_ROW);

  G_OBJECT_CLASS (copro_text_row_parent_class)->dispose (object);
}

static void
copro_text_row_class_init (CoproTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_text_row_dispose;
  object_class->get_property = copro_field_link_get_property;
  object_class->set_property = copro_field_link_set_property;
  copro_field_link_install_properties (object_class, G_STRUCT_OFFSET (CoproTextRow, link));

  g_type_ensure (COPRO_TYPE_TEXT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproTextRow, view);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_pressed_cb);
}

static void
copro_text_row_init (CoproTextRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->buffer = gtk_text_view_get_buffer (self->view);
  self->changed_id = g_signal_connect (self->buffer, "changed", G_CALLBACK (on_text_buffer_changed_cb), self);
  copro_field_link_init (&self->link, GTK_WIDGET (self), &text_row_ops);
}
