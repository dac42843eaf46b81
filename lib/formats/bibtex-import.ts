// BibTeX import with @retorquere/bibtex-parser (Better BibTeX's parser), loaded as ESM (its
// CommonJS build fails under Node). Options: `english: false`, so titles stay as written (no
// sentence case, no case-protection markup); LaTeX is decoded to Unicode ({\"u} → ü,
// $\ell_1$ → ℓ₁); a command the parser does not know is dropped and its argument kept.
//
// Fields, as Zotero's BibTeX translator (zotero/translators, BibTeX.js) and our export read them:
//   crossref: the parser's inheritance, plus the date fields (inheritDates);
//   title; author "Last, First" and "First Last" → "First Last", braced names whole, a final
//   "others" → authorCount (at least one more author than listed); date (biblatex) or year + month
//   → published; journal / journaltitle / booktitle / howpublished (not a \url) → venue; doi; url;
//   eprint with archivePrefix or eprinttype arXiv (or an eprint that is an arXiv id) → ids.arxiv,
//   primaryClass → a keyword unless one names it; pmid, pmcid; abstract; keywords (the parser
//   sorts them: we put them back in file order); note → the note.
// The parser renders \emph, \textbf, \url ... as HTML (<i>, <b>, <a href>); the tags are removed
// again from entries that use such commands (entries without them keep a literal "<i>").
// An entry the parser cannot read, or one without a title or anything that identifies it, is
// reported by key and line and left out; the rest are imported.
import { type Creator, type Entry, parse } from '@retorquere/bibtex-parser';
import type { NameDraft, PaperDraft } from '../paper/build';
import { parseArxivId } from '../paper/ids';
import type { PaperType } from '../paper/model';
import { prepareBibtex, unescapeAddress } from './bibtex-text';
import { FormatError } from './errors';
import { type ExtraIdScheme, isoDateFromParts, readDate, splitIdLines } from './fields';
import { type ImportedEntry, type ImportedPapers, type ImportIssue, savedFromEntries } from './imported';
import { displayName } from './names';

// Commands the parser turns into HTML markup.
const MARKUP_COMMAND =
  /\\(?:emph|textit|textbf|textsc|texttt|textsl|textsuperscript|textsubscript|url|href|em|it|bf|sc|tt|sl|item|begin)\b/;
const MARKUP_TAG =
  /<\/?(?:i|b|em|strong|code|sup|sub|p|ul|ol|li|blockquote|a)(?:\s[^>]*)?>|<span(?:\s[^>]*)?>|<\/span>/g;

// The parser prints a < or > typed in a field as ¡ or ¿, as TeX's old OT1 fonts do; every modern
// font (T1), and everyone reading an abstract ("p < 0.05"), means < and >. They are put back
// unless the entry has a ¡ or ¿ of its own, or the !` ?` ligatures that make them.
function restoreAngles(decoded: string, raw: string): string {
  return /[¡¿]|[!?]`/.test(raw) ? decoded : decoded.replace(/¡/g, '<').replace(/¿/g, '>');
}

/** Line numbers of offsets in a text, counted on from the last offset asked (offsets mostly grow). */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 1;
    }
    for (let i = text.indexOf('\n', at); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    at = offset;
    return line;
  };
}

function entryKey(input: string | undefined): string | undefined {
  return input ? /^\s*@\s*\w+\s*[{(]\s*([^,\s{}()]+)/.exec(input)?.[1] : undefined;
}

function creatorParts(creator: Creator): NameDraft {
  if (creator.name) return { literal: creator.name };
  return { family: creator.lastName, given: creator.firstName, particle: creator.prefix, suffix: creator.suffix };
}

/** BibTeX and biblatex entry types by the kind of work they are; the type itself is kept in extra. */
const TYPES: Record<string, PaperType> = {
  article: 'article',
  inproceedings: 'conference',
  conference: 'conference',
  proceedings: 'book',
  incollection: 'chapter',
  inbook: 'chapter',
  inreference: 'chapter',
  book: 'book',
  mvbook: 'book',
  booklet: 'book',
  collection: 'book',
  reference: 'book',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  techreport: 'report',
  report: 'report',
  unpublished: 'preprint',
  online: 'webpage',
  electronic: 'webpage',
  www: 'webpage',
  dataset: 'dataset',
  data: 'dataset',
  software: 'software',
  // biblatex-software's finer types.
  softwareversion: 'software',
  softwaremodule: 'software',
  codefragment: 'software',
  // Types other tools write: JabRef's and Better BibTeX's @webpage, Mendeley's @web_page and @book_section.
  webpage: 'webpage',
  web_page: 'webpage',
  book_section: 'chapter',
  movie: 'film',
  film: 'film',
  video: 'video',
  misc: 'other',
};

// biblatex-apa's @video subtypes (Better BibTeX's fixture "Film references do not export properly
// for APA formating #2494"): a film, or a TV broadcast or episode, as Zotero reads them.
const VIDEO_SUBTYPES: Record<string, PaperType> = { film: 'film', tvbroadcast: 'broadcast', tvepisode: 'broadcast' };

// The entry types whose `organization` is their publisher (biblatex: @manual, @online; a @misc alike).
const ORGANIZATION_PUBLISHES = new Set(['manual', 'online', 'electronic', 'www', 'webpage', 'misc']);

// Fields read into the model; every other field is kept in extra.bibtex and written back.
const READ_FIELDS = new Set(
  'title subtitle author editor journal journaltitle booktitle howpublished abstract doi url eprint archiveprefix eprinttype primaryclass pmid pmcid keywords note annote date year month day volume number issue pages publisher address location isbn issn edition series language langid school institution entrysubtype'.split(
    ' ',
  ),
);

// An address written as \url{...} or \href{...}{...} anywhere in the entry.
const URL_COMMAND = /\\(?:url|href)\s*\{\s*(https?:\/\/[^\s{}]+)\s*\}/;

function unescapeOrUndefined(value: string | undefined): string | undefined {
  return value === undefined ? undefined : unescapeAddress(value);
}

function creatorName(creator: Creator): string {
  if (creator.name) return creator.name;
  return displayName({
    given: creator.firstName,
    particle: creator.prefix,
    family: creator.lastName,
    suffix: creator.suffix,
  });
}

// The parser sorts keywords; the order they were written in is the one the paper gave them.
function keywordsInOrder(keywords: readonly string[], input: string): string[] {
  const start = Math.max(0, input.search(/\bkeywords\s*=/i));
  const at = (keyword: string) => {
    const found = input.indexOf(keyword, start);
    return found < 0 ? Number.POSITIVE_INFINITY : found;
  };
  return [...keywords].sort((a, b) => at(a) - at(b));
}

function entryFrom(entry: Entry, line: number | undefined, abstract?: string): ImportedEntry {
  const fields = entry.fields;
  const markup = MARKUP_COMMAND.test(entry.input);
  const field = (name: string): string | undefined => {
    const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (typeof value !== 'string') return undefined;
    return restoreAngles(markup ? value.replace(MARKUP_TAG, '') : value, entry.input);
  };
  const creators = fields.author ?? [];
  const last = creators.at(-1);
  const cut = last !== undefined && !last.firstName && /^others$/i.test(last.lastName ?? last.name ?? '');
  const authors = (cut ? creators.slice(0, -1) : creators).map(creatorName);

  const archive = (field('archiveprefix') ?? field('eprinttype'))?.toLowerCase();
  const eprint = field('eprint');
  const arxiv = eprint && (archive === 'arxiv' || (!archive && parseArxivId(eprint))) ? eprint : undefined;

  const keywords = keywordsInOrder(fields.keywords ?? [], entry.input);
  const primaryClass = field('primaryclass');
  if (
    arxiv &&
    primaryClass &&
    !keywords.some((keyword) => keyword === primaryClass || keyword.endsWith(`(${primaryClass})`)) &&
    !arxiv.startsWith(`${primaryClass}/`)
  ) {
    keywords.push(primaryClass);
  }
  const type = entry.type.toLowerCase();
  const howpublished = field('howpublished');
  const howAddress = howpublished && /^(?:https?:|<a\s|\\url)/i.test(howpublished);
  const year = /\d{4}/.exec(field('year') ?? '')?.[0];
  const issued = readDate(field('date')) ?? isoDateFromParts(year, field('month'), field('day'));
  // A @misc's venue is its `howpublished` (where the BibTeX export writes it) unless that is an address.
  const container =
    field('journal') ??
    field('journaltitle') ??
    field('booktitle') ??
    (type === 'misc' && howpublished && !howAddress ? howpublished : undefined);
  const subtitle = field('subtitle');
  const title = field('title');
  // BibDesk keeps a paper's addresses as bdsk-url-1, bdsk-url-2 ... (kept in extra as written).
  const url = field('url') ?? URL_COMMAND.exec(entry.input)?.[1] ?? field('bdsk-url-1');
  const list = (value: unknown) => (Array.isArray(value) ? value.join(' and ') : undefined);
  // A conference paper's organization is its sponsor, kept as written.
  const publishedBy = ORGANIZATION_PUBLISHES.has(type)
    ? (list(fields.organization) ?? field('organization'))
    : undefined;
  const draft: PaperDraft = {
    title: title && subtitle ? `${title}${/[.?!:]$/.test(title) ? '' : '.'} ${subtitle}` : title,
    authors,
    authorCount: cut ? authors.length + 1 : undefined,
    published: issued,
    venue: container ?? (howpublished && !howAddress ? howpublished : undefined),
    abstract: abstract ?? field('abstract'),
    ids: { doi: unescapeOrUndefined(field('doi')), arxiv, pubmed: field('pmid'), pmcid: field('pmcid') },
    url: unescapeOrUndefined(url),
    keywords,
    source: 'bibtex',
    type: TYPES[type] ?? 'other',
    names: (cut ? creators.slice(0, -1) : creators).map(creatorParts),
    editors: (fields.editor ?? []).map(creatorParts),
    container,
    volume: field('volume'),
    issue: field('number') ?? field('issue'),
    pages: field('pages'),
    publisher:
      list(fields.publisher) ??
      field('publisher') ??
      field('school') ??
      list(fields.institution) ??
      field('institution') ??
      publishedBy,
    place: list(fields.address) ?? field('address') ?? list(fields.location) ?? field('location'),
    edition: field('edition'),
    series: field('series'),
    isbn: field('isbn'),
    issn: field('issn'),
    language: field('language') ?? field('langid'),
    genre: field('entrysubtype'),
    issued,
  };
  // Zotero writes its Extra field (ids such as "arXiv:1706.03762 [cs]") into `note`; the rest of
  // `note` is a citation field (styles print it), kept as written. `annote` is the reader's own note.
  const noted = splitIdLines(field('note'));
  const ids = draft.ids ?? {};
  for (const [scheme, found] of Object.entries(noted.ids) as [ExtraIdScheme, string][]) ids[scheme] ??= found;
  draft.ids = ids;
  if ((type === 'misc' || type === 'unpublished') && ids.arxiv) draft.type = 'preprint';
  const subtype = VIDEO_SUBTYPES[draft.genre?.toLowerCase() ?? ''];
  if (type === 'video' && subtype) draft.type = subtype;
  const kept: Record<string, string> = { '@type': type, '@key': entry.key };
  if (noted.note) kept.note = noted.note;
  if (howpublished && howAddress && url !== undefined && !URL_COMMAND.test(entry.input))
    kept.howpublished = howpublished;
  for (const [name, value] of Object.entries(fields)) {
    // A year or date that reads as no date at all (`year = {6}`) is kept as written, not dropped.
    const unreadDate = (name === 'year' || name === 'date') && issued === undefined;
    if (
      (READ_FIELDS.has(name) && !unreadDate) ||
      (name === 'organization' && publishedBy !== undefined && draft.publisher === publishedBy)
    )
      continue;
    const text =
      typeof value === 'string' ? field(name) : Array.isArray(value) ? value.map(String).join(' and ') : undefined;
    if (text) kept[name] = text;
  }
  draft.extra = { bibtex: kept };
  const result: ImportedEntry = { draft, key: entry.key };
  if (line !== undefined) result.line = line;
  const annote = field('annote');
  if (annote) result.note = annote;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Abstracts without the LaTeX grammar
//
// The parser runs its LaTeX grammar (unified-latex's PEG) over every field, at about 10 µs a
// character: 1,000 entries with 1 KB abstracts took 10 s here. Abstracts are most of a .bib, and
// most are plain text whose only LaTeX is an escaped special (\% \& \_ ..., as our export and
// Zotero's write them). So before parsing, each braced `abstract` value is lifted out of the text
// (its characters but line breaks become spaces: offsets and line numbers stay, and the parser
// skips a blank field). A lifted abstract that is plain text with such escapes is decoded here
// exactly as the parser would (bibtex-import.test.ts compares the two on random text); any other
// is given to the parser on its own. If the file is laid out in any way the scanner below does
// not expect, nothing is lifted and the parser reads the file as it is.

const SIMPLE_ESCAPE =
  /\\text(backslash|less|greater|bar|asciitilde|asciicircum|braceleft|braceright)\{\}|\{\\text(backslash|less|greater|bar|asciitilde|asciicircum)\}|\\([&%$#_{}])|\{\}/g;
const TEXT_SYMBOL: Record<string, string> = {
  backslash: '\\',
  less: '<',
  greater: '>',
  bar: '|',
  asciitilde: '~',
  asciicircum: '^',
  braceleft: '{',
  braceright: '}',
};

/** Decodes a field value that is plain text with escaped specials; undefined for any other LaTeX. */
export function decodePlainLatex(raw: string): string | undefined {
  // TeX ligatures (-- `` '' << >>) and any other special need the parser.
  if (/--|''|<<|>>/.test(raw) || /[\\{}$~^%#_&`]/.test(raw.replace(SIMPLE_ESCAPE, ''))) return undefined;
  // A typed < or > next to a typed ¡ or ¿ cannot be told apart from them (restoreAngles).
  if (/[<>]/.test(raw) && /[¡¿]/.test(raw)) return undefined;
  return raw
    .replace(SIMPLE_ESCAPE, (_match, command?: string, braced?: string, special?: string) =>
      command || braced ? (TEXT_SYMBOL[command ?? braced ?? ''] ?? '') : (special ?? ''),
    )
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

// Index just past the brace that closes the one at `open` (a backslash escapes the next
// character, as in the parser); -1 when the text ends first.
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Lifts each braced `abstract` value out of BibTeX text: the text with those values blanked, and
 * the raw values by the offset of their entry's "@". Nothing is lifted when the layout is not the
 * plain one this scanner reads.
 */
function liftAbstracts(text: string): { text: string; abstracts: Map<number, string> } {
  const none = { text, abstracts: new Map<number, string>() };
  const abstracts = new Map<number, string>();
  const cuts: [number, number][] = [];
  const entryStart = /@\s*([A-Za-z]+)\s*([{(])/g;
  const space = /\s*/y;
  const name = /[^\s=,{}()"#%]+/y;
  const bare = /[^\s,#{}()"=]+/y;
  const skip = (at: number): number => {
    space.lastIndex = at;
    space.exec(text);
    return space.lastIndex;
  };
  let pos = 0;
  for (let start = entryStart.exec(text); start; start = entryStart.exec(text)) {
    if (start.index < pos) return none;
    const open = start.index + start[0].length - 1;
    const close = start[2] === '{' ? '}' : ')';
    const type = (start[1] ?? '').toLowerCase();
    if (type === 'comment' || type === 'preamble' || type === 'string') {
      if (close !== '}') return none;
      pos = closingBrace(text, open);
      if (pos < 0) return none;
      entryStart.lastIndex = pos;
      continue;
    }
    let i = text.indexOf(',', open);
    const shut = text.indexOf(close, open);
    if (i < 0 || (shut >= 0 && shut < i)) return none;
    for (;;) {
      i = skip(i + 1);
      if (text.charAt(i) === close) break;
      name.lastIndex = i;
      const field = name.exec(text)?.[0];
      if (!field) return none;
      i = skip(name.lastIndex);
      if (text.charAt(i) !== '=') return none;
      const parts: [number, number][] = [];
      for (;;) {
        i = skip(i + (parts.length === 0 ? 1 : 0));
        const ch = text.charAt(i);
        let end: number;
        if (ch === '{') end = closingBrace(text, i);
        else if (ch === '"') end = text.indexOf('"', i + 1) + 1;
        else {
          bare.lastIndex = i;
          end = bare.exec(text) ? bare.lastIndex : -1;
        }
        if (end <= 0) return none;
        parts.push([i, end]);
        i = skip(end);
        if (text.charAt(i) !== '#') break;
        i++;
      }
      const [only] = parts;
      if (field.toLowerCase() === 'abstract' && parts.length === 1 && only && text.charAt(only[0]) === '{') {
        abstracts.set(start.index, text.slice(only[0] + 1, only[1] - 1));
        cuts.push([only[0] + 1, only[1] - 1]);
      }
      if (text.charAt(i) === close) break;
      if (text.charAt(i) !== ',') return none;
    }
    pos = i + 1;
    entryStart.lastIndex = pos;
  }
  if (cuts.length === 0) return none;
  let lifted = '';
  let from = 0;
  for (const [begin, end] of cuts) {
    lifted += text.slice(from, begin) + text.slice(begin, end).replace(/[^\n]/g, ' ');
    from = end;
  }
  return { text: lifted + text.slice(from), abstracts };
}

/** Decodes lifted abstracts: plain ones here, the others in one run of the parser. */
function decodeAbstracts(raws: readonly string[]): (string | undefined)[] {
  const decoded = raws.map(decodePlainLatex);
  const hard = decoded.flatMap((value, index) => (value === undefined ? [index] : []));
  if (hard.length > 0) {
    const bib = hard.map((index) => `@misc{a${index},\nabstract = {${raws[index]}}}\n`).join('\n');
    let parsed: Entry[] = [];
    try {
      parsed = parse(bib, { english: false, unsupported: () => '' }).entries;
    } catch {
      // Left undefined: those papers come without an abstract rather than not at all.
    }
    for (const entry of parsed) {
      const index = Number(entry.key.slice(1));
      const value = entry.fields.abstract;
      if (typeof value === 'string' && Number.isInteger(index)) {
        const raw = raws[index] ?? '';
        decoded[index] = restoreAngles(MARKUP_COMMAND.test(raw) ? value.replace(MARKUP_TAG, '') : value, raw);
      }
    }
  }
  return decoded;
}

// The parser's crossref inheritance (biblatex's rules for the fields it names) leaves out the
// date: a chapter crossref'd to its book has no year of its own (Better BibTeX's fixture
// "Crossrefd incollection items are missing date on import #3514"). BibTeX's crossref and
// biblatex's default inherit every date field the child lacks.
const DATE_FIELDS = ['date', 'year', 'month', 'day'] as const;

/** Gives each entry with a `crossref` the date fields it lacks from the entry it names in the file. */
function inheritDates(entries: readonly Entry[]): void {
  const byKey = new Map(entries.map((entry) => [entry.key.toUpperCase(), entry]));
  for (const entry of entries) {
    const target = entry.fields.crossref;
    const parent = typeof target === 'string' ? byKey.get(target.toUpperCase()) : undefined;
    if (!parent || parent === entry || DATE_FIELDS.some((name) => Object.hasOwn(entry.fields, name))) continue;
    const fields = entry.fields as Record<string, unknown>;
    for (const name of DATE_FIELDS) {
      const value = parent.fields[name];
      if (typeof value === 'string') fields[name] = value;
    }
  }
}

// Text commands (textcomp's) the parser does not decode.
const TEXT_COMMANDS: Record<string, string> = { textquotesingle: "'", ...adsJournals() };

// The journal macros of NASA ADS's BibTeX (`journal = {\apj}`), as AAS's aas_macros.sty prints
// them: an astronomer's .bib from ADS names most journals this way.
function adsJournals(): Record<string, string> {
  return {
    aj: 'AJ',
    actaa: 'Acta Astron.',
    araa: 'ARA&A',
    apj: 'ApJ',
    apjl: 'ApJ',
    apjs: 'ApJS',
    ao: 'Appl. Opt.',
    apss: 'Ap&SS',
    aap: 'A&A',
    aapr: 'A&A Rev.',
    aaps: 'A&AS',
    azh: 'AZh',
    baas: 'BAAS',
    icarus: 'Icarus',
    jcap: 'J. Cosmology Astropart. Phys.',
    jrasc: 'JRASC',
    memras: 'MmRAS',
    mnras: 'MNRAS',
    na: 'New A',
    nar: 'New A Rev.',
    pra: 'Phys. Rev. A',
    prb: 'Phys. Rev. B',
    prc: 'Phys. Rev. C',
    prd: 'Phys. Rev. D',
    pre: 'Phys. Rev. E',
    prl: 'Phys. Rev. Lett.',
    pasa: 'PASA',
    pasp: 'PASP',
    pasj: 'PASJ',
    qjras: 'QJRAS',
    skytel: 'S&T',
    solphys: 'Sol. Phys.',
    sovast: 'Soviet Ast.',
    ssr: 'Space Sci. Rev.',
    zap: 'ZAp',
    nat: 'Nature',
    iaucirc: 'IAU Circ.',
    aplett: 'Astrophys. Lett.',
    gca: 'Geochim. Cosmochim. Acta',
    grl: 'Geophys. Res. Lett.',
    jcp: 'J. Chem. Phys.',
    jgr: 'J. Geophys. Res.',
    jqsrt: 'J. Quant. Spec. Radiat. Transf.',
    nphysa: 'Nucl. Phys. A',
    physrep: 'Phys. Rep.',
    physscr: 'Phys. Scr',
    planss: 'Planet. Space Sci.',
    procspie: 'Proc. SPIE',
  };
}

/**
 * Reads BibTeX: one saved paper (unread, saved `now`) per entry, in file order; an entry the parser
 * reports, or one that is not a paper, is left out and reported by key and line. Throws FormatError
 * when the text holds no BibTeX entry at all.
 */
export function parseBibtex(text: string, options: { now?: Date } = {}): ImportedPapers {
  if (!/^\s*@\s*[A-Za-z]+\s*[{(]/m.test(text)) {
    throw new FormatError('not BibTeX: no entry such as "@article{key, title = {...}}" in the file');
  }
  // Offsets and lines are the same in the prepared and lifted text as in the file.
  const prepared = prepareBibtex(text);
  const lifted = liftAbstracts(prepared.text);
  let library: ReturnType<typeof parse>;
  // Commands the parser does not know (ADS's journal macros such as \aap, a style's own) are
  // dropped, their arguments kept: named per entry in the warnings, never silently.
  const unknown = new Map<string, Set<string>>();
  const unsupported = (_node: unknown, tex: string, entry: Entry) => {
    const known = TEXT_COMMANDS[/^\\([a-zA-Z]+)/.exec(tex)?.[1] ?? ''];
    if (known !== undefined) return known;
    const commands = unknown.get(entry.key) ?? new Set<string>();
    commands.add(tex.slice(0, 40));
    unknown.set(entry.key, commands);
    return '';
  };
  try {
    library = parse(lifted.text, { english: false, applyCrossRef: true, unsupported });
  } catch (error) {
    throw new FormatError(`not readable BibTeX: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (library.entries.length === 0 && library.errors.length === 0) {
    throw new FormatError(
      'not BibTeX: no entry such as "@article{key, title = {...}}" in the file, only comments or @string definitions',
    );
  }
  inheritDates(library.entries);
  const lineAt = lineCounter(lifted.text);
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const failed = new Set<string>();
  // Problems come in file order: each is looked for after the last one found (linear in the file).
  let from = 0;
  for (const problem of library.errors) {
    const key = entryKey(problem.input);
    let offset = problem.input ? lifted.text.indexOf(problem.input, from) : -1;
    if (offset < 0 && problem.input) offset = lifted.text.indexOf(problem.input);
    else if (offset >= 0) from = offset + 1;
    const line = offset >= 0 ? lineAt(offset) : Number(/\bline (\d+)/.exec(problem.error)?.[1]) || undefined;
    const message = (problem.error.split('\n')[0] ?? problem.error).replace(/\s+/g, ' ').trim();
    // BibTeX itself only warns about an undefined @string; the parser keeps its name as the value.
    const unresolved = /^Unresolved @string reference "([^"]*)"/.exec(message);
    if (unresolved) {
      warnings.push({ message: `@string ${unresolved[1]} is not defined in the file: its name is kept as the value` });
      continue;
    }
    const issue: ImportIssue = { message: `the entry cannot be read: ${message}` };
    if (line !== undefined) issue.line = line;
    if (key !== undefined) {
      issue.key = key;
      failed.add(key);
    }
    errors.push(issue);
  }
  const found: { entry: Entry; line: number | undefined; abstract: string | undefined }[] = [];
  let cursor = 0;
  for (const entry of library.entries) {
    if (failed.has(entry.key) || entry.input.trim() === '') continue;
    const offset = lifted.text.indexOf(entry.input, cursor);
    if (offset >= 0) cursor = offset + entry.input.length;
    const abstract = offset >= 0 ? lifted.abstracts.get(offset) : undefined;
    found.push({ entry, line: offset >= 0 ? lineAt(offset) : undefined, abstract });
  }
  for (const { entry, line } of found) {
    const commands = unknown.get(entry.key);
    if (!commands) continue;
    const issue: ImportIssue = {
      key: entry.key,
      message: `${[...commands].join(', ')}: not a LaTeX command the reader knows; dropped, any argument kept`,
    };
    if (line !== undefined) issue.line = line;
    warnings.push(issue);
  }
  const abstracts = decodeAbstracts(found.map((item) => item.abstract ?? ''));
  const entries = found.map((item, index) =>
    entryFrom(item.entry, item.line, item.abstract === undefined ? undefined : abstracts[index]),
  );
  const saved = savedFromEntries(entries, options.now ?? new Date());
  const byLine = (a: ImportIssue, b: ImportIssue) => (a.line ?? 0) - (b.line ?? 0);
  return {
    papers: saved.papers,
    errors: [...errors, ...saved.errors].sort(byLine),
    warnings: [...prepared.warnings, ...warnings, ...(saved.warnings ?? [])].sort(byLine),
  };
}
