// aclanthology.org: paper pages /<id>/, the lists of an author (/people/<name>/), a volume
// (/volumes/<id>/) and an event (/events/<id>/), and PDF addresses /<id>.pdf (docs/SITES.md,
// "aclanthology.org"; markup of the site's Hugo templates, hugo/layouts/ of acl-org/acl-anthology).
//
// Decisions, the same on every kind of page:
// - `ids.acl` is the Anthology ID ("2021.naacl-main.208", old style "N04-1001"); `url` is
//   https://aclanthology.org/<id>/ and `pdfUrl` the PDF the page links, https://aclanthology.org/<id>.pdf.
// - `ids.doi` only when the page shows one (paper pages): not every volume has DOIs, so none is
//   made up from the 10.18653/v1/<id> pattern.
// - `venue` is the title of the volume the paper is in, as the page shows it ("Proceedings of the
//   ... Workshop ...", "Findings of the Association for Computational Linguistics: EMNLP 2023").
// - `published` is the year and month the page shows (paper and volume pages), the year heading of
//   an author's list, else the year in the Anthology ID ("2021.…", "N04" = 2004, "J79" = 1979).
// - Front matter (`<volume>.0`, old style `P19-1000`, `W19-4200`) is the volume's own title pages,
//   preface and table of contents: listed like a paper under the volume's title, it is not one.
import { cleanText, httpUrl, type PaperDraft, toPaper } from '../../paper/build';
import { toIsoDate } from '../../paper/dates';
import { normalizeDoi } from '../../paper/ids';
import { firstIn, meta, metaAll, textExcept, textOf } from '../dom';
import type { Detection, Source } from '../types';

const SITE = 'https://aclanthology.org';
// New style: <year>.<volume>.<number>; old style: <venue letter><yy>-<4 digits>.
const ACL_ID = /^(?:\d{4}\.[a-z\d]+(?:-[a-z\d]+)*\.\d+|[A-Z]\d{2}-\d{4})$/;
const PAPER_PATH = /^\/([^/]+)\/?$/;
// A revised PDF is served as <id>v2.pdf; <id>.pdf is always the latest version.
const PDF_PATH = /^\/([^/]+?)(?:v\d+)?\.pdf$/;
const LIST_PATH = /^\/(?:people|volumes|events)\//;
// The people links of an entry are its authors; an editor list sits in the paper page's <dl>.
const PEOPLE_LINK = 'a[href*="/people/"]';
// Rows of the people, volume and event lists (papers/list-entry*.html): a flex row per paper,
// <div> in the current templates, <p> in the older ones.
const LIST_ROW = 'div.d-sm-flex, p.d-sm-flex';

/** The Anthology ID in a path like "/2021.naacl-main.208/", or null. */
function idFromPath(path: string): string | null {
  const id = PAPER_PATH.exec(path)?.[1];
  return id && ACL_ID.test(id) ? id : null;
}

/** The Anthology ID a link on the site points to. */
function idFromLink(link: Element | null, base: URL): string | null {
  const href = httpUrl(link?.getAttribute('href'), base);
  if (!href) return null;
  const url = new URL(href);
  return url.hostname === 'aclanthology.org' ? idFromPath(url.pathname) : null;
}

/** True for the front matter of a volume: number 0 (new style), x000 (old style), xx00 for workshops. */
function isFrontMatter(id: string): boolean {
  if (/^\d{4}\./.test(id)) return id.endsWith('.0');
  return id.startsWith('W') ? /-\d{2}00$/.test(id) : /-\d000$/.test(id);
}

/** The year an Anthology ID carries: its first four digits, or the two after the old style's letter. */
function idYear(id: string): string | undefined {
  const full = /^(\d{4})\./.exec(id)?.[1];
  if (full) return full;
  const yy = /^[A-Z](\d{2})-/.exec(id)?.[1];
  if (!yy) return undefined;
  // Old-style ids ran from the 1950s to 2019; the new style started with 2020.
  return String(Number(yy) < 50 ? 2000 + Number(yy) : 1900 + Number(yy));
}

/** "December" and "2023" → 2023-12; "October-November" takes the first month; year alone otherwise. */
function yearMonth(year: string | undefined, month: string | undefined): string | undefined {
  if (!year || !/^\d{4}$/.test(year)) return undefined;
  const first = /^[A-Za-z]+/.exec(month ?? '')?.[0];
  return (first ? toIsoDate(`${first} ${year}`) : undefined) ?? year;
}

/** The <dt>label:</dt><dd>value</dd> pairs of a paper or volume page, by label without the colon. */
function detailsOf(list: Element | null): Map<string, Element> {
  const details = new Map<string, Element>();
  for (const term of list?.querySelectorAll('dt') ?? []) {
    const value = term.nextElementSibling;
    const label = textOf(term)?.replace(/:$/, '');
    if (label && value?.tagName === 'DD' && !details.has(label)) details.set(label, value);
  }
  return details;
}

function baseDraft(id: string, url: URL): PaperDraft {
  return { ids: { acl: id }, url: `${SITE}/${id}/`, source: 'acl', pageUrl: url.href };
}

const CODE_HOSTS = /^(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)$/i;

/** The repository a "Code" row links (Papers with Code adds "additional community code" links). */
function codeLink(value: Element | undefined, base: URL): string | undefined {
  for (const link of value?.querySelectorAll('a[href]') ?? []) {
    const href = httpUrl(link.getAttribute('href'), base);
    if (href && CODE_HOSTS.test(new URL(href).hostname)) return href;
  }
  return undefined;
}

/** `/<id>/`: the paper page (papers/single.html), with its details list and citation_* tags. */
function detectPaper(doc: Document, url: URL, addressed: string): Detection[] {
  const titleElement = doc.querySelector('h2#title');
  const details = detailsOf(doc.querySelector('.acl-paper-details dl') ?? doc.querySelector('#main dl'));
  const id = cleanText(details.get('Anthology ID')?.textContent);
  // A page whose details name another paper is not this one (a redirect target, an old URL).
  if ((id && id !== addressed) || isFrontMatter(addressed)) return [];
  const lead = doc.querySelector('#main p.lead') ?? doc.querySelector('p.lead');
  const bodyAuthors = [...(lead?.querySelectorAll(PEOPLE_LINK) ?? [])].map(textOf);
  const doiValue = details.get('DOI');
  const doi = doiValue?.querySelector('a')?.getAttribute('href') ?? textOf(doiValue) ?? meta(doc, 'citation_doi');
  const pdf =
    details.get('PDF')?.querySelector('a')?.getAttribute('href') ??
    titleElement?.querySelector('a[href$=".pdf"]')?.getAttribute('href') ??
    meta(doc, 'citation_pdf_url');
  const paper = toPaper({
    ...baseDraft(addressed, url),
    title: textOf(titleElement) ?? meta(doc, 'citation_title'),
    // The body shows names as printed on the paper; citation_author may carry a later form of one.
    authors: bodyAuthors.length > 0 ? bodyAuthors : metaAll(doc, 'citation_author'),
    abstract: textExcept(doc.querySelector('.acl-abstract'), 'h5.card-title'),
    published:
      yearMonth(textOf(details.get('Year')), textOf(details.get('Month'))) ??
      toIsoDate(meta(doc, 'citation_publication_date') ?? '') ??
      idYear(addressed),
    venue:
      textOf(details.get('Volume')) ?? meta(doc, 'citation_conference_title') ?? meta(doc, 'citation_journal_title'),
    ids: { acl: addressed, doi: doi ? normalizeDoi(doi) : undefined },
    pdfUrl: httpUrl(pdf, url),
    codeUrl: codeLink(details.get('Code'), url),
  });
  return paper ? [{ paper, anchor: titleElement ?? doc.body ?? doc.documentElement }] : [];
}

/** The abstract an entry's "abs" badge opens: a collapsed card after the row, id "abstract-<id, . as -->". */
function abstractOf(doc: Document, row: Element, id: string): string | undefined {
  const target = row.querySelector('a[href^="#abstract-"]')?.getAttribute('href')?.slice(1);
  const card = doc.getElementById(target ?? `abstract-${id.replace(/\./g, '--')}`);
  return textOf(card);
}

/** People, volume and event pages: one row per paper. */
function detectList(doc: Document, url: URL): Detection[] {
  const found: Detection[] = [];
  const scope = doc.querySelector('#main') ?? doc;
  // A volume page's title is the volume; its details give year and month.
  const onVolume = url.pathname.startsWith('/volumes/');
  const volumeTitle = onVolume ? textOf(doc.querySelector('h2#title')) : undefined;
  const volumeDetails = onVolume ? detailsOf(doc.querySelector('.acl-paper-details dl')) : new Map<string, Element>();
  const volumeDate = yearMonth(textOf(volumeDetails.get('Year')), textOf(volumeDetails.get('Month')));
  // Headings and rows in page order, one pass: an author's list puts a year heading (<h4>2019</h4>)
  // before that year's rows, an event page a heading linking the volume before the volume's rows
  // (events/single.html).
  let headingYear: string | undefined;
  let headingVolume: string | undefined;
  for (const row of scope.querySelectorAll(`h4, ${LIST_ROW}`)) {
    if (row.tagName === 'H4') {
      const text = textOf(row) ?? '';
      headingYear = /^\d{4}$/.test(text) ? text : undefined;
      headingVolume = textOf(row.querySelector('a[href*="/volumes/"]'));
      continue;
    }
    const link = firstIn(row, 'span.d-block', 'strong > a[href]') ?? row.querySelector('strong > a.align-middle');
    const id = idFromLink(link, url);
    if (!id || !link || isFrontMatter(id)) continue;
    // The save control goes after the title: its <strong>.
    const anchor = link.parentElement ?? link;
    const pdfBadge = [...row.querySelectorAll('a.badge[href]')].find((badge) =>
      /\.pdf$/i.test(new URL(httpUrl(badge.getAttribute('href'), url) ?? SITE).pathname),
    );
    const paper = toPaper({
      ...baseDraft(id, url),
      title: textOf(link),
      authors: [...row.querySelectorAll(PEOPLE_LINK)].map(textOf),
      abstract: abstractOf(doc, row, id),
      published: volumeDate ?? headingYear ?? idYear(id),
      // An author's list names each paper's volume; volume and event pages put it above the rows.
      venue: textOf(row.querySelector('a[href*="/volumes/"]')) ?? volumeTitle ?? headingVolume,
      pdfUrl: httpUrl(pdfBadge?.getAttribute('href'), url),
    });
    if (paper) found.push({ paper, anchor });
  }
  return found;
}

/** `/<id>.pdf`: the browser's PDF viewer, nothing to read but the address. */
function detectPdf(doc: Document, url: URL, id: string): Detection[] {
  const paper = toPaper({
    ...baseDraft(id, url),
    // The model needs a title and the viewer shows none: the id stands in, "ACL:<id>" as arXiv's
    // "arXiv:<id>" and as lib/detect/address.ts names such a tab, until the paper is seen on a page
    // that names it.
    title: `ACL:${id}`,
    published: idYear(id),
    pdfUrl: `${SITE}${url.pathname}`,
  });
  return paper ? [{ paper, anchor: doc.body ?? doc.documentElement }] : [];
}

function pdfId(path: string): string | null {
  const id = PDF_PATH.exec(path)?.[1];
  return id && ACL_ID.test(id) ? id : null;
}

/** ACL Anthology: paper pages, author, volume and event lists, and PDF addresses. */
export const acl: Source = {
  id: 'acl',
  kind: 'site',
  patterns: ['https://aclanthology.org/*'],
  matches: (url) =>
    url.hostname === 'aclanthology.org' &&
    (LIST_PATH.test(url.pathname) || idFromPath(url.pathname) !== null || pdfId(url.pathname) !== null),
  detect(doc, url) {
    const pdf = pdfId(url.pathname);
    if (pdf) return isFrontMatter(pdf) ? [] : detectPdf(doc, url, pdf);
    const paper = idFromPath(url.pathname);
    if (paper) return detectPaper(doc, url, paper);
    return detectList(doc, url);
  },
};
