/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "copro-record.h"

G_BEGIN_DECLS

/*
 * CoproRecordForm: the rows of one record, built from its description.
 * Each field gets the control its kind calls for (entry, multi-line text,
 * drop-down, date, money, number, switch, check list, partner, nested group
 * or editable list), bound to the record's property both ways.
 *
 * Properties: record; title (construct only: the heading of the first
 * group, or NULL); keys (construct only: the fields shown, in order, or
 * NULL for all). Setting another record of the same kind re-points the rows
 * (copro-field-rows.h) without building them again, unless the form holds
 * a list; an other kind of record builds the form anew.
 */
#define COPRO_TYPE_RECORD_FORM (copro_record_form_get_type ())
G_DECLARE_FINAL_TYPE (CoproRecordForm, copro_record_form, COPRO, RECORD_FORM, GtkWidget)

/* @keys: the fields to show, in this order (NULL: all of them). @title:
 * the heading of the first group, or NULL. */
GtkWidget   *copro_record_form_new        (CoproRecord        *record,
                                           const char         *title,
                                           const char * const *keys);
CoproRecord *copro_record_form_get_record (CoproRecordForm    *self);
void         copro_record_form_set_record (CoproRecordForm    *self,
                                           CoproRecord        *record);

/* One row for a field of any kind but RECORD and LIST: a row of the class
 * for its kind (copro-field-rows.h), bound to @record's field. */
GtkWidget   *copro_field_row_new          (CoproRecord        *record,
                                           const CoproField   *field);

/* Every field's widget is registered, so that a check's finding can take
 * the user to it. @focus is what gets the keyboard focus (NULL: @widget). */
void         copro_field_widget_register  (GtkWidget   *widget,
                                           CoproRecord *record,
                                           const char  *key,
                                           GtkWidget   *focus);
/* Forgets what copro_field_widget_register() said of @widget. */
void         copro_field_widget_unregister (GtkWidget  *widget);
/* The registered widget of @record's field @key below @root, or NULL. */
GtkWidget   *copro_field_widget_find      (GtkWidget   *root,
                                           CoproRecord *record,
                                           const char  *key);
GtkWidget   *copro_field_widget_get_focus (GtkWidget   *widget);
CoproRecord *copro_field_widget_get_record (GtkWidget  *widget);

/* Makes an AdwExpanderRow's accessible tree truthful; call before adding rows. */
void         copro_expander_row_tidy      (GtkWidget        *row);

/* The translated label of a field. */
const char  *copro_field_label            (const CoproField *field);

G_END_DECLS
