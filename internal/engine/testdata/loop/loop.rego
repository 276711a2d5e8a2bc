# METADATA
# title: Test rule
# custom:
#   id: test/loop
#   severity: error
package termlint.rules.test.loop

# About 10^10 steps: stopped only by the time limit.
deny contains {"msg": "never", "path": []} if {
	some a in numbers.range(1, 100000)
	some b in numbers.range(1, 100000)
	a * b == -1
}
