// Listings on pages no source knows (a lab's publication list, a course reading list, a blog post,
// a newsletter, a conference programme): entries that link to a paper.
//
// What counts as a link to a paper: arXiv abs/pdf/html (also ar5iv, alphaXiv, Hugging Face papers),
// a DOI (doi.org, or a publisher address whose path holds one: /doi/10…, Springer's /article/10…,
// bioRxiv's /content/10…v3, Nature's /articles/<DOI suffix>), OpenReview forum/pdf, the ACL
// Anthology, PubMed, PMC, Semantic Scholar's /paper/…/<id>, a proceedings page (NeurIPS, PMLR, CVF,
// JMLR, AAAI, IJCAI, IEEE Xplore, ScienceDirect, SSRN, ResearchGate), and a `.pdf` file.
//
// Decisions:
// - An entry is the nearest block around the link that repeats: li, tr, dt+dd, blockquote,
//   figcaption, or a div/article/section with a sibling of the same tag and class; else the
//   paragraph; else, under a heading, the heading and what follows it up to the next heading.
//   Every link of an entry (title, PDF, arXiv, code) is one paper; the strongest id decides the
//   key (toPaper: arXiv > DOI > PubMed > OpenReview > ACL > S2), every id seen goes into `ids`,
//   and for each scheme the first link wins. Several links whose text is a title (a paragraph or a
//   table cell citing two papers) are as many papers, each with what follows it.
// - A link's text is its title when it reads like one: two words or more, starting with a capital
//   or a digit (or a word such as "mT5"), not a label ("PDF", "[paper]", "code", "arXiv", "see
//   the paper"), not an id or an address, not a citation ("Vaswani et al., 2017"). Text that is
//   neither a title nor a label ("read the study", "published in Nature") is prose: the link is
//   not read at all, so a news story's headline never becomes the title of the study it cites.
// - When only labels link to the paper, the title is the entry's heading, `.title`, bold, quoted,
//   `cite`/italic text or title link to another page, else a sentence of the entry; such a title
//   is taken only when the entry also shows two or more authors (not a news byline, "By …") or a
//   venue, and a sentence only beside an author list. Running prose never gets a title this way:
//   "see the [paper]" is nothing.
// - Authors only from a part of the entry that is nothing but a list of names ("A. Author, B.
//   Author, and C. Author", "Vaswani, A., & Shazeer, N."); "et al." and "…" end the list and are
//   not stored; no `authorCount` (lists on these pages state none). Venue only from a part that
//   names one ("In Proceedings of …", "NeurIPS 2023", "Nature 596, 583–589 (2021)"), as shown.
//   `published`: the earliest date or year shown in the venue, date or author parts, or in a
//   "(…, 2017)" right after a title link.
// - A `.pdf` on an unknown host is a paper only with a title and with authors or a venue beside
//   it, or where the entry calls it a paper ("(original GloVe paper)"); a news site's "Annual
//   Report 2025 (PDF)" is not; a PDF labelled slides, poster or supplement is not the paper. Files
//   in a code repository (github.com/…/blob/…pdf) are not papers.
// - `published`: an arXiv id dates the first version (YYMM, as the arxiv source does on listings);
//   the earliest of that and what the entry shows wins.
// - `url` is the landing page of the strongest link (arXiv: https://arxiv.org/abs/<id>), `pdfUrl`
//   the entry's PDF link, `codeUrl` its repository link (or a link labelled "code" to another
//   site), `projectUrl` a link labelled project page/website or a *.github.io site; the title's
//   own link only when it is one of those or its path says /project/ (a journal's article page or
//   a lab's /publication/<slug>/ is the paper's page on that site, not a project).
// - Not read: nav, page headers and footers, aside, forms, hidden parts; links to listings and
//   searches (they carry no paper id); web search engine result pages (results are page titles,
//   "[1706.03762] Attention Is All You Need - arXiv", not papers: tests/fixtures/generic-links/
//   search-engine-synthetic).
// - A repository README that names its paper only in its h1 and links it as "arXiv"/"Paper"
//   badges yields nothing: the h1 names the repository as often as the paper, and no entry around
//   the badges holds a title (github-readme-synthetic).
// - A citation that links no paper (its title a plain line, bold text or a link to a publisher's
//   page, a project, `#`; its links a co-author's home page, an empty "[pdf]") is a paper when its
//   block (li, p, dd, or a div/article/section/font beside blocks of its shape) reads as a title,
//   an author list that is no byline and a year, and one of its authors is named in another entry
//   of the page too (the page owner, a frequent co-author): a news page's strangers never are.
//   Keyed by an id or address its links give, else by its content. Entries whose title is a
//   card's heading link are generic-cards'; entries with COinS or a printed DOI, and template
//   entries, are their readers'.
// The helpers exported below are shared with generic-cards, so both read one entry the same way.
import { cleanText, httpUrl, type PaperDraft, toPaper } from '../../paper/build';
import { toIsoDate } from '../../paper/dates';
import { normalizeUrl } from '../../paper/ids';
import type { PaperIds } from '../../paper/model';
import { textOf } from '../dom';
import { isCodeLink, type PaperLink, paperLinkOf } from '../links';
import { describesArticle } from '../metadata';
import { badgeIds, inTemplateEntry, TEMPLATE_ENTRY } from '../template';
import type { Detection, Source } from '../types';

// Web search engines' result pages, as host (without "www.") and path: they list page titles, not
// papers.
const SEARCH_PAGES = new RegExp(
  `^(?:${[
    /google\.[a-z]{2,3}(?:\.[a-z]{2})?\/(?:search|webhp)$/,
    /(?:cn\.)?bing\.com\/search$/,
    /(?:html\.|lite\.)?duckduckgo\.com\/(?:html|lite)?\/?$/,
    /(?:[a-z]+\.)?search\.yahoo\.com\/search/,
    /yandex\.[a-z]{2,3}\/search/,
    /baidu\.com\/s$/,
    /ecosia\.org\/search$/,
    /startpage\.com\/(?:sp|do)\/search/,
    /search\.brave\.com\/search$/,
    /kagi\.com\/search$/,
    /qwant\.com\/$/,
  ]
    .map((pattern) => pattern.source)
    .join('|')})`,
);

/** True for a web search engine's result page, where generic readers find nothing worth saving. */
export function isWebSearchPage(url: URL): boolean {
  return SEARCH_PAGES.test(url.hostname.toLowerCase().replace(/^www\./, '') + url.pathname);
}

// ---------------------------------------------------------------------------------------------
// Text: titles, labels, names, venues

// Words that make up a link's label rather than a title ("[PDF]", "Paper (arXiv)", "see the paper").
const LABEL_WORDS = new Set(
  (
    'pdf paper papers arxiv preprint code codes link links doi html abs abstract bib bibtex ris endnote slides ' +
    'slide video videos poster project projects page webpage website site homepage here this that the our a an see ' +
    'read full text version openreview acl anthology pubmed pmc europe semantic scholar google hugging face hf ' +
    'huggingface github gitlab supplementary supplement supp appendix material materials data dataset datasets ' +
    'demo talk blog post published journal publisher official camera ready camera-ready article download view ' +
    'open access url citation cite reviews review forum on at in of and more details source repo repository ' +
    'implementation pre-print proceedings doi.org arxiv.org pdf. ieee xplore acm dl springer elsevier wiley ' +
    'sciencedirect jstor ssrn researchgate neurips nips pmlr cvf dblp biorxiv medrxiv chemrxiv osf zenodo ' +
    // A reference's database links ("PubMed Central", "CrossRef"), an article page's image-enlarge,
    // export, share and navigation links ("PNG larger image", "Reference Manager", "Share on
    // Mendeley (opens new window)", "Previous article in issue").
    'central crossref scopus isi mendeley zotero refworks reference references manager simple file email ' +
    'share previous next issue larger image png jpg jpeg tiff ppt powerpoint figure figures table tables ' +
    'media coverage preview experimental plus one opens new window tab'
  ).split(/\s+/),
);
// A PDF with one of these labels is a companion file, not the paper.
const COMPANION_LABEL =
  /^(?:slides?|poster|supp(?:lementary|lement)?(?: material)?|appendix|talk|handout|notes?|lecture notes|cv|resume|syllabus|homework|assignment|exam|solutions?|errata|reviews?|rebuttal|thesis proposal)$/i;
const PAPER_LABEL =
  /^(?:pdf|paper|full ?text|preprint|pre-print|manuscript|camera[- ]ready|article|download(?: pdf)?)$/i;

/** Strips the labels pages wrap around a title: "[PDF] Title", "Title (arXiv)", “Title”, "Title.". */
export function cleanTitle(text: string | null | undefined): string | undefined {
  let value = cleanText(text);
  if (!value) return undefined;
  const label = /^\s*[[(]\s*(?:pdf|html|arxiv|paper|link|code|doi|preprint|citation|book|b)\s*[\])]\s*/i;
  // Newsletters name the place after the title: "Title (arXiv)", "Title (Nature)", "Title (Google DeepMind blog)".
  const trailing =
    /\s*(?:[[(]\s*(?:pdf|arxiv|html|paper|link|preprint|openreview|doi|acl anthology|ph\.?d\.?|thesis|msc)\s*[\])]|\((?:[^()]*\b(?:arXiv|bioRxiv|medRxiv|Nature|Science|Cell|PNAS|OpenReview|GitHub|blog|journal|paper|preprint|PDF)\b[^()]*)\)|[-–|]\s*arxiv)\s*$/i;
  let previous: string | undefined;
  while (previous !== value) {
    previous = value;
    value = value.replace(label, '').replace(trailing, '').trim();
    // A venue tag before the title: "[NeurIPS'23] Title" (its "[" may be gone when the tag was bold).
    value = value.replace(/^\[?[^[\]]{1,40}\]\s+(?=\S)/, '').trim();
    value = value.replace(/^["“”'‘’«]+|["“”'‘’»]+$/g, '').trim();
    value = value.replace(/[.,;]+$/, '').trim();
  }
  return value || undefined;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

/** True when the text is only labels, an id or an address: "PDF", "[arXiv]", "arXiv:1706.03762", "https://…". */
export function isLabel(text: string | null | undefined): boolean {
  const value = cleanText(text);
  // No letter and no digit: "^" (Wikipedia's backlink), "↗", "#", an icon.
  if (!value || !/[\p{L}\d]/u.test(value)) return true;
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(value) || /^[\w.-]+\.(?:org|com|net|edu|io|gov|cc)\/\S*$/i.test(value)) {
    return true;
  }
  if (/^(?:arxiv:\s*|doi:\s*|pmid:?\s*|pmcid:?\s*)?\S*\d\S*$/i.test(value) && !/\s/.test(value)) return true;
  if (/^(?:arxiv|doi|pmid|pmc(?:id)?):\s*\S+$/i.test(value)) return true;
  // "[arXiv:2507.05055 ]", "(doi: 10.1103/…)": an id in brackets, spaces and all.
  if (/^[[(]\s*(?:arxiv|doi|pmid|pmc(?:id)?):?\s*\S*\d\S*\s*[\])]$/i.test(value)) return true;
  const stripped = value
    .toLowerCase()
    .replace(/[[\](){}<>|/:,.!?↗→»«"“”'‘’•·—–-]+/g, ' ')
    .trim();
  return stripped === '' || words(stripped).every((word) => LABEL_WORDS.has(word));
}

const CALL_TO_ACTION =
  /^(?:read|see|view|download|get|click|learn|visit|watch|check|find|explore|access|more|continue)\b(?![,:])/i;
// "Vaswani et al. (2017)", "Smith and Jones, 2020": a citation in running text, not a title.
const CITATION =
  /^\p{Lu}[\p{L}'’-]+(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+)?\s+et al\b|\(\s*(?:19|20)\d\d[a-z]?\s*\)\s*$|,\s*(?:19|20)\d\d[a-z]?\s*$/iu;
// "Quantum Sci. Technol. 3 (2018) 044003", "Phys. Rev. B 109, 224310 (2024)": a journal reference
// (volume, page, year in brackets) as a DOI link's text names where the paper is, not what.
const JOURNAL_REFERENCE =
  /^(?:[\p{Lu}][\p{L}.-]*\s+){1,6}\d+[,:]?\s+(?:\(\s*(?:19|20)\d\d\s*\)\s+)?[A-Z]?\d+(?:[-–]\d+)?(?:\s+\(\s*(?:19|20)\d\d\s*\))?$/u;

/** True when the text reads like a paper's title (see the header: capitalised, two words, no label). */
export function isTitle(text: string | null | undefined): boolean {
  const value = cleanTitle(text);
  if (!value || value.length < 8 || value.length > 400) return false;
  const list = words(value);
  if (list.length < 2 || list.length > 60) return false;
  if (isLabel(value) || CITATION.test(value) || JOURNAL_REFERENCE.test(value) || /:$/.test(value)) return false;
  // "Read the study", "Download the full report", "See our findings": a call to follow the link.
  if (list.length <= 6 && CALL_TO_ACTION.test(value)) return false;
  if (toIsoDate(value) !== undefined) return false;
  // "Volume 5 - 2014", "Issue 3": where the paper is.
  if (/^(?:vol(?:ume)?|issue|no)\.?\s*\d/i.test(value)) return false;
  // A title starts with a capital or a digit; a first word like "mT5" or "iGPT" also names something.
  const first = list[0] ?? '';
  if (!/^[\p{Lu}\d]/u.test(first) && !/\p{Lu}|\d/u.test(first)) return false;
  return /\p{L}{3,}/u.test(value);
}

const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|dos|das|du|la|le|ten|ter|bin|ibn|al|el|zu|y)$/;
const INITIALS = /^(?:\p{Lu}\.?-?){1,3}$/u;
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u;
const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;
// Capitalised words of titles, awards, institutions and dates: "Attention Is All You Need" is no
// one's name. Words that are also names are left out ("An", "Do", "Jan", "Jun", "May", "Sun").
const NOT_A_NAME = new Set(
  (
    'a the of for with and to in on at by from via into onto over under not no is are be was does ' +
    'what how why when where which who you we our your it its as all any need one two more less new best ' +
    'learning learn model models modeling network networks neural deep language languages data large small scale ' +
    'training transformer transformers image images vision visual attention generation generative recognition ' +
    'representation representations efficient fast robust towards toward beyond using based free self multi ' +
    'reinforcement graph graphs text speech video diffusion segment anything everything paper papers award oral ' +
    'spotlight poster highlight presentation talk keynote university institute lab laboratory college school ' +
    'research center centre department group team inc corporation science sciences computer computing engineering ' +
    'machine intelligence artificial systems system analysis theory review survey study introduction part chapter ' +
    'tue wed thu fri sat feb mar apr jul aug sep sept oct nov dec week lecture session ' +
    'reading readings suggested required optional further additional recommended related selected publications ' +
    'references bibliography resources notes news updates assignment homework project projects slides'
  ).split(/\s+/),
);
// Footnote and affiliation marks beside a name: "Jane Doe*", "John Roe†1".
const MARKS = /[*∗†‡§¶#♠♣♥♦✉⋆]+|(?<=\p{L})\d+(?:,\d+)*$/gu;

/** True when the text is one person's name: "Ashish Vaswani", "J. K. Rowling", "Nando de Freitas". */
export function isName(text: string): boolean {
  const tokens = words(text.replace(MARKS, '').trim());
  if (tokens.length < 2 || tokens.length > 5) return false;
  if (PARTICLE.test(tokens[0] ?? '')) return false;
  let named = false;
  for (const [index, token] of tokens.entries()) {
    // "A Tennant", "A de la Torre": a first initial A (written without its full stop) is no article.
    if (NOT_A_NAME.has(token.toLowerCase()) && !(index === 0 && token === 'A')) return false;
    if (NAME_WORD.test(token)) named = true;
    else if (!INITIALS.test(token) && !PARTICLE.test(token) && !SUFFIX.test(token)) return false;
  }
  return named;
}

/**
 * Reads a part of an entry that is nothing but names: "A. Author, B. Author, and C. Author",
 * "by A and B", APA's "Vaswani, A., Shazeer, N., & Parmar, N."; a trailing year or affiliation is
 * left aside, "et al." and "…" end the list. Null when any piece is not a name.
 */
export function parseAuthorList(text: string): string[] | null {
  if (/:\s*$/.test(text)) return null;
  let value = (cleanText(text) ?? '')
    .replace(/^by\s+/i, '')
    .replace(/\s*\((?:19|20)\d\d[a-z]?\)[.,;]?\s*$/, '')
    .replace(/[,.]?\s*(?:19|20)\d\d[a-z]?$/, '')
    .replace(/\s*\([^()]*\)\s*$/, '')
    .trim();
  // Affiliation marks written as digits after a name: "Nando de Freitas1,2".
  value = value.replace(/(?<=\p{Ll})\d+(?:,\d+)*/gu, '');
  // The full stop after a last initial ("Polosukhin, I.") is the initial's.
  value = value.replace(/(?<!(?:^|[\s,.])\p{Lu})[.,;]+$/u, '');
  if (!value) return null;
  // Wikipedia's CS1 and many bibliographies: "LeCun, Yann; Bengio, Yoshua; Hinton, Geoffrey".
  if (value.includes(';')) {
    const turned = value.split(/\s*;\s*(?:and\s+|&\s*)?/).map((piece) => {
      const [last, first, ...rest] = piece.split(/\s*,\s*/);
      // "Allan, MP" is one name turned; "MP Allan, T Greber" is two.
      return rest.length === 0 && last && first && !isName(last) ? `${first} ${last}` : piece;
    });
    value = turned.join(', ');
  }
  const pieces = value
    .split(/\s*(?:[,;]\s*(?:and\s+|&\s*)?|\s&\s|\s+and\s+)\s*/)
    .map((piece) => piece.replace(MARKS, '').trim())
    .filter((piece) => piece.length > 0);
  const names: string[] = [];
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index] ?? '';
    if (/^(?:et al\.?|…|\.{3}|and others)$/i.test(piece)) continue;
    const next = pieces[index + 1];
    // APA: "Vaswani, A." is one name in two pieces, surname first.
    if (next && /^\p{Lu}[\p{L}'’-]+$/u.test(piece) && words(next).every((token) => INITIALS.test(token))) {
      names.push(`${next} ${piece}`);
      index++;
      continue;
    }
    if (!isName(piece)) return null;
    names.push(piece);
  }
  return names.length > 0 ? names : null;
}

// Words that name where a paper appeared: venue names, series, archives, kinds of report. Names
// that begin with a capital letter apart, so that the gate (lib/detect/gate.ts) can look for those
// inside run-together text cheaply.
export const VENUE_NAMES = [
  'Proc(?:eedings|\\.)',
  'Conference',
  'Conf\\.',
  'Workshop',
  'Symposium',
  'Journal of',
  'Transactions',
  'Trans\\.',
  'Advances in',
  'Findings of',
  'NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|WACV|BMVC|ACL|EMNLP|NAACL|EACL|COLING|TACL|COLM|AAAI|IJCAI|KDD',
  'SIGIR|SIGGRAPH|WSDM|CHI|UIST|CSCW|JMLR|TMLR|TPAMI|IJCV|PNAS|PLOS|SSRN|Interspeech|ICASSP|CoRL|ICRA',
  'IROS|AISTATS|UAI|COLT|MICCAI|MLSys|OSDI|SOSP|NSDI|USENIX|ISCA|PLDI|POPL|ICSE',
  'Preprint',
  'Technical [Rr]eport',
  'Tech\\. [Rr]ep',
  'Thesis',
  'Dissertation',
  'Under review',
];
/** Venue words that begin in lower case: eLife and the preprint archives, and report kinds. */
export const LOWER_CASE_VENUE_NAMES = [
  'eLife',
  'arXiv',
  'bioRxiv',
  'medRxiv',
  'preprint',
  'thesis',
  'dissertation',
  'under review',
];
export const VENUE = new RegExp(`\\b(?:${[...VENUE_NAMES, ...LOWER_CASE_VENUE_NAMES].join('|')})\\b`);
// Journal names that are also everyday words ("Science" is a news section, a shop's blog is its
// "Journal"): a venue only with a year or volume.
export const JOURNAL = /\b(?:Journal|Nature|Science|Cell|Lancet|Letters|Review|Annals|Bulletin)\b/;
const YEAR = /(?<![\d./-])((?:19|20)\d\d)(?![\d])(?!\.\d)/g;

// Small words a venue's name may hold in lower case ("Proceedings of the …", "pp. 1–10").
const VENUE_SMALL_WORDS = new Set('of on the and in for to at de la pp vol no with its'.split(' '));

/**
 * True when a part of an entry names where the paper appeared ("In Proc. of …", "NeurIPS 2023"):
 * a venue's words, in a short part written like a name (a sentence of prose mentioning arXiv is not).
 */
export function isVenue(text: string): boolean {
  const value = cleanText(text) ?? '';
  const list = words(value);
  if (list.length === 0 || list.length > 20) return false;
  const prose = list.filter(
    (word) => /^\p{Ll}/u.test(word) && !VENUE_SMALL_WORDS.has(word.replace(/[.,:;]+$/, '')) && !VENUE.test(word),
  );
  if (prose.length > 1) return false;
  if (/^In\s+\p{Lu}/u.test(value)) return true;
  return VENUE.test(value) || (JOURNAL.test(value) && /\d/.test(value));
}

/** True when the venue is a conference, proceedings, archive or thesis by its words, not only a journal-like name. */
export function namesVenueType(text: string): boolean {
  return VENUE.test(text) || /^In\s+\p{Lu}/u.test(text);
}

function yearsIn(text: string): number[] {
  return [...text.matchAll(YEAR)].map((match) => Number(match[1])).filter((year) => year <= 2100);
}

// ---------------------------------------------------------------------------------------------
// Entries: the runs of text and links of a block, split into parts

// Blocks whose boundaries separate the parts of an entry.
const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DETAILS DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P SECTION SUMMARY TABLE TD TH TR UL'.split(
    ' ',
  ),
);
// Never part of an entry's text: code, hidden blocks, controls, footnote marks; and furniture
// inside an entry (a card's own nav or form).
const SKIPPED_TAGS = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE SVG BUTTON SELECT TEXTAREA PRE CODE SUP NAV ASIDE FORM DIALOG'.split(' '),
);
const SKIPPED_CLASSES = ['hidden', 'bibtex', 'sr-only', 'visually-hidden'];
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search']);

/** True for an element whose text is never an entry's; tests without a selector engine, asked of every element. */
function isSkipped(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  if (element.attributes.length === 0) return false;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const role = element.getAttribute('role');
  if (role && SKIPPED_ROLES.has(role)) return true;
  const { classList } = element;
  return classList.length > 0 && SKIPPED_CLASSES.some((name) => classList.contains(name));
}

const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FORM', 'DIALOG']);

/** True when the element is navigation, a page header or footer, a sidebar or a form. */
export function isFurniture(element: Element): boolean {
  // One walk up instead of selector queries: every link of the page asks.
  let band = false;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const tag = node.tagName.toUpperCase();
    if (FURNITURE_TAGS.has(tag)) return true;
    const role = node.attributes.length > 0 ? node.getAttribute('role') : null;
    if (role && SKIPPED_ROLES.has(role)) return true;
    // A header or footer inside an article, card or list item belongs to that entry; the page's do not.
    if (tag === 'HEADER' || tag === 'FOOTER') band = true;
    else if (band && (tag === 'ARTICLE' || tag === 'LI' || tag === 'TD' || /card/i.test(node.className))) band = false;
  }
  return band;
}

/** A stretch of an entry's text: plain text, a link, or a break between blocks. */
export interface Run {
  text: string;
  /** The element holding the text (the link itself for a link). */
  element: Element;
  link?: Element;
  /** True for a block boundary. */
  gap?: boolean;
}

/** The text of an entry in document order: text, links (whole) and block boundaries. */
export function runsOf(roots: readonly Element[]): Run[] {
  const runs: Run[] = [];
  const walk = (element: Element): void => {
    for (const child of element.childNodes) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        if (text) runs.push({ text, element });
        continue;
      }
      if (child.nodeType !== 1) continue;
      const node = child as Element;
      // <wbr> marks where a long word may wrap: it separates nothing.
      if (node.tagName === 'WBR' || isSkipped(node)) continue;
      if (node.tagName === 'A') {
        runs.push({ text: linkText(node), element: node, link: node });
        continue;
      }
      // An empty inline element between texts is a separator drawn by CSS (Hugo's span.middot-divider) or an icon.
      const block = BLOCK_TAGS.has(node.tagName) || node.firstChild === null;
      if (block) runs.push({ text: '\n', element: node, gap: true });
      walk(node);
      if (block) runs.push({ text: '\n', element: node, gap: true });
    }
  };
  for (const root of roots) {
    runs.push({ text: '\n', element: root, gap: true });
    // A link that is its own entry (no block around it) is read as a link.
    if (root.tagName === 'A') runs.push({ text: linkText(root), element: root, link: root });
    else walk(root);
    runs.push({ text: '\n', element: root, gap: true });
  }
  return runs;
}

/** A link's visible text (its heading's, when it wraps one); an image-only link (a badge) reads as its alt text. */
export function linkText(link: Element): string {
  const heading = link.firstElementChild ? link.querySelector('h1, h2, h3, h4, h5, h6') : null;
  const text = cleanText(heading?.textContent) ?? cleanText(link.textContent);
  if (text) return text;
  return cleanText(link.querySelector('img[alt]')?.getAttribute('alt')) ?? '';
}

/** One part of an entry: a sentence, a line, or what lies between separators. */
export interface Part {
  text: string;
  /** The element the part starts in, its anchor when it is the title. */
  element: Element;
  /** The part stops at a line break with no punctuation: its sentence goes on in the next part. */
  continued?: boolean;
}

// Words before a full stop that do not end a sentence: initials, "et al.", "Proc.", "pp.", "vol.".
const ABBREVIATION =
  /(?:^|[\s(]|(?<=(?:^|[\s(])\p{Lu}\.))(?:\p{Lu}|al|Proc|Conf|Int|Intl|Natl|Vol|vol|No|no|pp|Jr|Sr|St|Dr|Mr|Ms|Inc|Ltd|Co|Eds?|eds?|Trans|Adv|Nat|Sci|Comput|Lett|Rev|Phys|Eng|Assoc|Ling|Lang|Mach|Learn|Res|Symp|Workshop|Annu|Meet|Syst|Inf|Process|Neural|Appl|Math|Stat|Technol|Univ|Dept|Tech|Rep|vs|cf|e\.g|i\.e)$/u;

/**
 * Splits runs into parts at block boundaries, at " | ", " · ", " • ", " — " and at full stops that
 * end a sentence (not after an initial or an abbreviation). Runs in `skip` (labels, the title)
 * break the text like a block boundary.
 */
export function partsOf(runs: readonly Run[], skip: (run: Run) => boolean): Part[] {
  const parts: Part[] = [];
  let text = '';
  let starts: { offset: number; element: Element }[] = [];
  const flush = (atBreak: boolean): void => {
    const pieces: { text: string; offset: number }[] = [];
    let offset = 0;
    // Curly quotes close a title: Author. “Title.” In Venue.
    for (const line of text.split(/\s[|·•—]\s|\s-{2,}\s|[|·•]|\s+(?=“)|(?<=”)\s+/)) {
      let last = 0;
      for (const match of line.matchAll(/([.?!])\s+(?=[\p{Lu}\d"“'‘([]|(?:arXiv|bioRxiv|medRxiv|eLife)\b)/gu)) {
        const end = match.index ?? 0;
        if (match[1] === '.' && ABBREVIATION.test(line.slice(0, end))) continue;
        pieces.push({ text: line.slice(last, match[1] === '.' ? end : end + 1), offset: offset + last });
        last = end + match[0].length;
      }
      pieces.push({ text: line.slice(last), offset: offset + last });
      offset += line.length + 1;
    }
    for (const piece of pieces) {
      // A trailing colon stays: "Suggested Readings:" introduces, it names no one.
      const value = unwrap(
        cleanText(piece.text.replace(/^[\s,;:.[\]]+|[\s,;[\]]+$/g, '').replace(/(?<!(?:^|[\s,.])\p{Lu})\.+$/u, '')),
      );
      if (!value || !/\p{L}|\d/u.test(value)) continue;
      const leading = piece.text.length - piece.text.trimStart().length;
      const start = [...starts].reverse().find((entry) => entry.offset <= piece.offset + leading) ?? starts[0];
      if (!start) continue;
      const continued = atBreak && piece === pieces.at(-1) && !/[.?!:;,)\]]\s*$/.test(piece.text);
      parts.push(
        continued ? { text: value, element: start.element, continued } : { text: value, element: start.element },
      );
    }
    text = '';
    starts = [];
  };
  for (const run of runs) {
    if (run.gap || skip(run)) {
      flush(run.gap === true);
      continue;
    }
    starts.push({ offset: text.length, element: run.element });
    text += run.text;
  }
  flush(false);
  return parts;
}

/** Drops brackets around a whole part, "(bioRxiv)", and a bracket left open or closed at its ends. */
function unwrap(text: string | undefined): string | undefined {
  if (!text) return text;
  let value = text;
  if (/^\([^()]*\)$/.test(value)) value = value.slice(1, -1);
  const open = value.split('(').length - 1;
  const close = value.split(')').length - 1;
  if (close > open) value = value.replace(/\)$/, '');
  if (open > close) value = value.replace(/^\(/, '');
  return cleanText(value);
}

/** What the parts of an entry show besides its title: authors, venue, date. */
export interface Citation {
  authors?: string[];
  /** The names came as a byline ("By Jane Doe and John Roe"), as every news story has. */
  byline?: boolean;
  venue?: string;
  published?: string;
}

/** Reads authors, venue and date from the parts of an entry (its title already left out). */
export function readCitation(parts: readonly Part[]): Citation {
  const citation: Citation = {};
  const dates: string[] = [];
  for (const part of parts) {
    // "Jumper et al., Nature 2021": the surname names no one in full; the rest is the venue.
    const text = part.text.replace(/^\p{Lu}[\p{L}'’-]+(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+)?\s+et al\.?,?\s*/u, '');
    const date = toIsoDate(text.replace(/^(?:published|posted|submitted|updated)\s*:?\s*/i, ''));
    if (date) {
      dates.push(date);
      continue;
    }
    if (!citation.authors) {
      const authors = parseAuthorList(text);
      if (authors) {
        citation.authors = authors;
        citation.byline = /^by\s/i.test(text);
        for (const year of yearsIn(text)) dates.push(String(year));
        continue;
      }
    }
    // A remark in brackets after the venue ("(oral)", "(a re-read…)") is not part of it, nor
    // academicpages' "Published in" before it.
    const shown = text.replace(/^published in\s+/i, '');
    const venueText = isVenue(shown) ? shown : shown.replace(/\s*\([^()]*\)$/, '');
    if (isVenue(venueText)) {
      citation.venue ??= cleanVenue(venueText);
      for (const year of yearsIn(venueText)) dates.push(String(year));
    }
  }
  citation.published = earliest(dates);
  return citation;
}

/**
 * A venue as shown, without what is not its name: a leading "In", the year after a comma or in
 * brackets ("NeurIPS 2023" keeps it), APA's volume, issue and pages ("…Systems, 30", "pp. 1097–1105").
 */
export function cleanVenue(text: string): string | undefined {
  return cleanText(
    text
      .replace(/^(?:In|Published in|Appeared in|To appear in)\s*:?\s+/i, '')
      .replace(/(?:,\s*|\s+\()(?:19|20)\d\d[a-z]?\)?$/, '')
      .replace(/[.,]?\s*pp?\.\s*\d+(?:\s*[-–]\s*\d+)?$/, '')
      .replace(/(?<=\p{L}),\s*\d+(?:\(\d+\))?(?:,\s*\d+(?:[-–]\d+)?)?$/u, ''),
  );
}

/** Year and month of an arXiv id's first announcement (YYMM; old ids from 91 are the 1990s). */
export function arxivMonth(id: string | undefined): string | undefined {
  const match = id ? (/^(\d{2})(\d{2})\./.exec(id) ?? /\/(\d{2})(\d{2})\d{3}$/.exec(id)) : null;
  if (!match) return undefined;
  const yy = Number(match[1]);
  return `${id?.includes('/') && yy >= 91 ? 1900 + yy : 2000 + yy}-${match[2]}`;
}

/** The earliest of several ISO dates (by year, then by how precise); undefined for none. */
export function earliest(dates: readonly string[]): string | undefined {
  return [...dates].sort((a, b) => a.slice(0, 4).localeCompare(b.slice(0, 4)) || b.length - a.length)[0];
}

/** True when the authors and venue shown make the entry a citation (two names not in a byline, or a venue). */
export function isCitation(citation: Citation): boolean {
  return ((citation.authors?.length ?? 0) >= 2 && !citation.byline) || citation.venue !== undefined;
}

/** The innermost element that still holds all of `title` (a heading's link, a bold span's text). */
export function innermost(element: Element, title: string): Element {
  let current = element;
  for (;;) {
    const child = [...current.children].find((candidate) => cleanTitle(candidate.textContent) === title);
    if (!child) return current;
    current = child;
  }
}

/** The abstract an entry shows (al-folio hides it behind an "Abs" button: it is still the page's). */
export function abstractOf(roots: readonly Element[]): string | undefined {
  for (const root of roots) {
    for (const element of root.querySelectorAll('[class]')) {
      if (element.tagName === 'A' || element.tagName === 'BUTTON') continue;
      if (![...element.classList].some((name) => /^(?:abstract|paper-abstract|pub-abstract)$/i.test(name))) continue;
      const text = textOf(element)?.replace(/^abstract\s*:?\s*/i, '');
      if (text && words(text).length >= 8) return text;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Finding entries

const LIST_ENTRY = new Set(['LI', 'TR', 'DD', 'DT', 'BLOCKQUOTE', 'FIGCAPTION']);
// FONT: hand-written pages of the 2000s wrap each entry in one (mehrotra-hydejack).
const CARD_TAGS = new Set(['DIV', 'ARTICLE', 'SECTION', 'FONT']);
const HEADING = /^H[1-6]$/;

/**
 * Tag and first class: the shape repeated blocks share. Only the first class, because lists add
 * per-item classes after it (Hugo Academic: `isotope-item pubtype-1 year-2023`).
 */
export function signature(element: Element): string {
  return `${element.tagName}.${element.classList[0] ?? ''}`;
}

/**
 * What one reading of a page learns about its blocks, each answered once however many links ask:
 * how many of a parent's children have each shape (a page of 1,000 stories compared every story
 * with all its siblings for each of its links, a million comparisons), and which blocks are entries.
 */
export class PageBlocks {
  private readonly shapes = new Map<Element, Map<string, number>>();
  private readonly entries = new Map<Element, boolean>();

  /** How many children of the element's parent, itself among them, have its shape. */
  sameShape(element: Element): number {
    const parent = element.parentElement;
    if (!parent) return 1;
    let counts = this.shapes.get(parent);
    if (!counts) {
      counts = new Map();
      for (const child of parent.children) {
        const shape = signature(child);
        counts.set(shape, (counts.get(shape) ?? 0) + 1);
      }
      this.shapes.set(parent, counts);
    }
    return counts.get(signature(element)) ?? 0;
  }

  /** True for a list item, table row, definition term or description, quote, caption, or repeated block. */
  isEntry(element: Element): boolean {
    if (LIST_ENTRY.has(element.tagName)) return true;
    let answer = this.entries.get(element);
    if (answer === undefined) {
      answer = this.isRepeatedBlock(element);
      this.entries.set(element, answer);
    }
    return answer;
  }

  /** True for a div/article/section with a sibling of the same shape, not too large to be one entry. */
  private isRepeatedBlock(element: Element): boolean {
    if (!CARD_TAGS.has(element.tagName)) return false;
    const parent = element.parentElement;
    if (!parent || parent.tagName === 'BODY' || element.tagName === 'MAIN') return false;
    if (this.sameShape(element) < 2) return false;
    // A layout column holding the whole page repeats too; an entry is small and has no top headings.
    return (element.textContent?.length ?? 0) <= 4000 && element.querySelector('h1, h2, main') === null;
  }
}

/** The elements of the entry a link belongs to (dt+dd pairs and heading sections are several). */
function entryOf(link: Element, blocks: PageBlocks): Element[] {
  let paragraph: Element | null = null;
  let heading: Element | null = null;
  let node = link.parentElement;
  for (let depth = 0; node && depth < 10; depth++, node = node.parentElement) {
    if (node.tagName === 'BODY' || node.tagName === 'HTML' || node.tagName === 'MAIN') break;
    if (blocks.isEntry(node)) return withPair(node);
    if (node.tagName === 'P' && !paragraph) paragraph = node;
    if (HEADING.test(node.tagName) && !heading) heading = node;
  }
  if (paragraph) return [paragraph];
  if (heading) return headingSection(heading);
  return [link];
}

/** A definition list entry is its term and its description together. */
function withPair(element: Element): Element[] {
  if (element.tagName === 'DT') {
    const next = element.nextElementSibling;
    return next?.tagName === 'DD' ? [element, next] : [element];
  }
  if (element.tagName === 'DD') {
    const previous = element.previousElementSibling;
    return previous?.tagName === 'DT' ? [previous, element] : [element];
  }
  return [element];
}

/** A heading and what follows it up to the next heading of its level or above (a newsletter item). */
function headingSection(heading: Element): Element[] {
  const level = Number(heading.tagName.slice(1));
  const section = [heading];
  let next = heading.nextElementSibling;
  while (next && section.length < 6) {
    if (next.tagName === 'HR') break;
    if (HEADING.test(next.tagName) && Number(next.tagName.slice(1)) <= level) break;
    if (next.querySelector(`h1, h2, h3, h4, h5, h6`) !== null) break;
    section.push(next);
    next = next.nextElementSibling;
  }
  return section;
}

// ---------------------------------------------------------------------------------------------
// Reading an entry

interface LinkInfo {
  element: Element;
  href: string;
  text: string;
  paper: PaperLink | null;
  role: 'title' | 'label' | 'prose';
}

function linkInfo(element: Element, page: URL): LinkInfo | null {
  const href = httpUrl(element.getAttribute('href'), page);
  if (!href) return null;
  const text = linkText(element);
  const paper = paperLinkOf(href);
  // A journal reference as the link's text ("Phys. Rev. B 100, 104506 (2019)") labels the paper it links.
  const role = isTitle(text)
    ? 'title'
    : isLabel(text) || JOURNAL_REFERENCE.test(cleanText(text) ?? '')
      ? 'label'
      : 'prose';
  return { element, href, text, paper, role };
}

function sameIdentity(a: PaperLink, b: PaperLink): boolean {
  for (const scheme of ['arxiv', 'doi', 'pubmed', 'pmcid', 'openreview', 'acl', 's2'] as const) {
    if (a.ids[scheme] && a.ids[scheme] === b.ids[scheme]) return true;
  }
  const pages = [a.landing, a.pdf].filter(Boolean).map((href) => normalizeUrl(href ?? ''));
  return [b.landing, b.pdf].some((href) => href && pages.includes(normalizeUrl(href)));
}

/** A stretch of an entry that is one paper: its links, and its title when a link gives it. */
interface Segment {
  title?: LinkInfo;
  links: LinkInfo[];
  runs: Run[];
}

/** Splits an entry at each link whose text is the title of another paper. */
function segmentsOf(runs: Run[], infos: Map<Element, LinkInfo>): Segment[] {
  const segments: Segment[] = [{ links: [], runs: [] }];
  for (const run of runs) {
    const info = run.link ? infos.get(run.link) : undefined;
    let current = segments[segments.length - 1] as Segment;
    if (info?.paper && info.role === 'title') {
      const repeat = current.title?.paper && sameIdentity(current.title.paper, info.paper);
      if (current.title && !repeat) {
        current = { links: [], runs: [] };
        segments.push(current);
      }
      current.title ??= info;
    }
    if (info) current.links.push(info);
    current.runs.push(run);
  }
  return segments;
}

/** Title candidates of an entry without a title link, strongest first. */
function titleCandidates(
  roots: readonly Element[],
  runs: readonly Run[],
  page: URL,
): { text: string; element: Element; quoted?: boolean }[] {
  const found: { text: string; element: Element; rank: number; quoted?: boolean }[] = [];
  const within = (element: Element, root: Element): boolean => {
    for (let node: Element | null = element; node && node !== root.parentElement; node = node.parentElement) {
      if (isSkipped(node)) return false;
    }
    return true;
  };
  const consider = (element: Element, rank: number, root: Element): void => {
    if (!within(element, root)) return;
    // A bracketed tag before the title ("[NeurIPS]", "[Preprint]") names the venue, not the paper.
    if (/^\s*\[[^\]]{1,80}\]\s*$/.test(element.textContent ?? '')) return;
    const text = cleanTitle(element.textContent);
    if (text && isTitle(text) && !parseAuthorList(text) && !isVenue(text)) found.push({ text, element, rank });
  };
  for (const root of roots) {
    const scope = [root, ...root.querySelectorAll('*')];
    for (const element of scope) {
      if (HEADING.test(element.tagName)) consider(element, 0, root);
      else if (element.tagName !== 'A' && [...element.classList].some((name) => /title/i.test(name)))
        consider(element, 1, root);
      else if (element.tagName === 'STRONG' || element.tagName === 'B') consider(element, 2, root);
      else if (element.tagName === 'CITE' || element.tagName === 'EM' || element.tagName === 'I')
        consider(element, 4, root);
      else if (element.tagName === 'A') {
        const href = httpUrl(element.getAttribute('href'), page);
        // A title linking to the paper's page on the site (Hugo Academic's /publication/<slug>/)
        // outranks the venue in <em> beside it.
        if (href && !paperLinkOf(href) && !isCodeLink(href)) consider(element, 3.5, root);
      }
    }
  }
  // A title in quotes: Author. “Title.” In Venue.
  for (const run of runs) {
    const quoted = run.link ? null : /[“"]([^”"]{8,400})[”"]/.exec(run.text);
    if (quoted?.[1]) {
      const text = cleanTitle(quoted[1]);
      if (text && isTitle(text) && !parseAuthorList(text))
        found.push({ text, element: run.element, rank: 3, quoted: true });
    }
  }
  return found.sort((a, b) => a.rank - b.rank);
}

interface Reading {
  title: string;
  anchor: Element;
  /** The title was a link to another page than the paper's (a lab's own page for it). */
  titleHref?: string;
  citation: Citation;
  /** The entry's own words call it a paper, article or preprint. */
  calledPaper?: boolean;
}

const CALLED_PAPER = /\b(?:paper|article|preprint|publication)\b/i;

/** The title and citation of an entry whose paper links are all labels. */
function readLabelledEntry(
  roots: readonly Element[],
  runs: readonly Run[],
  page: URL,
  identified: boolean,
): Reading | null {
  const isLabelRun = (run: Run): boolean => run.link !== undefined && isLabel(run.text);
  const readsAsTitle = (part: Part): boolean => {
    const text = cleanTitle(part.text) ?? '';
    return isTitle(text) && !isVenue(text) && !parseAuthorList(text);
  };
  const candidates = titleCandidates(roots, runs, page);
  for (const candidate of candidates) {
    // APA: "Authors (2025). Title. <i>Journal</i>, 12(3)": after a plain title the italics are the
    // journal ("Neurobiology of Language"); a book's or thesis's title is the italics themselves.
    if (/^(?:I|EM|CITE)$/.test(candidate.element.tagName)) {
      const at = runs.findIndex((run) => candidate.element.contains(run.element));
      if (at > 0 && partsOf(runs.slice(0, at), isLabelRun).some(readsAsTitle)) continue;
    }
    // A quoted title shares its element with the authors and venue around it: only its part is left out.
    const inTitle = (run: Run): boolean =>
      !candidate.quoted && candidate.element.contains(run.element) && candidate.element !== roots[0];
    const parts = partsOf(runs, (run) => isLabelRun(run) || inTitle(run));
    const rest = parts.filter((part) => cleanTitle(part.text) !== candidate.text);
    const citation = readCitation(rest);
    if (!isCitation(citation)) continue;
    const anchor = innermost(candidate.element, candidate.text);
    const link = anchor.closest('a');
    const titleHref = link ? httpUrl(link.getAttribute('href'), page) : undefined;
    const venue = rest.find((part) => isVenue(part.text.replace(/^published in\s+/i, '')));
    const afterVenue = (element: Element): boolean =>
      venue !== undefined && (venue.element.compareDocumentPosition(element) & 20) === 4;
    // A link to another site after the venue is press about the paper ("See also Leiden University
    // news", "Featured in 'News and Views' by …"), and bold words after it an award ("Long Oral:
    // top 2.3%"), not its title; a card's own title link may follow its venue (Hugo's cards:
    // authors, date, venue, then the title).
    if (link && titleHref && new URL(titleHref).hostname !== page.hostname && afterVenue(link)) continue;
    if (!link && /^(?:B|STRONG)$/.test(candidate.element.tagName) && afterVenue(candidate.element)) continue;
    return { title: candidate.text, anchor, titleHref, citation };
  }
  // A bare line of text and labelled links, one of which names the paper by an identifier ("Deep
  // Bayesian Quadrature Policy Optimization" then Project · PDF · BibTeX · Code, the PDF on
  // arxiv.org): the identifier makes it a paper, the line is its title.
  if (identified && candidates.length === 0) {
    const lines = partsOf(runs, isLabelRun).filter((part) => part.text.trim() !== '');
    const title = lines.length === 1 ? cleanTitle(lines[0]?.text) : undefined;
    // The line is the entry's own text, not the words of its links (a row of badges' alt texts).
    const ownText =
      cleanText(
        runs
          .filter((run) => !run.link && !run.gap)
          .map((run) => run.text)
          .join(' '),
      ) ?? '';
    if (title && lines[0] && ownText.includes(title) && isTitle(title) && !parseAuthorList(title) && !isVenue(title)) {
      return { title, anchor: lines[0].element, citation: {} };
    }
  }
  // No marked-up title: the sentence beside an author list ("Authors. Title. Venue, 2023."); a
  // bracketed tag before it ("[EMNLP'25 Main] Title.") names the venue and is not what is judged.
  const parts = partsOf(runs, isLabelRun);
  const authorsAt = parts.findIndex((part) => parseAuthorList(part.text) !== null);
  if (authorsAt < 0) return null;
  const titleAt = parts.findIndex((part, index) => index !== authorsAt && readsAsTitle(part));
  const titleParts = parts.slice(titleAt, titleAt + 1);
  // A title broken over two lines ("… A Survey on <br> Causal Generative Modeling"), before the
  // authors: a few words that go on, not a sentence of their own (a lab's one-line summary).
  for (let next = titleAt + 1; titleParts.at(-1)?.continued && next !== authorsAt; next += 1) {
    const part = parts[next];
    if (!part || words(part.text).length > 6) break;
    titleParts.push(part);
  }
  const title = cleanTitle(titleParts.map((part) => part.text).join(' '));
  const titlePart = titleParts[0];
  if (titleAt < 0 || !titlePart || !title) return null;
  const citation = readCitation(parts.filter((part) => !titleParts.includes(part)));
  return isCitation(citation) ? { title, anchor: titlePart.element, citation } : null;
}

/** The year in "(Vaswani et al., 2017)" or "(2017)" written right after a title link. */
function yearAfter(segment: Segment): string | undefined {
  const index = segment.runs.findIndex((run) => run.link === segment.title?.element);
  const following = segment.runs
    .slice(index + 1, index + 4)
    .filter((run) => !run.gap)
    .map((run) => run.text)
    .join('');
  return /^\s*\((?:[^()]{0,80}?[\s,])?((?:19|20)\d\d)[a-z]?\)/.exec(following)?.[1];
}

/** The links of a paper, merged: ids by scheme (the first link of each wins), landing page, PDF. */
function mergeLinks(links: readonly LinkInfo[]): {
  best: PaperLink;
  ids: PaperIds;
  landing?: string;
  pdf?: string;
} | null {
  const papers = links.map((link) => link.paper).filter((paper): paper is PaperLink => paper !== null);
  const best = [...papers].sort((a, b) => a.rank - b.rank)[0];
  if (!best) return null;
  const ids: PaperIds = {};
  for (const paper of papers) {
    ids.arxiv ??= paper.ids.arxiv;
    ids.doi ??= paper.ids.doi;
    ids.pubmed ??= paper.ids.pubmed;
    ids.pmcid ??= paper.ids.pmcid;
    ids.openreview ??= paper.ids.openreview;
    ids.acl ??= paper.ids.acl;
    ids.s2 ??= paper.ids.s2;
  }
  // A version belongs to the arXiv id it came with: kept when a link of that id names one.
  const version = papers.find((paper) => paper.ids.arxiv === ids.arxiv && paper.ids.arxivVersion)?.ids.arxivVersion;
  if (version) ids.arxivVersion = version;
  const sameBest = papers.filter((paper) => paper.rank === best.rank && sameIdentity(paper, best));
  const landing = sameBest.map((paper) => paper.landing).find(Boolean) ?? papers.map((p) => p.landing).find(Boolean);
  // The paper's PDF: the best link's own, else a PDF the entry offers under a PDF or title label.
  const pdf = sameBest.map((paper) => paper.pdf).find(Boolean) ?? papers.map((paper) => paper.pdf).find(Boolean);
  // A proceedings PDF or a bare PDF is its own landing page.
  return { best, ids, landing: landing ?? best.pdf, pdf };
}

/**
 * Code and project links of a segment: a repository (or a link labelled "code" to another site),
 * a link labelled project page/website, or a *.github.io site. In a table row only those in a cell
 * that also holds the paper's links count: a syllabus row's "starter code" belongs to its assignment.
 */
function companions(segment: Segment, page: URL, exclude?: string): Pick<PaperDraft, 'codeUrl' | 'projectUrl'> {
  let codeUrl: string | undefined;
  let projectUrl: string | undefined;
  const cells = new Set(segment.links.filter(readableLink).map((link) => link.element.closest('td, th')));
  for (const link of segment.links) {
    if (link.paper || link.href === exclude) continue;
    if (!cells.has(link.element.closest('td, th'))) continue;
    const label = link.text
      .toLowerCase()
      .replace(/[[\]()]/g, '')
      .trim();
    const host = new URL(link.href).hostname;
    if (isCodeLink(link.href) || (/^(?:code|source code|implementation)$/.test(label) && host !== page.hostname)) {
      codeUrl ??= link.href;
      continue;
    }
    if (
      /^(?:project(?: page| website)?|website|webpage|homepage|project site)$/.test(label) ||
      /\.github\.io$/i.test(host)
    ) {
      projectUrl ??= link.href;
    }
  }
  return { codeUrl, projectUrl };
}

/**
 * True when a title's link is a project page: a *.github.io site or a path that says "project"
 * (a lab's /projects/hyena/). Other title links are the paper's page on the site (a journal's
 * /articles/31/2/102, a lab's /publication/segment-anything/) and are not a project.
 */
function isProjectPage(href: string): boolean {
  const url = new URL(href);
  return /\.github\.io$/i.test(url.hostname) || /(?:^|\/)projects?(?:\/|$)/i.test(url.pathname);
}

/** The paper links worth reading: in the page's content, and not a companion file. */
function readableLink(info: LinkInfo): boolean {
  if (!info.paper) return false;
  if (info.role === 'prose') return false;
  if (info.paper.bare && COMPANION_LABEL.test(info.text.replace(/[[\]()]/g, '').trim())) return false;
  if (info.paper.bare && info.role === 'label' && !PAPER_LABEL.test(info.text.replace(/[[\]()]/g, '').trim())) {
    return false;
  }
  return true;
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}

function isClaimed(element: Element, claimed: ReadonlySet<Element>): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) if (claimed.has(node)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Citations that link no paper

// A list of entries that each show a title, an author list and a year is a publication list,
// whatever its entries link to (a publisher's page, a project, a video, `#`, nothing): a lab's
// "Full list" of plain lines, an APA list in Markdown. What keeps a news page's stories out: an
// entry is taken only when one of its authors is named in another entry of the page too (the page
// owner, a frequent co-author), never from a byline.

// Blocks a citation is written in; a div, article, section or font only beside blocks of its shape.
const CITATION_TAGS = new Set(['LI', 'P', 'DD']);
// An entry is short: a block with more text is a section or a column, not one paper.
const CITATION_MAX_TEXT = 1500;
const HAS_YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/;
// A citation that prints its DOI is plain-citations' to read (one reader per entry).
const PRINTED_DOI = /\bdoi\s*:?\s*10\.\d{4,9}\/|doi\.org\/10\.\d{4,9}\//i;

/** A name folded to family name and first initial: "W. Zhu" (APA's "Zhu, W."), "MP Allan" and "M. P. Allan" are one person each. */
export function nameKey(name: string): string {
  const tokens = words(name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\./g, ' '));
  return `${tokens[tokens.length - 1] ?? ''} ${tokens[0]?.[0] ?? ''}`;
}

function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) if (isSkipped(node)) return true;
  return false;
}

/** True for a title that is a card's heading link (`h3 > a`, `.title a`, `a.title`): generic-cards reads those cards. */
function isCardTitle(anchor: Element, entry: Element): boolean {
  const link = anchor.closest('a');
  if (!link || !entry.contains(link)) return false;
  const holder = link.matches('[class*="title"]')
    ? link
    : link.parentElement?.closest('h2, h3, h4, h5, h6, [class*="title"]');
  return holder !== null && holder !== undefined && entry.contains(holder);
}

/**
 * What the links of a citation that links no paper give: ids of a link the links reader left
 * (a PDF labelled "eThesis"), else the page of a link whose text is the title, a paper label or
 * the venue ("Nature Physics 13, 21 (2017)"); never a co-author's home page or a companion file.
 */
function citationLinks(
  runs: readonly Run[],
  infos: ReadonlyMap<Element, LinkInfo>,
  title: string,
): { ids: PaperIds; url?: string; pdf?: string; code?: string; venue?: string } {
  const ids: PaperIds = {};
  let url: string | undefined;
  let venue: string | undefined;
  let pdf: string | undefined;
  let code: string | undefined;
  for (const run of runs) {
    const info = run.link ? infos.get(run.link) : undefined;
    if (!info) continue;
    if (isCodeLink(info.href)) {
      code ??= info.href;
      continue;
    }
    const label = info.text.replace(/[[\]()]/g, '').trim();
    if (COMPANION_LABEL.test(label)) continue;
    if (info.paper) {
      for (const [scheme, value] of Object.entries(info.paper.ids) as [keyof PaperIds, string | undefined][]) {
        if (value && ids[scheme] === undefined) Object.assign(ids, { [scheme]: value });
      }
      pdf ??= info.paper.pdf;
      url ??= info.paper.landing ?? info.paper.pdf;
    } else if (PAPER_LABEL.test(label) || cleanTitle(info.text) === title) {
      url ??= info.href;
    } else if (isVenue(info.text) || JOURNAL_REFERENCE.test(cleanText(info.text) ?? '')) {
      url ??= info.href;
      venue ??= cleanVenue(info.text);
    }
  }
  return { ids, url, pdf, code, venue };
}

/**
 * The papers of citations no link names: blocks (innermost first, outside the entries the links
 * reader read) that read as a title, an author list that is no byline and a year, one of whose
 * authors another entry of the page names too.
 */
function unlinkedCitations(
  body: Element,
  page: URL,
  claimed: ReadonlySet<Element>,
  infos: ReadonlyMap<Element, LinkInfo>,
  found: readonly Detection[],
): Detection[] {
  // The blocks around an entry already read are not entries: each element is marked once.
  const around = new Set<Element>();
  const mark = (element: Element): void => {
    for (let node = element.parentElement; node && !around.has(node); node = node.parentElement) around.add(node);
  };
  for (const root of claimed) mark(root);
  // A site template's entries are its reader's, and so is any block around them.
  for (const entry of body.querySelectorAll(TEMPLATE_ENTRY)) mark(entry);
  // So is an entry that embeds its metadata (COinS): the coins reader decides what it is.
  for (const span of body.getElementsByClassName('Z3988')) mark(span);
  const shapes = new PageBlocks();
  const read: { entry: Element; reading: Reading; runs: Run[]; authors: string[] }[] = [];
  const blocks = [...body.querySelectorAll('li, p, dd, div, article, section, font')].reverse();
  for (const element of blocks) {
    if (around.has(element)) continue;
    if (!CITATION_TAGS.has(element.tagName) && shapes.sameShape(element) < 2) continue;
    const text = element.textContent ?? '';
    if (text.length < 20 || text.length > CITATION_MAX_TEXT || !HAS_YEAR.test(text) || PRINTED_DOI.test(text)) continue;
    if (isClaimed(element, claimed) || isFurniture(element) || isHidden(element) || inTemplateEntry(element)) continue;
    const runs = runsOf([element]);
    const reading = readLabelledEntry([element], runs, page, false);
    const authors = reading?.citation.authors ?? [];
    if (!reading || authors.length === 0 || reading.citation.byline || isCardTitle(reading.anchor, element)) continue;
    // The year wherever the entry shows it outside its title ("Beilstein J. Nanotechnol. 8, 2389 (2017)").
    reading.citation.published ??= yearsIn(text.replace(reading.title, ' '))[0]?.toString();
    // A title does not end in an article or a preposition: its line was cut short (at a quote).
    if (!reading.citation.published || /\s(?:the|a|an|of|in|on|for|and|to|with)$/i.test(reading.title)) continue;
    read.push({ entry: element, reading, runs, authors });
    mark(element);
  }
  // How many entries of the page name each person.
  const named = new Map<string, number>();
  const count = (authors: readonly string[]): void => {
    for (const key of new Set(authors.map(nameKey))) named.set(key, (named.get(key) ?? 0) + 1);
  };
  for (const detection of found) count(detection.paper.authors);
  for (const entry of read) count(entry.authors);
  const papers: Detection[] = [];
  for (const { entry, reading, runs, authors } of read.reverse()) {
    if (!authors.some((name) => (named.get(nameKey(name)) ?? 0) >= 2)) continue;
    const links = citationLinks(runs, infos, reading.title);
    const ids: PaperIds = { ...badgeIds(entry), ...links.ids };
    const paper = toPaper(
      {
        title: reading.title,
        authors,
        published: reading.citation.published,
        venue: reading.citation.venue ?? links.venue,
        ids,
        url: links.url,
        pdfUrl: links.pdf,
        codeUrl: links.code,
        source: 'generic-links',
        pageUrl: page.href,
      },
      { contentKey: true },
    );
    if (paper) papers.push({ paper, anchor: reading.anchor });
  }
  return papers;
}

function detect(doc: Document, url: URL): Detection[] {
  // An article's own page gives that article only (the metadata readers'): its references and
  // figure, supplement and export links are not papers of the page.
  if (isWebSearchPage(url) || describesArticle(doc)) return [];
  const body = doc.body ?? doc.documentElement;
  const page = normalizeUrl(url.href);
  const infos = new Map<Element, LinkInfo>();
  const entries: Element[][] = [];
  // Every element of an entry found so far: a later link inside one belongs to that entry.
  const claimed = new Set<Element>();
  const blocks = new PageBlocks();
  for (const element of body.querySelectorAll('a[href]')) {
    const info = linkInfo(element, url);
    if (!info) continue;
    if (normalizeUrl(info.href) === page) continue;
    infos.set(element, info);
    if (!readableLink(info) || isFurniture(element) || isClaimed(element, claimed) || inTemplateEntry(element))
      continue;
    const entry = entryOf(element, blocks);
    entries.push(entry);
    for (const root of entry) claimed.add(root);
  }
  const found: Detection[] = [];
  for (const roots of entries) {
    // runsOf leaves out furniture and hidden parts inside the entry.
    const runs = runsOf(roots);
    const segments = segmentsOf(runs, infos);
    for (const segment of segments) {
      const detection = readSegment(segment, segments.length === 1 ? roots : null, url);
      if (detection) found.push(detection);
    }
  }
  found.push(...unlinkedCitations(body, url, claimed, infos, found));
  return found;
}

/**
 * The runs of a segment that can describe its title link: in a table row, the title's cell and
 * those after it (authors, venue), not the date and topic columns before it.
 */
function fromTitleCell(segment: Segment): Run[] {
  const cell = segment.title?.element.closest('td, th');
  if (!cell) return segment.runs;
  return segment.runs.filter((run) => {
    const other = run.element.closest('td, th');
    return !other || other === cell || (cell.compareDocumentPosition(other) & 4) !== 0;
  });
}

/** One paper from a segment; `roots` is the whole entry when the segment is all of it. */
function readSegment(segment: Segment, roots: readonly Element[] | null, page: URL): Detection | null {
  const links = segment.links.filter(readableLink);
  const merged = mergeLinks(links);
  if (!merged) return null;
  let reading: Reading | null = null;
  if (segment.title) {
    const title = cleanTitle(segment.title.text);
    // The title link, its repeats ("Read more: <title> (arXiv)") and labels are not the citation.
    const titleRun = (run: Run): boolean => run.link !== undefined && isTitle(run.text);
    const labelRun = (run: Run): boolean => run.link !== undefined && isLabel(run.text);
    const parts = partsOf(fromTitleCell(segment), (run) => titleRun(run) || labelRun(run));
    const citation = readCitation(parts);
    const year = yearAfter(segment);
    if (year) citation.published = earliest([year, ...(citation.published ? [citation.published] : [])]);
    const calledPaper = parts.some((part) => CALLED_PAPER.test(part.text));
    if (title) reading = { title, anchor: segment.title.element, citation, calledPaper };
  } else if (roots) {
    reading = readLabelledEntry(roots, segment.runs, page, Object.keys(merged.ids).length > 0);
  }
  if (!reading) return null;
  // A PDF on a host we know nothing about is a paper only as part of a citation, or where the page
  // calls it one: a syllabus's "GloVe: Global Vectors for Word Representation (original GloVe paper)".
  if (merged.best.bare && !isCitation(reading.citation) && !reading.calledPaper) return null;
  const { codeUrl, projectUrl } = companions(segment, page, reading.titleHref);
  const paper = toPaper({
    title: reading.title,
    authors: reading.citation.authors ?? [],
    // The arXiv id dates the first public version; a venue's year is often later.
    published: earliest([arxivMonth(merged.ids.arxiv), reading.citation.published].filter(isString)),
    venue: reading.citation.venue,
    abstract: roots ? abstractOf(roots) : undefined,
    ids: merged.ids,
    url: merged.landing,
    pdfUrl: merged.pdf,
    codeUrl,
    projectUrl: projectUrl ?? (reading.titleHref && isProjectPage(reading.titleHref) ? reading.titleHref : undefined),
    source: 'generic-links',
    pageUrl: page.href,
  });
  return paper ? { paper, anchor: reading.anchor } : null;
}

export const genericLinks: Source = {
  id: 'generic-links',
  kind: 'listing',
  patterns: [],
  matches: () => true,
  detect,
};
