/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The rows of a record, built from its description (copro-model.c): one
 * control per field kind, bound to the record's property both ways. Nothing
 * here knows any particular field; the panels choose which fields to show.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-field-rows.h"
#include "copro-list-editor.h"
#include "copro-panel.h"
#include "copro-record-form.h"

struct _CoproRecordForm
{
  GtkWidget    parent_instance;

  CoproRecord *record;
  char        *title;
  char       **keys;
  gboolean     constructed;
};

G_DEFINE_FINAL_TYPE (CoproRecordForm, copro_record_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_TITLE,
  PROP_KEYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Registered field widgets */

typedef struct
{
  CoproRecord *record;   /* a reference */
  const char  *key;      /* static, from the description */
  GtkWidget   *focus;    /* unowned: a descendant of the widget, or the widget */
} FieldMark;

static GQuark
field_mark_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("copro-field-mark");
  return quark;
}

static void
field_mark_free (FieldMark *mark)
{
  g_clear_object (&mark->record);
  g_free (mark);
}

void
copro_field_widget_register (GtkWidget   *widget,
                             CoproRecord *record,
                             const char  *key,
                             GtkWidget   *focus)
{
  FieldMark *mark;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (COPRO_IS_RECORD (record));

  mark = g_new0 (FieldMark, 1);
  mark->record = g_object_ref (record);
  mark->key = g_intern_string (key);
  mark->focus = focus != NULL ? focus : widget;
  g_object_set_qdata_full (G_OBJECT (widget), field_mark_quark (), mark,
                           (GDestroyNotify) field_mark_free);
}

void
copro_field_widget_unregister (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_qdata (G_OBJECT (widget), field_mark_quark (), NULL);
}

GtkWidget *
copro_field_widget_find (GtkWidget   *root,
                         CoproRecord *record,
                         const char  *key)
{
  FieldMark *mark;

  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  /* A panel's groups beyond the first are made after its first frame: a
   * field asked for now may be in one of them. */
  if (COPRO_IS_PANEL (root))
    copro_panel_build_pending (COPRO_PANEL (root));
  mark = g_object_get_qdata (G_OBJECT (root), field_mark_quark ());
  if (mark != NULL && mark->record == record && g_strcmp0 (mark->key, key) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = copro_field_widget_find (child, record, key);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
copro_field_widget_get_focus (GtkWidget *widget)
{
  FieldMark *mark;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  mark = g_object_get_qdata (G_OBJECT (widget), field_mark_quark ());
  return mark != NULL ? mark->focus : widget;
}

CoproRecord *
copro_field_widget_get_record (GtkWidget *widget)
{
  FieldMark *mark;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  mark = g_object_get_qdata (G_OBJECT (widget), field_mark_quark ());
  return mark != NULL ? mark->record : NULL;
}

const char *
copro_field_label (const CoproField *field)
{
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

static void
unfocus_inner_lists (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        gtk_widget_set_focusable (child, FALSE);
      unfocus_inner_lists (child);
    }
}

void
copro_expander_row_tidy (GtkWidget *row)
{
  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  /* The keyboard goes to the header row inside, which is named by the
   * title; the row around it and libadwaita's inner lists never hold the
   * focus themselves, so they should not claim to (nameless, to a screen
   * reader). Call before adding rows. */
  gtk_widget_set_focusable (row, FALSE);
  unfocus_inner_lists (row);
}

/* Any scalar field */

GtkWidget *
copro_field_row_new (CoproRecord      *record,
                     const CoproField *field)
{
  GType type;

  g_return_val_if_fail (COPRO_IS_RECORD (record), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  type = copro_field_row_type_for_kind (field->kind);
  g_return_val_if_fail (type != G_TYPE_INVALID, NULL);

  /* The key first: the row then binds once, when the record comes. */
  return g_object_new (type, "key", field->key, "record", record, NULL);
}

/* The form */

/* A group names its list of rows after its title; an untitled one is
 * named after what the record is, so that no list is nameless. */
static void
name_inner_list (GtkWidget  *widget,
                 const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
      else
        name_inner_list (child, name);
    }
}

static GtkWidget *
new_group (const char            *title,
           const CoproRecordDesc *desc)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  else
    name_inner_list (group, g_dgettext (GETTEXT_PACKAGE, desc->label));
  return group;
}

static void
build (CoproRecordForm *self)
{
  const char *title = self->title;
  const char * const *keys = (const char * const *) self->keys;
  const CoproRecordDesc *desc = copro_record_get_desc (self->record);
  GtkWidget *group = NULL;
  guint n = keys != NULL ? g_strv_length ((char **) keys) : desc->n_fields;

  if (title != NULL)
    {
      group = new_group (title, desc);
      gtk_widget_set_parent (group, GTK_WIDGET (self));
    }

  for (guint i = 0; i < n; i++)
    {
      const CoproField *field = keys != NULL ? copro_record_desc_find_field (desc, keys[i])
                                             : &desc->fields[i];
      GtkWidget *child;

      if (field == NULL)
        {
          g_critical ("%s has no field “%s”", desc->type_name, keys[i]);
          continue;
        }

      switch (field->kind)
        {
        case COPRO_FIELD_RECORD:
          child = copro_record_form_new (copro_record_get_record (self->record, field->key),
                                         copro_field_label (field), NULL);
          copro_field_widget_register (child, self->record, field->key, NULL);
          gtk_widget_set_parent (child, GTK_WIDGET (self));
          group = NULL;
          break;

        case COPRO_FIELD_LIST:
          child = copro_list_editor_new (copro_record_get_list (self->record, field->key),
                                         copro_field_label (field));
          copro_field_widget_register (child, self->record, field->key, NULL);
          gtk_widget_set_parent (child, GTK_WIDGET (self));
          group = NULL;
          break;

        default:
          if (group == NULL)
            {
              group = new_group (NULL, desc);
              gtk_widget_set_parent (group, GTK_WIDGET (self));
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     copro_field_row_new (self->record, field));
        }
    }
}

static void
clear (CoproRecordForm *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

/* Whether the form shows a list (whose editor cannot take another list). */
static gboolean
has_list_editor (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (COPRO_IS_LIST_EDITOR (child) || has_list_editor (child))
      return TRUE;
  return FALSE;
}

/* Gives the rows below @widget that show @old (and the forms of its nested
 * records) @record instead. */
static void
repoint (GtkWidget   *widget,
         CoproRecord *old,
         CoproRecord *record)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      FieldMark *mark = g_object_get_qdata (G_OBJECT (child), field_mark_quark ());

      if (COPRO_IS_RECORD_FORM (child))
        {
          if (mark != NULL && mark->record == old)
            {
              const char *key = mark->key;

              copro_field_widget_register (child, record, key, NULL);
              copro_record_form_set_record (COPRO_RECORD_FORM (child), copro_record_get_record (record, key));
            }
        }
      else if (copro_is_field_row (child))
        {
          if (copro_field_row_get_record (child) == old)
            copro_field_row_set_record (child, record);
        }
      else
        {
          repoint (child, old, record);
        }
    }
}

static void
copro_record_form_constructed (GObject *object)
{
  CoproRecordForm *self = COPRO_RECORD_FORM (object);

  G_OBJECT_CLASS (copro_record_form_parent_class)->constructed (object);

  self->constructed = TRUE;
  if (self->record != NULL)
    build (self);
}

static void
copro_record_form_dispose (GObject *object)
{
  CoproRecordForm *self = COPRO_RECORD_FORM (object);

  clear (self);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (copro_record_form_parent_class)->dispose (object);
}

static void
copro_record_form_finalize (GObject *object)
{
  CoproRecordForm *self = COPRO_RECORD_FORM (object);

  g_free (self->title);
  g_strfreev (self->keys);

  G_OBJECT_CLASS (copro_record_form_parent_class)->finalize (object);
}

static void
copro_record_form_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CoproRecordForm *self = COPRO_RECORD_FORM (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KEYS:
      g_value_set_boxed (value, self->keys);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_record_form_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CoproRecordForm *self = COPRO_RECORD_FORM (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      copro_record_form_set_record (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_KEYS:
      self->keys = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_record_form_class_init (CoproRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = copro_record_form_constructed;
  object_class->dispose = copro_record_form_dispose;
  object_class->finalize = copro_record_form_finalize;
  object_class->get_property = copro_record_form_get_property;
  object_class->set_property = copro_record_form_set_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, COPRO_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEYS] =
    g_param_spec_boxed ("keys", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "coprorecordform");
}

static void
copro_record_form_init (CoproRecordForm *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
}

GtkWidget *
copro_record_form_new (CoproRecord        *record,
                       const char         *title,
                       const char * const *keys)
{
  g_return_val_if_fail (COPRO_IS_RECORD (record), NULL);

  return g_object_new (COPRO_TYPE_RECORD_FORM,
                       "title", title,
                       "keys", keys,
                       "record", record,
                       NULL);
}

CoproRecord *
copro_record_form_get_record (CoproRecordForm *self)
{
  g_return_val_if_fail (COPRO_IS_RECORD_FORM (self), NULL);

  return self->record;
}

void
copro_record_form_set_record (CoproRecordForm *self,
                              CoproRecord     *record)
{
  g_autoptr(CoproRecord) old = NULL;

  g_return_if_fail (COPRO_IS_RECORD_FORM (self));
  g_return_if_fail (record == NULL || COPRO_IS_RECORD (record));

  if (self->record == record)
    return;
  old = g_steal_pointer (&self->record);
  self->record = record != NULL ? g_object_ref (record) : NULL;
  if (self->constructed)
    {
      /* The same kind of record: the rows follow it, keeping the focus
       * and what is open. Otherwise, or with lists, build anew. */
      if (old != NULL && record != NULL &&
          copro_record_get_desc (old) == copro_record_get_desc (record) &&
          !has_list_editor (GTK_WIDGET (self)))
        {
          repoint (GTK_WIDGET (self), old, record);
        }
      else
        {
          clear (self);
          if (record != NULL)
            build (self);
        }
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}
