package termlint.rules.liability.intent_carve_out_test

import data.termlint.rules.liability.intent_carve_out as rule

src := {"art": "10", "quote": "q"}

cap := {"id": "general", "basis": "fees_paid_lookback", "src": src}

excl := {"id": "data", "categories": ["data_loss"], "src": src}

co(kinds, lifts) := {"kinds": kinds, "lifts": lifts, "src": src}

liability(carve_outs) := {"caps": [cap], "exclusions": [excl], "carve_outs": carve_outs}

test_pass_all_lifted if {
	r := rule with input as {"liability": liability([co(["intent"], ["all"])])}
	count(r.deny) == 0
	count(r.unknown) == 0
	r.applies
}

test_pass_fraud_and_intent_by_id if {
	r := rule with input as {"liability": liability([
		co(["fraud"], ["general"]),
		co(["intent", "gross_negligence"], ["data"]),
	])}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_only_the_cap_lifted if {
	r := rule with input as {"liability": liability([co(["intent", "fraud"], ["general"])])}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "exclusions", 0]
	f.msg == concat("", [
		`the exclusion in art. 10 (data loss) is not lifted by any carve-out, not even for intent or fraud; the playbook `,
		`expects every cap and every exclusion to be lifted at least for intent or fraud`,
	])
}

test_fail_lifted_for_other_kinds_only if {
	r := rule with input as {"liability": liability([co(["gross_negligence", "death_personal_injury"], ["all"])])}
	count(r.deny) == 2
	some f in r.deny
	f.path == ["liability", "caps", 0]
	contains(
		f.msg,
		concat("", [
			`the cap in art. 10 (fees paid) is lifted only for death or personal injury and gross negligence, not for `,
			`intent or fraud`,
		]),
	)
}

test_fail_no_carve_outs_and_unnamed_items if {
	r := rule with input as {"liability": {
		"caps": [{"basis": "fixed_amount"}, {"id": "x", "src": src}],
		"exclusions": [{}, {"id": "y", "src": src}],
		"carve_outs": {"status": "absent", "src": null},
	}}
	count(r.deny) == 4
	msgs := {f.msg | some f in r.deny}
	some m1 in msgs
	startswith(m1, "cap no. 1 is not lifted")
	some m2 in msgs
	startswith(m2, `the cap in art. 10 is not lifted`)
	some m3 in msgs
	startswith(m3, "exclusion no. 1 is not lifted")
	some m4 in msgs
	startswith(m4, `the exclusion in art. 10 is not lifted`)
}

test_threshold_from_params if {
	r := rule with input as {"liability": liability([co(["gross_negligence"], ["all"])])}
		with data.termlint.params.liability.intent_carve_out.kinds as ["gross_negligence"]
	count(r.deny) == 0
}

test_unknown_unclear_carve_outs if {
	amb := {"status": "ambiguous", "src": src, "note": "unclear", "kinds": ["intent"], "lifts": ["data"]}
	no_lifts := {"kinds": ["fraud"], "src": src}
	r := rule with input as {"liability": liability([amb, no_lifts])}
	count(r.deny) == 0
	count(r.unknown) == 2
	some f in r.unknown
	contains(f.msg, "a carve-out that may lift it for intent or fraud is unclear")
}

# An ambiguous carve-out that lists only gross negligence may still reach intent: the kinds are
# part of what is unclear.
test_unknown_ambiguous_carve_out_of_other_kinds if {
	amb := {"status": "ambiguous", "src": src, "note": "which fault", "kinds": ["gross_negligence"], "lifts": ["all"]}
	r := rule with input as {"liability": liability([amb])}
	count(r.deny) == 0
	count(r.unknown) == 2
	some f in r.unknown
	contains(f.msg, "a carve-out that may lift it for intent or fraud is unclear")
}

test_fail_ambiguous_carve_out_lifts_other_item if {
	amb := {"status": "ambiguous", "src": src, "note": "which fault", "kinds": ["gross_negligence"], "lifts": ["data"]}
	r := rule with input as {"liability": liability([amb])}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "caps", 0]
}

test_unknown_ambiguous_carve_out_without_kinds if {
	amb := {"status": "ambiguous", "src": src, "note": "unclear"}
	r := rule with input as {"liability": liability([amb])}
	count(r.deny) == 0
	count(r.unknown) == 2
}

test_unknown_ambiguous_item if {
	amb := {"id": "open", "status": "ambiguous", "src": src, "note": "open list", "categories": ["other"]}
	r := rule with input as {"liability": {"caps": [], "exclusions": [amb], "carve_outs": []}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["liability", "exclusions", 0]
	f.msg == `the exclusion in art. 10 (anything else): it is marked ambiguous: open list`
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.msg == "liability has not been encoded"
	r.applies
}

test_unknown_lists_not_encoded if {
	r := rule with input as {"liability": {"exclusions": [excl]}}
	count(r.deny) == 0
	msgs := {f.msg | some f in r.unknown}
	msgs == {"liability caps have not been encoded", "liability carve-outs have not been encoded"}
}

test_unknown_ambiguous_section_and_lists if {
	amb := {"status": "ambiguous", "src": src, "note": "unclear list"}
	r := rule with input as {"liability": {
		"status": "ambiguous",
		"src": src,
		"note": "garbled",
		"caps": amb,
		"exclusions": amb,
		"carve_outs": amb,
	}}
	count(r.deny) == 0
	paths := {f.path | some f in r.unknown}
	paths == {["liability"], ["liability", "caps"], ["liability", "exclusions"], ["liability", "carve_outs"]}
}

test_not_applicable_nothing_to_lift if {
	not rule.applies with input as {"liability": {
		"caps": [],
		"exclusions": {"status": "absent", "src": null},
		"carve_outs": {"status": "absent", "src": null},
	}}
	r := rule with input as {"liability": {"status": "absent", "src": null}}
	not r.applies
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_lifted_for_one_other_kind if {
	r := rule with input as {"liability": liability([co(["gross_negligence"], ["data"]), co(["intent"], ["general"])])}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "exclusions", 0]
	contains(f.msg, "is lifted only for gross negligence, not for intent or fraud")
}
