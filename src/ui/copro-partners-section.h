/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * CoproPartnersSection: what every part of the partners section is (the
 * register, the partner editor, the recruitment checklist, the map page),
 * as GNOME Calendar's event editor sections are: a widget told which
 * project it shows and whether it may change it. CoproPartnersPage binds
 * both into each part; the parts share the register's filtered model and
 * selection through their own properties.
 *
 * Properties: "project" (CoproRecord, the project whose partners the part
 * shows; may change) and "editable" (gboolean).
 */
#define COPRO_TYPE_PARTNERS_SECTION (copro_partners_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (CoproPartnersSection, copro_partners_section, COPRO, PARTNERS_SECTION, GtkWidget)

struct _CoproPartnersSectionClass
{
  GtkWidgetClass parent_class;

  /* Called when "project" changes, with the new project or NULL: the part
   * shows it. */
  void (* project_set)  (CoproPartnersSection *self,
                         CoproRecord          *project);
  /* Called when "editable" changes. */
  void (* editable_set) (CoproPartnersSection *self,
                         gboolean              editable);
};

CoproRecord *copro_partners_section_get_project  (CoproPartnersSection *self);
void         copro_partners_section_set_project  (CoproPartnersSection *self,
                                                  CoproRecord          *project);
gboolean     copro_partners_section_get_editable (CoproPartnersSection *self);
void         copro_partners_section_set_editable (CoproPartnersSection *self,
                                                  gboolean              editable);

G_END_DECLS
