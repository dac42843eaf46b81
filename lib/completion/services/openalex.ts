// OpenAlex (api.openalex.org): a work by DOI or PubMed id (several a request through
// `filter=doi:a|b`), its abstract rebuilt from the inverted index OpenAlex publishes, and for an
// arXiv preprint the journal or conference location of the same work.
import { normalizeDoi } from '../../paper/ids';
import type { Found, ParseResult, Publication, Query, Service, ServiceRequest, ServiceSettings } from '../types';
import { answered, at, found, fromDate, nothing, readJson, typeFromCsl } from './common';

interface Location {
  landing_page_url?: unknown;
  pdf_url?: unknown;
  source?: { display_name?: unknown; type?: unknown; issn_l?: unknown; host_organization_name?: unknown } | null;
}

interface Work {
  doi?: unknown;
  title?: unknown;
  display_name?: unknown;
  publication_date?: unknown;
  publication_year?: unknown;
  ids?: Record<string, unknown>;
  language?: unknown;
  type_crossref?: unknown;
  type?: unknown;
  primary_location?: Location | null;
  locations?: Location[];
  authorships?: { author?: { display_name?: unknown } }[];
  biblio?: { volume?: unknown; issue?: unknown; first_page?: unknown; last_page?: unknown };
  abstract_inverted_index?: Record<string, unknown> | null;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The abstract as words in order: OpenAlex publishes word → positions. */
export function invertedAbstract(index: Work['abstract_inverted_index']): string | undefined {
  if (!index || typeof index !== 'object') return undefined;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) {
    if (!Array.isArray(positions)) continue;
    for (const position of positions) {
      // A hostile index cannot make a huge sparse array: positions beyond any abstract are ignored.
      if (Number.isInteger(position) && position >= 0 && position < 20_000) words[position] = word;
    }
  }
  // A gap means the index is not the whole abstract (a cut or damaged record): no abstract rather
  // than words out of place.
  for (let i = 0; i < words.length; i++) if (words[i] === undefined) return undefined;
  return words.length === 0 ? undefined : words.join(' ');
}

function pages(biblio: Work['biblio']): string | undefined {
  const start = text(biblio?.first_page);
  const end = text(biblio?.last_page);
  return start && end && end !== start ? `${start}–${end}` : start;
}

/** The work's location in a journal or at a conference (not a repository such as arXiv). */
function publicationOf(work: Work): Publication | undefined {
  const places = [work.primary_location, ...(work.locations ?? [])];
  const place = places.find((location) => {
    const type = location?.source?.type;
    return type === 'journal' || type === 'conference';
  });
  const venue = text(place?.source?.display_name);
  if (!place || !venue) return undefined;
  const landing = text(place.landing_page_url);
  return {
    venue,
    container: venue,
    doi: landing ? (normalizeDoi(landing) ?? undefined) : undefined,
    url: landing,
    type: place.source?.type === 'conference' ? 'conference' : 'article',
  };
}

function mailto(settings: ServiceSettings): string {
  return settings.contact ? `mailto=${encodeURIComponent(settings.contact)}` : '';
}

export const openAlex: Service = {
  id: 'openalex',
  label: 'OpenAlex',
  origins: ['https://api.openalex.org/*'],
  // "10 requests per second" for every user (OpenAlex API documentation, "Rate limits").
  rate: { requests: 10, perMs: 1_000 },
  batch: 50,
  accepts: (query) => query.ids.doi !== undefined || query.ids.pubmed !== undefined || query.ids.arxiv !== undefined,
  requests(queries, settings, base): ServiceRequest[] {
    const requests: ServiceRequest[] = [];
    const mine = queries.filter(openAlex.accepts);
    const polite = mailto(settings);
    for (const query of mine.filter((q) => q.ids.doi === undefined)) {
      const id = query.ids.pubmed ? `pmid:${query.ids.pubmed}` : `doi:10.48550/arXiv.${query.ids.arxiv}`;
      requests.push({
        service: 'openalex',
        method: 'GET',
        url: at(`https://api.openalex.org/works/${id}${polite ? `?${polite}` : ''}`, base),
        queries: [query],
      });
    }
    const byDoi = mine.filter((q) => q.ids.doi !== undefined);
    for (let i = 0; i < byDoi.length; i += openAlex.batch) {
      const part = byDoi.slice(i, i + openAlex.batch);
      const url =
        part.length === 1
          ? `https://api.openalex.org/works/doi:${part[0]?.ids.doi}${polite ? `?${polite}` : ''}`
          : `https://api.openalex.org/works?filter=doi:${part.map((q) => encodeURIComponent(q.ids.doi ?? '')).join('|')}&per-page=${part.length}${polite ? `&${polite}` : ''}`;
      requests.push({ service: 'openalex', method: 'GET', url: at(url, base), queries: part });
    }
    return requests;
  },
  parse(body, request): ParseResult {
    const json = readJson(body) as (Work & { results?: Work[] }) | undefined;
    if (!json || typeof json !== 'object') return nothing('OpenAlex answered with text that is not JSON.');
    const works = Array.isArray(json.results) ? json.results : [json];
    const results: Found[] = [];
    for (const query of request.queries) {
      const work = request.queries.length === 1 ? works[0] : works.find((candidate) => matches(query, candidate));
      if (!work || (request.queries.length === 1 && !matches(query, work))) continue;
      const result = findingOf(query, work);
      if (result) results.push(result);
    }
    return answered(request, results);
  },
};

/** Whether the work is the one asked about (OpenAlex ids are URLs: https://doi.org/…, …/pubmed/…). */
function matches(query: Query, work: Work): boolean {
  const doi = normalizeDoi(text(work.doi) ?? '')?.toLowerCase();
  if (query.ids.doi) return doi === query.ids.doi.toLowerCase();
  if (query.ids.pubmed) return text(work.ids?.pmid)?.replace(/\/$/, '').endsWith(`/${query.ids.pubmed}`) === true;
  return doi === `10.48550/arxiv.${query.ids.arxiv?.toLowerCase()}`;
}

function findingOf(query: Query, work: Work): Found | undefined {
  const preprint = query.ids.arxiv !== undefined;
  const source = work.primary_location?.source;
  return found(
    'openalex',
    query.key,
    {
      title: text(work.title) ?? text(work.display_name),
      authors: (work.authorships ?? []).map((authorship) => text(authorship.author?.display_name)),
      abstract: invertedAbstract(work.abstract_inverted_index),
      container: preprint ? undefined : text(source?.display_name),
      volume: text(work.biblio?.volume),
      issue: text(work.biblio?.issue),
      pages: pages(work.biblio),
      type: preprint ? undefined : typeFromCsl(work.type_crossref),
      issued: preprint ? undefined : fromDate(work.publication_date),
      language: text(work.language),
      ids: {
        doi: preprint ? undefined : text(work.doi),
        pubmed: text(work.ids?.pmid)?.replace(/\/$/, '').split('/').pop(),
      },
      pdfUrl: text(work.primary_location?.pdf_url),
    },
    preprint ? publicationOf(work) : undefined,
  );
}
