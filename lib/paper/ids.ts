import { capKey } from './caps';
import type { PaperIds } from './model';

// Identifier parsing shared by detection, the library and the formats: arXiv ids (old and new
// style, with versions), DOIs, and the identity key of a paper (docs/CONTRACT.md, "key").

// An absolute address the URL parser gives back as it is: http(s), a lower-case host name (no
// port, no IP address, no punycode), a path and query of characters it leaves alone, no dot
// segment. Such addresses are read without the parser (see plainParts).
const PLAIN_HOST = /^https?:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(?=\/)/;
const PLAIN_PATH = /^\/(?!\/)[\w\-.~!$&'()*+,;=:@%/]*(?:\?[\w\-.~!$&()*+,;=:@%/?]*)?$/;
const NOT_PLAIN = /\/\.|%2e|xn--/i;

/**
 * The host and the path (with its query) of an absolute http(s) address that the URL parser would
 * give back unchanged; null for any other, which the parser must read.
 */
export function plainParts(raw: string): { host: string; path: string } | null {
  if (NOT_PLAIN.test(raw)) return null;
  const host = PLAIN_HOST.exec(raw);
  if (!host?.[1]) return null;
  const path = raw.slice(host[0].length);
  return PLAIN_PATH.test(path) ? { host: host[1], path } : null;
}

/** True for a path (with a query) that, resolved against an http(s) base, the parser leaves as it is. */
export function isPlainPath(raw: string): boolean {
  return PLAIN_PATH.test(raw) && !NOT_PLAIN.test(raw);
}

/** An arXiv id without its version, and the version when one was given. */
export interface ArxivId {
  id: string;
  version?: number;
}

// New style: YYMM.NNNN (to 1412) or YYMM.NNNNN (from 1501). Old style: archive[.SUBJ]/YYMMNNN.
const NEW_ID = /^(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v(\d+))?$/;
const OLD_ID = /^([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{2}(?:0[1-9]|1[0-2])\d{3})(?:v(\d+))?$/;
const ARXIV_URL_PATH = /^\/(?:abs|pdf|html|format|ps|src)\/(.+?)(?:\.pdf)?\/?$/;
const ARXIV_DOI_PREFIX = /^10\.48550\/arxiv\./i;

function fromMatch(match: RegExpExecArray | null): ArxivId | null {
  if (!match?.[1]) return null;
  const version = match[2] === undefined ? undefined : Number(match[2]);
  return version && version > 0 ? { id: match[1], version } : { id: match[1] };
}

/**
 * Reads an arXiv id from a bare id, an `arXiv:` label, an arXiv DOI or an arxiv.org address
 * (`/abs/`, `/pdf/`, `/html/`); null when the text holds none.
 */
export function parseArxivId(text: string): ArxivId | null {
  const value = text.trim();
  if (/^https?:\/\//i.test(value)) {
    let host: string;
    let pathname: string;
    const plain = plainParts(value);
    if (plain) {
      host = plain.host;
      pathname = plain.path.split('?')[0] as string;
    } else {
      try {
        const url = new URL(value);
        host = url.hostname.toLowerCase();
        pathname = url.pathname;
      } catch {
        return null;
      }
    }
    if (host === 'doi.org' || host === 'dx.doi.org') return parseArxivId(pathname.slice(1).replace(/%2F/gi, '/'));
    if (!/(^|\.)arxiv\.org$/.test(host)) return null;
    return arxivIdOfPath(pathname);
  }
  return idOf(value);
}

/**
 * The arXiv id of an arxiv.org path without query ("/abs/2310.03646v2", "/pdf/hep-th/9901001.pdf");
 * null when it names none. A listing's links are such paths: read without building an address.
 */
export function arxivIdOfPath(pathname: string): ArxivId | null {
  const path = ARXIV_URL_PATH.exec(pathname);
  return path?.[1] ? idOf(path[1]) : null;
}

// An id, bare or as `arXiv:<id>` or its DOI (10.48550/arXiv.<id>), with its version.
function idOf(text: string): ArxivId | null {
  const value = text.replace(/^arxiv:\s*/i, '').replace(ARXIV_DOI_PREFIX, '');
  const newStyle = NEW_ID.exec(value);
  // New-style numbers have 4 digits up to 1412 and 5 from 1501.
  const [yymm = '', number = ''] = newStyle?.[1]?.split('.') ?? [];
  if (newStyle) return Number(yymm) < 1501 === (number.length === 4) ? fromMatch(newStyle) : null;
  return fromMatch(OLD_ID.exec(value));
}

// A DOI: "10." + registrant + "/" + suffix. Trailing punctuation of running text is not part of it.
const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

/** Normalises a DOI (bare, `doi:` or a doi.org address) to lower case; null when it is not one. */
export function normalizeDoi(text: string): string | null {
  let value = text.trim();
  value = value.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  try {
    value = decodeURIComponent(value);
  } catch {
    return null;
  }
  value = trimUnbalanced(value.replace(/[.,;:]+$/, ''));
  return DOI_PATTERN.test(value) ? value.toLowerCase() : null;
}

// "(see 10.1000/xyz)" must not keep the closing bracket; "10.1002/(sici)..." keeps its own pairs.
function trimUnbalanced(value: string): string {
  let result = value;
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
  ] as const) {
    while (result.endsWith(close) && result.split(open).length < result.split(close).length) {
      result = result.slice(0, -1);
    }
  }
  return result;
}

const SHORT_DOI = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)?(10\/[a-z0-9]+)$/i;

/** A shortDOI ("10/abcd", "doi:10/abcd", "https://doi.org/10/abcd") in lower case; null when it is not one. */
export function normalizeShortDoi(text: string): string | null {
  return SHORT_DOI.exec(text.trim())?.[1]?.toLowerCase() ?? null;
}

/**
 * Year and month of first announcement from an arXiv id's YYMM ("2502.06703" → 2025-02; old ids
 * by their YYMM, 91–99 being the 1990s): the most a listing tells of a paper's date.
 */
export function arxivIdMonth(id: string): string | undefined {
  const match = /^(\d{2})(\d{2})\./.exec(id) ?? /\/(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!match) return undefined;
  const yy = Number(match[1]);
  return `${id.includes('/') && yy >= 91 ? 1900 + yy : 2000 + yy}-${match[2]}`;
}

/** True when the DOI is one bioRxiv or medRxiv gives its preprints (Cold Spring Harbor's 10.1101/…). */
export function isRxivDoi(doi: string): boolean {
  return /^10\.1101\//i.test(doi);
}

/** True when the DOI is the one arXiv assigns to a preprint (10.48550/arXiv.<id>). */
export function isArxivDoi(doi: string): boolean {
  return ARXIV_DOI_PREFIX.test(doi);
}

/** The id schemes a key may be built from, strongest first (docs/CONTRACT.md, `key`). */
export const KEY_SCHEMES = ['arxiv', 'doi', 'shortDoi', 'pubmed', 'openreview', 'acl', 's2'] as const;

/** Every `scheme:value` id of a paper (its key first), the values that find it in the library. */
export function idTerms(paper: { key: string; ids?: PaperIds }): string[] {
  const terms = new Set([paper.key]);
  for (const [scheme, value] of Object.entries(paper.ids ?? {})) {
    if (scheme !== 'arxivVersion' && typeof value === 'string') terms.add(`${scheme.toLowerCase()}:${value}`);
  }
  return [...terms];
}

// Click and campaign trackers that say nothing about which page it is.
const TRACKING_PARAMS =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|yclid|ref_src)$/i;

/**
 * Normalises an address for use in a key: lower-case scheme and host, no fragment, no tracking
 * parameters, no trailing slash. Null for anything that is not an absolute http(s) address.
 */
export function normalizeUrl(text: string): string | null {
  // An address the parser would give back as it is, with no query or fragment: only its trailing
  // slashes go.
  const raw = text.trim();
  const plain = plainParts(raw);
  if (plain && !plain.path.includes('?')) return raw.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(name)) url.searchParams.delete(name);
  }
  const query = url.searchParams.toString();
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
}

/**
 * The identity key of a paper: its strongest id, else its normalised landing address, else the
 * content key when one is given (contentKey). A key longer than the cap is cut with a hash suffix (capKey).
 */
export function paperKey(ids: PaperIds | undefined, url: string | undefined, content?: string): string | null {
  for (const scheme of KEY_SCHEMES) {
    const value = ids?.[scheme];
    if (value) return capKey(`${scheme.toLowerCase()}:${value}`);
  }
  const normalized = url ? normalizeUrl(url) : null;
  if (normalized) return capKey(`url:${normalized}`);
  return content ?? null;
}
