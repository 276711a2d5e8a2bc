package termlint.rules.gdpr.sub_processors_test

import data.termlint.rules.gdpr.sub_processors as rule

src := {"art": "13", "quote": "q"}

absent := {"status": "absent", "src": null}

dp(role, pa, sub) := {"data_protection": {
	"role": {"value": role, "src": src},
	"processor_agreement": pa,
	"sub_processors": sub,
}}

incorporated := {"form": "incorporated", "src": src}

regime(r) := {"regime": r, "src": src}

test_pass_general_with_objection if {
	r := rule with input as dp("processor", incorporated, regime("general_with_objection"))
	r.applies
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_prior_specific if {
	r := rule with input as dp("both", incorporated, regime("prior_specific"))
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_free if {
	r := rule with input as dp("not_stated", absent, regime("free"))
	count(r.deny) == 1
	some f in r.deny
	f.path == ["data_protection", "sub_processors", "regime"]
	f.msg == concat("", [
		"the vendor may engage sub-processors freely, without the buyer's authorisation, notice or right to object; the ",
		"playbook accepts only a general authorisation with notice and a right to object or the buyer's prior specific ",
		"authorisation",
	])
}

test_fail_notice_only if {
	r := rule with input as dp("processor", incorporated, regime("notice_only"))
	some f in r.deny
	f.path == ["data_protection", "sub_processors", "regime"]
	contains(f.msg, "only notifies the buyer of sub-processors, and the buyer cannot object")
}

test_fail_silent_without_separate_agreement if {
	r := rule with input as dp("processor", absent, absent)
	count(r.deny) == 1
	some f in r.deny
	f.path == ["data_protection", "sub_processors"]
	contains(f.msg, "does not regulate sub-processors")
}

test_fail_silent_with_incorporated_agreement if {
	r := rule with input as dp("processor", incorporated, absent)
	count(r.deny) == 1
}

test_unknown_silent_with_separate_agreement if {
	r := rule with input as dp("processor", {"form": "separate_on_request", "src": src}, absent)
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["data_protection", "sub_processors"]
	contains(f.msg, "the processor agreement (separate on request) is a separate document")
}

test_unknown_silent_with_agreement_not_encoded if {
	r := rule with input as {"data_protection": {"role": {"value": "processor", "src": src}, "sub_processors": absent}}
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "(not encoded)")
}

test_unknown_silent_with_agreement_ambiguous if {
	pa := {"status": "ambiguous", "src": src, "note": "annex or separate?"}
	r := rule with input as dp("processor", pa, absent)
	count(r.deny) == 0
	count(r.unknown) == 1
}

test_threshold_from_params if {
	r := rule with input as dp("processor", incorporated, regime("general_with_objection"))
		with data.termlint.params.gdpr.sub_processors.accepted as ["prior_specific"]
	some f in r.deny
	contains(
		f.msg,
		concat("", [
			"general authorisation with notice and a right to object; the playbook accepts only the buyer's prior specific ",
			"authorisation",
		]),
	)
}

test_not_applicable_controller if {
	r := rule with input as dp("controller", absent, regime("free"))
	not r.applies
}

test_not_applicable_no_personal_data if {
	r := rule with input as {"data_protection": absent}
	not r.applies
}

test_unknown_no_section if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.msg == "data protection has not been encoded"
}

test_unknown_role_missing if {
	r := rule with input as {"data_protection": {"sub_processors": regime("free")}}
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "role under the GDPR has not been encoded")
}

test_unknown_role_ambiguous if {
	r := rule with input as {"data_protection": {
		"role": {"status": "ambiguous", "src": src, "note": "controller for analytics?"},
		"sub_processors": regime("free"),
	}}
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "controller for analytics?")
}

test_unknown_sub_processors_missing if {
	r := rule with input as {"data_protection": {"role": {"value": "processor", "src": src}}}
	some f in r.unknown
	f.msg == "the use of sub-processors has not been encoded"
}

test_unknown_sub_processors_ambiguous if {
	r := rule with input as dp(
		"processor",
		incorporated,
		{"status": "ambiguous", "src": src, "note": "objection right unclear"},
	)
	some f in r.unknown
	contains(f.msg, "objection right unclear")
}

test_unknown_regime_missing if {
	r := rule with input as dp("processor", incorporated, {"src": src})
	some f in r.unknown
	contains(f.msg, "without its regime")
}
