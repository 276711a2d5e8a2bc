# METADATA
# title: termlint price helpers
# description: How the price rules read a price change. Not a rule itself.
package termlint.lib.price

# when words the trigger of a price change for a message.
when := {
	"each_renewal": "at each renewal",
	"annual": "once a year",
	"anytime": "at any time",
	"cost_increase": "when its costs rise",
	"customer_information": "when information the buyer gave proves incorrect or incomplete",
	"supplier_increase": "when its suppliers raise their prices",
	"index": "with an index",
}

# index_linked: the price change follows an index (by its trigger, or by naming one).
index_linked(pc) if pc.trigger == "index"

index_linked(pc) if pc.index
