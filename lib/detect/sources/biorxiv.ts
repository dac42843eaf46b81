// bioRxiv and medRxiv (www.biorxiv.org, www.medrxiv.org): paper pages `/content/<DOI>v<N>` (also
// `.full`, `.abstract`, `.full.pdf+html`, …) and lists of papers (subject collections, search
// results, recent articles), both Highwire markup.
//
// Decisions:
// - The DOI identifies the paper (key doi:10.1101/2020.03.22.002386); `vN` is a version, not part
//   of it. bioRxiv's DOIs are 10.1101/… and, since 2026 (openRxiv), 10.64898/…: any prefix is read.
// - `url` is https://<host>/content/<DOI>, the address of the latest version, like arXiv's
//   version-less /abs/<id>; the page's PDF link stays as the page gives it.
// - `published` is the date of the first version. A v1 page (address, citation_id) gives it as
//   citation_date (citation_publication_date is a placeholder such as 2020/01/01, paper-page);
//   a later version's citation_date is that version's. DOIs since December 2019 carry the date
//   bioRxiv received v1 (10.1101/2020.03.22.002386: 2020-03-22), read when the page is not v1.
//   An older DOI (10.1101/837526) on a later version gives no date.
// - `venue` is "bioRxiv" or "medRxiv" as the page names it (citation_journal_title, a list's
//   journal label), else from the host.
// - `keywords` are the paper's subject areas ("Systems Biology").
import { cleanText, httpUrl, type PaperDraft, toPaper } from '../../paper/build';
import { toIsoDate } from '../../paper/dates';
import { normalizeDoi } from '../../paper/ids';
import { allIn, meta, metaAll, textOf } from '../dom';
import type { Detection, Source } from '../types';

const SOURCE_ID = 'biorxiv';
interface Archive {
  name: string;
  host: string;
}
const BIORXIV: Archive = { name: 'bioRxiv', host: 'www.biorxiv.org' };
const MEDRXIV: Archive = { name: 'medRxiv', host: 'www.medrxiv.org' };
const ARCHIVES: Record<string, Archive> = {
  'www.biorxiv.org': BIORXIV,
  'biorxiv.org': BIORXIV,
  'www.medrxiv.org': MEDRXIV,
  'medrxiv.org': MEDRXIV,
};
// `/content/10.1101/2020.03.22.002386v3`, `….full`, `….abstract`, `….full.pdf`; older DOIs
// `/content/10.1101/837526v1`.
const PAPER_PATH = /^\/content\/(10\.\d{4,9}\/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,8})(?:v(\d+))?(?:[.\-/+].*)?$/;
// The date inside DOIs minted since December 2019.
const DOI_DATE = /^10\.\d{4,9}\/(\d{4})\.(\d{2})\.(\d{2})\.\d+$/;

interface Addressed {
  doi: string;
  version?: number;
}

function parsePaperPath(path: string): Addressed | null {
  const match = PAPER_PATH.exec(path);
  const doi = match?.[1] ? normalizeDoi(match[1]) : null;
  if (!doi) return null;
  const version = Number(match?.[2]);
  return Number.isInteger(version) && version > 0 ? { doi, version } : { doi };
}

/** Reads a paper address, relative to `base` or absolute on a bioRxiv/medRxiv host. */
function parsePaperLink(href: string | null | undefined, base: URL): Addressed | null {
  const resolved = httpUrl(href, base);
  if (!resolved) return null;
  const url = new URL(resolved);
  return ARCHIVES[url.hostname] ? parsePaperPath(url.pathname) : null;
}

function doiDate(doi: string): string | undefined {
  const match = DOI_DATE.exec(doi);
  return match ? toIsoDate(`${match[1]}-${match[2]}-${match[3]}`) : undefined;
}

/** The first version's date: the version's own date when it is v1, else the DOI's. */
function firstVersionDate(
  doi: string,
  version: number | undefined,
  versionDate: string | undefined,
): string | undefined {
  if (version === 1 && versionDate) return toIsoDate(versionDate);
  return doiDate(doi);
}

function landingPage(archive: Archive, doi: string): string {
  return `https://${archive.host}/content/${doi}`;
}

/** The version a page names: `v3` at the end of citation_id ("2020.03.22.002386v3") or data-pisa. */
function versionOf(text: string | null | undefined): number | undefined {
  const version = Number(/v(\d+)$/.exec(text ?? '')?.[1]);
  return Number.isInteger(version) && version > 0 ? version : undefined;
}

/** "doi: https://doi.org/10.1101/2021.11.04.467278" (a copy in one public scraper reads "https ://doi.org/…"). */
function doiIn(text: string | undefined): string | undefined {
  const match = /10\.\d{4,9}\/\S+/.exec(text ?? '');
  return match ? (normalizeDoi(match[0]) ?? undefined) : undefined;
}

/**
 * A Highwire author: given names and surname (`.nlm-given-names`, `.nlm-surname`), a group
 * (`.nlm-collab`), or the text without the hidden "View ORCID Profile" label.
 */
function authorName(author: Element): string | undefined {
  const given = textOf(author.querySelector('.nlm-given-names'));
  const surname = textOf(author.querySelector('.nlm-surname'));
  if (given || surname) return cleanText([given, surname].filter(Boolean).join(' '));
  const collab = textOf(author.querySelector('.nlm-collab'));
  if (collab) return collab;
  const parts: string[] = [];
  for (const node of author.childNodes) {
    if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
    else if (node.nodeType === 1 && !(node as Element).matches('a.hw-author-orcid-logo, .element-invisible')) {
      parts.push(node.textContent ?? '');
    }
  }
  return cleanText(parts.join(''))?.replace(/,$/, '');
}

function authorsIn(scope: Element | null | undefined): string[] {
  return allIn(scope, '.highwire-citation-authors', '.highwire-citation-author')
    .map(authorName)
    .filter((name): name is string => name !== undefined);
}

/**
 * The abstract's text without its "ABSTRACT" heading and without citation marks: paper-page's
 * abstract cites references as `<sup><a class="xref-bibr">1</a>,<a …>2</a></sup>`.
 */
function abstractText(section: Element | null): string | undefined {
  if (!section) return undefined;
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      if (/^H\d$/.test(element.tagName)) continue;
      if (element.tagName === 'SUP' && element.querySelector('a.xref-bibr')) continue;
      if (element.tagName === 'P' && parts.length > 0) parts.push(' ');
      walk(element);
    }
  };
  walk(section);
  return cleanText(parts.join(''));
}

function detect(draft: PaperDraft, anchor: Element): Detection[] {
  const paper = toPaper(draft);
  return paper ? [{ paper, anchor }] : [];
}

/**
 * A paper page: citation_* meta tags (title, authors, DOI, PDF, journal), the body's title, author
 * list and abstract, the subject areas. The DOI and version come from the address, else from
 * citation_doi and citation_id ("2020.03.22.002386v3").
 */
function detectPaper(doc: Document, url: URL, addressed: Addressed | null, archive: Archive): Detection[] {
  const doi = addressed?.doi ?? doiIn(meta(doc, 'citation_doi'));
  if (!doi) return [];
  const version = addressed?.version ?? versionOf(meta(doc, 'citation_id'));
  const heading =
    doc.querySelector('h1#page-title') ?? doc.querySelector('h1.highwire-cite-title') ?? doc.querySelector('h1');
  const top = heading?.closest('.highwire-cite') ?? null;
  const bodyAuthors = authorsIn(top);
  const abstract =
    doc.querySelector('.section.abstract') ?? doc.querySelector('#abstract-1') ?? doc.querySelector('.abstract');
  const anchor = heading ?? doc.body ?? doc.documentElement;
  return detect(
    {
      // The PDF viewer (`….full.pdf`) shows no title: the DOI stands in until a page names it.
      title: textOf(heading) ?? meta(doc, 'citation_title') ?? meta(doc, 'DC.Title') ?? `doi:${doi}`,
      // The body names authors as they wrote them; citation_author repeats them ("David E. Gordon").
      authors: bodyAuthors.length > 0 ? bodyAuthors : metaAll(doc, 'citation_author'),
      abstract: abstractText(abstract),
      published: firstVersionDate(doi, version, meta(doc, 'citation_date') ?? meta(doc, 'DC.Date')),
      venue: meta(doc, 'citation_journal_title') ?? archive.name,
      ids: { doi },
      url: landingPage(archive, doi),
      pdfUrl: httpUrl(meta(doc, 'citation_pdf_url'), url),
      keywords: [...doc.querySelectorAll('.highwire-article-collection-term a')].map(textOf),
      source: SOURCE_ID,
      pageUrl: url.href,
    },
    anchor,
  );
}

/**
 * A list (collection, search results, recent articles): one `.highwire-article-citation` per
 * paper, title `a.highwire-cite-linked-title`, authors, DOI in `.highwire-cite-metadata-doi`
 * ("doi: https://doi.org/10.1101/…"), journal label, and `data-pisa` ("biorxiv;2020.02.02.931162v1")
 * naming the version listed, whose posting date `data-apath` holds (/biorxiv/early/2020/02/04/…).
 * A search result may link an older address (`/content/early/2021/02/18/2021.02.12.21251663`):
 * the DOI then comes from the metadata line only.
 */
function detectList(doc: Document, url: URL, archive: Archive): Detection[] {
  const found: Detection[] = [];
  const seen = new Set<string>();
  for (const citation of doc.querySelectorAll('.highwire-article-citation')) {
    const link = citation.querySelector('a.highwire-cite-linked-title');
    if (!link) continue;
    const linked = parsePaperLink(link.getAttribute('href'), url);
    const doi = doiIn(textOf(citation.querySelector('.highwire-cite-metadata-doi'))) ?? linked?.doi;
    if (!doi || seen.has(doi)) continue;
    seen.add(doi);
    const version = linked?.version ?? versionOf(citation.getAttribute('data-pisa'));
    const posted = /\/early\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(citation.getAttribute('data-apath') ?? '');
    const journal = textOf(citation.querySelector('.highwire-cite-metadata-journal'));
    // bioRxiv's search also lists medRxiv papers, linked on medrxiv.org and labelled "medRxiv".
    const linkHost = httpUrl(link.getAttribute('href'), url);
    const entryArchive =
      (linkHost ? ARCHIVES[new URL(linkHost).hostname] : undefined) ??
      Object.values(ARCHIVES).find((candidate) => candidate.name === journal) ??
      archive;
    found.push(
      ...detect(
        {
          title: textOf(link),
          authors: authorsIn(citation),
          published: firstVersionDate(doi, version, posted ? `${posted[1]}-${posted[2]}-${posted[3]}` : undefined),
          venue: journal ?? entryArchive.name,
          ids: { doi },
          url: landingPage(entryArchive, doi),
          source: SOURCE_ID,
          pageUrl: url.href,
        },
        link,
      ),
    );
  }
  return found;
}

export const biorxiv: Source = {
  id: SOURCE_ID,
  kind: 'site',
  patterns: [
    'https://www.biorxiv.org/*',
    'https://www.medrxiv.org/*',
    'https://biorxiv.org/*',
    'https://medrxiv.org/*',
  ],
  matches: (url) => ARCHIVES[url.hostname] !== undefined,
  detect(doc, url) {
    const archive = ARCHIVES[url.hostname] ?? BIORXIV;
    const addressed = parsePaperPath(url.pathname);
    // A paper page repeats its own citation in `.highwire-article-citation` blocks: read it once.
    if (addressed || meta(doc, 'citation_doi')) return detectPaper(doc, url, addressed, archive);
    return detectList(doc, url, archive);
  },
};
