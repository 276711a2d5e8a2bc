package termlint.rules.disputes.jurisdiction_test

import data.termlint.rules.disputes.jurisdiction as rule

src := {"art": "15", "quote": "q"}

be_law := {"value": "BE", "src": src}

no_extra := {"status": "absent", "src": null}

courts(country, venue) := {
	"forum": "courts",
	"venue": venue,
	"country": country,
	"exclusive": true,
	"asymmetric_options": no_extra,
	"src": src,
}

contract(law, disp) := {"governing_law": law, "disputes": disp}

test_pass_be_law_be_courts if {
	r := rule with input as contract(be_law, courts("BE", "rechtbanken te Turnhout"))
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_mediation_then_courts_nl if {
	disp := object.union(courts("NL", "Rechtbank Amsterdam"), {"forum": "mediation_then_courts"})
	r := rule with input as contract({"value": "NL", "src": src}, disp)
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_extra_forum_for_buyer if {
	disp := object.union(
		courts("BE", "rechtbanken van Tongeren"),
		{"asymmetric_options": [{"party": "customer", "forum": "rechtbank van de koper", "src": src}]},
	)
	r := rule with input as contract(be_law, disp)
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_no_forum_clause if {
	r := rule with input as contract(be_law, {"status": "absent", "src": null})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_law_absent if {
	r := rule with input as contract({"status": "absent", "src": null}, courts("BE", "Gent"))
	count(r.deny) == 1
	some f in r.deny
	f.path == ["governing_law"]
	f.msg == concat("", [
		"the document does not state which law governs the contract; the playbook requires an explicit choice of BE or NL ",
		"law",
	])
}

test_fail_law_not_allowed if {
	r := rule with input as contract({"value": "DE", "src": src}, courts("BE", "Gent"))
	some f in r.deny
	f.path == ["governing_law", "value"]
	f.msg == "the contract is governed by DE law; the playbook accepts only BE or NL law"
}

test_fail_binding_advice if {
	disp := {
		"forum": "binding_advice",
		"venue": "Stichting Geschillenoplossing Automatisering",
		"country": "NL",
		"asymmetric_options": no_extra,
		"src": src,
	}
	r := rule with input as contract({"value": "NL", "src": src}, disp)
	count(r.deny) == 1
	some f in r.deny
	f.path == ["disputes", "forum"]
	f.msg == concat("", [
		"disputes are decided by binding advice (Stichting Geschillenoplossing Automatisering), which takes disputes away ",
		"from the ordinary courts; the playbook accepts only courts or mediation then courts",
	])
}

test_fail_arbitration if {
	disp := {"forum": "arbitration", "country": "BE", "asymmetric_options": no_extra, "src": src}
	r := rule with input as contract(be_law, disp)
	some f in r.deny
	f.path == ["disputes", "forum"]
	contains(f.msg, "decided by arbitration, which takes disputes away")
}

test_pass_arbitration_when_allowed if {
	disp := {
		"forum": "arbitration",
		"venue": "CEPANI Brussel",
		"country": "BE",
		"asymmetric_options": no_extra,
		"src": src,
	}
	r := rule with input as contract(be_law, disp)
		with data.termlint.params.disputes.jurisdiction.allowed_forums as ["courts", "arbitration"]
	count(r.deny) == 0
}

test_fail_forum_country if {
	r := rule with input as contract(be_law, courts("DE", "Landgericht München"))
	count(r.deny) == 1
	some f in r.deny
	f.path == ["disputes", "country"]
	f.msg == "disputes go to a forum in DE (Landgericht München); the playbook accepts a forum in BE or NL only"
}

test_fail_vendor_extra_forum if {
	opts := [
		{"party": "customer", "forum": "rechtbank van de klant", "src": src},
		{"party": "vendor", "forum": "rechtbanken van de woonplaats van de koper", "src": src},
	]
	disp := object.union(courts("BE", "rechtbanken van Tongeren"), {"asymmetric_options": opts})
	r := rule with input as contract(be_law, disp)
	count(r.deny) == 1
	some f in r.deny
	f.path == ["disputes", "asymmetric_options", 1]
	f.msg == concat("", [
		"the vendor alone may also take disputes to rechtbanken van de woonplaats van de koper, an option the buyer does ",
		"not have; the playbook accepts no extra forum for the vendor alone",
	])
}

test_fail_vendor_extra_forum_unnamed if {
	disp := object.union(courts("BE", "Tongeren"), {"asymmetric_options": [{"party": "vendor", "src": src}]})
	r := rule with input as contract(be_law, disp)
	some f in r.deny
	contains(f.msg, "take disputes to another forum")
}

test_fail_everything_at_once if {
	disp := {
		"forum": "binding_advice",
		"country": "NL",
		"asymmetric_options": [{"party": "vendor", "forum": "de normaal competente rechter", "src": src}],
		"src": src,
	}
	r := rule with input as contract({"status": "absent", "src": null}, disp)
	paths := {f.path | some f in r.deny}
	paths == {["governing_law"], ["disputes", "forum"], ["disputes", "asymmetric_options", 0]}
}

test_thresholds_from_params if {
	r := rule with input as contract(be_law, courts("BE", "Gent"))
		with data.termlint.params.disputes.jurisdiction as {
			"allowed_law": ["NL"],
			"allowed_forum_countries": ["LU", "NL"],
			"allowed_forums": ["mediation_then_courts"],
		}
	paths := {f.path | some f in r.deny}
	paths == {["governing_law", "value"], ["disputes", "country"], ["disputes", "forum"]}
	some f in r.deny
	f.path == ["governing_law", "value"]
	contains(f.msg, "the playbook accepts only NL law")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	msgs := {f.msg | some f in r.unknown}
	msgs == {"the governing law has not been encoded", "the forum for disputes has not been encoded"}
}

test_unknown_law_ambiguous if {
	r := rule with input as contract(
		{"status": "ambiguous", "src": src, "note": "only Dutch statutes are cited"},
		courts("NL", "Den Haag"),
	)
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["governing_law"]
	contains(f.msg, "only Dutch statutes are cited")
}

test_unknown_law_without_value if {
	r := rule with input as contract({"cisg_excluded": true, "src": src}, courts("BE", "Gent"))
	some f in r.unknown
	contains(f.msg, "without its country")
}

test_unknown_disputes_ambiguous if {
	r := rule with input as contract(be_law, {"status": "ambiguous", "src": src, "note": "arbitration or binding advice"})
	some f in r.unknown
	f.path == ["disputes"]
	contains(f.msg, "arbitration or binding advice")
}

test_unknown_disputes_incomplete if {
	r := rule with input as contract(be_law, {"venue": "Gent", "src": src})
	count(r.deny) == 0
	count(r.unknown) == 3
	some f in r.unknown
	contains(f.msg, "without its kind")
}

test_unknown_options_ambiguous if {
	disp := object.union(
		courts("BE", "Gent"),
		{"asymmetric_options": {"status": "ambiguous", "src": src, "note": "unclear who may sue where"}},
	)
	r := rule with input as contract(be_law, disp)
	some f in r.unknown
	f.path == ["disputes", "asymmetric_options"]
	contains(f.msg, "unclear who may sue where")
}

test_unknown_option_item if {
	opts := [{"status": "ambiguous", "src": src, "note": "who is meant"}, {"forum": "elders", "src": src}]
	disp := object.union(courts("BE", "Gent"), {"asymmetric_options": opts})
	r := rule with input as contract(be_law, disp)
	paths := {f.path | some f in r.unknown}
	paths == {["disputes", "asymmetric_options", 0], ["disputes", "asymmetric_options", 1]}
}

test_one_of if {
	rule.one_of(["NL", "BE", "DE"]) == "BE, DE or NL"
	rule.one_of(["BE"]) == "BE"
}
