// Citations that print their DOI as text, beyond the saved page (tests/fixtures/plain-citations):
// what makes a list, which title is taken, and what is left alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { worthScanning } from '../gate';
import { sources } from '../index';
import { plainCitations } from './plain-citations';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures');
const ADDRESS = 'https://lab.example.edu/publications.html';

function page(body: string, head = '') {
  return parseHtml(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, ADDRESS);
}

const detect = (body: string, head = '') => plainCitations.detect(page(body, head), new URL(ADDRESS));

// Two entries of the saved page, as it writes them.
const ENTRIES = `
  <p><b>A comprehensive workflow for allele-specific immune gene quantification and expression analysis in single-cell RNA-seq data.</b> Al Ajami A, Schuck J, Marini F, Imkeller K. NARGAB 2025. doi: 10.1093/nargab/lqaf149</p>
  <p><b>CRISPR/Cas9 editing of NKG2A improves the efficacy of primary CD33-directed chimeric antigen receptor natural killer cells.</b> Bexte T, Albinger N, Al Ajami A. Nat Commun. 2024 Sep;15(1):8439. doi: 10.1038/s41467-024-52388-1.</p>`;

describe('plain-text citations', () => {
  it('reads a hand-written list: bold title, Vancouver names, venue and year, the printed DOI', () => {
    const html = readFileSync(join(fixtures, 'plain-citations/imkeller-bold-titles/page.html'), 'utf8');
    const doc = parseHtml(html, 'https://agimkeller.github.io/publications.html');
    const papers = plainCitations.detect(doc, new URL('https://agimkeller.github.io/publications.html'));
    expect(papers.map((detection) => detection.paper.ids?.doi)).toEqual([
      '10.1016/j.immuni.2025.09.018',
      '10.1186/s13059-025-03771-8',
      '10.1093/nargab/lqaf149',
      '10.1101/2024.09.30.615883',
      '10.1038/s41467-024-52388-1',
      '10.1038/s41375-023-02070-0',
    ]);
    const [first] = papers;
    expect(first?.paper.authors.slice(0, 3)).toEqual(['Cakmak P', 'Lun JH', 'Singh A']);
    expect(first?.paper.venue).toBe('Immunity');
    expect(first?.paper.published).toBe('2025');
    expect(first?.anchor?.tagName).toBe('B');
    // The content script's gate lets such a page through though nothing on it links a paper.
    expect(worthScanning(sources, doc, new URL('https://agimkeller.github.io/publications.html'))).toBe(true);
  });

  it('needs a list: a lone citation in prose is not one, nor an entry without a leading title', () => {
    expect(detect(ENTRIES)).toHaveLength(2);
    expect(
      detect(`<div><p>We build on earlier work (doi: 10.1093/nargab/lqaf149) and more.</p></div><p>Other text.</p>`),
    ).toEqual([]);
    const untitled = ENTRIES.replaceAll('<b>', '').replaceAll('</b>', '');
    expect(detect(untitled)).toEqual([]);
  });

  it('leaves a linked DOI to the links reader, and an article page’s references alone', () => {
    // Linked, an entry is the links reader's; the one left is no list on its own.
    const linked = ENTRIES.replace(
      'doi: 10.1093/nargab/lqaf149',
      '<a href="https://doi.org/10.1093/nargab/lqaf149">doi</a>',
    );
    expect(detect(linked)).toEqual([]);
    expect(
      detect(
        `${linked}${ENTRIES.split('</p>')[0]}</p>`.replace('10.1093/nargab/lqaf149</p>', '10.1093/nargab/lqaf150</p>'),
      ),
    ).toHaveLength(2);
    const article = '<meta name="citation_title" content="An article"><meta name="citation_doi" content="10.1000/xyz">';
    expect(detect(ENTRIES, article)).toEqual([]);
  });
});
