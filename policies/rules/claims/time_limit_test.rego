package termlint.rules.claims.time_limit_test

import data.termlint.rules.claims.time_limit as rule

src := {"art": "11", "quote": "q"}

d(text, days) := {"text": text, "days": days}

limit(scope, period) := {"scope": scope, "period": period, "src": src}

test_pass_long_periods if {
	limits := [
		limit("liability", d("24mo", 730)),
		limit("all_claims", d("1y", 365)),
		limit("complaints_delivery", d("30d", 30)),
		limit("hidden_defects", d("2mo", 60.833)),
		limit("complaints_invoice", d("6w", 42)),
		limit("other", d("48h", 2)),
	]
	r := rule with input as {
		"liability": {"claim_time_limits": limits},
		"payment": {"invoice_protest": {"period": d("8d", 8), "src": src}},
	}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_no_limits if {
	absent := {"status": "absent", "src": null}
	r := rule with input as {"liability": {"claim_time_limits": absent}, "payment": {"invoice_protest": absent}}
	count(r.deny) == 0
	count(r.unknown) == 0
	r2 := rule with input as {"liability": absent}
	count(r2.deny) == 0
	count(r2.unknown) == 0
	r3 := rule with input as {"liability": {"claim_time_limits": [{
		"scope": "liability",
		"status": "absent",
		"src": null,
	}]}}
	count(r3.deny) == 0
	count(r3.unknown) == 0
}

test_fail_short_liability_claim if {
	l := object.union(limit("liability", d("4w", 28)), {"from": "ontstaan van de schade"})
	r := rule with input as {"liability": {"claim_time_limits": [limit("other", d("1d", 1)), l]}}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "claim_time_limits", 1]
	f.msg == concat("", [
		"the buyer has 4 weeks for a liability claim (counted from: ontstaan van de schade); the playbook accepts no ",
		"period shorter than 12 months",
	])
}

test_fail_short_complaints if {
	limits := [
		object.union(limit("complaints_delivery", d("0d", 0)), {"from": "aflevering"}),
		object.union(limit("hidden_defects", d("14d", 14)), {"from": "not stated", "applies_to": "goods"}),
		limit("complaints_invoice", d("7wd", 9.8)),
		limit("all_claims", d("1mo", 30.417)),
	]
	r := rule with input as {
		"liability": {"claim_time_limits": limits},
		"payment": {"invoice_protest": {"period": d("7wd", 9.8), "src": src}},
	}
	count(r.deny) == 4
	msgs := {f.path[2]: f.msg | some f in r.deny}
	msgs[0] == concat("", [
		"the buyer has 0 days (immediately) for a complaint about a delivery (counted from: aflevering); the playbook ",
		"accepts no period shorter than 30 days",
	])
	msgs[1] == concat("", [
		"the buyer has 14 days for a complaint about hidden defects (goods); the playbook accepts no period shorter than ",
		"30 days",
	])
	startswith(msgs[2], "the buyer has 7 working days for a protest against an invoice;")
	startswith(msgs[3], "the buyer has 1 month for any claim against the vendor;")
}

test_fail_invoice_protest if {
	r := rule with input as {
		"liability": {"claim_time_limits": {"status": "absent", "src": null}},
		"payment": {"invoice_protest": {"period": d("8d", 8), "src": src}},
	}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["payment", "invoice_protest"]
	f.msg == "the buyer has 8 days to protest an invoice; the playbook accepts no period shorter than 30 days"
}

test_threshold_from_params if {
	limits := [limit("liability", d("6mo", 182.5)), limit("complaints_delivery", d("14d", 14))]
	r := rule with input as {"liability": {"claim_time_limits": limits}}
		with data.termlint.params.claims.time_limit.min_liability_days as 180
		with data.termlint.params.claims.time_limit.min_complaint_days as 10
	count(r.deny) == 0
	r2 := rule with input as {"liability": {"claim_time_limits": limits}}
		with data.termlint.params.claims.time_limit.min_complaint_days as 21
	some f in r2.deny
	contains(f.msg, "no period shorter than 21 days")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.path == []
	r2 := rule with input as {"liability": {"caps": []}}
	some g in r2.unknown
	g.msg == "claim time limits have not been encoded"
}

test_unknown_ambiguous if {
	amb := {"status": "ambiguous", "src": src, "note": "a person must decide"}
	r := rule with input as {"liability": {"status": "ambiguous", "src": src, "note": "garbled", "claim_time_limits": amb}}
	count(r.deny) == 0
	paths := {f.path | some f in r.unknown}
	paths == {["liability"], ["liability", "claim_time_limits"]}
	limits := [
		object.union(amb, {"scope": "liability"}),
		object.union(amb, {"scope": "other"}),
		amb,
	]
	r2 := rule with input as {"liability": {"claim_time_limits": limits}}
	count(r2.deny) == 0
	msgs := {f.path[2]: f.msg | some f in r2.unknown}
	msgs[0] == "the time limit for a liability claim is marked ambiguous: a person must decide"
	not msgs[1]
	msgs[2] == "the time limit for claims or complaints is marked ambiguous: a person must decide"
}

test_unknown_incomplete_items if {
	limits := [{"scope": "liability", "src": src}, {"period": d("1d", 1), "src": src}]
	r := rule with input as {"liability": {"claim_time_limits": limits}}
	count(r.deny) == 0
	msgs := {f.path[2]: f.msg | some f in r.unknown}
	msgs[0] == "the time limit for a liability claim is encoded without its period"
	msgs[1] == "a claim time limit is encoded without its scope"
}

test_unknown_invoice_protest if {
	r := rule with input as {
		"liability": {"claim_time_limits": []},
		"payment": {"invoice_protest": {"status": "ambiguous", "src": src, "note": "tijdig undefined"}},
	}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["payment", "invoice_protest"]
	contains(f.msg, "tijdig undefined")
	r2 := rule with input as {
		"liability": {"claim_time_limits": []},
		"payment": {"invoice_protest": {"consequence": "deemed_acceptance", "src": src}},
	}
	some g in r2.unknown
	g.msg == "the period to protest an invoice is encoded without its period"
}

test_invoice_protest_not_counted_twice if {
	inp := {
		"liability": {"claim_time_limits": [limit("complaints_invoice", d("8d", 8))]},
		"payment": {"invoice_protest": {"period": d("8d", 8), "src": src}},
	}
	r := rule with input as inp
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "claim_time_limits", 0]
}
