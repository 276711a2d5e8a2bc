package termlint.rules.data.ai_training_test

import data.termlint.rules.data.ai_training as rule

src := {"art": "1.6", "quote": "q"}

use(training) := {"data_use": {"src": src, "customer_content": {"vendor_use": "service_only"}, "ai_training": training}}

test_fail_allowed_on_content if {
	r := rule with input as use({
		"value": "allowed", "data": ["customer_content", "usage_data"],
		"aggregated": true, "de_identified": "efforts", "src": src,
	})
	some f in r.deny
	f.path == ["data_use", "ai_training"]
	contains(f.msg, "on the buyer's content (aggregated first, with only efforts to de-identify it), and the buyer cannot")
}

test_fail_opt_out if {
	r := rule with input as use({"value": "opt_out", "data": ["personal_data"], "src": src})
	some f in r.deny
	contains(f.msg, "unless the buyer opts out")
}

test_pass_opt_in if {
	r := rule with input as use({"value": "opt_in", "data": ["customer_content"], "src": src})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_usage_data_only if {
	r := rule with input as use({"value": "allowed", "data": ["usage_data"], "src": src})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_silent_content_for_service if {
	r := rule with input as use({"status": "absent", "src": null})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_silent_content_any_purpose if {
	r := rule with input as {"data_use": {
		"src": src, "customer_content": {"vendor_use": "any"},
		"ai_training": {"status": "absent", "src": null},
	}}
	some f in r.deny
	f.path == ["data_use", "customer_content"]
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	count(r.unknown) == 1
}

test_unknown_ambiguous if {
	r := rule with input as use({"status": "ambiguous", "src": src, "note": "unclear"})
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "unclear")
}

test_unknown_deferred_group if {
	r := rule with input as {"data_use": {"status": "deferred", "defined_in": "cover_page", "variable": "AI", "src": src}}
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "cover page")
}

test_unknown_training_not_encoded if {
	r := rule with input as {"data_use": {"src": src}}
	count(r.unknown) == 1
}

test_unknown_without_value_or_data if {
	r := rule with input as use({"src": src})
	count(r.unknown) == 1
	r2 := rule with input as use({"value": "allowed", "src": src})
	count(r2.unknown) == 1
	count(r2.deny) == 0
}

test_unknown_silent_content_unclear if {
	r := rule with input as {"data_use": {
		"src": src, "customer_content": {"status": "ambiguous", "src": src, "note": "n"},
		"ai_training": {"status": "absent", "src": null},
	}}
	count(r.unknown) == 1
	r2 := rule with input as {"data_use": {"src": src, "ai_training": {"status": "absent", "src": null}}}
	count(r2.unknown) == 1
}

# Ambiguous with the values the encoder read: still a question for a person, not a failure.
test_unknown_ambiguous_with_values if {
	t := {"status": "ambiguous", "value": "opt_out", "data": ["customer_content"], "src": src, "note": "n"}
	r := rule with input as use(t)
	count(r.deny) == 0
	count(r.unknown) > 0
}
