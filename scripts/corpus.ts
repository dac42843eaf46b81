// `npx tsx scripts/corpus.ts [--misses]`: issue 8's "Done means" figures on the real
// bibliographies under tests/fixtures/bib/ (lib/formats/corpora.ts: Better BibTeX's import
// fixtures, Zotero's BibTeX and RIS translator tests, JabRef's RIS importer tests, each input
// beside what its oracle makes of it). Prints, as JSON lines: the share of entries with a title that come in, and for each
// field (title ignoring case, family names, year, DOI, URL, abstract, volume, issue, pages,
// publisher, type) the share equal to the oracle's item, over all corpora and per corpus; then the
// export checks. `--misses` lists every difference. Not part of `npm test` (oracle-corpora.test.ts
// holds the same comparison with each difference named).
import { parse } from '@retorquere/bibtex-parser';
import {
  CORPORA,
  compareWithOracles,
  corpusFiles,
  cslSchemaErrors,
  FIELDS,
  importCorpusFile,
  risProblems,
} from '../lib/formats/corpora';
import { exportPapers } from '../lib/formats/index';

const files = corpusFiles();
const comparison = compareWithOracles(files);
const everyPaper = comparison.papers;
// The fields each BibTeX source entry had (by citation key, under BibTeX's names), to tell a
// field the export dropped from one the file never had.
const sourceFields = new Map<string, Set<string>>();
const ALIASES: Record<string, string> = { journaltitle: 'journal', date: 'year', location: 'address' };
const byContentKey: string[] = [];
for (const file of files) {
  for (const error of importCorpusFile(file).errors) {
    if (/same paper \(ref:/.test(error.message))
      byContentKey.push(`${file.corpus}/${file.name} ${error.key}: ${error.message}`);
  }
  if (!file.name.endsWith('.bib')) continue;
  for (const entry of parse(file.text, { english: false, applyCrossRef: true, unsupported: () => '' }).entries) {
    const fields = new Set(Object.keys(entry.fields).map((field) => ALIASES[field] ?? field));
    sourceFields.set(entry.key, new Set([...(sourceFields.get(entry.key) ?? []), ...fields]));
  }
}

const percent = (part: number, whole: number) => Number(((100 * part) / Math.max(whole, 1)).toFixed(1));
const misses = comparison.missing.map((entry) => `${entry}: did not come in`);
const { withTitle, missing: absent } = comparison;
process.stdout.write(
  `${JSON.stringify({ metric: 'entries with a title that come in', value: percent(withTitle.length - absent.length, withTitle.length), unit: '%', of: withTitle.length })}\n`,
);
for (const field of FIELDS) {
  for (const corpus of [undefined, ...CORPORA]) {
    const compared = comparison.fields.filter(
      (each) => each.field === field && (corpus === undefined || each.entry.startsWith(`${corpus.dir}/`)),
    );
    if (compared.length === 0) continue;
    const different = compared.filter((each) => each.expected !== each.actual);
    if (corpus === undefined)
      misses.push(
        ...different.map(
          (each) =>
            `${each.entry} ${field}: expected ${JSON.stringify(each.expected).slice(0, 120)}, got ${JSON.stringify(each.actual)?.slice(0, 120)}`,
        ),
      );
    const where = corpus ? { corpus: corpus.dir, oracle: corpus.oracle } : { corpus: 'all' };
    process.stdout.write(
      `${JSON.stringify({ metric: `${field} equal to the oracle's item`, ...where, value: percent(compared.length - different.length, compared.length), unit: '%', of: compared.length })}\n`,
    );
  }
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
const ris = exportPapers(everyPaper, 'ris');
const csl = JSON.parse(exportPapers(everyPaper, 'csl-json')) as unknown[];
// biome-ignore lint/suspicious/noControlCharactersInRegex: counting them is the point.
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
for (const [metric, value, of] of [
  ['BibTeX export: parser errors on re-reading', reread.errors.length, reread.entries.length],
  ['BibTeX export: entries lacking a field their type requires', missing, reread.entries.length],
  ['BibTeX export: of those, lacking a required field the source entry had', dropped, reread.entries.length],
  ['RIS export: lines a RIS reader would trip on', risProblems(ris).problems.length, risProblems(ris).records],
  ['CSL-JSON export: errors against the CSL input schema', cslSchemaErrors(csl).length, csl.length],
  [
    'exports holding control characters',
    [bibtex, ris, JSON.stringify(csl)].filter((text) => controls.test(text)).length,
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
  `${JSON.stringify({ metric: 'oracle items not in their file (not counted)', value: comparison.notInFile.length, unit: 'count' })}\n`,
);
if (process.argv.includes('--misses'))
  for (const miss of [...comparison.notInFile, ...misses, ...lacking]) process.stdout.write(`${miss}\n`);
