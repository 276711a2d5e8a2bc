package contract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMarkupOf(t *testing.T) {
	tests := []struct {
		path string
		want markup
	}{
		{"a.txt", plainText},
		{"a", plainText},
		{"dir.md/a.txt", plainText},
		{"a.md", markdownText},
		{"A.MD", markdownText},
		{"a.markdown", markdownText},
		{"a.html", htmlText},
		{"a.htm", htmlText},
		{"a.xhtml", htmlText},
		{"a.md.txt", plainText},
	}
	for _, tt := range tests {
		if got := markupOf(tt.path); got != tt.want {
			t.Errorf("markupOf(%q) = %d, want %d", tt.path, got, tt.want)
		}
	}
}

// TestReaderText compares the reader's text after the normalisation, which is what quotes meet.
func TestReaderText(t *testing.T) {
	tests := []struct {
		name, in string
		m        markup
		want     string
	}{
		{"span", `<span class="keyterms_link">Customer</span> will not (a) copy`, markdownText, "Customer will not (a) copy"},
		{"span with id and possessive", `<span class="coverpage_link" id="7.1">Provider’s</span> duty`, markdownText, "Provider’s duty"},
		{"attribute holding >", `<a title="x > y" href="u">link</a> text`, markdownText, "link text"},
		{"block tags leave space", "one<br>two<br/>three</p><p>four<div>five</div>", htmlText, "one two three four five"},
		{"inline tags leave none", "a<b>bold</b>c <em>d</em><sup>1</sup>", htmlText, "aboldc d1"},
		{"comment", "a<!-- hidden -->b <!-- x\ny --> c", markdownText, "ab c"},
		{"script and style", "a<script>if (a<b) x()</script> b<STYLE>p{}</style>c", htmlText, "a bc"},
		{"doctype", "<!DOCTYPE html><html><body><p>Text</p></body></html>", htmlText, "Text"},
		{"cdata", "a <![CDATA[x < y]]> b", htmlText, "a x < y b"},
		{"less-than is text", "a < b and a<b and <5 days and <-> and <", markdownText, "a < b and a<b and <5 days and <-> and <"},
		{"unclosed tag is text", "<span class=\"x\" and no end", markdownText, "<span class=\"x\" and no end"},
		{"entities", "AT&amp;T&nbsp;B &lt;x&gt; &#39;q&#39; &#x2019;s &quot;z&quot;", markdownText, "AT&T B <x> 'q' ’s \"z\""},
		{"not entities", "AT&T & co &foo; &amp &notit; &#; &#xZZ;", markdownText, "AT&T & co &foo; &amp &notit; &#; &#xZZ;"},
		{"entity in html", "Fish &amp; Chips", htmlText, "Fish & Chips"},
		{"bold and emphasis", "**Except** as _provided_ in *Section* __8.4__", markdownText, "Except as provided in Section 8.4"},
		{"bold around span", `**<span id="8.1.a">Except</span> as provided.**`, markdownText, "Except as provided."},
		{"intraword underscore", "snake_case and file_name_here", markdownText, "snake_case and file_name_here"},
		{"arithmetic asterisk", "5 * 3 = 15", markdownText, "5 3 = 15"},
		{"link", "see [the terms](https://example.com/terms \"T\") now", markdownText, "see the terms now"},
		{"link with parens in url", "see [Wiki](https://x/a_(b)) now", markdownText, "see Wiki now"},
		{"reference link", "see [the terms][t] and [more][] now", markdownText, "see the terms and more now"},
		{"image", "logo ![Common Paper](logo.png) here", markdownText, "logo Common Paper here"},
		{"link around image", "[![alt](i.png)](u) x", markdownText, "alt x"},
		{"brackets not links", "Article [1] and [see below] (a) and [x] (y)", markdownText, "Article [1] and [see below] (a) and [x] (y)"},
		{"unclosed bracket", "a [b c", markdownText, "a [b c"},
		{"reference definition", "text\n\n[t]: https://example.com\nmore", markdownText, "text more"},
		{"autolink", "posted at <https://commonpaper.com/standards/>.", markdownText, "posted at https://commonpaper.com/standards/."},
		{"headings", "# Title\n## 1. Service\n####### seven\n#hashtag", markdownText, "Title 1. Service ####### seven #hashtag"},
		{"block quote", "> quoted\n> > deeper", markdownText, "quoted deeper"},
		{"bullets", "- one\n+ two\n* three\n-not a bullet", markdownText, "one two three -not a bullet"},
		{"ordered items", "1. <span>Service</span>\n    1. Access.\n    2. Support.\n\n3) Third", markdownText, "Service Access. Support. Third"},
		{"number in a paragraph stays", "paid in the year\n2016. Then more", markdownText, "paid in the year 2016. Then more"},
		{"letter items stay", "        a. **Except** as", markdownText, "a. Except as"},
		{"rules", "above\n\n---\n\n***\nbelow\n=====", markdownText, "above below"},
		{"code span", "use `<span>` and ``a ` b`` here", markdownText, "use <span> and a ` b here"},
		{"lone backtick", "it`s", markdownText, "it`s"},
		{"backslash escapes", `\*not emphasis\* and \[1\] and a\\b and \q`, markdownText, `not emphasis and [1] and a\b and \q`},
		{"markdown syntax in html is text", "# not a heading [x](y)", htmlText, "# not a heading [x](y)"},
		{"crlf", "# Title\r\n1. Item\r\n", markdownText, "Title Item"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rt, off := readerText([]byte(tt.in), tt.m)
			if got := NormaliseQuote(string(rt)); got != tt.want {
				t.Errorf("reader text of %q = %q, want %q", tt.in, got, tt.want)
			}
			checkOffsets(t, tt.in, len(rt), off)
		})
	}
}

func checkOffsets(t *testing.T, src string, n int, off []int32) {
	t.Helper()
	if len(off) != n {
		t.Fatalf("%d offsets for %d bytes", len(off), n)
	}
	for i, o := range off {
		if o < 0 || int(o) >= len(src) || i > 0 && o < off[i-1] {
			t.Fatalf("offset %d of %q is %d (previous %v)", i, src, o, off[max(i-1, 0)])
		}
	}
}

func TestNormaliseOffsetsMatchesNormaliseQuote(t *testing.T) {
	for _, s := range []string{"", "  a  b ", "**x** _y_ snake_case", "é\u00a0ç\tü", "\xff\xfe a", "***"} {
		got, off := normaliseOffsets([]byte(s), nil)
		if string(got) != NormaliseQuote(s) {
			t.Errorf("normaliseOffsets(%q) = %q, NormaliseQuote gives %q", s, got, NormaliseQuote(s))
		}
		checkOffsets(t, s, len(got), off)
	}
}

func TestQuotePosition(t *testing.T) {
	src := "# Agreement\n\n1. <span class=\"h\">Service</span>\n    1. <span class=\"h\">Use.</span>  <span class=\"c\">Customer</span> may (a) use\n    the **Cloud Service**; and é <span>Provider</span> &amp; co.\n"
	tests := []struct {
		quote     string
		m         markup
		line, col int
		ok        bool
	}{
		{"Agreement", markdownText, 1, 3, true},
		{"Service Use.", markdownText, 3, 20, true},
		{"Customer may (a) use the Cloud Service", markdownText, 4, 53, true},
		{"Cloud Service; and é Provider & co.", markdownText, 5, 11, true},
		{"Provider & co.", markdownText, 5, 40, true},
		// The first match: "Service" occurs in "Service" and in "Cloud Service".
		{"Service", markdownText, 3, 20, true},
		{"Customer will not", markdownText, 0, 0, false},
		{"*** ", markdownText, 0, 0, false},
		// As plain text the markup is part of the text.
		{`<span class="c">Customer</span> may`, plainText, 4, 37, true},
		{"Customer may", plainText, 0, 0, false},
	}
	for _, tt := range tests {
		line, col, ok := quotePosition([]byte(src), tt.m, tt.quote)
		if line != tt.line || col != tt.col || ok != tt.ok {
			t.Errorf("quotePosition(%q, %d) = %d:%d %v, want %d:%d %v", tt.quote, tt.m, line, col, ok, tt.line, tt.col, tt.ok)
		}
	}
}

// TestCommonPaperQuotes holds sentences of the Common Paper texts as a lawyer reads and types
// them, without the markup, and where each begins in the Markdown.
func TestCommonPaperQuotes(t *testing.T) {
	tests := []struct {
		file, quote string
		line        int
	}{
		{"csa-2.1.md", "Customer may (a) access and use the Cloud Service; and (b) copy and use the included Software and Documentation only as needed to access and use the Cloud Service", 4},
		{"csa-2.1.md", "Access and Use. During the Subscription Period and subject to the terms of this Agreement", 4},
		{"csa-2.1.md", "Customer and Users must protect the confidentiality of their passwords and login credentials.", 6},
		{"csa-2.1.md", "Provider and Customer each disclaim all other warranties and conditions, whether express or implied, including the implied warranties and conditions of merchantability", 52},
		{"csa-2.1.md", "Except as provided in Section 8.4 (Exceptions), each party’s total cumulative liability for all claims arising out of or relating to this Agreement will not be more than the General Cap Amount.", 56},
		{"csa-2.1.md", "If there are Increased Claims, each party’s total cumulative liability for all Increased Claims arising out of or relating to this Agreement will not be more than the Increased Cap Amount.", 57},
		{"csa-2.1.md", "Damages Waiver. Except as provided in Section 8.4 (Exceptions), under no circumstances will either party be liable to the other for lost profits or revenues", 58},
		{"csa-2.1.md", `"Affiliate" means an entity that, directly or indirectly, controls, is under the control of, or is under common control with a party`, 102},
		{"csa-2.1.md", "which are posted at https://commonpaper.com/standards/cloud-service-agreement/2.1/.", 131},
		{"csa-2.1.md", `"Variable" means a word or phrase that is highlighted and capitalized, such as Subscription Period or Governing Law.`, 134},
		{"dpa.md", "Provider as Processor. In situations where Customer is a Controller of the Customer Personal Data, Provider will be deemed a Processor", 5},
		{"dpa.md", "Provider remains fully liable for all obligations subcontracted to its Subprocessors", 0},
		{"dpa.md", "In Clause 9, Option 2 (general written authorization) applies, and the minimum time period for prior notice of Subprocessor changes is 10 business days;", 0},
		{"sla.md", "Service Credits will not accumulate within a single Subscription Period in an amount more than 8% of Cloud Service Fees for that Subscription Period.", 0},
		{"sla.md", "Customer must notify Provider within 7 days of the end of the month in which Customer believes the Service Credit was earned", 0},
		{"sla.md", "This SLA describes Customer’s exclusive remedy and Provider’s entire liability for any failure of the Cloud Service to meet the Target Uptime", 0},
	}
	texts := map[string][]byte{}
	hidden := 0
	for _, tt := range tests {
		src := texts[tt.file]
		if src == nil {
			var err error
			if src, err = os.ReadFile(filepath.Join("../../fixtures/sources/commonpaper", tt.file)); err != nil {
				t.Fatal(err)
			}
			texts[tt.file] = src
		}
		line, _, ok := quotePosition(src, markupOf(tt.file), tt.quote)
		if !ok {
			t.Errorf("%s: not found: %q", tt.file, tt.quote)
			continue
		}
		if tt.line != 0 && line != tt.line {
			t.Errorf("%s: %q found at line %d, want %d", tt.file, tt.quote, line, tt.line)
		}
		if _, _, plain := quotePosition(src, plainText, tt.quote); !plain {
			hidden++
		}
	}
	// Most of these sentences cross markup, or the test would not show the reader's text works.
	if hidden < len(tests)*3/4 {
		t.Errorf("only %d of %d quotes need the markup read", hidden, len(tests))
	}
}

// TestMarkdownSourceQuotes goes through the loader: a quote as read is found in a Markdown
// source, a quote that is not there is reported, and one that copied the markup is told where.
func TestMarkdownSourceQuotes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "terms.md"), "# Terms\n\n1. <span class=\"h\">Law.</span>  This Agreement is governed by the laws of <span class=\"k\">Belgium</span>.\n")
	writeFile(t, filepath.Join(dir, "terms.txt"), "# Terms\n\n1. <span class=\"h\">Law.</span>  This Agreement is governed by the laws of <span class=\"k\">Belgium</span>.\n")
	contract := func(source, quote string) []byte {
		return []byte("schema_version: \"1\"\ndocument: {source: " + source + ", language: en}\nvendor: {name: Acme, country: BE}\n" +
			"governing_law: {value: BE, src: {art: \"1\", quote: '" + quote + "'}}\n")
	}
	l := newTestLoader(t, Options{SourceRoot: dir})
	tests := []struct {
		source, quote, want string
	}{
		{"terms.md", "Law. This Agreement is governed by the laws of Belgium.", ""},
		{"terms.md", "governed by the laws of the Netherlands", `quote not found in source terms.md: "governed by the laws of the Netherlands"`},
		{"terms.md", `laws of <span class="k">Belgium</span>`, "it occurs with the source's markup at line 3, column 67"},
		// A plain text is compared as written, markup and all, and gives no hint.
		{"terms.txt", "governed by the laws of Belgium", `quote not found in source terms.txt: "governed by the laws of Belgium"`},
		{"terms.txt", `laws of <span class="k">Belgium</span>`, ""},
	}
	for _, tt := range tests {
		_, diags := l.Load(filepath.Join(dir, "c.yaml"), dir, contract(tt.source, tt.quote))
		got := format(diags)
		if tt.want == "" && len(diags) > 0 || tt.want != "" && (len(diags) != 1 || !strings.Contains(got, tt.want)) {
			t.Errorf("%s %q: got\n%s\nwant %q", tt.source, tt.quote, got, tt.want)
		}
		if tt.source == "terms.txt" && strings.Contains(got, "markup") {
			t.Errorf("plain text gave a markup hint: %s", got)
		}
	}
}

func FuzzReaderText(f *testing.F) {
	for _, s := range []string{
		"# T\n\n1. <span class=\"a\">x</span> &amp; [l](u) `c` **b** _e_",
		"<!-- x --><script>y</script><![CDATA[z]]>&#x41;&notit;",
		"[a [b](c) d](e) ![i](j) [r][] <https://x> \\* > q\n- b\n2. n",
		"<a title='>'>t</a> & < [ ] ( ) ` `` \\",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, md bool) {
		m := htmlText
		if md {
			m = markdownText
		}
		rt, off := readerText([]byte(s), m)
		checkOffsets(t, s, len(rt), off)
		norm, noff := searchText([]byte(s), m)
		if string(norm) != NormaliseQuote(string(rt)) {
			t.Fatalf("searchText(%q) = %q, NormaliseQuote of the reader text gives %q", s, norm, NormaliseQuote(string(rt)))
		}
		checkOffsets(t, s, len(norm), noff)
		if len(norm) > 0 {
			q := string(norm[len(norm)/2:])
			if !utf8.ValidString(q) {
				return
			}
			if _, _, ok := quotePosition([]byte(s), m, q); !ok && NormaliseQuote(q) == q {
				t.Fatalf("a piece of the reader text %q is not found in %q", q, s)
			}
		}
	})
}

// BenchmarkSearchTextMarkdown derives the longest Markdown source once, as the source cache does
// per source text; BenchmarkSearchTextPlain is the plain text of the longest fixture, for scale.
func BenchmarkSearchTextMarkdown(b *testing.B) {
	benchSearchText(b, "../../fixtures/sources/commonpaper/csa-2.1.md")
}

func BenchmarkSearchTextPlain(b *testing.B) {
	benchSearchText(b, "../../fixtures/sources/vooruit.txt")
}

func benchSearchText(b *testing.B, file string) {
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	m := markupOf(file)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if norm, _ := searchText(src, m); len(norm) == 0 {
			b.Fatal("empty")
		}
	}
}
