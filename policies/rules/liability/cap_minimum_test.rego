package termlint.rules.liability.cap_minimum_test

import data.termlint.rules.liability.cap_minimum as rule

src := {"art": "9", "quote": "q"}

mo(n) := {"text": sprintf("%dmo", [n]), "days": (n * 365) / 12}

fees(n) := {"id": "fees", "basis": "fees_paid_lookback", "lookback": mo(n), "src": src}

insurance := {"id": "insurance", "basis": "insurance_payout", "src": src}

fixed := {"id": "fixed", "basis": "fixed_amount", "ceiling": {"amount": 1000000, "currency": "EUR"}, "src": src}

comb(v) := {"value": v, "src": src}

test_pass_twelve_months_of_fees if {
	r := rule with input as {"liability": {"caps": [fees(12)]}}
	count(r.deny) == 0
	count(r.unknown) == 0
	r.applies
}

test_pass_order_price_and_indefinite_lookback if {
	caps := [
		{"basis": "order_price", "src": src},
		{"basis": "fees_payable_lookback", "lookback": {"text": "indefinite", "indefinite": true}, "src": src},
		{"ceiling": {"amount": 5, "currency": "EUR"}, "src": src},
	]
	r := rule with input as {"liability": {"caps": caps, "combination": comb("lowest")}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_insurance_on_top if {
	r := rule with input as {"liability": {"caps": [fees(12), insurance], "combination": comb("cumulative")}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_insurance_as_later_fallback if {
	r := rule with input as {"liability": {"caps": [fees(12), insurance], "combination": comb("sequential_fallback")}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_short_lookback if {
	r := rule with input as {"liability": {"caps": [fees(6)]}}
	some f in r.deny
	f.path == ["liability", "caps", 0]
	f.msg == concat("", [
		"the cap is the fees paid over 6 months; the playbook expects a cap of at least 12 months of fees (or the total ",
		"order value)",
	])
}

test_fail_one_month_and_none if {
	caps := [
		{"basis": "fees_paid_lookback", "lookback": mo(1), "src": src},
		{"basis": "fees_payable_lookback", "lookback": {"text": "none", "days": 0}, "src": src},
	]
	r := rule with input as {"liability": {"caps": caps, "combination": comb("lowest")}}
	some f in r.deny
	f.path == ["liability", "caps", 0]
	contains(f.msg, "fees paid over 1 month;")
	some g in r.deny
	g.path == ["liability", "caps", 1]
	contains(g.msg, "fees payable over no period at all")
}

test_fail_few_monthly_fees if {
	r := rule with input as {"liability": {"caps": [{"basis": "monthly_price", "months": 1, "src": src}]}}
	some f in r.deny
	f.path == ["liability", "caps", 0]
	contains(f.msg, "the cap is 1 monthly fee; the playbook expects a cap of at least 12 monthly fees")
}

test_fail_insurance_only_cap if {
	r := rule with input as {"liability": {"caps": [insurance]}}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "caps", 0]
	contains(f.msg, "insurer pays out, which is not a cap the buyer can rely on")
	contains(f.msg, "it is the only cap the buyer could rely on")
}

test_fail_insurance_first_tier if {
	r := rule with input as {"liability": {"caps": [insurance, fees(12)], "combination": comb("sequential_fallback")}}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "caps", 0]
	contains(f.msg, "it is the first tier of the caps")
}

test_fail_insurance_lowest if {
	r := rule with input as {"liability": {"caps": [fixed, insurance], "combination": comb("lowest")}}
	some f in r.deny
	f.path == ["liability", "caps", 1]
	contains(f.msg, "the lowest of the caps applies")
}

test_fail_insurance_combination_silent if {
	r := rule with input as {"liability": {"caps": [fixed, insurance], "combination": {"status": "absent", "src": null}}}
	some f in r.deny
	f.path == ["liability", "caps", 1]
	contains(f.msg, "does not say how the caps combine")
	r2 := rule with input as {"liability": {"caps": [fixed, insurance], "combination": comb("single")}}
	some g in r2.deny
	g.path == ["liability", "caps", 1]
}

test_ceiling_without_basis_counts_as_reliable if {
	r := rule with input as {"liability": {
		"caps": [{"ceiling": {"amount": 5, "currency": "EUR"}, "src": src}, insurance],
		"combination": comb("cumulative"),
	}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_invoice_value if {
	r := rule with input as {"liability": {
		"caps": [fees(12), {"basis": "invoice_value", "src": src}],
		"combination": comb("lowest"),
	}}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "caps", 1]
	contains(f.msg, "measured by invoice value, a basis the playbook does not accept")
}

test_short_cap_saved_by_cumulative_adequate_cap if {
	r := rule with input as {"liability": {"caps": [fees(6), fixed], "combination": comb("cumulative")}}
	count(r.deny) == 0
}

test_short_cap_fails_even_when_combination_unclear if {
	amb := {"status": "ambiguous", "src": src, "note": "lowest or fallback"}
	r := rule with input as {"liability": {
		"caps": [{"basis": "monthly_price", "months": 1, "src": src}, fixed, insurance],
		"combination": amb,
	}}
	some f in r.deny
	f.path == ["liability", "caps", 0]
	some u in r.unknown
	u.path == ["liability", "caps", 2]
	contains(u.msg, "lowest or fallback")
}

test_threshold_from_params if {
	inp := {"liability": {"caps": [fees(6), {"basis": "monthly_price", "months": 6, "src": src}]}}
	r0 := rule with input as inp
	some g in r0.deny
	contains(g.msg, "the cap is 6 monthly fees;")
	count(rule.deny) == 0 with input as inp
		with data.termlint.params.liability.cap_minimum.min_lookback_days as 180
		with data.termlint.params.liability.cap_minimum.min_months as 6
	r := rule with input as {"liability": {"caps": [fees(6)]}}
		with data.termlint.params.liability.cap_minimum.min_lookback_days as 200
	some f in r.deny
	contains(f.msg, "at least 200 days of fees")
}

test_reliable_bases_from_params if {
	r := rule with input as {"liability": {"caps": [insurance]}}
		with data.termlint.params.liability.cap_minimum.reliable_bases as ["insurance_payout"]
	count(r.deny) == 0
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.msg == "liability has not been encoded"
	r.applies
}

test_unknown_caps_not_encoded if {
	r := rule with input as {"liability": {"exclusions": {"status": "absent", "src": null}}}
	some f in r.unknown
	f.path == ["liability"]
	contains(f.msg, "caps have not been encoded")
	r.applies
}

test_unknown_ambiguous_section_and_caps if {
	r := rule with input as {"liability": {
		"status": "ambiguous",
		"src": src,
		"note": "unclear",
		"caps": {"status": "ambiguous", "src": src, "note": "which caps"},
	}}
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "which caps")
	some g in r.unknown
	g.path == ["liability"]
	contains(g.msg, "unclear")
}

test_unknown_ambiguous_cap if {
	r := rule with input as {"liability": {"caps": [{"status": "ambiguous", "src": src, "note": "tier unclear"}]}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["liability", "caps", 0]
	contains(f.msg, "tier unclear")
}

test_unknown_missing_basis_and_measure if {
	caps := [
		{"note": "a percentage of another cap", "src": src},
		{"basis": "fees_paid_lookback", "src": src},
		{"basis": "monthly_price", "src": src},
	]
	r := rule with input as {"liability": {"caps": caps, "combination": comb("lowest")}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["liability", "caps", 0]
	f.msg == "what this cap is measured by has not been encoded: a percentage of another cap"
	count({u | some u in r.unknown; contains(u.msg, "its measure")}) == 2
}

test_unknown_missing_basis_without_note if {
	r := rule with input as {"liability": {"caps": [{"src": src}]}}
	some f in r.unknown
	f.msg == "what this cap is measured by has not been encoded"
}

test_unknown_combination_not_encoded if {
	r := rule with input as {"liability": {"caps": [fixed, insurance]}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["liability", "caps", 1]
	contains(f.msg, "how the caps combine: that has not been encoded")
}

test_not_applicable_no_caps if {
	not rule.applies with input as {"liability": {"caps": {"status": "absent", "src": null}}}
	not rule.applies with input as {"liability": {"caps": []}}
	not rule.applies with input as {"liability": {"status": "absent", "src": null}}
}

test_fail_base_excludes if {
	c := {
		"id": "fees",
		"basis": "fees_paid_lookback",
		"lookback": {"text": "12mo", "days": 365},
		"base_excludes": ["licenties", "hardware"],
		"src": {"art": "10.14", "quote": "q"},
	}
	r := rule with input as {"liability": {
		"caps": [c],
		"combination": {"value": "single", "src": {"art": "10.14", "quote": "q"}},
	}}
	some f in r.deny
	f.path == ["liability", "caps", 0, "base_excludes"]
	contains(f.msg, "licenties, hardware")
}

test_pass_base_excludes_only_vat if {
	c := {
		"id": "fees",
		"basis": "fees_paid_lookback",
		"lookback": {"text": "12mo", "days": 365},
		"base_excludes": ["exclusief btw"],
		"src": {"art": "15.3", "quote": "q"},
	}
	r := rule with input as {"liability": {
		"caps": [c],
		"combination": {"value": "single", "src": {"art": "15.3", "quote": "q"}},
	}}
	count(r.deny) == 0
}

# The buyer's own cap limits nothing the vendor owes: it is not the cap this rule judges.
test_pass_buyers_low_cap_is_not_the_vendors if {
	buyer := object.union(fees(3), {"id": "buyer", "party": "customer"})
	r := rule with input as {"liability": {"caps": [fees(12), buyer]}}
	count(r.deny) == 0
}
