// JSON-LD (`script[type="application/ld+json"]`, also Semantic Scholar's `script.schema-data`):
// schema.org scholarly works at the top level, in arrays, in `@graph` (Semantic Scholar nests an
// array inside it), as a page's `mainEntity`, an issue's `hasPart` or an ItemList's items. What a
// work cites or contains (`citation`, its own parts) is not a paper of the page and is not read.
//
// Which items are papers: every news site and blog describes its pages as `Article`, `NewsArticle`
// or `BlogPosting` (WordPress with Yoast writes "Article" for every post), so only these count:
// - `ScholarlyArticle`, `MedicalScholarlyArticle`, `Thesis` and `Report` (a subtype of Article for
//   technical and research reports), whatever else the item says it is;
// - a plain `Article` only with a DOI, arXiv id or PMID in `identifier`, `sameAs`, `@id` or `url`
//   (Semantic Scholar lists each paper as both Article and ScholarlyArticle: read once);
// - never a `NewsArticle`, `BlogPosting` or other Article subtype without a scholarly type.
// Fields: name, else headline; authors in order (Person `name` or given + family name,
// Organization, plain strings; a node given only by `@id` is looked up in the page's graph);
// datePublished as written; `abstract`, and `description` only for a scholarly type (an Article's
// description is a teaser); ids from `identifier` (PropertyValue with propertyID doi, arxiv, pmid,
// pmcid, or a string), `sameAs`, `@id`; `url`, else `mainEntityOfPage`, else the canonical link;
// venue from `isPartOf` (a Periodical, also through PublicationIssue and PublicationVolume; never
// the WebPage a CMS links it to), else the publisher's name (Semantic Scholar puts the journal
// there); `keywords` as a list or comma-separated text; a PDF from `encoding`/`associatedMedia`.
// A block that is not valid JSON is skipped: pages often ship broken JSON-LD.
import { cleanText, httpUrl, mergePapers, type PaperDraft, toPaper } from '../../paper/build';
import type { PaperIds } from '../../paper/model';
import { pageAddress, parseJson, showsTitle, titleAnchor } from '../dom';
import { identifierIds, keywordList, metadataDate, plainText } from '../metadata';
import type { Detection, Source } from '../types';

type Node = Record<string, unknown>;

const SCHOLARLY = new Set(['scholarlyarticle', 'medicalscholarlyarticle', 'thesis', 'report']);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return plainText(value);
  if (typeof value === 'number') return String(value);
  // A language map or a value object: {"@value": "..."}.
  return isNode(value) ? text(value['@value']) : undefined;
}

/** The item's types, lower case, without a vocabulary prefix ("schema:Thesis", "http://schema.org/Thesis"). */
function typesOf(node: Node): string[] {
  return list(node['@type']).flatMap((type) =>
    typeof type === 'string' ? [type.replace(/^.*[/:#]/, '').toLowerCase()] : [],
  );
}

/** The items a JSON-LD block describes as the page's own, not what they refer to. */
function topItems(value: unknown, found: Node[], depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const item of value) topItems(item, found, depth + 1);
    return;
  }
  if (!isNode(value)) return;
  found.push(value);
  if (value['@graph'] !== undefined) topItems(value['@graph'], found, depth + 1);
  // A WebPage whose main entity is the paper; an issue's parts or an ItemList of papers (a table of
  // contents). A paper's own parts and mentions are not papers of the page.
  if (!typesOf(value).some((type) => SCHOLARLY.has(type) || type === 'article')) {
    topItems(value.mainEntity, found, depth + 1);
    topItems(value.hasPart, found, depth + 1);
    for (const element of list(value.itemListElement)) {
      topItems(isNode(element) && element.item !== undefined ? element.item : element, found, depth + 1);
    }
  }
}

/** Looks up a node given only by its `@id` (`"author": {"@id": "#/schema/person/1"}`) in the page's graph. */
type Resolve = (value: unknown) => unknown;

function resolver(items: Node[]): Resolve {
  const byId = new Map<string, Node>();
  for (const item of items) {
    const id = item['@id'];
    if (typeof id === 'string' && Object.keys(item).length > 1 && !byId.has(id)) byId.set(id, item);
  }
  return (value) => {
    if (!isNode(value) || typeof value['@id'] !== 'string' || Object.keys(value).length > 1) return value;
    return byId.get(value['@id']) ?? value;
  };
}

function personName(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanText(value);
  if (!isNode(value)) return undefined;
  const given = text(value.givenName);
  const family = text(value.familyName);
  return text(value.name) ?? cleanText([given, family].filter(Boolean).join(' '));
}

/** Ids from `identifier`, `sameAs`, `@id` and `url`. */
function idsOf(node: Node): Pick<PaperIds, 'doi' | 'arxiv' | 'pubmed' | 'pmcid'> {
  const ids: Pick<PaperIds, 'doi' | 'arxiv' | 'pubmed' | 'pmcid'> = {};
  const add = (found: Pick<PaperIds, 'doi' | 'arxiv' | 'pubmed' | 'pmcid'>): void => {
    ids.doi ??= found.doi;
    ids.arxiv ??= found.arxiv;
    ids.pubmed ??= found.pubmed;
    ids.pmcid ??= found.pmcid;
  };
  for (const identifier of list(node.identifier)) {
    if (isNode(identifier)) {
      const scheme = (text(identifier.propertyID) ?? text(identifier.name) ?? '').toLowerCase();
      const value = text(identifier.value);
      if (!value) continue;
      if (scheme === 'doi') add({ doi: identifierIds(value).doi ?? identifierIds(`doi:${value}`).doi });
      else if (scheme === 'arxiv') add({ arxiv: identifierIds(value).arxiv });
      else if (scheme === 'pmid' || scheme === 'pubmed') add({ pubmed: /^\d+$/.test(value) ? value : undefined });
      else if (scheme === 'pmcid' || scheme === 'pmc') add({ pmcid: value });
      else if (!scheme) add(identifierIds(value));
    } else {
      const value = text(identifier);
      if (value) add(identifierIds(value));
    }
  }
  for (const link of [...list(node.sameAs), node['@id'], node.url]) {
    const value = text(link);
    if (value && /^https?:\/\//i.test(value)) add(identifierIds(value));
  }
  return ids;
}

/** The journal (or book, series) an item is part of, through its issue and volume. */
function venueOf(node: Node, resolve: Resolve): string | undefined {
  let part: unknown = node.isPartOf;
  for (let depth = 0; depth < 4; depth++) {
    part = resolve(list(part)[0]);
    if (typeof part === 'string') return /^https?:/i.test(part) ? undefined : cleanText(part);
    if (!isNode(part)) return undefined;
    const types = typesOf(part);
    // Springer types its journal ["Periodical", "PublicationVolume"]: the periodical's name counts.
    if (types.some((type) => ['periodical', 'book', 'bookseries', 'creativeworkseries', 'newspaper'].includes(type))) {
      return text(part.name);
    }
    if (types.some((type) => type === 'publicationissue' || type === 'publicationvolume')) {
      part = part.isPartOf;
      continue;
    }
    // A WebSite or WebPage (a CMS's graph links every item to its page) is not a venue.
    return undefined;
  }
  return undefined;
}

function pdfOf(node: Node, base: URL): string | undefined {
  for (const media of [...list(node.encoding), ...list(node.associatedMedia)]) {
    if (!isNode(media) || !/pdf/i.test(text(media.encodingFormat) ?? text(media.fileFormat) ?? '')) continue;
    const href = httpUrl(text(media.contentUrl) ?? text(media.url), base);
    if (href) return href;
  }
  return undefined;
}

function keywordsOf(value: unknown): string[] {
  return list(value).flatMap((keyword) => {
    const words = typeof keyword === 'string' ? keyword : isNode(keyword) ? text(keyword.name) : undefined;
    return words ? keywordList(words) : [];
  });
}

function draftOf(node: Node, resolve: Resolve, doc: Document, url: URL): PaperDraft | undefined {
  const types = typesOf(node);
  const scholarly = types.some((type) => SCHOLARLY.has(type));
  const ids = idsOf(node);
  if (!scholarly && !(types.includes('article') && (ids.doi || ids.arxiv || ids.pubmed))) return undefined;
  const landing =
    text(node.url) ??
    text(node.mainEntityOfPage) ??
    (isNode(node.mainEntityOfPage) ? text(node.mainEntityOfPage['@id']) : undefined);
  const publisher = resolve(list(node.publisher)[0]);
  return {
    title: text(node.name) ?? text(node.headline),
    authors: list(node.author ?? node.creator).map((author) => personName(resolve(author))),
    abstract: text(node.abstract) ?? (scholarly ? text(node.description) : undefined),
    published: metadataDate(text(node.datePublished)),
    venue: venueOf(node, resolve) ?? (isNode(publisher) ? text(publisher.name) : text(publisher)),
    ids,
    url: httpUrl(landing, url) ?? pageAddress(doc, url),
    pdfUrl: pdfOf(node, url),
    keywords: keywordsOf(node.keywords),
    source: 'json-ld',
    pageUrl: url.href,
  };
}

/** The JSON-LD blocks of a page, parsed; a broken block is left out. */
function blocks(doc: Document): unknown[] {
  // The script collection the browser keeps, not selector queries over the whole page.
  const scripts: Element[] = [];
  for (const script of doc.getElementsByTagName('script')) {
    const type = script.getAttribute('type')?.trim().toLowerCase();
    if (type === 'application/ld+json' || script.classList.contains('schema-data')) scripts.push(script);
  }
  // Some pages wrap the JSON in a CDATA section or an HTML comment.
  return scripts.map((script) =>
    parseJson(
      (script.textContent ?? '')
        .trim()
        .replace(/^(?:\/\/\s*)?(?:<!\[CDATA\[|<!--)/, '')
        .replace(/(?:\/\/\s*)?(?:\]\]>|-->)$/, ''),
    ),
  );
}

export const jsonLd: Source = {
  id: 'json-ld',
  kind: 'metadata',
  patterns: [],
  matches: () => true,
  detect(doc, url) {
    const items: Node[] = [];
    for (const block of blocks(doc)) topItems(block, items);
    const resolve = resolver(items);
    const found: Detection[] = [];
    for (const item of items) {
      const draft = draftOf(item, resolve, doc, url);
      const paper = draft ? toPaper(draft) : null;
      if (!paper) continue;
      // One item may be listed twice (Semantic Scholar: as Article and as ScholarlyArticle).
      const same = found.find((detection) => detection.paper.key === paper.key);
      if (same) {
        same.paper = mergePapers(same.paper, paper);
        continue;
      }
      found.push({ paper, anchor: null });
    }
    if (found.length === 1 && found[0]) found[0].anchor = titleAnchor(doc, found[0].paper.title);
    else if (found.length > 1) {
      // Several papers (a table of contents) each need their own title: a heading or a link showing it.
      const candidates = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6, a[href]')];
      for (const detection of found) {
        detection.anchor =
          candidates.find((element) => showsTitle(element.textContent ?? '', detection.paper.title)) ??
          doc.body ??
          doc.documentElement;
      }
    }
    return found;
  },
};
