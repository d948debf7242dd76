/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The recruitment checklist above the partner register. A toggle and a
 * revealer rather than a GtkExpander: a folded expander unparents its
 * child, and a form out of the window then meets gtk_window_get_focus()
 * with no window when the section changes.
 *
 * Its form is made when it is first unfolded: folded, as the Partners
 * section opens, it was a third of the instructions of making the section
 * (6.4 M of 19.6 M; callgrind, bench/copro-bench-register), for nothing on
 * screen.
 */

#include "config.h"

#include "copro-record-form.h"
#include "copro-recruitment-checklist.h"

struct _CoproRecruitmentChecklist
{
  CoproPartnersSection  parent_instance;

  /* Template widgets */
  GtkToggleButton      *toggle;
  GtkImage             *arrow;
  GtkScrolledWindow    *scrolled;
};

G_DEFINE_FINAL_TYPE (CoproRecruitmentChecklist, copro_recruitment_checklist, COPRO_TYPE_PARTNERS_SECTION)

enum
{
  PROP_0,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Makes the form for the project's checklist, if it has none. */
static void
ensure_form (CoproRecruitmentChecklist *self)
{
  CoproRecord *project = copro_partners_section_get_project (COPRO_PARTNERS_SECTION (self));

  if (self->scrolled == NULL || project == NULL || gtk_scrolled_window_get_child (self->scrolled) != NULL)
    return;
  gtk_scrolled_window_set_child (self->scrolled,
                                 copro_record_form_new (copro_record_get_record (project, "recruitment"), NULL, NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->scrolled), TRUE);
}

static void
on_toggled_cb (CoproRecruitmentChecklist *self)
{
  if (gtk_toggle_button_get_active (self->toggle))
    ensure_form (self);
  gtk_image_set_from_icon_name (self->arrow, gtk_toggle_button_get_active (self->toggle) ? "pan-down-symbolic"
                                                                                        : "pan-end-symbolic");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

static void
copro_recruitment_checklist_project_set (CoproPartnersSection *section,
                                         CoproRecord          *project)
{
  CoproRecruitmentChecklist *self = COPRO_RECRUITMENT_CHECKLIST (section);

  if (self->scrolled == NULL)
    return;
  gtk_scrolled_window_set_child (self->scrolled, NULL);
  if (gtk_toggle_button_get_active (self->toggle))
    ensure_form (self);
}

static void
copro_recruitment_checklist_editable_set (CoproPartnersSection *section,
                                          gboolean              editable)
{
  gtk_widget_set_sensitive (GTK_WIDGET (section), editable);
}

static void
copro_recruitment_checklist_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COPRO_TYPE_RECRUITMENT_CHECKLIST);
  /* And what the template has no name for. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (copro_recruitment_checklist_parent_class)->dispose (object);
}

static void
copro_recruitment_checklist_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  CoproRecruitmentChecklist *self = COPRO_RECRUITMENT_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, copro_recruitment_checklist_get_expanded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_recruitment_checklist_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  CoproRecruitmentChecklist *self = COPRO_RECRUITMENT_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      copro_recruitment_checklist_set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_recruitment_checklist_class_init (CoproRecruitmentChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CoproPartnersSectionClass *section_class = COPRO_PARTNERS_SECTION_CLASS (klass);

  object_class->dispose = copro_recruitment_checklist_dispose;
  object_class->get_property = copro_recruitment_checklist_get_property;
  object_class->set_property = copro_recruitment_checklist_set_property;
  section_class->project_set = copro_recruitment_checklist_project_set;
  section_class->editable_set = copro_recruitment_checklist_editable_set;

  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coproduce/Coproduce/copro-recruitment-checklist.ui");
  gtk_widget_class_bind_template_child (widget_class, CoproRecruitmentChecklist, toggle);
  gtk_widget_class_bind_template_child (widget_class, CoproRecruitmentChecklist, arrow);
  gtk_widget_class_bind_template_child (widget_class, CoproRecruitmentChecklist, scrolled);
  gtk_widget_class_bind_template_callback (widget_class, on_toggled_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
copro_recruitment_checklist_init (CoproRecruitmentChecklist *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
}

gboolean
copro_recruitment_checklist_get_expanded (CoproRecruitmentChecklist *self)
{
  g_return_val_if_fail (COPRO_IS_RECRUITMENT_CHECKLIST (self), FALSE);

  return gtk_toggle_button_get_active (self->toggle);
}

void
copro_recruitment_checklist_set_expanded (CoproRecruitmentChecklist *self,
                                          gboolean                   expanded)
{
  g_return_if_fail (COPRO_IS_RECRUITMENT_CHECKLIST (self));

  /* The toggle notifies, and on_toggled_cb() tells. */
  gtk_toggle_button_set_active (self->toggle, expanded);
}
