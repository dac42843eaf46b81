// huggingface.co/papers: daily/weekly/monthly/trending/search listings and single paper pages;
// and the papers that collections (`/collections/<owner>/<slug>`) and model and dataset pages
// (`/<owner>/<name>`, `/datasets/<owner>/<name>`) link to.
//
// Data comes from the page's hydration JSON (the `data-props` of `[data-target="DailyPapers"]` on
// listings, of `[data-target="PaperContent"]` on a paper page); the rendered cards and the paper
// page's markup are the fallback when the JSON is missing, stale or changed shape. Facts verified on
// tests/fixtures/huggingface/daily-listing and paper-page. Collections and repository pages are
// read from their links only (see detectPaperLinks).

import { cleanText, type PaperDraft, toPaper } from '../../paper/build';
import { toIsoDate } from '../../paper/dates';
import { parseArxivId } from '../../paper/ids';
import { z } from '../../zod-mini';
import { firstIn, parseCount, parseJson, textOf } from '../dom';
import type { Detection, Source } from '../types';

const SOURCE_ID = 'huggingface';

// `/papers` (latest day, also `?q=` search and `?date=`), `/papers/date/2026-09-28`,
// `/papers/week/2026-W39`, `/papers/month/2026-09`, `/papers/trending`.
const LISTING_PATH = /^\/papers(?:\/(?:date\/\d{4}-\d{2}-\d{2}|week\/\d{4}-W\d{2}|month\/\d{4}-\d{2}|trending))?\/?$/;
// One paper: `/papers/2509.24002`. Hugging Face paper ids are new-style arXiv ids without version.
const PAPER_PATH = /^\/papers\/(\d{4}\.\d{4,5})\/?$/;
// A card's links: `/papers/<id>`, `/papers/<id>#community`, or absolute on huggingface.co.
const PAPER_HREF = /^(?:https:\/\/huggingface\.co)?\/papers\/(\d{4}\.\d{4,5})\/?(?:[?#].*)?$/;

// A collection: `/collections/Qwen/qwen35`, `/collections/LiquidAI/lfm2-686d721927015b2ad73eaa38`.
const COLLECTION_PATH = /^\/collections\/[^/]+\/[^/]+\/?$/;
// A repository's main page: `/<owner>/<model>` or `/datasets/<owner>/<name>` (not its files,
// discussions or settings, which are deeper).
const MODEL_PATH = /^\/([^/]+)\/[^/]+\/?$/;
const DATASET_PATH = /^\/datasets\/[^/]+\/[^/]+\/?$/;
// First path segments of site pages that are not a user or organisation: `/papers/trending`,
// `/blog/<post>`, `/docs/<library>`, `/spaces/<owner>` … have two segments too.
const SITE_SECTIONS = new Set([
  'api',
  'blog',
  'changelog',
  'chat',
  'collections',
  'datasets',
  'docs',
  'enterprise',
  'inference-endpoints',
  'join',
  'learn',
  'login',
  'models',
  'new',
  'notifications',
  'organizations',
  'papers',
  'posts',
  'pricing',
  'privacy',
  'search',
  'settings',
  'spaces',
  'tasks',
  'terms-of-service',
]);

function isRepositoryPage(path: string): boolean {
  const owner = MODEL_PATH.exec(path)?.[1];
  return DATASET_PATH.test(path) || (owner !== undefined && !SITE_SECTIONS.has(owner));
}

function arxivId(candidate: string | undefined): string | undefined {
  return candidate ? parseArxivId(candidate)?.id : undefined;
}

function paperIdOfPath(path: string): string | undefined {
  return arxivId(PAPER_PATH.exec(path)?.[1]);
}

function paperIdOfHref(href: string | null): string | undefined {
  return href ? arxivId(PAPER_HREF.exec(href.trim())?.[1]) : undefined;
}

// ---- Hydration JSON -------------------------------------------------------------------------
// Every field is optional and a field of the wrong type is dropped (`catch`), so a page whose data
// changed a little loses that field, not the paper; only `paper.id` is required.
function loose<T extends z.ZodMiniType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

const OrganizationSchema = z.object({ name: loose(z.string()), fullname: loose(z.string()) });
const AuthorSchema = z.object({ name: z.string() });

const HfPaperSchema = z.object({
  id: z.string(),
  title: loose(z.string()),
  authors: loose(z.array(z.unknown())),
  summary: loose(z.string()),
  publishedAt: loose(z.string()),
  upvotes: loose(z.number()),
  githubRepo: loose(z.string()),
  githubStars: loose(z.number()),
  projectPage: loose(z.string()),
  ai_keywords: loose(z.array(z.unknown())),
  organization: loose(OrganizationSchema),
});
type HfPaper = z.infer<typeof HfPaperSchema>;

// One entry of `dailyPapers` (and, on search pages, of `searchResults`).
const EntrySchema = z.object({
  paper: HfPaperSchema,
  title: loose(z.string()),
  summary: loose(z.string()),
  numComments: loose(z.number()),
  organization: loose(OrganizationSchema),
});
type Entry = z.infer<typeof EntrySchema>;

// Search pages (`?q=`): a public scraper (ghstars, `extract_paper_id_from_search_html`) reads
// `searchResults` before `dailyPapers`; no saved search page confirms it, so both lists are read.
const ListingPropsSchema = z.object({
  dailyPapers: loose(z.array(z.unknown())),
  searchResults: loose(z.array(z.unknown())),
});

const PaperPropsSchema = z.object({
  paper: HfPaperSchema,
  // The organisation chip of paper-page shows this when `paper.organization` is absent.
  submitterOrganization: loose(OrganizationSchema),
});

function hydrationProps(doc: Document, target: string): unknown {
  return parseJson(doc.querySelector(`[data-target="${target}"][data-props]`)?.getAttribute('data-props'));
}

/** The listing's JSON entries by arXiv id; empty when the page has none we understand. */
function listingEntries(doc: Document): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const props = ListingPropsSchema.safeParse(hydrationProps(doc, 'DailyPapers'));
  if (!props.success) return entries;
  for (const raw of [...(props.data.searchResults ?? []), ...(props.data.dailyPapers ?? [])]) {
    const entry = EntrySchema.safeParse(raw);
    const id = entry.success ? arxivId(entry.data.paper.id) : undefined;
    if (entry.success && id && !entries.has(id)) entries.set(id, entry.data);
  }
  return entries;
}

function organizationName(organization: z.infer<typeof OrganizationSchema> | undefined): string | undefined {
  return organization?.fullname ?? organization?.name;
}

// Authors flagged `hidden: true` are kept: in both saved pages every author, claimed or not, carries
// the flag and paper-page renders exactly the JSON list, so nothing shows the flag removes a name
// from the page; it belongs to an author's claim on Hugging Face, and a list with a gap would
// misrepresent the paper's authorship.
function authorNames(authors: unknown[] | undefined): string[] {
  const names: string[] = [];
  for (const author of authors ?? []) {
    const parsed = AuthorSchema.safeParse(author);
    if (parsed.success) names.push(parsed.data.name);
  }
  return names;
}

function strings(values: unknown[] | undefined): string[] | undefined {
  return values?.filter((value): value is string => typeof value === 'string');
}

function baseDraft(id: string, pageUrl: URL): PaperDraft {
  return {
    ids: { arxiv: id },
    url: `https://huggingface.co/papers/${id}`,
    pdfUrl: `https://arxiv.org/pdf/${id}`,
    source: SOURCE_ID,
    pageUrl: pageUrl.href,
  };
}

/**
 * The fields of one paper from the JSON. `published` is `paper.publishedAt` (the arXiv date), not
 * the entry's own `publishedAt`, which is hours earlier on daily-listing. `keywords` are
 * `ai_keywords`: paper-page shows them as the linked terms of the abstract.
 */
function draftFromJson(
  id: string,
  paper: HfPaper,
  extra: Pick<Entry, 'title' | 'summary' | 'numComments' | 'organization'>,
  pageUrl: URL,
): PaperDraft {
  return {
    ...baseDraft(id, pageUrl),
    title: paper.title ?? extra.title,
    authors: authorNames(paper.authors),
    abstract: paper.summary ?? extra.summary,
    published: paper.publishedAt ? toIsoDate(paper.publishedAt) : undefined,
    organization: organizationName(paper.organization ?? extra.organization),
    codeUrl: paper.githubRepo,
    projectUrl: paper.projectPage,
    upvotes: paper.upvotes,
    stars: paper.githubStars,
    comments: extra.numComments,
    keywords: strings(paper.ai_keywords),
  };
}

// ---- Markup ---------------------------------------------------------------------------------

/** The organisation chip: `<a href="/<org>"><img alt="<org>"> <span>Full Name</span></a>`. */
function organizationChip(scope: Element): string | undefined {
  for (const image of scope.querySelectorAll('a[href^="/"] > img[alt]')) {
    const link = image.parentElement;
    const name = image.getAttribute('alt');
    if (!link || !name || link.getAttribute('href') !== `/${name}`) continue;
    return textOf(link.querySelector('span')) ?? name;
  }
  return undefined;
}

/** The number in an up-vote control: `div[role=checkbox] > .leading-none` (older cards: `label`). */
function cardVotes(card: Element): number | undefined {
  return parseCount(textOf(firstIn(card, '[role="checkbox"], label', '.leading-none')));
}

/**
 * What a listing card shows (daily-listing): title, votes, organisation chip, "· N authors", the
 * GitHub star count (a link to the paper page, or to GitHub) and the comment count. The author
 * avatars' `li[title]` are not names: claimed authors show their user name ("parohod" for Semen
 * Budennyy) and claimed ones come last, so only the stated count is kept.
 */
function draftFromCard(id: string, card: Element, title: Element, pageUrl: URL): PaperDraft {
  const draft: PaperDraft = { ...baseDraft(id, pageUrl), title: textOf(title), authors: [] };
  if (card === title) return draft;
  draft.upvotes = cardVotes(card);
  draft.organization = organizationChip(card);
  for (const item of card.querySelectorAll('li')) {
    const count = /(\d[\d,]*)\s+authors?\b/i.exec(textOf(item) ?? '');
    if (count) draft.authorCount = parseCount(count[1]);
  }
  for (const span of card.querySelectorAll('a[href] > span')) {
    const href = span.parentElement?.getAttribute('href') ?? '';
    const onGithub = /^https:\/\/github\.com\//.test(href);
    if (!onGithub && paperIdOfHref(href) !== id) continue;
    const stars = parseCount(textOf(span));
    if (stars === undefined) continue;
    draft.stars = stars;
    if (onGithub) draft.codeUrl = href;
    break;
  }
  draft.comments = parseCount(textOf(card.querySelector('a[href$="#community"]')));
  return draft;
}

/**
 * What paper-page shows without its JSON: `h1`, the `.author` list, the abstract after
 * `h2` "Abstract" (its own `p`, not the AI summary box) with the linked keywords, the up-vote count,
 * the organisation chip, the "GitHub" button with stars and the "Project page" button.
 * "Published on Sep 28" carries no year, so a date is kept only when one is written.
 */
function draftFromPaperPage(id: string, scope: Element, heading: Element, pageUrl: URL): PaperDraft {
  const draft: PaperDraft = { ...baseDraft(id, pageUrl), title: textOf(heading) };
  draft.authors = [...scope.querySelectorAll('.author')].map((author) =>
    textOf(author.querySelector('a, button') ?? author)?.replace(/\s*,$/, ''),
  );
  for (const item of heading.nextElementSibling?.children ?? []) {
    const published = /^Published on (.+)$/.exec(textOf(item) ?? '');
    if (published?.[1]) draft.published = toIsoDate(published[1]);
  }
  for (const title of scope.querySelectorAll('h2')) {
    if (textOf(title) !== 'Abstract') continue;
    const paragraphs = [...(title.nextElementSibling?.children ?? [])].filter((child) => child.tagName === 'P');
    draft.abstract = paragraphs.map((paragraph) => textOf(paragraph)).join(' ');
    draft.keywords = paragraphs.flatMap((paragraph) =>
      [...paragraph.querySelectorAll('a[href^="/papers?q="]')].map((link) => textOf(link)),
    );
    break;
  }
  const vote = scope.querySelector('input[type="checkbox"]')?.parentElement;
  for (const child of vote?.children ?? []) {
    if (child.tagName === 'DIV') draft.upvotes ??= parseCount(textOf(child));
  }
  draft.organization = organizationChip(scope);
  for (const link of scope.querySelectorAll('a[href^="http"]')) {
    const text = textOf(link) ?? '';
    if (text.startsWith('GitHub') && !draft.codeUrl) {
      draft.codeUrl = link.getAttribute('href');
      draft.stars = parseCount(textOf(link.querySelector('span')));
    } else if (text === 'Project page' && !draft.projectUrl) {
      draft.projectUrl = link.getAttribute('href');
    }
  }
  return draft;
}

// ---- Pages ----------------------------------------------------------------------------------

function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/**
 * The JSON's fields, with what the markup shows filling the fields the JSON lacks or holds in an
 * unexpected type (weekly-synthetic: `githubStars` as a string, the card shows 12). A stated author
 * count is dropped when the JSON lists the authors.
 */
function fillGaps(json: PaperDraft, markup: PaperDraft): PaperDraft {
  const merged: Record<string, unknown> = { ...markup };
  for (const [name, value] of Object.entries(json)) {
    if (present(value)) merged[name] = value;
  }
  if (present(json.authors)) merged.authorCount = json.authorCount;
  return merged as unknown as PaperDraft;
}

function detect(draft: PaperDraft, anchor: Element, actions?: Element): Detection[] {
  const paper = toPaper(draft);
  return paper ? [{ paper, anchor, ...(actions ? { actions } : {}) }] : [];
}

/**
 * A card's action row: the title's `h3` is followed by a line holding the organisation (or the
 * authors) and, at its end, a flex row of the card's own links (GitHub stars, comments). The control
 * joins that row, so the card keeps its lines.
 */
function cardActions(title: Element): Element | undefined {
  const row = title.closest('h3')?.nextElementSibling?.lastElementChild;
  return row?.tagName === 'DIV' && row.classList.contains('items-center') ? row : undefined;
}

/**
 * A listing yields one paper per rendered card, in card order, anchored on the card's title link.
 * The JSON gives the data of every card it lists; a card it does not list (added while scrolling,
 * or after in-app navigation left the JSON of an earlier page) is read from its markup. A JSON
 * paper without a card is not detected, and a page with JSON but no cards yet yields nothing: the
 * save control needs a place beside its paper, and the JSON may be stale, describing papers this
 * page does not show.
 */
function* readListing(doc: Document, url: URL): Generator<Detection> {
  const entries = listingEntries(doc);
  const seen = new Set<string>();
  for (const title of doc.querySelectorAll('h3 > a[href*="/papers/"]')) {
    const id = paperIdOfHref(title.getAttribute('href'));
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const entry = entries.get(id);
    const card = draftFromCard(id, title.closest('article') ?? title, title, url);
    const draft = entry ? fillGaps(draftFromJson(id, entry.paper, entry, url), card) : card;
    yield* detect(draft, title, cardActions(title));
  }
}

/**
 * A paper page yields its paper anchored on the `h1`. The JSON is used only when it describes
 * this address's paper: after in-app navigation it can be left from the page loaded first.
 */
function detectPaperPage(doc: Document, url: URL, id: string): Detection[] {
  const heading = doc.querySelector('main h1') ?? doc.querySelector('h1');
  if (!heading) return [];
  const markup = draftFromPaperPage(id, heading.closest('main') ?? doc.documentElement, heading, url);
  const props = PaperPropsSchema.safeParse(hydrationProps(doc, 'PaperContent'));
  if (!props.success || arxivId(props.data.paper.id) !== id) return detect(markup, heading);
  // The paper page states no comment count (it shows the thread, spam-hidden comments included).
  const { paper, submitterOrganization } = props.data;
  return detect(fillGaps(draftFromJson(id, paper, { organization: submitterOrganization }, url), markup), heading);
}

// ---- Collections and repository pages -------------------------------------------------------

// Link texts that name the link, not the paper: "here", "Abstract", and labels ending like one
// ("Paper", "📄 Paper page", "QLoRA paper", "the arXiv paper", "Llama 2 technical report").
const GENERIC_LINK_TEXT = /^(?:here|link|abs|abstract|blog|more|read more|view|code)$/i;
const LABEL_ENDING = /\b(?:paper|papers|paper page|arxiv|pdf|report)$/i;

/** Whether a link's text is a paper title: not the id or an address, not a label, two words or more. */
function isTitle(text: string | undefined, id: string): text is string {
  if (!text || text.includes(id) || /^https?:\/\//i.test(text)) return false;
  const words = text.replace(/^[^\p{L}\p{N}]+/u, '');
  return !GENERIC_LINK_TEXT.test(words) && !LABEL_ENDING.test(words) && words.split(/\s+/).length >= 2;
}

interface LinkedPaper {
  anchor: Element;
  title?: string;
  published?: string;
}

/**
 * What a link to a paper says about it: a collection item's title (`header[title]`, its `h3`/`h4`)
 * and "Published Oct 5, 2023" line, or a link whose whole text is the title. A bare
 * "arxiv:2310.03646" tag gives no title.
 */
function readPaperLink(link: Element, id: string): Omit<LinkedPaper, 'anchor'> {
  // An item's own title element is a title whatever its length; a link's text must look like one.
  const title =
    [cleanText(link.querySelector('header[title]')?.getAttribute('title')), textOf(link.querySelector('h3, h4'))].find(
      (candidate) => candidate !== undefined && !candidate.includes(id),
    ) ?? [textOf(link)].find((candidate) => isTitle(candidate, id));
  const published = /\bPublished\s+(?:on\s+)?([A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})/.exec(textOf(link) ?? '')?.[1];
  return { title, published: published ? toIsoDate(published) : undefined };
}

/**
 * Collections and model/dataset pages: every paper they link (`a[href="/papers/<id>"]`: a
 * collection's paper items, links in a model card) or tag (`arxiv:<id>`, which the Hub adds for
 * each arXiv paper a repository card cites; its menu links to the paper page) is one paper, in page
 * order, anchored on its first link or tag. Titles come from the items and links that show one;
 * a paper known only by its tag is titled `arXiv:<id>`, as the arXiv source names a PDF, until a
 * page names it. Only links and tags are read: no saved collection or model page was available to
 * show what hydration data they carry.
 */
function detectPaperLinks(doc: Document, url: URL): Detection[] {
  const papers = new Map<string, LinkedPaper>();
  for (const element of doc.querySelectorAll('a[href], button, .tag')) {
    const linked = element.tagName === 'A' ? paperIdOfHref(element.getAttribute('href')) : undefined;
    const id = linked ?? arxivId(/^arxiv:\s*(\S+)$/i.exec(textOf(element) ?? '')?.[1]);
    if (!id) continue;
    const read = linked ? readPaperLink(element, id) : {};
    const known = papers.get(id);
    if (!known) papers.set(id, { anchor: element, ...read });
    else {
      known.title ??= read.title;
      known.published ??= read.published;
    }
  }
  const detections: Detection[] = [];
  for (const [id, { anchor, title, published }] of papers) {
    detections.push(
      ...detect({ ...baseDraft(id, url), title: title ?? `arXiv:${id}`, authors: [], published }, anchor),
    );
  }
  return detections;
}

/** A listing card by card (a page of 100 cards is read in slices); other pages in one step. */
function readHuggingface(doc: Document, url: URL): Iterable<Detection> {
  const id = paperIdOfPath(url.pathname);
  if (id) return detectPaperPage(doc, url, id);
  if (LISTING_PATH.test(url.pathname)) return readListing(doc, url);
  return COLLECTION_PATH.test(url.pathname) || isRepositoryPage(url.pathname) ? detectPaperLinks(doc, url) : [];
}

export const huggingface: Source = {
  id: SOURCE_ID,
  kind: 'site',
  // The whole site: listings are reached by in-app navigation from any Hugging Face page.
  patterns: ['https://huggingface.co/*'],
  matches: (url) =>
    url.hostname === 'huggingface.co' &&
    (LISTING_PATH.test(url.pathname) ||
      paperIdOfPath(url.pathname) !== undefined ||
      COLLECTION_PATH.test(url.pathname) ||
      isRepositoryPage(url.pathname)),
  detect: (doc, url) => [...readHuggingface(doc, url)],
  read: readHuggingface,
};
