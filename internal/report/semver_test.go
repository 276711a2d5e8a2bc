package report

import "testing"

func TestSemanticVersion(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1.2.3", "1.2.3"},
		{"v1.2.3", "1.2.3"},
		{"1.2.3-rc.1+build.5", "1.2.3-rc.1+build.5"},
		{"1.2.4-SNAPSHOT-0123456", "1.2.4-SNAPSHOT-0123456"},
		{"v0.0.0-20261203144500-0123456789ab", "0.0.0-20261203144500-0123456789ab"},
		{"v0.0.0-20261203144500-0123456789ab+dirty", "0.0.0-20261203144500-0123456789ab+dirty"},
		{"dev", ""},
		{"", ""},
		{"0123456789ab-dirty", ""},
		{"1.2", ""},
		{"01.2.3", ""},
		{"1.2.3-01", ""},
		{"vv1.2.3", ""},
	}
	for _, tt := range tests {
		if got := semanticVersion(tt.in); got != tt.want {
			t.Errorf("semanticVersion(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
