# METADATA
# title: Test rule
# custom:
#   id: test/nestedtypo
#   severity: error
package termlint.rules.test.nestedtypo

deny contains {"msg": "x", "path": []} if {
	some c in input.liability.caps
	c.ceiling.amout > 0
}
