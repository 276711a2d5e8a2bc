package termlint.rules.exit.data_return_test

import data.termlint.rules.exit.data_return as rule

src := {"art": "16.7", "quote": "q"}

absent := {"status": "absent", "src": null}

ret(window, charge) := {"exit": {"data_return": {"available": true, "window": window, "charge": charge, "src": src}}}

month := {"text": "1mo", "days": 30.417}

test_pass_free_one_month if {
	r := rule with input as ret(month, "free")
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_indefinite_window if {
	r := rule with input as ret({"text": "indefinite", "indefinite": true}, "free")
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_exit_silent if {
	r := rule with input as {"exit": absent}
	some f in r.deny
	f.path == ["exit"]
	contains(f.msg, "says nothing about the end of the contract")
}

test_fail_return_silent if {
	r := rule with input as {"exit": {"data_return": absent, "data_deletion": absent}}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["exit", "data_return"]
	f.msg == "the document gives the buyer no right to get its data back at the end of the contract"
}

test_fail_not_available if {
	r := rule with input as {"exit": {"data_return": {
		"available": false,
		"window": {"text": "none", "days": 0},
		"src": src,
	}}}
	count(r.deny) == 1
	some f in r.deny
	f.path == ["exit", "data_return", "available"]
	contains(f.msg, "need not return")
}

test_fail_charged if {
	r := rule with input as ret({"text": "2mo", "days": 60.833}, "charged")
	count(r.deny) == 1
	some f in r.deny
	f.path == ["exit", "data_return", "charge"]
	f.msg == "the buyer must pay to get its data back; the playbook requires the return free of charge"
}

test_fail_short_window if {
	r := rule with input as ret({"text": "14d", "days": 14}, "free")
	some f in r.deny
	f.path == ["exit", "data_return", "window"]
	f.msg == "the buyer has only 14 days after the end to retrieve its data; the playbook requires at least 30 days"
}

test_fail_no_window if {
	r := rule with input as ret({"text": "none", "days": 0}, "not_stated")
	count(r.deny) == 1
	some f in r.deny
	f.path == ["exit", "data_return", "window"]
	contains(f.msg, "has no time after the end to retrieve its data")
}

test_threshold_from_params if {
	r := rule with input as ret(month, "free")
		with data.termlint.params.exit.data_return.min_window_days as 60
	some f in r.deny
	f.msg == "the buyer has only 1 month after the end to retrieve its data; the playbook requires at least 60 days"
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.path == []
}

test_unknown_exit_ambiguous if {
	r := rule with input as {"exit": {"status": "ambiguous", "src": src, "note": "exit in a separate annex"}}
	some f in r.unknown
	contains(f.msg, "exit in a separate annex")
}

test_unknown_return_missing if {
	r := rule with input as {"exit": {"data_deletion": absent}}
	some f in r.unknown
	f.path == ["exit"]
	f.msg == "the return of the buyer's data has not been encoded"
}

test_unknown_return_ambiguous if {
	r := rule with input as {"exit": {"data_return": {"status": "ambiguous", "src": src, "note": "backups only"}}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["exit", "data_return"]
	contains(f.msg, "backups only")
}

test_unknown_available_missing if {
	r := rule with input as {"exit": {"data_return": {"charge": "free", "src": src}}}
	some f in r.unknown
	contains(f.msg, "without saying whether the buyer gets its data back")
}

test_unknown_window_and_charge_missing if {
	r := rule with input as {"exit": {"data_return": {"available": true, "src": src}}}
	count(r.deny) == 0
	msgs := {f.msg | some f in r.unknown}
	msgs == {
		"the window to retrieve the data has not been encoded",
		"whether the return of data is charged has not been encoded",
	}
}

test_unknown_charge_not_stated if {
	r := rule with input as ret(month, "not_stated")
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["exit", "data_return", "charge"]
	contains(f.msg, "does not say whether the buyer pays")
}

test_fail_dpa_return_does_not_stand_in_for_the_exit_clause if {
	r := rule with input as {
		"exit": {"data_return": {"status": "absent", "src": null}},
		"dpa": {"deletion": {"choice": "controller_choice", "src": {"art": "7.2", "quote": "q"}}},
	}
	some f in r.deny
	f.path == ["exit", "data_return"]
	endswith(f.msg, "but covers no other data and sets no retrieval window or charge)")
}
