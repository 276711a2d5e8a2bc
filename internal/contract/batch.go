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
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	type slot struct {
		res  FileResult
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
				slots[i].res = FileResult{File: files[i], Contracts: cs, Diagnostics: diags, Err: err}
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
		fn(s.res)
		slots[i] = nil
		<-window
	}
	wg.Wait()
}
