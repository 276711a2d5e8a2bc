# METADATA
# title: Test rule
# custom:
#   id: test/syntax
#   severity: error
package termlint.rules.test.syntax

deny contains {"msg": "x", "path": []} if {
	input.liability
