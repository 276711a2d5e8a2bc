package termlint.rules.liability.subcontractors_test

import data.termlint.rules.liability.subcontractors as rule

src := {"art": "16", "quote": "q"}

liable := {"vendor_liable": true, "src": src}

fm := {"includes": ["war_natural", "strike"], "src": src}

test_pass_vendor_liable if {
	r := rule with input as {"liability": {
		"subcontractors": liable,
		"exclusions": [{"categories": ["indirect"], "src": src}],
		"force_majeure": fm,
	}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_silent_document if {
	absent := {"status": "absent", "src": null}
	r := rule with input as {"liability": {"subcontractors": absent, "exclusions": absent, "force_majeure": absent}}
	count(r.deny) == 0
	count(r.unknown) == 0
	r2 := rule with input as {"liability": absent}
	count(r2.deny) == 0
	count(r2.unknown) == 0
}

test_fail_vendor_not_liable if {
	r := rule with input as {"liability": {
		"subcontractors": {"vendor_liable": false, "src": src},
		"exclusions": [],
		"force_majeure": fm,
	}}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "subcontractors"]
	f.msg == concat("", [
		"read together, the clauses quoted leave the vendor not answering for its subcontractors and suppliers as for ",
		"itself; the playbook expects the vendor to answer for them",
	])
	not contains(f.msg, "the document says")
}

test_fail_exclusion if {
	exs := [
		{"categories": ["indirect"], "src": src},
		{"id": "subs", "categories": ["subcontractor_acts"], "src": src},
		{"categories": ["subcontractor_acts"]},
	]
	r := rule with input as {"liability": {"subcontractors": liable, "exclusions": exs, "force_majeure": fm}}
	count(r.deny) == 2
	some f in r.deny
	f.path == ["liability", "exclusions", 1]
	want := "the exclusion in art. 16 excludes liability for the acts or defaults of the vendor's subcontractors"
	startswith(f.msg, want)
	some g in r.deny
	g.path == ["liability", "exclusions", 2]
	startswith(g.msg, "the exclusion excludes")
}

test_fail_force_majeure if {
	r := rule with input as {"liability": {
		"subcontractors": liable,
		"exclusions": [],
		"force_majeure": {"includes": ["strike", "supplier_default"], "src": src},
	}}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "force_majeure", "includes", 1]
	contains(f.msg, "force majeure includes the default of the vendor's own suppliers")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.msg == "liability has not been encoded"
	r2 := rule with input as {"liability": {"exclusions": []}}
	msgs := {g.msg | some g in r2.unknown}
	msgs == {
		"whether the vendor answers for its subcontractors has not been encoded",
		"force majeure has not been encoded",
	}
}

test_unknown_ambiguous if {
	amb := {"status": "ambiguous", "src": src, "note": "a person must look"}
	r := rule with input as {"liability": {"subcontractors": amb, "exclusions": amb, "force_majeure": amb}}
	count(r.deny) == 0
	paths := {f.path | some f in r.unknown}
	paths == {["liability", "subcontractors"], ["liability", "exclusions"], ["liability", "force_majeure"]}
	some f in r.unknown
	contains(f.msg, "a person must look")
}

test_unknown_ambiguous_section if {
	r := rule with input as {"liability": {"status": "ambiguous", "src": src, "note": "garbled"}}
	some f in r.unknown
	f.path == ["liability"]
	contains(f.msg, "garbled")
}

test_unknown_ambiguous_exclusion_and_missing_flag if {
	amb := {
		"id": "third",
		"status": "ambiguous",
		"src": src,
		"note": "whose third parties?",
		"categories": ["subcontractor_acts"],
	}
	r := rule with input as {"liability": {
		"subcontractors": {"src": src, "note": "says something"},
		"exclusions": [amb],
		"force_majeure": fm,
	}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["liability", "exclusions", 0]
	f.msg == concat("", [
		`the exclusion in art. 16 may exclude the acts of the vendor's subcontractors: it is marked ambiguous: whose third `,
		`parties?`,
	])
	some g in r.unknown
	contains(g.msg, "without saying whether the vendor answers for them")
}
