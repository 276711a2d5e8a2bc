package termlint.rules.term.auto_renewal_test

import data.termlint.rules.term.auto_renewal as rule

src := {"art": "12", "quote": "q"}

d(text, days) := {"text": text, "days": days}

renewal(period, notice) := {"renews": true, "period": period, "notice": notice, "notice_by": "both", "src": src}

test_pass_short_renewal if {
	r := rule with input as {"term": [{
		"applies_to": "SaaS",
		"initial": d("12mo", 365),
		"auto_renewal": renewal(d("12mo", 365), d("30d", 30)),
		"src": src,
	}]}
	count(r.deny) == 0
	count(r.unknown) == 0
	r.applies
}

test_pass_two_months_counts_as_60_days if {
	r := rule with input as {"term": [{"auto_renewal": renewal(d("1y", 365), d("2mo", 60.833)), "src": src}]}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_long_notice if {
	r := rule with input as {"term": [{
		"applies_to": "SaaS",
		"auto_renewal": renewal(d("1y", 365), d("3mo", 91.25)),
		"src": src,
	}]}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["term", 0, "auto_renewal", "notice"]
	contains(f.msg, "for SaaS, the notice to stop the automatic renewal is 3 months (91 days)")
	contains(f.msg, "at most 60 days")
}

test_fail_long_period_checks_every_term if {
	r := rule with input as {"term": [
		{"auto_renewal": renewal(d("1y", 365), d("30d", 30)), "src": src},
		{"auto_renewal": renewal({"text": "indefinite", "indefinite": true}, d("30d", 30)), "src": src},
	]}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["term", 1, "auto_renewal", "period"]
	contains(
		f.msg,
		"renews automatically for an indefinite period at a time; the playbook accepts renewals of at most 12 months",
	)
	not contains(f.msg, "for SaaS")
}

test_fail_only_vendor_may_stop if {
	r := rule with input as {"term": [{
		"auto_renewal": object.union(renewal(d("1y", 365), d("30d", 30)), {"notice_by": "vendor"}),
		"src": src,
	}]}
	some f in r.deny
	f.path == ["term", 0, "auto_renewal", "notice_by"]
	contains(f.msg, "only the vendor may give notice")
}

test_threshold_from_params if {
	inp := {"term": [{"auto_renewal": renewal(d("1y", 365), d("30d", 30)), "src": src}]}
	r := rule with input as inp with data.termlint.params.term.auto_renewal.max_notice_days as 14
	some f in r.deny
	contains(f.msg, "at most 14 days")
	r2 := rule with input as inp with data.termlint.params.term.auto_renewal.max_period_days as 180
	some f2 in r2.deny
	contains(f2.msg, "renews automatically for 1 year at a time; the playbook accepts renewals of at most 180 days")
}

test_not_applicable_no_renewal if {
	r := rule with input as {"term": [
		{"auto_renewal": {"renews": false}, "src": src},
		{"auto_renewal": {"status": "absent", "src": null}, "src": src},
		{"status": "absent", "src": null},
	]}
	not r.applies
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_not_applicable_no_term_clause if {
	r := rule with input as {"term": {"status": "absent", "src": null}}
	not r.applies
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.path == []
	r.applies
}

test_unknown_ambiguous_section if {
	r := rule with input as {"term": {"status": "ambiguous", "src": src, "note": "two conflicting terms"}}
	some f in r.unknown
	f.path == ["term"]
	contains(f.msg, "two conflicting terms")
}

test_unknown_ambiguous_item_and_renewal if {
	r := rule with input as {"term": [
		{"status": "ambiguous", "src": src, "note": "start unclear"},
		{"auto_renewal": {"status": "ambiguous", "src": src, "note": "who renews"}, "src": src},
	]}
	count(r.deny) == 0
	some f1 in r.unknown
	f1.path == ["term", 0]
	contains(f1.msg, "start unclear")
	some f2 in r.unknown
	f2.path == ["term", 1, "auto_renewal"]
	contains(f2.msg, "who renews")
}

test_unknown_renewal_not_encoded if {
	r := rule with input as {"term": [
		{"applies_to": "hosting", "src": src},
		{"auto_renewal": {"period": d("1y", 365), "src": src}, "src": src},
		{"auto_renewal": {"renews": true, "period": d("1y", 365), "src": src}, "src": src},
	]}
	count(r.deny) == 0
	count(r.unknown) == 3
	some f1 in r.unknown
	f1.path == ["term", 0]
	contains(f1.msg, "for hosting, whether the term renews")
	some f2 in r.unknown
	f2.path == ["term", 1, "auto_renewal"]
	contains(f2.msg, "auto_renewal.renews")
	some f3 in r.unknown
	f3.path == ["term", 2, "auto_renewal"]
	contains(f3.msg, "the renewal notice has not been encoded")
}
