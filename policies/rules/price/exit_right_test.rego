package termlint.rules.price.exit_right_test

import data.termlint.rules.price.exit_right as rule

src := {"art": "12.4", "quote": "q"}

d(text, days) := {"text": text, "days": days}

none := d("none", 0)

exit(x) := object.union({"available": true, "src": src}, x)

pc(x) := object.union({"trigger": "each_renewal", "notice": d("30d", 30), "src": src}, x)

term(notice) := [{
	"applies_to": "SaaS",
	"auto_renewal": {"renews": true, "period": d("1y", 365), "notice": notice},
	"src": src,
}]

price_right(notice) := {"party": "customer", "grounds": ["price_change"], "notice": notice, "src": src}

test_pass_notice_before_deadline if {
	r := rule with input as {
		"price_changes": [pc({"notice": d("2mo", 60.833), "customer_exit": exit({})})],
		"term": term(d("30d", 30)),
	}
	count(r.deny) == 0
	count(r.unknown) == 0
	r.applies
}

test_pass_stated_window_and_pure_index if {
	r := rule with input as {"price_changes": [
		pc({"trigger": "cost_increase", "notice": none, "customer_exit": exit({"window": d("8d", 8)})}),
		pc({"trigger": "index", "customer_exit": {"status": "absent", "src": null}}),
	]}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_price_right_wins_over_renewal_notice if {
	# The renewal notice (2mo) equals the price notice, but a termination right for price
	# changes lets the buyer leave until 30 days before the end.
	r := rule with input as {
		"price_changes": [pc({"notice": d("2mo", 60.833), "customer_exit": exit({})})],
		"term": term(d("2mo", 60.833)),
		"termination_rights": [price_right(d("30d", 30))],
	}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_no_deadline_but_notice if {
	r := rule with input as {"price_changes": [pc({"customer_exit": exit({})})], "term": {"status": "absent", "src": null}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_no_exit if {
	r := rule with input as {"price_changes": [
		pc({"trigger": "cost_increase", "customer_exit": {"available": false, "src": src}}),
		pc({"trigger": "supplier_increase", "customer_exit": {"status": "absent", "src": null}}),
		pc({"trigger": "annual", "index": "CPI", "floor_pct": 1, "customer_exit": {"available": false}}),
	]}
	count(r.deny) == 3
	some f in r.deny
	f.path == ["price_changes", 0, "customer_exit"]
	contains(
		f.msg,
		"the vendor may change prices when its costs rise (not a pure index), and the buyer has no right to leave over it",
	)
	some g in r.deny
	g.path == ["price_changes", 1, "customer_exit"]
	contains(g.msg, "the document gives the buyer no right to leave")
	some h in r.deny
	h.path == ["price_changes", 2, "customer_exit"]
	contains(h.msg, "prices rise by at least 1 % a year whatever the index does")
}

test_fail_notice_equals_renewal_deadline if {
	r := rule with input as {"price_changes": [pc({"customer_exit": exit({})})], "term": term(d("30d", 30))}
	some f in r.deny
	f.path == ["price_changes", 0, "notice"]
	contains(
		f.msg,
		concat("", [
			"announced only 30 days before it applies, while the buyer must give notice 30 days before the end of the term ",
			"for SaaS to leave",
		]),
	)
}

test_fail_notice_after_price_right_deadline if {
	r := rule with input as {
		"price_changes": [pc({"notice": d("1mo", 30.417), "customer_exit": exit({})})],
		"termination_rights": [price_right(d("60d", 60))],
	}
	some f in r.deny
	contains(f.msg, "must give notice 60 days before the end of the term under its termination right for price changes")
}

test_most_favourable_price_right_counts if {
	r := rule with input as {
		"price_changes": [pc({"notice": d("1mo", 30.417), "customer_exit": exit({})})],
		"termination_rights": [price_right(d("60d", 60)), price_right(d("14d", 14))],
	}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_window_none_threshold_and_no_notice if {
	r := rule with input as {"price_changes": [
		pc({"customer_exit": exit({"window": none})}),
		pc({"customer_exit": exit({"window": d("30d", 30), "threshold_pct": 5})}),
		pc({"customer_exit": exit({"window": d("12h", 0.5)})}),
		{"notice": none, "customer_exit": exit({}), "src": src},
	]}
	count(r.deny) == 4
	some f in r.deny
	f.path == ["price_changes", 0, "customer_exit"]
	contains(f.msg, "no time to act (no window)")
	some w in r.deny
	w.path == ["price_changes", 2, "customer_exit"]
	contains(w.msg, "no time to act (a window of 12 hours)")
	some g in r.deny
	g.path == ["price_changes", 1, "customer_exit"]
	contains(g.msg, "only over increases above 5 %")
	some h in r.deny
	h.path == ["price_changes", 3, "notice"]
	contains(h.msg, "the vendor may change prices (not a pure index), and the new price may apply without notice")
}

test_min_window_is_one_day if {
	r := rule with input as {
		"price_changes": [pc({"notice": d("2mo", 60.833), "customer_exit": exit({})})],
		"term": term(d("60d", 60)),
	}
	count(r.deny) == 1
}

test_every_renewing_term_is_a_deadline if {
	r := rule with input as {"price_changes": [pc({"notice": d("45d", 45), "customer_exit": exit({})})], "term": [
		{"auto_renewal": {"renews": true, "notice": d("30d", 30)}, "src": src},
		{"auto_renewal": {"renews": true, "notice": d("3mo", 91.25)}, "src": src},
	]}
	count(r.deny) == 1
	some f in r.deny
	contains(f.msg, "give notice 3 months before the end of the term to leave")
}

test_not_applicable if {
	r := rule with input as {"price_changes": {"status": "absent", "src": null}}
	not r.applies
	r2 := rule with input as {"price_changes": [pc({"trigger": "index", "index": "Agoria"})]}
	not r2.applies
}

test_unknown_index_with_cap if {
	r := rule with input as {"price_changes": [pc({
		"trigger": "annual",
		"index": "CPI",
		"cap_pct": 5,
		"applies_to": "services",
		"customer_exit": {"available": false},
	})]}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["price_changes", 0, "customer_exit"]
	startswith(f.msg, "for services, prices follow an index")
	contains(f.msg, "cap of 5 %")
	contains(f.msg, "if it comes on top, the buyer has no right to leave over it")
}

test_fail_index_plus_margin if {
	r := rule with input as {"price_changes": [pc({
		"trigger": "annual",
		"index": "CPI",
		"cap_pct": 5,
		"cap_basis": "above_index",
		"notice": none,
		"applies_to": "services",
		"customer_exit": {"available": false},
	})]}
	count(r.unknown) == 0
	some f in r.deny
	f.path == ["price_changes", 0, "customer_exit"]
	startswith(f.msg, "for services, prices may rise by the index plus up to 5 % a year (not a pure index)")
	contains(f.msg, "the buyer has no right to leave over it")
}

test_pass_index_with_ceiling if {
	r := rule with input as {"price_changes": [pc({
		"trigger": "annual",
		"index": "CPI",
		"cap_pct": 5,
		"cap_basis": "total",
		"customer_exit": {"available": false},
	})]}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_unknown_not_encoded if {
	r := rule with input as {}
	some f in r.unknown
	f.path == []
	r.applies
}

test_unknown_ambiguous if {
	r := rule with input as {"price_changes": {"status": "ambiguous", "src": src, "note": "tariff sheet"}}
	some f in r.unknown
	contains(f.msg, "tariff sheet")
	r2 := rule with input as {"price_changes": [
		{"status": "ambiguous", "src": src, "note": "which prices"},
		pc({"customer_exit": {"status": "ambiguous", "src": src, "note": "8 days may apply"}}),
	]}
	count(r2.deny) == 0
	some f1 in r2.unknown
	f1.path == ["price_changes", 0]
	contains(f1.msg, "which prices")
	some f2 in r2.unknown
	f2.path == ["price_changes", 1, "customer_exit"]
	contains(f2.msg, "8 days may apply")
}

test_unknown_missing_facts if {
	r := rule with input as {"price_changes": [
		pc({}),
		pc({"customer_exit": {"src": src}}),
		{"trigger": "anytime", "customer_exit": exit({}), "src": src},
	]}
	count(r.deny) == 0
	count(r.unknown) == 3
	some f0 in r.unknown
	f0.path == ["price_changes", 0]
	contains(f0.msg, "right to leave over this price change has not been encoded")
	some f1 in r.unknown
	f1.path == ["price_changes", 1, "customer_exit"]
	some f2 in r.unknown
	f2.path == ["price_changes", 2]
	contains(f2.msg, "notice of this price change has not been encoded")
}

test_unknown_deadline_unclear if {
	inp := {"price_changes": [pc({"customer_exit": exit({})})]}
	r0 := rule with input as inp
	some f in r0.unknown
	contains(f.msg, "deadline to terminate")
	r := rule with input as object.union(inp, {"term": {"status": "ambiguous", "src": src, "note": "x"}})
	count(r.unknown) == 1
	r2 := rule with input as object.union(inp, {"term": [{"status": "ambiguous", "src": src, "note": "x"}]})
	count(r2.unknown) == 1
	r3 := rule with input as object.union(inp, {"term": [{"src": src}]})
	count(r3.unknown) == 1
	r4 := rule with input as object.union(inp, {"term": [{"auto_renewal": {"renews": true}, "src": src}]})
	count(r4.unknown) == 1
	r6 := rule with input as object.union(
		inp,
		{"term": [{"auto_renewal": {"status": "ambiguous", "src": src, "note": "x"}, "src": src}]},
	)
	count(r6.unknown) == 1
	r5 := rule with input as object.union(inp, {"term": [{"auto_renewal": {"renews": false}, "src": src}]})
	count(r5.unknown) == 0
	count(r5.deny) == 0
}
