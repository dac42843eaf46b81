// What the saved-page fixtures do not show: the address gate, /pdf/ addresses, pages arXiv may
// serve broken or half-rendered, and the small rules (versions, dates, links) on their own.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { arxiv } from './arxiv';

function detect(html: string, address: string) {
  return arxiv.detect(parseHtml(html, address), new URL(address));
}

/** One listing entry in arXiv's markup (list_macros.html). */
function listingEntry(id: string, title: string, extra = ''): string {
  return `<dt><a name='item1'>[1]</a>
      <a href ="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a>
      [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}">pdf</a>]</dt>
    <dd><div class='meta'>
      <div class='list-title mathjax'><span class='descriptor'>Title:</span> ${title}</div>
      <div class='list-authors'><a href="/search/cs?searchtype=author&amp;query=Doe,+J">Jane Doe</a></div>
      ${extra}
      <div class='list-subjects'><span class='descriptor'>Subjects:</span>
        <span class="primary-subject">Machine Learning (cs.LG)</span></div>
    </div></dd>`;
}

describe('arxiv address gate', () => {
  it.each([
    'https://arxiv.org/abs/2310.03646',
    'https://www.arxiv.org/abs/hep-th/9901001v2',
    'https://arxiv.org/list/cs.LG/new',
    'https://arxiv.org/list/cs.LG/2024-01',
    'https://arxiv.org/search/?query=transformers&searchtype=all',
    'https://arxiv.org/search/advanced?terms-0-term=x',
    'https://arxiv.org/html/2310.03646v1',
    'https://arxiv.org/pdf/2310.03646v2',
    'https://arxiv.org/a/doe_j_1',
  ])('reads %s', (address) => {
    expect(arxiv.matches(new URL(address))).toBe(true);
  });

  it.each([
    'https://arxiv.org/',
    'https://arxiv.org/help/api',
    'https://info.arxiv.org/help/submit/index.html',
    'https://export.arxiv.org/abs/2310.03646',
    'https://arxiv.org.example.com/abs/2310.03646',
    'https://notarxiv.org/abs/2310.03646',
    'https://arxiv.org/abstract/2310.03646',
  ])('leaves %s alone', (address) => {
    expect(arxiv.matches(new URL(address))).toBe(false);
  });
});

describe('arxiv /pdf/ addresses', () => {
  it('keeps the version the address names, and stands the id in for the title', () => {
    const [found] = detect(
      '<html><body><embed type="application/pdf"></body></html>',
      'https://arxiv.org/pdf/2310.03646v3',
    );
    expect(found?.paper).toMatchObject({
      key: 'arxiv:2310.03646',
      title: 'arXiv:2310.03646',
      authors: [],
      published: '2023-10',
      ids: { arxiv: '2310.03646', arxivVersion: 3 },
      url: 'https://arxiv.org/abs/2310.03646',
      pdfUrl: 'https://arxiv.org/pdf/2310.03646v3',
      pageUrl: 'https://arxiv.org/pdf/2310.03646v3',
    });
    expect(found?.anchor?.tagName).toBe('BODY');
  });

  it('reads old-style ids and the .pdf suffix; two-digit years from 91 are the 1990s', () => {
    const [nineties] = detect('<html><body></body></html>', 'https://arxiv.org/pdf/hep-th/9711200.pdf');
    expect(nineties?.paper.key).toBe('arxiv:hep-th/9711200');
    expect(nineties?.paper.published).toBe('1997-11');
    expect(nineties?.paper.ids?.arxivVersion).toBeUndefined();
    expect(nineties?.paper.pdfUrl).toBe('https://arxiv.org/pdf/hep-th/9711200');
    const [noughties] = detect('<html><body></body></html>', 'https://arxiv.org/pdf/math.GT/0309136v1');
    expect(noughties?.paper.key).toBe('arxiv:math.GT/0309136');
    expect(noughties?.paper.published).toBe('2003-09');
    expect(noughties?.paper.pdfUrl).toBe('https://arxiv.org/pdf/math.GT/0309136v1');
  });

  it('finds nothing at an address that holds no arXiv id', () => {
    expect(detect('<html><body></body></html>', 'https://arxiv.org/pdf/not-an-id')).toEqual([]);
  });
});

describe('arxiv listings', () => {
  it('skips broken entries and keeps the rest, without throwing', () => {
    const html = `<dl id='articles'>
      <dt><a href="/abs/2401.00001" title="Abstract">arXiv:2401.00001</a></dt>
      <dt><a href="/abs/2401.00002" title="Abstract">arXiv:2401.00002</a></dt>
      <dd><div class='meta'><div class='list-authors'><a href="#">No Title</a></div></div></dd>
      <dt><a href="/abs/not-an-id" title="Abstract">arXiv:???</a></dt>
      <dd><div class='meta'><div class='list-title'>An entry without an id</div></div></dd>
      <dt><span>no abstract link at all</span></dt>
      <dd><div class='meta'><div class='list-title'>Orphan</div></div></dd>
      ${listingEntry('2401.00003', 'The one good entry')}
    </dl>`;
    const found = detect(html, 'https://arxiv.org/list/cs.LG/recent');
    expect(found.map((detection) => detection.paper.key)).toEqual(['arxiv:2401.00003']);
    expect(found[0]?.anchor?.className).toContain('list-title');
    // The control joins the entry's own `[pdf]` links at the end of its `dt`.
    expect(found[0]?.actions?.tagName).toBe('DT');
    expect(found[0]?.actions?.querySelector('a[title="Download PDF"]')?.getAttribute('href')).toBe('/pdf/2401.00003');
    expect(found[0]?.paper.title).toBe('The one good entry');
  });

  it('takes a labelled project link and a repository link, not other links', () => {
    const comments = `<div class='list-comments mathjax'><span class='descriptor'>Comments:</span>
      Video: <a href="https://www.youtube.com/watch?v=x">this https URL</a>. See also
      <a href="https://arxiv.org/abs/2301.00001">arXiv:2301.00001</a> and <a href="https://github.com/features">this</a>.
      Project page: <a href="https://example.org/our-project/">this https URL</a>;
      code: <a href="https://github.com/someone/thing">this https URL</a></div>`;
    const [found] = detect(
      `<dl>${listingEntry('2401.00004', 'Links', comments)}</dl>`,
      'https://arxiv.org/list/cs.LG/pastweek',
    );
    expect(found?.paper.projectUrl).toBe('https://example.org/our-project/');
    expect(found?.paper.codeUrl).toBe('https://github.com/someone/thing');
  });

  it('does not take a link for the project page because an earlier sentence mentions one', () => {
    const comments = `<div class='list-comments mathjax'><span class='descriptor'>Comments:</span>
      Thanks to the project page team. Data: <a href="https://zenodo.org/records/1">this https URL</a></div>`;
    const [found] = detect(
      `<dl>${listingEntry('2401.00007', 'Data', comments)}</dl>`,
      'https://arxiv.org/list/cs.LG/new',
    );
    expect(found?.paper.projectUrl).toBeUndefined();
    expect(found?.paper.codeUrl).toBeUndefined();
  });

  it('finds nothing on a page without entries', () => {
    expect(detect('<p>No updates for this time period.</p>', 'https://arxiv.org/list/cs.LG/new')).toEqual([]);
  });
});

describe('arxiv search results', () => {
  it('falls back to the id month without a date line, and reads no abstract when abstracts are hidden', () => {
    const html = `<ol><li class="arxiv-result">
      <p class="list-title is-inline-block"><a href="https://arxiv.org/abs/2405.00001">arXiv:2405.00001</a></p>
      <p class="title is-5 mathjax">Hidden abstract</p>
      <p class="authors"><span>Authors:</span> <a href="/search/?searchtype=author&amp;query=Roe%2C+R">Rick Roe</a></p>
    </li></ol>`;
    const [found] = detect(html, 'https://arxiv.org/search/?query=x&abstracts=hide');
    expect(found?.paper).toMatchObject({ key: 'arxiv:2405.00001', published: '2024-05', authors: ['Rick Roe'] });
    expect(found?.paper.abstract).toBeUndefined();
    // No "pdf" link shown: no pdfUrl.
    expect(found?.paper.pdfUrl).toBeUndefined();
    expect(found?.anchor?.className).toContain('title');
  });
});

describe('arxiv abstract pages', () => {
  it('finds nothing on an "identifier not recognized" page', () => {
    const html = '<html><head><title>arXiv.org e-Print archive</title></head><body><h1>Not found</h1></body></html>';
    expect(detect(html, 'https://arxiv.org/abs/2310.99999')).toEqual([]);
  });

  it('turns citation_author round, suffix last, when the page has no body', () => {
    const html = `<html><head>
      <meta name="citation_title" content="Head only" />
      <meta name="citation_author" content="Doe, Jane" />
      <meta name="citation_author" content="King, Martin Luther, Jr." />
      <meta name="citation_author" content="Plato" />
      <meta name="citation_date" content="2023/10/05" />
    </head></html>`;
    const [found] = detect(html, 'https://arxiv.org/abs/2310.03646v2');
    expect(found?.paper).toMatchObject({
      authors: ['Jane Doe', 'Martin Luther King Jr.', 'Plato'],
      published: '2023-10-05',
      ids: { arxiv: '2310.03646', arxivVersion: 2 },
    });
    // No PDF link, no citation_pdf_url: no pdfUrl.
    expect(found?.paper.pdfUrl).toBeUndefined();
    expect(found?.anchor?.tagName).toBe('BODY');
  });

  it('reads the v1 date and this version from the body when the meta tags are missing', () => {
    const html = `<div id="abs">
      <div class="dateline">[Submitted on 3 Feb 2020 (<a href="/abs/2002.00001v1">v1</a>), last revised 9 Mar 2021 (this version, v4)]</div>
      <h1 class="title mathjax"><span class="descriptor">Title:</span>Body only</h1>
      <div class="authors"><span class="descriptor">Authors:</span><a href="#">Ana Body</a></div>
      <blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>Text.</blockquote>
    </div>`;
    const [found] = detect(html, 'https://arxiv.org/abs/2002.00001');
    expect(found?.paper).toMatchObject({
      title: 'Body only',
      authors: ['Ana Body'],
      abstract: 'Text.',
      published: '2020-02-03',
      ids: { arxiv: '2002.00001', arxivVersion: 4 },
    });
    expect(found?.anchor?.tagName).toBe('H1');
  });
});

describe('arxiv /html/ pages', () => {
  it('dates a later version by its id month, not by its own stamp', () => {
    const html = `<div class="ltx_page_content">
      <div id="watermark-tr">arXiv:2401.00005v3 [cs.LG] 15 Jun 2024</div>
      <article class="ltx_document"><h1 class="ltx_title ltx_title_document">Later version</h1></article>
    </div>`;
    const [found] = detect(html, 'https://arxiv.org/html/2401.00005');
    expect(found?.paper).toMatchObject({ published: '2024-01', ids: { arxiv: '2401.00005', arxivVersion: 3 } });
  });

  it('keeps superscripts in a title but drops affiliation marks beside names', () => {
    const html = `<article class="ltx_document">
      <h1 class="ltx_title ltx_title_document">The 4<sup class="ltx_sup">th</sup> Invented Challenge</h1>
      <div class="ltx_authors"><span class="ltx_creator ltx_role_author"><span class="ltx_personname">
        Alice Smith<sup class="ltx_sup">1,2</sup>, Bob Jones3 &amp; Chen Li<sup class="ltx_sup">a</sup><span class="ltx_note ltx_role_footnote">Equal contribution.</span>
        <br class="ltx_break"/>1 University of Somewhere, 2 Institute of Elsewhere</span></span></div>
    </article>`;
    const [found] = detect(html, 'https://arxiv.org/html/2401.00008v1');
    expect(found?.paper.title).toBe('The 4th Invented Challenge');
    expect(found?.paper.authors).toEqual(['Alice Smith', 'Bob Jones', 'Chen Li']);
  });

  it('falls back to the <title>, then to the id, for a page without a rendered title', () => {
    const [titled] = detect(
      '<html><head><title>From the head</title></head></html>',
      'https://arxiv.org/html/2401.00006v1',
    );
    expect(titled?.paper.title).toBe('From the head');
    const [bare] = detect('<html><head></head><body></body></html>', 'https://arxiv.org/html/2401.00006v1');
    expect(bare?.paper.title).toBe('arXiv:2401.00006');
    expect(bare?.anchor?.tagName).toBe('BODY');
  });
});
