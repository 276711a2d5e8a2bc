package termlint.rules.sla.chronic_failure_test

import data.termlint.rules.sla.chronic_failure as rule

src := {"art": "3", "quote": "q"}

# Common Paper's shape: credits are the only remedy, with an exit after two months out of three.
cp := {
	"commitment": "target",
	"measurement_period": {"text": "1mo", "days": 30.416666666666668},
	"credits": {"cap_pct": 8, "sole_remedy": true, "src": src},
	"chronic_failure": {"misses": 2, "within": {"text": "3mo", "days": 91.25}, "refund": true, "src": src},
	"src": src,
}

test_pass_exit_after_two_misses if {
	r := rule with input as {"sla": cp}
	r.applies
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_credits_not_sole_remedy if {
	r := rule with input as {"sla": object.union(cp, {
		"credits": {"sole_remedy": false, "src": src},
		"chronic_failure": {"status": "absent", "src": null},
	})}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_sole_remedy_no_exit if {
	r := rule with input as {"sla": object.union(cp, {"chronic_failure": {"status": "absent", "src": null}})}
	some f in r.deny
	f.path == ["sla", "chronic_failure"]
	contains(f.msg, "only remedy")
}

test_fail_exit_too_late if {
	r := rule with input as {"sla": object.union(cp, {"chronic_failure": {"misses": 4, "src": src}})}
	some f in r.deny
	f.path == ["sla", "chronic_failure", "misses"]
	f.msg == concat("", [
		"the service credits are the buyer's only remedy, and it may terminate only after 4 missed months; ",
		"the playbook expects a right to terminate after at most 3",
	])
}

test_threshold_from_params if {
	r := rule with input as {"sla": object.union(cp, {"chronic_failure": {"misses": 4, "src": src}})}
		with data.termlint.params.sla.chronic_failure.max_misses as 4
	count(r.deny) == 0
}

test_not_applicable_without_credits if {
	r := rule with input as {"sla": {"commitment": "target", "service_credits": false, "src": src}}
	not r.applies
}

test_not_applicable_without_service_levels if {
	not rule.applies with input as {"sla": {"status": "absent", "src": null}}
	not rule.applies with input as {"sla": {"location": "none", "src": src}}
}

test_unknown_separate_sla if {
	r := rule with input as {"sla": {"location": "separate", "commitment": "target", "src": src}}
	r.applies
	count(r.deny) == 0
	some f in r.unknown
	f.msg == concat("", [
		"the service levels are in a separate SLA that has not been encoded; whether the buyer may leave after ",
		"repeated failure cannot be judged",
	])
}

test_unknown_not_encoded if {
	r := rule with input as {"sla": {"service_credits": true, "src": src}}
	some f in r.unknown
	f.msg == concat("", [
		"the remedies for a missed service level cannot be judged; not encoded: whether the buyer may terminate after ",
		"repeated failure, whether the service credits are the only remedy",
	])
}

test_unknown_exit_absent_sole_remedy_not_encoded if {
	r := rule with input as {"sla": {
		"credits": {"cap_pct": 8, "src": src},
		"chronic_failure": {"status": "absent", "src": null},
		"src": src,
	}}
	count(r.deny) == 0
	some f in r.unknown
	endswith(f.msg, "not encoded: whether the service credits are the only remedy")
}

test_unknown_deferred_exit if {
	r := rule with input as {"sla": object.union(cp, {"chronic_failure": {
		"status": "deferred", "defined_in": "cover_page", "src": src,
	}})}
	some f in r.unknown
	f.path == ["sla", "chronic_failure"]
	f.msg == "the right to terminate after repeated failure is set in the cover page, which is not provided"
}

test_unknown_ambiguous_credits if {
	r := rule with input as {"sla": object.union(cp, {"credits": {"status": "ambiguous", "note": "n", "src": src}})}
	some f in r.unknown
	f.path == ["sla", "credits"]
}

test_unknown_not_encoded_at_all if {
	r := rule with input as {}
	some f in r.unknown
	f.msg == "service levels have not been encoded"
}

test_unknown_ambiguous_sla if {
	r := rule with input as {"sla": {"status": "ambiguous", "note": "n", "src": src}}
	some f in r.unknown
	f.path == ["sla"]
}

# Service levels marked ambiguous are unknown, not "not applicable", even if the encoding shows
# no credits: the credits may be what is unclear.
test_unknown_ambiguous_sla_without_credits if {
	r := rule with input as {"sla": {
		"status": "ambiguous", "note": "target or commitment", "src": src,
		"location": "in_document", "service_credits": false,
	}}
	r.applies
	count(r.deny) == 0
	count(r.unknown) > 0
}

# A cover page that sets the credit amounts, marked unclear or not provided, may set them to none:
# whether there are credits at all, and so whether the rule applies, is for a person to read.
test_unknown_credit_amounts_unclear if {
	absent := {"status": "absent", "src": null}
	deferred := {"status": "deferred", "defined_in": "cover_page", "variable": "Uptime Credit", "src": src}
	credits := object.union(cp.credits, {"tiers": deferred, "response_time_credit": absent})
	r1 := rule with input as {"sla": object.union(cp, {"credits": credits})}
	count(r1.deny) == 0
	some f1 in r1.unknown
	f1.path == ["sla", "credits", "tiers"]
	f1.msg == "the credit for missed availability is set in the cover page (\"Uptime Credit\"), which is not provided"
	no_exit := {"chronic_failure": absent, "credits": credits}
	r2 := rule with input as {"sla": object.union(cp, no_exit)}
	count(r2.deny) == 0
	count(r2.unknown) == 1
	stated := object.union(cp.credits, {"tiers": deferred, "response_time_credit": {"percent": 5, "src": src}})
	r3 := rule with input as {"sla": object.union(cp, {"credits": stated})}
	count(r3.deny) == 0
	count(r3.unknown) == 0
	none := object.union(cp.credits, {"tiers": absent, "response_time_credit": absent})
	r4 := rule with input as {"sla": object.union(cp, {"credits": none})}
	not r4.applies
}
