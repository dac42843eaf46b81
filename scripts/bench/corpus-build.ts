// The pure half of scripts/bench/library-corpus.ts (no file access), bundled into the bench page.
import type { SavedPaper, Status } from '../../lib/paper/model';

interface Source {
  title: string;
  authors: string[];
  published: string;
  venue: string;
}

/** "Last, First and First Last" (BibTeX) → ["First Last", "First Last"]. */
function authorsOf(field: string): string[] {
  return field
    .split(/\s+and\s+/)
    .map((name) => {
      const [last, first] = name.split(/,\s*/, 2);
      return (first ? `${first} ${last}` : (last ?? '')).trim();
    })
    .filter((name) => name.length > 0);
}

function sources(text: string): Source[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [title = '', authors = '', published = '', venue = ''] = line.split('\t');
      // TeX braces kept case in BibTeX titles; a reader sees the words.
      return { title: title.replace(/[{}]/g, ''), authors: authorsOf(authors), published, venue };
    })
    .filter((source) => source.title.length > 0 && source.authors.length > 0);
}

const STATUSES: Status[] = ['unread', 'unread', 'unread', 'reading', 'read'];
const TAGS = ['to-read', 'reinforcement-learning', 'theory', 'vision', 'thesis', 'reviewed', 'nlp', 'optimisation'];

/**
 * `count` saved papers from the corpus text and abstracts, paper 0 saved last (newest); about a
 * third carry tags, one in twelve a star, one in fifty a note. Deterministic, so runs compare.
 */
export function buildCorpus(text: string, abstracts: readonly string[], count: number): SavedPaper[] {
  const papers = sources(text);
  const newest = Date.UTC(2026, 10, 30, 12, 0, 0);
  const out: SavedPaper[] = [];
  for (let i = 0; i < count; i++) {
    const source = papers[i % papers.length] as Source;
    const round = Math.floor(i / papers.length);
    const savedAt = new Date(newest - i * 60_000).toISOString();
    const tags = i % 3 === 0 ? [TAGS[i % TAGS.length] as string, ...(i % 7 === 0 ? ['to-read'] : [])] : undefined;
    out.push({
      key: `url:https://bench.papershelf.invalid/${round}/${i % papers.length}`,
      title: source.title,
      authors: source.authors,
      abstract: abstracts[i % abstracts.length],
      ...(/^\d{4}(-\d\d)?$/.test(source.published) ? { published: source.published } : {}),
      venue: source.venue,
      url: `https://bench.papershelf.invalid/${round}/${i % papers.length}`,
      source: 'bibtex',
      status: STATUSES[i % STATUSES.length] as Status,
      ...(tags ? { tags: [...new Set(tags)] } : {}),
      ...(i % 12 === 0 ? { starred: true } : {}),
      ...(i % 50 === 0
        ? { note: `Read with ${source.authors[0] ?? 'the group'} for the ${source.venue} reading group` }
        : {}),
      savedAt,
      updatedAt: savedAt,
    });
  }
  return out;
}
