package termlint.rules.price.increase_cap_test

import data.termlint.rules.price.increase_cap as rule

src := {"art": "8.3", "quote": "q"}

pcs(items) := {"price_changes": [object.union(x, {"src": src}) | some x in items]}

test_pass_index_and_small_cap if {
	r := rule with input as pcs([
		{"trigger": "index", "formula": "P = P0 (0,2 + 0,8 S/S0)"},
		{"trigger": "annual", "index": "CBS CPI", "floor_pct": 1},
		{"trigger": "annual", "index": "CBS CPI", "cap_pct": 5},
		{"trigger": "each_renewal", "cap_pct": 3},
	])
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_no_price_changes if {
	r := rule with input as {"price_changes": {"status": "absent", "src": null}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_uncapped if {
	r := rule with input as pcs([{"trigger": "index"}, {"trigger": "cost_increase"}, {"note": "no trigger"}])
	count(r.deny) == 2
	some f in r.deny
	f.path == ["price_changes", 1]
	contains(f.msg, "raise prices when its costs rise, with no index and no cap")
	contains(f.msg, "at most 5 % a year")
	some g in r.deny
	g.path == ["price_changes", 2]
	contains(g.msg, "raise prices on its own")
}

test_fail_cap_too_high if {
	r := rule with input as pcs([{"trigger": "each_renewal", "cap_pct": 10, "applies_to": "licences"}])
	some f in r.deny
	f.path == ["price_changes", 0, "cap_pct"]
	contains(
		f.msg,
		"for licences, the vendor may raise prices at each renewal by up to 10 %; the playbook accepts at most 5 %",
	)
}

test_fail_floor_too_high if {
	r := rule with input as pcs([{"trigger": "annual", "index": "CPI", "floor_pct": 6}])
	some f in r.deny
	f.path == ["price_changes", 0, "floor_pct"]
	contains(f.msg, "at least 6 % a year")
}

test_threshold_from_params if {
	r := rule with input as pcs([{"trigger": "each_renewal", "cap_pct": 3}])
		with data.termlint.params.price.increase_cap.max_pct as 2
	some f in r.deny
	contains(f.msg, "accepts at most 2 %")
}

test_fail_index_plus_high_margin if {
	r := rule with input as pcs([{"trigger": "annual", "index": "CPI", "cap_pct": 8, "cap_basis": "above_index"}])
	count(r.unknown) == 0
	some f in r.deny
	f.path == ["price_changes", 0, "cap_pct"]
	contains(f.msg, "prices may rise by the index plus up to 8 % a year")
}

test_pass_index_with_high_ceiling if {
	r := rule with input as pcs([{"trigger": "annual", "index": "CPI", "cap_pct": 8, "cap_basis": "total"}])
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_unknown_index_with_high_cap if {
	r := rule with input as pcs([{"trigger": "annual", "index": "CPI", "cap_pct": 8}])
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["price_changes", 0, "cap_pct"]
	contains(f.msg, "cap of 8 %")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	some f in r.unknown
	f.path == []
}

test_unknown_ambiguous if {
	r := rule with input as {"price_changes": {"status": "ambiguous", "src": src, "note": "price list only"}}
	some f in r.unknown
	contains(f.msg, "price list only")
	r2 := rule with input as {"price_changes": [{"status": "ambiguous", "src": src, "note": "which index"}]}
	some f2 in r2.unknown
	f2.path == ["price_changes", 0]
	contains(f2.msg, "which index")
	count(r2.deny) == 0
}
