package termlint.rules.gdpr.processor_agreement_test

import data.termlint.rules.gdpr.processor_agreement as rule

src := {"art": "13", "quote": "q"}

test_pass_attached if {
	r := rule with input as {"data_protection": {
		"role": {"value": "processor", "src": src},
		"processor_agreement": {"form": "attached", "src": src},
	}}
	count(r.deny) == 0
	count(r.unknown) == 0
	r.applies
}

test_fail_on_request if {
	r := rule with input as {"data_protection": {
		"role": {"value": "processor", "src": src},
		"processor_agreement": {"form": "separate_on_request", "src": src},
	}}
	some f in r.deny
	f.path == ["data_protection", "processor_agreement"]
	f.msg == concat("", [
		"the processor agreement is a separate document made available only on request (art. 13): it is not supplied ",
		"with the terms, so whether it meets GDPR art. 28(3) cannot be checked (accepted: incorporated in the terms, ",
		"attached to the contract or signed separately)",
	])
	not contains(f.msg, "in force")
}

# Where the terms do not state the vendor's role, the finding says that the role is presumed, and why.
test_fail_absent_role_not_stated if {
	r := rule with input as {"data_protection": {
		"role": {"value": "not_stated", "src": [src, {"art": "11.4", "quote": "q2"}, src]},
		"processor_agreement": {"status": "absent", "src": null},
	}}
	some f in r.deny
	f.msg == concat("", [
		"the terms do not state the vendor's role under the GDPR; treated as processor because it handles the buyer's ",
		"data in providing the service (arts. 13 and 11.4): the document provides no processor agreement",
	])
}

test_fail_absent_role_stated if {
	r := rule with input as {"data_protection": {
		"role": {"value": "processor", "src": src},
		"processor_agreement": {"status": "absent", "src": null},
	}}
	some f in r.deny
	f.msg == "the vendor processes personal data as processor but the document provides no processor agreement"
}

test_fail_absent if {
	r := rule with input as {"data_protection": {
		"role": {"value": "processor", "src": src},
		"processor_agreement": {"status": "absent", "src": null},
	}}
	count(r.deny) == 1
}

test_unknown_no_section if {
	r := rule with input as {}
	count(r.deny) == 0
	count(r.unknown) == 1
}

test_unknown_ambiguous_role if {
	r := rule with input as {"data_protection": {"role": {"status": "ambiguous", "src": src, "note": "role unclear"}}}
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "role unclear")
}

test_not_applicable_controller if {
	r := rule with input as {"data_protection": {"role": {"value": "controller", "src": src}}}
	not r.applies
}

test_not_applicable_no_personal_data if {
	r := rule with input as {"data_protection": {"status": "absent", "src": null}}
	not r.applies
}

# A processor agreement encoded in the deal: every element of art. 28(3).
full_dpa := {
	"processing_details": {
		"subject_matter": "hosting", "duration": "the term", "nature_and_purpose": "storage",
		"personal_data": ["contact details"], "data_subjects": ["employees"], "src": src,
	},
	"instructions": {"documented": true, "transfers": true, "src": src},
	"confidentiality": {"staff_committed": true, "src": src},
	"security": {"art_32": true, "src": src},
	"sub_processors": {
		"authorisation": "general_written", "objection": true, "flow_down": true,
		"vendor_liable": true, "src": src,
	},
	"data_subject_requests": {"assists": true, "src": src},
	"compliance_assistance": {"articles": ["32", "33", "34", "35", "36"], "src": src},
	"deletion": {"choice": "controller_choice", "src": src},
	"audits": {"information": true, "audits": "inspections", "src": src},
}

# with_dpa replaces whole groups of full_dpa (object.union alone would merge them).
with_dpa(patch) := {"dpa": object.union(object.remove(full_dpa, object.keys(patch)), patch)}

test_pass_full_dpa if {
	r := rule with input as with_dpa({})
	count(r.deny) == 0
	count(r.unknown) == 0
	r.applies
}

test_dpa_replaces_the_form_check if {
	r := rule with input as object.union(with_dpa({}), {"data_protection": {
		"role": {"value": "processor", "src": src},
		"processor_agreement": {"form": "separate_on_request", "src": src},
	}})
	count(r.deny) == 0
}

test_fail_dpa_names_each_missing_element if {
	r := rule with input as with_dpa({
		"confidentiality": {"status": "absent", "src": null},
		"sub_processors": {
			"authorisation": "general_written", "objection": false, "flow_down": false,
			"vendor_liable": true, "src": src,
		},
		"compliance_assistance": {"articles": ["33", "35"], "src": src},
		"deletion": {"choice": "delete", "src": src},
		"audits": {"information": true, "audits": "reports_only", "src": src},
	})
	msgs := {f.msg | some f in r.deny}
	"art. 28(3)(b): no commitment of the persons processing the data to confidentiality" in msgs
	"art. 28(3)(d): no flow-down of the same obligations to sub-processors (art. 28(4))" in msgs
	concat("", [
		"art. 28(3)(d): sub-processors under a general authorisation, but the buyer cannot object to changes ",
		"(art. 28(2))",
	]) in msgs
	concat("", [
		"art. 28(3)(f): no assistance with the buyer's obligations under art. 32 (security of processing), ",
		"art. 34 (informing data subjects of a breach) and art. 36 (prior consultation)",
	]) in msgs
	"art. 28(3)(g): the buyer does not choose between deletion and return: the vendor deletes the data" in msgs
	some m in msgs
	startswith(m, "art. 28(3)(h): the buyer may audit only through")
	count(msgs) == 6
}

test_fail_dpa_without_authorisation if {
	r := rule with input as with_dpa({"sub_processors": {
		"authorisation": "none", "flow_down": true, "vendor_liable": true, "src": src,
	}})
	some f in r.deny
	f.msg == "art. 28(3)(d): the vendor may engage sub-processors without the buyer's authorisation (art. 28(2))"
}

test_fail_dpa_false_field if {
	r := rule with input as with_dpa({"instructions": {"documented": true, "transfers": false, "src": src}})
	some f in r.deny
	f.msg == "art. 28(3)(a): no instructions covering transfers to third countries"
	f.path == ["dpa", "instructions", "transfers"]
}

test_unknown_dpa_element_ambiguous_or_missing if {
	patched := with_dpa({
		"security": {"status": "ambiguous", "src": src, "note": "only a reference to a policy"},
		"processing_details": {"subject_matter": "hosting", "src": src},
		"sub_processors": {"authorisation": "general_written", "flow_down": true, "vendor_liable": true, "src": src},
	})
	r := rule with input as {"dpa": object.remove(patched.dpa, ["audits"])}
	count(r.deny) == 0
	msgs := {f.msg | some f in r.unknown}
	concat("", [
		"art. 28(3)(c) (commitment to the security measures of art. 32) is marked ambiguous: ",
		"only a reference to a policy",
	]) in msgs
	"art. 28(3)(h) (information and audits, including inspections, for the buyer) has not been encoded" in msgs
	"art. 28(3): nothing has been encoded for the duration of the processing" in msgs
	concat("", [
		"art. 28(3)(d): sub-processors under a general authorisation, but whether the buyer may object ",
		"has not been encoded",
	]) in msgs
}

# The deal names the processor agreement but does not provide it.
terms_referring(form) := {"data_protection": {
	"role": {"value": "processor", "src": src},
	"processor_agreement": {"form": form, "src": src},
}}

deal_with(status) := {"documents": [
	{"role": "general_terms", "file": "terms.yaml"},
	{"role": "dpa", "status": status, "referenced_in": "general_terms", "src": src},
]}

test_fail_deal_dpa_on_request if {
	r := rule with input as object.union(terms_referring("separate_on_request"), {"deal": deal_with("on_request")})
	count(r.deny) == 1
	some f in r.deny
	startswith(
		f.msg,
		"the processor agreement is referred to in art. 13 of the general terms but is available only on request",
	)
}

test_unknown_deal_dpa_not_provided if {
	r := rule with input as object.union(terms_referring("separate_signed"), {"deal": deal_with("not_provided")})
	count(r.deny) == 0
	some f in r.unknown
	f.msg == concat("", [
		"the processor agreement is referred to in art. 13 of the general terms but is not provided; ",
		"a person must check it against GDPR art. 28(3)",
	])
}

test_fail_deal_dpa_not_provided_and_online_only if {
	r := rule with input as object.union(terms_referring("vendor_standard_online"), {"deal": deal_with("not_provided")})
	count(r.unknown) == 0
	some f in r.deny
	contains(f.msg, "is not provided, and it is the vendor's standard text on its website")
}

# Terms silent on the agreement while the deal lists one it does not provide: an open question,
# never a silent pass.
test_unknown_deal_dpa_not_provided_and_terms_silent if {
	terms := {"data_protection": {
		"role": {"value": "processor", "src": src},
		"processor_agreement": {"status": "absent", "src": null},
	}}
	r := rule with input as object.union(terms, {"deal": deal_with("not_provided")})
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "is not provided; a person must check it against GDPR art. 28(3)")
}

deferred := {"status": "deferred", "defined_in": "cover_page", "variable": "DPA", "src": src}

# A data-protection clause marked unclear decides nothing, whatever it records; nor does one left to
# a cover page that is not provided.
test_unknown_section_ambiguous_or_deferred if {
	r1 := rule with input as {"data_protection": {
		"status": "ambiguous",
		"note": "processor or controller?",
		"src": src,
		"role": {"value": "processor", "src": src},
		"processor_agreement": {"status": "absent", "src": null},
	}}
	count(r1.deny) == 0
	some f1 in r1.unknown
	f1.path == ["data_protection"]
	f1.msg == "the data-protection clause is marked ambiguous: processor or controller?"
	r2 := rule with input as {"data_protection": deferred}
	count(r2.deny) == 0
	some f2 in r2.unknown
	f2.msg == "the data-protection clause is set in the cover page (\"DPA\"), which is not provided"
}
