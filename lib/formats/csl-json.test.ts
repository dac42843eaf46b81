import { describe, expect, it } from 'vitest';
import type { Paper } from '../paper/model';
import { parseCslJson, readCslJson, toCslJson } from './csl-json';
import { FormatError } from './errors';
import { ATTENTION } from './test-data';

const NOW = new Date('2025-01-01T00:00:00.000Z');

function paper(fields: Partial<Paper> & { title: string }): Paper {
  return { key: 'url:https://example.org/p', authors: [], url: 'https://example.org/p', source: 'test', ...fields };
}

describe('toCslJson', () => {
  it('writes an arXiv-only paper as Zotero writes a preprint: article, number, publisher, arXiv DOI', () => {
    expect(JSON.parse(toCslJson([ATTENTION]))).toEqual([
      {
        id: 'vaswani2017attention',
        type: 'article',
        title: 'Attention Is All You Need',
        author: [
          { family: 'Vaswani', given: 'Ashish' },
          { family: 'Shazeer', given: 'Noam' },
          { family: 'Parmar', given: 'Niki' },
        ],
        issued: { 'date-parts': [[2017, 6, 12]] },
        publisher: 'arXiv',
        number: 'arXiv:1706.03762',
        DOI: '10.48550/arXiv.1706.03762',
        URL: 'https://arxiv.org/abs/1706.03762',
        keyword: 'Computation and Language (cs.CL), Machine Learning (cs.LG)',
      },
    ]);
  });

  it('keeps a journal paper article-journal with its DOI, the arXiv id in the archive fields', () => {
    const [item] = JSON.parse(
      toCslJson([
        paper({
          title: 'J',
          venue: 'Nature',
          authors: ['Ludwig van Beethoven', 'Martin Luther King Jr.', 'The ATLAS Collaboration'],
          ids: { doi: '10.1038/x', arxiv: '2310.03646', pubmed: '1', openreview: 'o' },
        }),
      ]),
    );
    expect(item).toMatchObject({
      type: 'article-journal',
      'container-title': 'Nature',
      archive: 'arXiv',
      archive_location: 'arXiv:2310.03646',
      DOI: '10.1038/x',
      PMID: '1',
      custom: { openreview: 'o' },
      author: [
        { family: 'van Beethoven', given: 'Ludwig' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
        { literal: 'The ATLAS Collaboration' },
      ],
    });
    expect(item).not.toHaveProperty('number');
    expect(JSON.parse(toCslJson([paper({ title: 'C', venue: 'ICML 2020' })]))[0].type).toBe('paper-conference');
  });
});

describe('readCslJson', () => {
  it("reads a Zotero preprint export: string years, Extra's arXiv line, literal names, particles", () => {
    const zotero = [
      {
        id: 'http://zotero.org/users/1/items/ABCD',
        type: 'article',
        title: 'Attention Is All You Need',
        author: [
          { family: 'Vaswani', given: 'Ashish' },
          { literal: 'Google Brain' },
          { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
        ],
        issued: { 'date-parts': [['2017', 6, '12']] },
        publisher: 'arXiv',
        number: 'arXiv:1706.03762',
        DOI: '10.48550/arXiv.1706.03762',
        URL: 'http://arxiv.org/abs/1706.03762',
        note: 'arXiv:1706.03762 [cs]\nPMID: 123\nMy own remark',
        source: 'arXiv.org',
      },
    ];
    const { papers, errors } = readCslJson(zotero, { now: NOW });
    expect(errors).toEqual([]);
    expect(papers).toEqual([
      {
        key: 'arxiv:1706.03762',
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani', 'Google Brain', 'Ludwig van Beethoven'],
        published: '2017-06-12',
        ids: { arxiv: '1706.03762', pubmed: '123' },
        url: 'http://arxiv.org/abs/1706.03762',
        source: 'csl-json',
        type: 'preprint',
        names: [
          { family: 'Vaswani', given: 'Ashish' },
          { literal: 'Google Brain' },
          { family: 'Beethoven', given: 'Ludwig', particle: 'van' },
        ],
        issued: '2017-06-12',
        // A variable the model has no place for, kept as JSON text for the CSL-JSON export.
        extra: { csl: { source: '"arXiv.org"' } },
        status: 'unread',
        note: 'My own remark',
        savedAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      },
    ]);
  });

  it('reads one item as a DOI resolver returns it, and dates given as raw text', () => {
    const { papers } = readCslJson(
      { type: 'article-journal', title: 'One', DOI: '10.1000/ONE', issued: { raw: 'March 2020' }, keyword: ['a', 'b'] },
      { now: NOW },
    );
    expect(papers[0]).toMatchObject({ key: 'doi:10.1000/one', published: '2020-03', keywords: ['a', 'b'] });
  });

  it('reports items that are not objects or lack a title, by place and id', () => {
    const { papers, errors } = readCslJson(
      [
        null,
        { id: 'x1', type: 'article', DOI: '10.1/a' },
        { id: 7, type: 'article', title: 'No id' },
        { type: 'article', title: 'Good', URL: 'https://example.org/g' },
      ],
      { now: NOW },
    );
    // An item with no id and no address is a paper too, under its content key.
    expect(papers.map((item) => [item.title, item.key.slice(0, 4)])).toEqual([
      ['No id', 'ref:'],
      ['Good', 'url:'],
    ]);
    expect(errors).toEqual([
      { key: 'item 1', message: 'expected a CSL-JSON item (an object), found null' },
      { key: 'item 2 (x1)', message: 'the entry has no title' },
    ]);
  });

  it('refuses what is not CSL-JSON, and a JSON syntax error by line and column', () => {
    expect(() => readCslJson({ items: [] })).toThrow(
      new FormatError(
        'not CSL-JSON: expected a list of items such as [{"type": "article-journal", "title": ...}], found an object',
      ),
    );
    expect(() => readCslJson('article')).toThrow(/found string "article"/);
    expect(() => parseCslJson('[\n  {"type": "article",}\n]')).toThrow(
      'not CSL-JSON: not valid JSON at line 2, column 22: unexpected "}"',
    );
  });

  it('reads only own, well-typed fields: __proto__ and constructor keys stay data', () => {
    const text = `[{"type":"article","title":"T","URL":"https://example.org/t","__proto__":{"title":"polluted","DOI":"10.1/evil"},
      "constructor":{"prototype":{"polluted":true}},"author":[{"__proto__":{"family":"Evil"},"family":"Good"}],
      "custom":{"__proto__":{"acl":"evil"}}}]`;
    const { papers } = parseCslJson(text, { now: NOW });
    expect(papers[0]).toMatchObject({ title: 'T', authors: ['Good'], key: 'url:https://example.org/t' });
    expect(papers[0]?.ids).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(papers[0])).toBe(Object.prototype);
  });
});
