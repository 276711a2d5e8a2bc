package termlint.rules.drafting.amount_words_test

import data.termlint.rules.drafting.amount_words as rule

src := {"art": "9", "quote": "q"}

words(text, value) := {"text": text, "value": value}

test_pass_agree if {
	cap := {
		"id": "fixed",
		"basis": "fixed_amount",
		"ceiling": {"amount": 500, "currency": "EUR", "amount_words": words("vijfhonderd euro", 500)},
		"src": src,
	}
	r := rule with input as {"liability": {"caps": [cap]}}
	r.applies
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_mismatch if {
	ok := {"amount": 100, "currency": "EUR", "amount_words": words("honderd euro", 100)}
	bad := {"amount": 500, "currency": "EUR", "amount_words": words("vierhonderd euro", 400)}
	cap := {"id": "fixed", "basis": "fixed_amount", "ceiling": bad, "src": src}
	r := rule with input as {
		"liability": {"caps": [cap]},
		"payment": {"flat_penalty": {"pct": 10, "minimum": ok, "src": src}},
	}
	r.applies
	count(r.deny) == 1
	some f in r.deny
	f.path == ["liability", "caps", 0, "ceiling"]
	f.msg == concat("", [
		`the amount is EUR 500 in figures but "vierhonderd euro" (EUR 400) in words; the playbook expects words and `,
		`figures to `,
		`agree`,
	])
}

test_unknown_words_not_read if {
	m := {"amount": 150, "currency": "EUR", "amount_words": "honderdvijftig euro"}
	r := rule with input as {"payment": {"flat_penalty": {"pct": 10, "minimum": m, "src": src}}}
	r.applies
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["payment", "flat_penalty", "minimum"]
	contains(f.msg, `"honderdvijftig euro" has not been read`)
}

test_not_applicable_no_words if {
	r := rule with input as {"payment": {"flat_penalty": {
		"pct": 10,
		"minimum": {"amount": 150, "currency": "EUR"},
		"src": src,
	}}}
	not r.applies
}

test_not_applicable_annotation_only if {
	bad := {"amount": 120, "currency": "EUR", "amount_words": "honderd euro"}
	r := rule with input as {"sla": {"location": "separate", "x-support_billing": {"rate": bad}, "src": src}}
	not r.applies
	count(r.unknown) == 0
}

test_fail_every_location if {
	bad := {"amount": 500, "currency": "EUR", "amount_words": words("vierhonderd euro", 400)}
	ok := {"amount": 100, "currency": "EUR", "amount_words": words("honderd euro", 100)}
	caps := [
		{"id": "a", "basis": "fixed_amount", "ceiling": ok, "src": src},
		{"id": "b", "basis": "fixed_amount", "ceiling": bad, "src": src},
	]
	r := rule with input as {
		"liability": {"caps": caps},
		"non_solicitation": {"penalty": {"amount": bad, "src": src}},
		"payment": {
			"flat_penalty": {"minimum": bad, "maximum": bad, "src": src},
			"collection_costs": {"minimum": bad, "src": src},
			"reminder_fee": {"amount": bad, "src": src},
		},
		"confidentiality": {"penalty": {"amount": bad, "src": src}},
		"exit": {"data_return": {"charge_amount": bad, "src": src}},
	}
	paths := {f.path | some f in r.deny}
	paths == {
		["liability", "caps", 1, "ceiling"],
		["non_solicitation", "penalty", "amount"],
		["payment", "flat_penalty", "minimum"],
		["payment", "flat_penalty", "maximum"],
		["payment", "collection_costs", "minimum"],
		["payment", "reminder_fee", "amount"],
		["confidentiality", "penalty", "amount"],
		["exit", "data_return", "charge_amount"],
	}
}

test_not_applicable_status_markers if {
	r := rule with input as {
		"liability": {"status": "absent", "src": null},
		"payment": {"status": "ambiguous", "src": src},
	}
	not r.applies
}

# Amounts read as a lawyer writes them, with thousands separators (issue 14: "EUR 2500000").
test_fail_mismatch_large_amount if {
	m := {"amount": 2500000, "currency": "EUR", "amount_words": words("een miljoen euro", 1000000)}
	r := rule with input as {"liability": {"caps": [{"id": "c", "basis": "fixed_amount", "ceiling": m, "src": src}]}}
	some f in r.deny
	contains(f.msg, "the amount is EUR 2,500,000 in figures but \"een miljoen euro\" (EUR 1,000,000) in words")
}
