package termlint.rules.drafting.notes_test

import data.termlint.rules.drafting.notes as rule

test_pass_no_notes if {
	r := rule with input as {"schema_version": "1"}
	count(r.deny) == 0
	not r.unknown # the rule has no unknown state
}

test_pass_empty_notes if {
	r := rule with input as {"drafting_notes": []}
	count(r.deny) == 0
	not r.unknown # the rule has no unknown state
}

test_fail_one_finding_per_note if {
	notes := [
		{"arts": ["12.1", "12.4"], "kind": "inconsistency", "note": "The notice periods do not fit together.\n"},
		{"arts": ["15"], "note": "Refers to art. 16, which does not exist.", "src": {"art": "15", "quote": "q"}},
	]
	r := rule with input as {"drafting_notes": notes}
	count(r.deny) == 2
	not r.unknown # the rule has no unknown state
	some a in r.deny
	a.path == ["drafting_notes", 0]
	a.msg == "The notice periods do not fit together."
	some b in r.deny
	b.path == ["drafting_notes", 1]
	b.msg == "Refers to art. 16, which does not exist."
}
