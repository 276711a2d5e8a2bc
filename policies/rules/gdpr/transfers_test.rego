package termlint.rules.gdpr.transfers_test

import data.termlint.rules.gdpr.transfers as rule

src := {"art": "3.1", "quote": "q"}

in_dpa(tr) := {"dpa": {"transfers": tr}}

in_terms(loc) := {"data_protection": {"role": {"value": "processor", "src": src}, "data_location": loc}}

test_pass_sccs if {
	r := rule with input as in_dpa({"outside_eea": "allowed", "mechanisms": ["sccs", "uk_addendum"], "src": src})
	count(r.deny) == 0
	count(r.unknown) == 0
	r.applies
}

test_pass_prohibited if {
	r := rule with input as in_dpa({"outside_eea": "prohibited", "src": src})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_eea_countries if {
	r := rule with input as in_dpa({"countries": ["DE", "NO"], "src": src})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_no_mechanism if {
	r := rule with input as in_dpa({"outside_eea": "allowed", "mechanisms": ["derogation"], "src": src})
	some f in r.deny
	f.path == ["dpa", "transfers"]
	startswith(f.msg, "the vendor may transfer personal data outside the EEA, but the processor agreement names no")
}

test_fail_non_eea_country_without_mechanism if {
	r := rule with input as in_dpa({"countries": ["US", "IE"], "mechanisms": [], "src": src})
	some f in r.deny
	startswith(f.msg, "the vendor may transfer personal data outside the EEA (US), but")
}

test_mechanisms_from_params if {
	r := rule with input as in_dpa({"outside_eea": "allowed", "mechanisms": ["derogation"], "src": src})
		with data.termlint.params.gdpr.transfers.accepted as ["derogation"]
	count(r.deny) == 0
}

test_unknown_dpa_silent_on_locations if {
	r1 := rule with input as in_dpa({"outside_eea": "not_stated", "src": src})
	some f1 in r1.unknown
	startswith(f1.msg, "the processor agreement does not say whether personal data leaves the EEA")
	r2 := rule with input as in_dpa({"status": "absent", "src": null})
	count(r2.unknown) == 1
	r3 := rule with input as in_dpa({"outside_eea": "allowed", "src": src})
	some f3 in r3.unknown
	contains(f3.msg, "the transfer mechanisms have not been encoded")
	r4 := rule with input as in_dpa({"status": "ambiguous", "src": src, "note": "n"})
	count(r4.unknown) == 1
}

test_pass_terms_eu if {
	r := rule with input as in_terms({"value": "eu", "src": src})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_unknown_terms if {
	r1 := rule with input as in_terms({"status": "absent", "src": null})
	some f1 in r1.unknown
	startswith(f1.msg, "the terms do not say where personal data is processed")
	r2 := rule with input as in_terms({"value": "non_eu", "countries": ["US"], "src": src})
	count(r2.deny) == 0
	some f2 in r2.unknown
	startswith(f2.msg, "personal data is processed outside the EEA (US); the terms do not record a transfer mechanism")
	r3 := rule with input as {"data_protection": {"role": {"value": "processor", "src": src}}}
	some f3 in r3.unknown
	f3.msg == "where personal data is processed has not been encoded"
	r4 := rule with input as {}
	count(r4.unknown) == 1
}

test_not_applicable_controller if {
	r := rule with input as {"data_protection": {"role": {"value": "controller", "src": src}}}
	not r.applies
}

# A vendor established outside the EEA: the terms' silence on locations does not hide the transfer.
test_unknown_terms_silent_vendor_outside_eea if {
	inp := object.union(in_terms({"status": "absent", "src": null}), {"vendor": {"name": "V", "country": "US"}})
	r := rule with input as inp
	count(r.deny) == 0
	some f in r.unknown
	startswith(f.msg, "the vendor is established in US, outside the EEA, so giving it personal data is a transfer")
	r_be := rule with input as object.union(inp, {"vendor": {"name": "V", "country": "BE"}})
	some g in r_be.unknown
	startswith(g.msg, "the terms do not say where personal data is processed")
}

test_unknown_section_ambiguous_or_deferred if {
	inp := in_terms({"value": "eu", "src": src})
	r1 := rule with input as {"data_protection": object.union(inp.data_protection, {"status": "ambiguous", "src": src})}
	count(r1.deny) == 0
	some f1 in r1.unknown
	f1.path == ["data_protection"]
	f1.msg == "the data-protection clause is marked ambiguous"
	r2 := rule with input as {"data_protection": {"status": "deferred", "defined_in": "cover_page", "src": src}}
	some f2 in r2.unknown
	f2.msg == "the data-protection clause is set in the cover page, which is not provided"
}
