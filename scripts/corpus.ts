// `npx tsx scripts/corpus.ts`: issue 8's "Done means" figures on the real bibliographies under
// tests/fixtures/bib/ (Better BibTeX's import fixtures, each .bib beside the Zotero items Better
// BibTeX expects from it). Prints, as JSON lines: the share of entries with a title that come in,
// and for the entries matched by citation key, the share whose title (ignoring case), family
// names, year, DOI, URL and abstract equal the expected item's. Not part of `npm test`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importText } from '../lib/formats';
import type { SavedPaper } from '../lib/paper/model';

const DIR = join(import.meta.dirname, '../tests/fixtures/bib/bbt');

interface ZoteroItem {
  citationKey?: string;
  title?: string;
  creators?: { creatorType?: string; lastName?: string; name?: string }[];
  date?: string;
  DOI?: string;
  url?: string;
  abstractNote?: string;
  extra?: string | string[];
}

const FIELDS = ['title', 'family names', 'year', 'DOI', 'URL', 'abstract'] as const;
type Field = (typeof FIELDS)[number];
const tally = Object.fromEntries(FIELDS.map((field) => [field, { equal: 0, total: 0 }])) as Record<
  Field,
  { equal: number; total: number }
>;
const misses: string[] = [];
let withTitle = 0;
let cameIn = 0;

const norm = (text: string | undefined) => text?.normalize('NFC').replace(/\s+/g, ' ').trim();
// Zotero's rich-text title markup (<i>, <span class="nocase">) is not part of the words.
const plain = (text: string | undefined) => norm(text?.replace(/<\/?(?:i|b|sup|sub|span)(?:\s[^>]*)?>/g, ''));
const address = (text: string | undefined) => {
  try {
    return text ? new URL(text).href : undefined;
  } catch {
    return text;
  }
};

function compare(field: Field, file: string, key: string, expected: string | undefined, actual: string | undefined) {
  if (!expected) return;
  tally[field].total++;
  if (expected === actual) tally[field].equal++;
  else if (misses.length < 400)
    misses.push(
      `${file} ${key} ${field}: expected ${JSON.stringify(expected).slice(0, 120)}, got ${JSON.stringify(actual)?.slice(0, 120)}`,
    );
}

for (const name of readdirSync(DIR)
  .filter((file) => file.endsWith('.bib'))
  .sort()) {
  const bib = readFileSync(join(DIR, name), 'utf8');
  const expected =
    (JSON.parse(readFileSync(join(DIR, name.replace(/\.bib$/, '.json')), 'utf8')) as { items?: ZoteroItem[] }).items ??
    [];
  let papers: SavedPaper[] = [];
  try {
    papers = importText(bib, name, { now: new Date('2025-01-01T00:00:00Z') }).papers;
  } catch (error) {
    misses.push(`${name}: refused: ${error instanceof Error ? error.message : String(error)}`);
  }
  const byKey = new Map(papers.map((paper) => [paper.extra?.bibtex?.['@key'], paper]));
  for (const item of expected) {
    if (!item.title || !item.citationKey) continue;
    withTitle++;
    const paper = byKey.get(item.citationKey);
    if (!paper) {
      misses.push(`${name} ${item.citationKey}: did not come in`);
      continue;
    }
    cameIn++;
    const key = item.citationKey;
    compare('title', name, key, plain(item.title)?.toLowerCase(), plain(paper.title)?.toLowerCase());
    const families = (item.creators ?? []).filter((creator) => (creator.creatorType ?? 'author') === 'author');
    compare(
      'family names',
      name,
      key,
      families.map((creator) => norm(creator.lastName ?? creator.name)).join('; ') || undefined,
      (paper.names ?? [])
        .map((part) => norm([part.particle, part.family].filter(Boolean).join(' ') || part.literal))
        .join('; '),
    );
    compare('year', name, key, /\d{4}/.exec(item.date ?? '')?.[0], (paper.issued ?? paper.published)?.slice(0, 4));
    compare('DOI', name, key, item.DOI?.toLowerCase(), paper.ids?.doi ?? paper.ids?.shortDoi);
    compare('URL', name, key, address(item.url), paper.url);
    compare('abstract', name, key, norm(item.abstractNote), norm(paper.abstract));
  }
}

const percent = (part: number, whole: number) => Number(((100 * part) / Math.max(whole, 1)).toFixed(1));
process.stdout.write(
  `${JSON.stringify({ metric: 'entries with a title that come in', value: percent(cameIn, withTitle), unit: '%', of: withTitle })}\n`,
);
for (const field of FIELDS) {
  const { equal, total } = tally[field];
  process.stdout.write(
    `${JSON.stringify({ metric: `${field} equal to Better BibTeX's item`, value: percent(equal, total), unit: '%', of: total })}\n`,
  );
}
if (process.argv.includes('--misses')) for (const miss of misses) process.stdout.write(`${miss}\n`);
