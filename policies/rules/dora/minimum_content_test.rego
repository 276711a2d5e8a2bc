package termlint.rules.dora.minimum_content_test

import data.termlint.rules.dora.minimum_content as rule

src := {"art": "20", "quote": "q"}

absent := {"status": "absent", "src": null}

full := {
	"sla": {"location": "in_document", "availability_pct": 99.9, "commitment": "guaranteed", "src": src},
	"data_protection": {"data_location": {"value": "eu", "countries": ["BE"], "change_notice": true, "src": src}},
	"audit": {"customer_right": true, "authority_access": true, "src": src},
	"exit": {"migration_assistance": {"available": true, "charge": "charged", "src": src}},
}

incident_gap := concat("", [
	"the contract model has no field for assistance with ICT incidents (DORA art. 30(2)(f)); check the document by hand ",
	"(data_protection.breach_notification covers personal data breaches only)",
])

findings(set) := {[f.path, f.msg] | some f in set}

paths(set) := {f.path | some f in set}

test_not_applicable_by_default if {
	r := rule with input as full
	not r.applies
}

test_enabled_from_params if {
	r := rule with input as full with data.termlint.params.dora.minimum_content.enabled as true
	r.applies
}

# Everything the model can hold is there: only the two model gaps remain, so a person must look.
test_complete_leaves_only_model_gaps if {
	r := rule with input as full with data.termlint.params.dora.minimum_content.enabled as true
	count(r.deny) == 0
	findings(r.unknown) == {
		[[], incident_gap],
		[
			["exit"],
			concat("", [
				"the contract model has no field for a transition period during which the vendor keeps providing the service ",
				"(DORA art. 30(3)(f)); check the document by hand",
			]),
		],
	}
}

test_fail_all_absent if {
	c := {"sla": absent, "data_protection": absent, "audit": absent, "exit": absent}
	r := rule with input as c with data.termlint.params.dora.minimum_content.enabled as true
	paths(r.deny) == {["sla"], ["data_protection"], ["audit"], ["exit"]}
	some f in r.deny
	f.path == ["audit"]
	contains(f.msg, "DORA art. 30(3)(e)")
}

test_fail_stated_gaps if {
	c := {
		"sla": {"location": "none", "src": src},
		"data_protection": {"data_location": {"value": "not_stated", "change_notice": false, "src": src}},
		"audit": {"customer_right": false, "authority_access": false, "src": src},
		"exit": {"migration_assistance": {"available": false, "src": src}},
	}
	r := rule with input as c with data.termlint.params.dora.minimum_content.enabled as true
	paths(r.deny) == {
		["sla", "location"],
		["data_protection", "data_location", "value"],
		["data_protection", "data_location", "change_notice"],
		["audit", "customer_right"],
		["audit", "authority_access"],
		["exit", "migration_assistance", "available"],
	}
	some f in r.deny
	f.path == ["data_protection", "data_location", "change_notice"]
	contains(f.msg, "notice")
}

test_fail_nested_absent if {
	c := {
		"sla": full.sla,
		"audit": full.audit,
		"data_protection": {"data_location": absent},
		"exit": {"migration_assistance": absent},
	}
	r := rule with input as c with data.termlint.params.dora.minimum_content.enabled as true
	paths(r.deny) == {["data_protection", "data_location"], ["exit", "migration_assistance"]}
}

test_unknown_not_encoded if {
	r := rule with input as {} with data.termlint.params.dora.minimum_content.enabled as true
	count(r.deny) == 0
	findings(r.unknown) == {
		[[], "service levels have not been encoded"],
		[[], "data protection has not been encoded"],
		[[], "audit rights have not been encoded"],
		[[], "exit provisions have not been encoded"],
		[[], incident_gap],
	}
}

test_unknown_ambiguous if {
	amb := {"status": "ambiguous", "src": src, "note": "unclear"}
	c := {"sla": amb, "data_protection": amb, "audit": amb, "exit": amb}
	r := rule with input as c with data.termlint.params.dora.minimum_content.enabled as true
	count(r.deny) == 0
	{["sla"], ["data_protection"], ["audit"], ["exit"]} == paths(r.unknown) - {[]}
	some f in r.unknown
	f.path == ["exit"]
	f.msg == "the exit provisions is marked ambiguous: unclear"
}

test_unknown_nested_ambiguous if {
	amb := {"status": "ambiguous", "src": src, "note": "unclear"}
	c := {
		"sla": full.sla,
		"audit": full.audit,
		"data_protection": {"data_location": amb},
		"exit": {"migration_assistance": amb},
	}
	r := rule with input as c with data.termlint.params.dora.minimum_content.enabled as true
	count(r.deny) == 0
	paths(r.unknown) == {[], ["data_protection", "data_location"], ["exit", "migration_assistance"]}
}

test_unknown_missing_fields if {
	c := {
		"sla": {"location": "separate", "commitment": "target", "src": src},
		"data_protection": {"role": {"value": "processor", "src": src}},
		"audit": {"scope": "security", "src": src},
		"exit": {"data_return": {"available": true, "src": src}},
	}
	r := rule with input as c with data.termlint.params.dora.minimum_content.enabled as true
	count(r.deny) == 0
	findings(r.unknown) == {
		[[], incident_gap],
		[
			["sla"],
			concat("", [
				"the service levels are in a separate SLA that has not been encoded; DORA art. 30(3)(a) requires quantitative ",
				"targets",
			]),
		],
		[["data_protection"], "the location of data processing has not been encoded"],
		[["audit"], "whether the buyer may audit and whether the authority has access has not been encoded"],
		[["exit"], "assistance with migration at exit has not been encoded"],
	}
}

test_unknown_missing_leaf_fields if {
	c := {
		"sla": {"location": "in_document", "src": src},
		"data_protection": {"data_location": {"countries": ["BE"], "src": src}},
		"audit": {"customer_right": true, "src": src},
		"exit": {"migration_assistance": {"charge": "free", "src": src}},
	}
	r := rule with input as c with data.termlint.params.dora.minimum_content.enabled as true
	count(r.deny) == 0
	findings(r.unknown) == {
		[[], incident_gap],
		[["sla"], "no quantified service level has been encoded; DORA art. 30(3)(a) requires quantitative targets"],
		[["data_protection", "data_location"], "the region where data is processed has not been encoded"],
		[
			["data_protection", "data_location"],
			"whether the vendor gives notice before it changes the location of data has not been encoded",
		],
		[["audit"], "whether the authority has access has not been encoded"],
		[["exit", "migration_assistance"], "whether the vendor assists with migration has not been encoded"],
	}
}
