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
		"the terms do not state the vendor's role under the GDPR; treated as processor because it handles the buyer's ",
		"data in providing the service (art. 13): ",
		"the vendor may engage sub-processors freely, without the buyer's authorisation, notice or right to object; the ",
		"playbook accepts only a general authorisation with notice and a right to object or the buyer's prior specific ",
		"authorisation",
	])
}

# A role the terms state is not worded as a presumption.
test_fail_free_stated_role if {
	r := rule with input as dp("processor", absent, regime("free"))
	some f in r.deny
	startswith(f.msg, "the vendor may engage sub-processors freely")
}

test_fail_silent_role_not_stated if {
	r := rule with input as dp("not_stated", absent, absent)
	some f in r.deny
	f.path == ["data_protection", "sub_processors"]
	f.msg == concat("", [
		"the terms do not state the vendor's role under the GDPR; treated as processor because it handles the buyer's ",
		"data in providing the service (art. 13): the document does not regulate sub-processors; the playbook requires ",
		"a general authorisation with notice and a right to object or the buyer's prior specific authorisation",
	])
	not contains(f.msg, "processes personal data as processor")
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
	contains(f.msg, "the processor agreement (available only on request) is a separate document")
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

# The processor agreement encoded in the deal speaks for itself.
dpa_sub(s) := {"dpa": {"sub_processors": object.union({"flow_down": true, "vendor_liable": true, "src": src}, s)}}

test_pass_dpa_general_with_objection if {
	r := rule with input as dpa_sub({"authorisation": "general_written", "objection": true})
	count(r.deny) == 0
	count(r.unknown) == 0
	r.applies
}

test_dpa_prevails_over_silent_terms if {
	r := rule with input as object.union(dpa_sub({"authorisation": "prior_specific"}), {"data_protection": {
		"role": {"value": "processor", "src": src},
		"processor_agreement": {"form": "separate_signed", "src": src},
		"sub_processors": {"status": "absent", "src": null},
	}})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_dpa_no_objection if {
	r := rule with input as dpa_sub({"authorisation": "general_written", "objection": false})
	some f in r.deny
	f.path == ["dpa", "sub_processors", "authorisation"]
	startswith(f.msg, "the processor agreement: the vendor only notifies the buyer of sub-processors")
}

test_fail_dpa_no_flow_down if {
	r := rule with input as dpa_sub({"authorisation": "prior_specific", "flow_down": false})
	some f in r.deny
	f.path == ["dpa", "sub_processors", "flow_down"]
}

test_fail_dpa_silent if {
	r := rule with input as {"dpa": {"sub_processors": {"status": "absent", "src": null}}}
	count(r.deny) == 1
}

test_unknown_dpa if {
	r1 := rule with input as dpa_sub({"authorisation": "general_written"})
	some f1 in r1.unknown
	contains(f1.msg, "whether the buyer may object has not been encoded")
	r2 := rule with input as {"dpa": {"roles": {"vendor": "processor", "src": src}}}
	some f2 in r2.unknown
	f2.msg == "the processor agreement is encoded without its sub-processor clause"
	r3 := rule with input as {"dpa": {"sub_processors": {"status": "ambiguous", "src": src, "note": "n"}}}
	count(r3.unknown) == 1
	r4 := rule with input as dpa_sub({})
	some f4 in r4.unknown
	f4.msg == "the processor agreement's sub-processor clause is recorded without its authorisation regime"
}

test_unknown_deal_dpa_on_request if {
	r := rule with input as {
		"data_protection": {
			"role": {"value": "processor", "src": src},
			"processor_agreement": {"form": "separate_on_request", "src": src},
			"sub_processors": {"status": "absent", "src": null},
		},
		"deal": {"documents": [{"role": "dpa", "status": "on_request", "referenced_in": "general_terms", "src": src}]},
	}
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "is referred to in art. 13 of the general terms but is available only on request")
}

# The terms let the vendor engage sub-processors freely and the deal's DPA requires authorisation:
# unless the deal makes the DPA prevail over the terms, the terms' clause binds too and fails.
terms_free_with_dpa(precedence) := object.union_n([
	dpa_sub({"authorisation": "prior_specific"}),
	dp("processor", incorporated, regime("free")),
	{"deal": {
		"documents": [{"id": "csa", "role": "msa"}, {"id": "dpa", "role": "dpa"}],
		"precedence": precedence,
	}},
])

test_fail_terms_free_and_terms_prevail if {
	r := rule with input as terms_free_with_dpa([{"prevails": "csa", "over": ["dpa"]}])
	some f in r.deny
	f.path == ["data_protection", "sub_processors", "regime"]
}

test_pass_terms_free_but_dpa_prevails if {
	r := rule with input as terms_free_with_dpa([{"prevails": "dpa", "over": ["csa"], "scope": "Personal Data"}])
	count(r.deny) == 0
}

test_unknown_section_ambiguous_or_deferred if {
	inp := dp("processor", absent, absent)
	r1 := rule with input as {"data_protection": object.union(inp.data_protection, {"status": "ambiguous"})}
	count(r1.deny) == 0
	some f1 in r1.unknown
	f1.path == ["data_protection"]
	f1.msg == "the data-protection clause is marked ambiguous"
	r2 := rule with input as {"data_protection": {"status": "deferred", "defined_in": "cover_page", "src": src}}
	count(r2.deny) == 0
	some f2 in r2.unknown
	f2.msg == "the data-protection clause is set in the cover page, which is not provided"
}
