/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "copro-field.h"
#include "copro-record.h"

G_BEGIN_DECLS

/* Enumerations, each with stable keys and translatable labels. */
extern const CoproEnum copro_enum_step;
extern const CoproEnum copro_enum_level;
extern const CoproEnum copro_enum_support;
extern const CoproEnum copro_enum_cost_head;
extern const CoproEnum copro_enum_compliance;
extern const CoproEnum copro_enum_lawful_basis;
extern const CoproEnum copro_enum_assessment;
extern const CoproEnum copro_enum_characteristic;
extern const CoproEnum copro_enum_rag;
extern const CoproEnum copro_enum_task_status;
extern const CoproEnum copro_enum_partner_kind;
extern const CoproEnum copro_enum_sector;
extern const CoproEnum copro_enum_contact_method;
extern const CoproEnum copro_enum_contact_channel;
extern const CoproEnum copro_enum_attitude;
extern const CoproEnum copro_enum_partner_status;
extern const CoproEnum copro_enum_access_need;
extern const CoproEnum copro_enum_remuneration_offer;
extern const CoproEnum copro_enum_remuneration_basis;
extern const CoproEnum copro_enum_member_role;
extern const CoproEnum copro_enum_feedback_status;
extern const CoproEnum copro_enum_risk_status;
extern const CoproEnum copro_enum_decision;
extern const CoproEnum copro_enum_attendance;
extern const CoproEnum copro_enum_payment_kind;
extern const CoproEnum copro_enum_payment_method;

/* Record types: one description each, see copro-model.c. */
extern const CoproRecordDesc copro_desc_project;
extern const CoproRecordDesc copro_desc_overview;
extern const CoproRecordDesc copro_desc_plan;
extern const CoproRecordDesc copro_desc_outline;
extern const CoproRecordDesc copro_desc_step_levels;
extern const CoproRecordDesc copro_desc_resources;
extern const CoproRecordDesc copro_desc_budget_line;
extern const CoproRecordDesc copro_desc_compliance;
extern const CoproRecordDesc copro_desc_compliance_item;
extern const CoproRecordDesc copro_desc_data_protection;
extern const CoproRecordDesc copro_desc_equality;
extern const CoproRecordDesc copro_desc_principles;
extern const CoproRecordDesc copro_desc_principle;
extern const CoproRecordDesc copro_desc_communication;
extern const CoproRecordDesc copro_desc_delivery;
extern const CoproRecordDesc copro_desc_action;
extern const CoproRecordDesc copro_desc_evaluation;
extern const CoproRecordDesc copro_desc_partner;
extern const CoproRecordDesc copro_desc_recruitment;
extern const CoproRecordDesc copro_desc_terms;
extern const CoproRecordDesc copro_desc_member;
extern const CoproRecordDesc copro_desc_activity;
extern const CoproRecordDesc copro_desc_feedback;
extern const CoproRecordDesc copro_desc_reflection;
extern const CoproRecordDesc copro_desc_risk;
extern const CoproRecordDesc copro_desc_signoff;
extern const CoproRecordDesc copro_desc_approval;
extern const CoproRecordDesc copro_desc_history;
extern const CoproRecordDesc copro_desc_contact;
extern const CoproRecordDesc copro_desc_attendance;
extern const CoproRecordDesc copro_desc_payment;

/* GTypes of the record descriptions above, registered on first use. */
#define COPRO_TYPE_PROJECT   (copro_record_desc_get_type (&copro_desc_project))
#define COPRO_TYPE_PARTNER   (copro_record_desc_get_type (&copro_desc_partner))
#define COPRO_TYPE_ACTIVITY  (copro_record_desc_get_type (&copro_desc_activity))
#define COPRO_TYPE_RISK      (copro_record_desc_get_type (&copro_desc_risk))

/* Every record description, for the schema writer and tests. */
const CoproRecordDesc * const *copro_model_all_descs (guint *n_descs);

/* The four principles, as member keys of the principles and reflection records. */
extern const char * const copro_principle_keys[4];

G_END_DECLS
