// Highwire Press `citation_*` meta tags (and Digital Commons' `bepress_citation_*`), the tags Google
// Scholar asks publishers and repositories for: one paper per page that carries a citation_title.
//
// Decisions:
// - `published` is the earliest of citation_publication_date, citation_date, citation_online_date
//   and citation_year: Google Scholar's guidelines make publication_date the date a reference cites
//   and online_date the date the item went online, and the first public version is whichever came
//   first (a journal's online-first date before its issue; arXiv's citation_date is v1, its
//   online_date the latest version). A "January 1st" beside another date of the same year is a
//   stand-in for the year (bioRxiv's citation_publication_date 2020/01/01 with citation_date
//   2020-03-27, tests/fixtures/biorxiv/paper-page) and counts only as the year.
// - `venue` is the journal, else the conference, else the book a chapter is in, else the degree or
//   report institution; citation_publisher names a publisher, not a venue, and is left out.
// - `url` is the page's canonical link, else citation_abstract_html_url, else the address; the key
//   comes from the DOI, PubMed or arXiv id when the page gives one. A doi.org address in
//   citation_pdf_url (Semantic Scholar puts one there) is the DOI, not a PDF.
// - Volume, issue and pages have no Paper field and are not read.
import { cleanText, httpUrl, toPaper } from '../../paper/build';
import { metaAll, pageAddress, titleAnchor } from '../dom';
import { abstractText, firstPublished, keywordList, personName, plainText } from '../metadata';
import type { Source } from '../types';

/** The values of `citation_<name>`, else of `bepress_citation_<name>`. */
function tags(doc: Document, name: string): string[] {
  const values = metaAll(doc, `citation_${name}`);
  return values.length > 0 ? values : metaAll(doc, `bepress_citation_${name}`);
}

function tag(doc: Document, name: string): string | undefined {
  return tags(doc, name)[0];
}

/** Authors: one citation_author each (some pages put "A; B" in one), or citation_authors "A; B". */
function authorsOf(doc: Document): string[] {
  const listed = tags(doc, 'author');
  const values = listed.length > 0 ? listed : tags(doc, 'authors');
  return values
    .flatMap((value) => value.split(';'))
    .flatMap((name) => cleanText(name) ?? [])
    .map(personName);
}

function isDoiAddress(value: string | undefined): boolean {
  return /^https?:\/\/(?:dx\.)?doi\.org\//i.test(value ?? '');
}

export const highwire: Source = {
  id: 'highwire',
  kind: 'metadata',
  patterns: [],
  matches: () => true,
  detect(doc, url) {
    const title = plainText(tag(doc, 'title'));
    if (!title) return [];
    const pdf = tag(doc, 'pdf_url');
    const landing = tag(doc, 'abstract_html_url');
    // A DOI found only as an address (citation_pdf_url on Semantic Scholar, a public_url).
    const doiAddress = [pdf, landing, tag(doc, 'public_url'), tag(doc, 'fulltext_html_url')].find(isDoiAddress);
    const paper = toPaper({
      title,
      authors: authorsOf(doc),
      abstract: abstractText(tag(doc, 'abstract')),
      published: firstPublished([
        tag(doc, 'publication_date'),
        tag(doc, 'date'),
        tag(doc, 'online_date'),
        tag(doc, 'year'),
      ]),
      venue: plainText(
        tag(doc, 'journal_title') ??
          tag(doc, 'conference_title') ??
          tag(doc, 'inbook_title') ??
          tag(doc, 'dissertation_institution') ??
          tag(doc, 'technical_report_institution'),
      ),
      ids: {
        doi: tag(doc, 'doi') ?? doiAddress,
        pubmed: tag(doc, 'pmid'),
        arxiv: tag(doc, 'arxiv_id'),
      },
      url: pageAddress(doc, url, httpUrl(landing, url)),
      pdfUrl: isDoiAddress(pdf) ? undefined : httpUrl(pdf, url),
      keywords: tags(doc, 'keywords').flatMap(keywordList),
      source: 'highwire',
      pageUrl: url.href,
    });
    return paper ? [{ paper, anchor: titleAnchor(doc, title) }] : [];
  },
};
