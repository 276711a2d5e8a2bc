# METADATA
# title: Test rule
# custom:
#   id: test/httpsend
#   severity: error
package termlint.rules.test.httpsend

deny contains {"msg": r.body, "path": []} if {
	r := http.send({"method": "GET", "url": "http://127.0.0.1:1"})
}
