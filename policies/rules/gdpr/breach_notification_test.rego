package termlint.rules.gdpr.breach_notification_test

import data.termlint.rules.gdpr.breach_notification as rule

src := {"art": "4.1", "quote": "q"}

processor := {"value": "processor", "src": src}

in_dpa(bn) := {"dpa": {"breach_notification": bn}}

in_terms(pa, bn) := {"data_protection": {"role": processor, "processor_agreement": pa, "breach_notification": bn}}

test_pass_48_hours_in_dpa if {
	r := rule with input as in_dpa({"without_undue_delay": true, "within": {"text": "48h", "days": 2}, "src": src})
	count(r.deny) == 0
	count(r.unknown) == 0
	r.applies
}

test_fail_72_hours_in_dpa if {
	r := rule with input as in_dpa({"within": {"text": "72h", "days": 3}, "src": src})
	some f in r.deny
	f.path == ["dpa", "breach_notification", "within"]
	startswith(f.msg, "the vendor must notify a personal data breach within 72 hours; the playbook asks for at most 48")
}

test_threshold_from_params if {
	r := rule with input as in_dpa({"within": {"text": "72h", "days": 3}, "src": src})
		with data.termlint.params.gdpr.breach_notification.max_days as 3
	count(r.deny) == 0
}

test_fail_without_undue_delay_only if {
	r := rule with input as in_dpa({"without_undue_delay": true, "src": src})
	some f in r.deny
	contains(f.msg, "only \"without undue delay\", with no deadline")
}

test_pass_without_undue_delay_when_accepted if {
	r := rule with input as in_dpa({"without_undue_delay": true, "src": src})
		with data.termlint.params.gdpr.breach_notification.accept_undue_delay as true
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_dpa_prevails_over_the_terms if {
	r := rule with input as object.union(
		in_terms({"form": "attached", "src": src}, {"within": {"text": "5d", "days": 5}, "src": src}),
		in_dpa({"within": {"text": "24h", "days": 1}, "src": src}),
	)
	count(r.deny) == 0
}

test_fail_terms_silent_without_processor_agreement if {
	r := rule with input as in_terms({"status": "absent", "src": null}, {"status": "absent", "src": null})
	some f in r.deny
	f.path == ["data_protection", "breach_notification"]
	startswith(f.msg, "the vendor processes personal data as processor but need not notify")
}

test_fail_terms_deadline_too_long if {
	r := rule with input as in_terms({"form": "attached", "src": src}, {"within": {"text": "5d", "days": 5}, "src": src})
	some f in r.deny
	f.path == ["data_protection", "breach_notification", "within"]
}

test_unknown_terms_silent_with_separate_agreement if {
	r := rule with input as in_terms({"form": "separate_on_request", "src": src}, {"status": "absent", "src": null})
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "the processor agreement (available only on request) is a separate document that has not been encoded")
}

test_unknown_deal_dpa_not_provided if {
	r := rule with input as object.union(
		in_terms({"form": "separate_signed", "src": src}, {"status": "absent", "src": null}),
		{"deal": {"documents": [{"role": "dpa", "status": "not_provided", "referenced_in": "msa", "src": src}]}},
	)
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "the processor agreement is referred to in art. 4.1 of the master agreement but is not provided")
}

test_unknown_not_encoded_or_ambiguous if {
	r1 := rule with input as {"dpa": {"roles": {"vendor": "processor", "src": src}}}
	some f1 in r1.unknown
	f1.msg == "the notification of personal data breaches has not been encoded"
	r2 := rule with input as in_dpa({"status": "ambiguous", "src": src, "note": "two deadlines"})
	some f2 in r2.unknown
	contains(f2.msg, "two deadlines")
	r3 := rule with input as in_dpa({"information": true, "src": src})
	some f3 in r3.unknown
	f3.msg == "the deadline for notifying a personal data breach has not been encoded"
	r4 := rule with input as {}
	count(r4.unknown) == 1
}

test_not_applicable_controller if {
	r := rule with input as {"data_protection": {"role": {"value": "controller", "src": src}}}
	not r.applies
}

test_unknown_section_ambiguous_or_deferred if {
	inp := in_terms({"status": "absent", "src": null}, {"status": "absent", "src": null})
	r1 := rule with input as {"data_protection": object.union(inp.data_protection, {"status": "ambiguous", "src": src})}
	count(r1.deny) == 0
	some f1 in r1.unknown
	f1.path == ["data_protection"]
	f1.msg == "the data-protection clause is marked ambiguous"
	r2 := rule with input as {"data_protection": {"status": "deferred", "defined_in": "cover_page", "src": src}}
	count(r2.deny) == 0
	some f2 in r2.unknown
	f2.msg == "the data-protection clause is set in the cover page, which is not provided"
}
