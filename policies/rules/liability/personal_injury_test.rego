package termlint.rules.liability.personal_injury_test

import data.termlint.rules.liability.personal_injury as rule

src := {"art": "13", "quote": "q"}

cap := {"id": "general", "basis": "fees_paid_lookback", "applies_to": "all damage", "src": src}

catch_all := {"id": "catch_all", "categories": ["all_other"], "direct_too": true, "src": src}

narrow := {"id": "profit", "categories": ["lost_profit", "indirect"], "src": src}

co(kinds, lifts) := {"kinds": kinds, "lifts": lifts, "src": src}

test_pass_lifted_for_injury if {
	r := rule with input as {"liability": {
		"caps": [cap],
		"exclusions": [catch_all, narrow],
		"carve_outs": [co(["death_personal_injury", "intent"], ["all"])],
	}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_narrow_exclusions_only if {
	r := rule with input as {"liability": {
		"caps": {"status": "absent", "src": null},
		"exclusions": [narrow],
		"carve_outs": {"status": "absent", "src": null},
	}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_no_liability_clause if {
	r := rule with input as {"liability": {"status": "absent", "src": null}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_cap_not_lifted if {
	r := rule with input as {"liability": {
		"caps": [cap],
		"exclusions": [narrow],
		"carve_outs": [co(["intent"], ["all"]), co(["death_personal_injury"], ["profit"])],
	}}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "caps", 0]
	f.msg == concat("", [
		`the cap in art. 13 (fees paid; applies to: all damage) is not lifted for death or personal injury; the `,
		`playbook expects death and personal injury to be neither capped nor excluded`,
	])
}

test_fail_catch_all_and_direct_exclusions if {
	direct := {"categories": ["direct"]}
	r := rule with input as {"liability": {
		"caps": [],
		"exclusions": [narrow, catch_all, direct],
		"carve_outs": {"status": "absent", "src": null},
	}}
	count(r.deny) == 2
	some f in r.deny
	f.path == ["liability", "exclusions", 1]
	startswith(f.msg, `the exclusion in art. 13 (all other) is not lifted`)
	some g in r.deny
	g.path == ["liability", "exclusions", 2]
	startswith(g.msg, "exclusion no. 3 (direct) is not lifted")
}

test_cap_names if {
	caps := [
		{"id": "a", "applies_to": "bodily injury", "src": src},
		{"id": "b", "src": src},
		{"applies_to": "all"},
		{},
	]
	r := rule with input as {"liability": {"caps": caps, "exclusions": [], "carve_outs": []}}
	msgs := {f.msg | some f in r.deny}
	some m1 in msgs
	startswith(m1, `the cap in art. 13 (applies to: bodily injury) is not lifted`)
	some m2 in msgs
	startswith(m2, `the cap in art. 13 is not lifted`)
	some m3 in msgs
	startswith(m3, "cap no. 3 (applies to: all) is not lifted")
	some m4 in msgs
	startswith(m4, "cap no. 4 is not lifted")
}

test_unknown_unclear_carve_outs if {
	amb := {"status": "ambiguous", "src": src, "note": "unclear"}
	no_lifts := {"kinds": ["death_personal_injury"], "src": src}
	r := rule with input as {"liability": {"caps": [cap], "exclusions": [catch_all], "carve_outs": [amb, no_lifts]}}
	count(r.deny) == 0
	count(r.unknown) == 2
	some f in r.unknown
	f.path == ["liability", "caps", 0]
	contains(f.msg, "a carve-out that may lift it for death or personal injury is unclear")
}

# The kinds of an ambiguous carve-out are part of what is unclear: listed as intent, it may still
# be the clause that lifts the cap for death or personal injury.
test_unknown_ambiguous_carve_out_of_other_kind if {
	amb := {"status": "ambiguous", "src": src, "note": "unclear", "kinds": ["intent"], "lifts": ["all"]}
	r := rule with input as {"liability": {"caps": [cap], "exclusions": [], "carve_outs": [amb]}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["liability", "caps", 0]
}

test_unknown_ambiguous_item if {
	amb := {"id": "open", "status": "ambiguous", "src": src, "note": "open list", "categories": ["all_other"]}
	r := rule with input as {"liability": {"caps": [], "exclusions": [amb], "carve_outs": []}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["liability", "exclusions", 0]
	contains(f.msg, "open list")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.msg == "liability has not been encoded"
}

test_unknown_lists_not_encoded if {
	r := rule with input as {"liability": {"exclusions": [catch_all]}}
	count(r.deny) == 0
	msgs := {f.msg | some f in r.unknown}
	msgs == {"liability caps have not been encoded", "liability carve-outs have not been encoded"}
}

test_carve_outs_not_needed_without_reach if {
	r := rule with input as {"liability": {"caps": [], "exclusions": [narrow]}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_unknown_ambiguous_section_and_lists if {
	amb := {"status": "ambiguous", "src": src, "note": "unclear list"}
	r := rule with input as {"liability": {
		"status": "ambiguous",
		"src": src,
		"note": "garbled",
		"caps": amb,
		"exclusions": [catch_all],
		"carve_outs": amb,
	}}
	count(r.deny) == 0
	paths := {f.path | some f in r.unknown}
	paths == {["liability"], ["liability", "caps"], ["liability", "carve_outs"]}
	r2 := rule with input as {"liability": {"caps": [], "exclusions": amb, "carve_outs": []}}
	some u in r2.unknown
	u.path == ["liability", "exclusions"]
}

test_lifted_by_id_and_unclear_by_id if {
	plain := {"id": "plain", "basis": "fixed_amount", "src": src}
	amb := {
		"status": "ambiguous",
		"src": src,
		"note": "whose injury?",
		"kinds": ["death_personal_injury"],
		"lifts": ["plain"],
	}
	r := rule with input as {"liability": {
		"caps": [cap, plain],
		"exclusions": [],
		"carve_outs": [co(["death_personal_injury"], ["general"]), amb],
	}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["liability", "caps", 1]
	startswith(f.msg, `the cap in art. 13 (fixed amount): a carve-out that may lift it`)
}

# applies_to: an exclusion of all other damage limited to a warranty's remedy is no catch-all; the
# same exclusion without a scope fails.
test_unknown_exclusion_limited_by_applies_to if {
	sole_remedy := object.union(catch_all, {"id": "warranty_remedy", "applies_to": "breach of the performance warranty"})
	r := rule with input as {"liability": {
		"caps": {"status": "absent", "src": null},
		"exclusions": [sole_remedy],
		"carve_outs": {"status": "absent", "src": null},
	}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["liability", "exclusions", 0]
	f.msg == concat("", [
		`the exclusion in art. 13 (all other) applies only to breach of the performance warranty; whether that `,
		"takes in death or personal injury has to be read in the clause",
	])
}

test_fail_exclusion_without_scope if {
	r := rule with input as {"liability": {
		"caps": {"status": "absent", "src": null},
		"exclusions": [catch_all],
		"carve_outs": {"status": "absent", "src": null},
	}}
	some f in r.deny
	f.path == ["liability", "exclusions", 0]
}

# Direct damage named within a scope is excluded in so many words: it fails, scope or not.
test_fail_limited_exclusion_of_direct_damage if {
	works := {"id": "works", "categories": ["direct", "indirect"], "applies_to": "maintenance works", "src": src}
	r := rule with input as {"liability": {
		"caps": {"status": "absent", "src": null},
		"exclusions": [works],
		"carve_outs": {"status": "absent", "src": null},
	}}
	some f in r.deny
	f.path == ["liability", "exclusions", 0]
}

# A limited exclusion lifted for injury needs no reading.
test_pass_limited_exclusion_lifted if {
	sole_remedy := object.union(catch_all, {"applies_to": "breach of the performance warranty"})
	r := rule with input as {"liability": {
		"caps": {"status": "absent", "src": null},
		"exclusions": [sole_remedy],
		"carve_outs": [co(["death_personal_injury"], ["catch_all"])],
	}}
	count(r.deny) == 0
	count(r.unknown) == 0
}
