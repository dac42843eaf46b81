// The bioRxiv/medRxiv source beyond its fixtures: the address gate, the first-version date, the PDF
// viewer, and the real paper page read without its body (changed in memory; the file stays untouched).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { biorxiv } from './biorxiv';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures/biorxiv');
const PAPER_URL = 'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3';

function savedPaper(url: string): Document {
  return parseHtml(readFileSync(join(fixtures, 'paper-page', 'page.html'), 'utf8'), url);
}

function papers(doc: Document, url: string) {
  return biorxiv.detect(doc, new URL(url)).map((detection) => detection.paper);
}

describe('biorxiv.matches', () => {
  it.each([
    'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3',
    'https://www.medrxiv.org/content/10.1101/2021.02.12.21251663v1.full',
    'https://biorxiv.org/collection/neuroscience',
    'https://www.biorxiv.org/search/sleep',
  ])('reads %s', (url) => {
    expect(biorxiv.matches(new URL(url))).toBe(true);
  });

  it.each([
    'https://connect.biorxiv.org/relate/',
    'https://www.biorxiv.org.example.com/content/x',
    'https://arxiv.org/abs/1',
  ])('leaves %s alone', (url) => {
    expect(biorxiv.matches(new URL(url))).toBe(false);
  });
});

describe('biorxiv paper page', () => {
  it('reads the DOI without the version from every form of the address', () => {
    for (const suffix of ['v3', 'v3.full', 'v3.abstract', 'v3.full-text', '']) {
      const [paper] = papers(
        savedPaper(`${PAPER_URL.replace('v3', '')}${suffix}`),
        `${PAPER_URL.replace('v3', '')}${suffix}`,
      );
      expect(paper?.key, suffix).toBe('doi:10.1101/2020.03.22.002386');
    }
  });

  it('dates a v1 page by its own posting date, a later version by the DOI', () => {
    // The saved page is v3, posted 2020-03-27 (citation_date); addressed as v1 it stands for v1.
    const v1 = 'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v1';
    expect(papers(savedPaper(v1), v1)[0]?.published).toBe('2020-03-27');
    expect(papers(savedPaper(PAPER_URL), PAPER_URL)[0]?.published).toBe('2020-03-22');
  });

  it('gives an older DOI on a later version no date, and on v1 its posting date', () => {
    const head = (version: string) =>
      parseHtml(
        `<head><meta name="citation_title" content="Old style"><meta name="citation_doi" content="10.1101/837526">
         <meta name="citation_id" content="837526${version}"><meta name="citation_date" content="2019-11-10"></head>`,
        'https://www.biorxiv.org/cgi/content/short/837526',
      );
    const url = 'https://www.biorxiv.org/cgi/content/short/837526';
    expect(papers(head('v2'), url)[0]).toMatchObject({ key: 'doi:10.1101/837526', title: 'Old style' });
    expect(papers(head('v2'), url)[0]?.published).toBeUndefined();
    expect(papers(head('v1'), url)[0]?.published).toBe('2019-11-10');
  });

  it('reads authors from citation_author when the body has none', () => {
    const doc = savedPaper(PAPER_URL);
    for (const block of doc.querySelectorAll('.highwire-cite-authors')) block.remove();
    const [paper] = papers(doc, PAPER_URL);
    expect(paper?.authors).toHaveLength(100);
    expect(paper?.authors.slice(0, 2)).toEqual(['David E. Gordon', 'Gwendolyn M. Jang']);
  });

  it('names the PDF viewer after the DOI and anchors it on the body', () => {
    const url = 'https://www.medrxiv.org/content/10.1101/2021.02.12.21251663v1.full.pdf';
    const doc = parseHtml('<body><embed type="application/pdf"></body>', url);
    const [found] = biorxiv.detect(doc, new URL(url));
    expect(found?.paper).toMatchObject({
      key: 'doi:10.1101/2021.02.12.21251663',
      title: 'doi:10.1101/2021.02.12.21251663',
      venue: 'medRxiv',
      published: '2021-02-12',
      url: 'https://www.medrxiv.org/content/10.1101/2021.02.12.21251663',
    });
    expect(found?.anchor?.tagName).toBe('BODY');
  });
});

describe('biorxiv lists', () => {
  const url = 'https://www.biorxiv.org/collection/neuroscience';

  it('skips entries without a title link or a DOI, and repeats, without throwing', () => {
    const doc = parseHtml(
      `<div class="highwire-article-citation"><span class="highwire-cite-title">No link</span></div>
       <div class="highwire-article-citation"><a class="highwire-cite-linked-title" href="/about">No DOI</a></div>
       <div class="highwire-article-citation"><a class="highwire-cite-linked-title" href="/content/10.1101/2024.01.02.123456v2">Kept</a></div>
       <div class="highwire-article-citation"><a class="highwire-cite-linked-title" href="/content/10.1101/2024.01.02.123456v1">Again</a></div>`,
      url,
    );
    expect(papers(doc, url).map((paper) => [paper.title, paper.published])).toEqual([['Kept', '2024-01-02']]);
    expect(papers(parseHtml('<ul><li>nothing</li></ul>', url), url)).toEqual([]);
  });
});
