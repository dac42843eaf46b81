// Field conversions every format shares: dates in parts, arXiv's landing page and DOI, the ids a
// format has no field for (written as Zotero writes them into "Extra": "PMID: 34265844"), notes
// kept as plain text, and the address a reading list links to.

import { toIsoDate } from '../paper/dates';
import { parseArxivId } from '../paper/ids';
import type { Paper, PaperIds } from '../paper/model';

/** BibTeX's month names, January first. */
export const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Year, month and day of an ISO date as numbers: "2017-06" → [2017, 6]; [] for none. */
export function dateParts(iso: string | undefined): number[] {
  return iso ? iso.split('-').map(Number) : [];
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * An ISO date from a year, month and day, as precise as they are valid: (2019, 6, 31) → "2019-06",
 * (2019, 13) → "2019"; undefined without a valid year. Parts may be numbers or digit strings.
 */
export function isoDateFromParts(
  year: number | string | undefined,
  month?: number | string,
  day?: number | string,
): string | undefined {
  const [y, m, d] = [year, month, day].map((part) =>
    typeof part === 'number' || (typeof part === 'string' && /^\s*\d{1,4}\s*$/.test(part)) ? Number(part) : NaN,
  );
  if (y === undefined || !Number.isInteger(y)) return undefined;
  const candidates = [
    m !== undefined && d !== undefined && Number.isInteger(m) && Number.isInteger(d) ? `${y}-${pad(m)}-${pad(d)}` : '',
    m !== undefined && Number.isInteger(m) ? `${y}-${pad(m)}` : '',
    String(y),
  ];
  for (const candidate of candidates) {
    const iso = candidate ? toIsoDate(candidate) : undefined;
    if (iso) return iso;
  }
  return undefined;
}

/**
 * A date as bibliographic files write it, as precise as its valid parts: "2017/06/12/" (RIS, as
 * Zotero writes it), "2017/06//", "2017-06-12" (biblatex), "2020-02-30" → "2020-02", "2017",
 * or a date in words ("June 2017").
 */
export function readDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const match = /^(\d{4})(?:[/-](\d{0,2})(?:[/-](\d{0,2}))?)?(?:[/\sT].*)?$/.exec(text.trim());
  if (match) return isoDateFromParts(match[1], match[2] || undefined, match[3] || undefined);
  return toIsoDate(text);
}

/** arXiv's landing page of a preprint. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** The DOI arXiv registers for every preprint (DataCite): 10.48550/arXiv.<id>. */
export function arxivDoi(id: string): string {
  return `10.48550/arXiv.${id}`;
}

// The ids a format has no field of its own for, with the labels Zotero reads in "Extra" (PMID,
// PMCID) and the same form for the others.
const EXTRA_ID_LABELS = {
  arxiv: 'arXiv',
  pubmed: 'PMID',
  pmcid: 'PMCID',
  openreview: 'OpenReview',
  acl: 'ACL',
  s2: 'S2',
  dblp: 'DBLP',
} as const;

/** An id scheme that may be written as a "Label: value" line. */
export type ExtraIdScheme = keyof typeof EXTRA_ID_LABELS;

/** "Label: value" lines for the given schemes of a paper's ids, in that order. */
export function extraIdLines(ids: PaperIds | undefined, schemes: readonly ExtraIdScheme[]): string[] {
  return schemes.flatMap((scheme) => {
    const value = ids?.[scheme];
    return value ? [`${EXTRA_ID_LABELS[scheme]}: ${value}`] : [];
  });
}

const LABEL_SCHEME = new Map<string, ExtraIdScheme>(
  Object.entries(EXTRA_ID_LABELS).map(([scheme, label]) => [label.toLowerCase(), scheme as ExtraIdScheme]),
);

/**
 * Reads one "Label: value" id line (PMID: 34265844, arXiv: 1706.03762, Zotero's
 * "arXiv:1706.03762 [cs]"); null when the line is not one.
 */
export function readExtraIdLine(line: string): { scheme: ExtraIdScheme; value: string } | null {
  const match = /^\s*([A-Za-z0-9]+)\s*:\s*(\S+)(?:\s+\[[^\]]*\])?\s*$/.exec(line);
  const scheme = match?.[1] ? LABEL_SCHEME.get(match[1].toLowerCase()) : undefined;
  return scheme && match?.[2] ? { scheme, value: match[2] } : null;
}

/** A user's note as plain text: line breaks kept (\n), outer whitespace trimmed; undefined when empty. */
export function cleanNote(text: string | undefined): string | undefined {
  const note = text
    ?.replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
  return note ? note : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const HTML_TAG = /<\/?(?:p|br|div|span|b|i|u|em|strong|a|ul|ol|li|h[1-6]|blockquote|pre|code|sup|sub)\b[^>]*>/i;

/**
 * A note as plain text: Zotero writes notes as HTML (`<p>line<br/>line</p>`). Text without such
 * tags is returned as it is, so a note about "a<b" stays one.
 */
export function htmlToText(text: string): string {
  if (!HTML_TAG.test(text)) return text;
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|li|h[1-6]|blockquote|pre)>\s*/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The address a reading list links a paper to: its landing page, else arXiv's, else doi.org's. */
export function paperLink(paper: Paper): string | undefined {
  if (paper.url) return paper.url;
  const arxiv = paper.ids?.arxiv ? (parseArxivId(paper.ids.arxiv)?.id ?? paper.ids.arxiv) : undefined;
  if (arxiv) return arxivAbsUrl(arxiv);
  if (paper.ids?.doi) return `https://doi.org/${paper.ids.doi.split('/').map(encodeURIComponent).join('/')}`;
  return undefined;
}

type AddressIds = Partial<Pick<PaperIds, 'arxiv' | 'openreview' | 'acl' | 'pubmed'>>;

/**
 * The id an address of arXiv, OpenReview (/forum?id=, /pdf?id=), the ACL Anthology
 * (/N19-1423/, /2021.naacl-main.208.pdf) or PubMed (/34265844/) names, as the detection sources
 * write them; {} for any other address. Formats without a field for these ids still keep the
 * paper's page, and so its identity.
 */
export function idsFromAddress(address: string | null | undefined): AddressIds {
  if (!address) return {};
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return {};
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const arxiv = host.endsWith('arxiv.org') ? parseArxivId(address)?.id : undefined;
  if (arxiv) return { arxiv };
  if (host === 'openreview.net' && /^\/(?:forum|pdf)\/?$/.test(url.pathname)) {
    const id = url.searchParams.get('id')?.trim();
    return id ? { openreview: id } : {};
  }
  if (host === 'aclanthology.org') {
    const id = /^\/([A-Z]\d{2}-\d{4}|\d{4}\.[a-z0-9-]+\.\d+)(?:\.pdf)?\/?$/.exec(url.pathname)?.[1];
    return id ? { acl: id } : {};
  }
  if (host === 'pubmed.ncbi.nlm.nih.gov') {
    const id = /^\/(\d+)\/?$/.exec(url.pathname)?.[1];
    return id ? { pubmed: id } : {};
  }
  return {};
}

/**
 * Separates id lines from a note: Zotero keeps ids in Extra ("PMID: 34265844", and its arXiv
 * translator's "arXiv:1706.03762 [cs]"), which BibTeX and CSL-JSON exports carry as the note. Other
 * lines stay the note.
 */
export function splitIdLines(note: string | undefined): { ids: Partial<Record<ExtraIdScheme, string>>; note?: string } {
  const ids: Partial<Record<ExtraIdScheme, string>> = {};
  const kept: string[] = [];
  for (const line of (note ?? '').split(/\r\n|\r|\n/)) {
    const found = readExtraIdLine(line);
    if (found && !ids[found.scheme]) ids[found.scheme] = found.value;
    else if (!found) kept.push(line);
  }
  const rest = kept.join('\n').trim();
  return rest ? { ids, note: rest } : { ids };
}
