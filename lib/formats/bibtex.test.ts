import { type Creator, type Entry, parseAsync } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import type { Paper, SavedPaper } from '../paper/model';
import { citationKeys, entryType, toBibtex } from './bibtex';
import { parseBibtex } from './bibtex-import';
import { toCslJson } from './csl-json';
import { toRis } from './ris';
import { ATTENTION } from './test-data';

function paper(fields: Partial<Paper> & { title: string }): Paper {
  return { key: 'url:https://example.org/p', authors: [], source: 'test', ...fields };
}

/** Reads BibTeX back with Better BibTeX's parser, titles kept as written (no sentence case). */
async function readBack(bib: string): Promise<Entry[]> {
  const library = await parseAsync(bib, { english: false });
  expect(library.errors).toEqual([]);
  return library.entries;
}

function displayName(creator: Creator): string {
  if (creator.name) return creator.name;
  const name = [creator.firstName, creator.prefix, creator.lastName].filter(Boolean).join(' ');
  return creator.suffix ? `${name} ${creator.suffix}` : name;
}

// Classic BibTeX counts every brace, backslash or not; a field must never close early.
function expectBracesCountedLikeBibtex(bib: string): void {
  for (const line of bib.split('\n')) {
    const value = /^ {2}\w+ = \{(.*)\},?$/.exec(line)?.[1];
    if (value === undefined) continue;
    let depth = 0;
    for (const ch of value) {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      expect(depth, line).toBeGreaterThanOrEqual(0);
    }
    expect(depth, line).toBe(0);
  }
}

const attention = ATTENTION;

describe('entry types', () => {
  it('makes an arXiv-only paper a @misc with eprint, archivePrefix and the primary class', () => {
    const bib = toBibtex([attention]);
    expect(bib).toMatch(/^@misc\{vaswani2017attention,\n/);
    expect(bib).toContain('  eprint = {1706.03762}');
    expect(bib).toContain('  archivePrefix = {arXiv}');
    expect(bib).toContain('  primaryClass = {cs.CL}');
    expect(bib).toContain('  month = jun');
    expect(bib).not.toContain('journal');
  });

  it('reads the primary class from a bare category keyword or the old-style id', () => {
    expect(toBibtex([{ ...attention, keywords: ['transformers', 'stat.ML'] }])).toContain('primaryClass = {stat.ML}');
    const old = paper({ title: 'Large N limit', ids: { arxiv: 'hep-th/9711200' } });
    expect(toBibtex([old])).toContain('primaryClass = {hep-th}');
    const none = paper({ title: 'No class', ids: { arxiv: '2310.03646' }, keywords: ['deep learning'] });
    expect(toBibtex([none])).not.toContain('primaryClass');
  });

  it('makes a journal venue with a DOI an @article, even with an arXiv id', () => {
    const article = paper({ title: 'A', venue: 'Nature', ids: { doi: '10.1038/x', arxiv: '2310.03646' } });
    expect(entryType(article)).toBe('article');
    expect(toBibtex([article])).toContain('  journal = {Nature}');
    expect(toBibtex([article])).toContain('  eprint = {2310.03646}');
  });

  it('makes a conference venue an @inproceedings with the venue as booktitle', () => {
    for (const venue of [
      'NeurIPS 2023',
      'Proceedings of the 40th ICML',
      'Findings of the Association for Computational Linguistics',
    ]) {
      expect(entryType(paper({ title: 'A', venue, ids: { doi: '10.18653/v1/x' } })), venue).toBe('inproceedings');
    }
    expect(toBibtex([paper({ title: 'A', venue: 'ICLR 2024' })])).toContain('  booktitle = {{ICLR} 2024}');
  });

  it('writes back the container of an entry type read from a file that has no container field of its own', () => {
    const bib = `@inreference{r, title = {Behaviourism}, booktitle = {The Stanford Encyclopedia of Philosophy}}
@periodical{p, title = {The Science of Teamwork}, journal = {American Psychologist}}
@book{b, title = {Newton's Principia}, booktitle = {The Cambridge Companion to Newton}}`;
    const papers = parseBibtex(bib, { now: new Date('2025-01-01T00:00:00Z') }).papers;
    const again = toBibtex(papers);
    expect(again).toContain('  booktitle = {The Stanford Encyclopedia of Philosophy}');
    expect(again).toContain('  journal = {American Psychologist}');
    expect(again).toContain('  booktitle = {The Cambridge Companion to Newton}');
    expect(
      parseBibtex(again, { now: new Date('2025-01-01T00:00:00Z') }).papers.map((paper) => paper.container),
    ).toEqual(papers.map((paper) => paper.container));
  });

  it('keeps a preprint server or a journal-ref without DOI out of @article', () => {
    expect(entryType(paper({ title: 'A', venue: 'bioRxiv', ids: { doi: '10.1101/2020.01.01.1' } }))).toBe('misc');
    const journalRef = paper({ title: 'A', venue: 'Phys. Rev. D', ids: { arxiv: 'hep-th/9901001' } });
    expect(entryType(journalRef)).toBe('misc');
    expect(toBibtex([journalRef])).toContain('  howpublished = {Phys. Rev. D}');
    const arxivVenue = toBibtex([{ ...attention, venue: 'arXiv' }]);
    expect(arxivVenue).not.toContain('howpublished');
    expect(entryType(paper({ title: 'A', venue: 'Journal of Things' }))).toBe('article');
    expect(entryType(paper({ title: 'A', ids: { doi: '10.1/x' } }))).toBe('misc');
  });
});

describe('a preprint found published', () => {
  it('cites the publication (venue, year, pages, DOI) and keeps the arXiv id as the eprint', async () => {
    // BERT: arXiv 1810.04805 (October 2018), published at NAACL-HLT 2019 (ACL Anthology N19-1423).
    const bert = paper({
      key: 'arxiv:1810.04805',
      title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
      published: '2018-10-11',
      venue: 'arXiv',
      ids: { arxiv: '1810.04805' },
      url: 'https://arxiv.org/abs/1810.04805',
      publication: {
        doi: '10.18653/v1/N19-1423',
        venue:
          'Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies, Volume 1 (Long and Short Papers)',
        issued: '2019-06',
        pages: '4171-4186',
        publisher: 'Association for Computational Linguistics',
      },
    });
    const [entry] = await readBack(toBibtex([bert]));
    expect(entry?.type).toBe('inproceedings');
    expect(entry?.fields.booktitle).toMatch(/^Proceedings of the 2019 Conference of the North American Chapter/);
    expect(entry?.fields.year).toBe('2019');
    expect(entry?.fields.pages).toBe('4171–4186');
    expect(entry?.fields.doi).toBe('10.18653/v1/N19-1423');
    expect(entry?.fields.eprint).toBe('1810.04805');
    expect(entry?.fields.archiveprefix).toBe('arXiv');
    expect(entry?.fields.publisher).toEqual(['Association for Computational Linguistics']);
    // RIS and CSL-JSON cite it the same way.
    const ris = toRis([bert]);
    expect(ris).toContain('TY  - CONF');
    expect(ris).toContain('DO  - 10.18653/v1/N19-1423');
    expect(ris).toContain('PY  - 2019');
    const [csl] = JSON.parse(toCslJson([bert])) as Record<string, unknown>[];
    expect(csl).toMatchObject({ type: 'paper-conference', DOI: '10.18653/v1/N19-1423', page: '4171–4186' });
    expect(String(csl?.['container-title'])).toMatch(/^Proceedings of the 2019 Conference/);
    // Without the publication it is the preprint it was.
    const [preprint] = await readBack(toBibtex([{ ...bert, publication: undefined }]));
    expect(preprint?.type).toBe('misc');
    expect(preprint?.fields.year).toBe('2018');
    expect(preprint?.fields.doi).toBeUndefined();
  });
});

describe('citation keys', () => {
  it('is last name, year and the first significant title word, ASCII-folded', () => {
    expect(citationKeys([attention])).toEqual(['vaswani2017attention']);
    const goedel = paper({ title: 'On the Consistency of the Axiom', authors: ['Kurt Gödel'], published: '1938' });
    expect(citationKeys([goedel])).toEqual(['godel1938consistency']);
    const particle = paper({ title: 'Über Symphonies', authors: ['Ludwig van Beethoven'], published: '1808-12' });
    expect(citationKeys([particle])).toEqual(['beethoven1808uber']);
    const lukasz = paper({ title: 'The Ærø Straße', authors: ['Łukasz Kaiser'] });
    expect(citationKeys([lukasz])).toEqual(['kaiseraero']);
    // An apostrophe joins its word, in ASCII text as in any other.
    const apostrophe = paper({ title: "Don't Stop Pretraining", authors: ["Conan O'Brien"], published: '2020' });
    expect(citationKeys([apostrophe])).toEqual(['obrien2020dont']);
    const curly = paper({ title: 'Don’t Stop Pretraining', authors: ['Conan O’Brien'], published: '2020' });
    expect(citationKeys([curly])).toEqual(['obrien2020dont']);
  });

  it('uses the title word alone without author and leaves out a missing year', () => {
    expect(citationKeys([paper({ title: 'A Study of Things', published: '2020' })])).toEqual(['study2020']);
    expect(citationKeys([paper({ title: 'A Study of Things' })])).toEqual(['study']);
    expect(citationKeys([paper({ title: '深度学习', authors: ['张三'], published: '2021' })])).toEqual(['paper2021']);
  });

  it('adds a, b, c on collision, the same way every time, never reusing another key', () => {
    const same = paper({ title: 'Deep Nets', authors: ['Jane Smith'], published: '2020' });
    const natural = paper({ title: 'Deepa Nets', authors: ['Jane Smith'], published: '2020' });
    const papers = [same, same, natural, same, same];
    const keys = citationKeys(papers);
    expect(keys).toEqual(['smith2020deep', 'smith2020deepb', 'smith2020deepa', 'smith2020deepc', 'smith2020deepd']);
    expect(citationKeys(papers)).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('authors', () => {
  it('writes "Last, First" joined with and, particles and suffixes in place, and others for a cut list', () => {
    const bib = toBibtex([
      paper({
        title: 'T',
        authors: [
          'Ashish Vaswani',
          'Ludwig van Beethoven',
          'Martin Luther King Jr.',
          'Plato',
          'The ATLAS Collaboration',
        ],
        authorCount: 9,
      }),
    ]);
    expect(bib).toContain(
      '  author = {Vaswani, Ashish and van Beethoven, Ludwig and King, Jr., Martin Luther and Plato and {The ATLAS Collaboration} and others}',
    );
  });

  it('writes no author field for a paper without authors', () => {
    expect(toBibtex([paper({ title: 'T', authorCount: 3 })])).not.toContain('author');
  });
});

describe('escaping', () => {
  it('escapes LaTeX specials in text and protects words with inner capitals', () => {
    const bib = toBibtex([paper({ title: "BERT & GPT-4: 100% of $5 #1 a_b ~x^2 \\ <a|b> --- ``q'' {x}" })]);
    expect(bib).toContain(
      "  title = {{BERT} \\& {GPT-4}: 100\\% of \\$5 \\#1 a\\_b \\textasciitilde{}x\\textasciicircum{}2 \\textbackslash{} \\textless{}a\\textbar{}b\\textgreater{} -{}-{}- `{}`q'{}' \\{x\\}}",
    );
  });

  it('braces a single capital other than the article "A" and inner capitals beyond ASCII, punctuation left outside', () => {
    const bib = toBibtex([paper({ title: 'A Study (A) of (N), Vitamin D. and ÉCOLE at x𝐀' })]);
    expect(bib).toContain('  title = {A Study (A) of ({N}), Vitamin {D}. and {ÉCOLE} at {x𝐀}}');
  });

  it('writes braces that do not pair up without breaking the entry', () => {
    const bib = toBibtex([paper({ title: 'a } b {', abstract: '}{' })]);
    expect(bib).toContain('  title = {a \\textbraceright{} b \\textbraceleft{}}');
    expectBracesCountedLikeBibtex(bib);
  });

  it('writes DOIs and URLs verbatim, percent-encoding only what BibTeX cannot hold', () => {
    const bib = toBibtex([
      paper({
        title: 'T',
        ids: { doi: '10.1002/(sici)1097-4636(199601)30:1<1::aid-jbm1>3.0.co;2-x' },
        url: 'https://example.org/a_b%20c?x=1&y=#frag{',
      }),
    ]);
    expect(bib).toContain('  doi = {10.1002/(sici)1097-4636(199601)30:1<1::aid-jbm1>3.0.co;2-x}');
    expect(bib).toContain('  url = {https://example.org/a_b%20c?x=1&y=#frag%7B}');
  });

  it('keeps non-ASCII text as UTF-8', () => {
    expect(toBibtex([paper({ title: 'Gödel, Ångström und 张三' })])).toContain('title = {Gödel, Ångström und 张三}');
  });
});

describe('reading the export back with @retorquere/bibtex-parser', () => {
  const hard: Paper[] = [
    attention,
    paper({ title: 'Über Gödel and Ångström', authors: ['Kurt Gödel', 'Anders Jonas Ångström'], published: '1931-03' }),
    paper({ title: '张三的论文：深度学习', authors: ['张三', '李四'], published: '2021-01-05' }),
    paper({ title: 'Sets {A, B} and {C}: a {{nested}} case', authors: ['Ada Lovelace'], published: '1843' }),
    paper({ title: 'Unpaired } and { braces', authors: ['Brace Person'] }),
    paper({ title: '99% of 100% & R&D at $0 cost: #tags and snake_case_names', authors: ['Ann Other'] }),
    paper({ title: "Tilde ~ caret ^ backslash \\ pipe | less < greater > -- ``quotes'' ?` !` ,,", authors: [] }),
    paper({
      title: 'A Sixty-Author Paper',
      authors: Array.from({ length: 60 }, (_, n) => `Author${n} Person${n}`),
      authorCount: 61,
      published: '2024-02',
    }),
    paper({ title: 'No Authors, No Date' }),
    paper({ title: 'Large N Field Theories', authors: ['Juan Maldacena'], ids: { arxiv: 'hep-th/9901001' } }),
    paper({
      title: 'Biomaterials',
      authors: ['Jane Doe'],
      venue: 'Journal of Biomedical Materials Research',
      ids: { doi: '10.1002/(sici)1097-4636(199601)30:1<1::aid-jbm1>3.0.co;2-x' },
      published: '1996-01',
    }),
    paper({
      title: 'Names',
      authors: ['Ludwig van Beethoven', 'Martin Luther King Jr.', 'Plato', 'Google, Inc.', 'Others'],
    }),
    paper({
      title: 'More names',
      authors: [
        "Jean le Rond d'Alembert",
        'J. R. R. Tolkien',
        "Conan O'Brien",
        'Anne-Marie Slaughter',
        'Åsa Öberg',
        'Tom and Jerry',
        'Smith & Wesson Team',
        'danah boyd',
        'A_B {C} 100%',
      ],
    }),
  ];

  it('gives back the same title, authors, year, doi and eprint', async () => {
    const bib = toBibtex(hard);
    expectBracesCountedLikeBibtex(bib);
    const entries = await readBack(bib);
    expect(entries).toHaveLength(hard.length);
    entries.forEach((entry, index) => {
      const original = hard[index] as Paper;
      expect(entry.key).toBe(citationKeys(hard)[index]);
      expect(entry.fields.title).toBe(original.title);
      const authors = (entry.fields.author ?? []).map(displayName);
      const more = original.authorCount !== undefined && original.authorCount > original.authors.length;
      expect(authors).toEqual(more ? [...original.authors, 'others'] : original.authors);
      expect(entry.fields.year).toBe(original.published?.slice(0, 4));
      expect(entry.fields.doi).toBe(original.ids?.doi);
      expect(entry.fields.eprint).toBe(original.ids?.arxiv);
    });
  });

  it('gives back abstracts, venues, notes and keywords with specials', async () => {
    const saved: SavedPaper = {
      ...paper({
        title: 'T',
        abstract: 'We show $\\ell_1$ -- and 50% & more {x} <y> in “quotes”.',
        venue: 'Journal of R&D_Studies',
        ids: { doi: '10.1000/a_b%c#d' },
        keywords: ['Machine Learning (cs.LG)', 'x_y', '50%', 'R&D'],
        url: 'https://example.org/?q=a%20b&r=_',
      }),
      status: 'read',
      note: 'Read §3; see   p. 4 — 10% faster\nthan {baseline}',
      savedAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    };
    const [entry] = await readBack(toBibtex([saved]));
    expect(entry?.fields.abstract).toBe(saved.abstract);
    expect(entry?.fields.journal).toBe(saved.venue);
    // The private note is `annote`, which styles do not print; never `note`.
    expect(entry?.fields.annote).toBe('Read §3; see p. 4 — 10% faster than {baseline}');
    expect(entry?.fields.note).toBeUndefined();
    expect(entry?.fields.doi).toBe(saved.ids?.doi);
    expect(entry?.fields.url).toBe(saved.url);
    expect([...(entry?.fields.keywords ?? [])].sort()).toEqual([...(saved.keywords ?? [])].sort());
  });

  it('keeps protected words when the reader sentence-cases titles', async () => {
    const library = await parseAsync(toBibtex([paper({ title: 'BERT Meets ImageNet in 3D at Large N' })]));
    expect(library.entries[0]?.fields.title).toBe('BERT meets ImageNet in 3D at large N');
  });

  it('gives back any title made of specials, letters and spaces', async () => {
    // A fixed pseudo-random sequence, so a failure names a title that fails every time.
    const alphabet = [...'aZ9 &%$#_{}~^\\<>|-`\',!?"@.:;()[]/=+*ÅöéßŁ张三\u00a0'];
    let seed = 20240601;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536); // the low bits of this generator repeat quickly
    };
    const titles = Array.from({ length: 500 }, () => {
      const length = 1 + (next() % 24);
      const text = Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
      return text.replace(/\s+/g, ' ').trim() || 'x';
    });
    const bib = toBibtex(titles.map((title) => paper({ title })));
    expectBracesCountedLikeBibtex(bib);
    const entries = await readBack(bib);
    expect(entries.map((entry) => entry.fields.title)).toEqual(titles);
  });
});
