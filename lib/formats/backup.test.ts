import { describe, expect, it } from 'vitest';
import type { Paper, SavedPaper } from '../paper/model';
import { BACKUP_VERSION, backupPieces, parseBackup, toBackup } from './backup';
import { FormatError } from './errors';

const saved: SavedPaper = {
  key: 'arxiv:2310.03646',
  title: 'A Paper – with “quotes”, Gödel and 张三',
  authors: ['Ada Lovelace', 'Kurt Gödel'],
  published: '2023-10-05',
  ids: { arxiv: '2310.03646', arxivVersion: 2, doi: '10.1000/x' },
  url: 'https://arxiv.org/abs/2310.03646',
  keywords: ['Machine Learning (cs.LG)'],
  source: 'arxiv',
  status: 'reading',
  tags: ['to-read'],
  note: 'line one\nline two',
  starred: true,
  savedAt: '2024-01-02T03:04:05.000Z',
  updatedAt: '2024-01-03T03:04:05.000Z',
  seenOn: [{ url: 'https://arxiv.org/list/cs.LG/new', source: 'arxiv', at: '2024-01-02T03:04:05.000Z' }],
};
const second: SavedPaper = {
  key: 'doi:10.1038/nature14539',
  title: 'Deep learning',
  authors: [],
  source: 'generic-meta',
  status: 'unread',
  savedAt: '2024-02-01T00:00:00.000Z',
  updatedAt: '2024-02-01T00:00:00.000Z',
};

function backupText(papers: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'papershelf', version: 1, ...extra, papers });
}

function formatError(text: string): FormatError {
  try {
    parseBackup(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('parseBackup did not throw');
}

describe('toBackup', () => {
  it('writes exactly format, version and papers, pretty-printed with a final newline', () => {
    const text = toBackup([second]);
    expect(BACKUP_VERSION).toBe(1);
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'version', 'papers']);
    expect(text).toBe(
      `{
  "format": "papershelf",
  "version": 1,
  "papers": [
    {
      "key": "doi:10.1038/nature14539",
      "title": "Deep learning",
      "authors": [],
      "source": "generic-meta",
      "status": "unread",
      "savedAt": "2024-02-01T00:00:00.000Z",
      "updatedAt": "2024-02-01T00:00:00.000Z"
    }
  ]
}
`,
    );
  });

  it('restores byte for byte: written, read and written again gives the same text', () => {
    const text = toBackup([saved, second]);
    const read = parseBackup(text);
    expect(read.errors).toEqual([]);
    expect(read.papers).toEqual([saved, second]);
    expect(toBackup(read.papers)).toBe(text);
  });

  it('gives the same text written whole or in pieces of any size, as JSON.stringify of the whole backup', () => {
    const papers = Array.from({ length: 7 }, (_, at) => ({ ...saved, key: `arxiv:2310.0364${at}`, note: `n${at}` }));
    const whole = `${JSON.stringify({ format: 'papershelf', version: 1, papers }, null, 2)}\n`;
    for (const count of [0, 1, 6, 7]) {
      const some = papers.slice(0, count);
      const expected = `${JSON.stringify({ format: 'papershelf', version: 1, papers: some }, null, 2)}\n`;
      expect(toBackup(some)).toBe(expected);
      for (const size of [1, 2, 3, 6, 7, 250]) expect([...backupPieces(some, size)].join('')).toBe(expected);
    }
    expect(toBackup(papers)).toBe(whole);
    expect([...backupPieces(papers, 3)].length).toBe(5);
  });

  it('writes fields in schema order whatever order the record has, dropping unknown ones', () => {
    const shuffled = Object.fromEntries(Object.entries(saved).reverse()) as SavedPaper;
    const withExtra = { ...shuffled, ids: { doi: '10.1000/x', arxivVersion: 2, arxiv: '2310.03646' }, legacy: 1 };
    expect(toBackup([withExtra])).toBe(toBackup([saved]));
    const reordered = `${JSON.stringify({ papers: [withExtra], version: 1, format: 'papershelf' })}`;
    expect(toBackup(parseBackup(reordered).papers)).toBe(toBackup([saved]));
  });
});

describe('parseBackup: files that are not a backup', () => {
  it('names the line and column of a JSON syntax error', () => {
    const error = formatError('{\n  "format": "papershelf",\n  "version": 1,,\n  "papers": []\n}');
    expect(error.message).toBe('not a papershelf backup: not valid JSON at line 3, column 16: unexpected ","');
    expect([error.line, error.column]).toEqual([3, 16]);
  });

  it('says when the text ends too early', () => {
    const text = toBackup([saved]);
    const error = formatError(text.slice(0, 100));
    expect(error.message).toMatch(
      /^not a papershelf backup: not valid JSON at line \d+, column \d+: the text ends too early$/,
    );
    expect(error.line).toBe(text.slice(0, 100).split('\n').length);
  });

  it('rejects an empty file, another format, a list, and a missing papers list', () => {
    expect(formatError('  \n').message).toMatch(/empty/);
    expect(formatError('{"format":"zotero","version":1,"papers":[]}').message).toBe(
      'not a papershelf backup: expected "format": "papershelf", found "format": "zotero"',
    );
    expect(formatError('[{"key":"arxiv:1"}]').message).toMatch(/found a list/);
    expect(formatError('{"version":1,"papers":[]}').message).toMatch(/found no "format"/);
    expect(formatError('{"format":"papershelf","version":1}').message).toMatch(/without a "papers" list/);
  });

  it('rejects a version from the future and a version that is not one', () => {
    expect(formatError(backupText([], { version: 2 })).message).toBe(
      'papershelf backup version 2 was written by a newer papershelf; this one reads up to version 1',
    );
    expect(formatError(backupText([], { version: '1' })).message).toMatch(/invalid "version": "1"/);
    expect(formatError('{"format":"papershelf","papers":[]}').message).toMatch(/invalid "version": none/);
  });

  it('reads a file with a byte order mark', () => {
    expect(parseBackup(`\uFEFF${toBackup([second])}`).papers).toEqual([second]);
  });
});

describe('parseBackup: entries', () => {
  it('keeps the good entries and reports each bad one by index and key', () => {
    const { title: _title, ...untitled } = second;
    const text = backupText([
      saved,
      { ...untitled, key: 'doi:10.1/untitled' },
      'oops',
      { ...second, status: 'done' },
      null,
    ]);
    const { papers, errors } = parseBackup(text);
    expect(papers).toEqual([saved]);
    expect(errors).toEqual([
      { index: 1, key: 'doi:10.1/untitled', message: 'title: Invalid input: expected string, received undefined' },
      { index: 2, message: 'expected a paper object, found string "oops"' },
      {
        index: 3,
        key: second.key,
        message: 'status: Invalid option: expected one of "unread"|"reading"|"read"',
      },
      { index: 4, message: 'expected a paper object, found null' },
    ]);
  });

  it('completes a plain Paper as unread, saved now; a half-saved entry is an error', () => {
    const plain: Paper = { key: 'arxiv:1706.03762', title: 'Attention Is All You Need', authors: [], source: 'arxiv' };
    const now = new Date('2025-05-05T05:05:05.000Z');
    const { papers, errors } = parseBackup(backupText([plain, { ...plain, key: 'arxiv:1706.03763', status: 'read' }]), {
      now,
    });
    expect(papers).toEqual([{ ...plain, status: 'unread', savedAt: now.toISOString(), updatedAt: now.toISOString() }]);
    expect(errors).toEqual([
      {
        index: 1,
        key: 'arxiv:1706.03763',
        message:
          'savedAt: Invalid input: expected string, received undefined; updatedAt: Invalid input: expected string, received undefined',
      },
    ]);
  });

  it('reports a second entry with a key already read and keeps the first', () => {
    const { papers, errors } = parseBackup(backupText([second, saved, { ...second, title: 'Again' }]));
    expect(papers).toEqual([second, saved]);
    expect(errors).toEqual([{ index: 2, key: second.key, message: `duplicate key ${second.key}, first at index 0` }]);
  });

  it('does not let __proto__, constructor or prototype keys reach any prototype', () => {
    const hostile = `{"format":"papershelf","version":1,"__proto__":{"polluted":"top"},"papers":[
      {"key":"doi:10.1/a","title":"T","authors":[],"source":"x","status":"read",
       "savedAt":"2024-01-01T00:00:00.000Z","updatedAt":"2024-01-01T00:00:00.000Z",
       "__proto__":{"polluted":"entry","status":"read"},
       "constructor":{"prototype":{"polluted":"constructor"}},
       "prototype":{"polluted":"prototype"},
       "ids":{"doi":"10.1/a","__proto__":{"polluted":"ids"}}},
      {"key":"doi:10.1/b","title":"U","authors":[],"source":"x","__proto__":{"status":"read"}}]}`;
    const { papers, errors } = parseBackup(hostile, { now: new Date('2025-01-01T00:00:00.000Z') });
    expect(errors).toEqual([]);
    expect(papers).toHaveLength(2);
    const [first, plain] = papers;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    for (const value of [first, first?.ids, plain]) {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.keys(value ?? {})).not.toContain('__proto__');
      expect(Object.hasOwn(value ?? {}, 'constructor')).toBe(false);
      expect((value as Record<string, unknown>).polluted).toBeUndefined();
    }
    // The second entry's "__proto__" is data, so it is a plain Paper completed as unread.
    expect(plain?.status).toBe('unread');
    expect(toBackup(papers)).not.toMatch(/__proto__|constructor|prototype|polluted/);
  });
});
