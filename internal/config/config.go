// Package config reads .termlint.yaml, the project settings a check run starts from; flags given
// on the command line override them.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	pathpkg "path"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/internal/safefile"
)

// FileName is the config file termlint looks for.
const FileName = ".termlint.yaml"

// Config holds every setting of .termlint.yaml. Paths in it are relative to the file's directory;
// Load makes them relative to the working directory.
type Config struct {
	// Policies are policy directories, as -p.
	Policies []string `yaml:"policies"`
	// NoDefault leaves out the default playbook, as --no-default.
	NoDefault bool `yaml:"no_default"`
	// Params are params files, as --params.
	Params []string `yaml:"params"`
	// Profile is a buyer profile, as --profile.
	Profile string `yaml:"profile"`
	// Waivers is the waivers file, as --waivers.
	Waivers string `yaml:"waivers"`
	// FailOn is the fail level, as --fail-on.
	FailOn string `yaml:"fail_on"`
	// Format is the main output format, as --format.
	Format string `yaml:"format"`
	// Reports are extra outputs FORMAT=PATH, as --report.
	Reports []string `yaml:"reports"`
	// Baseline is an earlier JSON result, as --baseline.
	Baseline string `yaml:"baseline"`
	// Timeout bounds one contract's evaluation, as --timeout (e.g. 5s).
	Timeout string `yaml:"timeout"`
	// NoQuotes skips quote checks, as --no-quotes.
	NoQuotes bool `yaml:"no_quotes"`
	// Exclude are glob patterns for files a directory search leaves out, as --exclude. They are
	// matched against paths as the search finds them, not made relative to this file: see
	// docs/configuration.md.
	Exclude []string `yaml:"exclude"`
	// MaxFileSize is the largest contract file in bytes, as --max-file-size.
	MaxFileSize int64 `yaml:"max_file_size"`
	// WaiverPolicy limits what a waiver may say. It only means something when this config is
	// trusted (from the base branch), not from the pull request that adds the waivers.
	WaiverPolicy WaiverPolicy `yaml:"waiver_policy"`

	// Path is the file the config was read from; empty when none was found.
	Path string `yaml:"-"`
	// written maps each path made relative to the working directory back to the text in the
	// file, for messages.
	written map[string]string
}

// DefaultWaiverMonths is the waiver horizon when the config does not set max_months.
const DefaultWaiverMonths = 12

// WaiverPolicy is the waiver_policy section: who may approve a waiver and how far ahead it may
// expire (see docs/waivers.md).
type WaiverPolicy struct {
	// Approvers is the allow-list for approved_by; empty leaves approvers unrestricted.
	Approvers []string `yaml:"approvers"`
	// MaxMonths is the furthest a waiver may expire, in months from the day of the run (1..60).
	MaxMonths int `yaml:"max_months"`
}

var lineRE = regexp.MustCompile(`line (\d+): (.*)`)

// Load reads the config at path. Unknown keys are errors: a misspelt setting would otherwise be
// silently ignored.
func Load(path string) (*Config, error) {
	// A config is a page of settings: 1 MiB is far above any real one, and a FIFO or /dev/zero
	// named .termlint.yaml is refused instead of hanging or filling memory.
	data, err := safefile.ReadFile(path, 1<<20)
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	// Seeded so that an absent max_months takes the default while an explicit 0 is refused.
	c := Config{WaiverPolicy: WaiverPolicy{MaxMonths: DefaultWaiverMonths}}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
		if m := lineRE.FindStringSubmatch(msg); m != nil {
			msg = fmt.Sprintf("%s:%s:1: %s", path, m[1], strings.ReplaceAll(m[2], "in type config.Config", "(see docs/configuration.md)"))
			return nil, errors.New(msg)
		}
		return nil, fmt.Errorf("%s: %s", path, msg)
	}
	if err := c.WaiverPolicy.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for i, p := range c.Exclude {
		// A bad pattern is refused here, with the file's name, rather than by the search.
		if _, err := pathpkg.Match(p, ""); err != nil || strings.TrimSpace(p) == "" {
			return nil, fmt.Errorf("%s: exclude[%d]: %q: expected a glob pattern such as contracts/drafts/** (see docs/configuration.md)", path, i, p)
		}
	}
	c.Path = path
	base := filepath.Dir(path)
	c.written = map[string]string{}
	rel := func(p string) string {
		if p == "" || p == "-" || filepath.IsAbs(p) {
			return p
		}
		j := filepath.Join(base, p)
		c.written[j] = p
		return j
	}
	for i := range c.Policies {
		c.Policies[i] = rel(c.Policies[i])
	}
	for i := range c.Params {
		c.Params[i] = rel(c.Params[i])
	}
	for i, r := range c.Reports {
		if f, p, ok := strings.Cut(r, "="); ok {
			c.Reports[i] = f + "=" + rel(p)
		}
	}
	c.Waivers = rel(c.Waivers)
	c.Baseline = rel(c.Baseline)
	if strings.ContainsAny(c.Profile, `/\`) || strings.HasSuffix(c.Profile, ".yaml") {
		c.Profile = rel(c.Profile)
	}
	return &c, nil
}

func (p *WaiverPolicy) validate() error {
	if p.Approvers != nil && len(p.Approvers) == 0 {
		// An empty list reads as "nobody may approve" but would mean "anybody": refused.
		return errors.New("waiver_policy.approvers: empty: list who may approve waivers, or leave the key out")
	}
	for i, a := range p.Approvers {
		if strings.TrimSpace(a) == "" {
			return fmt.Errorf("waiver_policy.approvers[%d]: blank: expected a name or address that approved_by must match", i)
		}
	}
	if p.MaxMonths < 1 || p.MaxMonths > 60 {
		return fmt.Errorf("waiver_policy.max_months: %d: expected a number of months from 1 to 60", p.MaxMonths)
	}
	return nil
}
