/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * What the form rows (copro-field-rows.h) share: following the field "key"
 * of "record". Each row class embeds a CoproFieldLink, gives it its
 * CoproFieldRowOps, installs the two properties with
 * copro_field_link_install_properties() and uses
 * copro_field_link_get_property/set_property as its own.
 */

typedef struct
{
  /* @field is NULL when there is no record, or its kind has no such key. */
  void       (*setup) (GtkWidget *row, const CoproField *field);
  /* Adds the row's bindings to the record's @property, if it has any. */
  void       (*bind)  (GtkWidget *row, GBindingGroup *bindings, const char *property);
  /* The record's property changed (or another record is shown). */
  void       (*sync)  (GtkWidget *row);
  /* What takes the keyboard focus for the field (NULL: the row). */
  GtkWidget *(*focus) (GtkWidget *row);
} CoproFieldRowOps;

typedef struct
{
  const CoproFieldRowOps *ops;
  GtkWidget              *row;
  CoproRecord            *record;
  const char             *key;        /* interned */
  char                   *property;   /* the key with '_' → '-' */
  const CoproField       *field;
  GSignalGroup           *signals;    /* on the record */
  GBindingGroup          *bindings;   /* from the record */
} CoproFieldLink;

CoproFieldLink *copro_field_link_get                 (gpointer                row);
void            copro_field_link_init                (CoproFieldLink         *link,
                                                      GtkWidget              *row,
                                                      const CoproFieldRowOps *ops);
void            copro_field_link_clear               (CoproFieldLink         *link);
/* Also says where the class's instances keep their link. */
void            copro_field_link_install_properties  (GObjectClass           *object_class,
                                                      gsize                   link_offset);
void            copro_field_link_get_property        (GObject                *object,
                                                      guint                   prop_id,
                                                      GValue                 *value,
                                                      GParamSpec             *pspec);
void            copro_field_link_set_property        (GObject                *object,
                                                      guint                   prop_id,
                                                      const GValue           *value,
                                                      GParamSpec             *pspec);
/* The row's title: the field's label, or nothing. */
void            copro_field_link_set_title           (GtkWidget              *row,
                                                      const CoproField       *field);

G_END_DECLS
