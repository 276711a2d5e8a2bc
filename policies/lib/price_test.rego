package termlint.lib.price_test

import data.termlint.lib.price

test_index_linked if {
	price.index_linked({"trigger": "index"})
	price.index_linked({"trigger": "annual", "index": "CPI"})
	not price.index_linked({"trigger": "annual"})
	not price.index_linked({"trigger": "annual", "index": false})
}

test_when if {
	price.when.annual == "once a year"
	not "on_request" in object.keys(price.when)
}
