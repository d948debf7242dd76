/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Prints the JSON Schema of the project file, generated from the model.
 * data/coproduce-project.schema.json is its output:
 *   <build>/tests/print-schema > data/coproduce-project.schema.json
 */

#include "config.h"

#include <stdio.h>

#include "copro-schema.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *schema = copro_schema_to_json ();

  if (fputs (schema, stdout) == EOF || fflush (stdout) != 0)
    {
      perror ("print-schema");
      return 1;
    }
  return 0;
}
