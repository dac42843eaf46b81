// JSON-LD beyond the fixtures: which types count, broken and odd JSON, identifiers, references that
// are not papers of the page, and Semantic Scholar's saved pages read by this reader alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { jsonLd } from './json-ld';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures');
const ADDRESS = 'https://journal.example.org/articles/7';

function detect(...blocks: string[]) {
  const scripts = blocks.map((block) => `<script type="application/ld+json">${block}</script>`).join('');
  const doc = parseHtml(`<!DOCTYPE html><html><head>${scripts}</head><body><h1>Page</h1></body></html>`, ADDRESS);
  return jsonLd.detect(doc, new URL(ADDRESS));
}

function item(fields: Record<string, unknown>): string {
  return JSON.stringify({ '@context': 'https://schema.org', name: 'A paper', ...fields });
}

function savedPage(name: string, address: string) {
  const doc = parseHtml(readFileSync(join(fixtures, name, 'page.html'), 'utf8'), address);
  return jsonLd.detect(doc, new URL(address));
}

describe('json-ld gate', () => {
  it('is a metadata reader for every page, with no match patterns of its own', () => {
    expect(jsonLd.kind).toBe('metadata');
    expect(jsonLd.patterns).toEqual([]);
    expect(jsonLd.matches(new URL('https://example.com/'))).toBe(true);
  });
});

describe('which items are papers', () => {
  it.each([
    'ScholarlyArticle',
    'MedicalScholarlyArticle',
    'Thesis',
    'Report',
    'schema:ScholarlyArticle',
    'http://schema.org/Thesis',
  ])('takes a %s without any identifier, keyed by its address', (type) => {
    expect(detect(item({ '@type': type }))[0]?.paper.key).toBe(`url:${ADDRESS}`);
  });

  it('takes a plain Article only with a DOI, arXiv id or PMID', () => {
    expect(detect(item({ '@type': 'Article' }))).toEqual([]);
    expect(detect(item({ '@type': 'Article', sameAs: 'https://example.org/elsewhere' }))).toEqual([]);
    expect(detect(item({ '@type': 'Article', sameAs: 'https://doi.org/10.1234/abc' }))[0]?.paper.key).toBe(
      'doi:10.1234/abc',
    );
    expect(detect(item({ '@type': 'Article', sameAs: ['https://arxiv.org/abs/2310.03646v2'] }))[0]?.paper.key).toBe(
      'arxiv:2310.03646',
    );
  });

  it('never takes a news article or a blog post, even with a DOI', () => {
    for (const type of ['NewsArticle', 'BlogPosting', 'TechArticle', 'WebPage']) {
      expect(detect(item({ '@type': type, sameAs: 'https://doi.org/10.1234/abc' })), type).toEqual([]);
    }
    expect(detect(item({ '@type': ['BlogPosting', 'ScholarlyArticle'] }))).toHaveLength(1);
  });

  it('does not take the works a paper cites or is part of', () => {
    const found = detect(
      item({
        '@type': 'ScholarlyArticle',
        citation: [{ '@type': 'ScholarlyArticle', name: 'Cited', sameAs: 'https://doi.org/10.1234/cited' }],
        isPartOf: { '@type': 'Periodical', name: 'Journal' },
      }),
    );
    expect(found.map((detection) => detection.paper.title)).toEqual(['A paper']);
  });

  it('reads the blog post fixture as no paper at all', () => {
    expect(
      savedPage(
        'json-ld/blog-post-synthetic',
        'https://labbench-notes.net/2024/05/reproducing-a-diffusion-paper-on-one-gpu/',
      ),
    ).toEqual([]);
  });
});

describe('what is read', () => {
  it('reads identifiers as PropertyValues and strings', () => {
    const [found] = detect(
      item({
        '@type': 'ScholarlyArticle',
        identifier: [
          { '@type': 'PropertyValue', propertyID: 'PMID', value: '26017442' },
          { '@type': 'PropertyValue', propertyID: 'doi', value: 'https://doi.org/10.1038/nature14539' },
          { '@type': 'PropertyValue', propertyID: 'PMCID', value: 'PMC1234567' },
          { '@type': 'PropertyValue', propertyID: 'ISSN', value: '0028-0836' },
          'arXiv:1706.03762',
        ],
      }),
    );
    expect(found?.paper.ids).toEqual({
      arxiv: '1706.03762',
      doi: '10.1038/nature14539',
      pubmed: '26017442',
      pmcid: 'PMC1234567',
    });
  });

  it('reads authors in order, whatever their shape, and leaves out what is no name', () => {
    const [found] = detect(
      item({
        '@type': 'ScholarlyArticle',
        author: [
          'Plain String',
          { '@type': 'Person', givenName: 'Inês', familyName: 'Carvalho' },
          { '@type': 'Organization', name: 'The Consortium' },
          42,
          null,
          [{ name: 'nested' }],
          { '@type': 'Person', name: 'et al.' },
        ],
      }),
    );
    expect(found?.paper.authors).toEqual(['Plain String', 'Inês Carvalho', 'The Consortium']);
  });

  it('keeps an abstract, and a description only of a scholarly type', () => {
    expect(detect(item({ '@type': 'ScholarlyArticle', description: 'What it finds.' }))[0]?.paper.abstract).toBe(
      'What it finds.',
    );
    const article = detect(item({ '@type': 'Article', description: 'Teaser', sameAs: 'https://doi.org/10.1234/x' }));
    expect(article[0]?.paper.abstract).toBeUndefined();
  });

  it('takes a venue from a journal, never from the web page or site a CMS links it to', () => {
    const issue = {
      '@type': 'PublicationIssue',
      isPartOf: { '@type': 'PublicationVolume', isPartOf: { '@type': 'Periodical', name: 'Annals' } },
    };
    expect(detect(item({ '@type': 'ScholarlyArticle', isPartOf: issue }))[0]?.paper.venue).toBe('Annals');
    const site = { '@type': 'WebPage', name: 'Home page' };
    expect(detect(item({ '@type': 'ScholarlyArticle', isPartOf: site }))[0]?.paper.venue).toBeUndefined();
    expect(detect(item({ '@type': 'ScholarlyArticle', publisher: { name: 'Animals' } }))[0]?.paper.venue).toBe(
      'Animals',
    );
  });

  it('keeps the day a date was written on', () => {
    const [found] = detect(item({ '@type': 'ScholarlyArticle', datePublished: '2024-02-14T23:30:00-08:00' }));
    expect(found?.paper.published).toBe('2024-02-14');
  });
});

describe('broken and odd JSON', () => {
  it('skips a block it cannot parse and reads the others', () => {
    const found = detect(
      '{"@type": "ScholarlyArticle", "name": "Cut',
      item({ '@type': 'ScholarlyArticle', name: 'Whole' }),
    );
    expect(found.map((detection) => detection.paper.title)).toEqual(['Whole']);
  });

  it('reads a block wrapped in CDATA or a comment', () => {
    expect(detect(`//<![CDATA[\n${item({ '@type': 'ScholarlyArticle' })}\n//]]>`)).toHaveLength(1);
    expect(detect(`<!--${item({ '@type': 'ScholarlyArticle' })}-->`)).toHaveLength(1);
  });

  it('never throws on values of the wrong shape', () => {
    for (const block of [
      'null',
      '42',
      '"text"',
      '[]',
      '[[[{"@graph": [null, 1, "x"]}]]]',
      '{"@type": 5, "name": {"x": 1}}',
      '{"@type": "ScholarlyArticle", "name": ["a", "b"], "author": {"name": 7}, "identifier": {"value": 3}, "sameAs": 9}',
      '{"@type": "ScholarlyArticle", "name": "T", "isPartOf": "https://example.org", "keywords": [1, {"name": "kw"}], "encoding": 3}',
      '{"@type": "ItemList", "itemListElement": [null, {"item": null}, 5]}',
    ]) {
      expect(() => detect(block), block).not.toThrow();
    }
    const [found] = detect(
      '{"@type": "ScholarlyArticle", "name": "T", "isPartOf": "https://example.org", "keywords": [1, {"name": "kw"}]}',
    );
    expect(found?.paper).toMatchObject({ title: 'T', keywords: ['kw'] });
    expect(found?.paper.venue).toBeUndefined();
  });
});

describe('json-ld on saved pages', () => {
  it('reads Semantic Scholar once, though it lists the paper as Article and as ScholarlyArticle', () => {
    const address =
      'https://www.semanticscholar.org/paper/Where-the-Crosswalk-Ends%3A-Mapping-Crosswalk-via-in-Moran/704dde842312c5eabb8c76ecf86b48e9fe68e4fe';
    const found = savedPage('semantic-scholar/paper-crosswalk', address);
    expect(found).toHaveLength(1);
    expect(found[0]?.paper).toMatchObject({
      key: 'doi:10.1177/23998083221081530',
      authors: ['Marcel E. Moran'],
      published: '2022-04-04',
      venue: 'Environment and Planning B Urban Analytics and City Science',
      url: address,
    });
    expect(found[0]?.paper.abstract?.startsWith('Marked crosswalks')).toBe(true);
    expect(found[0]?.anchor?.tagName).toBe('H1');
  });

  it('anchors each paper of a table of contents on its own title', () => {
    const found = savedPage('json-ld/issue-contents-synthetic', 'https://annals-complings.org/issues/31/2');
    expect(found.map(({ anchor }) => anchor?.className)).toEqual(['toc-title', 'toc-title', 'toc-title']);
    expect(found.map(({ anchor }) => anchor?.querySelector('a')?.getAttribute('href'))).toEqual([
      '/articles/31/2/101',
      '/articles/31/2/102',
      '/articles/31/2/103',
    ]);
  });
});
