# METADATA
# title: Test rule that loops for one contract only
# custom:
#   id: test/slow-one
#   severity: error
package termlint.rules.test.slowone

# About 10^10 steps for the contract titled "Algemene Voorwaarden" (serso.yaml), none for the
# others: a run over all fixtures has fast contracts and one that only a time limit stops.
deny contains {"msg": "never", "path": []} if {
	input.document.title == "Algemene Voorwaarden"
	some a in numbers.range(1, 100000)
	some b in numbers.range(1, 100000)
	a * b == -1
}
