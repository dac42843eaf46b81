// Dublin Core (`DC.*`, `DCTERMS.*`, any case, `.` or `:`, OJS refinements such as
// `DC.Creator.PersonalName`) and PRISM (`prism.*`) meta tags: one paper per page.
//
// Many pages that are not papers carry DC tags: news sites, government pages (the Canada.ca
// template writes dcterms.title, creator, issued and subject on every page). So a page yields a
// paper only with a title and an identity:
// - a DOI, arXiv id or PMID among its identifiers (DC.identifier and its refinements,
//   DCTERMS.identifier, prism.doi); DC.relation names another work and is not read; or
// - a creator, a date and a scholarly DC.type (journal or research article, conference paper,
//   preprint, thesis, report, OJS's "Text.Serial.Journal", the eu-repo vocabulary), or a plain
//   "Article"/"Text" (or none) together with journal details (ISSN, volume, issue, first page,
//   prism.aggregationType "journal"); the key is then the DOI the page's address names (an
//   Atypon /doi/… page whose DC.identifier is a publisher id), else the page's own address.
//   DC.type is often JATS's article-type ("research-article", "review-article").
// Other decisions:
// - Authors are the creators; where there are none, the contributors (bioRxiv writes its authors
//   as DC.Contributor), leaving out OJS's qualified roles (DC.Contributor.Sponsor). "Last, First"
//   (DSpace) is turned round.
// - `published` is the earliest of DC.date, DC.date.issued/DCTERMS.issued, created and
//   prism.publicationDate/coverDate (OJS: created is the article's date, issued the issue's);
//   submission, availability (DSpace's accession) and modification dates are not publication.
// - `venue` is prism.publicationName, else DC.source (OJS: the journal), else DCTERMS.isPartOf.
//   DC.publisher names a publisher (bioRxiv's is Cold Spring Harbor Laboratory), not a venue.
import { cleanText, toPaper } from '../../paper/build';
import { pageAddress, titleAnchor } from '../dom';
import { addressDoi, firstPublished, identifierIds, personName, plainText, SCHOLARLY_TYPE } from '../metadata';
import type { Source } from '../types';

/** Every DC/DCTERMS/PRISM tag of the page, by lower-case name with `.` separators, in page order. */
function metadataTags(doc: Document): Map<string, string[]> {
  const found = new Map<string, string[]>();
  // The tag collection, not a selector query: see metaAll.
  for (const element of doc.getElementsByTagName('meta')) {
    const name = (element.getAttribute('name') ?? element.getAttribute('property') ?? '')
      .toLowerCase()
      .replace(/:/g, '.');
    if (!/^(?:dc|dcterms|prism)\./.test(name)) continue;
    const content = cleanText(element.getAttribute('content'));
    if (content) found.set(name, [...(found.get(name) ?? []), content]);
  }
  return found;
}

const ARTICLE_TYPE = /^(?:article|text)$/i;

export const dublinCore: Source = {
  id: 'dublin-core',
  kind: 'metadata',
  patterns: [],
  matches: () => true,
  detect(doc, url) {
    const tags = metadataTags(doc);
    const all = (...names: string[]): string[] => names.flatMap((name) => tags.get(name) ?? []);
    const first = (...names: string[]): string | undefined => all(...names)[0];
    const title = plainText(first('dc.title', 'dcterms.title'));
    if (!title) return [];

    // The first identifier of each scheme counts.
    const ids: ReturnType<typeof identifierIds> = {};
    for (const [name, values] of tags) {
      if (!/^(?:dc|dcterms)\.identifier(?:\.|$)/.test(name) && name !== 'prism.doi') continue;
      for (const value of values) {
        const found = identifierIds(value);
        ids.doi ??= found.doi;
        ids.arxiv ??= found.arxiv;
        ids.pubmed ??= found.pubmed;
      }
    }
    const creators = all('dc.creator', 'dc.creator.personalname', 'dcterms.creator');
    const authors = (
      creators.length > 0
        ? creators
        : all('dc.contributor', 'dc.contributor.author', 'dc.contributor.personalname', 'dcterms.contributor')
    ).map(personName);
    const published = firstPublished(
      all(
        'dc.date',
        'dcterms.date',
        'dc.date.issued',
        'dcterms.issued',
        'dc.date.created',
        'dcterms.created',
        'prism.publicationdate',
        'prism.coverdate',
      ),
    );
    const types = all('dc.type', 'dcterms.type');
    const journal =
      all('prism.issn', 'prism.eissn', 'prism.volume', 'prism.number', 'prism.startingpage').length > 0 ||
      all('dc.source.issn', 'dc.source.volume', 'dc.source.issue', 'dc.identifier.pagenumber').length > 0 ||
      all('prism.aggregationtype').some((type) => type.toLowerCase() === 'journal');
    const scholarly =
      types.some((type) => SCHOLARLY_TYPE.test(type)) ||
      (journal && (types.length === 0 || types.some((type) => ARTICLE_TYPE.test(type))));
    const identified = Boolean(ids.doi || ids.arxiv || ids.pubmed);
    if (!identified && !(scholarly && authors.length > 0 && published)) return [];
    const address = pageAddress(doc, url);
    // An article page whose identifiers are the publisher's own (ACP's "publisher-id") is still
    // named by the DOI its address carries (/doi/10.7326/M19-3075).
    if (!identified) ids.doi = addressDoi(address);

    // DC.source and isPartOf are sometimes an address or an ISSN rather than a name.
    const venue = [
      ...all('prism.publicationname', 'dc.source', 'dcterms.source'),
      ...all('dcterms.ispartof', 'dc.relation.ispartof'),
    ].find((value) => !/^(?:https?:|urn:|issn\b|\d{4}-\d{3}[\dx]$)/i.test(value));
    const paper = toPaper({
      title,
      authors,
      abstract: plainText(
        first('dcterms.abstract', 'dc.description.abstract', 'dc.description', 'dcterms.description'),
      ),
      published,
      venue,
      ids,
      url: address,
      // One subject a tag ("Science, Ancient" is one heading); some pages join several with ";".
      keywords: all('dc.subject', 'dcterms.subject', 'prism.keyword').flatMap((value) => value.split(';')),
      source: 'dublin-core',
      pageUrl: url.href,
    });
    return paper ? [{ paper, anchor: titleAnchor(doc, title) }] : [];
  },
};
