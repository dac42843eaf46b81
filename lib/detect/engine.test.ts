// The engine's merging of one page's records: metadata standards that name a work by one title
// are one article, however their ids and addresses disagree; listing entries are not merged by title.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../scripts/html';
import { detectPapers } from './index';

const ADDRESS = 'https://projecteuclid.org/journals/ade/volume-19/issue-3/An-analysis/ade/1391109086.short';

describe('one article per page across metadata standards', () => {
  it('merges citation_* keyed by its address with Dublin Core keyed by the DOI', () => {
    const doc = parseHtml(
      `<html><head><meta name="citation_title" content="An analysis of the renormalization group method">
       <meta name="citation_doi" content="ade/1391109086">
       <meta name="citation_abstract_html_url" content="https://projecteuclid.org/euclid.ade/1391109086">
       <meta name="dc.Title" content="An Analysis of the Renormalization Group Method">
       <meta name="dc.Identifier" content="10.57262/ade/1391109086"></head>
       <body><h1>An analysis of the renormalization group method</h1></body></html>`,
      ADDRESS,
    );
    const papers = detectPapers(doc, new URL(ADDRESS)).map(({ paper }) => paper);
    expect(papers.map((paper) => [paper.key, paper.url])).toEqual([
      ['doi:10.57262/ade/1391109086', 'https://projecteuclid.org/euclid.ade/1391109086'],
    ]);
  });

  it('keeps metadata records with different titles, ids and addresses apart', () => {
    const doc = parseHtml(
      `<html><head><meta name="citation_title" content="First work"><meta name="citation_doi" content="x/1">
       <meta name="citation_abstract_html_url" content="https://projecteuclid.org/euclid.ade/1">
       <meta name="DC.title" content="Second work"><meta name="DC.identifier" content="10.1234/two"></head></html>`,
      ADDRESS,
    );
    expect(detectPapers(doc, new URL(ADDRESS))).toHaveLength(2);
  });

  it('reads the saved Project Euclid page as one article keyed by its DOI', () => {
    const address =
      'https://projecteuclid.org/journals/advances-in-differential-equations/volume-19/issue-3_2f_4/An-analysis-of-the-renormalization-group-method-for-asymptotic-expansions/ade/1391109086.short';
    const html = readFileSync(
      join(import.meta.dirname, '../../tests/fixtures/highwire/euclid-ade-article/page.html'),
      'utf8',
    );
    const papers = detectPapers(parseHtml(html, address), new URL(address)).map(({ paper }) => paper.key);
    expect(papers).toEqual(['doi:10.57262/ade/1391109086']);
  });
});

describe('a page whose metadata names one article', () => {
  const references = `<h2>References</h2><ol>
    <li>Vaswani A, et al. <a href="https://arxiv.org/abs/1706.03762">Attention is all you need</a>. 2017.</li>
    <li>Devlin J, et al. <a href="https://doi.org/10.18653/v1/N19-1423">BERT: pre-training of deep bidirectional transformers</a>. 2019.</li>
    <li>Brown T, et al. <a href="https://arxiv.org/abs/2005.14165">Language models are few-shot learners</a>. 2020.</li>
    </ol><p><a href="https://doi.org/10.1234/journal.2024.0042.s001">Supplementary file S1</a>
    <a href="https://doi.org/10.1234/journal.2024.0041">Previous article</a></p>`;
  const address = 'https://journal.example.org/articles/42';

  it('gives that article only, when JSON-LD alone names it', () => {
    const doc = parseHtml(
      `<html><head><script type="application/ld+json">{"@context": "https://schema.org",
       "@type": "ScholarlyArticle", "name": "Scaling laws for tiny models", "author": [{"name": "Ana Ruiz"}],
       "datePublished": "2024-03-01", "sameAs": "https://doi.org/10.1234/journal.2024.0042"}</script></head>
       <body><h1>Scaling laws for tiny models</h1>${references}</body></html>`,
      address,
    );
    expect(detectPapers(doc, new URL(address)).map(({ paper }) => paper.key)).toEqual([
      'doi:10.1234/journal.2024.0042',
    ]);
  });

  it('still reads the listing when the page names no article of its own', () => {
    const doc = parseHtml(`<html><head></head><body><h1>Reading list</h1>${references}</body></html>`, address);
    expect(detectPapers(doc, new URL(address)).map(({ paper }) => paper.key)).toEqual(
      expect.arrayContaining(['arxiv:1706.03762', 'arxiv:2005.14165']),
    );
  });
});
