package termlint.rules.confidentiality.mutual_test

import data.termlint.rules.confidentiality.mutual as rule

src := {"art": "14", "quote": "q"}

absent := {"status": "absent", "src": null}

conf(binds, penalty) := {"confidentiality": {"binds": binds, "penalty": penalty, "src": src}}

penalty(by) := {"amount": {"amount": 5000, "currency": "EUR"}, "payable_by": by, "per": "per inbreuk", "src": src}

test_pass_mutual_no_penalty if {
	r := rule with input as conf("both", absent)
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_mutual_penalty if {
	r := rule with input as conf("both", penalty("both"))
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_vendor_bound_and_pays if {
	r := rule with input as conf("vendor", penalty("vendor"))
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_buyer_only if {
	r := rule with input as conf("customer", absent)
	count(r.deny) == 1
	some f in r.deny
	f.path == ["confidentiality", "binds"]
	contains(f.msg, "only the buyer is bound to confidentiality")
}

test_fail_penalty_buyer_only if {
	r := rule with input as conf("both", penalty("customer"))
	count(r.deny) == 1
	some f in r.deny
	f.path == ["confidentiality", "penalty", "payable_by"]
	f.msg == concat("", [
		"a penalty of EUR 5,000 (per inbreuk) for breach of confidentiality is payable by the buyer alone; the playbook ",
		"accepts a penalty only if it binds both parties",
	])
}

test_fail_penalty_without_amount if {
	r := rule with input as conf("both", {"payable_by": "customer", "src": src})
	some f in r.deny
	startswith(f.msg, "a penalty for breach of confidentiality is payable by the buyer alone")
}

test_fail_no_clause if {
	r := rule with input as {"confidentiality": absent}
	some f in r.deny
	f.path == ["confidentiality"]
	contains(f.msg, "no confidentiality clause")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.path == []
}

test_unknown_ambiguous if {
	r := rule with input as {"confidentiality": {"status": "ambiguous", "src": src, "note": "only the NDA annex"}}
	some f in r.unknown
	contains(f.msg, "only the NDA annex")
}

test_unknown_binds_missing if {
	r := rule with input as {"confidentiality": {"penalty": absent, "src": src}}
	some f in r.unknown
	contains(f.msg, "without saying whom it binds")
}

test_unknown_penalty_missing if {
	r := rule with input as {"confidentiality": {"binds": "both", "src": src}}
	count(r.unknown) == 1
	some f in r.unknown
	contains(f.msg, "carries a penalty has not been encoded")
}

test_unknown_penalty_ambiguous if {
	r := rule with input as conf("both", {"status": "ambiguous", "src": src, "note": "penalty sits in the IP clause"})
	some f in r.unknown
	f.path == ["confidentiality", "penalty"]
	contains(f.msg, "penalty sits in the IP clause")
}

test_unknown_payer_missing if {
	r := rule with input as conf("both", {"amount": {"amount": 1000, "currency": "EUR"}, "src": src})
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "without saying who pays it")
}
