package termlint.rules.sla.binding_test

import data.termlint.rules.sla.binding as rule

src := {"art": "16", "quote": "q"}

good := {
	"location": "in_document",
	"availability_pct": 99.9,
	"commitment": "guaranteed",
	"measured_by": "independent",
	"service_credits": true,
	"src": src,
}

test_pass_guaranteed_with_credits if {
	r := rule with input as {"sla": good}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_pass_not_stated_measurement if {
	r := rule with input as {"sla": object.union(good, {"measured_by": "not_stated"})}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_target_without_credits_measured_by_vendor if {
	r := rule with input as {"sla": object.union(
		good,
		{"commitment": "target", "service_credits": false, "measured_by": "vendor", "availability_pct": 99.5},
	)}
	count(r.deny) == 3
	some t in r.deny
	t.path == ["sla", "commitment"]
	contains(t.msg, "availability of 99.5 % is only a target")
	some c in r.deny
	c.path == ["sla", "service_credits"]
	contains(c.msg, "no service credits")
	some m in r.deny
	m.path == ["sla", "measured_by"]
	contains(m.msg, "vendor alone")
}

test_fail_target_without_figure if {
	r := rule with input as {"sla": {"location": "in_document", "commitment": "target", "src": src}}
	some f in r.deny
	f.path == ["sla", "commitment"]
	f.msg == concat("", [
		"availability is only a target the vendor strives for, not a guaranteed level, and missing it earns no service ",
		"credits; the playbook expects a guaranteed figure",
	])
}

test_fail_absent if {
	r := rule with input as {"sla": {"status": "absent", "src": null}}
	some f in r.deny
	f.path == ["sla"]
	contains(f.msg, "no service levels")
	count(r.unknown) == 0
}

test_fail_location_none if {
	r := rule with input as {"sla": {"location": "none", "src": src}}
	some f in r.deny
	f.path == ["sla", "location"]
	count(r.unknown) == 0
}

test_unknown_not_encoded if {
	r := rule with input as {}
	count(r.deny) == 0
	some f in r.unknown
	f.path == []
	f.msg == "service levels have not been encoded"
}

test_unknown_ambiguous if {
	r := rule with input as {"sla": {"status": "ambiguous", "src": src, "note": "figure is per month or year"}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["sla"]
	contains(f.msg, "figure is per month or year")
}

test_unknown_separate_sla if {
	r := rule with input as {"sla": {"location": "separate", "src": src}}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["sla"]
	contains(f.msg, "separate SLA that has not been encoded")
	contains(f.msg, "the availability figure")
	contains(f.msg, "who measures availability")
}

test_unknown_incomplete_in_document if {
	r := rule with input as {"sla": object.remove(good, ["service_credits"])}
	count(r.deny) == 0
	some f in r.unknown
	f.msg == "the service levels cannot be judged; not encoded: whether there are service credits"
}

test_unknown_separate_sla_with_weak_fallback if {
	r := rule with input as {"sla": {
		"location": "separate",
		"commitment": "target",
		"availability_pct": 99,
		"service_credits": false,
		"measured_by": "vendor",
		"src": {"art": "13.1", "quote": "q"},
	}}
	count(r.deny) == 0
	some f in r.unknown
	contains(f.msg, "a target only")
}

# Vooruit's shape: a target here, and a separate SLA for support and fault reporting only.
test_fail_target_here_sla_for_support_only if {
	r := rule with input as {"sla": object.union(
		good,
		{
			"commitment": "target", "service_credits": false,
			"separate_sla": {"governs": ["support", "fault_reporting"], "src": src},
		},
	)}
	some f in r.deny
	f.path == ["sla", "commitment"]
	count(r.unknown) == 0
}

# Premium Plus's shape: a best-efforts fallback here, and an SLA whose scope these terms do not limit.
test_unknown_separate_sla_scope_not_stated if {
	r := rule with input as {"sla": object.union(
		good,
		{"commitment": "target", "service_credits": false, "separate_sla": {"optional": true, "src": src}},
	)}
	count(r.deny) == 0
	some f in r.unknown
	f.msg == concat("", [
		"the service levels are in a separate SLA that has not been encoded; these terms by themselves give a target ",
		"only, no service credits",
	])
}

test_unknown_sla_not_provided_in_deal if {
	r := rule with input as {
		"sla": {"location": "separate", "commitment": "target", "src": src},
		"deal": {"documents": [{"role": "msa"}, {"role": "sla", "status": "not_provided"}]},
	}
	count(r.deny) == 0
	some f in r.unknown
	startswith(f.msg, "the service levels are in a separate SLA, which is not provided;")
}

test_unknown_sla_on_request_in_deal if {
	r := rule with input as {
		"sla": {"location": "separate", "commitment": "target", "src": src},
		"deal": {"documents": [{"role": "sla", "status": "on_request"}]},
	}
	some f in r.unknown
	startswith(f.msg, "the service levels are in a separate SLA, which is available on request and not provided;")
}

# Where the deal provides the SLA, its facts are in input.sla and the rule judges them.
test_fail_sla_provided_in_deal if {
	r := rule with input as {
		"sla": {"location": "separate", "commitment": "target", "service_credits": false, "src": src},
		"deal": {"documents": [{"role": "sla", "file": "sla.yaml"}]},
	}
	some f in r.deny
	f.path == ["sla", "commitment"]
	count(r.unknown) > 0 # the figure and who measures are not encoded
}

# Common Paper's shape: an efforts target whose miss earns credits, the figure on the order form.
cp := {
	"commitment": "target",
	"measured_by": "independent",
	"uptime": {"pct": 99.9, "src": src},
	"credits": {"tiers": [{"below_pct": 99.9, "credit_pct": 10}], "sole_remedy": true, "src": src},
	"src": src,
}

test_pass_target_with_credits if {
	r := rule with input as {"sla": cp}
	count(r.deny) == 0
	count(r.unknown) == 0
}

test_fail_no_figure_set if {
	r := rule with input as {"sla": object.union(cp, {"uptime": {"status": "absent", "src": null}})}
	some f in r.deny
	f.path == ["sla", "uptime"]
}

test_fail_credits_absent if {
	r := rule with input as {"sla": object.union(cp, {"credits": {"status": "absent", "src": null}})}
	some f in r.deny
	f.path == ["sla", "credits"]
	some c in r.deny
	c.path == ["sla", "commitment"]
	contains(c.msg, "availability of 99.9 % is only a target")
}

test_unknown_figure_on_order_form if {
	r := rule with input as {"sla": object.union(cp, {"uptime": {
		"status": "deferred", "defined_in": "order_form", "variable": "Target Uptime", "src": src,
	}})}
	count(r.deny) == 0
	some f in r.unknown
	f.path == ["sla", "uptime"]
	f.msg == "the availability figure is set in the order form (\"Target Uptime\"), which is not provided"
}

test_unknown_separate_sla_ambiguous if {
	r := rule with input as {"sla": object.union(good, {"separate_sla": {"status": "ambiguous", "note": "n", "src": src}})}
	some f in r.unknown
	f.path == ["sla", "separate_sla"]
}
