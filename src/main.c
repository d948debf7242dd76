/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <gmodule.h>

#include "copro-commands.h"

/* copro_application_run_with_files() in the window's module */
typedef int (*CoproRunWindow) (const char * const *files);

/* The window's module: beside the command in a build folder (src/ui), so
 * that an uninstalled build runs its own; else where it is installed. */
static char *
ui_module_path (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *uninstalled = g_build_filename (dir, "ui", UI_MODULE_NAME, NULL);

      if (g_file_test (uninstalled, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&uninstalled);
    }
  return g_build_filename (PKGLIBDIR, UI_MODULE_NAME, NULL);
}

/* GTK and libadwaita are loaded here, and only here: the headless commands
 * never pay for them. The module stays loaded until the process ends. */
static int
run_window (const char * const *files)
{
  g_autofree char *path = ui_module_path ();
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  CoproRunWindow run = NULL;

  if (module == NULL || !g_module_symbol (module, "copro_application_run_with_files", (gpointer *) &run))
    {
      /* TRANSLATORS: %s is the system's own reason, e.g. "cannot open shared object file" */
      g_printerr (_("coproduce: the window cannot start, because its part of Coproduce cannot be loaded: %s\n"),
                  g_module_error ());
      return COPRO_EXIT_UNREADABLE;
    }
  return run (files);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *import_csv = NULL;
  g_autofree char *export_xlsx = NULL;
  g_autofree char *export_pdf = NULL;
  g_autofree char *document = NULL;
  g_auto(GStrv) files = NULL;
  gboolean check = FALSE;
  gboolean skip_invalid = FALSE;
  gboolean include_personal_data = FALSE;
  gboolean version = FALSE;
  guint n_files;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      N_("Check the project against the toolkit’s rules of thumb and list what was found"), NULL },
    { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, &import_csv,
      N_("Add the partners in a CSV file to the project, creating it if needed"), N_("PARTNERS.csv") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("With --import-csv, import the good rows even when some cannot be imported"), NULL },
    { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, &export_xlsx,
      N_("Write the project’s sign-off workbook for Excel or LibreOffice"), N_("OUT.xlsx") },
    { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, &export_pdf,
      N_("Write one of the project’s documents as a PDF, ready to print"), N_("OUT.pdf") },
    { "document", 0, 0, G_OPTION_ARG_STRING, &document,
      N_("With --export-pdf, which document: plan (for sign-off, the default), terms (of reference) or feedback (you said, we did)"),
      N_("plan|terms|feedback") },
    { "include-personal-data", 0, 0, G_OPTION_ARG_NONE, &include_personal_data,
      N_("With --export-xlsx or --export-pdf, include personal details: email addresses and phone numbers, and members’ names on the terms of reference"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and quit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE.coprod…]") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* COPRO_LOCALEDIR lets translators (and the tests) try a catalogue
   * without installing it. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COPRO_LOCALEDIR") != NULL ? g_getenv ("COPRO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Plan and run co-production projects. With no option, opens the window; "
      "the options below work without a display."));
  g_option_context_set_description (context,
    _("Exit status: 0 when all went well; 1 when --check finds a problem or --import-csv "
      "finds rows it cannot import; 2 when a file cannot be read or written."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("coproduce: %s\n", error->message);
      g_printerr (_("Run “coproduce --help” to see the options.\n"));
      return COPRO_EXIT_UNREADABLE;
    }

  n_files = files != NULL ? g_strv_length (files) : 0;

  if (version)
    {
      g_print ("coproduce %s\n", PACKAGE_VERSION);
      return COPRO_EXIT_OK;
    }

  if (document != NULL && export_pdf == NULL)
    {
      g_printerr (_("coproduce: --document goes with --export-pdf\n"));
      return COPRO_EXIT_UNREADABLE;
    }

  if (check || import_csv != NULL || export_xlsx != NULL || export_pdf != NULL)
    {
      if (n_files != 1)
        {
          g_printerr (_("coproduce: name exactly one project file, for example: coproduce --check plan.coprod\n"));
          return COPRO_EXIT_UNREADABLE;
        }
      if (check && import_csv != NULL)
        {
          g_printerr (_("coproduce: use --check and --import-csv one at a time\n"));
          return COPRO_EXIT_UNREADABLE;
        }
      if (export_xlsx != NULL && (check || import_csv != NULL))
        {
          g_printerr (_("coproduce: use --export-xlsx on its own, not with --check or --import-csv\n"));
          return COPRO_EXIT_UNREADABLE;
        }
      if (export_pdf != NULL && (check || import_csv != NULL || export_xlsx != NULL))
        {
          g_printerr (_("coproduce: use --export-pdf on its own, not with --check, --import-csv or --export-xlsx\n"));
          return COPRO_EXIT_UNREADABLE;
        }
      if (include_personal_data && export_xlsx == NULL && export_pdf == NULL)
        {
          g_printerr (_("coproduce: --include-personal-data goes with --export-xlsx or --export-pdf\n"));
          return COPRO_EXIT_UNREADABLE;
        }
      if (export_pdf != NULL)
        return copro_command_export_pdf (files[0], export_pdf, document, include_personal_data, stdout, stderr);
      if (export_xlsx != NULL)
        return copro_command_export (files[0], export_xlsx, include_personal_data, stdout, stderr);
      if (check)
        return copro_command_check (files[0], stdout, stderr);
      return copro_command_import_csv (import_csv, files[0], skip_invalid, stdout, stderr);
    }

  if (skip_invalid)
    {
      g_printerr (_("coproduce: --skip-invalid goes with --import-csv\n"));
      return COPRO_EXIT_UNREADABLE;
    }
  if (include_personal_data)
    {
      g_printerr (_("coproduce: --include-personal-data goes with --export-xlsx or --export-pdf\n"));
      return COPRO_EXIT_UNREADABLE;
    }

  return run_window ((const char * const *) files);
}
