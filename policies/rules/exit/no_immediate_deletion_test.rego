package termlint.rules.exit.no_immediate_deletion_test

import data.termlint.rules.exit.no_immediate_deletion as rule

src := {"art": "18.3", "quote": "q"}

absent := {"status": "absent", "src": null}

deletion(d) := {"exit": {"data_return": absent, "data_deletion": d}}

after(text, days) := {"timing": "after_retention", "after": {"text": text, "days": days}, "src": src}

test_pass_on_request if {
	r := rule with input as deletion({"timing": "on_request", "src": src})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_silent if {
	r := rule with input as deletion(absent)
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_exit_silent if {
	r := rule with input as {"exit": absent}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_after_retention_long_enough if {
	r := rule with input as deletion(after("3mo", 91.25))
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_immediate if {
	r := rule with input as deletion({"timing": "immediate", "src": src})
	count(r.deny) == 1
	some f in r.deny
	f.path == ["exit", "data_deletion", "timing"]
	contains(f.msg, "as soon as the contract ends")
}

test_fail_short_retention if {
	r := rule with input as deletion(after("7d", 7))
	some f in r.deny
	f.path == ["exit", "data_deletion", "after"]
	f.msg == concat("", [
		"the vendor may delete the buyer's data 7 days after the end of the contract, before the buyer's retrieval window ",
		"of 30 days has run; the playbook requires the data to stay available until then",
	])
}

test_fail_retention_shorter_than_contract_window if {
	inp := {"exit": {
		"data_return": {"available": true, "window": {"text": "2mo", "days": 60.833}, "charge": "free", "src": src},
		"data_deletion": after("45d", 45),
	}}
	r := rule with input as inp
	some f in r.deny
	contains(f.msg, "45 days after the end of the contract, before the buyer's retrieval window of 2 months has run")
}

test_pass_retention_matches_contract_window if {
	inp := {"exit": {
		"data_return": {"available": true, "window": {"text": "60d", "days": 60}, "charge": "free", "src": src},
		"data_deletion": after("60d", 60),
	}}
	r := rule with input as inp
	count(r.deny) == 0
}

test_threshold_from_params if {
	r := rule with input as deletion(after("3mo", 91.25))
		with data.termlint.params.exit.data_return.min_window_days as 120
	some f in r.deny
	contains(f.msg, "3 months after the end of the contract, before the buyer's retrieval window of 120 days")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.path == []
}

test_unknown_exit_ambiguous if {
	r := rule with input as {"exit": {"status": "ambiguous", "src": src, "note": "see the SLA"}}
	some f in r.unknown
	contains(f.msg, "see the SLA")
}

test_unknown_deletion_missing if {
	r := rule with input as {"exit": {"data_return": absent}}
	some f in r.unknown
	f.path == ["exit"]
	contains(f.msg, "deletion of the buyer's data at the end has not been encoded")
}

test_unknown_deletion_ambiguous if {
	r := rule with input as deletion({"status": "ambiguous", "src": src, "note": "16.4 keeps data 7 days"})
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["exit", "data_deletion"]
	contains(f.msg, "16.4 keeps data 7 days")
}

test_unknown_timing_missing if {
	r := rule with input as deletion({"src": src})
	some f in r.unknown
	contains(f.msg, "without saying when")
}

test_unknown_retention_missing if {
	r := rule with input as deletion({"timing": "after_retention", "src": src})
	some f in r.unknown
	contains(f.msg, "period has not been encoded")
}

dpa_deletion(d) := {"exit": {"data_return": {"status": "absent", "src": null}}, "dpa": {"deletion": d}}

test_pass_dpa_buyer_chooses if {
	r := rule with input as dpa_deletion({"choice": "controller_choice", "src": {"art": "7.2", "quote": "q"}})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_dpa_vendor_deletes_early if {
	r := rule with input as dpa_deletion({
		"choice": "delete", "within": {"text": "7d", "days": 7},
		"src": {"art": "7.2", "quote": "q"},
	})
	some f in r.deny
	f.path == ["dpa", "deletion", "within"]
	startswith(f.msg, "the processor agreement lets the vendor delete the buyer's personal data 7 days after the end")
}

test_unknown_dpa_vendor_deletes_without_a_time if {
	r := rule with input as dpa_deletion({"choice": "vendor_choice", "src": {"art": "7.2", "quote": "q"}})
	count(r.deny) == 0
	some f in r.unknown
	f.msg == "the processor agreement lets the vendor delete the buyer's personal data at the end without saying when"
}

test_terms_prevail_over_dpa if {
	r := rule with input as {
		"exit": {"data_deletion": {"timing": "immediate", "src": {"art": "18.3", "quote": "q"}}},
		"dpa": {"deletion": {"choice": "controller_choice", "src": {"art": "7.2", "quote": "q"}}},
	}
	count(r.deny) == 1
}

test_unknown_terms_silent_and_dpa_on_request if {
	inp := {
		"exit": {"data_deletion": {"status": "absent", "src": null}},
		"deal": {"documents": [{"id": "dpa", "role": "dpa", "status": "on_request", "src": {"art": "13", "quote": "q"}}]},
	}
	r := rule with input as inp
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["exit", "data_deletion"]
	contains(f.msg, "processor agreement referred to in art. 13 is available only on request")
}

test_pass_terms_silent_without_a_deal if {
	r := rule with input as {"exit": {"data_deletion": {"status": "absent", "src": null}}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

# Exit arrangements left to a cover page that is not provided may delete the data at once: the
# processor agreement's choice for the buyer, about personal data only, cannot settle it.
test_unknown_exit_deferred_beside_dpa if {
	r := rule with input as {
		"exit": {"status": "deferred", "defined_in": "cover_page", "variable": "Exit", "src": src},
		"dpa": {"deletion": {"choice": "controller_choice", "src": {"art": "7.2", "quote": "q"}}},
	}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["exit"]
	f.msg == "the exit arrangements is set in the cover page (\"Exit\"), which is not provided"
}
