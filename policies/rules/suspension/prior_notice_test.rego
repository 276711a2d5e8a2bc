package termlint.rules.suspension.prior_notice_test

import data.termlint.rules.suspension.prior_notice as rule

src := {"art": "7.5", "quote": "q"}

none := {"text": "none", "days": 0}

right(by, grounds, notice) := {"by": by, "grounds": grounds, "prior_notice": notice, "scope": "full", "src": src}

test_pass_five_days if {
	r := rule with input as {"suspension": [right("vendor", ["non_payment"], {"text": "5d", "days": 5})]}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_working_days if {
	r := rule with input as {"suspension": [right("both", ["breach"], {"text": "5wd", "days": 7})]}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_no_suspension_rights if {
	r := rule with input as {"suspension": {"status": "absent", "src": null}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_customer_right_ignored if {
	r := rule with input as {"suspension": [right("customer", ["breach"], none)]}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_without_notice if {
	inp := {"suspension": [
		right("vendor", ["non_payment"], {"text": "5d", "days": 5}),
		right("vendor", ["maintenance", "other"], none),
	]}
	r := rule with input as inp
	count(r.deny) == 1
	some f in r.deny
	f.path == ["suspension", 1, "prior_notice"]
	f.msg == concat("", [
		"the vendor may suspend performance (grounds: maintenance, anything else) in full without any prior notice; ",
		"the playbook ",
		"requires written notice of at least 5 days",
	])
}

test_fail_short_notice if {
	s := object.union(right("vendor", ["security"], {"text": "48h", "days": 2}), {"scope": "partial"})
	r := rule with input as {"suspension": [s]}
	some f in r.deny
	f.path == ["suspension", 0, "prior_notice"]
	f.msg == concat("", [
		"the vendor may suspend performance (grounds: security) in part with only 48 hours of notice; the playbook ",
		"requires written notice of at least 5 days",
	])
}

test_fail_each_right_reported if {
	inp := {"suspension": [right("vendor", ["breach"], none), right("both", ["non_payment"], {"text": "1d", "days": 1})]}
	r := rule with input as inp
	paths := {f.path | some f in r.deny}
	paths == {["suspension", 0, "prior_notice"], ["suspension", 1, "prior_notice"]}
}

test_fail_scope_not_encoded if {
	r := rule with input as {"suspension": [{"by": "vendor", "grounds": ["security"], "prior_notice": none, "src": src}]}
	some f in r.deny
	f.msg == concat("", [
		"the vendor may suspend performance (grounds: security) without any prior notice; the playbook requires written ",
		"notice of at least 5 days",
	])
}

test_threshold_from_params if {
	r := rule with input as {"suspension": [right("vendor", ["non_payment"], {"text": "5d", "days": 5})]}
		with data.termlint.params.suspension.prior_notice.min_days as 10
	some f in r.deny
	contains(f.msg, "with only 5 days of notice; the playbook requires written notice of at least 10 days")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.path == []
}

test_unknown_list_ambiguous if {
	r := rule with input as {"suspension": {"status": "ambiguous", "src": src, "note": "only implied"}}
	some f in r.unknown
	f.path == ["suspension"]
	contains(f.msg, "only implied")
}

test_unknown_item_ambiguous if {
	r := rule with input as {"suspension": [{"status": "ambiguous", "src": src, "note": "suspension or termination?"}]}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["suspension", 0]
	contains(f.msg, "suspension or termination?")
}

test_unknown_party_missing if {
	r := rule with input as {"suspension": [{"grounds": ["breach"], "prior_notice": none, "src": src}]}
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "without saying which party holds it")
}

test_unknown_notice_missing if {
	r := rule with input as {"suspension": [{"by": "vendor", "grounds": ["non_payment"], "src": src}]}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["suspension", 0]
	f.msg == "the vendor may suspend performance (grounds: non-payment), but the notice it must give has not been encoded"
}

test_words if {
	rule.grounds_words({"grounds": []}) == "ground not encoded"
	rule.scope_words({"scope": "not_stated"}) == ""
}

test_pass_force_majeure_only if {
	r := rule with input as {"suspension": [{
		"by": "vendor",
		"grounds": ["force_majeure"],
		"prior_notice": {"text": "none", "days": 0},
		"src": {"art": "10.2", "quote": "q"},
	}]}
	count(r.deny) == 0
	count(r.unknown) == 0
}
