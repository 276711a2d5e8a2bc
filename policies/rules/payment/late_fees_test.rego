package termlint.rules.payment.late_fees_test

import data.termlint.rules.payment.late_fees as rule

src := {"art": "4.6", "quote": "q"}

absent := {"status": "absent", "src": null}

eur(n) := {"amount": n, "currency": "EUR"}

pay(fp, cc) := {"payment": {"flat_penalty": fp, "collection_costs": cc}}

grp(x) := object.union({"src": src}, x)

test_pass_moderate_not_cumulative if {
	r := rule with input as pay(
		grp({"pct": 10, "minimum": eur(150), "cumulative_with_interest": false}),
		grp({"basis": "gerechtskosten"}),
	)
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_no_charges if {
	r := rule with input as pay(absent, absent)
	count(r.deny) == 0
	count(r.unknown) == 0
	r2 := rule with input as {"payment": absent}
	count(r2.deny) == 0
	count(r2.unknown) == 0
}

test_fail_double_interest if {
	r := rule with input as pay(grp({"pct": 10, "minimum": eur(150), "cumulative_with_interest": true}), absent)
	count(r.deny) == 1
	some f in r.deny
	f.path == ["payment", "flat_penalty", "cumulative_with_interest"]
	contains(f.msg, "the flat late-payment penalty of 10 % is owed on top of late-payment interest")
	contains(f.msg, "double interest")
}

test_fail_flat_pct_in_collection_costs if {
	r := rule with input as pay(absent, grp({"pct": 15, "minimum": eur(1000)}))
	count(r.deny) == 2
	some f in r.deny
	f.path == ["payment", "collection_costs", "pct"]
	contains(f.msg, "the flat collection costs are 15 % of the amount due; the playbook accepts at most 10 %")
	some g in r.deny
	g.path == ["payment", "collection_costs", "minimum"]
	contains(g.msg, "minimum of EUR 1,000; the playbook accepts a minimum of at most EUR 150")
}

test_same_clause_under_both_keys_reported_once if {
	r := rule with input as pay(grp({"pct": 15, "minimum": eur(250)}), grp({"pct": 15, "minimum": eur(250)}))
	count(r.deny) == 2
	every f in r.deny {
		f.path[1] == "flat_penalty"
	}
}

test_fail_double_interest_without_pct if {
	r := rule with input as pay(grp({"minimum": eur(40), "cumulative_with_interest": true}), absent)
	some f in r.deny
	contains(f.msg, "the flat late-payment penalty is owed on top")
}

test_fail_charges_add_up if {
	r := rule with input as pay(grp({"pct": 10, "minimum": eur(100)}), grp({"pct": 5, "minimum": eur(50)}))
	count(r.deny) == 1
	some f in r.deny
	f.path == ["payment", "collection_costs", "pct"]
	contains(f.msg, "5 % come on top of the flat penalty of 10 %, 15 % in all")
}

test_threshold_from_params if {
	inp := pay(grp({"pct": 8, "minimum": eur(100)}), absent)
	r := rule with input as inp with data.termlint.params.payment.late_fees.max_flat_pct as 5
	some f in r.deny
	contains(f.msg, "at most 5 %")
	r2 := rule with input as inp with data.termlint.params.payment.late_fees.max_flat_minimum_eur as 40
	some f2 in r2.deny
	contains(f2.msg, "at most EUR 40")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	some f in r.unknown
	f.path == []
	r2 := rule with input as {"payment": {"term": grp({"period": {"text": "30d", "days": 30}})}}
	count(r2.unknown) == 2
	some f2 in r2.unknown
	f2.path == ["payment"]
	contains(f2.msg, "payment.collection_costs")
}

test_unknown_ambiguous if {
	r := rule with input as {"payment": {"status": "ambiguous", "src": src, "note": "see order"}}
	some f in r.unknown
	contains(f.msg, "see order")
	r2 := rule with input as pay(
		{"status": "ambiguous", "src": src, "note": "whose minimum", "pct": 10},
		{"status": "ambiguous", "src": src, "note": "whose minimum"},
	)
	count(r2.deny) == 0
	count(r2.unknown) == 2
	some f2 in r2.unknown
	f2.path == ["payment", "flat_penalty"]
	contains(f2.msg, "whose minimum")
}

test_unknown_foreign_currency if {
	r := rule with input as pay(grp({"pct": 5, "minimum": {"amount": 500, "currency": "USD"}}), absent)
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "minimum in USD")
}

test_fail_interest_on_top_of_statutory_interest if {
	r := rule with input as {"payment": {
		"flat_penalty": absent,
		"collection_costs": absent,
		"late_interest": grp({
			"basis": "fixed_pct", "rate_pct": 1.5, "per": "month",
			"cumulative_with_statutory_interest": true,
		}),
	}}
	count(r.unknown) == 0
	count(r.deny) == 1
	some f in r.deny
	f.path == ["payment", "late_interest", "cumulative_with_statutory_interest"]
	contains(f.msg, "contractual late-payment interest of 1.5 % a month is owed on top of statutory late-payment interest")
}

test_fail_interest_other_basis_names_no_rate if {
	r := rule with input as {"payment": {
		"flat_penalty": absent,
		"collection_costs": absent,
		"late_interest": grp({"basis": "other", "rate_pct": 1.5, "per": "month", "cumulative_with_statutory_interest": true}),
	}}
	some f in r.deny
	startswith(f.msg, "contractual late-payment interest is owed on top of statutory late-payment interest")
}

test_pass_interest_not_on_top_of_statutory_interest if {
	r := rule with input as {"payment": {
		"flat_penalty": absent,
		"collection_costs": absent,
		"late_interest": grp({"rate_pct": 8, "per": "year", "cumulative_with_statutory_interest": false}),
	}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_unknown_ambiguous_interest if {
	r := rule with input as {"payment": {
		"flat_penalty": absent,
		"collection_costs": absent,
		"late_interest": {"status": "ambiguous", "src": src, "note": "two rates"},
	}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["payment", "late_interest"]
	contains(f.msg, "two rates")
}

test_fail_flat_pct_floor_worded_as_floor if {
	r := rule with input as pay(grp({"pct": 15, "pct_is_floor": true, "cumulative_with_interest": true}), absent)
	some f in r.deny
	f.path == ["payment", "flat_penalty", "pct"]
	contains(f.msg, "the flat late-payment penalty is at least 15 % of the amount due")
	some g in r.deny
	contains(g.msg, "the flat late-payment penalty of at least 15 % is owed on top of late-payment interest")
}
