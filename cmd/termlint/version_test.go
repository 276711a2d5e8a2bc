package main

import (
	"runtime/debug"
	"testing"
)

func TestResolveVersion(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "0123456789abcdef0123456789abcdef01234567"
	tests := []struct {
		name    string
		stamped string
		info    *debug.BuildInfo
		ok      bool
		want    string
	}{
		{"stamped by a release", "1.2.3", &debug.BuildInfo{Main: debug.Module{Version: "v9.9.9"}}, true, "1.2.3"},
		{"go install @tag", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, true, "v1.2.3"},
		{"go install @commit", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261203144500-0123456789ab"}}, true, "v0.0.0-20261203144500-0123456789ab"},
		{"checkout, clean", "dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "false")}, true, "0123456789ab"},
		{"checkout, changed", "dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "true")}, true, "0123456789ab-dirty"},
		{"short revision kept whole", "", &debug.BuildInfo{Settings: vcs("abc", "false")}, true, "abc"},
		{"no vcs information", "dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "dev"},
		{"no build information", "dev", nil, false, "dev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := resolveVersion(tt.stamped, tt.info, tt.ok); got != tt.want {
				t.Errorf("resolveVersion(%q) = %q, want %q", tt.stamped, got, tt.want)
			}
		})
	}
}

func TestBuildDetails(t *testing.T) {
	tests := []struct{ commit, date, want string }{
		{"", "", ""},
		{"0123456789ab", "", " (commit 0123456789ab)"},
		{"0123456789ab", "2026-12-03T14:45:00Z", " (commit 0123456789ab, 2026-12-03T14:45:00Z)"},
		{"", "2026-12-03T14:45:00Z", " (2026-12-03T14:45:00Z)"},
	}
	for _, tt := range tests {
		if got := buildDetails(tt.commit, tt.date); got != tt.want {
			t.Errorf("buildDetails(%q, %q) = %q, want %q", tt.commit, tt.date, got, tt.want)
		}
	}
}
