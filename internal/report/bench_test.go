package report

import (
	"io"
	"testing"
)

// benchFormats runs fn as a sub-benchmark for every format's writer.
func benchFormats(b *testing.B, fn func(b *testing.B, w Writer)) {
	for _, format := range Formats() {
		w, err := New(format, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			fn(b, w)
		})
	}
}

// BenchmarkWrite writes a report of 1,000 contracts in every format.
func BenchmarkWrite(b *testing.B) {
	r := bigReport(1000)
	benchFormats(b, func(b *testing.B, w Writer) {
		for b.Loop() {
			if err := w.Write(io.Discard, r); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkStream streams 1,000 contracts' results into a report in every format, as check does:
// sections or spooled results as they arrive, then the report written from them.
func BenchmarkStream(b *testing.B) {
	results := bigReport(1000).Results
	benchFormats(b, func(b *testing.B, w Writer) {
		for b.Loop() {
			s := NewStream(bigReport(0), w)
			for _, res := range results {
				if err := s.Add(res); err != nil {
					b.Fatal(err)
				}
			}
			if err := s.WriteTo(0, io.Discard); err != nil {
				b.Fatal(err)
			}
			if err := s.Close(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
