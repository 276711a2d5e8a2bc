package termlint.rules.audit.customer_right_test

import data.termlint.rules.audit.customer_right as rule

src := {"art": "12", "quote": "q"}

test_pass_customer_right if {
	r := rule with input as {"audit": {"customer_right": true, "scope": "security", "src": src}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_absent if {
	r := rule with input as {"audit": {"status": "absent", "src": null}}
	some f in r.deny
	f.path == ["audit"]
	contains(f.msg, "no right to audit or inspect")
	count(r.unknown) == 0
}

test_fail_no_customer_right if {
	r := rule with input as {"audit": {"customer_right": false, "src": src}}
	some f in r.deny
	f.path == ["audit", "customer_right"]
	f.msg == "the buyer has no right to audit or inspect the vendor; the playbook expects one"
}

test_fail_only_vendor_audits if {
	r := rule with input as {"audit": {"customer_right": false, "vendor_audits_customer": true, "src": src}}
	some f in r.deny
	contains(f.msg, "only the vendor may audit the buyer")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.path == []
}

test_unknown_ambiguous if {
	r := rule with input as {"audit": {"status": "ambiguous", "src": src, "note": "inspection of reports only?"}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["audit"]
	contains(f.msg, "inspection of reports only?")
}

test_unknown_right_not_encoded if {
	r := rule with input as {"audit": {"vendor_audits_customer": true, "src": src}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["audit"]
	contains(f.msg, "whether the buyer may audit")
}

# The processor agreement encoded in the deal.
dpa_audits(kind) := {"dpa": {"audits": {"information": true, "audits": kind, "src": src}}}

test_pass_dpa_inspections_over_silent_terms if {
	r := rule with input as object.union(dpa_audits("inspections"), {"audit": {"status": "absent", "src": null}})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_dpa_reports_only if {
	r := rule with input as object.union(dpa_audits("reports_only"), {"audit": {"status": "absent", "src": null}})
	some f in r.deny
	f.path == ["dpa", "audits", "audits"]
	startswith(f.msg, "the processor agreement lets the buyer audit only through the vendor's own reports")
}

test_pass_dpa_reports_only_with_a_right_in_the_terms if {
	r := rule with input as object.union(dpa_audits("reports_only"), {"audit": {"customer_right": true, "src": src}})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_unknown_dpa_without_inspections_and_terms_not_encoded if {
	r := rule with input as dpa_audits("none")
	count(r.deny) == 0
	some f in r.unknown
	f.msg == "audit rights have not been encoded"
}

# A processor agreement the deal refers to but does not provide.
dpa_on_request := {"deal": {"documents": [
	{"id": "terms", "role": "general_terms", "status": "provided"},
	{
		"id": "dpa", "role": "dpa", "status": "on_request",
		"referenced_in": "general_terms", "src": {"art": "13", "quote": "q"},
	},
]}}

test_unknown_dpa_on_request_and_silent_terms if {
	r := rule with input as object.union(dpa_on_request, {"audit": {"status": "absent", "src": null}})
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["audit"]
	contains(f.msg, "referred to in art. 13 of the general terms is available only on request")
	contains(f.msg, "GDPR art. 28(3)(h)")
}

test_pass_dpa_on_request_with_a_right_in_the_terms if {
	terms := {"audit": {"customer_right": true, "scope": "security", "src": src}}
	r := rule with input as object.union(dpa_on_request, terms)
	count(r.deny) == 0
	count(r.unknown) == 0
}
