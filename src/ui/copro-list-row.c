/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The row of one item of an editable list. */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-activity-attendance.h"
#include "copro-list-editor.h"
#include "copro-list-row.h"
#include "copro-model.h"
#include "copro-record-form.h"

struct _CoproListRow
{
  AdwExpanderRow  parent_instance;

  CoproRecord    *item;
  char           *badge;
  gboolean        populated;
  gboolean        can_move_up;
  gboolean        can_move_down;

  GtkWidget      *badge_label;
  GtkWidget      *actions_row;
  GtkWidget      *up_button;
  GtkWidget      *down_button;
  GtkWidget      *delete_button;
  GtkWidget      *header;        /* libadwaita's, inside; found once */
};

G_DEFINE_FINAL_TYPE (CoproListRow, copro_list_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_POPULATED,
  PROP_CAN_MOVE_UP,
  PROP_CAN_MOVE_DOWN,
  PROP_BADGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The header row inside an AdwExpanderRow: the one that takes the focus. */
static GtkWidget *
find_header (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ADW_IS_ACTION_ROW (child) ? child : find_header (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
move (CoproListRow *self,
      int           delta)
{
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));

  if (position >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "list-editor.move-item", "(ui)", (guint) position, delta);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move (COPRO_LIST_ROW (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move (COPRO_LIST_ROW (widget), 1);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (widget));

  if (position >= 0)
    gtk_widget_activate_action (widget, "list-editor.delete-item", "u", (guint) position);
}

static void
set_item (CoproListRow *self,
          CoproRecord  *item)
{
  g_autofree char *description = NULL;

  g_assert (self->item == NULL);
  if (item == NULL)
    return;
  self->item = g_object_ref (item);
  /* TRANSLATORS: the description of a Delete button; %s is what the item is, e.g. risk */
  description = g_strdup_printf (_("Deletes this %s; a notice offers to undo it"),
                                 g_dgettext (GETTEXT_PACKAGE, copro_record_get_desc (item)->label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
copro_list_row_dispose (GObject *object)
{
  CoproListRow *self = COPRO_LIST_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_LIST_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (copro_list_row_parent_class)->dispose (object);
}

static void
copro_list_row_finalize (GObject *object)
{
  CoproListRow *self = COPRO_LIST_ROW (object);

  g_free (self->badge);

  G_OBJECT_CLASS (copro_list_row_parent_class)->finalize (object);
}

static void
copro_list_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CoproListRow *self = COPRO_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_POPULATED:
      g_value_set_boolean (value, self->populated);
      break;
    case PROP_CAN_MOVE_UP:
      g_value_set_boolean (value, self->can_move_up);
      break;
    case PROP_CAN_MOVE_DOWN:
      g_value_set_boolean (value, self->can_move_down);
      break;
    case PROP_BADGE:
      g_value_set_string (value, self->badge);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_list_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CoproListRow *self = COPRO_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      set_item (self, g_value_get_object (value));
      break;
    case PROP_CAN_MOVE_UP:
      copro_list_row_set_can_move_up (self, g_value_get_boolean (value));
      break;
    case PROP_CAN_MOVE_DOWN:
      copro_list_row_set_can_move_down (self, g_value_get_boolean (value));
      break;
    case PROP_BADGE:
      copro_list_row_set_badge (self, g_value_get_string (value), NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_list_row_class_init (CoproListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_list_row_dispose;
  object_class->finalize = copro_list_row_finalize;
  object_class->get_property = copro_list_row_get_property;
  object_class->set_property = copro_list_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, COPRO_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POPULATED] =
    g_param_spec_boolean ("populated", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_MOVE_UP] =
    g_param_spec_boolean ("can-move-up", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_MOVE_DOWN] =
    g_param_spec_boolean ("can-move-down", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BADGE] =
    g_param_spec_string ("badge", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "item.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "item.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "item.delete", NULL, delete_activated);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-list-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproListRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, CoproListRow, actions_row);
  gtk_widget_class_bind_template_child (widget_class, CoproListRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, CoproListRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, CoproListRow, delete_button);
}

static void
copro_list_row_init (CoproListRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* No list of its own below the header holds the focus (see
   * copro_expander_row_tidy); the fields come later, with their lists. */
  copro_expander_row_tidy (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-up", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-down", FALSE);
}

GtkWidget *
copro_list_row_new (CoproRecord *item)
{
  g_return_val_if_fail (COPRO_IS_RECORD (item), NULL);

  return g_object_new (COPRO_TYPE_LIST_ROW, "item", item, NULL);
}

CoproRecord *
copro_list_row_get_item (CoproListRow *self)
{
  g_return_val_if_fail (COPRO_IS_LIST_ROW (self), NULL);

  return self->item;
}

gboolean
copro_list_row_get_populated (CoproListRow *self)
{
  g_return_val_if_fail (COPRO_IS_LIST_ROW (self), FALSE);

  return self->populated;
}

void
copro_list_row_populate (CoproListRow *self)
{
  const CoproRecordDesc *desc;
  g_autoptr(GtkWidget) actions_row = NULL;
  GtkWidget *attendance = NULL, *participants = NULL;

  g_return_if_fail (COPRO_IS_LIST_ROW (self));

  if (self->populated || self->item == NULL)
    return;
  self->populated = TRUE;
  desc = copro_record_get_desc (self->item);

  /* The fields go before Move and Delete. */
  actions_row = g_object_ref (self->actions_row);
  adw_expander_row_remove (ADW_EXPANDER_ROW (self), actions_row);
  for (guint i = 0; i < desc->n_fields; i++)
    {
      const CoproField *field = &desc->fields[i];

      if (field->kind == COPRO_FIELD_LIST && desc == &copro_desc_activity && g_str_equal (field->key, "attendance"))
        {
          /* Who took part, at a glance, then the list (issue 14). */
          attendance = copro_activity_attendance_new (self->item);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (self), attendance);
        }
      if (field->kind == COPRO_FIELD_LIST)
        {
          GtkWidget *holder = gtk_list_box_row_new ();
          GtkWidget *editor = copro_list_editor_new (copro_record_get_list (self->item, field->key),
                                                     copro_field_label (field));

          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
          gtk_widget_set_focusable (holder, FALSE);
          gtk_widget_add_css_class (holder, "copro-nested-list");
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), editor);
          copro_field_widget_register (editor, self->item, field->key, NULL);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (self), holder);
        }
      else if (field->kind != COPRO_FIELD_RECORD)
        {
          GtkWidget *row = copro_field_row_new (self->item, field);

          if (desc == &copro_desc_activity && g_str_equal (field->key, "participants"))
            participants = row;
          adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
        }
    }
  if (attendance != NULL && participants != NULL)
    copro_activity_attendance_set_participants_row (COPRO_ACTIVITY_ATTENDANCE (attendance), participants);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), actions_row);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POPULATED]);
}

void
copro_list_row_set_can_move_up (CoproListRow *self,
                                gboolean      can_move_up)
{
  g_return_if_fail (COPRO_IS_LIST_ROW (self));

  can_move_up = !!can_move_up;
  if (self->can_move_up == can_move_up)
    return;
  self->can_move_up = can_move_up;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-up", can_move_up);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_MOVE_UP]);
}

void
copro_list_row_set_can_move_down (CoproListRow *self,
                                  gboolean      can_move_down)
{
  g_return_if_fail (COPRO_IS_LIST_ROW (self));

  can_move_down = !!can_move_down;
  if (self->can_move_down == can_move_down)
    return;
  self->can_move_down = can_move_down;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-down", can_move_down);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_MOVE_DOWN]);
}

const char *
copro_list_row_get_badge (CoproListRow *self)
{
  g_return_val_if_fail (COPRO_IS_LIST_ROW (self), NULL);

  return self->badge;
}

void
copro_list_row_set_badge (CoproListRow *self,
                          const char   *badge,
                          const char   *css_class)
{
  static const char * const classes[] = { "risk-high", "risk-medium", "risk-low", "risk-none" };

  g_return_if_fail (COPRO_IS_LIST_ROW (self));

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (self->badge_label, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (self->badge_label, css_class);
  if (g_strcmp0 (self->badge, badge) == 0)
    return;
  g_free (self->badge);
  self->badge = g_strdup (badge);
  gtk_label_set_text (GTK_LABEL (self->badge_label), badge != NULL ? badge : "");
  gtk_widget_set_visible (self->badge_label, badge != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BADGE]);
}

void
copro_list_row_describe (CoproListRow *self,
                         const char   *title,
                         const char   *subtitle)
{
  g_autofree char *description = NULL;

  g_return_if_fail (COPRO_IS_LIST_ROW (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  /* What the row shows beneath and beside its title, for screen readers:
   * the header takes the focus, named by the title alone. */
  if (self->badge != NULL && *subtitle != '\0')
    /* TRANSLATORS: separates the details of an item in a list */
    description = g_strconcat (subtitle, _(" · "), self->badge, NULL);
  else
    description = g_strdup (self->badge != NULL ? self->badge : subtitle);
  if (self->header == NULL)
    self->header = find_header (GTK_WIDGET (self));
  if (self->header != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->header),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}

GtkWidget *
copro_list_row_get_move_button (CoproListRow *self,
                                int           delta)
{
  g_return_val_if_fail (COPRO_IS_LIST_ROW (self), NULL);

  return delta < 0 ? self->up_button : self->down_button;
}
