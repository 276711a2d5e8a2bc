package report

// Update is the -update flag, for the golden tests of the external package report_test (which
// run the whole pipeline, and so cannot live in package report).
var Update = update

// CheckHTMLLinks checks the links of a page, for the golden tests.
var CheckHTMLLinks = checkHTMLLinks
