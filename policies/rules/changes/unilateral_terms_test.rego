package termlint.rules.changes.unilateral_terms_test

import data.termlint.rules.changes.unilateral_terms as rule

src := {"art": "1.3", "quote": "q"}

with_terms(t) := {"unilateral_changes": {"terms": object.union(t, {"src": src})}}

test_pass_with_exit if {
	r := rule with input as with_terms({
		"allowed": true,
		"notice": {"text": "30d", "days": 30},
		"customer_exit": true,
		"running_contracts": true,
	})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_new_contracts_only if {
	r := rule with input as with_terms({"allowed": true, "customer_exit": false, "running_contracts": false})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_no_clause if {
	r := rule with input as {"unilateral_changes": {"terms": {"status": "absent", "src": null}}}
	count(r.deny) == 0
	count(r.unknown) == 0
	r2 := rule with input as {"unilateral_changes": {"status": "absent", "src": null}}
	count(r2.deny) == 0
	count(r2.unknown) == 0
}

test_pass_not_allowed if {
	r := rule with input as with_terms({"allowed": false})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_no_exit if {
	r := rule with input as with_terms({
		"allowed": true,
		"notice": {"text": "1mo", "days": 30.417},
		"customer_exit": false,
		"running_contracts": true,
	})
	count(r.deny) == 1
	some f in r.deny
	f.path == ["unilateral_changes", "terms", "customer_exit"]
	contains(f.msg, "for running contracts on notice of 1 month, and the buyer has no right to leave")
}

test_fail_without_notice if {
	r := rule with input as with_terms({
		"allowed": true,
		"notice": {"text": "none", "days": 0},
		"customer_exit": false,
		"running_contracts": true,
	})
	some f in r.deny
	contains(f.msg, "running contracts without notice,")
	r2 := rule with input as with_terms({"allowed": true, "customer_exit": false, "running_contracts": true})
	some f2 in r2.deny
	contains(f2.msg, "running contracts, and the buyer")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	some f in r.unknown
	f.path == []
	r2 := rule with input as {"unilateral_changes": {"price": {"status": "absent", "src": null}}}
	some f2 in r2.unknown
	f2.path == ["unilateral_changes"]
}

test_unknown_ambiguous if {
	r := rule with input as {"unilateral_changes": {"status": "ambiguous", "src": src, "note": "see 4.1"}}
	some f in r.unknown
	contains(f.msg, "see 4.1")
	r2 := rule with input as {"unilateral_changes": {"terms": {"status": "ambiguous", "src": src, "note": "garbled"}}}
	some f2 in r2.unknown
	f2.path == ["unilateral_changes", "terms"]
	contains(f2.msg, "garbled")
}

test_unknown_missing_facts if {
	r := rule with input as with_terms({"notice": {"text": "1mo", "days": 30.417}})
	some f in r.unknown
	contains(f.msg, "(allowed)")
	r2 := rule with input as with_terms({"allowed": true, "running_contracts": true})
	count(r2.deny) == 0
	count(r2.unknown) == 1
	some f2 in r2.unknown
	contains(f2.msg, "whether the buyer may then leave")
	r3 := rule with input as with_terms({"allowed": true, "customer_exit": false})
	some f3 in r3.unknown
	contains(f3.msg, "whether the changes reach running contracts")
}
