import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../tests/recall';
import { httpUrl, mergePapers, type PaperDraft, toPaper } from './build';
import { normalizeUrl, parseArxivId } from './ids';
import { PaperIdsSchema, PaperSchema, PaperTypeSchema } from './model';
import { ID_NAMES, PAPER_FIELDS, PAPER_TYPES } from './vocab';

describe('toPaper', () => {
  it('cleans a draft into the contract shape, omitting what is absent', () => {
    const paper = toPaper({
      title: '  Attention   is\n all you need ',
      authors: ['Ashish  Vaswani', '', '…', 'Noam Shazeer', 'Wei Zhang', 'Wei Zhang'],
      abstract: '   ',
      published: '2017-06-12',
      ids: { arxiv: 'arXiv:1706.03762v7', doi: 'https://doi.org/10.48550/arXiv.1706.03762' },
      url: 'https://arxiv.org/abs/1706.03762',
      pdfUrl: 'javascript:alert(1)',
      codeUrl: 'https://github.com/tensorflow/tensor2tensor',
      upvotes: 3.5,
      stars: 12,
      keywords: ['cs.CL', ' cs.CL', 'cs.LG'],
      source: 'arxiv',
      pageUrl: 'https://arxiv.org/abs/1706.03762v7',
    });
    expect(paper).toEqual({
      key: 'arxiv:1706.03762',
      title: 'Attention is all you need',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Wei Zhang', 'Wei Zhang'],
      published: '2017-06-12',
      ids: { arxiv: '1706.03762', arxivVersion: 7 },
      url: 'https://arxiv.org/abs/1706.03762',
      codeUrl: 'https://github.com/tensorflow/tensor2tensor',
      stars: 12,
      keywords: ['cs.CL', 'cs.LG'],
      source: 'arxiv',
      pageUrl: 'https://arxiv.org/abs/1706.03762v7',
    });
  });

  it('keys by DOI when there is no arXiv id, lower-cased', () => {
    const paper = toPaper({ title: 'T', ids: { doi: 'doi:10.1038/Nature14539', pmcid: '3531190' }, source: 'x' });
    expect(paper?.key).toBe('doi:10.1038/nature14539');
    expect(paper?.ids).toEqual({ doi: '10.1038/nature14539', pmcid: 'PMC3531190' });
    expect(paper?.authors).toEqual([]);
  });

  it('keys by the landing address when there is no id', () => {
    expect(toPaper({ title: 'T', url: 'HTTPS://Lab.example/Pubs/paper/?utm_source=x#top', source: 'x' })?.key).toBe(
      'url:https://lab.example/Pubs/paper',
    );
  });

  it('refuses a draft with no title, or with no identity unless a content key is asked for', () => {
    expect(toPaper({ title: ' ', ids: { arxiv: '2310.03646' }, source: 'x' })).toBeNull();
    expect(toPaper({ title: 'A title', source: 'x' })).toBeNull();
    expect(toPaper({ title: 'A title', url: 'mailto:a@b.c', source: 'x' })).toBeNull();
    expect(toPaper({ title: 'A title', source: 'x' }, { contentKey: true })?.key).toMatch(/^ref:[0-9a-f]{16}$/);
  });

  it('drops a date that is not ISO', () => {
    expect(
      toPaper({ title: 'T', ids: { pubmed: '42' }, published: 'Oct 2023', source: 'x' })?.published,
    ).toBeUndefined();
  });
});

describe('the model as plain names (vocab.ts)', () => {
  it('names the schema’s fields, ids and types, in its order', () => {
    expect([...PAPER_FIELDS]).toEqual(Object.keys(PaperSchema.shape));
    expect([...ID_NAMES]).toEqual(Object.keys(PaperIdsSchema.shape));
    expect([...PAPER_TYPES]).toEqual(PaperTypeSchema.options);
  });
});

describe('toPaper on hostile drafts', () => {
  // No schema runs inside toPaper: whatever a page or a file hands it, the result is null or a
  // paper the model's schema accepts.
  const junk = ['', ' ', '\u0000', '\n\t', 'x'.repeat(70_000), 'javascript:alert(1)', 'data:text/html,x', '🙂', 'a b'];
  const drafts: PaperDraft[] = [];
  for (const value of junk) {
    drafts.push(
      { title: value, url: value, source: 'page' },
      {
        title: 'T',
        ids: { doi: `10.1000/${value}`, arxiv: value, pubmed: value, pmcid: value, shortDoi: value },
        source: 'page',
      },
      { title: 'T', url: 'https://example.org/p', source: value },
      {
        title: 'T',
        url: `https://example.org/${value}`,
        source: 'page',
        authors: [value, value],
        keywords: [value],
        published: value,
        issued: value,
        pdfUrl: value,
        codeUrl: `https://${value}`,
        type: value as PaperDraft['type'],
        names: [{ family: value, given: value }, { literal: value }],
        editors: [{ given: value }],
        pages: value,
        volume: value,
        upvotes: Number.NaN,
        stars: -1,
        extra: { bibtex: { [value]: value }, ris: { [value]: [value, ''] }, csl: { note: value } },
      },
      { title: 'T', source: 'page', authors: [value], abstract: value, venue: value },
    );
  }
  it('gives null or a paper the schema accepts, whatever the draft holds', () => {
    let papers = 0;
    for (const draft of drafts) {
      for (const contentKey of [false, true]) {
        const paper = toPaper(draft, { contentKey });
        if (!paper) continue;
        papers++;
        expect(PaperSchema.safeParse(paper).error, JSON.stringify(draft).slice(0, 200)).toBeUndefined();
      }
    }
    expect(papers).toBeGreaterThan(drafts.length);
  });
});

describe('mergePapers', () => {
  const hf = toPaper({
    title: 'A paper',
    authors: [],
    ids: { arxiv: '2310.03646' },
    upvotes: 10,
    source: 'huggingface',
  });
  const publisher = toPaper({
    title: 'A Paper (journal version)',
    authors: ['A. Author'],
    authorCount: 3,
    ids: { doi: '10.1000/x', arxiv: '2310.03646v2' },
    venue: 'Journal',
    source: 'generic',
  });

  it('keeps the preferred fields, fills the gaps and unites the ids', () => {
    if (!hf || !publisher) throw new Error('fixture papers must be valid');
    expect(mergePapers(hf, publisher)).toEqual({
      key: 'arxiv:2310.03646',
      title: 'A paper',
      authors: ['A. Author'],
      authorCount: 3,
      ids: { arxiv: '2310.03646', doi: '10.1000/x' },
      upvotes: 10,
      venue: 'Journal',
      source: 'huggingface',
    });
  });

  it('never lets a title that is only an id replace a real one', () => {
    const pdf = toPaper({ title: 'arXiv:2310.03646', ids: { arxiv: '2310.03646' }, source: 'arxiv' });
    if (!pdf || !hf) throw new Error('fixture papers must be valid');
    expect(mergePapers(pdf, hf).title).toBe('A paper');
    expect(mergePapers(hf, pdf).title).toBe('A paper');
    for (const title of ['OpenReview:BJxyz', 'ACL:2021.naacl-main.208', 'PMID:123', 'doi:10.1/x']) {
      expect(mergePapers({ ...hf, title }, hf).title).toBe('A paper');
    }
  });

  it('keeps the more precise of two dates that agree', () => {
    if (!hf) throw new Error('fixture paper must be valid');
    expect(mergePapers({ ...hf, published: '2022' }, { ...hf, published: '2022-04-04' }).published).toBe('2022-04-04');
    expect(mergePapers({ ...hf, published: '2022' }, { ...hf, published: '2023-01-01' }).published).toBe('2022');
  });
});

// True when the model takes `url` as a paper's address.
const modelTakes = (url: string) =>
  PaperSchema.safeParse({ key: 'arxiv:1706.03762', title: 'A title', authors: [], source: 'test', url }).success;

describe('the model’s http(s) address', () => {
  it.each([
    'https://arxiv.org/abs/1706.03762',
    'http://a.org',
    'https://A.org/x?q=1#top',
    'https://127.0.0.1:8080/x',
    'https://xn--bcher-kva.example/x',
    'https://a.org/a%20b',
    // Kept as written, as z.url kept it: records stored before may hold one.
    'https://a.org/a b',
    'HTTPS://a.org/x',
  ])('takes %s', (url) => expect(modelTakes(url)).toBe(true));

  it.each([
    'javascript:alert(1)',
    'data:text/html,x',
    'ftp://a.org/x',
    'http:a.org',
    'https:/a.org',
    'https://999.1.1.1/x',
    'https://a.org:99999/x',
    ' https://a.org/x',
    'https://a.org/x ',
    'https://a.org/\nx',
    'https://a.org/\tx',
    'https://',
    '',
  ])('refuses %j', (url) => expect(modelTakes(url)).toBe(false));
});

describe('httpUrl', () => {
  // What the URL parser makes of an address: httpUrl skips it for addresses it gives back as they
  // are, and must answer exactly as it would.
  const parsed = (raw: string, base: URL) => {
    try {
      const url = new URL(raw.trim(), base);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  };

  it('answers as the URL parser for every link and address of the saved pages (normalizeUrl and parseArxivId too)', () => {
    let links = 0;
    for (const site of readdirSync(fixtures, { withFileTypes: true })) {
      if (!site.isDirectory()) continue;
      for (const name of readdirSync(join(fixtures, site.name))) {
        let html: string;
        let base: URL;
        try {
          html = readFileSync(join(fixtures, site.name, name, 'page.html'), 'utf8');
          base = new URL(
            (JSON.parse(readFileSync(join(fixtures, site.name, name, 'expected.json'), 'utf8')) as { url: string }).url,
          );
        } catch {
          continue;
        }
        for (const match of html.matchAll(/\b(?:href|src|content)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
          const raw = (match[1] ?? match[2] ?? '').replaceAll('&amp;', '&');
          const address = httpUrl(raw, base);
          expect(address, `${site.name}/${name}: ${raw}`).toBe(raw.trim() ? parsed(raw, base) : undefined);
          // What a reader keeps, the model takes.
          if (address) expect(modelTakes(address), address).toBe(true);
          // An upper-case scheme sends an address through the parser: the answers must not differ.
          const shouted = raw.trim().replace(/^http/, 'HTTP');
          if (shouted.startsWith('HTTP')) {
            expect(normalizeUrl(raw), raw).toBe(normalizeUrl(shouted));
            expect(parseArxivId(raw), raw).toEqual(parseArxivId(shouted));
          }
          links++;
        }
      }
    }
    expect(links).toBeGreaterThan(20_000);
  });

  it.each([
    ['https://A.org/x', 'https://a.org/x'],
    ['https://a.org:443/x', 'https://a.org/x'],
    ['https://127.1/x', 'https://127.0.0.1/x'],
    ['https://a.org/./x/../y', 'https://a.org/y'],
    ['https://a.org/%2E%2E/x', 'https://a.org/x'],
    ["https://a.org/x?a='b", 'https://a.org/x?a=%27b'],
    ['https://a.org/a b', 'https://a.org/a%20b'],
    ['https://a.org', 'https://a.org/'],
    ['/x/../y', 'https://example.org/y'],
    ['//b.org/x', 'https://b.org/x'],
    ['javascript:alert(1)', undefined],
  ])('normalises %s as the parser does', (raw, expected) => {
    expect(httpUrl(raw, new URL('https://example.org/p/q'))).toBe(expected);
  });
});
