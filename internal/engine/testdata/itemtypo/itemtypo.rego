# METADATA
# title: Test rule
# custom:
#   id: test/itemtypo
#   severity: error
package termlint.rules.test.itemtypo

deny contains {"msg": "x", "path": []} if {
	some s in input.suspension
	s.prior_notic
}
