// The last step every reader shares: what a format entry said (a PaperDraft and a note) becomes a
// saved paper by the rules of saving (toPaper: cleaned fields, the key from the strongest id), new
// to the library (unread, saved now), checked against SavedPaperSchema. An entry that cannot be
// one is reported with its line or key and left out; nothing is half kept.
import { contentKeyOf, type NameDraft, type PaperDraft, samePaper, toPaper } from '../paper/build';
import { CAPS, capText } from '../paper/caps';
import { type SavedPaper, SavedPaperSchema } from '../paper/model';
import { cleanNote, idsFromAddress } from './fields';

/** Why one entry of an import file was left out, by its line and/or its key in the file. */
export interface ImportIssue {
  line?: number;
  key?: string;
  message: string;
}

/** One entry as a reader understood it. */
export interface ImportedEntry {
  draft: PaperDraft;
  note?: string;
  /** Where the entry starts (1-based). */
  line?: number;
  /** The entry's own name in the file: a BibTeX citation key, a RIS ID, a CSL-JSON id. */
  key?: string;
}

/** The papers an import file holds, in file order, a report for each entry left out, and one for each entry changed on the way in (a field cut to its length cap, a new key). */
export interface ImportedPapers {
  papers: SavedPaper[];
  errors: ImportIssue[];
  warnings?: ImportIssue[];
}

// LaTeX decoding gives decomposed letters (o + U+0308); pages and searches use composed ones.
function nfcName(name: NameDraft): NameDraft {
  return Object.fromEntries(Object.entries(name).map(([part, value]) => [part, value?.normalize('NFC')]));
}

function where(entry: { line?: number; key?: string }): string {
  if (entry.line !== undefined) return `line ${entry.line}`;
  return entry.key !== undefined ? `entry ${entry.key}` : 'another entry';
}

function position(entry: ImportedEntry): Pick<ImportIssue, 'line' | 'key'> {
  const result: Pick<ImportIssue, 'line' | 'key'> = {};
  if (entry.line !== undefined) result.line = entry.line;
  if (entry.key !== undefined) result.key = entry.key;
  return result;
}

/**
 * Turns entries into saved papers: unread, saved `now`, the note kept with its line breaks, fields
 * within the length caps (each cut named in `warnings`). An entry with no id or address gets its
 * content key. An entry without a title, or naming the same paper as an earlier entry, is
 * reported and left out.
 */
export function savedFromEntries(entries: readonly ImportedEntry[], now: Date): ImportedPapers {
  const at = now.toISOString();
  const papers: SavedPaper[] = [];
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const seen = new Map<string, { entry: ImportedEntry; paper: SavedPaper | { key: string; title: string } }>();
  for (const entry of entries) {
    // An id the format had no field for is often in the paper's address.
    const fromAddress = { ...idsFromAddress(entry.draft.pdfUrl), ...idsFromAddress(entry.draft.url) };
    const ids = { ...entry.draft.ids };
    for (const [scheme, value] of Object.entries(fromAddress) as [keyof typeof fromAddress, string][]) {
      if (!ids[scheme]) ids[scheme] = value;
    }
    // LaTeX decoding gives decomposed letters (o + U+0308); pages and searches use composed ones.
    const nfc = (text: string | null | undefined) => text?.normalize('NFC');
    const cuts = new Set<string>();
    let paper = toPaper(
      {
        ...entry.draft,
        ids,
        title: nfc(entry.draft.title),
        authors: entry.draft.authors?.map(nfc),
        abstract: nfc(entry.draft.abstract),
        venue: nfc(entry.draft.venue),
        container: nfc(entry.draft.container),
        names: entry.draft.names?.map(nfcName),
        editors: entry.draft.editors?.map(nfcName),
        keywords: entry.draft.keywords?.map(nfc),
      },
      { cuts, contentKey: true },
    );
    if (!paper) {
      errors.push({ ...position(entry), message: 'the entry has no title' });
      continue;
    }
    let first = seen.get(paper.key);
    // Two works that share only an address (chapters on one page) stay two: the later one is keyed by its content.
    if (first && !samePaper(paper, first.paper) && paper.key.startsWith('url:')) {
      const rekeyed = { ...paper, key: contentKeyOf(paper) };
      warnings.push({
        ...position(entry),
        message: `shares its address with ${where(first.entry)} but not its title: kept apart as ${rekeyed.key}`,
      });
      paper = rekeyed;
      first = seen.get(paper.key);
    }
    if (first) {
      errors.push({ ...position(entry), message: `the same paper (${paper.key}) as ${where(first.entry)}` });
      continue;
    }
    const rawNote = cleanNote(entry.note?.normalize('NFC'));
    const note = rawNote && capText(rawNote, CAPS.note, 'note', cuts);
    if (cuts.size > 0) {
      warnings.push({ ...position(entry), message: `cut to the length limit: ${[...cuts].join(', ')}` });
    }
    const parsed = SavedPaperSchema.safeParse({
      ...paper,
      status: 'unread',
      ...(note ? { note } : {}),
      savedAt: at,
      updatedAt: at,
    });
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'paper'}: ${issue.message}`)
        .join('; ');
      errors.push({ ...position(entry), message });
      continue;
    }
    seen.set(paper.key, { entry, paper });
    papers.push(parsed.data);
  }
  return { papers, errors, warnings };
}
