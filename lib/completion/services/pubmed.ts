// PubMed through NCBI's E-utilities (eutils.ncbi.nlm.nih.gov): `efetch` of up to 200 PubMed ids
// a request, as MEDLINE XML — authors with their structure (collective names kept whole),
// structured abstracts with their labels, journal, volume, issue, pages, DOI and PMC id.
import type { NameDraft } from '../../paper/build';
import { toIsoDate } from '../../paper/dates';
import type { Found, ParseResult, Service, ServiceRequest } from '../types';
import { answered, at, found, markupToText, nothing, xmlReader, xmlText, xmlValue } from './common';

const reader = xmlReader(
  ['PubmedArticle', 'Author', 'AbstractText', 'ELocationID', 'ArticleId', 'Language', 'ISSN'],
  ['ArticleTitle', 'AbstractText'],
);

type Node = Record<string, unknown>;

const node = (value: unknown): Node => (value && typeof value === 'object' ? (value as Node) : {});
const list = (value: unknown): Node[] => (Array.isArray(value) ? value.map(node) : []);

function author(entry: Node): NameDraft {
  const collective = xmlValue(entry.CollectiveName);
  if (collective) return { literal: collective };
  return {
    family: xmlValue(entry.LastName),
    given: xmlValue(entry.ForeName) ?? xmlValue(entry.Initials),
    suffix: xmlValue(entry.Suffix),
  };
}

/** A structured abstract keeps its labels: "BACKGROUND: … METHODS: …". */
function abstractOf(article: Node): string | undefined {
  const texts = node(article.Abstract).AbstractText;
  const parts = (Array.isArray(texts) ? texts : []).map((part: unknown) => {
    const body = markupToText(xmlText(part));
    const label = typeof node(part)['@Label'] === 'string' ? (node(part)['@Label'] as string) : undefined;
    return body && label ? `${label}: ${body}` : body;
  });
  const joined = parts.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

function dateOf(pubDate: Node): string | undefined {
  const year = xmlValue(pubDate.Year);
  if (year) return toIsoDate([year, xmlValue(pubDate.Month), xmlValue(pubDate.Day)].filter(Boolean).join(' '));
  // "1998 Dec-1999 Jan": the first year.
  return /^\d{4}/.exec(xmlValue(pubDate.MedlineDate) ?? '')?.[0];
}

export const pubmed: Service = {
  id: 'pubmed',
  label: 'PubMed',
  origins: ['https://eutils.ncbi.nlm.nih.gov/*'],
  // "no more than 3 requests per second" without an API key, 10 with one (NCBI, "A General
  // Introduction to the E-utilities"); this client keeps to 3.
  rate: { requests: 3, perMs: 1_000 },
  batch: 200,
  accepts: (query) => query.kind === 'record' && query.ids.pubmed !== undefined,
  requests(queries, settings, base): ServiceRequest[] {
    const requests: ServiceRequest[] = [];
    const mine = queries.filter(pubmed.accepts);
    const key = settings.ncbiKey ? `&api_key=${encodeURIComponent(settings.ncbiKey)}` : '';
    for (let i = 0; i < mine.length; i += pubmed.batch) {
      const part = mine.slice(i, i + pubmed.batch);
      const ids = part.map((query) => query.ids.pubmed).join(',');
      requests.push({
        service: 'pubmed',
        method: 'GET',
        url: at(
          `https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi?db=pubmed&id=${ids}&retmode=xml&tool=papershelf${key}`,
          base,
        ),
        queries: part,
      });
    }
    return requests;
  },
  parse(body, request): ParseResult {
    let parsed: Node;
    try {
      parsed = node(reader.parse(body));
    } catch {
      return nothing('PubMed answered with text that is not MEDLINE XML.');
    }
    const byPmid = new Map<string, Node>();
    for (const entry of list(node(parsed.PubmedArticleSet).PubmedArticle)) {
      const pmid = xmlValue(node(entry.MedlineCitation).PMID);
      if (pmid) byPmid.set(pmid, entry);
    }
    const results: Found[] = [];
    for (const query of request.queries) {
      const entry = query.ids.pubmed ? byPmid.get(query.ids.pubmed) : undefined;
      if (!entry) continue;
      const citation = node(entry.MedlineCitation);
      const article = node(citation.Article);
      const journal = node(article.Journal);
      const issue = node(journal.JournalIssue);
      const articleIds = list(
        node(entry.PubmedData).ArticleIdList && node(node(entry.PubmedData).ArticleIdList).ArticleId,
      );
      const idOf = (type: string) => xmlValue(articleIds.find((id) => id['@IdType'] === type));
      const doi = idOf('doi') ?? xmlValue(list(article.ELocationID).find((location) => location['@EIdType'] === 'doi'));
      const result = found('pubmed', query.key, {
        title: markupToText(xmlText(article.ArticleTitle)),
        names: list(node(article.AuthorList).Author).map(author),
        abstract: abstractOf(article),
        container: xmlValue(journal.Title),
        venue: xmlValue(journal.ISOAbbreviation),
        volume: xmlValue(issue.Volume),
        issue: xmlValue(issue.Issue),
        pages: xmlValue(node(article.Pagination).MedlinePgn),
        issn: xmlValue(list(journal.ISSN)[0]),
        language: xmlValue(list(article.Language)[0]),
        issued: dateOf(node(issue.PubDate)),
        type: 'article',
        ids: { pubmed: query.ids.pubmed, doi, pmcid: idOf('pmc') },
      });
      if (result) results.push(result);
    }
    return answered(request, results);
  },
};
