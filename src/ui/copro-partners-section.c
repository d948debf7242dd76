/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The base of the partners section's parts: it holds the project and
 * whether it may be changed, and tells the part when either changes.
 */

#include "config.h"

#include "copro-partners-section.h"

typedef struct
{
  CoproRecord *project;
  gboolean     editable;
} CoproPartnersSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CoproPartnersSection, copro_partners_section, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
copro_partners_section_dispose (GObject *object)
{
  CoproPartnersSection *self = COPRO_PARTNERS_SECTION (object);
  CoproPartnersSectionPrivate *priv = copro_partners_section_get_instance_private (self);

  if (priv->project != NULL)
    {
      /* Let the part drop what it follows of the project. */
      COPRO_PARTNERS_SECTION_GET_CLASS (self)->project_set (self, NULL);
      g_clear_object (&priv->project);
    }

  G_OBJECT_CLASS (copro_partners_section_parent_class)->dispose (object);
}

static void
copro_partners_section_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CoproPartnersSection *self = COPRO_PARTNERS_SECTION (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, copro_partners_section_get_project (self));
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, copro_partners_section_get_editable (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partners_section_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CoproPartnersSection *self = COPRO_PARTNERS_SECTION (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      copro_partners_section_set_project (self, g_value_get_object (value));
      break;
    case PROP_EDITABLE:
      copro_partners_section_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
project_set_default (CoproPartnersSection *self,
                     CoproRecord          *project)
{
}

static void
editable_set_default (CoproPartnersSection *self,
                      gboolean              editable)
{
}

static void
copro_partners_section_class_init (CoproPartnersSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = copro_partners_section_dispose;
  object_class->get_property = copro_partners_section_get_property;
  object_class->set_property = copro_partners_section_set_property;
  klass->project_set = project_set_default;
  klass->editable_set = editable_set_default;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, COPRO_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
copro_partners_section_init (CoproPartnersSection *self)
{
  CoproPartnersSectionPrivate *priv = copro_partners_section_get_instance_private (self);

  priv->editable = TRUE;
}

CoproRecord *
copro_partners_section_get_project (CoproPartnersSection *self)
{
  CoproPartnersSectionPrivate *priv = copro_partners_section_get_instance_private (self);

  g_return_val_if_fail (COPRO_IS_PARTNERS_SECTION (self), NULL);

  return priv->project;
}

void
copro_partners_section_set_project (CoproPartnersSection *self,
                                    CoproRecord          *project)
{
  CoproPartnersSectionPrivate *priv = copro_partners_section_get_instance_private (self);

  g_return_if_fail (COPRO_IS_PARTNERS_SECTION (self));
  g_return_if_fail (project == NULL || COPRO_IS_RECORD (project));

  if (!g_set_object (&priv->project, project))
    return;
  COPRO_PARTNERS_SECTION_GET_CLASS (self)->project_set (self, project);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
copro_partners_section_get_editable (CoproPartnersSection *self)
{
  CoproPartnersSectionPrivate *priv = copro_partners_section_get_instance_private (self);

  g_return_val_if_fail (COPRO_IS_PARTNERS_SECTION (self), FALSE);

  return priv->editable;
}

void
copro_partners_section_set_editable (CoproPartnersSection *self,
                                     gboolean              editable)
{
  CoproPartnersSectionPrivate *priv = copro_partners_section_get_instance_private (self);

  g_return_if_fail (COPRO_IS_PARTNERS_SECTION (self));

  editable = !!editable;
  if (priv->editable == editable)
    return;
  priv->editable = editable;
  COPRO_PARTNERS_SECTION_GET_CLASS (self)->editable_set (self, editable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}
