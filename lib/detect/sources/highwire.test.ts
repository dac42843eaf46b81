// citation_* beyond the fixtures: the shared metadata helpers, the date rule, bepress_ tags, odd
// values, pages without the tags, and the real saved pages of other sources read by this reader alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { firstPublished, identifierIds, keywordList, metadataDate, personName, plainText } from '../metadata';
import { highwire } from './highwire';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures');

function page(head: string, body = '', address = 'https://journal.example.org/article/1'): Document {
  return parseHtml(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, address);
}

function detect(doc: Document, address = 'https://journal.example.org/article/1') {
  return highwire.detect(doc, new URL(address));
}

function savedPage(name: string, address: string): Document {
  return parseHtml(readFileSync(join(fixtures, name, 'page.html'), 'utf8'), address);
}

describe('highwire gate', () => {
  it('is a metadata reader for every page, with no match patterns of its own', () => {
    expect(highwire.kind).toBe('metadata');
    expect(highwire.patterns).toEqual([]);
    expect(highwire.matches(new URL('https://example.com/anything'))).toBe(true);
  });
});

describe('metadata helpers', () => {
  it.each([
    ['Vaswani, Ashish', 'Ashish Vaswani'],
    ['van der Berg, Pieter', 'Pieter van der Berg'],
    ['King, Martin Luther, Jr.', 'Martin Luther King Jr.'],
    ['Ashish Vaswani', 'Ashish Vaswani'],
    ['The ATLAS Collaboration', 'The ATLAS Collaboration'],
  ])('turns %s round to %s', (name, expected) => {
    expect(personName(name)).toBe(expected);
  });

  it.each([
    // bioRxiv: citation_publication_date is a placeholder 2020/01/01, citation_date the real day.
    [['2020/01/01', '2020-03-27'], '2020-03-27'],
    // A journal: online first, then the issue.
    [['2023/08', undefined, '2023/05/10'], '2023-05-10'],
    // arXiv: citation_date is v1, citation_online_date the latest version.
    [[undefined, '2017/06/12', '2023/08/02'], '2017-06-12'],
    // A real January 1st stays when nothing else is said about that year.
    [['2019/01/01', '2019/01/01'], '2019-01-01'],
    [['2018/12/20', '2019/01/01'], '2018-12-20'],
    // PubMed Central writes MEDLINE dates.
    [['2012 Nov 26'], '2012-11-26'],
    [['2012 Nov-Dec'], '2012-11'],
    [['2012 Winter'], '2012'],
    [['2019', '2019/06/03'], '2019-06-03'],
    [['not a date', ''], undefined],
  ])('takes the first public date of %j: %s', (values, expected) => {
    expect(firstPublished(values as (string | undefined)[])).toBe(expected);
  });

  it('keeps the day a date-time was written on, whatever its offset', () => {
    expect(metadataDate('2024-02-14T23:30:00-05:00')).toBe('2024-02-14');
    expect(metadataDate('2024-02-14T00:30:00+09:00')).toBe('2024-02-14');
    expect(metadataDate('2020-01-01 00:00:00')).toBe('2020-01-01');
    expect(metadataDate('4 April 2022')).toBe('2022-04-04');
  });

  it.each([
    ['10.1038/nature14539', { doi: '10.1038/nature14539' }],
    ['doi:10.1007/S10994-023-06399-1', { doi: '10.1007/s10994-023-06399-1' }],
    ['info:doi/10.1002/lno.11876', { doi: '10.1002/lno.11876' }],
    ['urn:doi:10.1002/lno.11876', { doi: '10.1002/lno.11876' }],
    ['https://doi.org/10.1177/23998083221081530', { doi: '10.1177/23998083221081530' }],
    ['https://doi.org/10.48550/arXiv.1706.03762', { arxiv: '1706.03762' }],
    ['info:arxiv/hep-th/9901001', { arxiv: 'hep-th/9901001' }],
    ['arXiv:2310.03646v2', { arxiv: '2310.03646' }],
    ['info:pmid/26017442', { pubmed: '26017442' }],
    ['PMID: 26017442', { pubmed: '26017442' }],
    ['https://pubmed.ncbi.nlm.nih.gov/26017442/', { pubmed: '26017442' }],
    ['urn:isbn:9781108412331', {}],
    ['https://hdl.handle.net/10652/5611', {}],
    ['1234', {}],
  ])('reads the ids in the identifier %s', (value, expected) => {
    expect(identifierIds(value)).toEqual(expected);
  });

  it('splits keywords on semicolons, else commas; strips markup from text', () => {
    expect(keywordList('Graph neural networks; Calibration, robustness')).toEqual([
      'Graph neural networks',
      'Calibration, robustness',
    ]);
    expect(keywordList('soil, drought ,')).toEqual(['soil', 'drought']);
    expect(plainText('The <i>E. coli</i> genome<sup>1</sup> .')).toBe('The E. coli genome 1.');
  });
});

describe('highwire detect', () => {
  it('finds nothing on a page without citation_title', () => {
    expect(
      detect(page('<meta name="citation_author" content="Doe, Jane"><meta name="citation_doi" content="10.1/x">')),
    ).toEqual([]);
    expect(detect(page('<meta name="citation_title" content="   ">'))).toEqual([]);
  });

  it('reads bepress_citation_* when there is no citation_*', () => {
    const [found] = detect(
      page(
        `<meta name="bepress_citation_title" content="A Thesis">
         <meta name="bepress_citation_author" content="Okonkwo, Chiamaka N.">
         <meta name="bepress_citation_date" content="2019">
         <meta name="bepress_citation_dissertation_institution" content="Ridgeview University">`,
      ),
    );
    expect(found?.paper).toMatchObject({
      title: 'A Thesis',
      authors: ['Chiamaka N. Okonkwo'],
      published: '2019',
      venue: 'Ridgeview University',
      key: 'url:https://journal.example.org/article/1',
    });
  });

  it('reads citation_authors and several names in one citation_author, in order', () => {
    const listed = detect(
      page(
        '<meta name="citation_title" content="T"><meta name="citation_authors" content="Smith, J.; Doe, A.; et al.">',
      ),
    );
    expect(listed[0]?.paper.authors).toEqual(['J. Smith', 'A. Doe']);
    const joined = detect(
      page(
        `<meta name="citation_title" content="T"><meta name="citation_author" content="Smith, J.; Doe, A.">
         <meta name="citation_author" content="Roe, R.">`,
      ),
    );
    expect(joined[0]?.paper.authors).toEqual(['J. Smith', 'A. Doe', 'R. Roe']);
  });

  it('takes a doi.org citation_pdf_url as the DOI, not as a PDF (Semantic Scholar)', () => {
    const [found] = detect(
      page(
        '<meta name="citation_title" content="T"><meta name="citation_pdf_url" content="https://doi.org/10.1177/2399808322108153">',
      ),
    );
    expect(found?.paper.key).toBe('doi:10.1177/2399808322108153');
    expect(found?.paper.pdfUrl).toBeUndefined();
  });

  it('drops what is not a value it can keep, without throwing', () => {
    const [found] = detect(
      page(
        `<meta name="citation_title" content="<b>Bold</b> title">
         <meta name="citation_publication_date" content="soon">
         <meta name="citation_pdf_url" content="javascript:alert(1)">
         <meta name="citation_doi" content="not a doi">
         <meta name="citation_pmid" content="PMC123">
         <meta name="citation_abstract" content="<h3>Abstract</h3><p>Text.</p>">`,
      ),
    );
    expect(found?.paper).toEqual({
      key: 'url:https://journal.example.org/article/1',
      title: 'Bold title',
      authors: [],
      abstract: 'Text.',
      url: 'https://journal.example.org/article/1',
      source: 'highwire',
      pageUrl: 'https://journal.example.org/article/1',
    });
  });

  it('uses the canonical link, else citation_abstract_html_url, else the address without its fragment', () => {
    const title = '<meta name="citation_title" content="T">';
    const landing = '<meta name="citation_abstract_html_url" content="/article/1/abstract">';
    const canonical = '<link rel="canonical" href="https://journal.example.org/article/1?v=2">';
    const address = 'https://journal.example.org/article/1#sec-2';
    expect(detect(page(title + landing + canonical, '', address), address)[0]?.paper.url).toBe(
      'https://journal.example.org/article/1?v=2',
    );
    expect(detect(page(title + landing, '', address), address)[0]?.paper.url).toBe(
      'https://journal.example.org/article/1/abstract',
    );
    expect(detect(page(title, '', address), address)[0]?.paper.url).toBe('https://journal.example.org/article/1');
  });

  it('anchors on the heading showing the title, else the first h1, else the body', () => {
    const head = '<meta name="citation_title" content="Deep Learning">';
    const shown = page(head, '<h1>Nature</h1><h2 class="t">Deep <i>learning</i><sup>1</sup></h2>');
    expect(detect(shown)[0]?.anchor?.className).toBe('t');
    const other = page(head, '<h1 id="site">Nature</h1><h2>Related</h2>');
    expect(detect(other)[0]?.anchor?.id).toBe('site');
    const none = page(head, '<p>text</p>');
    expect(detect(none)[0]?.anchor?.tagName).toBe('BODY');
  });
});

describe('highwire on saved pages of other sources', () => {
  it('reads bioRxiv: the placeholder publication date gives way to citation_date', () => {
    const address = 'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3';
    const [found] = detect(savedPage('biorxiv/paper-page', address), address);
    expect(found?.paper).toMatchObject({
      key: 'doi:10.1101/2020.03.22.002386',
      published: '2020-03-27',
      venue: 'bioRxiv',
      url: address,
    });
    expect(found?.paper.authors).toHaveLength(100);
    expect(found?.paper.abstract?.startsWith('An outbreak of the novel coronavirus')).toBe(true);
    expect(found?.anchor?.tagName).toBe('H1');
  });

  it('reads PubMed Central: a MEDLINE date, the DOI and the PMID', () => {
    const address = 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/';
    const [found] = detect(savedPage('pubmed/pmc-article', address), address);
    expect(found?.paper).toMatchObject({
      key: 'doi:10.1093/nar/gks1195',
      title: 'GenBank',
      published: '2012-11-26',
      venue: 'Nucleic Acids Research',
      ids: { doi: '10.1093/nar/gks1195', pubmed: '23193287' },
    });
  });

  it('reads the arXiv abs page: v1 date, authors turned round, anchored on the labelled title', () => {
    const address = 'https://arxiv.org/abs/1706.03762';
    const [found] = detect(savedPage('arxiv/abs-page-2023', address), address);
    expect(found?.paper).toMatchObject({ key: 'arxiv:1706.03762', published: '2017-06-12' });
    expect(found?.paper.authors[0]).toBe('Ashish Vaswani');
    expect(found?.anchor?.className).toContain('title');
  });
});
