package termlint.lib.deal_test

import data.termlint.lib.deal

src := {"art": "13", "quote": "q"}

a_deal := {"deal": {"documents": [
	{"role": "general_terms", "file": "terms.yaml"},
	{"role": "dpa", "status": "on_request", "referenced_in": "general_terms", "src": src},
	{"role": "sla", "status": "not_provided", "src": {"art": "1.4", "quote": "q"}},
	{"role": "order_form", "status": "not_provided"},
	{"role": "order_form", "file": "order.yaml"},
]}}

test_status_by_role if {
	deal.status("general_terms") == "provided" with input as a_deal
	deal.status("dpa") == "on_request" with input as a_deal
	deal.status("sla") == "not_provided" with input as a_deal
	deal.status("cover_page") == "not_in_deal" with input as a_deal
}

test_one_provided_document_of_a_role_is_enough if {
	deal.status("order_form") == "provided" with input as a_deal
	deal.provides("order_form") with input as a_deal
}

test_no_deal if {
	deal.status("dpa") == "not_in_deal" with input as {"data_protection": {}}
	not deal.provides("general_terms") with input as {}
	not deal.missing("dpa") with input as {}
}

test_missing if {
	deal.missing("dpa") with input as a_deal
	deal.missing("sla") with input as a_deal
	not deal.missing("general_terms") with input as a_deal
	not deal.missing("cover_page") with input as a_deal
}

test_reference if {
	deal.reference("dpa") == " in art. 13 of the general terms" with input as a_deal
	deal.reference("sla") == " in art. 1.4" with input as a_deal
	deal.reference("order_form") == "" with input as a_deal
}

test_missing_words if {
	deal.missing_words("dpa") == "is available only on request" with input as a_deal
	deal.missing_words("sla") == "is not provided" with input as a_deal
}

test_dpa if {
	deal.dpa.roles.vendor == "processor" with input as {"dpa": {"roles": {"vendor": "processor", "src": src}}}
	not deal.dpa with input as {"data_protection": {}}
	not deal.dpa with input as {"dpa": {"status": "absent", "src": null}}
}

# Two documents of one role, each referred to in its own article: one reference, the first.
test_reference_two_documents_of_a_role if {
	one := {"id": "dpa", "role": "dpa", "status": "on_request", "referenced_in": "general_terms"}
	docs := {"documents": [
		object.union(one, {"src": {"art": "13", "quote": "q"}}),
		object.union(one, {"id": "dpa-bis", "src": {"art": "99", "quote": "q"}}),
	]}
	deal.reference("dpa") == " in art. 13 of the general terms" with input as {"deal": docs}
}

test_prevails_over_terms if {
	docs := [{"id": "csa", "role": "msa"}, {"id": "dpa", "role": "dpa"}]
	dpa_first := {"documents": docs, "precedence": [{"prevails": "dpa", "over": ["csa"]}]}
	deal.prevails_over_terms("dpa") with input as {"deal": dpa_first}
	terms_first := {"documents": docs, "precedence": [{"prevails": "msa", "over": ["dpa"]}]}
	not deal.prevails_over_terms("dpa") with input as {"deal": terms_first}
	not deal.prevails_over_terms("dpa") with input as {"deal": {"documents": docs}}
}
