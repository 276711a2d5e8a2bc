# METADATA
# title: Sub-processors only with the buyer's authorisation
# description: >-
#   Where the vendor processes personal data for the buyer as processor, it may engage
#   sub-processors only with the buyer's prior specific authorisation, or under a general
#   authorisation with notice of each change and a right for the buyer to object. A vendor that
#   engages them freely or only notifies the buyer does not meet the playbook, nor does a document
#   silent on sub-processors. If the terms are silent but refer to a separate processor agreement
#   that has not been encoded, that agreement may regulate them: a person must check it (unknown).
#   When the deal has the processor agreement encoded, its sub-processor clause is what counts: a
#   general written authorisation meets the playbook only with a right to object, and the
#   processor must flow the same obligations down and stay liable for its sub-processors.
#   Not applicable where the vendor is only a controller or processes no personal data for the buyer.
# custom:
#   id: gdpr/sub-processors
#   severity: error
#   references:
#     - GDPR art. 28(2) (no other processor without the controller's prior specific or general written authorisation;
#       notice of changes and a right to object)
#     - GDPR art. 28(4) (the same data-protection obligations flow down to the sub-processor)
#   remediation: >-
#     Require the buyer's prior written authorisation for sub-processors, or a list of approved
#     sub-processors with advance notice of any change and a right to object (and to terminate
#     without cost if the objection is not met), with art. 28(4) flow-down.
package termlint.rules.gdpr.sub_processors

import data.termlint.lib
import data.termlint.lib.deal
import data.termlint.lib.gdpr

params := data.termlint.params.gdpr.sub_processors

dp := input.data_protection

sub := dp.sub_processors

processor_roles := {"processor", "both", "not_stated"}

# Processor-agreement forms kept outside the encoded document: silence in these terms does not
# mean the separate agreement is silent too.
separate_forms := {"separate_signed", "separate_on_request", "vendor_standard_online"}

# The processor agreement's clause, when the deal has the agreement encoded.
dsub := deal.dpa.sub_processors

default applies := true

applies := false if {
	not deal.dpa
	dp.role.value == "controller"
}

applies := false if {
	not deal.dpa
	lib.absent(dp)
}

# processor: the main terms make the vendor a processor, and the deal has no processor agreement
# encoded (which would speak for itself), or one that the deal does not make prevail over the terms'
# own sub-processor clause: then the terms' clause binds too, and is judged.
processor if {
	not deal.dpa
	dp.role.value in processor_roles
}

processor if {
	deal.dpa
	lib.stated(sub)
	not deal.prevails_over_terms("dpa")
	dp.role.value in processor_roles
}

deny contains lib.finding(msg, ["data_protection", "sub_processors", "regime"]) if {
	processor
	regime := sub.regime
	not regime in params.accepted
	msg := sprintf("%s%s; the playbook accepts only %s", [gdpr.presumed_prefix(dp), regime_words[regime], accepted_words])
	not lib.unclear(["data_protection", "sub_processors", "regime"])
}

deny contains lib.finding(msg, ["data_protection", "sub_processors"]) if {
	processor
	lib.absent(sub)
	not dp_elsewhere
	msg := sprintf("%s; the playbook requires %s", [silent_words, accepted_words])
	not lib.unclear(["data_protection", "sub_processors"])
}

deny contains lib.finding(msg, ["dpa", "sub_processors", "authorisation"]) if {
	regime := dpa_regime
	not regime in params.accepted
	msg := sprintf("the processor agreement: %s; the playbook accepts only %s", [regime_words[regime], accepted_words])
	not lib.unclear(["dpa", "sub_processors", "authorisation"])
}

deny contains lib.finding(
	"the processor agreement does not regulate sub-processors; the playbook requires the buyer's authorisation",
	["dpa", "sub_processors"],
) if {
	lib.absent(dsub)
	not lib.unclear(["dpa", "sub_processors"])
}

deny contains lib.finding(obligation_words[field], ["dpa", "sub_processors", field]) if {
	some field in ["flow_down", "vendor_liable"]
	dsub[field] == false
	not lib.unclear(["dpa", "sub_processors", field])
}

unknown contains lib.finding(msg, ["data_protection", "sub_processors"]) if {
	processor
	lib.absent(sub)
	dp_elsewhere
	msg := sprintf(
		concat("", [
			"these terms do not regulate sub-processors, but the processor agreement %s; a person must check its ",
			"sub-processor clause",
		]),
		[pa_words],
	)
}

unknown contains lib.finding("data protection has not been encoded", []) if {
	not deal.dpa
	not dp
}

unknown contains lib.finding(lib.reason(dp, "the data-protection clause"), ["data_protection"]) if {
	not deal.dpa
	lib.ambiguous(dp)
}

unknown contains lib.finding("the vendor's role under the GDPR has not been encoded", ["data_protection"]) if {
	lib.stated(dp)
	not dp.role
}

unknown contains lib.finding(
	lib.reason(dp.role, "the vendor's GDPR role"),
	["data_protection", "role"],
) if lib.ambiguous(dp.role)

unknown contains lib.finding("the use of sub-processors has not been encoded", ["data_protection"]) if {
	processor
	not sub
}

unknown contains lib.finding(lib.reason(sub, "the use of sub-processors"), ["data_protection", "sub_processors"]) if {
	processor
	lib.ambiguous(sub)
}

unknown contains lib.finding(
	"the use of sub-processors is recorded without its regime",
	["data_protection", "sub_processors"],
) if {
	processor
	lib.stated(sub)
	not sub.regime
}

unknown contains lib.finding(
	"the processor agreement is encoded without its sub-processor clause",
	["dpa"],
) if {
	deal.dpa
	not dsub
}

unknown contains lib.finding(
	lib.reason(dsub, "the processor agreement's sub-processor clause"),
	["dpa", "sub_processors"],
) if {
	lib.ambiguous(dsub)
}

unknown contains lib.finding(
	concat("", [
		"the processor agreement allows sub-processors under a general authorisation, but whether the buyer may ",
		"object has not been encoded",
	]),
	["dpa", "sub_processors"],
) if {
	dsub.authorisation == "general_written"
	not lib.has_key(dsub, "objection")
}

unknown contains lib.finding(
	"the processor agreement's sub-processor clause is recorded without its authorisation regime",
	["dpa", "sub_processors"],
) if {
	lib.stated(dsub)
	not dsub.authorisation
}

# The processor agreement is, or may be, a document of its own that was not encoded.
dp_elsewhere if dp.processor_agreement.form in separate_forms

dp_elsewhere if lib.ambiguous(dp.processor_agreement)

dp_elsewhere if {
	lib.stated(dp)
	not dp.processor_agreement
}

dp_elsewhere if deal.missing("dpa")

pa_words := sprintf("is referred to%s but %s", [deal.reference("dpa"), deal.missing_words("dpa")]) if {
	deal.missing("dpa")
} else := sprintf("(%s) is a separate document that has not been encoded", [pa_form])

pa_form := lib.label(dp.processor_agreement.form) if dp.processor_agreement.form

else := "not encoded"

# dpa_regime: the processor agreement's regime in the terms of params.accepted.
dpa_regime := {"prior_specific": "prior_specific", "none": "free"}[dsub.authorisation]

dpa_regime := "general_with_objection" if {
	dsub.authorisation == "general_written"
	dsub.objection == true
}

dpa_regime := "notice_only" if {
	dsub.authorisation == "general_written"
	dsub.objection == false
}

obligation_words := {
	"flow_down": concat("", [
		"the processor agreement does not impose the same data-protection obligations on sub-processors ",
		"(art. 28(4))",
	]),
	"vendor_liable": "the processor agreement does not keep the vendor fully liable for its sub-processors (art. 28(4))",
}

regime_words := {
	"prior_specific": "sub-processors need the buyer's prior specific authorisation",
	"general_with_objection": "sub-processors are allowed under a general authorisation with notice and a right to object",
	"notice_only": "the vendor only notifies the buyer of sub-processors, and the buyer cannot object",
	"free": "the vendor may engage sub-processors freely, without the buyer's authorisation, notice or right to object",
}

regime_names := {
	"prior_specific": "the buyer's prior specific authorisation",
	"general_with_objection": "a general authorisation with notice and a right to object",
	"notice_only": "notice to the buyer",
	"free": "free engagement",
}

# The accepted regimes in words: "x or y".
accepted_words := s if {
	l := sort([regime_names[r] | some r in params.accepted])
	count(l) > 1
	s := sprintf("%s or %s", [concat(", ", array.slice(l, 0, count(l) - 1)), l[count(l) - 1]])
} else := concat("", [regime_names[r] | some r in params.accepted])

# silent_words: the terms do not regulate sub-processors; a role they do not state is a
# presumption, and the message says so.
silent_words := sprintf("%sthe document does not regulate sub-processors", [gdpr.presumed_prefix(dp)]) if {
	gdpr.presumed(dp)
} else := "the vendor processes personal data as processor but the document does not regulate sub-processors"
