/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-document.h"
#include "copro-pdf.h"

G_BEGIN_DECLS

/* "Print or Save as PDF": which document (the plan for sign-off, the terms
 * of reference, or “you said, we did”) and whether it includes personal
 * details (off unless the officer turns it on, every time), then "Print…",
 * which runs a GtkPrintOperation (its dialogue has a preview; in the Flatpak
 * it goes through the print portal), or "Save as PDF…", which asks where with
 * a GtkFileDialog and writes the same pages as a tagged PDF. Both draw the
 * pages laid out by src/core/copro-pdf.c. Show it with adw_dialog_present;
 * Esc closes it.
 *
 * Properties: "document" (construct-only), "kind" (a CoproPdfKind, as an
 * unsigned integer: the row chosen), "include-personal-data". */
#define COPRO_TYPE_PRINT_DIALOG (copro_print_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CoproPrintDialog, copro_print_dialog, COPRO, PRINT_DIALOG, AdwDialog)

/* @save_pdf makes "Save as PDF…" the default button, else "Print…". */
AdwDialog *copro_print_dialog_new (CoproDocument *document,
                                   gboolean       save_pdf);

/* Runs the print operation for @kind straight away (what "Print…" does). */
void       copro_print_run        (GtkWindow     *parent,
                                   CoproDocument *document,
                                   CoproPdfKind   kind,
                                   gboolean       include_personal_data);

G_END_DECLS
