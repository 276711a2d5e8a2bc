package termlint.rules.liability.gross_negligence_carve_out_test

import data.termlint.rules.liability.gross_negligence_carve_out as rule

src := {"art": "10", "quote": "q"}

be := {"value": "BE", "src": src}

nl := {"value": "NL", "src": src}

cap := {"id": "general", "basis": "fees_paid_lookback", "src": src}

excl := {"id": "indirect", "categories": ["indirect"], "src": src}

co(kinds, lifts) := {"kinds": kinds, "lifts": lifts, "src": src}

liability(carve_outs) := {"caps": [cap], "exclusions": [excl], "carve_outs": carve_outs}

test_pass_all_lifted_for_gross_negligence if {
	r := rule with input as {"governing_law": be, "liability": liability([co(["intent", "gross_negligence"], ["all"])])}
	count(r.deny) == 0
	count(r.unknown) == 0
	r.applies
}

test_pass_lifted_by_id if {
	r := rule with input as {
		"governing_law": be,
		"liability": liability([co(["gross_negligence"], ["general", "indirect"])]),
	}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_nl_conscious_recklessness if {
	r := rule with input as {"governing_law": nl, "liability": liability([co(["conscious_recklessness"], ["all"])])}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_be_conscious_recklessness_only if {
	r := rule with input as {
		"governing_law": be,
		"liability": liability([co(["intent", "conscious_recklessness"], ["all"])]),
	}
	count(r.deny) == 2
	some f in r.deny
	f.path == ["liability", "caps", 0]
	f.msg == concat("", [
		`the cap in art. 10 (fees paid) is lifted only for conscious recklessness and intent, not for gross `,
		`negligence; under BE law the playbook expects every cap and every exclusion to be lifted at least for gross `,
		`negligence`,
	])
}

test_fail_exclusion_not_named if {
	r := rule with input as {"governing_law": nl, "liability": liability([co(["gross_negligence"], ["general"])])}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "exclusions", 0]
	contains(f.msg, `the exclusion in art. 10 (indirect) is not lifted by any carve-out, not even for gross negligence`)
	contains(
		f.msg,
		concat("", [
			"under NL law the playbook expects every cap and every exclusion to be lifted at least for gross negligence or ",
			"conscious recklessness",
		]),
	)
}

test_fail_no_carve_outs if {
	r := rule with input as {
		"governing_law": {"value": "DE", "src": src},
		"liability": liability({"status": "absent", "src": null}),
	}
	count(r.deny) == 2
	some f in r.deny
	f.path == ["liability", "exclusions", 0]
	contains(
		f.msg,
		"under DE law the playbook expects every cap and every exclusion to be lifted at least for gross negligence",
	)
}

test_fail_unnamed_items if {
	r := rule with input as {
		"governing_law": be,
		"liability": {
			"caps": [{"basis": "fixed_amount"}],
			"exclusions": [{}],
			"carve_outs": [co(["gross_negligence"], ["x"])],
		},
	}
	some f in r.deny
	startswith(f.msg, "cap no. 1 is not lifted")
	some g in r.deny
	startswith(g.msg, "exclusion no. 1 is not lifted")
}

test_names_without_basis_or_categories if {
	r := rule with input as {
		"governing_law": be,
		"liability": {"caps": [{"id": "c", "src": src}], "exclusions": [{"id": "e", "src": src}], "carve_outs": []},
	}
	some f in r.deny
	startswith(f.msg, `the cap in art. 10 is not lifted`)
	some g in r.deny
	startswith(g.msg, `the exclusion in art. 10 is not lifted`)
}

test_fail_whatever_the_law if {
	r := rule with input as {
		"governing_law": {"status": "absent", "src": null},
		"liability": liability([co(["intent"], ["all"])]),
	}
	count(r.deny) == 2
	some f in r.deny
	contains(
		f.msg,
		"whatever the governing law, the playbook expects every cap and every exclusion to be lifted for gross negligence",
	)
}

test_unknown_law_decides if {
	r := rule with input as {
		"governing_law": {"status": "absent", "src": null},
		"liability": liability([co(["conscious_recklessness"], ["all"])]),
	}
	count(r.deny) == 0
	count(r.unknown) == 2
	some f in r.unknown
	f.path == ["liability", "caps", 0]
	contains(
		f.msg,
		concat("", [
			"lifted only for conscious recklessness, which the playbook accepts under some governing laws but not all, and ",
			"the document chooses no governing law",
		]),
	)
}

test_unknown_law_not_encoded_or_ambiguous if {
	r := rule with input as {"liability": liability([co(["conscious_recklessness"], ["all"])])}
	some f in r.unknown
	contains(f.msg, "the governing law has not been encoded")
	r2 := rule with input as {
		"governing_law": {"status": "ambiguous", "src": src, "note": "two laws named"},
		"liability": liability([co(["conscious_recklessness"], ["all"])]),
	}
	some g in r2.unknown
	contains(g.msg, "two laws named")
}

test_pass_gross_negligence_whatever_the_law if {
	r := rule with input as {"liability": liability([co(["gross_negligence"], ["all"])])}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_threshold_from_params if {
	inp := {"governing_law": be, "liability": liability([co(["conscious_recklessness"], ["all"])])}
	r := rule with input as inp
		with data.termlint.params.liability.gross_negligence_carve_out.accepted as {
			"BE": ["conscious_recklessness"],
			"default": ["gross_negligence"],
		}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_unknown_ambiguous_carve_out if {
	amb := {"status": "ambiguous", "src": src, "note": "scope unclear", "kinds": ["gross_negligence"], "lifts": ["all"]}
	r := rule with input as {"governing_law": be, "liability": liability([amb])}
	count(r.deny) == 0
	count(r.unknown) == 2
	some f in r.unknown
	contains(f.msg, "a carve-out that may lift it for gross negligence is unclear")
}

# An ambiguous carve-out that lists other kinds may still be one for gross negligence: the kinds
# are part of what is unclear.
test_unknown_ambiguous_carve_out_of_other_kinds if {
	amb := {"status": "ambiguous", "src": src, "note": "whose fault", "kinds": ["intent"], "lifts": ["all"]}
	r := rule with input as {"governing_law": be, "liability": liability([amb])}
	count(r.deny) == 0
	count(r.unknown) == 2
	some f in r.unknown
	f.path == ["liability", "caps", 0]
	contains(f.msg, "a carve-out that may lift it for gross negligence is unclear")
}

# Deferred to a cover page the deal does not provide: the same.
test_unknown_deferred_carve_out if {
	def := {"status": "deferred", "defined_in": "cover_page", "variable": "Exceptions", "src": src}
	r := rule with input as {"governing_law": be, "liability": liability([def])}
	count(r.deny) == 0
	count(r.unknown) == 2
}

# An ambiguous carve-out lifting only the cap leaves the exclusion failing.
test_fail_ambiguous_carve_out_lifts_other_item if {
	amb := {"status": "ambiguous", "src": src, "note": "whose fault", "kinds": ["intent"], "lifts": ["general"]}
	r := rule with input as {"governing_law": be, "liability": liability([amb])}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "exclusions", 0]
	count(r.unknown) == 1
}

test_unknown_carve_out_without_lifts if {
	r := rule with input as {"governing_law": be, "liability": liability([{"kinds": ["gross_negligence"], "src": src}])}
	count(r.deny) == 0
	count(r.unknown) == 2
}

test_unknown_ambiguous_item if {
	amb := {"id": "open", "status": "ambiguous", "src": src, "note": "open list", "categories": ["other"]}
	r := rule with input as {
		"governing_law": be,
		"liability": {"caps": [], "exclusions": [amb], "carve_outs": {"status": "absent", "src": null}},
	}
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
	r.applies
}

test_unknown_lists_not_encoded_or_ambiguous if {
	r := rule with input as {
		"governing_law": be,
		"liability": {"caps": [cap], "exclusions": {"status": "ambiguous", "src": src, "note": "which"}},
	}
	count(r.deny) == 0
	some f in r.unknown
	f.msg == "liability carve-outs have not been encoded"
	some g in r.unknown
	g.path == ["liability", "exclusions"]
	r.applies
}

test_unknown_ambiguous_section if {
	r := rule with input as {"liability": {"status": "ambiguous", "src": src, "note": "garbled"}}
	some f in r.unknown
	contains(f.msg, "garbled")
}

test_not_applicable_nothing_to_lift if {
	not rule.applies with input as {"liability": {
		"caps": {"status": "absent", "src": null},
		"exclusions": [],
		"carve_outs": {"status": "absent", "src": null},
	}}
	not rule.applies with input as {"liability": {"status": "absent", "src": null}}
}

test_no_liability_section_is_silent if {
	r := rule with input as {"governing_law": be, "liability": {"status": "absent", "src": null}}
	count(r.deny) == 0
	count(r.unknown) == 0
	not r.applies
}

test_unknown_ambiguous_carve_out_without_kinds if {
	amb := {"status": "ambiguous", "src": src, "note": "what standard?", "lifts": ["general"]}
	r := rule with input as {"governing_law": be, "liability": liability([amb])}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "exclusions", 0]
	some u in r.unknown
	u.path == ["liability", "caps", 0]
}

test_unknown_ambiguous_lists if {
	amb := {"status": "ambiguous", "src": src, "note": "unclear list"}
	r := rule with input as {"governing_law": be, "liability": {"caps": amb, "exclusions": [excl], "carve_outs": amb}}
	count(r.deny) == 0
	paths := {f.path | some f in r.unknown}
	paths == {["liability", "caps"], ["liability", "carve_outs"]}
	r.applies
}
