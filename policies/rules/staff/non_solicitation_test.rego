package termlint.rules.staff.non_solicitation_test

import data.termlint.rules.staff.non_solicitation as rule

src := {"art": "15.2", "quote": "q"}

clause(after, penalty) := {"non_solicitation": {
	"binds": "customer",
	"during_term": true,
	"after_term": after,
	"covers": ["employees"],
	"penalty": penalty,
	"src": src,
}}

year := {"text": "12mo", "days": 365}

two_years := {"text": "2y", "days": 730}

salary(months) := {"basis": "salary_months", "months": months, "per": "per werknemer", "src": src}

no_penalty := {"status": "absent", "src": null}

test_pass_twelve_months_six_salary if {
	r := rule with input as clause(year, salary(6))
	r.applies
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_no_penalty if {
	r := rule with input as clause(year, no_penalty)
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_actual_damages if {
	r := rule with input as clause(year, {"basis": "actual_damages", "src": src})
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_during_term_only if {
	r := rule with input as clause({"text": "none", "days": 0}, no_penalty)
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_both_bound_within_limits if {
	r := rule with input as {"non_solicitation": {
		"binds": "both",
		"after_term": {"text": "6mo", "days": 182.5},
		"penalty": salary(3),
		"src": src,
	}}
	r.applies
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_two_years_after if {
	r := rule with input as clause(two_years, salary(6))
	count(r.deny) == 1
	some f in r.deny
	f.path == ["non_solicitation", "after_term"]
	f.msg == concat("", [
		"the buyer may not hire or approach the vendor's staff for 2 years after the contract ends; the playbook accepts ",
		"at most 12 months",
	])
}

test_fail_indefinite_after if {
	r := rule with input as clause({"text": "indefinite", "indefinite": true}, no_penalty)
	some f in r.deny
	f.path == ["non_solicitation", "after_term"]
	contains(f.msg, "for an indefinite period after the contract ends")
}

test_fail_both_bound if {
	r := rule with input as {"non_solicitation": {
		"binds": "both",
		"after_term": {"text": "1y", "days": 365},
		"penalty": salary(12),
		"src": src,
	}}
	some f in r.deny
	f.path == ["non_solicitation", "penalty", "months"]
}

test_fail_penalty_months if {
	r := rule with input as clause(year, salary(24))
	count(r.deny) == 1
	some f in r.deny
	f.path == ["non_solicitation", "penalty", "months"]
	f.msg == concat("", [
		"the penalty for hiring or approaching the vendor's staff is 24 months of gross salary (per werknemer); the ",
		"playbook accepts at most 6 months",
	])
}

test_fail_both_duration_and_penalty if {
	r := rule with input as clause(two_years, salary(24))
	paths := {f.path | some f in r.deny}
	paths == {["non_solicitation", "after_term"], ["non_solicitation", "penalty", "months"]}
}

test_fail_running_penalty if {
	pen := {"basis": "fixed", "amount": {"amount": 500, "currency": "EUR"}, "per": "per dag", "src": src}
	r := rule with input as clause(year, pen)
	some f in r.deny
	f.path == ["non_solicitation", "penalty", "per"]
	contains(f.msg, "owed per dag, so it keeps running and has no ceiling")
}

test_fail_running_salary_penalty if {
	pen := {"basis": "salary_months", "months": 1, "per": "for each month of breach", "src": src}
	r := rule with input as clause(year, pen)
	some f in r.deny
	f.path == ["non_solicitation", "penalty", "per"]
}

test_pass_per_employee_is_not_running if {
	pen := {"basis": "salary_months", "months": 6, "per": "per werknemer of ex-werknemer", "src": src}
	r := rule with input as clause(year, pen)
	count(r.deny) == 0
}

test_per_words if {
	rule.per_words({"per": "overtreding"}) == " (per overtreding)"
	rule.per_words({"per": "bij overtreding"}) == " (bij overtreding)"
	rule.per_words({}) == ""
}

test_unknown_fixed_penalty if {
	pen := {"basis": "fixed", "amount": {"amount": 25000, "currency": "EUR"}, "per": "per werknemer", "src": src}
	r := rule with input as clause(year, pen)
	count(r.deny) == 0
	count(r.unknown) == 1
	some f in r.unknown
	f.path == ["non_solicitation", "penalty", "amount"]
	f.msg == concat("", [
		"the penalty is a fixed EUR 25,000 (per werknemer); the playbook accepts at most 6 months of gross salary, so a ",
		"person must compare it with the salaries of the staff concerned",
	])
}

test_thresholds_from_params if {
	r := rule with input as clause(year, salary(6))
		with data.termlint.params.staff.non_solicitation as {"max_after_days": 182, "max_penalty_months": 3}
	paths := {f.path | some f in r.deny}
	paths == {["non_solicitation", "after_term"], ["non_solicitation", "penalty", "months"]}
	some f in r.deny
	contains(f.msg, "at most 182 days")
}

test_threshold_in_years_reads_as_months if {
	r := rule with input as clause({"text": "3y", "days": 1095}, no_penalty)
		with data.termlint.params.staff.non_solicitation.max_after_days as 730
	some f in r.deny
	contains(f.msg, "for 3 years after the contract ends; the playbook accepts at most 24 months")
}

test_not_applicable_absent if {
	r := rule with input as {"non_solicitation": {"status": "absent", "src": null}}
	not r.applies
}

test_not_applicable_binds_vendor_only if {
	r := rule with input as {"non_solicitation": {
		"binds": "vendor",
		"after_term": two_years,
		"penalty": salary(24),
		"src": src,
	}}
	not r.applies
	count(r.deny) == 0
}

test_unknown_not_encoded if {
	r := rule with input as {}
	r.applies
	count(r.deny) == 0
	some f in r.unknown
	f.path == []
	contains(f.msg, "has not been encoded")
}

test_unknown_ambiguous_clause if {
	r := rule with input as {"non_solicitation": {
		"status": "ambiguous",
		"src": src,
		"note": "unclear whether this is a no-hire clause",
	}}
	some f in r.unknown
	f.path == ["non_solicitation"]
	contains(f.msg, "unclear whether this is a no-hire clause")
}

test_unknown_binds_missing if {
	r := rule with input as {"non_solicitation": {"after_term": year, "src": src}}
	some f in r.unknown
	contains(f.msg, "without saying whom it binds")
}

test_unknown_after_term_missing if {
	r := rule with input as {"non_solicitation": {"binds": "customer", "penalty": no_penalty, "src": src}}
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "after the contract ends has not been encoded")
}

test_unknown_penalty_missing if {
	r := rule with input as {"non_solicitation": {"binds": "customer", "after_term": year, "src": src}}
	count(r.unknown) == 1
	some f in r.unknown
	contains(f.msg, "carries a penalty has not been encoded")
}

test_unknown_penalty_ambiguous if {
	r := rule with input as clause(year, {"status": "ambiguous", "src": src, "note": "vergoeding or boete"})
	some f in r.unknown
	f.path == ["non_solicitation", "penalty"]
	contains(f.msg, "vergoeding or boete")
}

test_unknown_penalty_basis_missing if {
	r := rule with input as clause(year, {"per": "per werknemer", "src": src})
	some f in r.unknown
	contains(f.msg, "without its basis")
}

test_unknown_penalty_months_missing if {
	r := rule with input as clause(year, {"basis": "salary_months", "src": src})
	some f in r.unknown
	contains(f.msg, "number of months has not been encoded")
}

test_unknown_penalty_amount_missing if {
	r := rule with input as clause(year, {"basis": "fixed", "src": src})
	some f in r.unknown
	contains(f.msg, "the amount has not been encoded")
}
