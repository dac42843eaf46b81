// Round trips over the golden library: the JSON backup gives back every record exactly; BibTeX,
// RIS and CSL-JSON give back every field the format carries (the rest is listed per format and
// documented in its module), and writing what was read gives the same file again.
import { describe, expect, it } from 'vitest';
import type { SavedPaper } from '../paper/model';
import { exportPapers, importText } from './index';
import { GOLDEN_LIBRARY } from './test-data';

const NOW = new Date('2025-01-01T00:00:00.000Z');

// What each interchange format has no place for (the JSON backup keeps all of it).
const USER_FIELDS = ['status', 'tags', 'starred', 'savedAt', 'updatedAt', 'seenOn', 'source'] as const;
const NOT_CARRIED = {
  // BibTeX has year and month (classic), no line breaks in a field, no PDF or code link, no field
  // for OpenReview, ACL or Semantic Scholar ids (they come back from the landing page's address);
  // a cut author list is "and others", read back as one more author than listed.
  bibtex: ['pdfUrl', 'codeUrl', 'projectUrl', 'authorCount'],
  ris: ['codeUrl', 'projectUrl', 'authorCount'],
  'csl-json': ['pdfUrl', 'codeUrl', 'projectUrl', 'authorCount'],
} as const;

type Interchange = keyof typeof NOT_CARRIED;

// What an import derives that a paper from a page does not have: the kind of work, structured
// names, the publication date beside `published`, and the format's own entry type and key.
const DERIVED = ['type', 'names', 'issued', 'extra'] as const;

/** The fields of a paper that a format carries, as the format can hold them (tags are written as keywords). */
function carried(paper: object, format: Interchange): Record<string, unknown> {
  const result: Record<string, unknown> = { ...paper };
  const tagged = [
    ...((result.keywords as string[] | undefined) ?? []),
    ...((result.tags as string[] | undefined) ?? []),
  ];
  if (tagged.length > 0) result.keywords = [...new Set(tagged)];
  for (const field of [...USER_FIELDS, ...NOT_CARRIED[format]]) delete result[field];
  for (const field of DERIVED) delete result[field];
  // The journal or proceedings a format writes is read back as the container as well as the venue.
  if (result.container === result.venue) delete result.container;
  const ids = { ...(result.ids as SavedPaper['ids']) };
  delete ids.arxivVersion;
  if (format === 'bibtex' && typeof result.note === 'string') result.note = result.note.replace(/\s+/g, ' ');
  if (Object.keys(ids).length > 0) result.ids = Object.fromEntries(Object.entries(ids).sort());
  else delete result.ids;
  return result;
}

describe('round trips', () => {
  it('JSON backup → import → JSON backup is identical, byte for byte', () => {
    // The golden set mixes saved and plain papers; read once, all are saved papers.
    const first = importText(exportPapers(GOLDEN_LIBRARY, 'json'), 'library.json', { now: NOW });
    expect(first.errors).toEqual([]);
    const saved = GOLDEN_LIBRARY.filter((paper): paper is SavedPaper => 'status' in paper);
    expect(first.papers.filter((paper) => saved.some((original) => original.key === paper.key))).toEqual(saved);
    const backup = exportPapers(first.papers, 'json');
    const again = importText(backup, 'library.json', { now: new Date() });
    expect(again.format).toBe('json');
    expect(again.papers).toEqual(first.papers);
    expect(exportPapers(again.papers, 'json')).toBe(backup);
  });

  for (const format of Object.keys(NOT_CARRIED) as Interchange[]) {
    it(`${format} → import keeps every field ${format} carries`, () => {
      const read = importText(exportPapers(GOLDEN_LIBRARY, format), undefined, { now: NOW });
      expect(read.format).toBe(format);
      expect(read.errors).toEqual([]);
      expect(read.papers.map((paper) => carried(paper, format))).toEqual(
        GOLDEN_LIBRARY.map((paper) => carried(paper, format)),
      );
      for (const paper of read.papers) {
        expect(paper).toMatchObject({ status: 'unread', savedAt: NOW.toISOString(), source: format });
      }
    });

    it(`${format} → import → ${format} writes the same file again`, () => {
      const text = exportPapers(GOLDEN_LIBRARY, format);
      const read = importText(text, undefined, { now: NOW });
      // The user's notes are the one field a plain paper gains on import; the rest is the file's.
      // Tags come back as keywords, so the second file has the same keywords the first had.
      expect(exportPapers(read.papers, format)).toBe(text);
    });
  }
});
