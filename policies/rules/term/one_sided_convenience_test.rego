package termlint.rules.term.one_sided_convenience_test

import data.termlint.rules.term.one_sided_convenience as rule

src := {"art": "18", "quote": "q"}

right(party, grounds, notice) := {"party": party, "grounds": grounds, "notice": notice, "src": src}

d(text, days) := {"text": text, "days": days}

test_pass_mutual if {
	r := rule with input as {"termination_rights": [
		right("both", ["convenience"], d("3mo", 91.25)),
		right("vendor", ["non_payment"], d("none", 0)),
	]}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_buyer_has_same_right if {
	r := rule with input as {"termination_rights": [
		right("vendor", ["convenience"], d("60d", 60)),
		right("customer", ["convenience"], d("30d", 30)),
	]}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_no_termination_rights if {
	r := rule with input as {"termination_rights": {"status": "absent", "src": null}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_vendor_only if {
	r := rule with input as {"termination_rights": [
		right("customer", ["breach"], d("none", 0)),
		right("vendor", ["convenience"], d("60d", 60)),
	]}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["termination_rights", 1]
	contains(
		f.msg,
		"the vendor may end the contract without giving a reason on notice of 60 days, and the buyer has no such right",
	)
}

test_fail_vendor_only_without_notice if {
	r := rule with input as {"termination_rights": [{"party": "vendor", "grounds": ["convenience"], "src": src}]}
	some f in r.deny
	contains(f.msg, "the vendor may end the contract without giving a reason, and the buyer")
	r2 := rule with input as {"termination_rights": [right("vendor", ["convenience", "breach"], d("none", 0))]}
	some f2 in r2.deny
	contains(f2.msg, "without giving a reason and without notice, and the buyer")
}

test_fail_buyer_needs_longer_notice if {
	r := rule with input as {"termination_rights": [
		object.union(right("vendor", ["convenience"], d("30d", 30)), {"applies_to": "hosting"}),
		right("customer", ["convenience"], d("6mo", 182.5)),
	]}
	some f in r.deny
	f.path == ["termination_rights", 0]
	contains(
		f.msg,
		concat("", [
			"the vendor may end the contract (hosting) without giving a reason on notice of 30 days, but the buyer's own ",
			"right needs longer notice (182.5 days)",
		]),
	)
}

# applies_to: a buyer's right for the same services, or for the whole contract, makes the vendor's
# right mutual; one for other services does not, and the rule cannot tell how far it reaches.
test_pass_buyer_right_same_services if {
	r := rule with input as {"termination_rights": [
		object.union(right("vendor", ["convenience"], d("60d", 60)), {"applies_to": "hosting"}),
		object.union(right("customer", ["convenience"], d("30d", 30)), {"applies_to": "hosting"}),
	]}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_unknown_buyer_right_other_services if {
	r := rule with input as {"termination_rights": [
		right("vendor", ["convenience"], d("60d", 60)),
		object.union(right("customer", ["convenience"], d("30d", 30)), {"applies_to": "training"}),
	]}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["termination_rights", 0]
	f.msg == concat("", [
		"the vendor may end the contract without giving a reason; the buyer's own right to do so applies only to ",
		"training",
	])
}

test_fail_notice_compared_with_covering_right_only if {
	r := rule with input as {"termination_rights": [
		right("vendor", ["convenience"], d("30d", 30)),
		object.union(right("customer", ["convenience"], d("10d", 10)), {"applies_to": "training"}),
		right("customer", ["convenience"], d("6mo", 182.5)),
	]}
	some f in r.deny
	contains(f.msg, "right needs longer notice (182.5 days)")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	some f in r.unknown
	f.path == []
	count(r.deny) == 0
}

test_unknown_ambiguous_section if {
	r := rule with input as {"termination_rights": {"status": "ambiguous", "src": src, "note": "see annex"}}
	some f in r.unknown
	contains(f.msg, "see annex")
}

test_unknown_ambiguous_item_only_if_it_may_be_convenience if {
	r := rule with input as {"termination_rights": [
		{"status": "ambiguous", "grounds": ["force_majeure"], "src": src, "note": "who terminates"},
		{"status": "ambiguous", "grounds": ["convenience"], "src": src, "note": "which party"},
		{"status": "ambiguous", "src": src, "note": "garbled"},
	]}
	count(r.unknown) == 2
	some f in r.unknown
	f.path == ["termination_rights", 1]
	contains(f.msg, "which party")
	some g in r.unknown
	g.path == ["termination_rights", 2]
}

test_unknown_party_missing if {
	r := rule with input as {"termination_rights": [{"grounds": ["convenience"], "src": src}]}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["termination_rights", 0]
	contains(f.msg, "which party")
}
