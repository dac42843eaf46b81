import { describe, expect, it } from 'vitest';
import { contentKeyOf, displayName, samePaper, toPaper } from './build';
import { CAPS, capKey } from './caps';
import { contentKey, hash64 } from './content-key';
import { idTerms, normalizeShortDoi, paperKey } from './ids';
import { foldTitle, titlesAgree } from './titles';

describe('titlesAgree', () => {
  it('folds case, punctuation, TeX markup and diacritics', () => {
    expect(foldTitle('{BERT}: Pre-training of Deep \\emph{Bidirectional} Transformers')).toBe(
      'bert pre training of deep bidirectional transformers',
    );
    expect(titlesAgree('Über die Straße', 'Uber die Strasse')).toBe(true);
    expect(titlesAgree('Schr\\"{o}dinger\'s cat', 'Schrödinger’s Cat')).toBe(true);
    expect(titlesAgree('Chapter 1: Origins', 'Chapter 2: Origins')).toBe(false);
  });
});

describe('content key', () => {
  it('is ref: and 16 hex digits of the folded title, first family name, year, container and first page', () => {
    const key = contentKey({
      title: 'The {TeXbook}',
      names: [{ family: 'Knuth', given: 'Donald E.' }],
      date: '1984-05',
    });
    expect(key).toBe(`ref:${hash64(['the texbook', 'knuth', '1984', '', '', ''].join('\x1f'))}`);
    expect(key).toMatch(/^ref:[0-9a-f]{16}$/);
    // The same work written differently: one key; the year, the author or the first page apart: another.
    expect(contentKey({ title: 'The TeXbook', authors: ['Donald Knuth'], date: '1984' })).toBe(key);
    expect(contentKey({ title: 'The TeXbook', authors: ['Donald Knuth'], date: '1986' })).not.toBe(key);
    expect(contentKey({ title: 'The TeXbook', authors: ['Leslie Lamport'], date: '1984' })).not.toBe(key);
    const chapter = { title: 'Intro', authors: ['A. Smith'], date: '2001', container: 'Handbook' };
    expect(contentKey({ ...chapter, pages: '1--20' })).toBe(contentKey({ ...chapter, pages: '1–20' }));
    expect(contentKey({ ...chapter, pages: '1--20' })).not.toBe(contentKey({ ...chapter, pages: '21--40' }));
  });

  it('is what toPaper gives an import entry with no id and no address, and what contentKeyOf recomputes', () => {
    const paper = toPaper(
      {
        title: 'A Thesis',
        names: [{ family: 'Doe', given: 'Jane' }],
        issued: '2019',
        type: 'thesis',
        source: 'bibtex',
      },
      { contentKey: true },
    );
    expect(paper).toEqual({
      key: contentKey({ title: 'A Thesis', names: [{ family: 'Doe' }], date: '2019', type: 'thesis' }),
      title: 'A Thesis',
      authors: ['Jane Doe'],
      source: 'bibtex',
      type: 'thesis',
      names: [{ family: 'Doe', given: 'Jane' }],
      issued: '2019',
    });
    expect(paper && contentKeyOf(paper)).toBe(paper?.key);
  });
});

describe('shortDOIs', () => {
  it('are their own identifier and key', () => {
    expect(normalizeShortDoi('https://doi.org/10/AbCd')).toBe('10/abcd');
    expect(normalizeShortDoi('doi:10/b8kx')).toBe('10/b8kx');
    expect(normalizeShortDoi('10.1000/abc')).toBeNull();
    const paper = toPaper({ title: 'T', ids: { doi: '10/b8kx' }, source: 'bibtex' });
    expect(paper).toMatchObject({ key: 'shortdoi:10/b8kx', ids: { shortDoi: '10/b8kx' } });
    expect(paper && idTerms(paper)).toEqual(['shortdoi:10/b8kx']);
  });
});

describe('length caps', () => {
  it('cuts long fields where data enters and names each field it cut', () => {
    const cuts = new Set<string>();
    const paper = toPaper(
      {
        title: 'T'.repeat(CAPS.title + 10),
        authors: Array.from({ length: CAPS.names + 5 }, (_, i) => `Author ${i}`),
        abstract: 'a'.repeat(CAPS.abstract + 1),
        url: `https://example.org/${'x'.repeat(CAPS.url)}`,
        ids: { doi: '10.1000/ok' },
        keywords: ['k'.repeat(CAPS.keyword + 1)],
        source: 'page',
      },
      { cuts },
    );
    expect(paper?.title).toHaveLength(CAPS.title);
    expect(paper?.authors).toHaveLength(CAPS.names);
    expect(paper?.abstract).toHaveLength(CAPS.abstract);
    expect(paper?.url).toBeUndefined();
    expect(paper?.keywords?.[0]).toHaveLength(CAPS.keyword);
    expect([...cuts].sort()).toEqual(['abstract', 'authors', 'keywords', 'title', 'url']);
  });

  it('keeps author lists in the thousands whole', () => {
    const authors = Array.from({ length: 3000 }, (_, i) => `Member ${i} of the ATLAS Collaboration`);
    const cuts = new Set<string>();
    expect(
      toPaper({ title: 'Observation', authors, ids: { arxiv: '1207.7214' }, source: 'x' }, { cuts })?.authors,
    ).toEqual(authors);
    expect(cuts.size).toBe(0);
  });

  it('cuts a long key with a hash of the whole, so that two long keys stay apart', () => {
    const long = (tail: string) => `url:https://example.org/${'p'.repeat(2000)}${tail}`;
    expect(capKey(long('a'))).toHaveLength(1_000 + 1 + 16);
    expect(capKey(long('a'))).not.toBe(capKey(long('b')));
    expect(capKey('doi:10.1/x')).toBe('doi:10.1/x');
    expect(paperKey({ openreview: 'o'.repeat(CAPS.key) }, undefined)).toBe(
      capKey(`openreview:${'o'.repeat(CAPS.key)}`),
    );
  });
});

describe('names', () => {
  it('keep their structure and give display names', () => {
    const paper = toPaper({
      title: 'T',
      names: [
        { literal: 'World Health Organization' },
        { family: 'Beethoven', particle: 'van', given: 'Ludwig' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
        { given: 'Plato' },
      ],
      url: 'https://example.org/t',
      source: 'x',
    });
    expect(paper?.authors).toEqual([
      'World Health Organization',
      'Ludwig van Beethoven',
      'Martin Luther King Jr.',
      'Plato',
    ]);
    expect(paper?.names?.[3]).toEqual({ literal: 'Plato' });
    expect(displayName({ family: 'Gogh', particle: 'van', given: 'Vincent' })).toBe('Vincent van Gogh');
  });
});

describe('samePaper', () => {
  it('is a shared id, or the same address and agreeing titles', () => {
    const a = { key: 'url:https://r.example/1', title: 'Chapter One' };
    expect(samePaper(a, { ...a, title: 'chapter one.' })).toBe(true);
    expect(samePaper(a, { ...a, title: 'Chapter Two' })).toBe(false);
    expect(
      samePaper({ ...a, ids: { doi: '10.1/x' } }, { key: 'doi:10.1/x', title: 'Other', ids: { doi: '10.1/x' } }),
    ).toBe(true);
  });
});
