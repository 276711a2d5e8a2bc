package main

import (
	"io"
	"strings"
	"testing"
)

// BenchmarkCheckOne is the whole of `termlint check` on one contract, in process: the schema and
// policy compilation that every run pays, then one evaluation. Process start-up and package
// initialisation are not in it.
func BenchmarkCheckOne(b *testing.B) {
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
	b.ReportAllocs()
	for b.Loop() {
		if code := run(e, []string{"check", "--fail-on", "never", "fixtures/contracts/serso.yaml"}); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
