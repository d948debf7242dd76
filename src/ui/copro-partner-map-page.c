/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The map page of the partner register: the map of the partners shown,
 * and saving it as a PNG.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-model.h"
#include "copro-panel.h"
#include "copro-partner-map-page.h"

struct _CoproPartnerMapPage
{
  CoproPartnersSection  parent_instance;

  CoproPartnerMapView  *map_view;
  GCancellable         *save_cancellable;
};

G_DEFINE_FINAL_TYPE (CoproPartnerMapPage, copro_partner_map_page, COPRO_TYPE_PARTNERS_SECTION)

enum
{
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_partner_activated_cb (CoproPartnerMapView *view,
                         CoproRecord         *partner,
                         CoproPartnerMapPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "partners.show-partner", "s", copro_record_get_id (partner));
}

static void
on_save_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CoproPartnerMapPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_clear_object (&self->save_cancellable);
  if (file == NULL || self->map_view == NULL)
    return;
  if (!copro_partner_map_view_save_png (self->map_view, file, &error))
    {
      /* TRANSLATORS: %s says why, e.g. "Permission denied" */
      g_autofree char *message = g_strdup_printf (_("The map could not be saved: %s"), error->message);

      copro_show_toast (GTK_WIDGET (self), adw_toast_new (message));
    }
  else
    {
      copro_show_toast (GTK_WIDGET (self), adw_toast_new (_("Map saved")));
    }
}

static void
copro_partner_map_page_dispose (GObject *object)
{
  CoproPartnerMapPage *self = COPRO_PARTNER_MAP_PAGE (object);

  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_PARTNER_MAP_PAGE);
  /* And what the template has no name for. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (copro_partner_map_page_parent_class)->dispose (object);
}

static void
copro_partner_map_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CoproPartnerMapPage *self = COPRO_PARTNER_MAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, copro_partner_map_page_get_model (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partner_map_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CoproPartnerMapPage *self = COPRO_PARTNER_MAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      copro_partner_map_page_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_partner_map_page_class_init (CoproPartnerMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_partner_map_page_dispose;
  object_class->get_property = copro_partner_map_page_get_property;
  object_class->set_property = copro_partner_map_page_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COPRO_TYPE_PARTNER_MAP_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-partner-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproPartnerMapPage, map_view);
  gtk_widget_class_bind_template_callback (widget_class, on_partner_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
copro_partner_map_page_init (CoproPartnerMapPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GListModel *
copro_partner_map_page_get_model (CoproPartnerMapPage *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_MAP_PAGE (self), NULL);

  return copro_partner_map_view_get_model (self->map_view);
}

void
copro_partner_map_page_set_model (CoproPartnerMapPage *self,
                                  GListModel          *model)
{
  g_return_if_fail (COPRO_IS_PARTNER_MAP_PAGE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (copro_partner_map_view_get_model (self->map_view) == model)
    return;
  copro_partner_map_view_set_model (self->map_view, model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

CoproPartnerMapView *
copro_partner_map_page_get_map_view (CoproPartnerMapPage *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_MAP_PAGE (self), NULL);

  return self->map_view;
}

void
copro_partner_map_page_save (CoproPartnerMapPage *self)
{
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GListStore) filters = NULL;

  g_return_if_fail (COPRO_IS_PARTNER_MAP_PAGE (self));

  /* One question at a time. */
  if (self->save_cancellable != NULL)
    return;

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_list_store_append (filters, filter);
  dialog = g_object_new (GTK_TYPE_FILE_DIALOG,
                         "title", _("Save Map as PNG"),
                         "accept-label", _("_Save"),
                         "modal", TRUE,
                         "filters", filters,
                         "default-filter", filter,
                         /* TRANSLATORS: the file name offered when saving the partner map */
                         "initial-name", _("partner-map.png"),
                         NULL);
  self->save_cancellable = g_cancellable_new ();
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->save_cancellable,
                        on_save_chosen_cb, g_object_ref (self));
}
