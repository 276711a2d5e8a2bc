package termlint.rules.liability.ip_indemnity_cap_test

import data.termlint.rules.liability.ip_indemnity_cap as rule

src := {"art": "9.1", "quote": "q"}

caps := [
	{"id": "general", "tier": "general", "basis": "fees_paid_lookback", "src": src},
	{"id": "low", "tier": "reduced", "basis": "fixed_amount", "applies_to": "IP claims", "src": src},
]

deal(ind, carve_outs) := {
	"indemnities": [ind],
	"liability": {"src": src, "caps": caps, "exclusions": [], "carve_outs": carve_outs},
}

vendor_ip(cap) := {"party": "vendor", "covered": {"claims": ["ip_infringement"], "src": src}, "cap": cap, "src": src}

test_pass_capped_at_general if {
	r := rule with input as deal(vendor_ip("general"), [])
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_uncapped_by_carve_out if {
	co := {"kinds": ["indemnity"], "lifts": ["low"], "src": src}
	r := rule with input as deal(vendor_ip("low"), [co])
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_reduced_cap if {
	r := rule with input as deal(vendor_ip("low"), [])
	some f in r.deny
	f.path == ["indemnities", 0, "cap"]
	contains(f.msg, "limited by the reduced cap in art. 9.1 (IP claims), below the general cap")
}

test_fail_no_covered_claims if {
	ind := {"party": "vendor", "covered": {"status": "absent", "src": null}, "src": src}
	r := rule with input as deal(ind, [])
	some f in r.deny
	f.path == ["indemnities"]
}

test_fail_legacy_no_indemnity if {
	r := rule with input as {"ip": {"infringement_indemnity": false, "src": src}}
	some f in r.deny
	f.path == ["ip"]
	r2 := rule with input as {"ip": {"status": "absent", "src": null}}
	count(r2.deny) == 1
}

test_pass_legacy_indemnity if {
	r := rule with input as {"ip": {"infringement_indemnity": true, "src": src}}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_unknown_covered_deferred if {
	ind := {
		"party": "vendor", "src": src,
		"covered": {"status": "deferred", "defined_in": "cover_page", "variable": "Provider Covered Claims", "src": src},
	}
	r := rule with input as deal(ind, [])
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "Provider Covered Claims")
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	count(r.unknown) == 1
	r2 := rule with input as {"ip": {"owner": "vendor", "src": src}}
	count(r2.unknown) == 1
	r3 := rule with input as {"ip": {"status": "ambiguous", "note": "n", "src": src}}
	count(r3.unknown) == 1
}

test_unknown_ambiguous_item if {
	r := rule with input as {"indemnities": [{"status": "ambiguous", "note": "n", "src": src}]}
	count(r.deny) == 0
	count(r.unknown) == 1
	r2 := rule with input as {"indemnities": {"status": "ambiguous", "note": "n", "src": src}}
	count(r2.unknown) == 1
}

test_unknown_cap_not_found_or_unclear if {
	r := rule with input as deal(vendor_ip("nope"), [])
	count(r.deny) == 0
	count(r.unknown) == 1
	r2 := rule with input as {
		"indemnities": [vendor_ip("c")],
		"liability": {"src": src, "caps": [{"id": "c", "status": "ambiguous", "note": "n", "src": src}]},
	}
	count(r2.unknown) == 1
	r3 := rule with input as {
		"indemnities": [vendor_ip("c")],
		"liability": {"src": src, "caps": [{"id": "c", "basis": "fixed_amount", "src": src}, caps[0]]},
	}
	count(r3.unknown) == 1
	count(r3.deny) == 0
}

# Caps without tiers: the indemnity's cap is judged by its amount against the vendor's other caps.
untiered(ip_cap) := {
	"indemnities": [vendor_ip("ip")],
	"liability": {"src": src, "exclusions": [], "carve_outs": [], "caps": [
		{"id": "general", "basis": "fixed_amount", "ceiling": {"amount": 1000000, "currency": "EUR"}, "src": src},
		object.union({"id": "ip", "src": src}, ip_cap),
	]},
}

test_fail_untiered_cap_lower if {
	r := rule with input as untiered({"basis": "fixed_amount", "ceiling": {"amount": 10000, "currency": "EUR"}})
	some f in r.deny
	contains(f.msg, "lower than the cap in art. 9.1")
}

test_pass_untiered_cap_not_lower if {
	r := rule with input as untiered({"basis": "fixed_amount", "ceiling": {"amount": 2000000, "currency": "EUR"}})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_unknown_untiered_cap_not_comparable if {
	r := rule with input as untiered({"basis": "fees_paid_lookback", "lookback": {"text": "12mo", "days": 365}})
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "cannot be compared")
}

# An IP indemnity limited to on-premise software: whether it covers the service is a question.
test_unknown_indemnity_limited_in_scope if {
	ind := object.union(vendor_ip("general"), {"applies_to": "on-premise software"})
	r := rule with input as deal(ind, [])
	count(r.deny) == 0
	some f in r.unknown
	startswith(f.msg, "the vendor's IP indemnity covers only on-premise software")
}

# Covered claims marked ambiguous establish no indemnity, whatever claims they list.
test_unknown_covered_ambiguous if {
	ind := {
		"party": "vendor", "cap": "general", "src": src,
		"covered": {"claims": ["ip_infringement"], "status": "ambiguous", "note": "only patents?", "src": src},
	}
	r := rule with input as deal(ind, [])
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["indemnities", 0, "covered"]
	contains(f.msg, "only patents?")
}

# A liability section marked ambiguous may cap the indemnity otherwise than its carve-outs show.
test_unknown_liability_ambiguous if {
	inp := deal(vendor_ip("low"), [{"kinds": ["indemnity"], "lifts": ["low"], "src": src}])
	r := rule with input as object.union(inp, {"liability": {"status": "ambiguous", "note": "which cap?"}})
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["liability"]
	f.msg == concat("", [
		"the vendor's IP indemnity is limited by a cap of the liability section: ",
		"the liability section is marked ambiguous: which cap?",
	])
	r2 := rule with input as object.union(deal(vendor_ip("low"), []), {"liability": {"status": "ambiguous"}})
	count(r2.deny) == 0
	r3 := rule with input as object.union(deal(vendor_ip("uncapped"), []), {"liability": {"status": "ambiguous"}})
	count(r3.deny) == 0
	count(r3.unknown) == 0
}
