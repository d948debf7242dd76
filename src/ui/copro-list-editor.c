/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An editable list: one expander row per item, bound to the CoproList (a
 * GListModel) so that undo, redo and other views keep it right. An item's
 * fields are built the first time it is opened.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "copro-format.h"
#include "copro-history.h"
#include "copro-list-editor.h"
#include "copro-list-row.h"
#include "copro-model.h"
#include "copro-partner.h"
#include "copro-panel.h"
#include "copro-partner-chooser.h"
#include "copro-record-form.h"
#include "copro-budget.h"
#include "copro-payment.h"
#include "copro-risk.h"
#include "copro-undo-toast.h"

struct _CoproListEditor
{
  AdwPreferencesGroup  parent_instance;

  CoproList           *list;
  CoproRecord         *owner;
  const CoproRecordDesc *item_desc;
  GtkListBox          *list_box;
  GtkWidget           *add_button;
  GtkWidget           *summary_label;
  GHashTable          *open_items;   /* CoproRecord (a reference) → itself */
  char                *summary;
};

G_DEFINE_FINAL_TYPE (CoproListEditor, copro_list_editor, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_LIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How each kind of item is titled, and what a list of them adds up to */

typedef struct
{
  const CoproRecordDesc *desc;
  void  (*describe) (CoproRecord *item, GString *title, GString *subtitle);
  char *(*summarise) (CoproList *list);
} ItemStyle;

static const ItemStyle *find_style (const CoproRecordDesc *desc);

/* The first line of some text, cut to a sensible length for a title. */
static void
append_first_line (GString    *out,
                   const char *text)
{
  const char *end;
  glong length;

  while (text != NULL && g_unichar_isspace (g_utf8_get_char (text)) && *text != '\0')
    text = g_utf8_next_char (text);
  if (text == NULL || *text == '\0')
    return;
  end = strchr (text, '\n');
  length = g_utf8_strlen (text, end != NULL ? end - text : -1);
  if (length > 90)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 87);

      g_string_append_printf (out, "%s…", start);
    }
  else
    {
      g_string_append_len (out, text, end != NULL ? end - text : (gssize) strlen (text));
    }
}

static void
append_part (GString    *out,
             const char *part)
{
  if (copro_text_is_blank (part))
    return;
  if (out->len > 0)
    /* TRANSLATORS: separates the details of an item in a list */
    g_string_append (out, _(" · "));
  g_string_append (out, part);
}

static void
append_enum (GString         *out,
             CoproRecord     *item,
             const char      *key,
             const CoproEnum *enumeration)
{
  append_part (out, copro_enum_label (enumeration, copro_record_get_string (item, key)));
}

static void
append_date (GString     *out,
             CoproRecord *item,
             const char  *key)
{
  g_autofree char *date = copro_format_date (copro_record_get_string (item, key));

  append_part (out, date);
}

/* The project @record belongs to, or NULL. */
static CoproRecord *
project_of (CoproRecord *record)
{
  CoproRecord *parent;

  while ((parent = copro_record_get_parent (record)) != NULL)
    record = parent;
  return copro_record_get_desc (record) == &copro_desc_project ? record : NULL;
}

static void
describe_budget_line (CoproRecord *item,
                      GString     *title,
                      GString     *subtitle)
{
  CoproRecord *project;
  g_autofree char *amount = copro_format_money (copro_record_get_money (item, "amount"));

  append_first_line (title, copro_record_get_string (item, "description"));
  if (title->len == 0)
    append_enum (title, item, "cost_head", &copro_enum_cost_head);
  else
    append_enum (subtitle, item, "cost_head", &copro_enum_cost_head);
  append_part (subtitle, amount);
  append_part (subtitle, copro_record_get_string (item, "funding_source"));
  if ((project = project_of (item)) != NULL &&
      copro_list_get_n_items (copro_payments_get (project)) > 0)
    {
      g_autofree char *spent = copro_format_money (copro_budget_line_get_spent (project, item));
      /* TRANSLATORS: what has been paid out of a budget line, e.g. "£120.00 spent" */
      g_autofree char *text = g_strdup_printf (_("%s spent"), spent);

      append_part (subtitle, text);
    }
}

static char *
summarise_budget (CoproList *list)
{
  guint n = copro_list_get_n_items (list);
  g_autofree char *amount = copro_format_money (copro_budget_get_planned (list));
  CoproRecord *project = project_of (copro_list_get_owner (list));
  /* TRANSLATORS: under the budget; %s is an amount such as £1,250.00 */
  g_autofree char *total = g_strdup_printf (ngettext ("Total: %s in %'u line", "Total: %s in %'u lines", n), amount, n);
  g_autoptr(CoproBudgetSpending) spending = NULL;
  g_autofree char *spent = NULL;
  g_autofree char *left = NULL;

  if (project == NULL || copro_list_get_n_items (copro_payments_get (project)) == 0)
    return g_steal_pointer (&total);
  spending = copro_budget_spending_new (project);
  spent = copro_format_money (spending->total_spent);
  left = copro_format_money (spending->unassigned);
  if (spending->unassigned > 0)
    /* TRANSLATORS: after "Total: £1,250.00 in 3 lines": what was spent, and how much of it is on no line */
    return g_strdup_printf (_("%s. Spent: %s, of which %s is on no budget line."), total, spent, left);
  /* TRANSLATORS: after "Total: £1,250.00 in 3 lines": what has been spent */
  return g_strdup_printf (_("%s. Spent: %s."), total, spent);
}

/* The partner that @item's "partner" names, by title; a partner no longer
 * in the register says so. */
static void
append_partner (GString     *title,
                CoproRecord *item)
{
  const char *id = copro_record_get_string (item, "partner");
  CoproList *partners = copro_partner_register_for (item);
  CoproRecord *partner = id != NULL && partners != NULL ? copro_list_find_by_id (partners, id) : NULL;

  if (partner != NULL)
    g_string_append (title, copro_partner_get_title (partner));
  else if (id != NULL)
    g_string_append (title, copro_partner_get_missing_title ());
}

static void
describe_attendance (CoproRecord *item,
                     GString     *title,
                     GString     *subtitle)
{
  append_partner (title, item);
  append_enum (subtitle, item, "status", &copro_enum_attendance);
}

static void
describe_payment (CoproRecord *item,
                  GString     *title,
                  GString     *subtitle)
{
  CoproRecord *project = project_of (item);
  g_autofree char *text = copro_payment_dup_title (item, copro_partner_register_for (item));
  const char *line_id = copro_record_get_string (item, "budget_line");
  CoproRecord *line = NULL;

  g_string_append (title, text);
  append_enum (subtitle, item, "kind", &copro_enum_payment_kind);
  append_date (subtitle, item, "paid");
  append_enum (subtitle, item, "method", &copro_enum_payment_method);
  if (project != NULL && line_id != NULL)
    line = copro_list_find_by_id (copro_budget_get_lines (project), line_id);
  if (line != NULL)
    append_part (subtitle, copro_record_get_string (line, "description"));
  else
    append_part (subtitle, _("No budget line"));
}

static void
describe_communication (CoproRecord *item,
                        GString     *title,
                        GString     *subtitle)
{
  append_first_line (title, copro_record_get_string (item, "audience"));
  if (title->len == 0)
    append_first_line (title, copro_record_get_string (item, "message"));
  append_part (subtitle, copro_record_get_string (item, "method"));
  append_part (subtitle, copro_record_get_string (item, "timing"));
}

static void
describe_action (CoproRecord *item,
                 GString     *title,
                 GString     *subtitle)
{
  append_first_line (title, copro_record_get_string (item, "description"));
  append_part (subtitle, copro_record_get_string (item, "owner"));
  append_date (subtitle, item, "due_date");
  append_enum (subtitle, item, "status", &copro_enum_task_status);
}

static void
describe_member (CoproRecord *item,
                 GString     *title,
                 GString     *subtitle)
{
  append_partner (title, item);
  append_enum (subtitle, item, "role", &copro_enum_member_role);
}

static void
describe_activity (CoproRecord *item,
                   GString     *title,
                   GString     *subtitle)
{
  g_autofree char *start = copro_format_date (copro_record_get_string (item, "start_date"));
  g_autofree char *end = copro_format_date (copro_record_get_string (item, "end_date"));

  append_first_line (title, copro_record_get_string (item, "title"));
  if (*start != '\0' && *end != '\0' && !g_str_equal (start, end))
    {
      /* TRANSLATORS: a span of dates, from – to */
      g_autofree char *span = g_strdup_printf (_("%s to %s"), start, end);

      append_part (subtitle, span);
    }
  else
    {
      append_part (subtitle, *start != '\0' ? start : end);
    }
  append_enum (subtitle, item, "level_planned", &copro_enum_level);
}

static void
describe_feedback (CoproRecord *item,
                   GString     *title,
                   GString     *subtitle)
{
  append_first_line (title, copro_record_get_string (item, "we_asked"));
  if (title->len == 0)
    append_first_line (title, copro_record_get_string (item, "you_said"));
  append_enum (subtitle, item, "status", &copro_enum_feedback_status);
}

const char *
copro_risk_band (CoproRecord  *risk,
                 int          *score,
                 const char  **css_class)
{
  static const char * const css_classes[] = {
    [COPRO_RISK_BAND_NONE] = NULL,
    [COPRO_RISK_BAND_LOW] = "risk-low",
    [COPRO_RISK_BAND_MEDIUM] = "risk-medium",
    [COPRO_RISK_BAND_HIGH] = "risk-high",
  };
  CoproRiskBand band = copro_risk_get_band (risk);

  if (score != NULL)
    *score = copro_risk_get_score (risk);
  if (css_class != NULL)
    *css_class = css_classes[band];
  return copro_risk_band_get_label (band);
}

static void
describe_risk (CoproRecord *item,
               GString     *title,
               GString     *subtitle)
{
  /* The score and band are in the badge beside the title. */
  append_first_line (title, copro_record_get_string (item, "description"));
  append_part (subtitle, copro_record_get_string (item, "owner"));
  append_enum (subtitle, item, "status", &copro_enum_risk_status);
}

static char *
summarise_risks (CoproList *list)
{
  guint counts[4] = { 0, 0, 0, 0 };   /* high, medium, low, not scored */
  guint n = copro_list_get_n_items (list);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      CoproRecord *risk = copro_list_get (list, i);
      const char *css = NULL;

      if (!copro_risk_is_open (risk))
        continue;
      copro_risk_band (risk, NULL, &css);
      if (g_strcmp0 (css, "risk-high") == 0)
        counts[0]++;
      else if (g_strcmp0 (css, "risk-medium") == 0)
        counts[1]++;
      else if (g_strcmp0 (css, "risk-low") == 0)
        counts[2]++;
      else
        counts[3]++;
    }
  if (counts[0] + counts[1] + counts[2] + counts[3] == 0)
    return g_strdup (n > 0 ? _("Every risk is closed.") : "");
  /* TRANSLATORS: a summary of the risks that are not closed, by band */
  g_string_printf (text, _("Open risks: %u high, %u medium, %u low"), counts[0], counts[1], counts[2]);
  if (counts[3] > 0)
    /* TRANSLATORS: continues "Open risks: 1 high, 2 medium, 0 low" */
    g_string_append_printf (text, ngettext (", %'u not scored", ", %'u not scored", counts[3]), counts[3]);
  g_string_append_c (text, '.');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
describe_approval (CoproRecord *item,
                   GString     *title,
                   GString     *subtitle)
{
  append_first_line (title, copro_record_get_string (item, "name"));
  append_part (subtitle, copro_record_get_string (item, "role"));
  append_enum (subtitle, item, "decision", &copro_enum_decision);
  append_date (subtitle, item, "date");
}

static void
describe_history (CoproRecord *item,
                  GString     *title,
                  GString     *subtitle)
{
  const char *version = copro_record_get_string (item, "version");

  if (!copro_text_is_blank (version))
    /* TRANSLATORS: a document history entry; %s is a version such as 1.2 */
    g_string_append_printf (title, _("Version %s"), version);
  else
    append_first_line (title, copro_record_get_string (item, "summary"));
  append_date (subtitle, item, "date");
  append_part (subtitle, copro_record_get_string (item, "author"));
}

static void
describe_partner (CoproRecord *item,
                  GString     *title,
                  GString     *subtitle)
{
  g_string_append (title, copro_partner_get_title (item));
  append_part (subtitle, copro_record_get_string (item, "organisation"));
}

static const ItemStyle *
find_style (const CoproRecordDesc *desc)
{
  static const ItemStyle styles[] = {
    { &copro_desc_budget_line, describe_budget_line, summarise_budget },
    { &copro_desc_communication, describe_communication, NULL },
    { &copro_desc_action, describe_action, NULL },
    { &copro_desc_member, describe_member, NULL },
    { &copro_desc_activity, describe_activity, NULL },
    { &copro_desc_feedback, describe_feedback, NULL },
    { &copro_desc_risk, describe_risk, summarise_risks },
    { &copro_desc_approval, describe_approval, NULL },
    { &copro_desc_history, describe_history, NULL },
    { &copro_desc_partner, describe_partner, NULL },
    { &copro_desc_attendance, describe_attendance, NULL },
    { &copro_desc_payment, describe_payment, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (styles[i].desc == desc)
      return &styles[i];
  return NULL;
}

/* The title and subtitle of an item's row. */
static void
describe (CoproListEditor *self,
          CoproRecord     *item,
          guint            position,
          GString         *title,
          GString         *subtitle)
{
  const ItemStyle *style = find_style (self->item_desc);

  if (style != NULL)
    style->describe (item, title, subtitle);
  else
    for (guint i = 0; i < self->item_desc->n_fields && title->len == 0; i++)
      {
        const CoproField *field = &self->item_desc->fields[i];

        if (field->kind == COPRO_FIELD_STRING || field->kind == COPRO_FIELD_TEXT)
          append_first_line (title, copro_record_get_string (item, field->key));
      }
  if (title->len == 0)
    /* TRANSLATORS: an item not named yet: what it is and its place, e.g. "Risk 3" */
    g_string_printf (title, _("%s %u (untitled)"),
                     g_dgettext (GETTEXT_PACKAGE, self->item_desc->label), position + 1);
}

/* Rows */

static CoproRecord *
row_get_item (GtkWidget *row)
{
  return copro_list_row_get_item (COPRO_LIST_ROW (row));
}

static void
update_row (CoproListEditor *self,
            GtkWidget       *row)
{
  CoproRecord *item = row_get_item (row);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  describe (self, item, position < 0 ? 0 : (guint) position, title, subtitle);
  if (self->item_desc == &copro_desc_risk)
    {
      const char *css = NULL;
      int score;
      const char *band = copro_risk_band (item, &score, &css);

      if (band != NULL)
        {
          /* TRANSLATORS: the badge of a risk: its band and score, e.g. "High 16" */
          g_autofree char *text = g_strdup_printf (_("%s %d"), band, score);

          copro_list_row_set_badge (COPRO_LIST_ROW (row), text, css);
        }
      else
        {
          copro_list_row_set_badge (COPRO_LIST_ROW (row), C_("risk", "Not scored"), "risk-none");
        }
    }
  copro_list_row_describe (COPRO_LIST_ROW (row), title->str, subtitle->str);
}

static void
update_move_buttons (CoproListEditor *self)
{
  guint n = copro_list_get_n_items (self->list);

  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) i);

      if (row == NULL)
        continue;
      copro_list_row_set_can_move_up (COPRO_LIST_ROW (row), i > 0);
      copro_list_row_set_can_move_down (COPRO_LIST_ROW (row), i + 1 < n);
    }
}

/* The fields of an item, built when it is first opened. */
static void
populate_row (CoproListEditor *self,
              GtkWidget       *row)
{
  if (copro_list_row_get_populated (COPRO_LIST_ROW (row)))
    return;
  copro_list_row_populate (COPRO_LIST_ROW (row));
  update_move_buttons (self);
}

static void
on_row_expanded_cb (GtkWidget       *row,
                    GParamSpec      *pspec,
                    CoproListEditor *self)
{
  CoproRecord *item = row_get_item (row);

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    {
      populate_row (self, row);
      g_hash_table_add (self->open_items, g_object_ref (item));
    }
  else
    {
      g_hash_table_remove (self->open_items, item);
    }
}

static void
on_item_changed_cb (CoproRecord *item,
                    CoproRecord *origin,
                    const char  *key,
                    GtkWidget   *row)
{
  CoproListEditor *self = COPRO_LIST_EDITOR (gtk_widget_get_ancestor (row, COPRO_TYPE_LIST_EDITOR));

  if (self != NULL)
    update_row (self, row);
}

static GtkWidget *
create_row (gpointer object,
            gpointer user_data)
{
  CoproListEditor *self = user_data;
  GtkWidget *row = copro_list_row_new (COPRO_RECORD (object));

  g_signal_connect_object (object, "changed", G_CALLBACK (on_item_changed_cb), row, 0);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_row_expanded_cb), self);
  /* Titled once it has its place in the list (see on_items_changed_cb). */
  return row;
}

static void
update_summary (CoproListEditor *self)
{
  const ItemStyle *style = find_style (self->item_desc);

  g_clear_pointer (&self->summary, g_free);
  if (style == NULL || style->summarise == NULL)
    return;
  self->summary = style->summarise (self->list);
  gtk_label_set_text (GTK_LABEL (self->summary_label), self->summary);
  gtk_widget_set_visible (self->summary_label, *self->summary != '\0');
}

static void
on_items_changed_cb (GListModel      *model,
                     guint            position,
                     guint            removed,
                     guint            added,
                     CoproListEditor *self)
{
  guint n = g_list_model_get_n_items (model);
  GHashTableIter iter;
  gpointer key;

  /* Forget opened items that left the list. */
  g_hash_table_iter_init (&iter, self->open_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!copro_list_find (self->list, key, NULL))
      g_hash_table_iter_remove (&iter);

  /* Rows after the change have new places: titles like "Risk 3" follow. */
  for (guint i = position; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) i);

      if (row == NULL)
        continue;
      update_row (self, GTK_WIDGET (row));
      if (i < position + added && g_hash_table_contains (self->open_items, row_get_item (GTK_WIDGET (row))))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }
  update_move_buttons (self);
  update_summary (self);
}

static void
on_owner_changed_cb (CoproRecord     *owner,
                     CoproRecord     *origin,
                     const char      *key,
                     CoproListEditor *self)
{
  update_summary (self);
  /* A budget line's row says what was spent from it. */
  if (self->item_desc == &copro_desc_budget_line &&
      (g_strcmp0 (key, "payments") == 0 || copro_record_get_desc (origin) == &copro_desc_payment))
    for (guint i = 0; i < copro_list_get_n_items (self->list); i++)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) i);

        if (row != NULL)
          update_row (self, GTK_WIDGET (row));
      }
}

static void
on_add_clicked_cb (GtkButton       *button,
                   CoproListEditor *self)
{
  copro_list_editor_add (self);
}

/* Deleting, and undoing it from the toast */

/* What the toast's Undo puts back when the deletion is no longer the last
 * change (copro-undo-toast.c undoes it as Ctrl+Z would while it is). */
typedef struct
{
  CoproList    *list;
  CoproRecord  *item;
  guint         position;
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_clear_object (&deleted->list);
  g_clear_object (&deleted->item);
  g_free (deleted);
}

static void
put_back_deleted (gpointer data)
{
  Deleted *deleted = data;

  if (copro_record_get_parent (deleted->item) == NULL)
    copro_list_insert (deleted->list, MIN (deleted->position, copro_list_get_n_items (deleted->list)),
                       deleted->item);
}

static void
move_item_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  guint position;
  int delta;

  g_variant_get (parameter, "(ui)", &position, &delta);
  copro_list_editor_move (COPRO_LIST_EDITOR (widget), position, delta);
}

static void
delete_item_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CoproListEditor *self = COPRO_LIST_EDITOR (widget);
  guint position = g_variant_get_uint32 (parameter);

  if (position < copro_list_get_n_items (self->list))
    copro_list_editor_delete (self, position);
}

static gboolean
focus_later_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  gtk_widget_grab_focus (widget);
  return G_SOURCE_REMOVE;
}

/* Focus once the widget has its place on screen, so that the view scrolls to it. */
static void
focus_soon (GtkWidget *widget)
{
  gtk_widget_grab_focus (widget);
  gtk_widget_add_tick_callback (widget, focus_later_cb, NULL, NULL);
}

/* The first control of an opened item. */
static GtkWidget *
first_field_focus (GtkWidget *row)
{
  CoproRecord *item = row_get_item (row);
  const CoproRecordDesc *desc = copro_record_get_desc (item);

  for (guint i = 0; i < desc->n_fields; i++)
    {
      GtkWidget *widget = copro_field_widget_find (row, item, desc->fields[i].key);

      if (widget != NULL)
        return copro_field_widget_get_focus (widget);
    }
  return NULL;
}

/* The Add button and the list are named after the group's title: "Add to
 * “Risks”" says which list, where "Add" alone would be said by every group. */
static void
on_title_changed_cb (CoproListEditor *self)
{
  const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (self));
  /* TRANSLATORS: the name of an Add button; %s is the list, e.g. Risks */
  g_autofree char *add_name = g_strdup_printf (_("Add to “%s”"), title != NULL ? title : "");

  gtk_widget_set_tooltip_text (self->add_button, add_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_name,
                                  -1);
  if (title != NULL && *title != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->list_box), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
copro_list_editor_constructed (GObject *object)
{
  CoproListEditor *self = COPRO_LIST_EDITOR (object);

  G_OBJECT_CLASS (copro_list_editor_parent_class)->constructed (object);

  g_signal_connect_swapped (self, "notify::title", G_CALLBACK (on_title_changed_cb), self);
  on_title_changed_cb (self);

  g_return_if_fail (self->list != NULL);
  self->owner = g_object_ref (copro_list_get_owner (self->list));
  self->item_desc = copro_record_desc_find_field (copro_record_get_desc (self->owner),
                                                  copro_list_get_key (self->list))->record;
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->list), create_row, self, NULL);
  g_signal_connect_after (self->list, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  g_signal_connect (self->owner, "changed", G_CALLBACK (on_owner_changed_cb), self);
  on_items_changed_cb (G_LIST_MODEL (self->list), 0, 0, copro_list_get_n_items (self->list), self);
}

static void
copro_list_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CoproListEditor *self = COPRO_LIST_EDITOR (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_list_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CoproListEditor *self = COPRO_LIST_EDITOR (object);

  switch (prop_id)
    {
    case PROP_LIST:
      /* Construct-only: the rows, undo and the owner's signals are set up
       * once, in constructed(). */
      self->list = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_list_editor_dispose (GObject *object)
{
  CoproListEditor *self = COPRO_LIST_EDITOR (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->owner != NULL)
    g_signal_handlers_disconnect_by_data (self->owner, self);
  g_clear_object (&self->list);
  g_clear_object (&self->owner);
  g_clear_pointer (&self->open_items, g_hash_table_unref);

  G_OBJECT_CLASS (copro_list_editor_parent_class)->dispose (object);
}

static void
copro_list_editor_finalize (GObject *object)
{
  CoproListEditor *self = COPRO_LIST_EDITOR (object);

  g_free (self->summary);

  G_OBJECT_CLASS (copro_list_editor_parent_class)->finalize (object);
}

static void
copro_list_editor_class_init (CoproListEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = copro_list_editor_constructed;
  object_class->get_property = copro_list_editor_get_property;
  object_class->set_property = copro_list_editor_set_property;
  object_class->dispose = copro_list_editor_dispose;
  object_class->finalize = copro_list_editor_finalize;

  /* The list edited: one of a record's list fields. */
  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL,
                         COPRO_TYPE_LIST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-list-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproListEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, CoproListEditor, list_box);
  gtk_widget_class_bind_template_child (widget_class, CoproListEditor, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);

  /* Asked by the rows' Move and Delete buttons (copro-list-row.c). */
  gtk_widget_class_install_action (widget_class, "list-editor.move-item", "(ui)",
                                   move_item_activated);
  gtk_widget_class_install_action (widget_class, "list-editor.delete-item", "u",
                                   delete_item_activated);
}

static void
copro_list_editor_init (CoproListEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->open_items = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

/* Public API */

GtkWidget *
copro_list_editor_new (CoproList  *list,
                       const char *title)
{
  g_return_val_if_fail (COPRO_IS_LIST (list), NULL);

  return g_object_new (COPRO_TYPE_LIST_EDITOR,
                       "list", list,
                       "title", title != NULL ? title : "",
                       NULL);
}

CoproList *
copro_list_editor_get_list (CoproListEditor *self)
{
  g_return_val_if_fail (COPRO_IS_LIST_EDITOR (self), NULL);

  return self->list;
}

GtkWidget *
copro_list_editor_get_row (CoproListEditor *self,
                           guint            position,
                           gboolean         open)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (COPRO_IS_LIST_EDITOR (self), NULL);

  row = gtk_list_box_get_row_at_index (self->list_box, (int) position);
  if (row != NULL && open)
    {
      populate_row (self, GTK_WIDGET (row));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }
  return GTK_WIDGET (row);
}

CoproRecord *
copro_list_editor_add (CoproListEditor *self)
{
  CoproRecord *item;
  GtkWidget *row;
  GtkWidget *focus;

  g_return_val_if_fail (COPRO_IS_LIST_EDITOR (self), NULL);

  item = copro_list_add_new (self->list);
  row = copro_list_editor_get_row (self, copro_list_get_n_items (self->list) - 1, TRUE);
  if (row != NULL && (focus = first_field_focus (row)) != NULL)
    focus_soon (focus);
  return item;
}

void
copro_list_editor_delete (CoproListEditor *self,
                          guint            position)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  Deleted *deleted;
  GtkListBoxRow *next;
  guint n;

  g_return_if_fail (COPRO_IS_LIST_EDITOR (self));
  g_return_if_fail (position < copro_list_get_n_items (self->list));

  deleted = g_new0 (Deleted, 1);
  deleted->list = g_object_ref (self->list);
  deleted->item = g_object_ref (copro_list_get (self->list, position));
  deleted->position = position;
  describe (self, deleted->item, position, title, subtitle);

  copro_list_remove (self->list, position);
  g_hash_table_remove (self->open_items, deleted->item);

  /* TRANSLATORS: a notice after deleting an item; %s is its title */
  escaped = g_markup_escape_text (title->str, -1);
  message = g_strdup_printf (_("“%s” deleted"), escaped);
  copro_undo_toast_show (GTK_WIDGET (self), message, copro_history_get_for_record (self->owner),
                         put_back_deleted, deleted, deleted_free);

  /* Keep the keyboard in the list: the next item, the one before, or Add. */
  n = copro_list_get_n_items (self->list);
  next = n > 0 ? gtk_list_box_get_row_at_index (self->list_box, (int) MIN (position, n - 1)) : NULL;
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (next));
  else
    gtk_widget_grab_focus (self->add_button);
}

void
copro_list_editor_move (CoproListEditor *self,
                        guint            position,
                        int              delta)
{
  guint n, to;
  CoproRecord *item;
  GtkWidget *row;
  GtkWidget *button;

  g_return_if_fail (COPRO_IS_LIST_EDITOR (self));

  n = copro_list_get_n_items (self->list);
  if (position >= n || (delta < 0 && position < (guint) -delta) || position + delta >= n)
    return;
  to = (guint) ((int) position + delta);
  item = copro_list_get (self->list, position);
  g_hash_table_add (self->open_items, g_object_ref (item));
  copro_list_move (self->list, position, to);

  /* The moved item stays open, with the keyboard on the same button. */
  row = copro_list_editor_get_row (self, to, TRUE);
  button = copro_list_row_get_move_button (COPRO_LIST_ROW (row), delta);
  if (gtk_widget_get_sensitive (button))
    focus_soon (button);
  else
    focus_soon (copro_list_row_get_move_button (COPRO_LIST_ROW (row), -delta));
}

const char *
copro_list_editor_get_summary (CoproListEditor *self)
{
  g_return_val_if_fail (COPRO_IS_LIST_EDITOR (self), NULL);

  return self->summary;
}

/* Revealing a field */

/* The item of @list that is @record or has it below. */
static CoproRecord *
item_holding (CoproList   *list,
              CoproRecord *record,
              guint       *position)
{
  for (CoproRecord *r = record; r != NULL; r = copro_record_get_parent (r))
    if (copro_list_find (list, r, position))
      return r;
  return NULL;
}

/* Builds the fields of the first unbuilt item on the way to @record. */
static gboolean
open_item_holding (GtkWidget   *root,
                   CoproRecord *record)
{
  if (COPRO_IS_LIST_EDITOR (root))
    {
      CoproListEditor *self = COPRO_LIST_EDITOR (root);
      GtkListBoxRow *row;
      guint position;

      if (item_holding (self->list, record, &position) != NULL &&
          (row = gtk_list_box_get_row_at_index (self->list_box, (int) position)) != NULL &&
          !copro_list_row_get_populated (COPRO_LIST_ROW (row)))
        {
          copro_list_editor_get_row (self, position, TRUE);
          return TRUE;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (open_item_holding (child, record))
      return TRUE;
  return FALSE;
}

GtkWidget *
copro_list_editor_reveal (GtkWidget   *root,
                          CoproRecord *record,
                          const char  *key)
{
  GtkWidget *widget;
  GtkWidget *focus;

  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);
  g_return_val_if_fail (COPRO_IS_RECORD (record), NULL);

  /* Build the items on the way down, one level at a time... */
  while ((widget = copro_field_widget_find (root, record, key)) == NULL)
    if (!open_item_holding (root, record))
      return NULL;
  /* ...and open every one of them. */
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL && w != root; w = gtk_widget_get_parent (w))
    if (ADW_IS_EXPANDER_ROW (w))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (w), TRUE);

  if (COPRO_IS_LIST_EDITOR (widget))
    {
      CoproListEditor *editor = COPRO_LIST_EDITOR (widget);
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (editor->list_box, 0);

      focus = first != NULL ? GTK_WIDGET (first) : editor->add_button;
    }
  else
    {
      focus = copro_field_widget_get_focus (widget);
    }
  focus_soon (focus);
  return widget;
}
