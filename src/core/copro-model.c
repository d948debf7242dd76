/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The project document, described once. See SPEC "The project document". */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "copro-model.h"

#define E(k, l) { k, l }
#define END { NULL, NULL }

#define DEFINE_ENUM(var, name_, ...) \
  static const CoproEnumValue var##_values[] = { __VA_ARGS__, END }; \
  const CoproEnum var = { name_, var##_values }

DEFINE_ENUM (copro_enum_step, "step",
  E ("identify",    N_("1. Identify and outline")),
  E ("resources",   N_("2. Resources and compliance")),
  E ("recruit",     N_("3. Recruit the group")),
  E ("co-design",   N_("4. Co-design the activities")),
  E ("co-deliver",  N_("5. Co-deliver")),
  E ("co-evaluate", N_("6. Co-evaluate")));

DEFINE_ENUM (copro_enum_level, "level",
  E ("inform",     N_("Inform")),
  E ("educate",    N_("Educate")),
  E ("consult",    N_("Consult")),
  E ("engage",     N_("Engage")),
  E ("co-design",  N_("Co-design")),
  E ("co-produce", N_("Co-produce")));

DEFINE_ENUM (copro_enum_support, "management-support",
  E ("confirmed", N_("Confirmed")),
  E ("pending",   N_("Pending")),
  E ("no",        N_("Not given")));

DEFINE_ENUM (copro_enum_cost_head, "cost-head",
  E ("advertising",        N_("Advertising")),
  E ("venue-hire",         N_("Venue hire")),
  E ("refreshments",       N_("Refreshments")),
  E ("travel-expenses",    N_("Travel and expenses")),
  E ("payment-for-time",   N_("Payment for time")),
  E ("replacement-care",   N_("Care or replacement care")),
  E ("translation",        N_("Translation and interpreting")),
  E ("accessible-formats", N_("Accessible formats")),
  E ("training",           N_("Training")),
  E ("contingency",        N_("Contingency")),
  E ("other",              N_("Other")));

DEFINE_ENUM (copro_enum_compliance, "compliance-status",
  E ("not-started",    N_("Not started")),
  E ("in-progress",    N_("In progress")),
  E ("done",           N_("Done")),
  E ("not-applicable", N_("Not applicable")));

DEFINE_ENUM (copro_enum_lawful_basis, "lawful-basis",
  E ("consent",              N_("Consent")),
  E ("contract",             N_("Contract")),
  E ("legal-obligation",     N_("Legal obligation")),
  E ("vital-interests",      N_("Vital interests")),
  E ("public-task",          N_("Public task")),
  E ("legitimate-interests", N_("Legitimate interests")));

DEFINE_ENUM (copro_enum_assessment, "assessment-status",
  E ("not-started", N_("Not started")),
  E ("in-progress", N_("In progress")),
  E ("done",        N_("Done")),
  E ("not-needed",  N_("Not needed")));

DEFINE_ENUM (copro_enum_characteristic, "protected-characteristic",
  E ("age",                  N_("Age")),
  E ("disability",           N_("Disability")),
  E ("gender-reassignment",  N_("Gender reassignment")),
  E ("marriage-partnership", N_("Marriage and civil partnership")),
  E ("pregnancy-maternity",  N_("Pregnancy and maternity")),
  E ("race",                 N_("Race")),
  E ("religion-belief",      N_("Religion or belief")),
  E ("sex",                  N_("Sex")),
  E ("sexual-orientation",   N_("Sexual orientation")));

DEFINE_ENUM (copro_enum_rag, "rating",
  E ("red",   N_("Red: not yet")),
  E ("amber", N_("Amber: partly")),
  E ("green", N_("Green: yes")));

DEFINE_ENUM (copro_enum_task_status, "action-status",
  E ("not-started", N_("Not started")),
  E ("in-progress", N_("In progress")),
  E ("done",        N_("Done")),
  E ("cancelled",   N_("Cancelled")));

DEFINE_ENUM (copro_enum_partner_kind, "partner-kind",
  E ("individual",   N_("Individual")),
  E ("organisation", N_("Organisation")));

DEFINE_ENUM (copro_enum_sector, "sector",
  E ("council",             N_("Council")),
  E ("health-care",         N_("Health and care")),
  E ("voluntary-community", N_("Voluntary and community")),
  E ("community-group",     N_("Community group")),
  E ("lived-experience",    N_("Resident or person with lived experience")),
  E ("carer",               N_("Carer")),
  E ("business",            N_("Business")),
  E ("education",           N_("Education")),
  E ("elected-member",      N_("Elected member")),
  E ("other",               N_("Other")));

DEFINE_ENUM (copro_enum_contact_method, "contact-method",
  E ("email",     N_("Email")),
  E ("phone",     N_("Phone")),
  E ("text",      N_("Text message")),
  E ("post",      N_("Post")),
  E ("in-person", N_("In person")),
  E ("other",     N_("Other")));

/* How a logged contact was made (a partner's contact log), where
 * copro_enum_contact_method is the way a partner prefers. */
DEFINE_ENUM (copro_enum_contact_channel, "contact-channel",
  E ("email",   N_("Email")),
  E ("phone",   N_("Phone")),
  E ("letter",  N_("Letter")),
  E ("meeting", N_("Meeting")),
  E ("event",   N_("Event")),
  E ("visit",   N_("Visit")),
  E ("other",   N_("Other")));

DEFINE_ENUM (copro_enum_attitude, "attitude",
  E ("champion",  N_("Champion")),
  E ("supporter", N_("Supporter")),
  E ("neutral",   N_("Neutral")),
  E ("critic",    N_("Critic")),
  E ("blocker",   N_("Blocker")));

DEFINE_ENUM (copro_enum_partner_status, "partner-status",
  E ("identified", N_("Identified")),
  E ("approached", N_("Approached")),
  E ("interested", N_("Interested")),
  E ("active",     N_("Active")),
  E ("paused",     N_("Paused")),
  E ("withdrawn",  N_("Withdrawn")));

DEFINE_ENUM (copro_enum_access_need, "access-need",
  E ("large-print",     N_("Large print")),
  E ("easy-read",       N_("Easy read")),
  E ("bsl",             N_("British Sign Language interpreter")),
  E ("hearing-loop",    N_("Hearing loop")),
  E ("step-free",       N_("Step-free access")),
  E ("translation",     N_("Translation")),
  E ("digital-support", N_("Digital support")),
  E ("other",           N_("Other")));

DEFINE_ENUM (copro_enum_remuneration_offer, "remuneration-offer",
  E ("offered",     N_("Offered")),
  E ("accepted",    N_("Accepted")),
  E ("declined",    N_("Declined")),
  E ("not-offered", N_("Not offered")));

DEFINE_ENUM (copro_enum_remuneration_basis, "remuneration-basis",
  E ("per-hour",      N_("Per hour")),
  E ("per-session",   N_("Per session")),
  E ("per-day",       N_("Per day")),
  E ("voucher",       N_("Vouchers")),
  E ("expenses-only", N_("Expenses only")),
  E ("other",         N_("Other")));

DEFINE_ENUM (copro_enum_member_role, "member-role",
  E ("chair",        N_("Chair")),
  E ("deputy-chair", N_("Deputy chair")),
  E ("member",       N_("Member")),
  E ("secretariat",  N_("Secretariat")));

DEFINE_ENUM (copro_enum_feedback_status, "feedback-status",
  E ("open",         N_("Open")),
  E ("done",         N_("Done")),
  E ("not-possible", N_("Not possible")));

DEFINE_ENUM (copro_enum_risk_status, "risk-status",
  E ("open",      N_("Open")),
  E ("monitored", N_("Monitored")),
  E ("closed",    N_("Closed")));

DEFINE_ENUM (copro_enum_decision, "decision",
  E ("approved",                 N_("Approved")),
  E ("approved-with-conditions", N_("Approved with conditions")),
  E ("deferred",                 N_("Deferred")),
  E ("rejected",                 N_("Rejected")));

DEFINE_ENUM (copro_enum_attendance, "attendance-status",
  E ("invited",   N_("Invited")),
  E ("took-part", N_("Took part")),
  E ("apologies", N_("Sent apologies")));

DEFINE_ENUM (copro_enum_payment_kind, "payment-kind",
  E ("time",     N_("Payment for time")),
  E ("expenses", N_("Expenses claimed")));

DEFINE_ENUM (copro_enum_payment_method, "payment-method",
  E ("bank-transfer", N_("Bank transfer")),
  E ("voucher",       N_("Voucher")),
  E ("cash",          N_("Cash")),
  E ("other",         N_("Other")));

const char * const copro_principle_keys[4] = { "equality", "diversity", "accessibility", "reciprocity" };

/* Field constructors */
#define STR(k, l)      { k, COPRO_FIELD_STRING, l, NULL, NULL, 0, 0 }
#define TEXT(k, l)     { k, COPRO_FIELD_TEXT, l, NULL, NULL, 0, 0 }
#define EMAIL(k, l)    { k, COPRO_FIELD_EMAIL, l, NULL, NULL, 0, 0 }
#define INT(k, l, a, b) { k, COPRO_FIELD_INT, l, NULL, NULL, a, b }
#define MONEY(k, l)    { k, COPRO_FIELD_MONEY, l, NULL, NULL, 0, 0 }
#define DATE(k, l)     { k, COPRO_FIELD_DATE, l, NULL, NULL, 0, 0 }
#define ENUM(k, l, e)  { k, COPRO_FIELD_ENUM, l, &e, NULL, 0, 0 }
#define FLAGS(k, l, e) { k, COPRO_FIELD_FLAGS, l, &e, NULL, 0, 0 }
#define BOOL(k, l)     { k, COPRO_FIELD_BOOL, l, NULL, NULL, 0, 0 }
#define REF(k, l)      { k, COPRO_FIELD_REF, l, NULL, NULL, 0, 0 }
/* A reference to an item of another list than the partners: see CoproField. */
#define REF_TO(k, l, d) { k, COPRO_FIELD_REF, l, NULL, &d, 0, 0 }
#define RECORD(k, l, d) { k, COPRO_FIELD_RECORD, l, NULL, &d, 0, 0 }
#define LIST(k, l, d)  { k, COPRO_FIELD_LIST, l, NULL, &d, 0, 0 }

#define DEFINE_RECORD(var, type, label_, has_id_, ...) \
  static const CoproField var##_fields[] = { __VA_ARGS__ }; \
  const CoproRecordDesc var = { type, label_, has_id_, var##_fields, G_N_ELEMENTS (var##_fields) }

DEFINE_RECORD (copro_desc_overview, "CoproOverview", N_("Overview"), FALSE,
  STR   ("title",        N_("Project title")),
  STR   ("reference",    N_("Reference number")),
  STR   ("service_area", N_("Service area")),
  STR   ("lead_name",    N_("Lead officer")),
  STR   ("lead_role",    N_("Lead officer’s role")),
  EMAIL ("lead_email",   N_("Lead officer’s email")),
  STR   ("sponsor",      N_("Sponsor or manager")),
  DATE  ("start_date",   N_("Start date")),
  DATE  ("end_date",     N_("End date")),
  ENUM  ("current_step", N_("Current step"), copro_enum_step),
  ENUM  ("target_level", N_("Target level of involvement"), copro_enum_level),
  TEXT  ("summary",      N_("Short summary")));

DEFINE_RECORD (copro_desc_step_levels, "CoproStepLevels", N_("Intended level for each step"), FALSE,
  ENUM ("identify",    N_("1. Identify and outline"), copro_enum_level),
  ENUM ("resources",   N_("2. Resources and compliance"), copro_enum_level),
  ENUM ("recruit",     N_("3. Recruit the group"), copro_enum_level),
  ENUM ("co_design",   N_("4. Co-design the activities"), copro_enum_level),
  ENUM ("co_deliver",  N_("5. Co-deliver"), copro_enum_level),
  ENUM ("co_evaluate", N_("6. Co-evaluate"), copro_enum_level));

DEFINE_RECORD (copro_desc_outline, "CoproOutline", N_("Outline"), FALSE,
  TEXT   ("aims",                   N_("What do we want to achieve?")),
  TEXT   ("can_influence",          N_("What can people influence?")),
  TEXT   ("cannot_influence",       N_("What is not open to change?")),
  TEXT   ("in_scope",               N_("In scope")),
  TEXT   ("out_of_scope",           N_("Out of scope")),
  TEXT   ("success_measures",       N_("How will we know it worked?")),
  ENUM   ("management_support",     N_("Management support"), copro_enum_support),
  STR    ("management_support_who", N_("Who gives management support")),
  RECORD ("step_levels",            N_("Intended level for each step"), copro_desc_step_levels),
  TEXT   ("barriers",               N_("Barriers or challenges foreseen")),
  TEXT   ("experience",             N_("The team’s experience of co-production")),
  TEXT   ("training_needs",         N_("Training or help needed")));

DEFINE_RECORD (copro_desc_budget_line, "CoproBudgetLine", N_("Budget line"), TRUE,
  ENUM  ("cost_head",      N_("Cost head"), copro_enum_cost_head),
  STR   ("description",    N_("Description")),
  MONEY ("amount",         N_("Amount")),
  STR   ("funding_source", N_("Funding source")),
  STR   ("cost_code",      N_("Cost code")),
  FLAGS ("access_needs",   N_("Access needs it pays for"), copro_enum_access_need));

/* Payments for time and expenses claimed, by partner and activity, from a
 * budget line: personal data (see copro-payment.h). */
DEFINE_RECORD (copro_desc_payment, "CoproPayment", N_("Payment"), TRUE,
  REF    ("partner",     N_("Partner")),
  REF_TO ("activity",    N_("Activity"), copro_desc_activity),
  ENUM   ("kind",        N_("Payment or expenses"), copro_enum_payment_kind),
  MONEY  ("amount",      N_("Amount")),
  DATE   ("paid",        N_("Date paid")),
  ENUM   ("method",      N_("Method"), copro_enum_payment_method),
  REF_TO ("budget_line", N_("Budget line"), copro_desc_budget_line),
  TEXT   ("note",        N_("Note")));

DEFINE_RECORD (copro_desc_compliance_item, "CoproComplianceItem", N_("Compliance item"), FALSE,
  ENUM ("status",   N_("Status"), copro_enum_compliance),
  TEXT ("evidence", N_("Evidence or notes")));

DEFINE_RECORD (copro_desc_compliance, "CoproCompliance", N_("Compliance checklist"), FALSE,
  RECORD ("data_management",       N_("Data management"), copro_desc_compliance_item),
  RECORD ("equality_diversity",    N_("Equality and diversity"), copro_desc_compliance_item),
  RECORD ("remuneration",          N_("Remuneration"), copro_desc_compliance_item),
  RECORD ("accessibility",         N_("Accessibility"), copro_desc_compliance_item),
  RECORD ("consultation_protocol", N_("Consultation protocol"), copro_desc_compliance_item),
  RECORD ("safeguarding",          N_("Safeguarding"), copro_desc_compliance_item));

DEFINE_RECORD (copro_desc_data_protection, "CoproDataProtection", N_("Data protection"), FALSE,
  ENUM ("lawful_basis",     N_("Lawful basis for processing"), copro_enum_lawful_basis),
  BOOL ("special_category", N_("Special-category data held")),
  ENUM ("dpia_status",      N_("Data protection impact assessment"), copro_enum_assessment),
  TEXT ("notes",            N_("Data protection notes")));

DEFINE_RECORD (copro_desc_equality, "CoproEquality", N_("Equality"), FALSE,
  ENUM  ("eqia_status",     N_("Equality impact assessment"), copro_enum_assessment),
  FLAGS ("characteristics", N_("Protected characteristics affected"), copro_enum_characteristic),
  TEXT  ("notes",           N_("Equality notes")));

DEFINE_RECORD (copro_desc_resources, "CoproResources", N_("Resources and compliance"), FALSE,
  STR    ("budget_holder",   N_("Budget holder")),
  LIST   ("budget_lines",    N_("Budget"), copro_desc_budget_line),
  TEXT   ("staff_time",      N_("Staff time")),
  TEXT   ("other_resources", N_("Other resources")),
  RECORD ("compliance",      N_("Compliance checklist"), copro_desc_compliance),
  RECORD ("data_protection", N_("Data protection"), copro_desc_data_protection),
  RECORD ("equality",        N_("Equality"), copro_desc_equality),
  LIST   ("payments",        N_("Payments and expenses"), copro_desc_payment));

DEFINE_RECORD (copro_desc_principle, "CoproPrinciple", N_("Principle"), FALSE,
  TEXT ("how",    N_("How the project will meet it")),
  ENUM ("rating", N_("Self-rating"), copro_enum_rag),
  TEXT ("action", N_("What will be done to improve it")));

DEFINE_RECORD (copro_desc_principles, "CoproPrinciples", N_("Principles"), FALSE,
  RECORD ("equality",      N_("Equality"), copro_desc_principle),
  RECORD ("diversity",     N_("Diversity"), copro_desc_principle),
  RECORD ("accessibility", N_("Accessibility"), copro_desc_principle),
  RECORD ("reciprocity",   N_("Reciprocity"), copro_desc_principle));

DEFINE_RECORD (copro_desc_communication, "CoproCommunication", N_("Communication"), TRUE,
  STR  ("audience", N_("Audience")),
  TEXT ("message",  N_("Key message")),
  STR  ("method",   N_("Method")),
  STR  ("timing",   N_("When")),
  STR  ("owner",    N_("Owner")));

DEFINE_RECORD (copro_desc_action, "CoproAction", N_("Action"), TRUE,
  STR  ("description", N_("Action")),
  STR  ("owner",       N_("Owner")),
  DATE ("due_date",    N_("Due date")),
  ENUM ("status",      N_("Status"), copro_enum_task_status));

DEFINE_RECORD (copro_desc_delivery, "CoproDelivery", N_("Delivery"), FALSE,
  LIST ("actions",              N_("Actions"), copro_desc_action),
  TEXT ("facilitation_support", N_("Facilitation support needed")),
  TEXT ("equal_voice",          N_("How every voice gets equal weight")));

DEFINE_RECORD (copro_desc_evaluation, "CoproEvaluation", N_("Evaluation"), FALSE,
  TEXT ("impact_measures", N_("Impact measures agreed at the start")),
  TEXT ("progress_review", N_("How progress is reviewed")),
  TEXT ("sharing_results", N_("How results are shared")));

DEFINE_RECORD (copro_desc_plan, "CoproPlan", N_("Plan"), FALSE,
  RECORD ("outline",        N_("Outline"), copro_desc_outline),
  RECORD ("resources",      N_("Resources and compliance"), copro_desc_resources),
  RECORD ("principles",     N_("Principles"), copro_desc_principles),
  LIST   ("communications", N_("Communications"), copro_desc_communication),
  RECORD ("delivery",       N_("Delivery"), copro_desc_delivery),
  RECORD ("evaluation",     N_("Evaluation"), copro_desc_evaluation));

/* One entry of a partner's contact log; "activity" is the id of an item of
 * the top-level "activities" list (or of none left there). */
DEFINE_RECORD (copro_desc_contact, "CoproContact", N_("Contact"), TRUE,
  DATE ("date",      N_("Date")),
  ENUM ("method",    N_("How"), copro_enum_contact_channel),
  STR  ("made_by",   N_("Made by")),
  TEXT ("summary",   N_("Summary")),
  DATE ("follow_up", N_("Follow-up date")),
  REF_TO ("activity", N_("Activity"), copro_desc_activity));

DEFINE_RECORD (copro_desc_partner, "CoproPartner", N_("Partner"), TRUE,
  ENUM  ("kind",                  N_("Kind"), copro_enum_partner_kind),
  STR   ("name",                  N_("Name")),
  STR   ("organisation",          N_("Organisation")),
  STR   ("role",                  N_("Role")),
  ENUM  ("sector",                N_("Sector"), copro_enum_sector),
  EMAIL ("email",                 N_("Email")),
  STR   ("phone",                 N_("Phone")),
  ENUM  ("contact_method",        N_("Preferred contact method"), copro_enum_contact_method),
  INT   ("influence",             N_("Influence"), 1, 5),
  INT   ("interest",              N_("Interest"), 1, 5),
  ENUM  ("attitude",              N_("Attitude"), copro_enum_attitude),
  ENUM  ("level",                 N_("Intended level"), copro_enum_level),
  ENUM  ("status",                N_("Status"), copro_enum_partner_status),
  FLAGS ("access_needs",          N_("Accessibility and communication needs"), copro_enum_access_need),
  TEXT  ("access_notes",          N_("Other needs")),
  STR   ("language",              N_("Language")),
  BOOL  ("remuneration_eligible", N_("Eligible for remuneration")),
  ENUM  ("remuneration_offer",    N_("Remuneration"), copro_enum_remuneration_offer),
  ENUM  ("remuneration_basis",    N_("Remuneration basis"), copro_enum_remuneration_basis),
  MONEY ("remuneration_rate",     N_("Rate")),
  ENUM  ("lawful_basis",          N_("Lawful basis"), copro_enum_lawful_basis),
  DATE  ("consent_date",          N_("Consent date")),
  BOOL  ("privacy_notice",        N_("Privacy notice given")),
  DATE  ("review_date",           N_("Review or deletion date")),
  TEXT  ("notes",                 N_("Notes")),
  LIST  ("contacts",              N_("Contact log"), copro_desc_contact));

DEFINE_RECORD (copro_desc_recruitment, "CoproRecruitment", N_("Recruitment checklist"), FALSE,
  TEXT ("affected",               N_("Who does the project affect?")),
  TEXT ("reach",                  N_("How will we reach them?")),
  TEXT ("accessible_information", N_("How will we make information accessible?")),
  TEXT ("support_training",       N_("What support or training is offered?")),
  TEXT ("remuneration",           N_("What remuneration is offered?")));

DEFINE_RECORD (copro_desc_member, "CoproMember", N_("Member"), TRUE,
  REF  ("partner", N_("Partner")),
  ENUM ("role",    N_("Role in the group"), copro_enum_member_role));

DEFINE_RECORD (copro_desc_terms, "CoproTerms", N_("Terms of reference"), FALSE,
  STR  ("group_name",        N_("Group name")),
  TEXT ("purpose",           N_("Purpose")),
  TEXT ("remit_in",          N_("Within the group’s remit")),
  TEXT ("remit_out",         N_("Outside the group’s remit")),
  TEXT ("who_may_join",      N_("Who may join")),
  STR  ("group_size",        N_("Size of the group")),
  STR  ("term",              N_("Term of membership")),
  LIST ("members",           N_("Members"), copro_desc_member),
  TEXT ("accountability",    N_("Accountability and reporting")),
  STR  ("meeting_frequency", N_("How often the group meets")),
  STR  ("meeting_format",    N_("Meeting format")),
  STR  ("quorum",            N_("Quorum")),
  TEXT ("decisions",         N_("How decisions are made and disagreements settled")),
  TEXT ("ground_rules",      N_("Ground rules")),
  TEXT ("confidentiality",   N_("Confidentiality")),
  TEXT ("support",           N_("Support and training")),
  TEXT ("recognition",       N_("Recognition, payment and expenses")),
  TEXT ("accessibility",     N_("Accessibility arrangements")),
  DATE ("date_agreed",       N_("Date agreed")),
  DATE ("review_date",       N_("Date of next review")));

DEFINE_RECORD (copro_desc_feedback, "CoproFeedback", N_("Feedback"), TRUE,
  TEXT ("we_asked", N_("We asked")),
  TEXT ("you_said", N_("You said")),
  TEXT ("we_did",   N_("We did")),
  ENUM ("status",   N_("Status"), copro_enum_feedback_status),
  TEXT ("reason",   N_("Why it was not possible")),
  DATE ("sent_date", N_("Sent to the people who took part on")));

DEFINE_RECORD (copro_desc_attendance, "CoproAttendance", N_("Attendance"), TRUE,
  REF  ("partner", N_("Partner")),
  ENUM ("status",  N_("Attendance"), copro_enum_attendance));

DEFINE_RECORD (copro_desc_activity, "CoproActivity", N_("Activity"), TRUE,
  STR   ("title",          N_("Title")),
  DATE  ("start_date",     N_("Start date")),
  DATE  ("end_date",       N_("End date")),
  ENUM  ("step",           N_("Step"), copro_enum_step),
  STR   ("method",         N_("Method")),
  ENUM  ("level_planned",  N_("Level planned"), copro_enum_level),
  ENUM  ("level_achieved", N_("Level achieved"), copro_enum_level),
  STR   ("facilitator",    N_("Facilitator")),
  INT   ("participants",   N_("People taking part"), 0, 1000000),
  MONEY ("cost",           N_("Cost")),
  TEXT  ("adjustments",    N_("Adjustments made for access")),
  FLAGS ("access_provided", N_("Access needs provided for"), copro_enum_access_need),
  TEXT  ("what_worked",    N_("What worked")),
  TEXT  ("what_to_change", N_("What to change")),
  TEXT  ("lessons",        N_("Lessons learned")),
  LIST  ("feedback",       N_("We asked, you said, we did"), copro_desc_feedback),
  LIST  ("attendance",     N_("Attendance"), copro_desc_attendance));

DEFINE_RECORD (copro_desc_reflection, "CoproReflection", N_("Reflection"), FALSE,
  ENUM ("equality",      N_("Equality"), copro_enum_rag),
  ENUM ("diversity",     N_("Diversity"), copro_enum_rag),
  ENUM ("accessibility", N_("Accessibility"), copro_enum_rag),
  ENUM ("reciprocity",   N_("Reciprocity"), copro_enum_rag),
  TEXT ("difference",    N_("The difference the involvement made")));

DEFINE_RECORD (copro_desc_risk, "CoproRisk", N_("Risk"), TRUE,
  TEXT ("description", N_("Risk")),
  INT  ("likelihood",  N_("Likelihood"), 1, 5),
  INT  ("impact",      N_("Impact"), 1, 5),
  STR  ("owner",       N_("Owner")),
  TEXT ("mitigation",  N_("Mitigation")),
  ENUM ("status",      N_("Status"), copro_enum_risk_status));

DEFINE_RECORD (copro_desc_signoff, "CoproSignOff", N_("Sign-off"), FALSE,
  DATE ("requested",      N_("Sign-off requested on")),
  STR  ("requested_from", N_("Sign-off asked of")));

DEFINE_RECORD (copro_desc_approval, "CoproApproval", N_("Approval"), TRUE,
  STR  ("name",       N_("Name")),
  STR  ("role",       N_("Role")),
  ENUM ("decision",   N_("Decision"), copro_enum_decision),
  DATE ("date",       N_("Date")),
  TEXT ("conditions", N_("Conditions")));

DEFINE_RECORD (copro_desc_history, "CoproHistoryEntry", N_("Document history entry"), TRUE,
  STR  ("version", N_("Version")),
  DATE ("date",    N_("Date")),
  STR  ("author",  N_("Author")),
  TEXT ("summary", N_("Summary of change")));

DEFINE_RECORD (copro_desc_project, "CoproProject", N_("Project"), FALSE,
  RECORD ("overview",           N_("Overview"), copro_desc_overview),
  RECORD ("plan",               N_("Plan"), copro_desc_plan),
  RECORD ("recruitment",        N_("Recruitment checklist"), copro_desc_recruitment),
  LIST   ("partners",           N_("Partners"), copro_desc_partner),
  RECORD ("terms_of_reference", N_("Terms of reference"), copro_desc_terms),
  LIST   ("activities",         N_("Activities"), copro_desc_activity),
  RECORD ("reflection",         N_("Reflection"), copro_desc_reflection),
  LIST   ("risks",              N_("Risks"), copro_desc_risk),
  RECORD ("signoff",            N_("Sign-off"), copro_desc_signoff),
  LIST   ("approvals",          N_("Approvals"), copro_desc_approval),
  LIST   ("history",            N_("Document history"), copro_desc_history));

static const CoproRecordDesc * const all_descs[] = {
  &copro_desc_project, &copro_desc_overview, &copro_desc_plan, &copro_desc_outline,
  &copro_desc_step_levels, &copro_desc_resources, &copro_desc_budget_line,
  &copro_desc_compliance, &copro_desc_compliance_item, &copro_desc_data_protection,
  &copro_desc_equality, &copro_desc_principles, &copro_desc_principle,
  &copro_desc_communication, &copro_desc_delivery, &copro_desc_action,
  &copro_desc_evaluation, &copro_desc_partner, &copro_desc_recruitment,
  &copro_desc_terms, &copro_desc_member, &copro_desc_activity, &copro_desc_feedback,
  &copro_desc_reflection, &copro_desc_risk, &copro_desc_signoff, &copro_desc_approval, &copro_desc_history,
  &copro_desc_contact, &copro_desc_attendance, &copro_desc_payment,
};

const CoproRecordDesc * const *
copro_model_all_descs (guint *n_descs)
{
  *n_descs = G_N_ELEMENTS (all_descs);
  return all_descs;
}

/* Enumeration helpers */

const char *
copro_enum_label (const CoproEnum *enumeration,
                  const char      *key)
{
  int i = copro_enum_index (enumeration, key);

  if (i < 0)
    return "";
  return g_dgettext (GETTEXT_PACKAGE, enumeration->values[i].label);
}

int
copro_enum_index (const CoproEnum *enumeration,
                  const char      *key)
{
  g_return_val_if_fail (enumeration != NULL, -1);

  if (key == NULL)
    return -1;
  for (int i = 0; enumeration->values[i].key != NULL; i++)
    if (strcmp (enumeration->values[i].key, key) == 0)
      return i;
  return -1;
}

guint
copro_enum_n_values (const CoproEnum *enumeration)
{
  guint n = 0;

  while (enumeration->values[n].key != NULL)
    n++;
  return n;
}

/* Matches a key or the English label, ignoring case and surrounding space;
 * used by the CSV importer. Returns the key, or NULL. */
const char *
copro_enum_match (const CoproEnum *enumeration,
                  const char      *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;
  folded = g_utf8_casefold (text, -1);
  g_strstrip (folded);
  for (int i = 0; enumeration->values[i].key != NULL; i++)
    {
      g_autofree char *label = g_utf8_casefold (enumeration->values[i].label, -1);

      if (g_str_equal (folded, enumeration->values[i].key) || g_str_equal (folded, label))
        return enumeration->values[i].key;
    }
  return NULL;
}

const CoproField *
copro_record_desc_find_field (const CoproRecordDesc *desc,
                              const char            *key)
{
  for (guint i = 0; i < desc->n_fields; i++)
    if (strcmp (desc->fields[i].key, key) == 0)
      return &desc->fields[i];
  return NULL;
}
