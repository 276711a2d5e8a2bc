# METADATA
# title: Test rule
# custom:
#   id: test/typo
#   severity: error
package termlint.rules.test.typo

deny contains {"msg": "x", "path": []} if input.liabilty.caps
