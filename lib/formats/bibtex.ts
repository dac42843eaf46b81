// BibTeX export. What the .bib looks like, and why:
//
// Entry types (first rule that applies):
//   1. `@inproceedings` (venue → booktitle) when the venue names a conference: "Proceedings",
//      "Conference", "Symposium", "Workshop", "Meeting", ... or a well-known acronym (NeurIPS,
//      ICML, ICLR, CVPR, ACL, EMNLP, AAAI, ...). Proceedings papers often carry DOIs too, so the
//      venue decides, not the DOI.
//   2. `@article` (venue → journal) when the venue is a journal (not a preprint server such as
//      arXiv, bioRxiv, SSRN, OpenReview) and the paper has a DOI or no arXiv id.
//   3. `@misc` otherwise: arXiv preprints (a journal-ref without a DOI included), DOI-only or
//      URL-only papers; a venue that did not fit above goes to `howpublished`.
//   Any paper with an arXiv id gets `eprint`, `archivePrefix = {arXiv}` and, when known,
//   `primaryClass` (the first keyword that is an arXiv category, as "cs.LG" or
//   "Machine Learning (cs.LG)"; else the archive of an old-style id such as hep-th/9901001).
//   PubMed ids go to `pmid` and `pmcid`, the fields Zotero's BibTeX translator reads and writes
//   (zotero/translators, BibTeX.js, extraIdentifiers), so that a re-imported paper finds its record.
//
// Titles keep their casing as written; words with a capital after their first character
// (acronyms and names such as BERT, GPT-4, ImageNet, 3D) and single capitals other than "A"
// ("Large N") are wrapped in braces, as DBLP and the ACL Anthology do, so styles that
// sentence-case titles keep them while lower-casing the rest. Only the word is braced, never the
// whole title: double braces would stop every style from applying its own casing.
//
// Text fields (title, author, journal, booktitle, howpublished, abstract, note) are LaTeX:
// & % $ # _ are backslash-escaped, \ ~ ^ < > | become \textbackslash{} and friends (in the
// default OT1 font < > | print as ¡ ¿ —), braces become \{ \} when they pair up and
// \textbraceleft{} \textbraceright{} when they do not (BibTeX counts braces even after a
// backslash, so an unpaired \{ would end the field early), and the ligatures -- `` '' ,, ?` !`
// are broken with {} so they stay the characters they were. Non-ASCII text stays UTF-8: biber,
// bibtexu, Zotero and JabRef read it, and \"{o}-style escapes would only lose characters (CJK).
//
// Verbatim fields are written as they are, `%`, `_`, `#`, `&` literal: doi, url and eprint
// (verbatim in biblatex/biber, typeset through \url by natbib styles, never wrapped in \url here)
// and keywords (verbatim in Better BibTeX and JabRef, a plain list for biber, never typeset).
// Only a backslash and braces that do not pair up are percent-encoded (%5C, %7B, %7D), which
// URLs and doi.org resolve alike. A comma inside one keyword cannot be kept: it separates.
//
// Whitespace is collapsed (BibTeX does the same when reading), fields end with no trailing comma.
// bibtex.test.ts reads every rule back with @retorquere/bibtex-parser (Better BibTeX's parser).
import { pageRange } from '../paper/build';
import { type ArxivId, isArxivDoi, parseArxivId } from '../paper/ids';
import type { Name, Paper, PaperType, SavedPaper } from '../paper/model';
import { MONTH_NAMES } from './fields';
import { STOP_WORDS, splitName } from './names';

// ---------------------------------------------------------------------------------------------
// Escaping

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces.
const SPACE_RUN = /[\u0000-\u001f\u007f\s]+/g;
// What collapse changes: a control character, whitespace other than one space between words.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const NEEDS_COLLAPSE = /[\u0000-\u001f\u007f]|(?! )\s| [\u0000-\u001f\u007f\s]|^ | $/;

// Control characters have no meaning in BibTeX; they go with the whitespace.
function collapse(text: string): string {
  // Most fields are clean already: one test instead of a copy of each (a million at 50,000 papers).
  return NEEDS_COLLAPSE.test(text) ? text.replace(SPACE_RUN, ' ').trim() : text;
}

const OPEN = '{'.charCodeAt(0);
const CLOSE = '}'.charCodeAt(0);

/** True when every brace in the text closes one opened before it and none stays open. */
function bracesPair(text: string): boolean {
  // Braces are single UTF-16 units, never part of a surrogate pair: no need to walk by character.
  // Most text has none at all (every word of every title is asked: 50,000 papers, a million words).
  if (!text.includes('{') && !text.includes('}')) return true;
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === OPEN) depth++;
    else if (code === CLOSE && --depth < 0) return false;
  }
  return depth === 0;
}

const TEXT_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** A character escapeText changes, or the first of a ligature it breaks. */
const NEEDS_ESCAPE = /[\\&%$#_~^<>|{}`]|--|''|,,/;

// TeX ligatures that would turn two characters into another one: -- (en dash), `` '' (quotes),
// ,, (low quotes), ?` !` (inverted marks). An empty group between them keeps them apart.
function breaksLigature(ch: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  if (next === '`') return ch === '`' || ch === '?' || ch === '!';
  return (ch === '-' || ch === "'" || ch === ',') && next === ch;
}

/** Escapes plain text for a BibTeX text field; `pairedBraces` says whether \{ \} may be used. */
function escapeText(text: string, pairedBraces = bracesPair(text)): string {
  // Most text has nothing to escape: one scan instead of a walk over every character.
  if (!NEEDS_ESCAPE.test(text)) return text;
  const chars = [...text];
  let result = '';
  chars.forEach((ch, index) => {
    if (ch === '{') result += pairedBraces ? '\\{' : '\\textbraceleft{}';
    else if (ch === '}') result += pairedBraces ? '\\}' : '\\textbraceright{}';
    else result += TEXT_ESCAPES[ch] ?? ch;
    if (breaksLigature(ch, chars[index + 1])) result += '{}';
  });
  return result;
}

/** Writes a value for a verbatim field (doi, url, eprint, keywords). */
function escapeVerbatim(text: string): string {
  const value = collapse(text).replace(/\\/g, '%5C');
  return bracesPair(value) ? value : value.replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

// A word's core runs from its first letter or digit to its last: "(BERT):" → "BERT".
const WORD_PARTS = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u;
// A word whose core is braced: a capital after its first character ("BERT", "ImageNet", "3D"), or
// one capital alone other than the article "A" ("Large N", "Vitamin D"): a symbol or a name.
const BRACED_WORD =
  /^(?:[^\p{L}\p{N}]*[\p{L}\p{N}].*?\p{Lu}|[^\p{L}\p{N}]*(?!A[^\p{L}\p{N}]*$)\p{Lu}[^\p{L}\p{N}]*$)/su;
// The same, for any word of a collapsed title (its words end at a space).
const BRACED_IN_TITLE =
  /[\p{L}\p{N}][^ ]*?\p{Lu}|(?:^| )[^\p{L}\p{N} ]*(?!A[^\p{L}\p{N} ]*(?: |$))\p{Lu}[^\p{L}\p{N} ]*(?: |$)/u;

/** A title-like field: escaped, with words that carry inner capitals protected by braces. */
function escapeTitle(text: string): string {
  const title = collapse(text);
  // Most titles have no word to brace and nothing to escape: two tests instead of a walk over their words.
  if (!BRACED_IN_TITLE.test(title) && !NEEDS_ESCAPE.test(title)) return title;
  const words = title.split(' ');
  const pairedBraces = words.every(bracesPair);
  return words
    .map((word) => {
      if (!BRACED_WORD.test(word)) return escapeText(word, pairedBraces);
      // Only the word itself is braced, not punctuation around it: "{BERT}:" rather than
      // "{BERT:}", so that styles still see the colon and keep the next word capitalised; and a
      // braced group that starts with a letter is never a BibTeX "special character".
      const [, lead = '', core = '', trail = ''] = WORD_PARTS.exec(word) ?? [];
      return `${escapeText(lead, pairedBraces)}{${escapeText(core, pairedBraces)}}${escapeText(trail, pairedBraces)}`;
    })
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// Names

/** A name as BibTeX reads it: "van Beethoven, Ludwig", "King, Jr., Martin Luther", "Plato". */
// The names an export has written, by display name: a library names the same people again and
// again (a lab's own authors on most of its papers), and taking a name apart costs more than the
// rest of its entry. Bounded, and emptied at each export.
const NAMES_KEPT = 50_000;
const writtenNames = new Map<string, string>();

function bibtexName(name: string): string {
  const known = writtenNames.get(name);
  if (known !== undefined) return known;
  const written = nameAsBibtex(name);
  if (writtenNames.size < NAMES_KEPT) writtenNames.set(name, written);
  return written;
}

function nameAsBibtex(name: string): string {
  const parts = splitName(collapse(name));
  if (parts.literal !== undefined) {
    // A name of several words, "others" or one with a comma is one braced group, or BibTeX would
    // take it apart; a single word needs no braces.
    const needsGroup = parts.literal.includes(' ') || /^others$/i.test(parts.literal) || parts.literal.includes(',');
    const whole = escapeText(collapse(parts.literal));
    return needsGroup ? `{${whole}}` : whole;
  }
  return [parts.family, parts.suffix, parts.given]
    .filter((part): part is string => Boolean(part))
    .map((part) => escapeText(part))
    .join(', ');
}

/** A structured name as BibTeX reads it: a literal (an organisation) braced whole, else "particle family, suffix, given". */
function structuredName(name: Name): string {
  if (name.literal !== undefined) {
    const whole = escapeText(collapse(name.literal));
    return name.literal.includes(' ') || name.literal.includes(',') || /^others$/i.test(name.literal)
      ? `{${whole}}`
      : whole;
  }
  const family = [name.particle, name.family].filter(Boolean).join(' ');
  return [family, name.suffix, name.given]
    .filter((part): part is string => Boolean(part))
    .map((part) => escapeText(collapse(part)))
    .join(', ');
}

// ---------------------------------------------------------------------------------------------
// Citation keys

const FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lower-case ASCII letters and digits only: "Gödel" → "godel", "Łukasz" → "lukasz", "张三" → "". */
function asciiWords(text: string): string[] {
  const lower = text.toLowerCase();
  // ASCII text (most titles and names) has nothing to decompose or fold.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: any ASCII character, controls too.
  const folded = /^[\u0000-\u007f]*$/.test(lower)
    ? lower
    : lower
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .replace(/[ßæœøłđðþı]/g, (ch) => FOLDS[ch] ?? ch);
  return folded
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

function baseKey(paper: Paper): string {
  const first = paper.authors[0];
  const author = first ? asciiWords(splitName(collapse(first)).last).join('') : '';
  const year = paper.published?.slice(0, 4) ?? '';
  const word = asciiWords(paper.title).find((candidate) => !STOP_WORDS.has(candidate)) ?? '';
  const key = author ? `${author}${year}${word}` : `${word}${year}`;
  return word || author ? key : `paper${year}`;
}

function suffix(n: number): string {
  // 1 → a, 26 → z, 27 → aa
  let result = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    result = String.fromCharCode(97 + ((rest - 1) % 26)) + result;
  }
  return result;
}

// A key read from a BibTeX file, written again as it was (when it is a plain BibTeX key).
function keptKey(paper: Paper): string | undefined {
  const key = paper.extra?.bibtex?.['@key'];
  return key && /^[^\s,{}()"#%'=\\~]+$/.test(key) ? key : undefined;
}

/**
 * Citation keys for papers in order: the key the paper had in the BibTeX file it came from, else
 * last name + year + first significant title word (`vaswani2017attention`); the second paper with
 * a key gets `a`, the third `b`, ... skipping any key another paper has, so the same list always
 * gives the same keys.
 */
export function citationKeys(papers: readonly Paper[]): string[] {
  const bases = papers.map((paper) => keptKey(paper) ?? baseKey(paper));
  const taken = new Set(bases);
  const seen = new Set<string>();
  // The next suffix to try for each base: every one below it is taken already (taken only grows),
  // so a base shared by thousands of papers costs one step each, not a walk from "a" each time.
  const next = new Map<string, number>();
  return bases.map((base) => {
    if (!seen.has(base)) {
      seen.add(base);
      return base;
    }
    let n = next.get(base) ?? 1;
    while (taken.has(`${base}${suffix(n)}`)) n++;
    const key = `${base}${suffix(n)}`;
    taken.add(key);
    next.set(base, n + 1);
    return key;
  });
}

// ---------------------------------------------------------------------------------------------
// Entry types and fields

const CONFERENCE =
  /\b(?:proceedings|proc\.|conference|conf\.|symposium|workshops?|colloquium|congress|meeting|summit|findings of)\b|\b(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|WACV|BMVC|ACL|EMNLP|NAACL|EACL|AACL|COLING|CoNLL|LREC|AAAI|IJCAI|KDD|WSDM|WWW|SIGIR|CIKM|RecSys|CHI|UIST|CSCW|ICASSP|INTERSPEECH|Interspeech|UAI|AISTATS|COLT|CoRL|ICRA|IROS|SIGGRAPH|MICCAI|SIGMOD|VLDB|ICDE|OSDI|SOSP|NSDI|PLDI|POPL|ICSE|ASPLOS|ISCA|STOC|FOCS|SODA|PMLR)\b/i;
const PREPRINT_SERVER =
  /\b(?:arxiv|biorxiv|medrxiv|chemrxiv|psyarxiv|socarxiv|techrxiv|eartharxiv|ssrn|research square|openreview|preprints?|hal|zenodo|osf)\b/i;

// arXiv categories: archive.SUBJECT ("cs.LG", "cond-mat.mes-hall") or a bare archive ("hep-th").
const ARXIV_CATEGORY =
  /^(?:(?:cs|math|stat|physics|q-bio|q-fin|econ|eess|nlin|astro-ph|cond-mat)\.[A-Za-z]{2,}(?:-[a-z]+)?|astro-ph|cond-mat|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nlin|nucl-ex|nucl-th|quant-ph)$/;

function arxivCategory(keyword: string): string | undefined {
  const value = keyword.trim();
  if (ARXIV_CATEGORY.test(value)) return value;
  const code = /\(([^()]+)\)$/.exec(value)?.[1]?.trim();
  return code && ARXIV_CATEGORY.test(code) ? code : undefined;
}

function primaryClass(paper: Paper, arxiv: ArxivId): string | undefined {
  for (const keyword of paper.keywords ?? []) {
    const category = arxivCategory(keyword);
    if (category) return category;
  }
  const archive = arxiv.id.includes('/') ? arxiv.id.split('/')[0] : undefined;
  return archive && ARXIV_CATEGORY.test(archive) ? archive : undefined;
}

/** The BibTeX type of each kind of work (biblatex's own types for data, software and web pages are kept only when read). */
const TYPE_OF: Record<PaperType, string> = {
  article: 'article',
  conference: 'inproceedings',
  chapter: 'incollection',
  book: 'book',
  thesis: 'phdthesis',
  report: 'techreport',
  preprint: 'misc',
  dataset: 'misc',
  software: 'misc',
  webpage: 'misc',
  film: 'movie',
  video: 'video',
  broadcast: 'video',
  other: 'misc',
};

/**
 * The BibTeX entry type of a paper: the one it was read with, else its kind of work's, else (a
 * paper from a page) by the rule at the top of this file.
 */
export function entryType(paper: Paper): string {
  const kept = paper.extra?.bibtex?.['@type'];
  if (kept && /^[a-z]+$/.test(kept)) return kept;
  return TYPE_OF[workType(paper)];
}

/** A paper's kind of work: its own, else (a paper from a page) by its venue and ids (the rule at the top). */
export function workType(paper: Paper): PaperType {
  if (paper.type) return paper.type;
  const venue = paper.venue;
  if (venue && CONFERENCE.test(venue)) return 'conference';
  const doi = paper.ids?.doi && !isArxivDoi(paper.ids.doi) ? paper.ids.doi : undefined;
  if (venue && !PREPRINT_SERVER.test(venue) && (doi || !paper.ids?.arxiv)) return 'article';
  return paper.ids?.arxiv ? 'preprint' : 'other';
}

function field(name: string, value: string | undefined): string | undefined {
  return value ? `  ${name} = {${value}}` : undefined;
}

function authorField(paper: Paper): string | undefined {
  if (paper.authors.length === 0) return undefined;
  // Structured names when they are the authors' own; else the display names taken apart.
  const names =
    paper.names?.length === paper.authors.length ? paper.names.map(structuredName) : paper.authors.map(bibtexName);
  if (paper.authorCount !== undefined && paper.authorCount > paper.authors.length) names.push('others');
  return names.join(' and ');
}

/** Page ranges with BibTeX's en dash: "1–20", "1-20" → "1--20"; a hyphen that is not a range's stays one. */
function pagesField(pages: string): string {
  return (pageRange(collapse(pages)) ?? '')
    .split(/\s*[–—]\s*/)
    .map((part) => escapeText(part))
    .join('--');
}

// Fields that are verbatim when kept from a file: addresses, files, identifiers.
const VERBATIM_EXTRA = /^(?:.*url|file|eprint.*|doi|.*date)$/;

// Where the container and the publisher go in each entry type.
const CONTAINER_FIELD: Record<string, string> = {
  article: 'journal',
  inproceedings: 'booktitle',
  conference: 'booktitle',
  incollection: 'booktitle',
  inbook: 'booktitle',
};
/**
 * The field the container goes in: the entry type's own; `howpublished` for @misc (an arXiv venue
 * left out); for an entry type read from a file that has none (@book, @inreference, @periodical …),
 * `journal` or `booktitle`, which the reader takes back as the container.
 */
function containerFieldOf(paper: Paper, type: string, venueIsArxiv: boolean): string | undefined {
  const own = CONTAINER_FIELD[type];
  if (own) return own;
  if (type === 'misc') return venueIsArxiv ? undefined : 'howpublished';
  if (paper.container === undefined) return undefined;
  return ['article', 'other'].includes(workType(paper)) ? 'journal' : 'booktitle';
}

const PUBLISHER_FIELD: Record<string, string> = {
  phdthesis: 'school',
  mastersthesis: 'school',
  thesis: 'institution',
  techreport: 'institution',
  report: 'institution',
};

function entry(paper: Paper | SavedPaper, key: string): string {
  const type = entryType(paper);
  const arxiv = paper.ids?.arxiv ? (parseArxivId(paper.ids.arxiv) ?? { id: paper.ids.arxiv }) : undefined;
  const doi = paper.ids?.doi && !isArxivDoi(paper.ids.doi) ? paper.ids.doi : undefined;
  const date = paper.issued ?? paper.published;
  const month = date && date.length >= 7 ? MONTH_NAMES[Number(date.slice(5, 7)) - 1] : undefined;
  const container = paper.container ?? paper.venue;
  const venueIsArxiv = container !== undefined && arxiv !== undefined && /^arxiv\b/i.test(container);
  const containerField = containerFieldOf(paper, type, venueIsArxiv);
  const kept = paper.extra?.bibtex ?? {};
  // The private note is `annote` (styles do not print it); a `note` read from a file is written back as `note`.
  const annote = 'note' in paper ? paper.note : undefined;
  const keywords = [...new Set([...(paper.keywords ?? []), ...('tags' in paper ? (paper.tags ?? []) : [])])];
  const text = (value: string | undefined) => value && escapeText(collapse(value));
  const lines = [
    field('title', escapeTitle(paper.title)),
    field('author', authorField(paper)),
    field('editor', paper.editors?.map(structuredName).join(' and ')),
    field('year', date?.slice(0, 4)),
    month ? `  month = ${month}` : undefined,
    // biblatex reads the day from `date`; BibTeX has no day field.
    date && date.length === 10 ? field('date', date) : undefined,
    containerField
      ? field(containerField, container && (containerField === 'booktitle' ? escapeTitle(container) : text(container)))
      : undefined,
    field('series', paper.series && escapeTitle(paper.series)),
    field('edition', text(paper.edition)),
    field('volume', text(paper.volume)),
    field('number', text(paper.issue)),
    field('pages', paper.pages && pagesField(paper.pages)),
    field(PUBLISHER_FIELD[type] ?? 'publisher', text(paper.publisher)),
    field('address', text(paper.place)),
    field('isbn', text(paper.isbn)),
    field('issn', text(paper.issn)),
    field('language', text(paper.language)),
    field('entrysubtype', text(paper.genre)),
    field('doi', doi && escapeVerbatim(doi)),
    field('url', paper.url && escapeVerbatim(paper.url)),
    field('eprint', arxiv && escapeVerbatim(arxiv.id)),
    arxiv ? field('archivePrefix', 'arXiv') : undefined,
    field('primaryClass', arxiv && primaryClass(paper, arxiv)),
    field('pmid', paper.ids?.pubmed),
    field('pmcid', paper.ids?.pmcid),
    field('abstract', text(paper.abstract)),
    field('keywords', keywords.length > 0 ? keywords.map(escapeVerbatim).join(', ') : undefined),
    ...Object.entries(kept)
      .filter(([name]) => !name.startsWith('@') && /^[a-z][a-z0-9_.:+-]*$/i.test(name))
      .map(([name, value]) => field(name, VERBATIM_EXTRA.test(name) ? escapeVerbatim(value) : text(value))),
    field('annote', text(annote)),
  ].filter((line): line is string => line !== undefined);
  return `@${type}{${key},\n${lines.join(',\n')}\n}\n`;
}

/**
 * A preprint completion found published, as every citation format (BibTeX, RIS, CSL-JSON) cites
 * it: the publication's venue, date, volume,
 * issue, pages, publisher and DOI, with the preprint's arXiv id kept as the eprint (and its key).
 * A type or an entry read from a file stays as it was read.
 */
export function citedAs<P extends Paper | SavedPaper>(paper: P): P {
  const published = paper.publication;
  if (!published || paper.extra?.bibtex?.['@type'] || (paper.type && paper.type !== 'preprint')) return paper;
  const venue = published.venue ?? published.container;
  const cited: P = {
    ...paper,
    type: published.type,
    venue,
    container: published.container ?? published.venue,
    issued: published.issued,
    volume: published.volume ?? paper.volume,
    issue: published.issue ?? paper.issue,
    pages: published.pages ?? paper.pages,
    publisher: published.publisher ?? paper.publisher,
    url: published.url ?? paper.url,
    ids: { ...paper.ids, ...(published.doi ? { doi: published.doi } : {}) },
  };
  if (cited.type === undefined) {
    // The publication's kind by its venue, as for a paper from a page; never a preprint again.
    const kind = workType({ ...cited, type: undefined });
    cited.type = kind === 'preprint' || kind === 'other' ? 'article' : kind;
  }
  return cited;
}

/** Writes papers (saved or not) as BibTeX entries, one blank line apart, keys unique within the file. */
export function toBibtex(papers: readonly (Paper | SavedPaper)[]): string {
  const keys = citationKeys(papers);
  writtenNames.clear();
  try {
    return papers.map((paper, index) => entry(citedAs(paper), keys[index] ?? `paper${index + 1}`)).join('\n');
  } finally {
    writtenNames.clear();
  }
}
