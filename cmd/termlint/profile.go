package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// profileFlags are hidden flags for measuring termlint itself: a CPU profile of the whole run and
// a heap profile taken at its peak (just before the report is written), for `go tool pprof`.
// They are hidden because users have no use for them, and kept because memory and start-up time
// are budgets that need checking whenever the engine or the loader changes.
type profileFlags struct {
	cpu, mem string
}

func (pf *profileFlags) register(fs flagSet) {
	fs.StringVar(&pf.cpu, "cpuprofile", "", "write a CPU profile of the run to this file")
	fs.StringVar(&pf.mem, "memprofile", "", "write a heap profile, taken before the report is written, to this file")
	_ = fs.MarkHidden("cpuprofile")
	_ = fs.MarkHidden("memprofile")
}

// startCPU starts the CPU profile when one was asked for; stop ends it and closes the file.
func (pf *profileFlags) startCPU() (stop func() error, err error) {
	if pf.cpu == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(pf.cpu)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		return nil
	}, nil
}

// writeHeap writes the heap profile when one was asked for. The collection first makes the
// profile show what is live, not what is garbage waiting to be freed.
func (pf *profileFlags) writeHeap() error {
	if pf.mem == "" {
		return nil
	}
	f, err := os.Create(pf.mem)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		_ = f.Close()
		return fmt.Errorf("heap profile: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	return nil
}
