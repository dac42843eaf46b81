// `npx tsx scripts/corpus.ts`: issue 8's "Done means" figures on the real bibliographies under
// tests/fixtures/bib/ (Better BibTeX's import fixtures, each .bib beside the Zotero items Better
// BibTeX expects from it). Prints, as JSON lines: the share of entries with a title that come in,
// and for the entries matched by citation key, the share whose title (ignoring case), family
// names, year, DOI, URL and abstract equal the expected item's. Not part of `npm test`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import { exportPapers, importText } from '../lib/formats';
import type { SavedPaper } from '../lib/paper/model';
import { foldTitle } from '../lib/paper/titles';

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
// Oracle items whose title is nowhere in their .bib (Better BibTeX's expected library for
// "Jabref groups import does not work #717.3.8" also holds items of the fixture's older version).
const notInFile: string[] = [];
let withTitle = 0;
let cameIn = 0;
const everyPaper: SavedPaper[] = [];
// The fields each source entry had (by citation key, under BibTeX's names), to tell a field the
// export dropped from one the file never had.
const sourceFields = new Map<string, Set<string>>();
const ALIASES: Record<string, string> = { journaltitle: 'journal', date: 'year', location: 'address' };
const byContentKey: string[] = [];

const norm = (text: string | undefined) => text?.normalize('NFC').replace(/\s+/g, ' ').trim();
// Zotero's rich-text title markup (<i>, <span class="nocase">, the <a> Better BibTeX makes of
// \href) is not part of the words.
const plain = (text: string | undefined) => norm(text?.replace(/<\/?(?:i|b|sup|sub|span|a)(?:\s[^>]*)?>/g, ''));
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
    const result = importText(bib, name, { now: new Date('2025-01-01T00:00:00Z') });
    papers = result.papers;
    for (const error of result.errors) {
      if (/same paper \(ref:/.test(error.message)) byContentKey.push(`${name} ${error.key}: ${error.message}`);
    }
  } catch (error) {
    misses.push(`${name}: refused: ${error instanceof Error ? error.message : String(error)}`);
  }
  everyPaper.push(...papers);
  for (const entry of parse(bib, { english: false, applyCrossRef: true, unsupported: () => '' }).entries) {
    const fields = new Set(Object.keys(entry.fields).map((field) => ALIASES[field] ?? field));
    sourceFields.set(entry.key, new Set([...(sourceFields.get(entry.key) ?? []), ...fields]));
  }
  // An item is matched by its citation key and title; else by its key alone when the key is
  // unique on both sides; else by its title (an entry without a key, or whose key Better BibTeX
  // replaced with one of its own: "Endnote should parse", "Options to use default import process #1562").
  const keyOf = (paper: SavedPaper) => paper.extra?.bibtex?.['@key'];
  const keyed = expected.filter((item) => item.title && item.citationKey);
  const inBib = (key: string) =>
    bib.match(new RegExp(`@\\s*\\w+\\s*[{(]\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*,`, 'g'))?.length ?? 0;
  for (const item of keyed) {
    if (!item.title || !item.citationKey) continue;
    const title = foldTitle(plain(item.title) ?? '');
    const sameKey = papers.filter((paper) => keyOf(paper) === item.citationKey);
    const agrees = (paper: SavedPaper) => foldTitle(plain(paper.title) ?? '') === title;
    // More oracle items under a key than entries in the .bib: the ones no entry agrees with are not in it.
    const oracleCount = keyed.filter((other) => other.citationKey === item.citationKey).length;
    const bibCount = inBib(item.citationKey);
    if (oracleCount > bibCount && bibCount > 0 && !papers.some(agrees)) {
      notInFile.push(`${name} ${item.citationKey}: ${JSON.stringify(item.title)} is not in the .bib`);
      continue;
    }
    withTitle++;
    const paper =
      sameKey.find(agrees) ??
      (sameKey.length === 1 && keyed.filter((other) => other.citationKey === item.citationKey).length === 1
        ? sameKey[0]
        : undefined) ??
      papers.find(
        (candidate) => agrees(candidate) && !expected.some((other) => other.citationKey === keyOf(candidate)),
      );
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
// Exports of everything that came in: BibTeX re-read by Better BibTeX's parser, the fields each
// BibTeX type requires (btxdoc), RIS records well formed, CSL-JSON items with a CSL type and names.
const REQUIRED: Record<string, string[]> = {
  article: ['author', 'title', 'journal', 'year'],
  book: ['title', 'publisher', 'year'],
  incollection: ['author', 'title', 'booktitle', 'publisher', 'year'],
  inproceedings: ['author', 'title', 'booktitle', 'year'],
  phdthesis: ['author', 'title', 'school', 'year'],
  mastersthesis: ['author', 'title', 'school', 'year'],
  techreport: ['author', 'title', 'institution', 'year'],
};
const bibtex = exportPapers(everyPaper, 'bibtex');
const reread = parse(bibtex, { english: false, unsupported: () => '' });
let missing = 0;
let dropped = 0;
const lacking: string[] = [];
for (const entry of reread.entries) {
  const lacks = (REQUIRED[entry.type] ?? []).filter((field) => !(field in entry.fields));
  if (lacks.length === 0) continue;
  missing++;
  const had = sourceFields.get(entry.key);
  // A publisher, school or institution the source had under another of those names.
  const publisherLike = ['publisher', 'school', 'institution'];
  const lost = lacks.filter(
    (field) => had?.has(field) || (publisherLike.includes(field) && publisherLike.some((name) => had?.has(name))),
  );
  if (lost.length > 0) dropped++;
  lacking.push(
    `${entry.key} @${entry.type}: lacks ${lacks.join(', ')}${lost.length > 0 ? ` (DROPPED: ${lost.join(', ')})` : ' (not in the source)'}`,
  );
}
const ris = exportPapers(everyPaper, 'ris').split('\r\n\r\n').filter(Boolean);
const badRis = ris.filter(
  (record) =>
    !/^TY {2}- [A-Z]+\r\n/.test(record) ||
    !record.endsWith('ER  - ') ||
    record
      .split('\r\n')
      .some(
        (line, index) =>
          index > 0 && !/^[A-Z][A-Z0-9] {2}- /.test(line) && !/^\s|^$/.test(line) && !line.startsWith(' '),
      ),
).length;
const CSL_TYPES = new Set(
  'article article-journal paper-conference chapter book thesis report dataset software webpage motion_picture broadcast'.split(
    ' ',
  ),
);
const csl = JSON.parse(exportPapers(everyPaper, 'csl-json')) as Record<string, unknown>[];
const badCsl = csl.filter(
  (item) =>
    typeof item.id !== 'string' ||
    !CSL_TYPES.has(String(item.type)) ||
    !(
      item.author === undefined ||
      (Array.isArray(item.author) &&
        item.author.every(
          (name) => typeof name === 'object' && name !== null && ('family' in name || 'literal' in name),
        ))
    ),
).length;
// biome-ignore lint/suspicious/noControlCharactersInRegex: counting them is the point.
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
for (const [metric, value, of] of [
  ['BibTeX export: parser errors on re-reading', reread.errors.length, reread.entries.length],
  ['BibTeX export: entries lacking a field their type requires', missing, reread.entries.length],
  ['BibTeX export: of those, lacking a required field the source entry had', dropped, reread.entries.length],
  ['RIS export: malformed records', badRis, ris.length],
  ['CSL-JSON export: items without a CSL type or with malformed names', badCsl, csl.length],
  [
    'exports holding control characters',
    [bibtex, exportPapers(everyPaper, 'ris'), JSON.stringify(csl)].filter((text) => controls.test(text)).length,
    3,
  ],
] as const) {
  process.stdout.write(`${JSON.stringify({ metric, value, unit: 'count', of })}\n`);
}
process.stdout.write(
  `${JSON.stringify({ metric: 'entries merged into an earlier one by content key', value: byContentKey.length, unit: 'count' })}\n`,
);
if (process.argv.includes('--misses')) for (const merged of byContentKey) process.stdout.write(`${merged}\n`);
process.stdout.write(
  `${JSON.stringify({ metric: "Better BibTeX's expected items not in their .bib (not counted)", value: notInFile.length, unit: 'count' })}\n`,
);
if (process.argv.includes('--misses'))
  for (const miss of [...notInFile, ...misses, ...lacking]) process.stdout.write(`${miss}\n`);
