/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A cell of the partner register. Cells are made by the hundred as rows
 * scroll into view, so this is a light widget built in C rather than from
 * a template: a CoproCellText, and for a name cell a warning mark made only
 * for the few partners that need it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-cell-text.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-partner-cell.h"
#include "copro-partner-chooser.h"
#include "copro-partners-page.h"

struct _CoproPartnerCell
{
  GtkWidget     parent_instance;

  char         *key;
  GtkWidget    *mark;
  GtkWidget    *text;
  /* Borrowed: the list item holds the partner while the cell is bound to
   * it, and the register updates the cell when the partner changes. */
  CoproRecord  *partner;
};

G_DEFINE_FINAL_TYPE (CoproPartnerCell, copro_partner_cell, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PARTNER,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CoproPartnerCell *self)
{
  CoproRecord *partner = self->partner;
  g_autofree char *text = NULL;

  if (partner == NULL)
    return;
  text = copro_partner_cell_format (partner, self->key);
  copro_cell_text_set_text (COPRO_CELL_TEXT (self->text), text);
  if (!g_str_equal (self->key, "name"))
    return;

  if (copro_partner_is_review_due (partner) && self->mark == NULL)
    {
      self->mark = g_object_new (GTK_TYPE_IMAGE,
                                 "icon-name", "dialog-warning-symbolic",
                                 "tooltip-text", _("Review or deletion date has passed"),
                                 NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->mark),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review or deletion date has passed"),
                                      -1);
      gtk_widget_add_css_class (self->mark, "warning");
      gtk_widget_insert_after (self->mark, GTK_WIDGET (self), NULL);
    }
  if (self->mark != NULL)
    gtk_widget_set_visible (self->mark, copro_partner_is_review_due (partner));
}

static void
copro_partner_cell_dispose (GObject *object)
{
  CoproPartnerCell *self = COPRO_PARTNER_CELL (object);

  self->partner = NULL;
  g_clear_pointer (&self->mark, gtk_widget_unparent);
  g_clear_pointer (&self->text, gtk_widget_unparent);

  G_OBJECT_CLASS (copro_partner_cell_parent_class)->dispose (object);
}

static void
copro_partner_cell_finalize (GObject *object)
{
  CoproPartnerCell *self = COPRO_PARTNER_CELL (object);

  g_free (self->key);

  G_OBJECT_CLASS (copro_partner_cell_parent_class)->finalize (object);
}

static void
copro_partner_cell_constructed (GObject *object)
{
  CoproPartnerCell *self = COPRO_PARTNER_CELL (object);
  const CoproField *field;

  G_OBJECT_CLASS (copro_partner_cell_parent_class)->constructed (object);

  g_assert (self->key != NULL);
  field = copro_record_desc_find_field (&copro_desc_partner, self->key);
  self->text = copro_cell_text_new (field != NULL && field->kind == COPRO_FIELD_INT ? 1 : 0);
  gtk_widget_set_hexpand (self->text, TRUE);
  gtk_widget_set_parent (self->text, GTK_WIDGET (self));
}

static void
copro_partner_cell_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CoproPartnerCell *self = COPRO_PARTNER_CELL (object);

  switch (prop_id)
    {
    case PROP_PARTNER:
      g_value_set_object (value, copro_partner_cell_get_partner (self));
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partner_cell_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CoproPartnerCell *self = COPRO_PARTNER_CELL (object);

  switch (prop_id)
    {
    case PROP_PARTNER:
      copro_partner_cell_set_partner (self, g_value_get_object (value));
      break;
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partner_cell_class_init (CoproPartnerCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_partner_cell_dispose;
  object_class->finalize = copro_partner_cell_finalize;
  object_class->constructed = copro_partner_cell_constructed;
  object_class->get_property = copro_partner_cell_get_property;
  object_class->set_property = copro_partner_cell_set_property;

  properties[PROP_PARTNER] =
    g_param_spec_object ("partner", NULL, NULL, COPRO_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
copro_partner_cell_init (CoproPartnerCell *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
}

CoproRecord *
copro_partner_cell_get_partner (CoproPartnerCell *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_CELL (self), NULL);

  return self->partner;
}

void
copro_partner_cell_set_partner (CoproPartnerCell *self,
                                CoproRecord      *partner)
{
  g_return_if_fail (COPRO_IS_PARTNER_CELL (self));
  g_return_if_fail (partner == NULL || COPRO_IS_RECORD (partner));

  if (self->partner == partner)
    return;
  self->partner = partner;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER]);
}

void
copro_partner_cell_update (CoproPartnerCell *self)
{
  g_return_if_fail (COPRO_IS_PARTNER_CELL (self));

  update (self);
}

const char *
copro_partner_cell_get_key (CoproPartnerCell *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_CELL (self), NULL);

  return self->key;
}

/* A date as the register shows it; "" for none. */
static char *
format_date (const GDate *date)
{
  char buffer[64];

  if (date == NULL)
    return g_strdup ("");
  /* TRANSLATORS: a date in the register, strftime format */
  g_date_strftime (buffer, sizeof buffer, _("%e %b %Y"), date);
  return g_strdup (g_strstrip (buffer));
}

char *
copro_partner_cell_format (CoproRecord *partner,
                           const char  *key)
{
  const CoproField *field;
  GDate date;

  g_return_val_if_fail (COPRO_IS_RECORD (partner), NULL);

  /* The name column shows the organisation of a partner with no name. */
  if (g_str_equal (key, "name"))
    return g_strdup (copro_partner_get_title (partner));
  if (g_str_equal (key, "last_contact"))
    return format_date (copro_date_parse (copro_partner_get_last_contact_date (partner), &date) ? &date : NULL);
  field = copro_record_desc_find_field (copro_record_get_desc (partner), key);
  g_return_val_if_fail (field != NULL, NULL);
  switch (field->kind)
    {
    case COPRO_FIELD_ENUM:
      return g_strdup (copro_enum_label (field->enumeration, copro_record_get_string (partner, key)));
    case COPRO_FIELD_INT:
      {
        int value = copro_record_get_int (partner, key);

        return value > 0 ? g_strdup_printf ("%d", value) : g_strdup ("");
      }
    case COPRO_FIELD_DATE:
      return format_date (copro_record_get_date (partner, key, &date) ? &date : NULL);
    default:
      return g_strdup (copro_record_get_string (partner, key));
    }
}
