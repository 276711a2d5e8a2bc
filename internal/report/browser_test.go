package report_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The real-browser test of the HTML report. A golden file pins the bytes; only a browser says
// whether they lay out and print as docs/report.md promises. chromedp drives Chromium over the
// DevTools protocol from Go, so the test needs no Node.js and no second test runner.
//
// When it runs (TERMLINT_BROWSER):
//   - unset: when a Chromium binary is found, else it skips and says so (a machine with only Go
//     passes go test ./...);
//   - 1: it must run; no Chromium is a failure (.ci/run sets it after installing chromium);
//   - 0: it skips (.ci/run's go test ./..., which would run it a second time).
//
// With -screenshots DIR it also writes the PNGs that docs/report.md shows:
//
//	go test ./internal/report -run TestBrowser -args -screenshots "$PWD/docs/images"
var screenshotDir = flag.String("screenshots", "", "TestBrowser writes the PNGs of docs/report.md to this directory")

// A4 in CSS pixels (96 per inch) less the margins of the report's @page rule (14 mm top and
// bottom, 12 mm left and right): the box a printed page fills.
const (
	mmPx            = 96 / 25.4
	printableWidth  = (210 - 2*12) * mmPx // 703 px
	printableHeight = (297 - 2*14) * mmPx // 1017 px
)

// chromiumPath finds a Chromium binary: $TERMLINT_CHROMIUM, else the names Debian's and other
// packages install.
func chromiumPath() string {
	if p := os.Getenv("TERMLINT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func TestBrowser(t *testing.T) {
	mode := os.Getenv("TERMLINT_BROWSER")
	if mode == "0" {
		t.Skip("TERMLINT_BROWSER=0: the real-browser test of the HTML report is off")
	}
	bin := chromiumPath()
	if bin == "" {
		msg := "no Chromium binary (chromium, chromium-browser, google-chrome, headless_shell on PATH, or $TERMLINT_CHROMIUM): " +
			"the real-browser test of the HTML report did not run (Debian: apt-get install chromium)"
		if mode == "1" {
			t.Fatal("TERMLINT_BROWSER=1 but " + msg)
		}
		t.Skip(msg)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	shots := *screenshotDir
	if shots != "" && !filepath.IsAbs(shots) {
		shots = filepath.Join(root, shots)
	}
	t.Chdir(root)
	// The five contracts and a deal: every kind of column the matrix has.
	html := htmlReport(t, "fixtures/contracts", "fixtures/deals/serso.yaml")
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, html, 0o644); err != nil {
		t.Fatal(err)
	}

	// One bound for the whole test, browser start included: a hung browser fails, not blocks.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1000, 1200),
		// The page is our own file, with no script (CSP default-src 'none'); the sandbox would
		// protect nothing here, and needs user namespaces that containers (and root) lack.
		chromedp.NoSandbox,
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()

	// Every console message, exception and browser-log entry, from before the page loads.
	var (
		mu       sync.Mutex
		messages []chromedp.ConsoleMessage
		wg       sync.WaitGroup
	)
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	cctx, stopConsole := context.WithCancel(bctx)
	console := chromedp.Console(cctx)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for m, err := range console {
			if err != nil {
				return
			}
			mu.Lock()
			messages = append(messages, m)
			mu.Unlock()
		}
	}()
	start := time.Now()
	if err := chromedp.Do(bctx, chromedp.Navigate("file://"+filepath.ToSlash(file))); err != nil {
		t.Fatalf("opening the report: %v", err)
	}

	checkLinks(t, bctx)
	checkPrintWidth(t, bctx)
	checkSummaries(t, bctx)
	checkPDF(t, bctx)
	if shots != "" {
		writeScreenshots(t, bctx, shots)
	}

	// Let late messages arrive (a resource refused by the CSP is logged after the load).
	if err := chromedp.Do(bctx, chromedp.Sleep(200*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	stopConsole()
	wg.Wait()
	for _, m := range messages {
		switch m.Type {
		case chromedp.ConsoleError, chromedp.ConsoleException, chromedp.ConsoleWarning:
			t.Errorf("console %s (%s:%d): %s", m.Type, m.URL, m.Line, m.Text)
		default:
			t.Logf("console %s: %s", m.Type, m.Text)
		}
	}
	t.Logf("browser checks took %v", time.Since(start).Round(time.Millisecond))
}

// linkReport is what checkLinksJS finds.
type linkReport struct {
	Links, PassageLinks, Passages int
	Missing, Duplicates           []string
	NotHighlighted                []string
	WrongClause                   []string
	Unlinked                      []string
}

// checkLinksJS follows every internal link in the page as laid out: the target must exist (and
// its id be unique); a link into an annotated document must land on a highlighted passage
// (the anchor before an a.hl, shown with a background), and every highlighted passage must link
// to a clause in the memo whose quote holds the passage's words.
const checkLinksJS = `(() => {
  const r = {Links: 0, PassageLinks: 0, Passages: 0, Missing: [], Duplicates: [], NotHighlighted: [], WrongClause: [], Unlinked: []};
  const seen = new Set();
  for (const el of document.querySelectorAll('[id]')) {
    if (seen.has(el.id)) r.Duplicates.push(el.id);
    seen.add(el.id);
  }
  const target = a => document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
  const words = s => s.normalize('NFC').replace(/[\s*_]+/g, ' ').trim();
  const lit = el => { const bg = getComputedStyle(el).backgroundColor; return bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent'; };
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    r.Links++;
    const href = a.getAttribute('href');
    const el = target(a);
    if (!el) { r.Missing.push(href + ' (' + words(a.textContent).slice(0, 40) + ')'); continue; }
    if (!el.closest('pre.doc')) continue;
    r.PassageLinks++;
    // Passages that start at one place stack their anchors before the first piece of text.
    let hl = el;
    while (hl && hl.matches('span.anchor')) hl = hl.nextElementSibling;
    if (!hl || !hl.matches('a.hl') || !lit(hl)) { r.NotHighlighted.push(href); continue; }
    // Followed, the link must mark the passage (the :target outline), as a reader sees it.
    location.hash = href;
    if (getComputedStyle(hl).outlineStyle === 'none') r.NotHighlighted.push(href + ' (not outlined as the target)');
  }
  location.hash = '';
  for (const hl of document.querySelectorAll('pre.doc a.hl')) {
    r.Passages++;
    const clause = target(hl);
    if (!clause) continue; // counted under Missing
    const q = clause.matches('blockquote') ? clause : clause.querySelector('blockquote');
    if (!q || !words(q.textContent).includes(words(hl.textContent))) {
      r.WrongClause.push(hl.getAttribute('href') + ': ' + words(hl.textContent).slice(0, 60));
    }
  }
  // A clause quoted in the memo whose passage the text does not mark is a quote the reader
  // cannot find in the document.
  for (const q of document.querySelectorAll('.memo blockquote')) {
    if (!q.querySelector('a.back')) r.Unlinked.push(words(q.textContent).slice(0, 60));
  }
  return r;
})()`

func checkLinks(t *testing.T, ctx context.Context) {
	t.Helper()
	r, err := chromedp.Run(ctx, chromedp.Evaluate[linkReport](checkLinksJS))
	if err != nil {
		t.Fatalf("checking the links: %v", err)
	}
	t.Logf("%d internal links, %d into the annotated documents, %d highlighted passages", r.Links, r.PassageLinks, r.Passages)
	if r.PassageLinks == 0 || r.Passages == 0 {
		t.Error("no link into an annotated document, or no highlighted passage")
	}
	for _, l := range []struct {
		what string
		list []string
	}{
		{"a link without a target", r.Missing},
		{"an id used twice", r.Duplicates},
		{"a link into the text that lands on no highlighted passage", r.NotHighlighted},
		{"a passage whose clause in the memo does not quote it", r.WrongClause},
		{"a clause in the memo with no passage in the text", r.Unlinked},
	} {
		for i, s := range l.list {
			if i == 10 {
				t.Errorf("... and %d more", len(l.list)-10)
				break
			}
			t.Errorf("%s: %s", l.what, s)
		}
	}
}

// printMedia lays the page out as on paper: print styles, and a viewport as wide as the
// printable width of A4.
func printMedia(ctx context.Context) error {
	return chromedp.Do(ctx,
		chromedp.EmulateViewport(int64(math.Round(printableWidth)), int64(math.Round(printableHeight))),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}),
	)
}

func screenMedia(ctx context.Context) error {
	return chromedp.Do(ctx,
		chromedp.EmulateViewport(1000, 1200),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
			return err
		}),
	)
}

// checkPrintWidth: on paper nothing may stick out to the right, where the printer cuts it off
// (a wide matrix, a long unbroken word in a quote).
func checkPrintWidth(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := printMedia(ctx); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := screenMedia(ctx); err != nil {
			t.Fatal(err)
		}
	}()
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
  const w = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 1 && !el.closest('.sr')) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ends at ' + Math.round(r.right) + ' px');
  }
  return out;
})()`))
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range wide {
		if i == 10 {
			t.Errorf("... and %d more", len(wide)-10)
			break
		}
		t.Errorf("wider than the printable width of A4 (%.0f px): %s", printableWidth, s)
	}
}

// summaryBox is one vendor's first page as laid out for print.
type summaryBox struct {
	ID, Vendor string
	Height     float64
}

// checkSummaries: each vendor's first-page summary fits on one printed A4 page. Two
// measurements: the height of the summary laid out for print (from the top margin of the
// vendor's heading, where its forced page break puts it, to the end of the summary) against the
// printable height of A4; and the PDF of that summary alone (the rest of the page hidden) must
// be one page, so the print engine's own pagination (orphans, break-inside) agrees.
func checkSummaries(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := printMedia(ctx); err != nil {
		t.Fatal(err)
	}
	boxes, err := chromedp.Run(ctx, chromedp.Evaluate[[]summaryBox](`(() => [...document.querySelectorAll('section.contract')].map(c => {
  const s = c.querySelector('.summary'), h = s.querySelector('h2');
  const top = Math.min(c.getBoundingClientRect().top, h.getBoundingClientRect().top - parseFloat(getComputedStyle(h).marginTop));
  return {ID: c.id, Vendor: h.textContent, Height: s.getBoundingClientRect().bottom - top};
}))()`))
	if err != nil {
		t.Fatal(err)
	}
	if err := screenMedia(ctx); err != nil {
		t.Fatal(err)
	}
	// fixtures/contracts/serso.yaml is a document of the SerSo deal, so it is checked within the
	// deal, not a second time alone: four contracts and one deal.
	if len(boxes) != 5 {
		t.Errorf("%d vendors' memos, want 5 (four contracts, one deal)", len(boxes))
	}
	for _, b := range boxes {
		t.Logf("%s: summary %.0f px of %.0f (%.0f%% of an A4 page)", b.Vendor, b.Height, printableHeight, 100*b.Height/printableHeight)
		if b.Height > printableHeight {
			t.Errorf("%s: the summary is %.0f px high for print, more than one A4 page (%.0f px)", b.Vendor, b.Height, printableHeight)
		}
		alone := fmt.Sprintf(`(() => {
  const keep = document.getElementById(%q);
  for (const el of document.body.children) el.style.display = el === keep ? '' : 'none';
  for (const el of keep.children) el.style.display = el.classList.contains('summary') ? '' : 'none';
  keep.querySelector('.summary').style.breakAfter = 'auto';
  return true;
})()`, b.ID)
		restore := `(() => { for (const el of document.querySelectorAll('[style]')) el.removeAttribute('style'); return true; })()`
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](alone)); err != nil {
			t.Fatal(err)
		}
		pdf, err := chromedp.Run(ctx, printA4())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](restore)); err != nil {
			t.Fatal(err)
		}
		if n := pdfPages(t, pdf); n != 1 {
			t.Errorf("%s: the summary alone prints on %d A4 pages, want 1", b.Vendor, n)
		}
	}
}

func printA4() chromedp.Action[[]byte] {
	return chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground())
}

var (
	pdfPage     = regexp.MustCompile(`/Type\s*/Page\b[^s]`)
	pdfCount    = regexp.MustCompile(`/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b`)
	pdfMediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]`)
)

// pdfPages counts the page objects of a PDF that Chromium wrote (Skia writes them uncompressed)
// and checks the count against the page tree's and that every page is A4 (595 × 842 pt).
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", pdf)
	}
	n := len(pdfPage.FindAll(pdf, -1))
	// The page tree may be nested; its root counts every page, so it has the largest /Count.
	root := -1
	for _, m := range pdfCount.FindAllSubmatch(pdf, -1) {
		c, _ := strconv.Atoi(string(m[1]) + string(m[2]))
		root = max(root, c)
	}
	if root != n {
		t.Errorf("the PDF's page tree counts %d pages, its page objects %d", root, n)
	}
	for _, m := range pdfMediaBox.FindAllSubmatch(pdf, -1) {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if math.Abs(w-595.3) > 2 || math.Abs(h-841.9) > 2 {
			t.Errorf("a page of %.1f × %.1f pt, not A4 (595.3 × 841.9)", w, h)
			break
		}
	}
	return n
}

// checkPDF prints the whole report to A4 and checks the page count against bounds taken from
// the page laid out for print (a viewport as wide as A4's printable width). The report has
// forced page breaks before each vendor and after each summary, so it is a sequence of flows:
// the title and matrix, then per vendor the summary and the memo with its annotated documents.
//
//   - At least: per flow, its height divided by A4's printable height, rounded up. Printing
//     cannot pack the content tighter than the screen layout of the same width.
//   - At most: half as many again, plus one per flow. break-inside: avoid (quotes, findings,
//     table rows) and break-after: avoid (headings) push a block that would be cut to the next
//     page and leave the foot of the page empty; such a block is a few lines, so an average
//     loss of a third of a page means a broken layout (a forced break too many, a block that
//     cannot fit, an element printed a line per page).
func checkPDF(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := printMedia(ctx); err != nil {
		t.Fatal(err)
	}
	flows, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
  const secs = [...document.querySelectorAll('section.contract')], top = el => el.getBoundingClientRect().top + scrollY;
  const out = [top(secs[0]) - top(document.body)];
  secs.forEach((c, i) => {
    const s = c.querySelector('.summary');
    out.push(s.getBoundingClientRect().bottom + scrollY - top(c));
    const end = i + 1 < secs.length ? top(secs[i + 1]) : document.body.getBoundingClientRect().bottom + scrollY;
    out.push(end - (s.getBoundingClientRect().bottom + scrollY));
  });
  return out;
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if err := screenMedia(ctx); err != nil {
		t.Fatal(err)
	}
	lower := 0
	for _, h := range flows {
		lower += int(math.Ceil(h / printableHeight))
	}
	upper := lower*3/2 + len(flows)
	pdf, err := chromedp.Run(ctx, printA4())
	if err != nil {
		t.Fatalf("printing to PDF: %v", err)
	}
	n := pdfPages(t, pdf)
	t.Logf("the report prints on %d A4 pages (%d KB of PDF); bounds %d to %d from %d flows of the print layout", n, len(pdf)>>10, lower, upper, len(flows))
	if n < lower || n > upper {
		t.Errorf("the report prints on %d A4 pages, outside [%d, %d]", n, lower, upper)
	}
}

// writeScreenshots writes the three images of docs/report.md: the matrix, the top of one
// vendor's memo (Vooruit: its summary and first rules), and a stretch of its annotated document
// with highlighted passages. Screen media, 1000 px wide, clipped so that each PNG stays small.
func writeScreenshots(t *testing.T, ctx context.Context, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	type clip struct{ X, Y, Width, Height float64 }
	yes := true
	for _, s := range []struct {
		name, js string
	}{
		{"report-matrix.png", `(() => { const r = document.getElementById('matrix').getBoundingClientRect();
  return {X: r.left - 8, Y: r.top + scrollY - 8, Width: r.width + 16, Height: Math.min(r.height + 16, 1800)}; })()`},
		{"report-memo.png", `(() => { const c = [...document.querySelectorAll('section.contract')].find(c => c.querySelector('h2').textContent.startsWith('Vooruit'));
  const r = c.getBoundingClientRect();
  return {X: r.left - 8, Y: r.top + scrollY - 8, Width: r.width + 16, Height: 1250}; })()`},
		{"report-annotated.png", `(() => { const c = [...document.querySelectorAll('section.contract')].find(c => c.querySelector('h2').textContent.startsWith('Vooruit'));
  const d = c.querySelector('.annotated'), r = d.getBoundingClientRect(), hl = d.querySelectorAll('pre.doc a.hl');
  // From a highlighted passage a third into the text: clauses, not the title page.
  const at = hl[Math.floor(hl.length / 3)].getBoundingClientRect();
  return {X: r.left - 8, Y: at.top + scrollY - 200, Width: r.width + 16, Height: 1000}; })()`},
	} {
		c, err := chromedp.Run(ctx, chromedp.Evaluate[clip](s.js))
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		png, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format: page.CaptureScreenshotFormatPng, CaptureBeyondViewport: &yes, FromSurface: &yes,
			Clip: &page.Viewport{X: max(c.X, 0), Y: max(c.Y, 0), Width: c.Width, Height: c.Height, Scale: 1},
		})
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if len(png.Data) > 300<<10 {
			t.Errorf("%s: %d KB, more than 300 KB", s.name, len(png.Data)>>10)
		}
		if err := os.WriteFile(filepath.Join(dir, s.name), png.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%.0f × %.0f px, %d KB)", filepath.Join(dir, s.name), c.Width, c.Height, len(png.Data)>>10)
	}
}
