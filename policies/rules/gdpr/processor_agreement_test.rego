package termlint.rules.gdpr.processor_agreement_test

import data.termlint.rules.gdpr.processor_agreement as rule

src := {"art": "13", "quote": "q"}

test_pass_attached if {
	r := rule with input as {"data_protection": {
		"role": {"value": "processor", "src": src},
		"processor_agreement": {"form": "attached", "src": src},
	}}
	count(r.deny) == 0
	count(r.unknown) == 0
	r.applies
}

test_fail_on_request if {
	r := rule with input as {"data_protection": {
		"role": {"value": "processor", "src": src},
		"processor_agreement": {"form": "separate_on_request", "src": src},
	}}
	some f in r.deny
	f.path == ["data_protection", "processor_agreement"]
	contains(f.msg, "separate on request")
}

test_fail_absent if {
	r := rule with input as {"data_protection": {
		"role": {"value": "processor", "src": src},
		"processor_agreement": {"status": "absent", "src": null},
	}}
	count(r.deny) == 1
}

test_unknown_no_section if {
	r := rule with input as {}
	count(r.deny) == 0
	count(r.unknown) == 1
}

test_unknown_ambiguous_role if {
	r := rule with input as {"data_protection": {"role": {"status": "ambiguous", "src": src, "note": "role unclear"}}}
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "role unclear")
}

test_not_applicable_controller if {
	r := rule with input as {"data_protection": {"role": {"value": "controller", "src": src}}}
	not r.applies
}

test_not_applicable_no_personal_data if {
	r := rule with input as {"data_protection": {"status": "absent", "src": null}}
	not r.applies
}
