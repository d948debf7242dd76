/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-application.h"

struct _CoproApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CoproApplication, copro_application, ADW_TYPE_APPLICATION)

static void
copro_application_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
}

static void
copro_application_class_init (CoproApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = copro_application_activate;
}

static void
copro_application_init (CoproApplication *self)
{
}

CoproApplication *
copro_application_new (void)
{
  return g_object_new (COPRO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

int
copro_application_run_with_files (const char * const *files)
{
  g_autoptr(CoproApplication) app = copro_application_new ();
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "coproduce");
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) files[i]);
  g_ptr_array_add (args, NULL);
  return g_application_run (G_APPLICATION (app), (int) args->len - 1, (char **) args->pdata);
}
