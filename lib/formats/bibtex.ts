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
import { type ArxivId, isArxivDoi, parseArxivId } from '../paper/ids';
import type { Paper, SavedPaper } from '../paper/model';
import { MONTH_NAMES } from './fields';
import { STOP_WORDS, splitName } from './names';

// ---------------------------------------------------------------------------------------------
// Escaping

// Control characters have no meaning in BibTeX; they go with the whitespace.
function collapse(text: string): string {
  const printable = [...text].map((ch) => (ch < ' ' || ch === '\u007f' ? ' ' : ch)).join('');
  return printable.replace(/\s+/g, ' ').trim();
}

/** True when every brace in the text closes one opened before it and none stays open. */
function bracesPair(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return false;
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

// TeX ligatures that would turn two characters into another one: -- (en dash), `` '' (quotes),
// ,, (low quotes), ?` !` (inverted marks). An empty group between them keeps them apart.
function breaksLigature(ch: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  if (next === '`') return ch === '`' || ch === '?' || ch === '!';
  return (ch === '-' || ch === "'" || ch === ',') && next === ch;
}

/** Escapes plain text for a BibTeX text field; `pairedBraces` says whether \{ \} may be used. */
function escapeText(text: string, pairedBraces = bracesPair(text)): string {
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

/** A title-like field: escaped, with words that carry inner capitals protected by braces. */
function escapeTitle(text: string): string {
  const words = collapse(text).split(' ');
  const pairedBraces = words.every(bracesPair);
  return words
    .map((word) => {
      // Only the word itself is braced, not punctuation around it: "{BERT}:" rather than
      // "{BERT:}", so that styles still see the colon and keep the next word capitalised; and a
      // braced group that starts with a letter is never a BibTeX "special character".
      const [, lead = '', core = '', trail = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
      const letters = [...core];
      // A single capital ("Large N", "Vitamin D") is a symbol or a name, except the article "A".
      const single = letters.length === 1 && core !== 'A' && /\p{Lu}/u.test(core);
      if (!single && !letters.slice(1).some((ch) => /\p{Lu}/u.test(ch))) return escapeText(word, pairedBraces);
      return `${escapeText(lead, pairedBraces)}{${escapeText(core, pairedBraces)}}${escapeText(trail, pairedBraces)}`;
    })
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// Names

/** A name as BibTeX reads it: "van Beethoven, Ludwig", "King, Jr., Martin Luther", "Plato". */
function bibtexName(name: string): string {
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
  const folded = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþı]/g, (ch) => FOLDS[ch] ?? ch)
    .replace(/['’]/g, '');
  return folded.split(/[^a-z0-9]+/).filter((word) => word.length > 0);
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

/**
 * Citation keys for papers in order: last name + year + first significant title word
 * (`vaswani2017attention`); the second paper with a key gets `a`, the third `b`, ... skipping any
 * key another paper has, so the same list always gives the same keys.
 */
export function citationKeys(papers: readonly Paper[]): string[] {
  const bases = papers.map(baseKey);
  const taken = new Set(bases);
  const seen = new Set<string>();
  return bases.map((base) => {
    if (!seen.has(base)) {
      seen.add(base);
      return base;
    }
    let n = 1;
    while (taken.has(`${base}${suffix(n)}`)) n++;
    const key = `${base}${suffix(n)}`;
    taken.add(key);
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

type EntryType = 'article' | 'inproceedings' | 'misc';

/** The BibTeX entry type of a paper, by the rule at the top of this file. */
export function entryType(paper: Paper): EntryType {
  const venue = paper.venue;
  if (venue && CONFERENCE.test(venue)) return 'inproceedings';
  const doi = paper.ids?.doi && !isArxivDoi(paper.ids.doi) ? paper.ids.doi : undefined;
  if (venue && !PREPRINT_SERVER.test(venue) && (doi || !paper.ids?.arxiv)) return 'article';
  return 'misc';
}

function field(name: string, value: string | undefined): string | undefined {
  return value ? `  ${name} = {${value}}` : undefined;
}

function authorField(paper: Paper): string | undefined {
  if (paper.authors.length === 0) return undefined;
  const names = paper.authors.map(bibtexName);
  if (paper.authorCount !== undefined && paper.authorCount > paper.authors.length) names.push('others');
  return names.join(' and ');
}

function entry(paper: Paper | SavedPaper, key: string): string {
  const type = entryType(paper);
  const arxiv = paper.ids?.arxiv ? (parseArxivId(paper.ids.arxiv) ?? { id: paper.ids.arxiv }) : undefined;
  const doi = paper.ids?.doi && !isArxivDoi(paper.ids.doi) ? paper.ids.doi : undefined;
  const month =
    paper.published && paper.published.length >= 7 ? MONTH_NAMES[Number(paper.published.slice(5, 7)) - 1] : undefined;
  const venue = paper.venue;
  const venueIsArxiv = venue !== undefined && arxiv !== undefined && /^arxiv\b/i.test(venue);
  const note = 'note' in paper ? paper.note : undefined;
  const lines = [
    field('title', escapeTitle(paper.title)),
    field('author', authorField(paper)),
    field('year', paper.published?.slice(0, 4)),
    month ? `  month = ${month}` : undefined,
    type === 'article' ? field('journal', venue && escapeText(collapse(venue))) : undefined,
    type === 'inproceedings' ? field('booktitle', venue && escapeTitle(venue)) : undefined,
    type === 'misc' && !venueIsArxiv ? field('howpublished', venue && escapeText(collapse(venue))) : undefined,
    field('doi', doi && escapeVerbatim(doi)),
    field('url', paper.url && escapeVerbatim(paper.url)),
    field('eprint', arxiv && escapeVerbatim(arxiv.id)),
    arxiv ? field('archivePrefix', 'arXiv') : undefined,
    field('primaryClass', arxiv && primaryClass(paper, arxiv)),
    field('pmid', paper.ids?.pubmed),
    field('pmcid', paper.ids?.pmcid),
    field('abstract', paper.abstract && escapeText(collapse(paper.abstract))),
    field('keywords', paper.keywords?.map(escapeVerbatim).join(', ')),
    field('note', note && escapeText(collapse(note))),
  ].filter((line): line is string => line !== undefined);
  return `@${type}{${key},\n${lines.join(',\n')}\n}\n`;
}

/** Writes papers (saved or not) as BibTeX entries, one blank line apart, keys unique within the file. */
export function toBibtex(papers: readonly (Paper | SavedPaper)[]): string {
  const keys = citationKeys(papers);
  return papers.map((paper, index) => entry(paper, keys[index] ?? `paper${index + 1}`)).join('\n');
}
