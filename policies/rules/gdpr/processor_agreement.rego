# METADATA
# title: A processor agreement is in force, with the content of GDPR art. 28(3)
# description: >-
#   Where the vendor processes personal data for the buyer as processor, a processor agreement
#   meeting GDPR art. 28(3) must be in force with the contract: incorporated, attached, or signed
#   separately. One available only on request, a standard text on the vendor's website, or none at
#   all does not meet the playbook. When the deal has the processor agreement encoded, each element
#   of art. 28(3) is checked: the particulars of its first sentence (subject matter, duration,
#   nature and purpose, types of personal data, categories of data subjects) and points (a) to (h);
#   a finding names each missing element by its letter. Audits only through the vendor's own
#   reports do not meet point (h), which asks for audits "including inspections". When the deal
#   names a processor agreement it does not provide, the finding says where it is referred to.
# custom:
#   id: gdpr/processor-agreement
#   severity: error
#   references:
#     - GDPR art. 28(3) (processing governed by a contract with the required content)
#     - GDPR art. 28(9) (the contract in writing, including electronic form)
#   remediation: >-
#     Have the vendor's processor agreement (verwerkersovereenkomst) attached to the contract and
#     signed at the same time, or attach the buyer's own; have every missing element of art. 28(3)
#     added.
package termlint.rules.gdpr.processor_agreement

import data.termlint.lib
import data.termlint.lib.deal
import data.termlint.lib.gdpr

params := data.termlint.params.gdpr.processor_agreement

dp := input.data_protection

dpa := deal.dpa

processor_roles := {"processor", "both", "not_stated"}

# Not applicable when the document says the vendor is only a controller or processes no
# personal data for the buyer, unless the deal has a processor agreement to check.
default applies := true

applies := false if {
	not dpa
	dp.role.value == "controller"
}

applies := false if {
	not dpa
	lib.absent(dp)
}

processor if dp.role.value in processor_roles

# Read from the main terms only: the deal neither has the processor agreement encoded nor says
# that it is missing.
terms_only if {
	not dpa
	not deal.missing("dpa")
}

deny contains lib.finding(msg, ["data_protection", "processor_agreement"]) if {
	terms_only
	processor
	form := dp.processor_agreement.form
	not form in params.accepted
	msg := sprintf(
		"%sthe processor agreement is %s (accepted: %s)",
		[gdpr.presumed_prefix(dp), form_words(form, dp.processor_agreement.src), accepted_words],
	)
	not lib.unclear(["data_protection", "processor_agreement"])
}

deny contains lib.finding(msg, ["data_protection", "processor_agreement"]) if {
	terms_only
	processor
	lib.absent(dp.processor_agreement)
	msg := no_agreement_words
	not lib.unclear(["data_protection", "processor_agreement"])
}

# The deal names the processor agreement but does not have it: say where it is referred to.
deny contains lib.finding(msg, ["data_protection"]) if {
	not dpa
	processor
	deal.status("dpa") == "on_request"
	msg := sprintf(
		concat("", [
			"the processor agreement is referred to%s but is available only on request: it is ",
			"not supplied with the terms, so whether it meets GDPR art. 28(3) cannot be checked (accepted: %s)",
		]),
		[deal.reference("dpa"), accepted_words],
	)
	not lib.unclear(["data_protection"])
}

deny contains lib.finding(msg, ["data_protection", "processor_agreement"]) if {
	not dpa
	processor
	deal.status("dpa") == "not_provided"
	form := dp.processor_agreement.form
	not form in params.accepted
	msg := sprintf(
		concat("", [
			"the processor agreement is referred to%s but is not provided, and it is %s ",
			"(accepted: %s)",
		]),
		[deal.reference("dpa"), form_words(form, dp.processor_agreement.src), accepted_words],
	)
	not lib.unclear(["data_protection", "processor_agreement"])
}

deny contains lib.finding(sprintf("%s: no %s", [element(key), g.what]), ["dpa", key]) if {
	some key, g in groups
	lib.absent(dpa[key])
	not lib.unclear(["dpa", key])
}

deny contains lib.finding(sprintf("%s: no %s", [element(key), words]), ["dpa", key, field]) if {
	some key, fs in fields
	lib.stated(dpa[key])
	some field, words in fs
	dpa[key][field] == false
	not lib.unclear(["dpa", key, field])
}

deny contains lib.finding(
	"art. 28(3)(d): the vendor may engage sub-processors without the buyer's authorisation (art. 28(2))",
	["dpa", "sub_processors", "authorisation"],
) if {
	dpa.sub_processors.authorisation == "none"
	not lib.unclear(["dpa", "sub_processors", "authorisation"])
}

deny contains lib.finding(
	"art. 28(3)(d): sub-processors under a general authorisation, but the buyer cannot object to changes (art. 28(2))",
	["dpa", "sub_processors", "objection"],
) if {
	dpa.sub_processors.authorisation == "general_written"
	dpa.sub_processors.objection == false
	not lib.unclear(["dpa", "sub_processors", "objection"])
}

deny contains lib.finding(msg, ["dpa", "compliance_assistance", "articles"]) if {
	arts := dpa.compliance_assistance.articles
	covered := {a | some a in arts}
	missing := [sprintf("art. %s (%s)", [a, w]) | some a, w in assisted_articles; not a in covered]
	count(missing) > 0
	msg := sprintf("art. 28(3)(f): no assistance with the buyer's obligations under %s", [lib.and_labels(missing)])
	not lib.unclear(["dpa", "compliance_assistance", "articles"])
}

deny contains lib.finding(msg, ["dpa", "deletion", "choice"]) if {
	choice := dpa.deletion.choice
	choice != "controller_choice"
	msg := sprintf("art. 28(3)(g): the buyer does not choose between deletion and return: %s", [choice_words[choice]])
	not lib.unclear(["dpa", "deletion", "choice"])
}

deny contains lib.finding(msg, ["dpa", "audits", "audits"]) if {
	msg := audit_words[dpa.audits.audits]
	not lib.unclear(["dpa", "audits", "audits"])
}

unknown contains lib.finding("data protection has not been encoded", []) if {
	not dpa
	not dp
}

# An unclear data-protection section may hold the role and the agreement whatever it records.
unknown contains lib.finding(lib.reason(dp, "the data-protection clause"), ["data_protection"]) if {
	not dpa
	lib.ambiguous(dp)
}

unknown contains lib.finding("the vendor's role under the GDPR has not been encoded", ["data_protection"]) if {
	not dpa
	lib.stated(dp)
	not dp.role
}

unknown contains lib.finding(
	lib.reason(dp.role, "the vendor's GDPR role"),
	["data_protection", "role"],
) if {
	not dpa
	lib.ambiguous(dp.role)
}

unknown contains lib.finding("the processor agreement has not been encoded", ["data_protection"]) if {
	terms_only
	processor
	not dp.processor_agreement
}

unknown contains lib.finding(
	lib.reason(dp.processor_agreement, "the processor agreement"),
	["data_protection", "processor_agreement"],
) if {
	terms_only
	lib.ambiguous(dp.processor_agreement)
}

unknown contains lib.finding(msg, ["data_protection"]) if {
	not dpa
	processor
	deal.status("dpa") == "not_provided"
	not form_fails_alone
	msg := sprintf(
		"the processor agreement is referred to%s but is not provided; a person must check it against GDPR art. 28(3)",
		[deal.reference("dpa")],
	)
}

unknown contains lib.finding(sprintf("%s (%s) has not been encoded", [element(key), g.what]), ["dpa"]) if {
	dpa
	some key, g in groups
	not dpa[key]
}

unknown contains lib.finding(lib.reason(dpa[key], sprintf("%s (%s)", [element(key), g.what])), ["dpa", key]) if {
	some key, g in groups
	lib.ambiguous(dpa[key])
}

unknown contains lib.finding(msg, ["dpa", key]) if {
	some key, fs in fields
	lib.stated(dpa[key])
	some field, words in fs
	not lib.has_key(dpa[key], field)
	msg := sprintf("%s: nothing has been encoded for the %s", [element(key), words])
}

unknown contains lib.finding(
	"art. 28(3)(d): sub-processors under a general authorisation, but whether the buyer may object has not been encoded",
	["dpa", "sub_processors"],
) if {
	dpa.sub_processors.authorisation == "general_written"
	not lib.has_key(dpa.sub_processors, "objection")
}

# When the processor agreement is encoded, each element of art. 28(3) is checked.

# groups: the fact group of each element, its letter ("" for the first sentence) and what it is.

groups := {
	"processing_details": {"letter": "", "what": concat("", [
		"subject matter, duration, nature and purpose of the processing, types of personal data or ",
		"categories of data subjects",
	])},
	"instructions": {"letter": "(a)", "what": "processing only on the buyer's documented instructions"},
	"confidentiality": {"letter": "(b)", "what": "commitment of the persons processing the data to confidentiality"},
	"security": {"letter": "(c)", "what": "commitment to the security measures of art. 32"},
	"sub_processors": {"letter": "(d)", "what": "conditions for engaging sub-processors"},
	"data_subject_requests": {"letter": "(e)", "what": "assistance with data subjects' requests"},
	"compliance_assistance": {"letter": "(f)", "what": "assistance with the buyer's obligations under arts. 32 to 36"},
	"deletion": {"letter": "(g)", "what": "deletion or return of the data at the end, at the buyer's choice"},
	"audits": {"letter": "(h)", "what": "information and audits, including inspections, for the buyer"},
}

# fields each element needs, stated true, and the words for the one that is missing.

fields := {
	"processing_details": {
		"subject_matter": "subject matter of the processing",
		"duration": "duration of the processing",
		"nature_and_purpose": "nature and purpose of the processing",
		"personal_data": "types of personal data",
		"data_subjects": "categories of data subjects",
	},
	"instructions": {
		"documented": "processing only on the buyer's documented instructions",
		"transfers": "instructions covering transfers to third countries",
	},
	"confidentiality": {"staff_committed": "commitment of the persons processing the data to confidentiality"},
	"security": {"art_32": "commitment to the security measures of art. 32"},
	"sub_processors": {
		"authorisation": "authorisation regime for sub-processors (art. 28(2))",
		"flow_down": "flow-down of the same obligations to sub-processors (art. 28(4))",
		"vendor_liable": "liability of the vendor for its sub-processors (art. 28(4))",
	},
	"data_subject_requests": {"assists": "assistance with data subjects' requests"},
	"compliance_assistance": {"articles": "assistance with the buyer's obligations under arts. 32 to 36"},
	"deletion": {"choice": "choice of the buyer between deletion and return at the end"},
	"audits": {
		"information": "information to demonstrate compliance",
		"audits": "audits, including inspections, by the buyer",
	},
}

element(key) := sprintf("art. 28(3)%s", [groups[key].letter])

assisted_articles := {
	"32": "security of processing",
	"33": "notifying a breach to the authority",
	"34": "informing data subjects of a breach",
	"35": "impact assessments",
	"36": "prior consultation",
}

choice_words := {
	"delete": "the vendor deletes the data",
	"return": "the vendor returns the data",
	"vendor_choice": "the vendor chooses",
}

audit_words := {
	"none": "art. 28(3)(h): no audits or inspections by the buyer",
	"reports_only": concat("", [
		"art. 28(3)(h): the buyer may audit only through the vendor's own reports and questionnaires, ",
		"not by inspections",
	]),
}

# form_fails_alone: the main terms' form of the agreement fails whatever the agreement says, so the
# missing agreement adds no open question.
form_fails_alone if {
	form := dp.processor_agreement.form
	not form in params.accepted
}

# no_agreement_words: a role the terms do not state is a presumption, and the message says so.
no_agreement_words := sprintf("%sthe document provides no processor agreement", [gdpr.presumed_prefix(dp)]) if {
	gdpr.presumed(dp)
} else := "the vendor processes personal data as processor but the document provides no processor agreement"

# form_words: what a form of processor agreement the playbook does not accept leaves the buyer with.
form_words(form, src) := sprintf(
	"a separate document made available only on request%s: it is not supplied with the terms, so %s",
	[lib.arts_note(src), "whether it meets GDPR art. 28(3) cannot be checked"],
) if {
	form == "separate_on_request"
} else := sprintf(
	"the vendor's standard text on its website%s: it is not attached to or signed with the contract",
	[lib.arts_note(src)],
) if {
	form == "vendor_standard_online"
} else := lib.label(form)

accepted_words := lib.or_labels(params.accepted)
