// Google Scholar: result pages (`/scholar?q=`, also `cites=` and `cluster=` lists) and profile
// pages (`/citations?user=`), on scholar.google.com and its country domains (docs/SITES.md, "Google
// Scholar"). Facts verified on tests/fixtures/scholar/results-2026, results-2016-a/-b and the
// hand-made profile-synthetic.
//
// Decisions:
// - Identity. Scholar's cluster id (`data-cid`, `cluster=`) is not a Paper id scheme. A result is
//   keyed by the arXiv id or DOI in its title link (arxiv.org/abs/…, doi.org/…, a publisher path
//   holding a DOI) or in its "[PDF]" side link (Scholar clusters versions of one work, so the
//   side link is the same paper), or by the arXiv id its venue line names ("CoRR, abs/1206.5538",
//   "arXiv preprint arXiv:1706.03762"); else by the title link's address (`url:`). A result with
//   neither a title link nor an id ("[CITATION]" rows often have no link) cannot be saved and is
//   skipped.
// - A profile row links to Scholar's own view of the paper (`/citations?view_op=view_citation`);
//   that is its `url` and key, rebuilt as https://scholar.google.com/citations?view_op=
//   view_citation&user=…&citation_for_view=… so the language, sort and page-size parameters and
//   the country domain do not make one paper several keys.
// - `div.gs_a` is "authors - venue, year - host". Authors are shown as Scholar abbreviates them
//   ("AA Salema") and cut with "…" without a count, so no `authorCount`; the host ("Elsevier") has
//   no Paper field. `venue` is as shown, cut short ("Industrial Crops and …") as Scholar cuts it.
// - The snippet `div.gs_rs` is a cut excerpt, not the abstract: not kept. Citation counts have no
//   Paper field.
// - `pdfUrl` is the side link labelled "[PDF]", or the title link when the title is labelled
//   "[PDF]" (then that PDF is also the `url`: the only address the result gives).
import { cleanText, httpUrl, toPaper } from '../../paper/build';
import { normalizeDoi, parseArxivId } from '../../paper/ids';
import { allIn, textExcept, textOf } from '../dom';
import type { Detection, Source } from '../types';

const SOURCE_ID = 'scholar';

// Match patterns cannot wildcard a top-level domain: the country domains Scholar serves most.
const COUNTRY_DOMAINS = [
  'com',
  'co.uk',
  'de',
  'fr',
  'co.jp',
  'com.au',
  'ca',
  'es',
  'it',
  'nl',
  'com.br',
  'co.in',
  'com.hk',
  'com.tw',
  'co.kr',
  'ru',
  'ch',
  'se',
  'pl',
  'cn',
  'at',
  'be',
  'dk',
  'fi',
  'no',
  'pt',
  'cz',
  'gr',
  'hu',
  'ro',
  'ie',
  'co.il',
  'com.tr',
  'com.mx',
  'com.ar',
  'cl',
  'co.nz',
  'co.za',
  'com.sg',
  'com.my',
  'co.id',
  'co.th',
  'com.vn',
  'com.ph',
  'com.pk',
  'com.eg',
  'com.sa',
  'com.ua',
] as const;
const HOSTS: ReadonlySet<string> = new Set(COUNTRY_DOMAINS.map((domain) => `scholar.google.${domain}`));
// Result lists and profiles; the rest of the site (settings, alerts, help) lists no papers.
const PAPER_PAGES = /^\/(?:scholar|citations)\/?$/;

// "[PDF]", "[HTML]", "[BOOK]" (span.gs_ctc) and "[CITATION]" (span.gs_ctu, results-2016-b) before a title.
const TITLE_LABEL = '.gs_ctc, .gs_ctu';
const YEAR_AT_END = /(?:^|,\s*)((?:1[5-9]|20)\d{2})$/;
// What Scholar puts where it cut an author list or a name.
const CUT = /^(?:…|\.{3})\s*|\s*(?:…|\.{3})$/g;

/** A DOI in an address: doi.org/<doi>, a publisher path holding one, or a query value that is one. */
function doiInUrl(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (/^(?:dx\.)?doi\.org$/i.test(url.hostname)) return normalizeDoi(url.href) ?? undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  const inPath = /\/(10\.\d{4,9}\/.+)$/.exec(path)?.[1];
  if (inPath) {
    // Publishers add a view after the DOI: Wiley `/full`, IOP `/pdf`, bioRxiv `v3.full.pdf`.
    let doi = inPath.replace(
      /(?:\/(?:full|abstract|abs|pdf|epdf|pdfdirect|fulltext|html|summary|meta|references))+\/?$/i,
      '',
    );
    doi = doi.replace(/(?:\.full)?(?:\.pdf|\.html?)?$/i, '').replace(/\/$/, '');
    // bioRxiv and medRxiv add the version to their DOIs in addresses: 10.1101/2020.03.22.002386v3.
    if (doi.startsWith('10.1101/')) doi = doi.replace(/v\d+$/, '');
    return normalizeDoi(doi) ?? undefined;
  }
  // PLOS: journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456
  for (const value of url.searchParams.values()) {
    if (/^10\.\d{4,9}\//.test(value)) return normalizeDoi(value) ?? undefined;
  }
  return undefined;
}

/** The arXiv id (without version: a result is the work, not one version) and DOI a link names. */
function idsInLink(href: string | undefined): { arxiv?: string; doi?: string } {
  if (!href) return {};
  const arxiv = parseArxivId(href)?.id;
  return arxiv ? { arxiv } : { doi: doiInUrl(href) };
}

/** The arXiv id a venue line names: "CoRR, abs/1206.5538" (DBLP's form), "arXiv preprint arXiv:1706.03762". */
function arxivInVenue(venue: string | undefined): string | undefined {
  const match =
    /\bCoRR,?\s+abs\/([^\s,…]+)(?=,|\s|$)/i.exec(venue ?? '') ?? /\barXiv:\s*([^\s,…]+)(?=,|\s|$)/i.exec(venue ?? '');
  return match?.[1] ? parseArxivId(match[1])?.id : undefined;
}

interface Byline {
  authors: string[];
  venue?: string;
  year?: string;
}

/** "AA Salema, FN Ani… - Industrial Crops and …, 2013 - Elsevier" → authors, venue, year. */
function parseByline(text: string | undefined): Byline {
  const parts = (text ?? '').split(/\s+-\s+/);
  const authors = (parts[0] ?? '')
    .split(',')
    .map((name) => name.replace(CUT, '').trim())
    .filter((name) => name.length > 0);
  // Three parts or more: the last is the host. Two: the second is "venue, year" only when it ends
  // with a year ("[CITATION]" rows have no host, results-2016-b), else it is the host alone.
  let middle: string | undefined;
  if (parts.length >= 3) middle = parts.slice(1, -1).join(' - ');
  else if (parts.length === 2 && YEAR_AT_END.test(parts[1] ?? '')) middle = parts[1];
  const year = middle ? YEAR_AT_END.exec(middle)?.[1] : undefined;
  const venue = cleanText(year && middle ? middle.slice(0, middle.length - year.length).replace(/,\s*$/, '') : middle);
  return { authors, venue, year };
}

/** The "[PDF]" side link of a result (`div.gs_ggs`); "[HTML]" side links are not PDFs. */
function pdfSideLink(row: Element, base: URL): string | undefined {
  for (const link of allIn(row, '.gs_ggs', 'a[href]')) {
    if (/\[PDF\]/i.test(link.textContent ?? '')) return httpUrl(link.getAttribute('href'), base);
  }
  return undefined;
}

/**
 * One result row: `div.gs_r.gs_or.gs_scl[data-cid]` (2026), `div.gs_r` without `data-cid`
 * (2016). The "Create alert" block is also a `.gs_r`, without `h3.gs_rt`: skipped.
 */
function detectResult(row: Element, url: URL): Detection | undefined {
  const heading = row.querySelector('h3.gs_rt');
  if (!heading) return undefined;
  const link = heading.querySelector('a[href]');
  const href = link ? httpUrl(link.getAttribute('href'), url) : undefined;
  const titleIsPdf = /\[PDF\]/i.test(textOf(heading.querySelector(TITLE_LABEL)) ?? '');
  const sidePdf = pdfSideLink(row, url);
  const byline = parseByline(textOf(row.querySelector('.gs_a')));
  const fromTitle = idsInLink(href);
  const fromSide = idsInLink(sidePdf);
  const arxiv = fromTitle.arxiv ?? fromSide.arxiv ?? arxivInVenue(byline.venue);
  const doi = fromTitle.doi ?? fromSide.doi;
  // Not savable: nothing to key it by (toPaper would refuse it too; said here for the reader).
  if (!href && !arxiv && !doi) return undefined;
  const paper = toPaper({
    title: link ? textOf(link) : textExcept(heading, TITLE_LABEL),
    authors: byline.authors,
    published: byline.year,
    venue: byline.venue,
    ids: { arxiv, doi },
    url: href,
    pdfUrl: sidePdf ?? (titleIsPdf ? href : undefined),
    source: SOURCE_ID,
    pageUrl: url.href,
  });
  // The link row under the byline (Cite, Cited by, Related articles…): the control joins it.
  const actions = row.querySelector('.gs_ri > .gs_fl') ?? undefined;
  return paper ? { paper, anchor: heading, actions } : undefined;
}

/** Scholar's page for a paper of a profile, without the parameters that only change its view. */
function citationView(href: string | undefined): string | undefined {
  if (!href) return undefined;
  const link = new URL(href);
  const paper = link.searchParams.get('citation_for_view');
  if (link.searchParams.get('view_op') !== 'view_citation' || !paper) return href;
  const view = new URL('https://scholar.google.com/citations?view_op=view_citation');
  const user = link.searchParams.get('user');
  if (user) view.searchParams.set('user', user);
  view.searchParams.set('citation_for_view', paper);
  return view.href;
}

/**
 * One profile row: `tr.gsc_a_tr` > `td.gsc_a_t` (title `a.gsc_a_at`, authors and venue in two
 * `div.gs_gray`, the year repeated in the venue's hidden `span.gs_oph`), `td.gsc_a_c` (citations),
 * `td.gsc_a_y` (year). The title link's address is in `data-href` (its `href` is
 * "javascript:void(0)"); older rows put it in `href`.
 */
function detectProfileRow(row: Element, url: URL): Detection | undefined {
  const title = row.querySelector('a.gsc_a_at');
  if (!title) return undefined;
  const href = citationView(
    httpUrl(title.getAttribute('data-href'), url) ??
      httpUrl(title.getAttribute('href'), url) ??
      httpUrl(row.getAttribute('data-href'), url),
  );
  const [authorLine, venueLine] = [...row.querySelectorAll('.gs_gray')];
  const venue = textExcept(venueLine, '.gs_oph');
  const year = /^\d{4}$/.exec(textOf(row.querySelector('.gsc_a_y')) ?? '')?.[0];
  const paper = toPaper({
    title: textOf(title),
    authors: (textOf(authorLine) ?? '').split(',').map((name) => name.replace(CUT, '')),
    published: year,
    venue,
    ids: { arxiv: arxivInVenue(venue) },
    url: href,
    source: SOURCE_ID,
    pageUrl: url.href,
  });
  return paper ? { paper, anchor: title } : undefined;
}

export const scholar: Source = {
  id: SOURCE_ID,
  kind: 'site',
  patterns: COUNTRY_DOMAINS.map((domain) => `https://scholar.google.${domain}/*`),
  matches: (url) => HOSTS.has(url.hostname) && PAPER_PAGES.test(url.pathname),
  detect(doc, url) {
    const found: Detection[] = [];
    for (const row of doc.querySelectorAll('.gs_r')) {
      const detection = detectResult(row, url);
      if (detection) found.push(detection);
    }
    for (const row of doc.querySelectorAll('tr.gsc_a_tr')) {
      const detection = detectProfileRow(row, url);
      if (detection) found.push(detection);
    }
    return found;
  },
};
