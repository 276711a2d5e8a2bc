package report

import (
	"io"
	"testing"
)

// BenchmarkWrite writes a report of 1,000 contracts in every format.
func BenchmarkWrite(b *testing.B) {
	r := bigReport(1000)
	for _, format := range Formats() {
		w, err := New(format, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := w.Write(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
