// The PubMed source beyond its fixtures: the address gate, NLM dates, and pages that lack what the
// fixtures have (the real PMC page with its meta tags taken away in memory; the file stays untouched).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { pubmed, pubmedDate } from './pubmed';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures/pubmed');
const PMC_URL = 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/';

function savedPage(name: string, url: string): Document {
  return parseHtml(readFileSync(join(fixtures, name, 'page.html'), 'utf8'), url);
}

function papers(html: string, url: string) {
  return pubmed.detect(parseHtml(html, url), new URL(url)).map((detection) => detection.paper);
}

describe('pubmed.matches', () => {
  it.each([
    'https://pubmed.ncbi.nlm.nih.gov/?term=sleep',
    'https://pubmed.ncbi.nlm.nih.gov/',
    'https://pubmed.ncbi.nlm.nih.gov/23193287/',
    'https://pubmed.ncbi.nlm.nih.gov/23193287',
    'https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/',
    'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3531190/',
  ])('reads %s', (url) => {
    expect(pubmed.matches(new URL(url))).toBe(true);
  });

  it.each([
    'https://pubmed.ncbi.nlm.nih.gov/help/',
    'https://pubmed.ncbi.nlm.nih.gov/23193287/citedby/',
    'https://pmc.ncbi.nlm.nih.gov/',
    'https://pmc.ncbi.nlm.nih.gov/search/?term=genbank',
    'https://www.ncbi.nlm.nih.gov/gene/672',
    'https://www.ncbi.nlm.nih.gov/pmc/',
    'https://example.org/articles/PMC3531190/',
  ])('leaves %s alone', (url) => {
    expect(pubmed.matches(new URL(url))).toBe(false);
  });
});

describe('pubmedDate', () => {
  it.each([
    ['2023 Nov 21', '2023-11-21'],
    ['2010 Jul;136(4):495-525', '2010-07'],
    ['2023 Nov 21:10497323231214114', '2023-11-21'],
    ['Epub 2024 Jan 9.', '2024-01-09'],
    ['2012 Jan-Feb;19(1):12-20', '2012'],
    ['2019 Spring', '2019'],
    ['2020', '2020'],
    ['01/15/2026', '2026-01-15'],
    ['08/2024', '2024-08'],
    ['2012 Feb 30', undefined],
    ['', undefined],
  ])('reads %j as %j', (text, iso) => {
    expect(pubmedDate(text)).toBe(iso);
  });
});

describe('pubmed search results', () => {
  const url = 'https://pubmed.ncbi.nlm.nih.gov/?term=x';

  it('takes the short author list when the full one is missing, without its "et al."', () => {
    const [paper] = papers(
      `<article class="full-docsum"><div class="docsum-content">
        <a class="docsum-title" href="/20565167/" data-article-id="20565167">Ego depletion: a meta-analysis.</a>
        <span class="docsum-authors short-authors">Hagger MS, et al.</span>
        <span class="docsum-journal-citation short-journal-citation">Psychol Bull. 2010.</span>
      </div></article>`,
      url,
    );
    expect(paper).toMatchObject({
      key: 'pubmed:20565167',
      authors: ['MS Hagger'],
      venue: 'Psychol Bull',
      published: '2010',
    });
    expect(paper?.authorCount).toBeUndefined();
  });

  it('finds the PMID in .docsum-pmid or the link when the title has no data-article-id, and skips a result without one', () => {
    const found = papers(
      `<div class="docsum-content"><a class="docsum-title" href="/111/">One.</a><span class="docsum-pmid">111</span></div>
       <div class="docsum-content"><a class="docsum-title" href="/222/">Two.</a></div>
       <div class="docsum-content"><a class="docsum-title" href="/search/?q=3">Three.</a></div>
       <div class="docsum-content"><a class="docsum-title" href="/111/">One again.</a></div>`,
      url,
    );
    expect(found.map((paper) => [paper.key, paper.title])).toEqual([
      ['pubmed:111', 'One'],
      ['pubmed:222', 'Two'],
    ]);
  });

  it('yields nothing, without throwing, on a page of another layout', () => {
    expect(papers('<main><article><h3>Not a result</h3></article></main>', url)).toEqual([]);
    expect(papers('<a class="docsum-title" data-article-id="1">Outside a result</a>', url)).toEqual([]);
  });
});

describe('pubmed article page', () => {
  it('gives the article alone: its similar articles are related works, not papers of the page', () => {
    const address = new URL('https://pubmed.ncbi.nlm.nih.gov/38901234/');
    const doc = savedPage('article-synthetic', address.href);
    expect(doc.querySelectorAll('li.full-docsum .docsum-title')).toHaveLength(2);
    expect(pubmed.detect(doc, address).map(({ paper }) => paper.ids?.pubmed)).toEqual(['38901234']);
    // Without its heading the article is not read, and nothing else is.
    for (const heading of doc.querySelectorAll('h1')) heading.remove();
    expect(pubmed.detect(doc, address)).toEqual([]);
  });

  it('falls back to citation_authors ("Benson DA;Clark K") and the identifiers list', () => {
    const [paper] = papers(
      `<head><meta name="citation_authors" content="Benson DA;Clark K;"></head>
       <body><h1 class="heading-title">GenBank.</h1>
       <ul id="full-view-identifiers"><li><span class="identifier pubmed"><strong class="current-id">23193287</strong></span></li>
       <li><span class="identifier doi"><a class="id-link">10.1093/NAR/gks1195</a></span></li></ul></body>`,
      'https://pubmed.ncbi.nlm.nih.gov/23193287/',
    );
    expect(paper).toMatchObject({
      key: 'doi:10.1093/nar/gks1195',
      title: 'GenBank',
      authors: ['DA Benson', 'K Clark'],
      ids: { pubmed: '23193287', doi: '10.1093/nar/gks1195' },
    });
  });
});

describe('pubmed central article', () => {
  it('reads the PMID from the front matter link when citation_pmid is missing', () => {
    const doc = savedPage('pmc-article', PMC_URL);
    doc.querySelector('meta[name="citation_pmid"]')?.remove();
    const [found] = pubmed.detect(doc, new URL(PMC_URL));
    expect(found?.paper.ids).toEqual({ doi: '10.1093/nar/gks1195', pubmed: '23193287', pmcid: 'PMC3531190' });
    expect(found?.anchor?.tagName).toBe('H1');
  });

  it('reads keywords, one per .kwd-text or several in one', () => {
    const page = (keywords: string) =>
      papers(
        `<head><meta name="citation_title" content="A paper"></head><body><h1>A paper</h1>
         <section class="abstract"><h2>Abstract</h2><p>Text.</p>
         <section class="kwd-group"><p><strong>Keywords:</strong> ${keywords}</p></section></section></body>`,
        'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC123/',
      )[0];
    expect(page('<span class="kwd-text">GenBank</span>, <span class="kwd-text">DNA</span>')).toMatchObject({
      key: 'url:https://www.ncbi.nlm.nih.gov/pmc/articles/PMC123',
      abstract: 'Text.',
      keywords: ['GenBank', 'DNA'],
      ids: { pmcid: 'PMC123' },
    });
    expect(page('<span class="kwd-text">GenBank, DNA; sequence.</span>')?.keywords).toEqual([
      'GenBank',
      'DNA',
      'sequence',
    ]);
  });

  it('yields nothing, without throwing, on an article page with no title', () => {
    expect(papers('<main><p>Nothing here</p></main>', PMC_URL)).toEqual([]);
  });
});
