package termlint.lib_test

import data.termlint.lib

src := {"art": "1", "quote": "q"}

test_finding if {
	lib.finding("m", ["a", 0]) == {"msg": "m", "path": ["a", 0]}
}

test_status if {
	lib.absent({"status": "absent"})
	not lib.absent({"status": "ambiguous"})
	lib.ambiguous({"status": "ambiguous", "note": "n"})
	not lib.ambiguous({"value": 1})
	lib.stated({"value": 1, "src": src})
	not lib.stated({"status": "absent"})
	not lib.stated([1])
}

# unclear: the fact at a path, or any group or list that holds it, is ambiguous or deferred.
test_unclear if {
	amb := {"status": "ambiguous", "note": "n", "src": src}
	inp := {
		"a": object.union(amb, {"b": {"c": 1, "src": src}}),
		"l": [{"x": 1, "src": src}, object.union(amb, {"x": 2})],
		"d": {"status": "deferred", "defined_in": "cover_page", "src": src},
		"s": {"x": {"y": 1}, "src": src},
	}
	lib.unclear(["a", "b", "c"]) with input as inp
	lib.unclear(["a"]) with input as inp
	lib.unclear(["l", 1, "x"]) with input as inp
	not lib.unclear(["l", 0, "x"]) with input as inp
	lib.unclear(["d", "value"]) with input as inp
	not lib.unclear(["s", "x", "y"]) with input as inp
	not lib.unclear(["missing", 0]) with input as inp
	not lib.unclear([]) with input as inp
}

test_list if {
	lib.list([1, 2]) == [1, 2]
	lib.list({"status": "absent"}) == []
}

test_reason if {
	lib.reason({"status": "ambiguous", "note": "two readings"}, "this cap") == "this cap is marked ambiguous: two readings"
	lib.reason({"status": "ambiguous"}, "this cap") == "this cap is marked ambiguous"
}

test_days if {
	lib.days({"text": "30d", "days": 30}) == 30
	lib.days({"text": "indefinite", "indefinite": true}) > 100000
}

test_labels if {
	lib.label("data_loss") == "data loss"
	lib.labels({"b_c", "a"}) == "a, b c"
	lib.or_labels(["b", "a_x"]) == "b or a x"
	lib.and_labels({"c", "a", "b"}) == "a, b and c"
	lib.and_labels(["a"]) == "a"
}

test_has_key if {
	lib.has_key({"k": false}, "k")
	lib.has_key({"k": null}, "k")
	not lib.has_key({"j": 1}, "k")
}

test_duration_words if {
	lib.duration_words({"text": "3mo", "days": 91.25}) == "3 months"
	lib.duration_words({"text": "1mo", "days": 30.417}) == "1 month"
	lib.duration_words({"text": "1y", "days": 365}) == "1 year"
	lib.duration_words({"text": "1w", "days": 7}) == "1 week"
	lib.duration_words({"text": "10wd", "days": 14}) == "10 working days"
	lib.duration_words({"text": "1wd", "days": 1}) == "1 working day"
	lib.duration_words({"text": "48h", "days": 2}) == "48 hours"
	lib.duration_words({"text": "15min", "days": 0.01}) == "15 minutes"
	lib.duration_words({"text": "30d", "days": 30}) == "30 days"
	lib.duration_words({"text": "indefinite", "indefinite": true}) == "an indefinite period"
	lib.duration_words({"text": "none", "days": 0}) == "0 days"
}

# A text the loader would not produce is shown as written rather than dropping the message.
test_duration_words_unknown_unit if {
	lib.duration_words({"text": "odd", "days": 1}) == "odd"
	lib.duration_words({"text": "3q", "days": 1}) == "3q"
}

test_days_words if {
	lib.days_words(365) == "12 months"
	lib.days_words(730) == "24 months"
	lib.days_words(30) == "30 days"
	lib.days_words(400) == "400 days"
	lib.days_words(0) == "0 days"
}

test_applies_to if {
	lib.for_applies_to({"applies_to": "hosting"}) == "for hosting, "
	lib.for_applies_to({}) == ""
	lib.applies_to_note({"applies_to": "hosting"}) == " (hosting)"
	lib.applies_to_note({}) == ""
}

test_deferred_is_ambiguous if {
	lib.ambiguous({"status": "deferred", "defined_in": "cover_page"})
	not lib.stated({"status": "deferred", "defined_in": "cover_page"})
}

test_reason_deferred_with_variable if {
	x := {"status": "deferred", "defined_in": "cover_page", "variable": "General Cap Amount"}
	want := "the liability cap is set in the cover page (\"General Cap Amount\"), which is not provided"
	lib.reason(x, "the liability cap") == want
}

test_reason_deferred_without_variable if {
	want := "the audit right is set in the processor agreement, which is not provided"
	lib.reason({"status": "deferred", "defined_in": "dpa"}, "the audit right") == want
}

test_reason_ambiguous_unchanged if {
	lib.reason({"status": "ambiguous", "note": "two readings"}, "the cap") == "the cap is marked ambiguous: two readings"
}

test_money if {
	lib.money("EUR", 2500000) == "EUR 2,500,000"
	lib.money("EUR", 1134450) == "EUR 1,134,450"
	lib.money("EUR", 250) == "EUR 250"
	lib.money("EUR", 1000) == "EUR 1,000"
	lib.money("USD", 100000) == "USD 100,000"
	lib.money("EUR", 12345.5) == "EUR 12,345.50"
	lib.money("EUR", 0) == "EUR 0"
}

test_arts_note if {
	lib.arts_note({"art": "13", "quote": "q"}) == " (art. 13)"
	srcs := [{"art": "16.3", "quote": "a"}, {"art": "11.4", "quote": "b"}, {"art": "16.3", "quote": "c"}]
	lib.arts_note(srcs) == " (arts. 16.3 and 11.4)"
	lib.arts_note(null) == ""
}
