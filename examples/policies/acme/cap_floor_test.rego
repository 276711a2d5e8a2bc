package termlint.rules.acme.cap_floor_test

import data.termlint.rules.acme.cap_floor as rule

src := {"art": "15.1", "quote": "q"}

cap(amount) := {"liability": {"caps": [{
	"id": "c",
	"basis": "fixed_amount",
	"ceiling": {"amount": amount, "currency": "EUR"},
	"src": src,
}]}}

test_pass_high_cap if {
	r := rule with input as cap(1000000)
	r.applies
	count(r.deny) == 0
}

test_fail_low_cap if {
	r := rule with input as cap(50000)
	some f in r.deny
	f.path == ["liability", "caps", 0, "ceiling"]
	contains(f.msg, "EUR 50000")
}

test_floor_from_params if {
	r := rule with input as cap(50000) with data.termlint.params.acme.cap_floor.min_eur as 10000
	count(r.deny) == 0
}

test_unknown_ambiguous if {
	c := {"liability": {"caps": [{
		"id": "c",
		"status": "ambiguous",
		"note": "which amount?",
		"ceiling": {"amount": 1, "currency": "EUR"},
		"src": src,
	}]}}
	r := rule with input as c
	some f in r.unknown
	contains(f.msg, "which amount?")
}

test_not_applicable_without_fixed_cap if {
	r := rule with input as {"liability": {"caps": [{"id": "f", "basis": "fees_paid_lookback", "src": src}]}}
	not r.applies
}
