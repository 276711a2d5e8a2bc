package termlint.rules.payment.term_test

import data.termlint.rules.payment.term as rule

src := {"art": "4.6", "quote": "q"}

pay(period) := {"payment": {"term": {"period": period, "from": "factuurdatum", "src": src}}}

test_pass_30_days if {
	r := rule with input as pay({"text": "30d", "days": 30})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_silent if {
	r := rule with input as {"payment": {"term": {"status": "absent", "src": null}}}
	count(r.deny) == 0
	count(r.unknown) == 0
	r2 := rule with input as {"payment": {"status": "absent", "src": null}}
	count(r2.deny) == 0
	count(r2.unknown) == 0
}

test_fail_15_days if {
	r := rule with input as pay({"text": "15d", "days": 15})
	count(r.deny) == 1
	some f in r.deny
	f.path == ["payment", "term", "period"]
	contains(f.msg, "within 15 days (from: factuurdatum); the playbook expects at least 30 days")
}

test_fail_working_days_without_from if {
	r := rule with input as {"payment": {"term": {"period": {"text": "10wd", "days": 14}, "src": src}}}
	some f in r.deny
	contains(f.msg, "within 10 working days; the playbook")
}

test_threshold_from_params if {
	r := rule with input as pay({"text": "30d", "days": 30}) with data.termlint.params.payment.term.min_days as 45
	some f in r.deny
	contains(f.msg, "at least 45 days")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	some f in r.unknown
	f.path == []
	r2 := rule with input as {"payment": {"late_interest": {"status": "absent", "src": null}}}
	some f2 in r2.unknown
	f2.path == ["payment"]
	r3 := rule with input as {"payment": {"term": {"from": "factuurdatum", "src": src}}}
	some f3 in r3.unknown
	f3.path == ["payment", "term"]
	count(r3.deny) == 0
}

test_unknown_ambiguous if {
	r := rule with input as {"payment": {"status": "ambiguous", "src": src, "note": "order form decides"}}
	some f in r.unknown
	contains(f.msg, "order form decides")
	r2 := rule with input as {"payment": {"term": {"status": "ambiguous", "src": src, "note": "two terms"}}}
	some f2 in r2.unknown
	f2.path == ["payment", "term"]
	contains(f2.msg, "two terms")
}

test_fail_prepayment if {
	r := rule with input as {"payment": {
		"term": {"period": {"text": "30d", "days": 30}, "src": {"art": "5.1", "quote": "q"}},
		"prepayment": {"required": true, "src": {"art": "5.2", "quote": "q"}},
	}}
	some f in r.deny
	f.path == ["payment", "prepayment"]
}

# Prepayment: required fails, not required passes, unclear (ambiguous, or set in a document the
# deal does not provide) is unknown even where the encoder wrote what it seems to say.
test_prepayment_required_fails_unclear_unknown if {
	base := {"term": {"period": {"text": "30d", "days": 30}, "src": src}}
	r := rule with input as {"payment": object.union(base, {"prepayment": {"required": true, "src": src}})}
	some f in r.deny
	f.path == ["payment", "prepayment"]
	r2 := rule with input as {"payment": object.union(base, {"prepayment": {"required": false, "src": src}})}
	count(r2.deny) == 0
	count(r2.unknown) == 0
	amb := {"required": true, "status": "ambiguous", "note": "a deposit is assumed, not required", "src": src}
	r3 := rule with input as {"payment": object.union(base, {"prepayment": amb})}
	count(r3.deny) == 0
	some u in r3.unknown
	u.path == ["payment", "prepayment"]
	u.msg == "whether payment in advance is required is marked ambiguous: a deposit is assumed, not required"
	def := {"status": "deferred", "defined_in": "order_form", "variable": "Payment Terms", "src": src}
	r4 := rule with input as {"payment": object.union(base, {"prepayment": def})}
	count(r4.deny) == 0
	count(r4.unknown) == 1
}
