package termlint.rules.assignment.vendor_consent_test

import data.termlint.rules.assignment.vendor_consent as rule

src := {"art": "24", "quote": "q"}

test_pass_with_consent if {
	r := rule with input as {"assignment": {"vendor": "with_consent", "customer": "with_consent", "src": src}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_group_with_notice if {
	r := rule with input as {"assignment": {"vendor": "group_with_notice", "src": src}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_silent if {
	r := rule with input as {"assignment": {"status": "absent", "src": null}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_free if {
	r := rule with input as {"assignment": {"vendor": "free", "customer": "with_consent", "src": src}}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["assignment", "vendor"]
	contains(f.msg, "freely, without the buyer's consent")
	contains(f.msg, "within its group with notice, prohibited, with consent")
}

test_fail_with_notice if {
	r := rule with input as {"assignment": {"vendor": "with_notice", "src": src}}
	some f in r.deny
	contains(f.msg, "by merely notifying the buyer")
}

test_threshold_from_params if {
	r := rule with input as {"assignment": {"vendor": "group_with_notice", "src": src}}
		with data.termlint.params.assignment.vendor_consent.accepted as ["with_consent"]
	some f in r.deny
	f.path == ["assignment", "vendor"]
	contains(f.msg, "within its group with notice")
	endswith(f.msg, "the playbook accepts only: with consent")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.path == []
}

test_unknown_ambiguous if {
	r := rule with input as {"assignment": {"status": "ambiguous", "src": src, "note": "only the receivables?"}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["assignment"]
	contains(f.msg, "only the receivables?")
}

test_unknown_vendor_not_encoded if {
	r := rule with input as {"assignment": {"customer": "with_consent", "src": src}}
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "whether the vendor may transfer")
}

regimes(rs) := {"assignment": {"src": {"art": "12.6", "quote": "q"}, "regimes": rs}}

test_fail_notice_on_merger_beside_consent if {
	r := rule with input as regimes([
		{"party": "both", "regime": "with_consent", "on": ["any"]},
		{"party": "both", "regime": "with_notice", "on": ["merger", "change_of_control"]},
	])
	count(r.unknown) == 0
	some f in r.deny
	f.path == ["assignment", "regimes", 1]
	contains(f.msg, "without its consent (on a merger or change of control);")
}

test_pass_regimes_all_accepted if {
	r := rule with input as regimes([
		{"party": "both", "regime": "with_consent", "on": ["any"]},
		{"party": "customer", "regime": "free", "on": ["group_company"]},
	])
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_unknown_regime_ambiguous if {
	r := rule with input as regimes([
		{"party": "both", "regime": "with_consent", "on": ["any"]},
		{
			"party": "both", "regime": "with_notice", "on": ["merger"],
			"status": "ambiguous", "note": "only to affiliates?",
		},
	])
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["assignment", "regimes", 1]
	contains(f.msg, "transfer regime no. 2 is marked ambiguous: only to affiliates?")
}

test_unknown_regime_deferred if {
	r := rule with input as regimes([
		{"party": "both", "regime": "with_consent", "on": ["any"]},
		{"status": "deferred", "defined_in": "cover_page", "variable": "Assignment", "src": src},
	])
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["assignment", "regimes", 1]
	contains(f.msg, "set in the cover page (\"Assignment\"), which is not provided")
}

test_unknown_regimes_deferred if {
	deferred := {"status": "deferred", "defined_in": "cover_page", "variable": "Assignment", "src": src}
	r := rule with input as regimes(deferred)
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["assignment", "regimes"]
}

test_unknown_assignment_ambiguous_with_regimes if {
	inp := regimes([{"party": "both", "regime": "with_notice", "on": ["merger"]}])
	r := rule with input as {"assignment": object.union(inp.assignment, {"status": "ambiguous", "note": "n"})}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["assignment"]
}

test_pass_customer_regime_ambiguous if {
	r := rule with input as regimes([
		{"party": "both", "regime": "with_consent", "on": ["any"]},
		{"party": "customer", "regime": "free", "on": ["group_company"], "status": "ambiguous"},
	])
	count(r.deny) == 0
	count(r.unknown) == 0
}
