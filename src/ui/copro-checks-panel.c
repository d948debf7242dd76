/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live findings of the checks: problems first, each leading to its field,
 * with the toolkit's reason for the rule beneath it. */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-checks-panel.h"
#include "copro-panel.h"
#include "copro-record-form.h"
#include "copro-sections.h"

/* One finding, as an item of the list model. */
#define COPRO_TYPE_FINDING_ITEM (copro_finding_item_get_type ())
G_DECLARE_FINAL_TYPE (CoproFindingItem, copro_finding_item, COPRO, FINDING_ITEM, GObject)

struct _CoproFindingItem
{
  GObject        parent_instance;

  CoproSeverity  severity;
  char          *message;
  const char    *why;       /* translated, static */
  char          *location;
  CoproRecord   *record;
  const char    *field;
  GPtrArray     *records;   /* of the finding: every record it concerns */
};

G_DEFINE_FINAL_TYPE (CoproFindingItem, copro_finding_item, G_TYPE_OBJECT)

static void
copro_finding_item_finalize (GObject *object)
{
  CoproFindingItem *self = COPRO_FINDING_ITEM (object);

  g_free (self->message);
  g_free (self->location);
  g_clear_object (&self->record);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (copro_finding_item_parent_class)->finalize (object);
}

static void
copro_finding_item_class_init (CoproFindingItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = copro_finding_item_finalize;
}

static void
copro_finding_item_init (CoproFindingItem *self)
{
}

/* Where a finding points, in words: "Outline · Management support". */
static char *
describe_location (CoproFinding *finding)
{
  const CoproSection *section = copro_sections_for_record (finding->record);
  const CoproField *field = finding->field != NULL
                            ? copro_record_desc_find_field (copro_record_get_desc (finding->record), finding->field)
                            : NULL;
  const char *where = section != NULL ? _(section->title) : NULL;
  const char *what = field != NULL ? copro_field_label (field) : NULL;

  if (where != NULL && what != NULL)
    /* TRANSLATORS: where a finding points: the section, then the field */
    return g_strdup_printf (_("%s · %s"), where, what);
  return g_strdup (where != NULL ? where : what != NULL ? what : "");
}

/* The panel */

struct _CoproChecksPanel
{
  GtkWidget   parent_instance;

  char       *title;
  char       *guidance;
  guint       n_problems;

  GtkWidget  *box;
  GListStore *store;
  GtkWidget  *list_view;
  GtkWidget  *guidance_label;
  GtkWidget  *summary_label;
  GtkWidget  *empty_page;
  GtkStack   *stack;
};

G_DEFINE_FINAL_TYPE (CoproChecksPanel, copro_checks_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_GUIDANCE,
  PROP_N_FINDINGS,
  PROP_N_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "valign", GTK_ALIGN_START,
                                  NULL);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *where = gtk_label_new (NULL);
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *why = gtk_label_new (NULL);
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   "valign", GTK_ALIGN_CENTER,
                                   NULL);

  gtk_widget_add_css_class (row, "copro-finding");
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_wrap (GTK_LABEL (where), TRUE);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "copro-finding-where");
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (why), 0);
  gtk_label_set_wrap (GTK_LABEL (why), TRUE);
  gtk_widget_add_css_class (why, "caption");
  gtk_widget_add_css_class (why, "dimmed");
  gtk_widget_add_css_class (why, "copro-finding-why");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), where);
  gtk_box_append (GTK_BOX (text), message);
  gtk_box_append (GTK_BOX (text), why);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), arrow);
  gtk_list_item_set_child (item, row);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  CoproFindingItem *finding = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (row);
  GtkWidget *text = gtk_widget_get_next_sibling (icon);
  GtkWidget *where = gtk_widget_get_first_child (text);
  GtkWidget *message = gtk_widget_get_next_sibling (where);
  GtkWidget *why = gtk_widget_get_next_sibling (message);
  gboolean problem = finding->severity == COPRO_SEVERITY_PROBLEM;
  /* The severity is written out, not shown by colour or icon alone. */
  g_autofree char *caption = g_strdup_printf ("%s · %s",
                                              problem ? C_("finding", "Problem") : C_("finding", "Advice"),
                                              finding->location);
  /* TRANSLATORS: what a screen reader says after a finding: where it points, then why the rule matters */
  g_autofree char *description = g_strdup_printf (_("%s. Why: %s"), caption, finding->why);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), problem ? "dialog-warning-symbolic" : "dialog-information-symbolic");
  if (problem)
    {
      gtk_widget_add_css_class (row, "copro-problem");
      gtk_widget_remove_css_class (row, "copro-advice");
    }
  else
    {
      gtk_widget_add_css_class (row, "copro-advice");
      gtk_widget_remove_css_class (row, "copro-problem");
    }
  gtk_label_set_text (GTK_LABEL (where), caption);
  gtk_label_set_text (GTK_LABEL (message), finding->message);
  gtk_label_set_text (GTK_LABEL (why), finding->why);

  /* The row that takes the focus is GTK's, around ours: name it (GTK 4.8
   * has no gtk_list_item_set_accessible_label()). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, finding->message,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
on_list_view_activate_cb (GtkListView      *list_view,
                          guint             position,
                          CoproChecksPanel *self)
{
  copro_checks_panel_activate (self, position);
}

static void
copro_checks_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COPRO_TYPE_CHECKS_PANEL);

  G_OBJECT_CLASS (copro_checks_panel_parent_class)->dispose (object);
}

static void
copro_checks_panel_finalize (GObject *object)
{
  CoproChecksPanel *self = COPRO_CHECKS_PANEL (object);

  g_free (self->title);
  g_free (self->guidance);

  G_OBJECT_CLASS (copro_checks_panel_parent_class)->finalize (object);
}

static void
copro_checks_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CoproChecksPanel *self = COPRO_CHECKS_PANEL (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_GUIDANCE:
      g_value_set_string (value, self->guidance);
      break;
    case PROP_N_FINDINGS:
      g_value_set_uint (value, copro_checks_panel_get_n_findings (self));
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->n_problems);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_checks_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CoproChecksPanel *self = COPRO_CHECKS_PANEL (object);
  const char *text = g_value_get_string (value);

  switch (prop_id)
    {
    case PROP_TITLE:
      if (g_strcmp0 (self->title, text) != 0)
        {
          g_free (self->title);
          self->title = g_strdup (text);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_GUIDANCE:
      if (g_strcmp0 (self->guidance, text) != 0)
        {
          g_free (self->guidance);
          self->guidance = g_strdup (text);
          gtk_widget_set_visible (self->guidance_label, text != NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_checks_panel_class_init (CoproChecksPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_checks_panel_dispose;
  object_class->finalize = copro_checks_panel_finalize;
  object_class->get_property = copro_checks_panel_get_property;
  object_class->set_property = copro_checks_panel_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUIDANCE] =
    g_param_spec_string ("guidance", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FINDINGS] =
    g_param_spec_uint ("n-findings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CoproChecksPanel::finding-activated:
   * @record: the record the finding is about
   * @field: (nullable): the key of its field
   * @records: every record the finding concerns, @record first
   */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  COPRO_TYPE_RECORD, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_PTR_ARRAY);

  g_type_ensure (COPRO_TYPE_FINDING_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coproduce/Coproduce/copro-checks-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproChecksPanel, box);
  gtk_widget_class_bind_template_child (widget_class, CoproChecksPanel, store);
  gtk_widget_class_bind_template_child (widget_class, CoproChecksPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, CoproChecksPanel, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, CoproChecksPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CoproChecksPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CoproChecksPanel, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "copropanel");
}

static void
copro_checks_panel_init (CoproChecksPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* libadwaita leaves the status page's scrolled window nameless. */
  copro_name_scrolled_window (self->empty_page, _("Nothing to Point Out"));
  copro_checks_panel_set_findings (self, NULL);
}

GtkWidget *
copro_checks_panel_new (const char *title,
                        const char *guidance)
{
  return g_object_new (COPRO_TYPE_CHECKS_PANEL,
                       "title", title,
                       "guidance", guidance,
                       NULL);
}

void
copro_checks_panel_set_findings (CoproChecksPanel *self,
                                 GPtrArray        *findings)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_advice = 0;
  g_autofree char *problems = NULL;
  g_autofree char *advice = NULL;
  g_autofree char *summary = NULL;

  g_return_if_fail (COPRO_IS_CHECKS_PANEL (self));

  self->n_problems = 0;
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      CoproFinding *finding = g_ptr_array_index (findings, i);
      CoproFindingItem *item = g_object_new (COPRO_TYPE_FINDING_ITEM, NULL);

      item->severity = finding->check->severity;
      item->message = g_strdup (finding->message);
      item->why = _(finding->check->why);
      item->record = g_object_ref (finding->record);
      item->field = finding->field;
      item->records = g_ptr_array_ref (finding->records);
      item->location = describe_location (finding);
      g_ptr_array_add (items, item);
      if (item->severity == COPRO_SEVERITY_PROBLEM)
        self->n_problems++;
      else
        n_advice++;
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  /* TRANSLATORS: the first half of "2 problems and 5 pieces of advice" */
  problems = g_strdup_printf (ngettext ("%'u problem", "%'u problems", self->n_problems), self->n_problems);
  /* TRANSLATORS: the second half of "2 problems and 5 pieces of advice" */
  advice = g_strdup_printf (ngettext ("%'u piece of advice", "%'u pieces of advice", n_advice), n_advice);
  /* TRANSLATORS: e.g. "2 problems and 5 pieces of advice" */
  summary = g_strdup_printf (_("%s and %s"), problems, advice);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "findings" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINDINGS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
}

guint
copro_checks_panel_get_n_findings (CoproChecksPanel *self)
{
  g_return_val_if_fail (COPRO_IS_CHECKS_PANEL (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

guint
copro_checks_panel_get_n_problems (CoproChecksPanel *self)
{
  g_return_val_if_fail (COPRO_IS_CHECKS_PANEL (self), 0);

  return self->n_problems;
}

const char *
copro_checks_panel_get_message (CoproChecksPanel *self,
                                guint             position)
{
  g_autoptr(CoproFindingItem) item = NULL;

  g_return_val_if_fail (COPRO_IS_CHECKS_PANEL (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->store), position);
  return item != NULL ? item->message : NULL;
}

const char *
copro_checks_panel_get_why (CoproChecksPanel *self,
                            guint             position)
{
  g_autoptr(CoproFindingItem) item = NULL;

  g_return_val_if_fail (COPRO_IS_CHECKS_PANEL (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->store), position);
  return item != NULL ? item->why : NULL;
}

void
copro_checks_panel_activate (CoproChecksPanel *self,
                             guint             position)
{
  g_autoptr(CoproFindingItem) item = NULL;

  g_return_if_fail (COPRO_IS_CHECKS_PANEL (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->store), position);
  if (item != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, item->record, item->field, item->records);
}
