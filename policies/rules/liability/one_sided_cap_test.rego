package termlint.rules.liability.one_sided_cap_test

import data.termlint.rules.liability.one_sided_cap as rule

src := {"art": "8.1", "quote": "q"}

twelve := {"text": "12mo", "days": 365}

cap(id, party) := {"id": id, "party": party, "basis": "fees_paid_lookback", "lookback": twelve, "src": src}

liab(caps, carve_outs) := {"liability": {"src": src, "caps": caps, "carve_outs": carve_outs}}

test_fail_vendor_only if {
	r := rule with input as liab([{"id": "g", "basis": "fixed_amount", "src": src}], [])
	some f in r.deny
	f.path == ["liability", "caps"]
	contains(f.msg, "but not the buyer's")
}

test_pass_mutual if {
	r := rule with input as liab([cap("g", "both")], [])
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_mutual_by_section if {
	g := {"id": "g", "basis": "fixed_amount", "src": src}
	r := rule with input as {"liability": {"src": src, "party": "both", "caps": [g]}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_carve_out_for_buyer_alone if {
	kinds := ["payment_obligations", "use_restrictions"]
	co := {"id": "unlimited", "party": "customer", "kinds": kinds, "lifts": ["g"], "src": src}
	r := rule with input as liab([cap("g", "both")], [co])
	some f in r.deny
	f.path == ["liability", "carve_outs", 0]
	contains(f.msg, "the carve-out in art. 8.1 lifts the caps for the buyer's liability alone (use restrictions)")
}

test_pass_carve_out_for_fees_only if {
	co := {"party": "customer", "kinds": ["payment_obligations"], "lifts": ["all"], "src": src}
	r := rule with input as liab([cap("g", "both")], [co])
	count(r.deny) == 0
}

test_fail_buyer_cap_higher if {
	v := cap("v", "vendor")
	c := object.union(cap("c", "customer"), {"lookback": {"text": "24mo", "days": 730}})
	r := rule with input as liab([v, c], [])
	some f in r.deny
	f.path == ["liability", "caps", 0]
	contains(f.msg, "is lower than the buyer's")
}

test_pass_equal_separate_caps if {
	r := rule with input as liab([cap("v", "vendor"), cap("c", "customer")], [])
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_unknown_incomparable if {
	c := {"id": "c", "party": "customer", "basis": "fixed_amount", "ceiling": {"amount": 1, "currency": "EUR"}, "src": src}
	r := rule with input as liab([cap("v", "vendor"), c], [])
	count(r.deny) == 0
	count(r.unknown) == 1
}

test_not_applicable_no_caps if {
	r := rule with input as liab({"status": "absent", "src": null}, [])
	r.applies == false
}

test_unknown_not_encoded_or_unclear if {
	r := rule with input as {}
	count(r.unknown) == 1
	r2 := rule with input as {"liability": {"src": src}}
	count(r2.unknown) == 1
	r3 := rule with input as {"liability": {"status": "ambiguous", "note": "n", "src": src}}
	count(r3.unknown) == 1
	deferred := {"status": "deferred", "defined_in": "cover_page", "variable": "General Cap Amount", "src": src}
	r4 := rule with input as liab(deferred, [])
	count(r4.unknown) == 1
	r5 := rule with input as liab([{"status": "ambiguous", "note": "n", "src": src}], [])
	count(r5.unknown) == 1
	count(r5.deny) == 0
}

# The buyer's cap covers only part of the contract: a question, not a pass.
test_unknown_buyer_cap_limited_in_scope if {
	buyer := object.union(cap("buyer", "customer"), {"applies_to": "professional services"})
	r := rule with input as liab([cap("vendor", "vendor"), buyer], [])
	count(r.deny) == 0
	some f in r.unknown
	startswith(f.msg, "the buyer's cap covers only professional services")
}

# A carve-out marked unclear, or left to a cover page that is not provided, may lift the caps for the
# buyer alone: unknown, not the pass of caps that bind both parties.
test_unknown_carve_out_unclear if {
	co := {"id": "unlimited", "party": "customer", "kinds": ["use_restrictions"], "lifts": ["g"], "src": src}
	r1 := rule with input as liab([cap("g", "both")], [object.union(co, {"status": "ambiguous", "note": "whose?"})])
	count(r1.deny) == 0
	some f1 in r1.unknown
	f1.path == ["liability", "carve_outs", 0]
	f1.msg == "the carve-out in art. 8.1 is marked ambiguous: whose?"
	deferred := {"status": "deferred", "defined_in": "cover_page", "variable": "Unlimited Claims", "src": src}
	r2 := rule with input as liab([cap("g", "both")], [deferred])
	count(r2.deny) == 0
	some f2 in r2.unknown
	f2.msg == "the carve-out in art. 8.1 is set in the cover page (\"Unlimited Claims\"), which is not provided"
	r3 := rule with input as liab([cap("g", "both")], deferred)
	count(r3.deny) == 0
	some f3 in r3.unknown
	f3.path == ["liability", "carve_outs"]
	f3.msg == "the list of carve-outs is set in the cover page (\"Unlimited Claims\"), which is not provided"
	vendor_only := object.union(co, {"party": "vendor", "status": "ambiguous"})
	r4 := rule with input as liab([cap("g", "both")], [vendor_only])
	count(r4.deny) == 0
	count(r4.unknown) == 0
}
