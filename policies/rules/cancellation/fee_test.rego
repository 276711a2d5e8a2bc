package termlint.rules.cancellation.fee_test

import data.termlint.rules.cancellation.fee as rule

src := {"art": "5", "quote": "q"}

canc(x) := {"cancellation": object.union({"allowed": true, "src": src}, x)}

test_pass_small_fee if {
	r := rule with input as canc({"fee_pct": 20, "fee_basis": "prijs van de bestelling", "actual_damage_if_higher": false})
	count(r.deny) == 0
	count(r.unknown) == 0
	r.applies
}

test_fail_high_fee if {
	r := rule with input as canc({"fee_pct": 50, "fee_basis": "het overeengekomen totaalbedrag"})
	count(r.deny) == 1
	some f in r.deny
	f.path == ["cancellation", "fee_pct"]
	contains(f.msg, "the buyer owes a fee of 50 %; the playbook accepts at most 20 % of the order")
}

test_fail_commitment_without_cancellation if {
	r := rule with input as canc({"allowed": false, "fee_pct": 100})
	r.applies
	some f in r.deny
	contains(f.msg, "a fee of 100 %")
}

test_fail_actual_damage if {
	r := rule with input as canc({"fee_pct": 20, "actual_damage_if_higher": true})
	count(r.deny) == 1
	some f in r.deny
	f.path == ["cancellation", "actual_damage_if_higher"]
	contains(f.msg, "actual damage")
}

test_threshold_from_params if {
	r := rule with input as canc({"fee_pct": 20}) with data.termlint.params.cancellation.fee.max_pct as 10
	some f in r.deny
	contains(f.msg, "at most 10 %")
}

test_not_applicable if {
	r := rule with input as {"cancellation": {"status": "absent", "src": null}}
	not r.applies
	r2 := rule with input as canc({"allowed": false})
	not r2.applies
}

test_unknown_not_encoded if {
	r := rule with input as {}
	some f in r.unknown
	f.path == []
}

test_unknown_ambiguous if {
	r := rule with input as {"cancellation": {"status": "ambiguous", "src": src, "note": "fee unclear"}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["cancellation"]
	contains(f.msg, "fee unclear")
}
