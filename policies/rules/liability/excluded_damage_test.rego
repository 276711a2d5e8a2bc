package termlint.rules.liability.excluded_damage_test

import data.termlint.rules.liability.excluded_damage as rule

src := {"art": "1", "quote": "q"}

test_pass_indirect_only if {
	r := rule with input as {"liability": {"exclusions": [{"categories": ["indirect", "lost_profit"], "src": src}]}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_no_exclusions if {
	r := rule with input as {"liability": {"exclusions": {"status": "absent", "src": null}}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_data_loss if {
	r := rule with input as {"liability": {"exclusions": [
		{"categories": ["indirect"], "src": src},
		{"categories": ["data_loss"], "src": src},
	]}}
	some f in r.deny
	f.path == ["liability", "exclusions", 1]
	contains(f.msg, "data loss")
}

test_fail_direct_too if {
	r := rule with input as {"liability": {"exclusions": [{
		"categories": ["lost_profit"],
		"direct_too": true,
		"src": src,
	}]}}
	some f in r.deny
	contains(f.msg, "direct damage")
}

test_fail_too_many_categories if {
	cats := ["indirect", "consequential", "lost_profit", "lost_savings", "lost_goodwill", "business_interruption", "delay"]
	r := rule with input as {"liability": {"exclusions": [{"categories": cats, "src": src}]}}
	some f in r.deny
	f.path == ["liability", "exclusions"]
}

test_threshold_from_params if {
	r := rule with input as {"liability": {"exclusions": [{"categories": ["indirect", "delay"], "src": src}]}}
		with data.termlint.params.liability.excluded_damage.max_categories as 1
	count(r.deny) == 1
}

test_unknown_not_encoded if {
	r := rule with input as {"liability": {}}
	count(r.deny) == 0
	count(r.unknown) == 1
}

test_unknown_ambiguous if {
	r := rule with input as {"liability": {"exclusions": {"status": "ambiguous", "src": src, "note": "unclear scope"}}}
	some f in r.unknown
	contains(f.msg, "unclear scope")
}

test_ambiguous_item_is_unknown_not_fail if {
	r := rule with input as {"liability": {"exclusions": [{
		"categories": ["data_loss"],
		"direct_too": true,
		"status": "ambiguous",
		"note": "open list",
		"src": src,
	}]}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["liability", "exclusions", 0]
}

# A liability section marked ambiguous as a whole: its exclusions, however encoded, are unclear.
test_unknown_ambiguous_section_with_values if {
	ex := {"categories": ["data_loss"], "direct_too": true, "src": src}
	r := rule with input as {"liability": {"status": "ambiguous", "note": "garbled", "src": src, "exclusions": [ex]}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["liability"]
	f.msg == "the liability section is marked ambiguous: garbled"
	r2 := rule with input as {"liability": {"exclusions": [ex]}}
	count(r2.deny) > 0
}
