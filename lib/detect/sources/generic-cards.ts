// Listings on pages no source knows: a repeated card shape whose title links to the paper's own
// page and that names no id (a lab page where each publication is `div.pub > h4 > a` with its
// authors and venue; Hugo Academic's `div.card-simple`; a Tailwind `article > h3 > a` + `p` + `p`).
//
// Decisions:
// - A card is an element with at least two siblings of the same tag and first class, holding one
//   heading-like title link (a link in h2–h6 or in an element whose class names a title, or a link
//   whose class does) whose text reads like a title. A group of cards counts only when at least
//   three of them, and at least half, are citations: they name a venue ("In Proceedings of …",
//   "NeurIPS 2023", "arXiv", "PhD Thesis"; a journal-like name such as "Nature 2021" only beside
//   two authors) and show authors (not a "By …" byline) or a date. Product grids, news lists, blog
//   indexes, menus and tag clouds name no venue: they yield nothing (product-grid-synthetic; the
//   news, blog, menu and tag cases in generic-cards.test.ts).
// - Each card is one paper keyed by its title link's address (`url:`). A card that links to a
//   paper id or PDF (arXiv, DOI, OpenReview, a .pdf…) is left to generic-links, which reads the
//   same entry the same way (its helpers are shared), so one entry never has two identities.
// - Authors from an element whose class names authors, else from a part of the card that is a
//   list of names; venue from an element whose class names a venue/publication, else a part that
//   names one; `published` from an element whose class names a date (Hugo's "January, 2023"),
//   else the venue's year. `abstract` from an element whose class is `abstract`; `codeUrl` from a
//   repository link; `projectUrl` is not set: the title link is the paper's page, its `url`.
// - The anchor is the title link.
import { httpUrl, toPaper } from '../../paper/build';
import { toIsoDate } from '../../paper/dates';
import { normalizeUrl } from '../../paper/ids';
import { textOf } from '../dom';
import { isCodeLink, paperLinkOf } from '../links';
import { describesArticle } from '../metadata';
import { inTemplateEntry } from '../template';
import type { Detection, Source } from '../types';
import {
  abstractOf,
  type Citation,
  cleanTitle,
  cleanVenue,
  earliest,
  isFurniture,
  isTitle,
  isVenue,
  isWebSearchPage,
  linkText,
  namesVenueType,
  PageBlocks,
  parseAuthorList,
  partsOf,
  readCitation,
  runsOf,
  signature,
} from './generic-links';

const TITLE_LINKS =
  'h2 a[href], h3 a[href], h4 a[href], h5 a[href], h6 a[href], [class*="title"] a[href], a[href][class*="title"]';

/** The card a title link sits in: its nearest ancestor (within five) with a sibling of its shape. */
function cardOf(link: Element, blocks: PageBlocks): Element | null {
  let node = link.parentElement;
  for (let depth = 0; node && depth < 5; depth++, node = node.parentElement) {
    if (!node.parentElement || node.tagName === 'BODY' || node.tagName === 'MAIN') return null;
    if (blocks.sameShape(node) >= 2) return node;
  }
  return null;
}

interface Card {
  element: Element;
  link: Element;
  title: string;
  href: string;
  citation: Citation;
  /** The card links to a paper id or a PDF: generic-links reads it. */
  linked: boolean;
}

/** True when one of the element's class names holds the word: "author" in `author-list`, not in `coauthorship`. */
function hasClass(element: Element, word: RegExp): boolean {
  return [...element.classList].some((name) => name.split(/[-_]/).some((part) => word.test(part)));
}

/** The first element in the card whose class matches, outside the title. */
function classed(card: Element, pattern: RegExp, title: Element): Element | undefined {
  for (const element of card.querySelectorAll('[class]')) {
    if (element.contains(title) || title.contains(element) || element.tagName === 'A') continue;
    if (hasClass(element, pattern)) return element;
  }
  return undefined;
}

/** Authors, venue and date of a card: the elements its classes name first, then its parts. */
function citationOf(card: Element, link: Element, heading: Element): Citation {
  const runs = runsOf([card]);
  const fromParts = readCitation(partsOf(runs, (run) => heading.contains(run.element) || run.link === link));
  const authorsText = textOf(classed(card, /^(?:authors?|byline)$/i, heading));
  const venueText = textOf(
    classed(card, /^(?:venue|publication|journal|conference|booktitle|periodical|pub)$/i, heading),
  );
  const dateText = textOf(classed(card, /^(?:date|year|published)$/i, heading));
  // Hugo marks only the group's own members (span.author-highlighted): the longer list wins.
  const classedAuthors = authorsText ? parseAuthorList(authorsText) : null;
  const authors =
    classedAuthors && classedAuthors.length >= (fromParts.authors?.length ?? 0) ? classedAuthors : fromParts.authors;
  const venue = venueText && isVenue(venueText) ? cleanVenue(venueText) : fromParts.venue;
  const dated = dateText ? toIsoDate(dateText) : undefined;
  const published =
    dated ??
    earliest(
      [fromParts.published, venueText && /\b((?:19|20)\d\d)\b/.exec(venueText)?.[1]].filter(
        (value): value is string => typeof value === 'string',
      ),
    );
  return { authors: authors ?? undefined, byline: authors === fromParts.authors && fromParts.byline, venue, published };
}

function readCard(element: Element, page: URL): Card | null {
  const links = [...element.querySelectorAll(TITLE_LINKS)].filter((link) => !isFurniture(link));
  const link = links[0];
  if (!link) return null;
  const href = httpUrl(link.getAttribute('href'), page);
  const title = cleanTitle(linkText(link));
  if (!href || !title || !isTitle(title)) return null;
  // A card with two different title links is a row of several things, not one paper.
  if (links.some((other) => httpUrl(other.getAttribute('href'), page) !== href)) return null;
  if (normalizeUrl(href) === normalizeUrl(page.href)) return null;
  const heading = link.closest('h2, h3, h4, h5, h6, [class*="title"]') ?? link;
  const linked = [...element.querySelectorAll('a[href]')].some((anchor) => {
    const target = httpUrl(anchor.getAttribute('href'), page);
    return target !== undefined && paperLinkOf(target) !== null;
  });
  return { element, link, title, href, citation: citationOf(element, link, heading), linked };
}

/**
 * A card is a paper's when it names a venue (authors alone are any news story's byline): a
 * conference, archive or thesis by its words, or a journal-like name ("Nature 2021", but also a
 * shop blog's "Trail Journal 2024") beside two or more authors who are not a byline; and when it
 * also shows authors or a date (a menu's "Conference room B" names a venue-like word, nothing else).
 */
function isPaperCard(card: Card): boolean {
  const { venue, authors, byline, published } = card.citation;
  if (venue === undefined) return false;
  const named = (authors?.length ?? 0) > 0 && !byline;
  if (!named && published === undefined) return false;
  return namesVenueType(venue) || ((authors?.length ?? 0) >= 2 && !byline);
}

function detect(doc: Document, url: URL): Detection[] {
  // An article's own page gives that article only (the metadata readers'): its references and
  // figure, supplement and export links are not papers of the page.
  if (isWebSearchPage(url) || describesArticle(doc)) return [];
  const body = doc.body ?? doc.documentElement;
  // Cards grouped by their parent and shape, in page order.
  const groups = new Map<string, { parent: Element; cards: Element[] }>();
  const seen = new Set<Element>();
  const parents = new Map<Element, number>();
  const blocks = new PageBlocks();
  for (const link of body.querySelectorAll(TITLE_LINKS)) {
    if (isFurniture(link) || inTemplateEntry(link)) continue;
    const card = cardOf(link, blocks);
    if (!card || seen.has(card) || !card.parentElement) continue;
    seen.add(card);
    let parentId = parents.get(card.parentElement);
    if (parentId === undefined) {
      parentId = parents.size;
      parents.set(card.parentElement, parentId);
    }
    const key = `${parentId} ${signature(card)}`;
    const group = groups.get(key) ?? { parent: card.parentElement, cards: [] };
    group.cards.push(card);
    groups.set(key, group);
  }
  const found: Detection[] = [];
  for (const { parent, cards: titled } of groups.values()) {
    const shape = signature(titled[0] as Element);
    const members = [...parent.children].filter((child) => signature(child) === shape);
    const cards = titled.map((element) => readCard(element, url)).filter((card): card is Card => card !== null);
    const papers = cards.filter(isPaperCard);
    // Three paper cards and half the group; or a group of two where both are papers (a new
    // researcher's page: tests/fixtures/generic-links/ma-academicpages).
    const pair = members.length === 2 && papers.length === 2;
    if (!pair && (papers.length < 3 || papers.length * 2 < members.length)) continue;
    for (const card of papers) {
      if (card.linked) continue;
      const paper = toPaper({
        title: card.title,
        authors: card.citation.authors ?? [],
        published: card.citation.published,
        venue: card.citation.venue,
        abstract: abstractOf([card.element]),
        url: card.href,
        codeUrl: [...card.element.querySelectorAll('a[href]')]
          .map((anchor) => httpUrl(anchor.getAttribute('href'), url))
          .find((href) => href !== undefined && isCodeLink(href)),
        source: 'generic-cards',
        pageUrl: url.href,
      });
      if (paper) found.push({ paper, anchor: card.link });
    }
  }
  return found;
}

export const genericCards: Source = {
  id: 'generic-cards',
  kind: 'listing',
  patterns: [],
  matches: () => true,
  detect,
};
