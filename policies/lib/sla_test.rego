package termlint.lib.sla_test

import data.termlint.lib.sla

src := {"art": "1", "quote": "q"}

test_elsewhere if {
	sla.elsewhere with input as {"sla": {"location": "separate", "src": src}}
	sla.elsewhere with input as {"sla": {"separate_sla": {"optional": true, "src": src}, "src": src}}
	sla.elsewhere with input as {"sla": {"separate_sla": {"governs": ["support", "availability"], "src": src}, "src": src}}
	not sla.elsewhere with input as {"sla": {"separate_sla": {"governs": ["support"], "src": src}, "src": src}}
	not sla.elsewhere with input as {"sla": {"location": "in_document", "src": src}}
}

test_status if {
	sla.status == "not_in_deal" with input as {"sla": {}}
	sla.status == "not_in_deal" with input as {"deal": {"documents": [{"role": "msa"}]}}
	sla.status == "provided" with input as {"deal": {"documents": [{"role": "sla", "file": "sla.yaml"}]}}
	sla.status == "on_request" with input as {"deal": {"documents": [{"role": "sla", "status": "on_request"}]}}
	sla.status == "not_provided" with input as {"deal": {"documents": [{"role": "sla", "status": "not_provided"}]}}
}

test_separate if {
	sla.separate with input as {"sla": {"location": "separate"}}
	not sla.separate with input as {
		"sla": {"location": "separate"},
		"deal": {"documents": [{"role": "sla", "file": "sla.yaml"}]},
	}
}

test_where_separate if {
	sla.where_separate == "the service levels are in a separate SLA, which is not provided" with input as {
		"sla": {"location": "separate"},
		"deal": {"documents": [{"role": "sla", "status": "not_provided"}]},
	}
}

test_credits if {
	sla.credits with input as {"sla": {"service_credits": true}}
	sla.credits with input as {"sla": {"credits": {"cap_pct": 8, "src": src}}}
	not sla.credits with input as {"sla": {"credits": {"status": "absent", "src": null}}}
	sla.no_credits with input as {"sla": {"credits": {"status": "absent", "src": null}}}
	sla.no_credits with input as {"sla": {"service_credits": false}}
	not sla.no_credits with input as {"sla": {"service_credits": true}}
}

test_credits_whose_amounts_are_none if {
	none := {"status": "absent", "src": null}
	c := {"sla": {"credits": {"tiers": none, "response_time_credit": none, "cap_pct": 8, "src": src}}}
	sla.no_credits with input as c
	not sla.credits with input as c
	one := {"sla": {"credits": {"tiers": [{"below_pct": 99, "credit_pct": 5}], "response_time_credit": none, "src": src}}}
	sla.credits with input as one
	not sla.no_credits with input as one
}
