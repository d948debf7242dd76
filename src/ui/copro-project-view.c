/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sections of one project: sidebar, panels, undo and redo, and checks. */

#include "config.h"

#include <glib/gi18n.h>

#include "copro-checks-panel.h"
#include "copro-checks.h"
#include "copro-list-editor.h"
#include "copro-model.h"
#include "copro-panel.h"
#include "copro-partners-page.h"
#include "copro-project-view.h"
#include "copro-sections.h"

/* How long the checks wait after a change: typing does not rerun them on
 * every key, and a big register is checked once the officer pauses. */
#define CHECKS_DELAY_MS 300

struct _CoproProjectView
{
  GtkWidget       parent_instance;

  CoproDocument  *document;
  CoproHistory   *history;
  gboolean        editable;
  guint           checks_source;
  guint           n_problems;
  gboolean        selecting;
  /* The last findings, for the checks panel when it is built. */
  GPtrArray      *findings;

  GSimpleAction  *undo_action;
  GSimpleAction  *redo_action;
  GSimpleAction  *show_section_action;
  GSimpleAction  *next_section_action;
  GSimpleAction  *previous_section_action;
  GSimpleAction  *toggle_sidebar_action;
  GSimpleAction  *find_action;

  /* The project and its history change with the document. */
  GSignalGroup   *project_signals;
  GSignalGroup   *history_signals;

  GtkWidget      *checks_badge;
  GtkWidget      *checks_row;

  /* Template widgets */
  GtkWidget      *breakpoint_bin;
  AdwOverlaySplitView *split_view;
  GtkListBox     *sidebar;
  GtkStack       *stack;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (CoproProjectView, copro_project_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_EDITABLE,
  PROP_SECTION,
  PROP_COLLAPSED,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sidebar has a row for each section, in their order. */
static const CoproSection *
row_section (GtkListBoxRow *row)
{
  guint n;
  const CoproSection *sections = copro_sections_get (&n);
  int index = gtk_list_box_row_get_index (row);

  g_assert (index >= 0 && (guint) index < n);
  return &sections[index];
}

static GtkListBoxRow *
find_row (CoproProjectView *self,
          const char       *name)
{
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, i);

      if (row == NULL)
        return NULL;
      if (g_str_equal (row_section (row)->name, name))
        return row;
    }
}

static void
update_actions (CoproProjectView *self)
{
  gboolean has_document = self->document != NULL;
  gboolean can_edit = has_document && self->editable && self->history != NULL;
  const char *current = copro_project_view_get_section (self);
  guint n;
  const CoproSection *sections = copro_sections_get (&n);

  if (self->undo_action == NULL)
    return;
  g_simple_action_set_enabled (self->undo_action,
                               can_edit && copro_history_get_can_undo (self->history));
  g_simple_action_set_enabled (self->redo_action,
                               can_edit && copro_history_get_can_redo (self->history));
  g_simple_action_set_enabled (self->show_section_action, has_document);
  g_simple_action_set_enabled (self->toggle_sidebar_action, has_document);
  g_simple_action_set_enabled (self->previous_section_action,
                               has_document && g_strcmp0 (current, sections[0].name) != 0);
  g_simple_action_set_enabled (self->next_section_action,
                               has_document && g_strcmp0 (current, sections[n - 1].name) != 0);
  /* Ctrl+F is the partner search only while the partners show; elsewhere
   * it is left to whatever has the focus. */
  g_simple_action_set_enabled (self->find_action,
                               has_document && g_strcmp0 (current, "partners") == 0);
}

static void
update_checks_badge (CoproProjectView *self)
{
  g_autofree char *number = g_strdup_printf ("%u", self->n_problems);
  /* TRANSLATORS: how many problems the checks found, beside "Checks" in the sidebar */
  g_autofree char *words = g_strdup_printf (ngettext ("%'u problem", "%'u problems", self->n_problems),
                                            self->n_problems);

  gtk_label_set_text (GTK_LABEL (self->checks_badge), number);
  gtk_widget_set_visible (self->checks_badge, self->n_problems > 0);
  gtk_widget_set_tooltip_text (self->checks_badge, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->checks_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, words,
                                  -1);
}

static void
run_checks (CoproProjectView *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  GtkWidget *panel;

  g_clear_handle_id (&self->checks_source, g_source_remove);
  if (self->document == NULL)
    {
      self->n_problems = 0;
      update_checks_badge (self);
      return;
    }
  findings = copro_checks_run (copro_document_get_project (self->document), NULL);
  self->n_problems = copro_checks_count (findings, COPRO_SEVERITY_PROBLEM);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = g_ptr_array_ref (findings);
  panel = gtk_stack_get_child_by_name (self->stack, "checks");
  if (panel != NULL)
    copro_checks_panel_set_findings (COPRO_CHECKS_PANEL (panel), findings);
  update_checks_badge (self);
}

static gboolean
run_checks_cb (gpointer data)
{
  CoproProjectView *self = data;

  self->checks_source = 0;
  run_checks (self);
  return G_SOURCE_REMOVE;
}

static void
on_project_changed_cb (CoproProjectView *self)
{
  if (self->checks_source == 0)
    self->checks_source = g_timeout_add (CHECKS_DELAY_MS, run_checks_cb, self);
}

static void
on_history_can_cb (CoproProjectView *self)
{
  update_actions (self);
}

/* A finding about many partners opens the register showing those alone
 * (to select them all and set a field at once); any other, its record. */
static void
on_finding_activated_cb (CoproChecksPanel *panel,
                         CoproRecord      *record,
                         const char       *field,
                         GPtrArray        *records,
                         CoproProjectView *self)
{
  const CoproSection *section = copro_sections_for_record (record);

  if (records != NULL && records->len > 1 && copro_record_get_desc (record) == &copro_desc_partner &&
      section != NULL && copro_project_view_show_section (self, section->name))
    {
      GtkWidget *page = copro_project_view_get_panel (self, section->name);

      if (COPRO_IS_PARTNERS_PAGE (page))
        {
          if (adw_overlay_split_view_get_collapsed (self->split_view))
            adw_overlay_split_view_set_show_sidebar (self->split_view, FALSE);
          copro_partners_page_show_only (COPRO_PARTNERS_PAGE (page), records);
          return;
        }
    }
  copro_project_view_reveal (self, record, field);
}

static void
clear_panels (CoproProjectView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stack))) != NULL)
    gtk_stack_remove (self->stack, child);
}

static const CoproSection *
find_section (const char *name)
{
  guint n;
  const CoproSection *sections = copro_sections_get (&n);

  for (guint i = 0; name != NULL && i < n; i++)
    if (g_str_equal (sections[i].name, name))
      return &sections[i];
  return NULL;
}

/* Panels are built when first shown, not all when a project opens: a big
 * project's review and registers would otherwise hold up the first frame
 * (bench/benchmark.py measures it). */
static GtkWidget *
ensure_panel (CoproProjectView *self,
              const char       *name)
{
  const CoproSection *section;
  GtkWidget *panel;
  GtkStackPage *page;

  if (self->document == NULL || name == NULL)
    return NULL;
  panel = gtk_stack_get_child_by_name (self->stack, name);
  if (panel != NULL)
    return panel;
  section = find_section (name);
  if (section == NULL)
    return NULL;

  panel = copro_sections_build (section, self->document);
  page = gtk_stack_add_named (self->stack, panel, section->name);
  gtk_stack_page_set_title (page, _(section->title));
  if (COPRO_IS_CHECKS_PANEL (panel))
    {
      g_signal_connect_object (panel, "finding-activated",
                               G_CALLBACK (on_finding_activated_cb), self, 0);
      if (self->findings != NULL)
        copro_checks_panel_set_findings (COPRO_CHECKS_PANEL (panel), self->findings);
    }
  if (COPRO_IS_PANEL (panel))
    copro_panel_set_editable (COPRO_PANEL (panel), self->editable);
  return panel;
}

static void
apply_editable (CoproProjectView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (COPRO_IS_PANEL (child))
      copro_panel_set_editable (COPRO_PANEL (child), self->editable);
  update_actions (self);
}

/* The first control of a panel, for the keyboard after a section shortcut. */
static void
focus_panel (CoproProjectView *self)
{
  GtkWidget *panel = gtk_stack_get_visible_child (self->stack);

  if (panel != NULL)
    gtk_widget_child_focus (panel, GTK_DIR_TAB_FORWARD);
}

/* Sidebar */

static GtkWidget *
sidebar_row_new (CoproProjectView   *self,
                 const CoproSection *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (_(section->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (section->part != NULL)
    gtk_widget_add_css_class (row, "copro-subsection");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->title),
                                  -1);
  if (section->part != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(section->part),
                                    -1);
  if (g_str_equal (section->name, "checks"))
    {
      self->checks_badge = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->checks_badge, "copro-badge");
      gtk_widget_set_valign (self->checks_badge, GTK_ALIGN_CENTER);
      gtk_widget_set_visible (self->checks_badge, FALSE);
      gtk_box_append (GTK_BOX (box), self->checks_badge);
      self->checks_row = row;
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  const CoproSection *section = row_section (row);
  const CoproSection *previous = before != NULL ? row_section (before) : NULL;

  if (section->part != NULL && (previous == NULL || g_strcmp0 (previous->part, section->part) != 0))
    {
      GtkWidget *header = gtk_label_new (_(section->part));

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "copro-sidebar-heading");
      gtk_widget_add_css_class (header, "heading");
      gtk_list_box_row_set_header (row, header);
    }
  else
    {
      gtk_list_box_row_set_header (row, NULL);
    }
}

static void
on_sidebar_row_selected_cb (GtkListBox       *sidebar,
                            GtkListBoxRow    *row,
                            CoproProjectView *self)
{
  if (row == NULL || self->selecting)
    return;
  copro_project_view_show_section (self, row_section (row)->name);
}

static void
on_sidebar_row_activated_cb (GtkListBox       *sidebar,
                             GtkListBoxRow    *row,
                             CoproProjectView *self)
{
  copro_project_view_show_section (self, row_section (row)->name);
  /* On a narrow window the sidebar covers the panel: get it out of the way. */
  if (adw_overlay_split_view_get_collapsed (self->split_view))
    {
      adw_overlay_split_view_set_show_sidebar (self->split_view, FALSE);
      focus_panel (self);
    }
}

/* Collapsing hides the sidebar and expanding brings it back
 * (AdwOverlaySplitView does both). */
static void
on_split_view_collapsed_cb (CoproProjectView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSED]);
}

static void
on_split_view_show_sidebar_cb (CoproProjectView *self)
{
  if (self->toggle_sidebar_action != NULL)
    g_simple_action_set_state (self->toggle_sidebar_action,
                               g_variant_new_boolean (adw_overlay_split_view_get_show_sidebar (self->split_view)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static void
on_stack_visible_child_cb (CoproProjectView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

/* Actions */

static void
undo_activated (GSimpleAction    *action,
                GVariant         *parameter,
                CoproProjectView *self)
{
  if (self->history != NULL && self->editable)
    copro_history_undo (self->history);
}

static void
redo_activated (GSimpleAction    *action,
                GVariant         *parameter,
                CoproProjectView *self)
{
  if (self->history != NULL && self->editable)
    copro_history_redo (self->history);
}

static void
show_section_activated (GSimpleAction    *action,
                        GVariant         *parameter,
                        CoproProjectView *self)
{
  if (copro_project_view_show_section (self, g_variant_get_string (parameter, NULL)))
    focus_panel (self);
}

static void
step_section (CoproProjectView *self,
              int               delta)
{
  const char *current = copro_project_view_get_section (self);
  guint n;
  const CoproSection *sections = copro_sections_get (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (sections[i].name, current) == 0)
      {
        int next = (int) i + delta;

        if (next >= 0 && next < (int) n)
          {
            copro_project_view_show_section (self, sections[next].name);
            focus_panel (self);
          }
        return;
      }
}

static void
next_section_activated (GSimpleAction    *action,
                        GVariant         *parameter,
                        CoproProjectView *self)
{
  step_section (self, 1);
}

static void
previous_section_activated (GSimpleAction    *action,
                            GVariant         *parameter,
                            CoproProjectView *self)
{
  step_section (self, -1);
}

static void
toggle_sidebar_change_state (GSimpleAction    *action,
                             GVariant         *state,
                             CoproProjectView *self)
{
  gboolean show = g_variant_get_boolean (state);
  gboolean collapsed = adw_overlay_split_view_get_collapsed (self->split_view);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean focus_inside = focus != NULL && (focus == GTK_WIDGET (self->sidebar) ||
                                            gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)));

  adw_overlay_split_view_set_show_sidebar (self->split_view, show);
  g_simple_action_set_state (action, state);
  if (show && collapsed)
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  else if (!show && focus_inside)
    {
      /* The focus does not stay in a sidebar that has gone. */
      focus_panel (self);
    }
}

/* Ctrl+F, wherever the focus is, even in the sidebar: the partner search.
 * The partners section does the searching (its "partners.find"). */
static void
find_activated (GSimpleAction    *action,
                GVariant         *parameter,
                CoproProjectView *self)
{
  GtkWidget *panel;

  if (g_strcmp0 (copro_project_view_get_section (self), "partners") != 0)
    return;
  panel = gtk_stack_get_visible_child (self->stack);
  if (adw_overlay_split_view_get_collapsed (self->split_view))
    adw_overlay_split_view_set_show_sidebar (self->split_view, FALSE);
  gtk_widget_activate_action (panel, "partners.find", NULL);
}

static void
copro_project_view_dispose (GObject *object)
{
  CoproProjectView *self = COPRO_PROJECT_VIEW (object);

  copro_project_view_set_document (self, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->undo_action);
  g_clear_object (&self->redo_action);
  g_clear_object (&self->show_section_action);
  g_clear_object (&self->next_section_action);
  g_clear_object (&self->previous_section_action);
  g_clear_object (&self->toggle_sidebar_action);
  g_clear_object (&self->find_action);

  gtk_widget_dispose_template (GTK_WIDGET (self), COPRO_TYPE_PROJECT_VIEW);

  G_OBJECT_CLASS (copro_project_view_parent_class)->dispose (object);
}

static void
copro_project_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CoproProjectView *self = COPRO_PROJECT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    case PROP_SECTION:
      g_value_set_string (value, copro_project_view_get_section (self));
      break;

    case PROP_COLLAPSED:
      g_value_set_boolean (value, copro_project_view_get_collapsed (self));
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, adw_overlay_split_view_get_show_sidebar (self->split_view));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_project_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CoproProjectView *self = COPRO_PROJECT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      copro_project_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_EDITABLE:
      copro_project_view_set_editable (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_SIDEBAR:
      adw_overlay_split_view_set_show_sidebar (self->split_view, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_project_view_class_init (CoproProjectViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = copro_project_view_dispose;
  object_class->get_property = copro_project_view_get_property;
  object_class->set_property = copro_project_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COPRO_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The name of the section shown (see copro-sections.c), or NULL. */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* TRUE on a narrow window, where the sidebar comes over the panel. */
  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-project-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproProjectView, breakpoint_bin);
  gtk_widget_class_bind_template_child (widget_class, CoproProjectView, split_view);
  gtk_widget_class_bind_template_child (widget_class, CoproProjectView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CoproProjectView, stack);
  gtk_widget_class_bind_template_child (widget_class, CoproProjectView, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_split_view_collapsed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_split_view_show_sidebar_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);
}

static void
copro_project_view_init (CoproProjectView *self)
{
  guint n;
  const CoproSection *sections = copro_sections_get (&n);

  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->project_signals = g_signal_group_new (COPRO_TYPE_RECORD);
  g_signal_group_connect_swapped (self->project_signals, "changed",
                                  G_CALLBACK (on_project_changed_cb), self);
  self->history_signals = g_signal_group_new (COPRO_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-undo",
                                  G_CALLBACK (on_history_can_cb), self);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-redo",
                                  G_CALLBACK (on_history_can_cb), self);

  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->sidebar, sidebar_row_new (self, &sections[i]));
  gtk_list_box_set_header_func (self->sidebar, sidebar_header_func, NULL, NULL);
  update_checks_badge (self);
}

/* Public API */

void
copro_project_view_set_document (CoproProjectView *self,
                                 CoproDocument    *document)
{
  g_return_if_fail (COPRO_IS_PROJECT_VIEW (self));
  g_return_if_fail (document == NULL || COPRO_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_clear_handle_id (&self->checks_source, g_source_remove);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  if (self->stack != NULL)
    clear_panels (self);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->history);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      self->history = copro_history_new (document);
      g_signal_group_set_target (self->history_signals, self->history);
      g_signal_group_set_target (self->project_signals, copro_document_get_project (document));
      apply_editable (self);
      /* Once the window shows: a big register takes a moment to check. */
      self->checks_source = g_idle_add (run_checks_cb, self);
      copro_project_view_show_section (self, "overview");
    }
  else if (self->checks_badge != NULL)
    {
      self->n_problems = 0;
      update_checks_badge (self);
    }
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

CoproDocument *
copro_project_view_get_document (CoproProjectView *self)
{
  g_return_val_if_fail (COPRO_IS_PROJECT_VIEW (self), NULL);

  return self->document;
}

CoproHistory *
copro_project_view_get_history (CoproProjectView *self)
{
  g_return_val_if_fail (COPRO_IS_PROJECT_VIEW (self), NULL);

  return self->history;
}

void
copro_project_view_set_editable (CoproProjectView *self,
                                 gboolean          editable)
{
  g_return_if_fail (COPRO_IS_PROJECT_VIEW (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  apply_editable (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
copro_project_view_get_editable (CoproProjectView *self)
{
  g_return_val_if_fail (COPRO_IS_PROJECT_VIEW (self), FALSE);

  return self->editable;
}

gboolean
copro_project_view_get_collapsed (CoproProjectView *self)
{
  g_return_val_if_fail (COPRO_IS_PROJECT_VIEW (self), FALSE);

  return adw_overlay_split_view_get_collapsed (self->split_view);
}

void
copro_project_view_install_actions (CoproProjectView *self,
                                    GActionMap       *map)
{
  g_return_if_fail (COPRO_IS_PROJECT_VIEW (self));
  g_return_if_fail (G_IS_ACTION_MAP (map));
  g_return_if_fail (self->undo_action == NULL);

  self->undo_action = g_simple_action_new ("undo", NULL);
  self->redo_action = g_simple_action_new ("redo", NULL);
  self->show_section_action = g_simple_action_new ("show-section", G_VARIANT_TYPE_STRING);
  self->next_section_action = g_simple_action_new ("next-section", NULL);
  self->previous_section_action = g_simple_action_new ("previous-section", NULL);
  self->toggle_sidebar_action =
    g_simple_action_new_stateful ("toggle-sidebar", NULL,
                                  g_variant_new_boolean (adw_overlay_split_view_get_show_sidebar (self->split_view)));
  self->find_action = g_simple_action_new ("find", NULL);
  g_signal_connect_object (self->undo_action, "activate", G_CALLBACK (undo_activated), self, 0);
  g_signal_connect_object (self->redo_action, "activate", G_CALLBACK (redo_activated), self, 0);
  g_signal_connect_object (self->show_section_action, "activate", G_CALLBACK (show_section_activated), self, 0);
  g_signal_connect_object (self->next_section_action, "activate", G_CALLBACK (next_section_activated), self, 0);
  g_signal_connect_object (self->previous_section_action, "activate",
                           G_CALLBACK (previous_section_activated), self, 0);
  g_signal_connect_object (self->toggle_sidebar_action, "change-state",
                           G_CALLBACK (toggle_sidebar_change_state), self, 0);
  g_signal_connect_object (self->find_action, "activate", G_CALLBACK (find_activated), self, 0);

  g_action_map_add_action (map, G_ACTION (self->undo_action));
  g_action_map_add_action (map, G_ACTION (self->redo_action));
  g_action_map_add_action (map, G_ACTION (self->show_section_action));
  g_action_map_add_action (map, G_ACTION (self->next_section_action));
  g_action_map_add_action (map, G_ACTION (self->previous_section_action));
  g_action_map_add_action (map, G_ACTION (self->toggle_sidebar_action));
  g_action_map_add_action (map, G_ACTION (self->find_action));
  update_actions (self);
}

gboolean
copro_project_view_show_section (CoproProjectView *self,
                                 const char       *name)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (COPRO_IS_PROJECT_VIEW (self), FALSE);

  if (ensure_panel (self, name) == NULL)
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, name);
  row = find_row (self, name);
  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar) != row)
    {
      self->selecting = TRUE;
      gtk_list_box_select_row (self->sidebar, row);
      self->selecting = FALSE;
    }
  update_actions (self);
  return TRUE;
}

const char *
copro_project_view_get_section (CoproProjectView *self)
{
  g_return_val_if_fail (COPRO_IS_PROJECT_VIEW (self), NULL);

  if (gtk_stack_get_visible_child (self->stack) == NULL)
    return NULL;
  return gtk_stack_get_visible_child_name (self->stack);
}

void
copro_project_view_set_panels_can_focus (CoproProjectView *self,
                                         gboolean          can_focus)
{
  g_return_if_fail (COPRO_IS_PROJECT_VIEW (self));

  gtk_widget_set_can_focus (GTK_WIDGET (self->stack), can_focus);
}

/* Builds the panel if it has not been shown yet, with all its groups. */
GtkWidget *
copro_project_view_get_panel (CoproProjectView *self,
                              const char       *name)
{
  GtkWidget *panel;

  g_return_val_if_fail (COPRO_IS_PROJECT_VIEW (self), NULL);

  panel = ensure_panel (self, name);
  if (COPRO_IS_PANEL (panel))
    copro_panel_build_pending (COPRO_PANEL (panel));
  return panel;
}

gboolean
copro_project_view_reveal (CoproProjectView *self,
                           CoproRecord      *record,
                           const char       *key)
{
  const CoproSection *section;
  GtkWidget *panel;

  g_return_val_if_fail (COPRO_IS_PROJECT_VIEW (self), FALSE);
  g_return_val_if_fail (COPRO_IS_RECORD (record), FALSE);

  section = copro_sections_for_record (record);
  if (section == NULL || !copro_project_view_show_section (self, section->name))
    return FALSE;
  if (adw_overlay_split_view_get_collapsed (self->split_view))
    adw_overlay_split_view_set_show_sidebar (self->split_view, FALSE);
  panel = copro_project_view_get_panel (self, section->name);
  if (COPRO_IS_PARTNERS_PAGE (panel))
    return copro_partners_page_reveal (COPRO_PARTNERS_PAGE (panel), record);
  return copro_list_editor_reveal (panel, record, key) != NULL;
}

guint
copro_project_view_get_n_problems (CoproProjectView *self)
{
  g_return_val_if_fail (COPRO_IS_PROJECT_VIEW (self), 0);

  return self->n_problems;
}

void
copro_project_view_run_checks (CoproProjectView *self)
{
  g_return_if_fail (COPRO_IS_PROJECT_VIEW (self));

  run_checks (self);
}
