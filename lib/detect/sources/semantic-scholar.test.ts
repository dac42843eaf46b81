// What the saved Semantic Scholar pages do not show: the address gate, in-app navigation leaving
// the head (JSON-LD, citation_*) or the address on another paper, arXiv ids in the header, and
// rows or data the reader cannot use.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { semanticScholar } from './semantic-scholar';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

function detect(html: string, address: string) {
  return semanticScholar.detect(parseHtml(html, address), new URL(address));
}

/** The head of a paper page loaded for paper A: its JSON-LD and citation_* tags. */
function headOf(id: string, title: string, extra = ''): string {
  const article = {
    '@type': 'ScholarlyArticle',
    name: title,
    abstract: 'The whole abstract of this paper.',
    author: [
      { '@type': 'Person', name: 'Ann Author' },
      { '@type': 'Person', name: 'Bob Author' },
    ],
    datePublished: '3 March 2021',
    publication: 'Journal of Tests',
    sameAs: 'https://doi.org/10.1000/head.1',
    mainEntity: 'https://pdfs.semanticscholar.org/aaaa/head.pdf',
    mainEntityOfPage: `/paper/Some-Slug/${id}`,
  };
  return `<head><script type="application/ld+json" class="schema-data">${JSON.stringify({
    '@context': 'http://schema.org',
    '@graph': [{ '@type': 'BreadcrumbList' }, [article]],
  })}</script><meta name="citation_title" content="${title}"><meta name="citation_author" content="Ann Author">
  <meta name="citation_pdf_url" content="https://pdfs.semanticscholar.org/aaaa/head.pdf">${extra}</head>`;
}

/** The header of a paper page in the markup of paper-meow: two names shown and "+N authors". */
function headerOf(id: string | undefined, title: string, top = '', bibtex = ''): string {
  const reader = id ? `<a data-test-id="reader-button" href="/reader/${id}">[PDF] Semantic Reader</a>` : '';
  return `<div class="fresh-paper-detail-page__header" data-test-id="paper-detail-page-header">
    <ul class="paper-meta paper-detail__paper-meta-top" data-test-id="paper-meta-subhead">${top}<li data-test-id="corpus-id">Corpus ID: 123</li></ul>
    <h1 data-test-id="paper-detail-title">${title}</h1>
    <pre class="bibtex-citation">${bibtex}</pre>
    <ul class="flex-row-vcenter paper-meta"><li class="paper-meta-item"><span class="author-list">
      <span data-test-id="author-list"><a class="author-list__link" href="/author/X/1"><span>Cleo Shown</span></a></span>
      <span data-test-id="author-list"><span aria-hidden="true">, </span><span><button data-test-id="author-list-expand" aria-label="Show 3 more authors"><span>+3 authors</span></button> </span><a class="author-list__link" href="/author/Y/2"><span>Dan Last</span></a></span>
    </span></li><li class="paper-meta-item"><span data-test-id="year-and-venue">Published in <span data-test-id="venue-metadata"><a class="cl-paper-venue" href="/venue?name=Other%20Venue">Other Venue</a></span> <span data-test-id="paper-year"><span>2019</span></span></span></li></ul>
    <div class="tldr-abstract-replacement paper-detail-page__tldr-abstract" data-test-id="no-highlight-abstract-text"><div class="text-truncator abstract__text"><span data-test-id="text-truncator-text">A cut abstract…</span><button aria-label="Expand truncated text" data-test-id="text-truncator-toggle"><span>Expand</span></button></div></div>
    ${reader}</div>`;
}

describe('semantic-scholar address gate', () => {
  it.each([
    'https://www.semanticscholar.org/paper/Some-Slug/0123456789abcdef0123456789abcdef01234567',
    'https://www.semanticscholar.org/search?q=cats',
    'https://www.semanticscholar.org/author/Jane-Doe/123',
  ])('reads %s', (address) => {
    expect(semanticScholar.matches(new URL(address))).toBe(true);
  });

  it.each(['https://api.semanticscholar.org/graph/v1/paper/x', 'https://www.semanticscholar.org.example.com/paper/x'])(
    'leaves %s alone',
    (address) => {
      expect(semanticScholar.matches(new URL(address))).toBe(false);
    },
  );
});

describe('semantic-scholar paper page after in-app navigation', () => {
  it('ignores a head left from the paper loaded before, and reads the header alone', () => {
    const html = `<html>${headOf(A, 'Paper A')}<body>${headerOf(B, 'Paper B')}</body></html>`;
    const [found] = detect(html, `https://www.semanticscholar.org/paper/Paper-B/${B}`);
    expect(found?.paper).toEqual({
      key: `s2:${B}`,
      title: 'Paper B',
      authors: ['Cleo Shown', 'Dan Last'],
      authorCount: 5,
      published: '2019',
      venue: 'Other Venue',
      ids: { s2: B },
      url: `https://www.semanticscholar.org/paper/Paper-B/${B}`,
      source: 'semantic-scholar',
      pageUrl: `https://www.semanticscholar.org/paper/Paper-B/${B}`,
    });
    expect(found?.anchor?.tagName).toBe('H1');
  });

  it('takes the id the header shows when the address already names another paper', () => {
    const html = `<html><head></head><body>${headerOf(B, 'Paper B')}</body></html>`;
    const [found] = detect(html, `https://www.semanticscholar.org/paper/Paper-A/${A}`);
    expect(found?.paper.ids?.s2).toBe(B);
    expect(found?.paper.url).toBe(`https://www.semanticscholar.org/paper/${B}`);
  });

  it('uses the head when it names the shown paper: every author, the whole abstract, the DOI and PDF', () => {
    const html = `<html>${headOf(A, 'Paper A')}<body>${headerOf(A, 'Paper A')}</body></html>`;
    const [found] = detect(html, `https://www.semanticscholar.org/paper/${A}`);
    expect(found?.paper).toMatchObject({
      key: 'doi:10.1000/head.1',
      authors: ['Ann Author', 'Bob Author'],
      abstract: 'The whole abstract of this paper.',
      // What the header shows wins over the head.
      published: '2019',
      venue: 'Other Venue',
      pdfUrl: 'https://pdfs.semanticscholar.org/aaaa/head.pdf',
    });
    expect(found?.paper.authorCount).toBeUndefined();
  });

  it('survives a head whose JSON is broken or of another shape', () => {
    const head = `<head><script type="application/ld+json" class="schema-data">{"@graph": [</script>
      <script type="application/ld+json">{"@type": "ScholarlyArticle", "name": 5, "author": "nobody"}</script></head>`;
    const [found] = detect(
      `<html>${head}<body>${headerOf(A, 'Paper A')}</body></html>`,
      `https://www.semanticscholar.org/paper/${A}`,
    );
    expect(found?.paper).toMatchObject({ key: `s2:${A}`, title: 'Paper A', authors: ['Cleo Shown', 'Dan Last'] });
  });
});

describe('semantic-scholar ids in the paper header', () => {
  it('reads an arXiv paper from its BibTeX (journal ArXiv, volume abs/<id>)', () => {
    const bibtex =
      '@article{Hu2021LoRALA,\n  title={LoRA},\n  journal={ArXiv},\n  year={2021},\n  volume={abs/2106.09685}\n}';
    const [found] = detect(
      `<html><head></head><body>${headerOf(A, 'LoRA', '', bibtex)}</body></html>`,
      `https://www.semanticscholar.org/paper/LoRA/${A}`,
    );
    expect(found?.paper.key).toBe('arxiv:2106.09685');
    expect(found?.paper.ids).toEqual({ arxiv: '2106.09685', s2: A });
  });

  it("turns arXiv's own DOI on the DOI line into the arXiv id", () => {
    const top =
      '<li data-test-id="paper-doi"><section class="doi"><span class="doi__label">DOI:</span><a class="doi__link" href="https://doi.org/10.48550/arXiv.1706.03762">10.48550/arXiv.1706.03762</a></section></li>';
    const [found] = detect(
      `<html><body>${headerOf(A, 'Attention', top)}</body></html>`,
      `https://www.semanticscholar.org/paper/${A}`,
    );
    expect(found?.paper.key).toBe('arxiv:1706.03762');
    expect(found?.paper.ids?.doi).toBeUndefined();
  });
});

describe('semantic-scholar rows', () => {
  it('skips a row with no paper id, lower-cases ids, and keeps no TLDR or cut abstract', () => {
    const html = `<html><body>
      <div class="cl-paper-row"><a data-test-id="title-link" href="/search?q=x"><h2 class="cl-paper-title">No id</h2></a></div>
      <div class="cl-paper-row" data-paper-id="${A.toUpperCase()}"><a data-test-id="citation-paper-title" href="/paper/Slug/${A.toUpperCase()}"><h3 class="cl-paper-title">Upper</h3></a>
        <div class="tldr-abstract-replacement text-truncator"><span>TLDR text</span></div></div>
      <div class="cl-paper-row" data-paper-id="not-an-id"><h3 class="cl-paper-title">Bad id, no link</h3></div>
      <div class="cl-paper-row" data-paper-id="${B}"><h3 class="cl-paper-title"></h3></div>
    </body></html>`;
    const found = detect(html, 'https://www.semanticscholar.org/search?q=x');
    expect(found.map((detection) => detection.paper)).toEqual([
      {
        key: `s2:${A}`,
        title: 'Upper',
        authors: [],
        ids: { s2: A },
        url: `https://www.semanticscholar.org/paper/Slug/${A.toUpperCase()}`,
        source: 'semantic-scholar',
        pageUrl: 'https://www.semanticscholar.org/search?q=x',
      },
    ]);
    expect(found[0]?.anchor?.className).toBe('cl-paper-title');
  });

  it('keeps a cut venue as shown when its link names another venue', () => {
    const html = `<html><body><div class="cl-paper-row" data-paper-id="${A}"><h3 class="cl-paper-title">T</h3>
      <a class="cl-paper-venue" href="/venue?name=Something%20Else">Journal of…</a></div></body></html>`;
    const [found] = detect(html, 'https://www.semanticscholar.org/search?q=x');
    expect(found?.paper.venue).toBe('Journal of…');
  });

  it('finds nothing on a page with neither a paper header nor rows', () => {
    expect(detect('<html><body><h1>Semantic Scholar</h1></body></html>', 'https://www.semanticscholar.org/')).toEqual(
      [],
    );
  });
});
