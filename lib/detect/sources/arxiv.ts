// arxiv.org: /list/ listings, search results, /abs/ pages, and /html/ and /pdf/ addresses
// (docs/SITES.md, "arxiv.org"). Every paper is keyed by its arXiv id without version.
//
// Decisions, the same on every kind of page:
// - `url` is https://arxiv.org/abs/<id>. `pdfUrl`, when the page offers the PDF, is
//   https://arxiv.org/pdf/<id> as the page addresses the paper: with `v<N>` only when its own
//   address (or a search result's "arXiv:<id>vN") names a version, as arXiv's own links do.
// - `ids.arxivVersion` only when the page says which version it shows: the address, the abs
//   page's submission history ("[v7]" without a link is this version) or its og:url, the /html/
//   page's "Back to abstract" link, <base href> or stamp, a search result shown as "arXiv:<id>vN".
// - `venue` is the journal reference as shown ("Current Applied Physics 92, 162 (2026)") when
//   there is one, else "arXiv", the archive that holds the preprint.
// - `keywords` are the subjects as arXiv writes them, "Materials Science (cond-mat.mtrl-sci)",
//   primary first; search results show codes with the name as a tooltip, joined the same way.
// - `published` is the v1 submission date (citation_date, "Submitted on", "v1 submitted"). Where
//   a page does not show it (listings, /pdf/ pages, /html/ pages of a later version), the id's YYMM
//   gives year and month.
//   arXiv assigns that month at first announcement, so for a paper submitted on a month's last
//   days it is the following month (info.arxiv.org/help/availability).
// - arXiv's "Comments:" text is not a Paper field (`comments` counts discussion comments); only
//   code and project links are taken from it and from the abstract.
// - The anchor is the entry's title element (`.list-title`, `p.title`, `h1.title`,
//   `h1.ltx_title_document`); a page without one (head-only abs page, PDF viewer) gets its body.
import { cleanText, httpUrl, type PaperDraft, toPaper } from '../../paper/build';
import { toIsoDate } from '../../paper/dates';
import { type ArxivId, arxivIdMonth, arxivIdOfPath, isPlainPath, normalizeDoi, parseArxivId } from '../../paper/ids';
import { allIn, meta, metaAll, textExcept, textOf } from '../dom';
import { personName } from '../metadata';
import type { Detection, Source } from '../types';

const SITE = 'https://arxiv.org';
const ARCHIVE = 'arXiv';
// The "Title:", "Authors:", "Abstract:" labels arXiv puts inside the elements that hold the values.
const DESCRIPTOR = '.descriptor';
// The pages that list or show papers; help pages, the home page and the submission system do not.
const PAPER_PAGES = /^\/(?:abs|html|pdf|list|search|catchup|a)(?:\/|$)/;

/** What every arXiv paper carries, whatever the page. */
function baseDraft(id: ArxivId, url: URL, version: number | undefined): PaperDraft {
  return {
    ids: { arxiv: id.id, arxivVersion: version },
    url: `${SITE}/abs/${id.id}`,
    venue: ARCHIVE,
    source: 'arxiv',
    pageUrl: url.href,
  };
}

function pdfLink(id: ArxivId, version: number | undefined): string {
  return `${SITE}/pdf/${id.id}${version ? `v${version}` : ''}`;
}

function idFromLink(link: Element | null, base: URL): ArxivId | null {
  if (!link) return null;
  const href = link.getAttribute('href') ?? '';
  // Every page this source reads is on arxiv.org (`matches`): a path the address parser would
  // leave as it is (a listing's "/abs/2511.12345") names its id by itself, as the address would
  // (2,000 entries: an address built and parsed again for each was 5-8 ms).
  const fromHref = isPlainPath(href)
    ? arxivIdOfPath(href.split('?')[0] as string)
    : parseArxivId(httpUrl(href, base) ?? '');
  return fromHref ?? parseArxivId(textOf(link) ?? '');
}

/** "Materials Science (cond-mat.mtrl-sci); Machine Learning (cs.LG)" → one subject each, primary first. */
function subjectsOf(element: Element | null | undefined): string[] {
  return (textExcept(element, DESCRIPTOR) ?? '')
    .split(';')
    .map((subject) => subject.trim())
    .filter((subject) => subject.length > 0);
}

interface Link {
  href: string;
  /** The text between the previous link and this one ("Project page: "). */
  before: string;
}

const BARE_URL = /https?:\/\/[^\s<>"]+/g;

/**
 * The links in an element, in order: its anchors, and addresses written as plain text (search
 * results print comments without links). Each with the text that leads up to it.
 */
function linksIn(element: Element | null | undefined, base: URL): Link[] {
  const links: Link[] = [];
  if (element) linksUnder(element, base, links, { since: '' });
  return links;
}

// Sibling links rather than `childNodes` iteration (its iterator is dear on a 2,000-entry listing).
function linksUnder(node: Node, base: URL, links: Link[], text: { since: string }): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const value = (child as Text).data;
      let last = 0;
      // Most text holds no address: the search is skipped.
      for (const match of value.includes('://') ? value.matchAll(BARE_URL) : []) {
        const href = httpUrl(match[0].replace(/[.,;:!?)\]'"]+$/, ''));
        if (href) links.push({ href, before: text.since + value.slice(last, match.index) });
        text.since = '';
        last = match.index + match[0].length;
      }
      text.since += last === 0 ? value : value.slice(last);
    } else if (child.nodeType === 1) {
      const element = child as Element;
      const href = element.tagName === 'A' ? httpUrl(element.getAttribute('href'), base) : undefined;
      if (href) {
        links.push({ href, before: text.since });
        text.since = '';
      } else if (element.tagName !== 'A') {
        linksUnder(element, base, links, text);
      }
    }
  }
}

/** The text after the last sentence or clause end (". ", "; ", "! ", "? "), read from the end: the
 * text before a link may be a whole abstract. */
function lastClause(text: string): string {
  for (let i = text.length - 2; i >= 0; i--) {
    if ('.;!?'.includes(text.charAt(i)) && /\s/.test(text.charAt(i + 1))) return text.slice(i + 2);
  }
  return text;
}

const CODE_HOSTS = /^(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)$/i;
const PROJECT_LABEL = /(?:project|home)\s*(?:page|site|website)|web\s*(?:site|page)/i;

/** A repository link is the code; a *.github.io site or a link labelled "Project page" the project. */
function codeAndProject(links: Link[]): Pick<PaperDraft, 'codeUrl' | 'projectUrl'> {
  let codeUrl: string | undefined;
  let projectUrl: string | undefined;
  for (const { href, before } of links) {
    const url = new URL(href);
    if (/(^|\.)arxiv\.org$/i.test(url.hostname)) continue;
    const repository = CODE_HOSTS.test(url.hostname) && url.pathname.split('/').filter(Boolean).length >= 2;
    if (repository) codeUrl ??= href;
    // Only the clause that leads up to the link: "Project page: <link>", not "… project page. Data: <link>".
    const clause = lastClause(before);
    if (!repository && (/\.github\.io$/i.test(url.hostname) || PROJECT_LABEL.test(clause))) projectUrl ??= href;
  }
  return { codeUrl, projectUrl };
}

/**
 * `/list/…` (new, recent, pastweek, a month), `/catchup`, author pages: `dl` of `dt` + `dd` pairs,
 * read one entry per step (a listing may hold 100,000) from the live `dt` collection, which the
 * browser walks only as far as it is read.
 */
function* readListing(doc: Document, url: URL): Generator<Detection> {
  // arXiv repeats id="articles" once per section on /new and once per day on /recent.
  const dts = doc.getElementsByTagName('dt');
  // Indexed, not iterated: the collection's iterator makes a result object per step.
  for (let at = 0; at < dts.length; at++) {
    const dt = dts[at] as Element;
    if (dt.parentElement?.tagName !== 'DL') continue;
    const id = idFromLink(dt.querySelector('a[title="Abstract"]'), url);
    if (!id) continue;
    const next = dt.nextElementSibling;
    const dd = next?.tagName === 'DD' ? next : null;
    const titleElement = dd?.querySelector('.list-title') ?? null;
    const comments = dd?.querySelector('.list-comments');
    // The abstract is only on /new.
    const abstract = dd?.querySelector('p.mathjax');
    const paper = toPaper({
      ...baseDraft(id, url, id.version),
      title: textExcept(titleElement, DESCRIPTOR),
      // Raw: toPaper collapses each name's spaces.
      authors: allIn(dd, '.list-authors', 'a').map((link) => link.textContent),
      // Raw: toPaper collapses its spaces (once; an abstract is most of a listing's text).
      abstract: abstract?.textContent,
      // A listing does not show the v1 date; new, cross-listed and replaced entries alike.
      published: arxivIdMonth(id.id),
      venue: textExcept(dd?.querySelector('.list-journal-ref'), DESCRIPTOR) ?? ARCHIVE,
      keywords: subjectsOf(dd?.querySelector('.list-subjects')),
      pdfUrl: dt.querySelector('a[title="Download PDF"]') ? pdfLink(id, id.version) : undefined,
      ...codeAndProject([...linksIn(comments, url), ...linksIn(abstract, url)]),
    });
    // The `dt` line ends with the entry's own links, `[pdf, html, other]`: the control joins them.
    if (paper)
      yield { paper, anchor: titleElement ?? dt, actions: dt.querySelector('a[href*="/pdf/"]') ? dt : undefined };
  }
}

/** `/search/?query=…` and advanced search: one `li.arxiv-result` per paper. */
function detectSearch(results: Iterable<Element>, url: URL): Detection[] {
  const found: Detection[] = [];
  for (const result of results) {
    const idLinks = allIn(result, 'p.list-title', 'a');
    // "arXiv:<id>" for the current version, "arXiv:<id>vN" for an older one.
    const id = idFromLink(idLinks[0] ?? null, url);
    if (!id) continue;
    const titleElement = result.querySelector('p.title');
    const authorsElement = result.querySelector('p.authors');
    const authors = [...(authorsElement?.querySelectorAll('a') ?? [])].map(textOf);
    // Past 25 authors: ", et al. (N additional authors not shown)".
    const hidden = /(\d+)\s+additional authors? not shown/i.exec(textOf(authorsElement) ?? '');
    // "Submitted <this version's date>; v1 submitted <date>; originally announced <month>." The v1
    // part is there only when the result is a later version; without it "Submitted" is the v1 date.
    const dateLine = [...result.querySelectorAll('p.is-size-7')]
      .map((line) => textOf(line) ?? '')
      .find((line) => line.startsWith('Submitted'));
    const v1 = dateLine && (/\bv1 submitted ([^;]+);/i.exec(dateLine) ?? /^Submitted ([^;]+);/i.exec(dateLine));
    let comments: Element | null = null;
    let journalRef: string | undefined;
    for (const line of result.querySelectorAll('p.comments')) {
      const text = textOf(line) ?? '';
      if (text.startsWith('Comments:')) comments = line.querySelector('span.has-text-grey-dark') ?? line;
      if (text.startsWith('Journal ref:')) journalRef = cleanText(text.slice('Journal ref:'.length));
    }
    const abstract = result.querySelector('span.abstract-full');
    const doiLink = result.querySelector('a[href*="doi.org/"]');
    const paper = toPaper({
      ...baseDraft(id, url, id.version),
      title: textOf(titleElement),
      authors,
      authorCount: hidden ? authors.length + Number(hidden[1]) : undefined,
      // The full abstract ends with its "△ Less" toggle.
      abstract: textExcept(abstract, 'a.is-size-7'),
      published: (v1 ? toIsoDate(v1[1] ?? '') : undefined) ?? arxivIdMonth(id.id),
      venue: journalRef ?? ARCHIVE,
      ids: {
        arxiv: id.id,
        arxivVersion: id.version,
        doi: doiLink ? normalizeDoi(doiLink.getAttribute('href') ?? '') : undefined,
      },
      keywords: allIn(result, '.tags', '.tag[data-tooltip]').map((tag) => {
        const code = textOf(tag);
        const name = cleanText(tag.getAttribute('data-tooltip'));
        return code && name ? `${name} (${code})` : code;
      }),
      pdfUrl: idLinks.some((link) => textOf(link) === 'pdf') ? pdfLink(id, id.version) : undefined,
      ...codeAndProject([...linksIn(comments, url), ...linksIn(abstract, url)]),
    });
    if (paper) found.push({ paper, anchor: titleElement ?? result });
  }
  return found;
}

function versionNumber(text: string | undefined): number | undefined {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The version the abs page shows: the one entry of the submission history that is not a link. */
function shownVersion(history: Element | null): number | undefined {
  for (const entry of history?.querySelectorAll('strong') ?? []) {
    if (entry.querySelector('a')) continue;
    const version = versionNumber(/\[v(\d+)\]/.exec(textOf(entry) ?? '')?.[1]);
    if (version) return version;
  }
  return undefined;
}

/** `/abs/<id>[vN]`: citation_* meta tags, and the body when the page has one. */
function detectAbs(doc: Document, url: URL): Detection[] {
  const addressed = parseArxivId(url.href);
  const id = addressed ?? parseArxivId(meta(doc, 'citation_arxiv_id') ?? '');
  if (!id) return [];
  const titleElement = doc.querySelector('h1.title');
  const abstractElement = doc.querySelector('blockquote.abstract');
  // "[Submitted on 12 Jun 2017 (v1), last revised 2 Aug 2023 (this version, v7)]"
  const dateline = textOf(doc.querySelector('.dateline')) ?? '';
  const history = doc.querySelector('.submission-history');
  const version =
    addressed?.version ??
    shownVersion(history) ??
    versionNumber(/this version, v(\d+)/.exec(dateline)?.[1]) ??
    // A page saved without its body still names its version in og:url (abs-head-only).
    parseArxivId(meta(doc, 'og:url') ?? '')?.version;
  const published =
    toIsoDate(meta(doc, 'citation_date') ?? '') ??
    toIsoDate(/Submitted on (\d{1,2} \w+ \d{4})/.exec(dateline)?.[1] ?? '') ??
    toIsoDate(/\[v1\]\s*(?:\w{3},\s*)?(\d{1,2} \w{3} \d{4})/.exec(textOf(history) ?? '')?.[1] ?? '') ??
    arxivIdMonth(id.id);
  // citation_doi and the "Related DOI" row are a journal's DOI; a#arxiv-doi-link is arXiv's own.
  const doiLink = doc.querySelector('td.tablecell.doi a');
  const doi = meta(doc, 'citation_doi') ?? doiLink?.getAttribute('data-doi') ?? doiLink?.getAttribute('href');
  const bodyAuthors = [...doc.querySelectorAll('div.authors a')].map(textOf);
  const hasPdf =
    meta(doc, 'citation_pdf_url') !== undefined ||
    doc.querySelector('a.download-pdf, a.mobile-submission-download[href*="/pdf/"]') !== null;
  const paper = toPaper({
    ...baseDraft(id, url, version),
    title: meta(doc, 'citation_title') ?? textExcept(titleElement, DESCRIPTOR),
    // The body shows names as the authors wrote them; citation_author has them turned round.
    authors: bodyAuthors.length > 0 ? bodyAuthors : metaAll(doc, 'citation_author').map(personName),
    // citation_abstract keeps the addresses the body shortens to "this https URL".
    abstract: meta(doc, 'citation_abstract') ?? textExcept(abstractElement, DESCRIPTOR),
    published,
    venue: textOf(doc.querySelector('td.tablecell.jref')) ?? ARCHIVE,
    ids: { arxiv: id.id, arxivVersion: version, doi: doi ? normalizeDoi(doi) : undefined },
    keywords: subjectsOf(doc.querySelector('td.tablecell.subjects')),
    pdfUrl: hasPdf ? pdfLink(id, addressed?.version) : undefined,
    ...codeAndProject([...linksIn(doc.querySelector('td.tablecell.comments'), url), ...linksIn(abstractElement, url)]),
  });
  // A page saved without its body (abs-head-only) has no title element: the control goes on the
  // body, the first place on the page that can show it (a <title> in the head cannot).
  const anchor = titleElement ?? doc.body ?? doc.documentElement;
  return paper ? [{ paper, anchor }] : [];
}

// LaTeXML's footnotes, \thanks and author notes are not part of a title, a name or an abstract.
const LATEXML_NOTES = '.ltx_note, .ltx_author_notes, .ltx_role_footnote';

/**
 * The text of a LaTeXML element: maths as its TeX (`alttext`), or left out; notes left out; with
 * `firstLine`, only what comes before the first line break (a name before its affiliation).
 */
function latexmlText(
  element: Element | null | undefined,
  options: { math: 'tex' | 'skip'; firstLine?: boolean; skip?: string },
): string | undefined {
  if (!element) return undefined;
  const parts: string[] = [];
  let stopped = false;
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (stopped) return;
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.tagName.toLowerCase();
      if (tag === 'br' && options.firstLine) stopped = true;
      else if (tag === 'math') {
        if (options.math === 'tex') parts.push(element.getAttribute('alttext') ?? '');
      } else if (!element.matches(options.skip ?? LATEXML_NOTES)) walk(element);
    }
  };
  walk(element);
  return cleanText(parts.join(''));
}

/** Names from LaTeXML author blocks: one `.ltx_personname` may hold several, separated by commas or "and". */
function latexmlAuthors(doc: Document): string[] {
  const names: string[] = [];
  for (const person of doc.querySelectorAll('.ltx_authors .ltx_personname')) {
    // Superscripts beside a name are affiliation and footnote marks.
    const line = latexmlText(person, { math: 'skip', firstLine: true, skip: `${LATEXML_NOTES}, sup` }) ?? '';
    for (const part of line.split(/\s*,\s*|\s+and\s+|\s*&\s*/)) {
      const name = part.replace(/[\d*∗†‡§¶]+$/, '').trim();
      // An address or what is left of a mark is not a name.
      if (name && !/[@\d]/.test(name)) names.push(name);
    }
  }
  return names;
}

/** `/html/<id>[vN]`: arXiv's HTML rendering of the paper (LaTeXML); the id comes from the address. */
function detectHtml(doc: Document, url: URL): Detection[] {
  const addressed = parseArxivId(url.href);
  if (!addressed) return [];
  const back = doc.querySelector('a[title="Back to abstract page"], a[aria-label="Back to abstract page"]');
  // "arXiv:1706.03762v7 [cs.CL] 02 Aug 2023": the stamp of the version shown, dated that version.
  const stamp = /^arXiv:(\S+)\s+\[[^\]]*\]\s+(.+)$/.exec(textOf(doc.querySelector('#watermark-tr')) ?? '');
  const stamped = stamp?.[1] ? parseArxivId(stamp[1]) : null;
  // <base href="/html/<id>vN/"> names the version the rendering is of.
  const version =
    addressed.version ??
    idFromLink(back, url)?.version ??
    parseArxivId(httpUrl(doc.querySelector('base[href]')?.getAttribute('href'), url) ?? '')?.version ??
    stamped?.version;
  const titleElement = doc.querySelector('h1.ltx_title_document');
  const abstractElement = doc.querySelector('.ltx_abstract');
  const abstract = latexmlText(abstractElement, { math: 'tex', skip: `${LATEXML_NOTES}, .ltx_title_abstract` });
  const paper = toPaper({
    ...baseDraft(addressed, url, version),
    title: latexmlText(titleElement, { math: 'tex' }) ?? cleanText(doc.title) ?? `arXiv:${addressed.id}`,
    authors: latexmlAuthors(doc),
    abstract,
    published: (stamped?.version === 1 ? toIsoDate(stamp?.[2] ?? '') : undefined) ?? arxivIdMonth(addressed.id),
    pdfUrl: pdfLink(addressed, addressed.version),
    ...codeAndProject(linksIn(abstractElement, url)),
  });
  return paper ? [{ paper, anchor: titleElement ?? doc.body ?? doc.documentElement }] : [];
}

/** `/pdf/<id>[vN]`: the browser's PDF viewer, nothing to read but the address. */
function detectPdf(doc: Document, url: URL): Detection[] {
  const addressed = parseArxivId(url.href);
  if (!addressed) return [];
  const paper = toPaper({
    ...baseDraft(addressed, url, addressed.version),
    // The model requires a title and the viewer has none worth keeping (a PDF's own metadata title
    // is often empty, the file name or a template's leftover), so the id stands in until the paper
    // is seen on a page that names it.
    title: `arXiv:${addressed.id}`,
    published: arxivIdMonth(addressed.id),
    pdfUrl: pdfLink(addressed, addressed.version),
  });
  return paper ? [{ paper, anchor: doc.body ?? doc.documentElement }] : [];
}

export const arxiv: Source = {
  id: 'arxiv',
  kind: 'site',
  patterns: ['https://arxiv.org/*', 'https://www.arxiv.org/*'],
  matches: (url) =>
    (url.hostname === 'arxiv.org' || url.hostname === 'www.arxiv.org') && PAPER_PAGES.test(url.pathname),
  detect: (doc, url) => [...readArxiv(doc, url)],
  read: readArxiv,
};

function readArxiv(doc: Document, url: URL): Iterable<Detection> {
  const kind = /^\/(abs|html|pdf)\//.exec(url.pathname)?.[1];
  if (kind === 'abs') return detectAbs(doc, url);
  if (kind === 'html') return detectHtml(doc, url);
  if (kind === 'pdf') return detectPdf(doc, url);
  // By address, not by looking: on a 100,000-entry listing a search for results walks it all.
  return /^\/search(?:\/|$)/.test(url.pathname)
    ? detectSearch(doc.querySelectorAll('li.arxiv-result'), url)
    : readListing(doc, url);
}
