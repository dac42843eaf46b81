// `npx tsx scripts/real-pages.ts [--verbose]`: recall and precision of detection on the real-page corpus
// (tests/fixtures/real-pages.json: for each saved page, the papers a reader of the page counts, by
// hand, and whether it is a publication list, an article page or a page with no papers). A paper
// counts as found when its key or one of its ids equals the expected id, or its normalised title
// (case, punctuation and whitespace folded) equals the expected title. Prints one line per page,
// then one JSON line per page kind; exit 0 always (a measurement, not a test).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectPapers } from '../lib/detect/index';
import { idTerms } from '../lib/paper/ids';
import { parseHtml } from './html';

type Kind = 'list' | 'article' | 'none';
interface Expected {
  kind: Kind;
  papers: { id?: string; title: string }[];
}

const fixtures = join(import.meta.dirname, '../tests/fixtures');
const verbose = process.argv.includes('--verbose');

/** A title with case, punctuation, marks and whitespace folded: "Attention is all you need." = "Attention Is All You Need". */
export function foldTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const corpus = JSON.parse(readFileSync(join(fixtures, 'real-pages.json'), 'utf8')) as Record<string, Expected>;
const totals = new Map<Kind, { expected: number; recalled: number; found: number; correct: number; pages: number }>();

for (const [name, expected] of Object.entries(corpus)) {
  const dir = join(fixtures, name);
  const { url } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { url: string };
  const doc = parseHtml(readFileSync(join(dir, 'page.html'), 'utf8'), url);
  const papers = detectPapers(doc, new URL(url)).map((detection) => detection.paper);
  const matches = (paper: (typeof papers)[number], want: Expected['papers'][number]): boolean =>
    (want.id !== undefined && (paper.key === want.id || idTerms(paper).includes(want.id))) ||
    foldTitle(paper.title) === foldTitle(want.title);
  const recalled = expected.papers.filter((want) => papers.some((paper) => matches(paper, want)));
  const correct = papers.filter((paper) => expected.papers.some((want) => matches(paper, want)));
  const total = totals.get(expected.kind) ?? { expected: 0, recalled: 0, found: 0, correct: 0, pages: 0 };
  total.expected += expected.papers.length;
  total.recalled += recalled.length;
  total.found += papers.length;
  total.correct += correct.length;
  total.pages += 1;
  totals.set(expected.kind, total);
  process.stdout.write(
    `${name.padEnd(50)} ${expected.kind.padEnd(7)} expected ${String(expected.papers.length).padStart(3)}  found ${String(papers.length).padStart(3)}  recalled ${String(recalled.length).padStart(3)}  correct ${String(correct.length).padStart(3)}\n`,
  );
  if (verbose) {
    for (const want of expected.papers.filter((item) => !recalled.includes(item))) {
      process.stdout.write(`    missed: ${want.id ?? ''} ${want.title}\n`);
    }
    for (const paper of papers.filter((item) => !correct.includes(item))) {
      process.stdout.write(`    extra:  ${paper.key} ${paper.title}\n`);
    }
  }
}

for (const [kind, total] of totals) {
  const line =
    kind === 'none'
      ? { kind, pages: total.pages, controls: total.found }
      : {
          kind,
          pages: total.pages,
          expected: total.expected,
          recall: Number((total.recalled / Math.max(1, total.expected)).toFixed(3)),
          precision: Number((total.correct / Math.max(1, total.found)).toFixed(3)),
        };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
