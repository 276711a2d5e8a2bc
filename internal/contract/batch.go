package contract

import (
	"io"
	"runtime"
	"sync"
)

// FileResult is what loading one file produced.
type FileResult struct {
	File        string
	Contracts   []*Contract
	Diagnostics []Diagnostic
	// Err is set when the file could not be read at all (wraps ErrUnreadable).
	Err error
}

// LoadFiles loads files on up to workers goroutines (GOMAXPROCS when workers < 1) and hands each
// result to fn in the order of files, so output is deterministic while loading runs in parallel.
// fn runs on the caller's goroutine; results are released as soon as fn returns, so memory stays
// bounded by the window of files in flight rather than the whole run.
func (l *Loader) LoadFiles(files []string, stdin io.Reader, workers int, fn func(FileResult)) {
	Each(l, files, stdin, workers, func(r FileResult) FileResult { return r }, fn)
}

// Each is LoadFiles with a step of work that runs on the loading goroutines (evaluating the
// contracts, say), so that the work is parallel too while deliver still sees file order.
func Each[T any](l *Loader, files []string, stdin io.Reader, workers int, work func(FileResult) T, deliver func(T)) {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	type slot struct {
		res  T
		done chan struct{}
	}
	// The window bounds how far loading may run ahead of fn.
	window := make(chan struct{}, workers*4)
	slots := make([]*slot, len(files))
	for i := range slots {
		slots[i] = &slot{done: make(chan struct{})}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				cs, diags, err := l.LoadFile(files[i], stdin)
				slots[i].res = work(FileResult{File: files[i], Contracts: cs, Diagnostics: diags, Err: err})
				close(slots[i].done)
			}
		}()
	}
	go func() {
		for i := range files {
			window <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	for i, s := range slots {
		<-s.done
		deliver(s.res)
		slots[i] = nil
		<-window
	}
	wg.Wait()
}
