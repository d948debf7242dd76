/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The sections of a project and what each panel shows. The panels are built
 * from the model's descriptions by CoproRecordForm and CoproListEditor; this
 * file only chooses the fields, their grouping and the guidance.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "copro-checks-panel.h"
#include "copro-list-editor.h"
#include "copro-list.h"
#include "copro-panel.h"
#include "copro-partners-page.h"
#include "copro-record-form.h"
#include "copro-sections.h"
#include "copro-timeline-view.h"

static const CoproSection sections[] = {
  { "overview", N_("Overview"), NULL,
    N_("The essentials of the project: what it is, who leads it, when it runs and how far "
       "along the spectrum of involvement it aims to go, from informing people to "
       "co-producing with them. The rest of the plan builds on this page."),
    { "overview" } },
  { "outline", N_("Outline"), N_("Plan"),
    N_("Step 1: say what the project wants to achieve and, just as plainly, what people "
       "can and cannot change. Being honest about the limits is part of treating partners "
       "as equals. Then choose the level of involvement you intend at each step."),
    { "plan.outline" } },
  { "resources", N_("Resources and compliance"), N_("Plan"),
    N_("Step 2: the money, time and support the project needs, and the checks that keep it "
       "lawful and fair. Budget for taking part — payment for time, travel, care cover, "
       "accessible formats — so that giving time never costs people money."),
    { "plan.resources" } },
  { "principles", N_("Principles"), N_("Plan"),
    N_("Equality, diversity, accessibility and reciprocity are the test of real "
       "co-production. For each, say how this project will live up to it, and rate honestly "
       "how far it does so today."),
    { "plan.principles" } },
  { "communications", N_("Communications"), N_("Plan"),
    N_("Step 4: how you will reach each audience and keep in touch while you design the "
       "activities together. Good communication is accessible and goes both ways."),
    { "plan.communications" } },
  { "delivery", N_("Delivery"), N_("Plan"),
    N_("Step 5: the actions that deliver the work together, who owns them and when they are "
       "due, and how the group makes sure every voice carries the same weight."),
    { "plan.delivery" } },
  { "evaluation", N_("Evaluation"), N_("Plan"),
    N_("Step 6: agree at the start how you will know the project made a difference, review "
       "progress as you go, and share the results with everyone who took part."),
    { "plan.evaluation" } },
  { "partners", N_("Partners"), NULL,
    N_("Step 3: the people and organisations involved, from residents and carers to "
       "services and groups. Plan the level of involvement you intend for each, check "
       "the map for voices with interest but little influence, and keep personal details "
       "only as long as the project needs them."),
    { "partners", "recruitment" } },
  { "terms", N_("Terms of reference"), NULL,
    N_("The group’s own agreement: why it exists, who belongs, how it decides and how its "
       "members are supported. Write it with the group rather than for it, and agree when "
       "to review it."),
    { "terms_of_reference" } },
  { "review", N_("Review"), NULL,
    N_("Record each involvement activity: the level of involvement planned and the level "
       "reached, what worked, and how you closed the loop — we asked, you said, we did. Then "
       "look back on the project against the principles."),
    { "activities", "reflection" } },
  { "risks", N_("Risks"), NULL,
    N_("What could stop people taking part as equals, or stop the project delivering? Rate "
       "each risk’s likelihood and impact from 1 to 5: the score is the two multiplied, 15 "
       "or more is high and 8 to 14 medium."),
    { "risks" } },
  { "signoff", N_("Sign-off"), NULL,
    N_("The decisions of the people who approve the plan, and the history of its versions, "
       "so that everyone can see what was agreed and when."),
    { "signoff", "approvals", "history" } },
  { "checks", N_("Checks"), NULL,
    N_("Coproduce checks the project against the toolkit’s rules of thumb as you work. "
       "Problems come first, then advice. Choose a finding to go to what it is about."),
    { NULL } },
};

const CoproSection *
copro_sections_get (guint *n_sections)
{
  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

const CoproSection *
copro_sections_find (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return &sections[i];
  return NULL;
}

/* The key under which @parent holds @child. A register of 100,000 partners
 * is not searched: the only list of the child's type is the answer. */
static const char *
key_in_parent (CoproRecord *parent,
               CoproRecord *child)
{
  const CoproRecordDesc *desc = copro_record_get_desc (parent);
  const CoproRecordDesc *child_desc = copro_record_get_desc (child);
  const CoproField *list_field = NULL;
  guint n_lists = 0;

  for (guint i = 0; i < desc->n_fields; i++)
    {
      const CoproField *field = &desc->fields[i];

      if (field->kind == COPRO_FIELD_RECORD && copro_record_get_record (parent, field->key) == child)
        return field->key;
      if (field->kind == COPRO_FIELD_LIST && field->record == child_desc)
        {
          list_field = field;
          n_lists++;
        }
    }
  if (n_lists == 1)
    return list_field->key;
  for (guint i = 0; i < desc->n_fields; i++)
    {
      const CoproField *field = &desc->fields[i];

      if (field->kind == COPRO_FIELD_LIST && field->record == child_desc &&
          copro_list_find (copro_record_get_list (parent, field->key), child, NULL))
        return field->key;
    }
  return NULL;
}

char *
copro_record_dup_path (CoproRecord *record)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GString *path = g_string_new (NULL);
  CoproRecord *parent;

  g_return_val_if_fail (COPRO_IS_RECORD (record), NULL);

  for (; (parent = copro_record_get_parent (record)) != NULL; record = parent)
    {
      const char *key = key_in_parent (parent, record);

      if (key == NULL)
        break;
      g_ptr_array_add (keys, (gpointer) key);
    }
  for (guint i = keys->len; i > 0; i--)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, g_ptr_array_index (keys, i - 1));
    }
  return g_string_free (path, FALSE);
}

const CoproSection *
copro_sections_for_record (CoproRecord *record)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (COPRO_IS_RECORD (record), NULL);

  path = copro_record_dup_path (record);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    for (guint j = 0; j < G_N_ELEMENTS (sections[i].paths) && sections[i].paths[j] != NULL; j++)
      {
        const char *prefix = sections[i].paths[j];
        gsize len = strlen (prefix);

        if (strncmp (path, prefix, len) == 0 && (path[len] == '\0' || path[len] == '.'))
          return &sections[i];
      }
  return NULL;
}

/* Building the panels */

/* What a panel's group is made from: copro_panel_add_group() may make it
 * after the panel's first frame, so it keeps its own copies. */
typedef enum {
  GROUP_FORM,
  GROUP_LIST,
  GROUP_TIMELINE,
} GroupKind;

typedef struct
{
  GroupKind    kind;
  CoproRecord *record;  /* the form's record, the list's owner, the project */
  char        *key;     /* GROUP_LIST: the list */
  char        *title;
  GStrv        keys;    /* GROUP_FORM: its fields, or NULL for all of them */
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_object_unref (group->record);
  g_free (group->key);
  g_free (group->title);
  g_strfreev (group->keys);
  g_free (group);
}

/* The activities on a time axis, under their list. */
static GtkWidget *
timeline_new (CoproRecord *project)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Timeline"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each activity from its start to its end date, by step, coloured by the "
                                           "level of involvement it plans."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), copro_timeline_view_new (project));
  return group;
}

static GtkWidget *
group_make (gpointer data)
{
  Group *group = data;
  GtkWidget *widget = NULL;

  switch (group->kind)
    {
    case GROUP_FORM:
      widget = copro_record_form_new (group->record, group->title,
                                      (const char * const *) group->keys);
      break;
    case GROUP_LIST:
      widget = copro_list_editor_new (copro_record_get_list (group->record, group->key),
                                      group->title);
      copro_field_widget_register (widget, group->record, group->key, NULL);
      break;
    case GROUP_TIMELINE:
      widget = timeline_new (group->record);
      break;
    }
  return widget;
}

static void
add_group (GtkWidget          *panel,
           GroupKind           kind,
           CoproRecord        *record,
           const char         *key,
           const char         *title,
           const char * const *keys)
{
  Group *group = g_new0 (Group, 1);

  group->kind = kind;
  group->record = g_object_ref (record);
  group->key = g_strdup (key);
  group->title = g_strdup (title);
  group->keys = g_strdupv ((char **) keys);
  copro_panel_add_group (COPRO_PANEL (panel), group_make, group, group_free);
}

static void
add_form (GtkWidget          *panel,
          CoproRecord        *record,
          const char         *title,
          const char * const *keys)
{
  add_group (panel, GROUP_FORM, record, NULL, title, keys);
}

static void
add_list (GtkWidget   *panel,
          CoproRecord *owner,
          const char  *key,
          const char  *title)
{
  add_group (panel, GROUP_LIST, owner, key, title, NULL);
}

#define KEYS(...) ((const char * const []) { __VA_ARGS__, NULL })

static void
build_overview (GtkWidget   *panel,
                CoproRecord *project)
{
  CoproRecord *overview = copro_record_get_record (project, "overview");

  add_form (panel, overview, _("The project"),
            KEYS ("title", "reference", "service_area", "summary"));
  add_form (panel, overview, _("People"),
            KEYS ("lead_name", "lead_role", "lead_email", "sponsor"));
  add_form (panel, overview, _("Timescale and involvement"),
            KEYS ("start_date", "end_date", "current_step", "target_level"));
}

static void
build_outline (GtkWidget   *panel,
               CoproRecord *project)
{
  CoproRecord *outline = copro_record_lookup (project, "plan.outline");

  add_form (panel, outline, _("Aims and scope"),
            KEYS ("aims", "can_influence", "cannot_influence", "in_scope", "out_of_scope",
                  "success_measures"));
  add_form (panel, outline, _("Management support"),
            KEYS ("management_support", "management_support_who"));
  add_form (panel, outline, NULL, KEYS ("step_levels"));
  add_form (panel, outline, _("Barriers and experience"),
            KEYS ("barriers", "experience", "training_needs"));
}

static void
build_resources (GtkWidget   *panel,
                 CoproRecord *project)
{
  CoproRecord *resources = copro_record_lookup (project, "plan.resources");

  add_form (panel, resources, _("Budget"), KEYS ("budget_holder"));
  add_list (panel, resources, "budget_lines", _("Budget lines"));
  add_list (panel, resources, "payments", _("Payments and expenses"));
  add_form (panel, resources, _("Time and other resources"), KEYS ("staff_time", "other_resources"));
  add_form (panel, resources, NULL, KEYS ("compliance", "data_protection", "equality"));
}

static void
build_principles (GtkWidget   *panel,
                  CoproRecord *project)
{
  add_form (panel, copro_record_lookup (project, "plan.principles"), NULL, NULL);
}

static void
build_communications (GtkWidget   *panel,
                      CoproRecord *project)
{
  add_list (panel, copro_record_get_record (project, "plan"), "communications", _("Communications"));
}

static void
build_delivery (GtkWidget   *panel,
                CoproRecord *project)
{
  CoproRecord *delivery = copro_record_lookup (project, "plan.delivery");

  add_list (panel, delivery, "actions", _("Actions"));
  add_form (panel, delivery, _("Working together"), KEYS ("facilitation_support", "equal_voice"));
}

static void
build_evaluation (GtkWidget   *panel,
                  CoproRecord *project)
{
  add_form (panel, copro_record_lookup (project, "plan.evaluation"), _("Measuring the difference"), NULL);
}

static void
build_terms (GtkWidget   *panel,
             CoproRecord *project)
{
  CoproRecord *terms = copro_record_get_record (project, "terms_of_reference");

  add_form (panel, terms, _("The group"), KEYS ("group_name", "purpose", "remit_in", "remit_out"));
  add_form (panel, terms, _("Membership"), KEYS ("who_may_join", "group_size", "term"));
  add_list (panel, terms, "members", _("Members"));
  add_form (panel, terms, _("How the group works"),
            KEYS ("accountability", "meeting_frequency", "meeting_format", "quorum", "decisions",
                  "ground_rules", "confidentiality"));
  add_form (panel, terms, _("Support and access"), KEYS ("support", "recognition", "accessibility"));
  add_form (panel, terms, _("Dates"), KEYS ("date_agreed", "review_date"));
}

static void
build_review (GtkWidget   *panel,
              CoproRecord *project)
{
  add_list (panel, project, "activities", _("Activities"));
  add_group (panel, GROUP_TIMELINE, project, NULL, NULL, NULL);
  add_form (panel, copro_record_get_record (project, "reflection"), _("Looking back"), NULL);
}

static void
build_risks (GtkWidget   *panel,
             CoproRecord *project)
{
  add_list (panel, project, "risks", _("Risks"));
}

static void
build_signoff (GtkWidget   *panel,
               CoproRecord *project)
{
  add_list (panel, project, "approvals", _("Approvals"));
  add_list (panel, project, "history", _("Document history"));
}

GtkWidget *
copro_sections_build (const CoproSection *section,
                      CoproDocument      *document)
{
  static const struct {
    const char *name;
    void (*build) (GtkWidget *panel, CoproRecord *project);
  } builders[] = {
    { "overview", build_overview },
    { "outline", build_outline },
    { "resources", build_resources },
    { "principles", build_principles },
    { "communications", build_communications },
    { "delivery", build_delivery },
    { "evaluation", build_evaluation },
    { "terms", build_terms },
    { "review", build_review },
    { "risks", build_risks },
    { "signoff", build_signoff },
  };
  CoproRecord *project;
  GtkWidget *panel;

  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (COPRO_IS_DOCUMENT (document), NULL);

  if (g_str_equal (section->name, "partners"))
    return copro_partners_page_new (document, _(section->title), _(section->guidance));
  if (g_str_equal (section->name, "checks"))
    return copro_checks_panel_new (_(section->title), _(section->guidance));

  project = copro_document_get_project (document);
  panel = copro_panel_new (_(section->title),
                           section->part != NULL ? _(section->part) : NULL,
                           _(section->guidance));
  for (guint i = 0; i < G_N_ELEMENTS (builders); i++)
    if (g_str_equal (builders[i].name, section->name))
      builders[i].build (panel, project);
  return panel;
}
