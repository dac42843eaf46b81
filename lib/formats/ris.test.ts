import { describe, expect, it } from 'vitest';
import type { Paper, SavedPaper } from '../paper/model';
import { FormatError } from './errors';
import { parseRis, toRis } from './ris';
import { ATTENTION } from './test-data';

const NOW = new Date('2025-01-01T00:00:00.000Z');

function paper(fields: Partial<Paper> & { title: string }): Paper {
  return { key: 'url:https://example.org/p', authors: [], url: 'https://example.org/p', source: 'test', ...fields };
}

function formatError(text: string): FormatError {
  try {
    parseRis(text, { now: NOW });
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('parseRis did not throw');
}

describe('toRis', () => {
  it('lays a record out as Zotero does: TY first, one AU a line, DA and PY, ER and a blank line, CRLF', () => {
    expect(toRis([ATTENTION])).toBe(
      [
        'TY  - GEN',
        'TI  - Attention Is All You Need',
        'AU  - Vaswani, Ashish',
        'AU  - Shazeer, Noam',
        'AU  - Parmar, Niki',
        'DA  - 2017/06/12/',
        'PY  - 2017',
        'DO  - 10.48550/arXiv.1706.03762',
        'UR  - https://arxiv.org/abs/1706.03762',
        'KW  - Computation and Language (cs.CL)',
        'KW  - Machine Learning (cs.LG)',
        'ER  - ',
        '',
        '',
      ].join('\r\n'),
    );
  });

  it('chooses JOUR, CONF and GEN by the BibTeX entry type rule', () => {
    const types = [
      paper({ title: 'J', venue: 'Nature', ids: { doi: '10.1038/x' } }),
      paper({ title: 'C', venue: 'NeurIPS 2023' }),
      paper({ title: 'G', ids: { doi: '10.1000/x' } }),
    ].map((item) => /^TY {2}- (\w+)/.exec(toRis([item]))?.[1]);
    expect(types).toEqual(['JOUR', 'CONF', 'GEN']);
  });

  it('keeps a publisher DOI in DO and the arXiv id in M2, with the other ids', () => {
    const ris = toRis([
      paper({
        title: 'Both',
        ids: {
          doi: '10.1000/both',
          arxiv: '2310.03646',
          pubmed: '123',
          pmcid: 'PMC9',
          openreview: 'Ab_1',
          dblp: 'x/y',
        },
      }),
    ]);
    expect(ris).toContain('DO  - 10.1000/both\r\nM2  - arXiv: 2310.03646\r\nM2  - PMID: 123\r\nM2  - PMCID: PMC9\r\n');
    expect(ris).toContain('M2  - OpenReview: Ab_1\r\nM2  - DBLP: x/y\r\n');
  });

  it('writes dates as precise as known, and names with particles and suffixes', () => {
    const ris = toRis([
      paper({ title: 'T', published: '2019-06', authors: ['Ludwig van Beethoven', 'Martin Luther King Jr.', 'Plato'] }),
      paper({ title: 'U', published: '2019' }),
    ]);
    expect(ris).toContain('DA  - 2019/06//\r\nPY  - 2019\r\n');
    expect(ris).toContain('DA  - 2019///\r\n');
    expect(ris).toContain('AU  - van Beethoven, Ludwig\r\nAU  - King, Martin Luther, Jr.\r\nAU  - Plato\r\n');
  });

  it('writes a multi-line note as continuation lines, a tag-like line shifted by one space', () => {
    const note: SavedPaper = {
      ...paper({ title: 'T' }),
      status: 'read',
      note: 'first\nER  - not the end\n\nlast',
      savedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    };
    expect(toRis([note])).toContain('N1  - first\r\n ER  - not the end\r\n\r\nlast\r\nER  - \r\n');
    const [read] = parseRis(toRis([note]), { now: NOW }).papers;
    expect(read?.note).toBe(note.note);
  });
});

describe('parseRis', () => {
  it("reads Zotero's own RIS test record (RIS.js): wrapped title, A1 authors, Y1, JO, KW, N2", () => {
    // From the test cases of zotero/translators RIS.js, with a UR added so that the paper has an identity.
    const text = [
      'TY  - JOUR',
      'A1  - Baldwin,S.A.',
      'A1  - Fugaccia,I.',
      'T1  - Blood-brain barrier breach following',
      'cortical contusion in the rat',
      'JO  - J.Neurosurg.',
      'Y1  - 1996',
      'VL  - 85',
      'KW  - cortical contusion',
      'KW  - blood-brain barrier',
      'N2  - Adult Fisher 344 rats were subjected to a unilateral impact.',
      'UR  - https://example.org/baldwin',
      'ER  - ',
    ].join('\n');
    const { papers, errors } = parseRis(text, { now: NOW });
    expect(errors).toEqual([]);
    expect(papers).toEqual([
      {
        key: 'url:https://example.org/baldwin',
        title: 'Blood-brain barrier breach following cortical contusion in the rat',
        authors: ['S.A. Baldwin', 'I. Fugaccia'],
        abstract: 'Adult Fisher 344 rats were subjected to a unilateral impact.',
        published: '1996',
        venue: 'J.Neurosurg.',
        url: 'https://example.org/baldwin',
        keywords: ['cortical contusion', 'blood-brain barrier'],
        source: 'ris',
        // Zotero's expected item: journalArticle, volume 85, the two creators as last and first name.
        type: 'article',
        names: [
          { family: 'Baldwin', given: 'S.A.' },
          { family: 'Fugaccia', given: 'I.' },
        ],
        container: 'J.Neurosurg.',
        volume: '85',
        issued: '1996',
        status: 'unread',
        savedAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      },
    ]);
  });

  it('reads what Zotero writes: DA over PY, an HTML note, KW split at ";", a DOI URL, an arXiv DOI', () => {
    const text = [
      'TY  - JOUR',
      'TI  - Deep learning',
      'AU  - LeCun, Yann',
      'AU  - Google, Inc.',
      'T2  - Nature',
      'DA  - 2015/05/27/',
      'PY  - 2015',
      'DO  - https://doi.org/10.1038/NATURE14539',
      'N1  - <p>Read <b>twice</b> &amp; cite<br/>second line</p>',
      'KW  - ai; learning',
      'L1  - https://example.org/deep.pdf',
      'ER  - ',
      '',
      'TY  - GEN',
      'TI  - Attention',
      'DO  - 10.48550/arXiv.1706.03762',
      'ER  - ',
    ].join('\r\n');
    const { papers, errors } = parseRis(text, { now: NOW });
    expect(errors).toEqual([]);
    expect(papers[0]).toMatchObject({
      key: 'doi:10.1038/nature14539',
      authors: ['Yann LeCun', 'Google, Inc.'],
      published: '2015-05-27',
      note: 'Read twice & cite\nsecond line',
      keywords: ['ai', 'learning'],
      pdfUrl: 'https://example.org/deep.pdf',
    });
    expect(papers[1]).toMatchObject({ key: 'arxiv:1706.03762', ids: { arxiv: '1706.03762' } });
  });

  it('reports a record without ER, a stray line and a record without title by line, keeping the rest', () => {
    const text = [
      'junk before any record',
      'TY  - JOUR',
      'TI  - First',
      'UR  - https://example.org/1',
      'TY  - JOUR',
      'TI  - Second',
      'UR  - https://example.org/2',
      'ER  - ',
      'TY  - JOUR',
      'UR  - https://example.org/3',
      'ER  - ',
      'TY  - JOUR',
      'TI  - Cut short',
    ].join('\n');
    const { papers, errors } = parseRis(text, { now: NOW });
    expect(papers.map((item) => item.title)).toEqual(['Second']);
    expect(errors).toEqual([
      { line: 1, message: 'not a RIS tag line (such as "TI  - A title") and not inside a record' },
      { line: 2, message: 'the record has no "ER  - " line before the next record (line 5)' },
      { line: 9, message: 'the entry has no title' },
      { line: 12, message: 'the record is cut short: the file ends before its "ER  - " line' },
    ]);
  });

  it('reads a title holding a line separator, an EndNote issue in M1, and the RIS types Zotero maps', () => {
    const ris = [
      'TY  - JOUR\nTI  - Eye tracking:\u2028 potential contributions\nM1  - 9999\nER  - ',
      'TY  - JOUR\nTI  - With an issue\nIS  - 2\nM1  - 9999\nER  - ',
      'TY  - BOOK\nTI  - A book\nM1  - 12\nER  - ',
      'TY  - ADVS\nTI  - A film\nER  - ',
      'TY  - GOVDOC\nTI  - A government report\nER  - ',
    ].join('\n');
    const { papers, errors } = parseRis(ris, { now: NOW });
    expect(errors).toEqual([]);
    expect(papers.map((paper) => [paper.title, paper.type, paper.issue])).toEqual([
      ['Eye tracking: potential contributions', 'article', '9999'],
      ['With an issue', 'article', '2'],
      ['A book', 'book', undefined],
      ['A film', 'film', undefined],
      ['A government report', 'report', undefined],
    ]);
  });

  it('refuses a text with no record at all, naming the first line', () => {
    const error = formatError('\n\nTitle: something\nAuthor: someone\n');
    expect(error.message).toBe(
      'not RIS: line 3 is not a tag line such as "TY  - JOUR", and no line starts a record ("TY  - ")',
    );
    expect(error.line).toBe(3);
  });

  it('takes the key from an ID line and reports a second record of the same paper', () => {
    const record = (id: string) => `TY  - GEN\nID  - ${id}\nTI  - Same\nUR  - https://example.org/same\nER  - \n`;
    const { papers, errors } = parseRis(record('one') + record('two'), { now: NOW });
    expect(papers).toHaveLength(1);
    expect(errors).toEqual([
      { line: 6, key: 'two', message: 'the same paper (url:https://example.org/same) as line 1' },
    ]);
  });
});
