package main

import "runtime/debug"

// memoryLimit is the soft memory limit a check run works under while the collector is otherwise
// off. Every format streams its results (kept in a spool, not the heap), so the live
// heap is small and flat (the compiled policies and the few contracts in flight, under 20 MiB),
// and both compiling the policies and OPA's evaluation make a great deal of short-lived garbage
// over it. Collecting only when the heap nears the limit, instead of each time it doubles,
// saves about a third of a cold run's CPU (from the runtime's small initial heap the collector
// would run about ten times while the policies compile, marking the growing compiler state
// again each time) and about a fifth of a long run's (1,000 generated contracts: about 17 s of
// CPU down to 13 s, for a peak of about 115 MiB instead of 85). Should the live heap approach the
// limit (huge contracts), the runtime collects more often, spending at most half the CPU on it:
// slower, but within the budget.
const memoryLimit = 100 << 20

// gcTuning sets the garbage collector for a check run and restores it afterwards (tests run
// several in one process). A user who sets GOGC or GOMEMLIMIT keeps them: the environment wins.
type gcTuning struct {
	active  bool
	percent int
	limit   int64
}

// tuneGC turns the collector off, under memoryLimit.
func tuneGC(e *env) *gcTuning {
	if !e.tuneGC || e.getenv("GOGC") != "" || e.getenv("GOMEMLIMIT") != "" {
		return &gcTuning{}
	}
	t := &gcTuning{active: true}
	t.limit = debug.SetMemoryLimit(memoryLimit)
	t.percent = debug.SetGCPercent(-1)
	return t
}

// restore puts back the settings the process had.
func (t *gcTuning) restore() {
	if !t.active {
		return
	}
	debug.SetGCPercent(t.percent)
	debug.SetMemoryLimit(t.limit)
}
