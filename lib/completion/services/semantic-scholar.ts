// Semantic Scholar's Graph API (api.semanticscholar.org/graph/v1): up to 500 papers a request
// through `paper/batch` by arXiv id, DOI, PubMed id, ACL id or its own id — full author lists (what
// completes a Scholar "…" row), abstracts, venues, and the DOI of the published version of an arXiv
// preprint; `paper/search/match` finds a paper by its title when it has no identifier.
import { isArxivDoi } from '../../paper/ids';
import type { Found, ParseResult, Publication, Query, Service, ServiceRequest } from '../types';
import { answered, at, found, fromDate, nothing, readJson, sameWork } from './common';

const FIELDS = 'title,authors,abstract,venue,year,publicationDate,journal,externalIds,publicationTypes,url';

interface S2Paper {
  paperId?: unknown;
  title?: unknown;
  abstract?: unknown;
  venue?: unknown;
  year?: unknown;
  publicationDate?: unknown;
  journal?: { name?: unknown; volume?: unknown; pages?: unknown } | null;
  externalIds?: Record<string, unknown> | null;
  publicationTypes?: unknown;
  url?: unknown;
  authors?: { name?: unknown }[];
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The id Semantic Scholar reads for a query, strongest first. */
function s2Id(query: Query): string | undefined {
  const { ids } = query;
  if (ids.s2) return ids.s2;
  if (ids.arxiv) return `ARXIV:${ids.arxiv}`;
  if (ids.doi) return `DOI:${ids.doi}`;
  if (ids.pubmed) return `PMID:${ids.pubmed}`;
  if (ids.acl) return `ACL:${ids.acl}`;
  return undefined;
}

const ARXIV_VENUE = /^arxiv(\.org)?$/i;

/** What S2 says of where a preprint was published: a DOI that is not arXiv's, a venue that is not arXiv. */
function publicationOf(paper: S2Paper): Publication | undefined {
  const doi = text(paper.externalIds?.DOI);
  const journal = text(paper.journal?.name);
  const venue = text(paper.venue);
  const published = doi && !isArxivDoi(doi) ? doi : undefined;
  const place = [journal, venue].find((name) => name !== undefined && !ARXIV_VENUE.test(name));
  if (!published && !place) return undefined;
  const types = Array.isArray(paper.publicationTypes) ? paper.publicationTypes : [];
  return {
    doi: published,
    venue: place,
    container: journal && !ARXIV_VENUE.test(journal) ? journal : undefined,
    type: types.includes('Conference') ? 'conference' : types.includes('JournalArticle') ? 'article' : undefined,
    volume: text(paper.journal?.volume)?.trim(),
    pages: text(paper.journal?.pages)?.trim(),
    issued: fromDate(paper.publicationDate) ?? fromDate(paper.year),
  };
}

function findingOf(query: Query, paper: S2Paper): Found | undefined {
  const publication = query.kind === 'published' || query.ids.arxiv ? publicationOf(paper) : undefined;
  const externalIds = paper.externalIds ?? {};
  return found(
    'semantic-scholar',
    query.key,
    {
      title: text(paper.title),
      authors: (paper.authors ?? []).map((author) => text(author.name)),
      abstract: text(paper.abstract),
      venue: query.ids.arxiv ? undefined : (text(paper.journal?.name) ?? text(paper.venue)),
      published: fromDate(paper.publicationDate) ?? fromDate(paper.year),
      ids: {
        s2: text(paper.paperId),
        doi: query.ids.arxiv ? undefined : text(externalIds.DOI),
        arxiv: text(externalIds.ArXiv),
        pubmed: text(externalIds.PubMed),
        acl: text(externalIds.ACL),
      },
    },
    publication,
  );
}

export const semanticScholar: Service = {
  id: 'semantic-scholar',
  label: 'Semantic Scholar',
  origins: ['https://api.semanticscholar.org/*'],
  // Without a key all clients share 1,000 requests a second; the API's terms ask a keyed client to
  // stay at 1 a second (Semantic Scholar API documentation, "Rate limits"): this one does both.
  rate: { requests: 1, perMs: 1_000 },
  batch: 500,
  accepts: (query) => s2Id(query) !== undefined || query.title !== '',
  requests(queries, settings, base): ServiceRequest[] {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (settings.semanticScholarKey) headers['x-api-key'] = settings.semanticScholarKey;
    const requests: ServiceRequest[] = [];
    const byId = queries.filter((query) => s2Id(query) !== undefined);
    for (let i = 0; i < byId.length; i += semanticScholar.batch) {
      const part = byId.slice(i, i + semanticScholar.batch);
      requests.push({
        service: 'semantic-scholar',
        method: 'POST',
        url: at(`https://api.semanticscholar.org/graph/v1/paper/batch?fields=${encodeURIComponent(FIELDS)}`, base),
        headers,
        body: JSON.stringify({ ids: part.map(s2Id) }),
        queries: part,
      });
    }
    for (const query of queries.filter((q) => s2Id(q) === undefined && q.title !== '')) {
      requests.push({
        service: 'semantic-scholar',
        method: 'GET',
        url: at(
          `https://api.semanticscholar.org/graph/v1/paper/search/match?query=${encodeURIComponent(query.title)}&fields=${encodeURIComponent(FIELDS)}`,
          base,
        ),
        headers: settings.semanticScholarKey ? { 'x-api-key': settings.semanticScholarKey } : undefined,
        queries: [query],
      });
    }
    return requests;
  },
  parse(body, request): ParseResult {
    const json = readJson(body);
    const results: Found[] = [];
    if (request.method === 'POST') {
      // The batch answers in the order asked, `null` for an id it does not know.
      if (!Array.isArray(json)) return nothing('Semantic Scholar answered a batch with something other than a list.');
      request.queries.forEach((query, i) => {
        const paper = json[i] as S2Paper | null | undefined;
        const result = paper && typeof paper === 'object' ? findingOf(query, paper) : undefined;
        if (result) results.push(result);
      });
    } else {
      const data = (json as { data?: unknown } | undefined)?.data;
      const query = request.queries[0];
      const paper = Array.isArray(data) ? (data[0] as S2Paper | undefined) : undefined;
      // Its nearest match by title: taken only when title, first author and year agree.
      const authors = (paper?.authors ?? []).map((author) => text(author.name)).filter((name) => name !== undefined);
      const same =
        paper &&
        query &&
        sameWork(query, text(paper.title), authors, fromDate(paper.publicationDate) ?? fromDate(paper.year));
      const result = query && paper && same ? findingOf(query, paper) : undefined;
      if (result) results.push(result);
    }
    return answered(request, results);
  },
};
