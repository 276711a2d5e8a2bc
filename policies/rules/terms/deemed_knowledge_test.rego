package termlint.rules.terms.deemed_knowledge_test

import data.termlint.rules.terms.deemed_knowledge as rule

src := {"art": "3", "quote": "q"}

absent := {"status": "absent", "src": null}

doc(inc, dk) := {"document": {"source": "x.txt", "language": "nl", "incorporated_terms": inc, "deemed_knowledge": dk}}

test_pass_silent if {
	r := rule with input as doc(absent, absent)
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_attached_and_these_terms if {
	inc := [
		{"name": "prijslijst", "made_available": "attached", "deemed_accepted": true, "src": src},
		{"name": "fabrieksgarantie", "made_available": "third_party", "deemed_accepted": false, "src": src},
		{"name": "tarievenkaart", "made_available": "attached", "src": src},
	]
	dk := [
		{"what": "these_terms", "trigger": "ondertekening", "src": src},
		{"what": "other", "trigger": "e-mail", "src": src},
	]
	r := rule with input as doc(inc, dk)
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_website_terms if {
	inc := [
		{"name": "prijslijst", "made_available": "attached", "deemed_accepted": true, "src": src},
		{
			"name": "factuurvoorwaarden",
			"location": "www.serso.be",
			"made_available": "website",
			"deemed_accepted": true,
			"src": src,
		},
	]
	r := rule with input as doc(inc, absent)
	count(r.deny) == 1
	some f in r.deny
	f.path == ["document", "incorporated_terms", 1]
	f.msg == concat("", [
		`the buyer is deemed to accept the "factuurvoorwaarden", published on a website the buyer must find `,
		`(www.serso.be), which the document does not give; the playbook expects terms that bind the buyer to be attached`,
	])
}

test_fail_on_request_and_not_stated if {
	inc := [
		{
			"name": "verwerkersovereenkomst",
			"location": "on request",
			"made_available": "on_request",
			"deemed_accepted": true,
			"src": src,
		},
		{"location": "not stated", "made_available": "third_party", "deemed_accepted": true, "src": src},
		{"made_available": "not_stated", "deemed_accepted": true, "src": src},
	]
	r := rule with input as doc(inc, absent)
	count(r.deny) == 3
	some a in r.deny
	a.path == ["document", "incorporated_terms", 0]
	contains(a.msg, `"verwerkersovereenkomst", sent only when the buyer asks, which`)
	some b in r.deny
	b.path == ["document", "incorporated_terms", 1]
	contains(b.msg, "accept terms incorporated by reference, terms of a third party the vendor points to, which")
	some c in r.deny
	c.path == ["document", "incorporated_terms", 2]
	contains(c.msg, "the document does not say how the buyer gets")
}

test_fail_deemed_invoice_delivery_other_terms if {
	dk := [
		{"what": "these_terms", "trigger": "sluiten van een overeenkomst", "src": src},
		{"what": "invoice", "trigger": "ondertekening van het servicereport", "src": src},
		{"what": "delivery", "src": src},
		{"what": "other_terms", "trigger": "gebruik", "src": src},
	]
	r := rule with input as doc(absent, dk)
	count(r.deny) == 3
	some a in r.deny
	a.path == ["document", "deemed_knowledge", 1]
	a.msg == concat("", [
		"the buyer is deemed to accept an invoice as correct (trigger: ondertekening van het servicereport); the playbook ",
		"does not accept deemed knowledge or acceptance of this kind",
	])
	some b in r.deny
	b.path == ["document", "deemed_knowledge", 2]
	startswith(b.msg, "the buyer is deemed to accept a delivery or performance as correct;")
	some c in r.deny
	c.path == ["document", "deemed_knowledge", 3]
	contains(c.msg, "other terms that are not in the document (trigger: gebruik)")
}

test_unknown_not_encoded if {
	r := rule with input as {"document": {"source": "x.txt", "language": "nl"}}
	count(r.deny) == 0
	count(r.unknown) == 2
	some f in r.unknown
	f.path == ["document"]
	contains(f.msg, "incorporated by reference have not been encoded")
}

test_unknown_ambiguous_sections if {
	amb := {"status": "ambiguous", "src": src, "note": "unclear"}
	r := rule with input as doc(amb, amb)
	count(r.deny) == 0
	some a in r.unknown
	a.path == ["document", "incorporated_terms"]
	a.msg == "the list of incorporated terms is marked ambiguous: unclear"
	some b in r.unknown
	b.path == ["document", "deemed_knowledge"]
}

test_unknown_items if {
	inc := [
		{"status": "ambiguous", "name": "licentievoorwaarden", "src": src, "note": "which licensor?"},
		{"name": "prijslijst", "made_available": "not_stated", "src": src},
		{"name": "SLA", "deemed_accepted": true, "src": src},
	]
	dk := [
		{"status": "ambiguous", "src": src, "note": "deemed or presumed?"},
		{"trigger": "gebruik", "src": src},
	]
	r := rule with input as doc(inc, dk)
	count(r.deny) == 0
	count(r.unknown) == 5
	some a in r.unknown
	a.path == ["document", "incorporated_terms", 0]
	contains(a.msg, "which licensor?")
	some b in r.unknown
	b.path == ["document", "incorporated_terms", 1]
	b.msg == `whether the buyer is deemed to accept the "prijslijst" has not been encoded`
	some c in r.unknown
	c.path == ["document", "incorporated_terms", 2]
	contains(c.msg, "how the buyer gets")
	some d in r.unknown
	d.path == ["document", "deemed_knowledge", 0]
	contains(d.msg, "deemed or presumed?")
	some e in r.unknown
	e.path == ["document", "deemed_knowledge", 1]
}

# An ambiguous item keeps the values the clause seems to give (website terms deemed accepted, a
# deeming of other terms): unknown, not fail, until a person has read it. Stated, the same fail.
test_unknown_ambiguous_items_with_values if {
	web := {"name": "licentievoorwaarden", "made_available": "website", "deemed_accepted": true, "src": src}
	deem := {"what": "other_terms", "trigger": "ondertekening", "src": src}
	amb := {"status": "ambiguous", "note": "which version?"}
	r := rule with input as doc([object.union(web, amb)], [object.union(deem, amb)])
	count(r.deny) == 0
	some a in r.unknown
	a.path == ["document", "incorporated_terms", 0]
	a.msg == `the "licentievoorwaarden" is marked ambiguous: which version?`
	some b in r.unknown
	b.path == ["document", "deemed_knowledge", 0]
	r2 := rule with input as doc([web], [deem])
	count(r2.deny) == 2
}
