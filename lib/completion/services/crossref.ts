// Crossref's REST API (api.crossref.org): the record of a DOI (one `/works/{doi}`, or several
// through `filter=doi:`), the publication a preprint became (`relation.is-preprint-of`), and a
// bibliographic search by title and first author for a preprint's published version.
import { normalizeDoi } from '../../paper/ids';
import { titlesAgree } from '../../paper/titles';
import type { Found, ParseResult, Query, Service, ServiceRequest, ServiceSettings } from '../types';
import {
  answered,
  at,
  byTitleOnly,
  first,
  found,
  fromParts,
  literal,
  markupToText,
  nothing,
  readJson,
  sameWork,
  typeFromCsl,
} from './common';

interface Work {
  DOI?: unknown;
  title?: unknown;
  subtitle?: unknown;
  author?: { given?: unknown; family?: unknown; name?: unknown; suffix?: unknown }[];
  editor?: { given?: unknown; family?: unknown; name?: unknown; suffix?: unknown }[];
  abstract?: unknown;
  'container-title'?: unknown;
  volume?: unknown;
  issue?: unknown;
  page?: unknown;
  publisher?: unknown;
  'publisher-location'?: unknown;
  type?: unknown;
  ISSN?: unknown;
  ISBN?: unknown;
  language?: unknown;
  issued?: { 'date-parts'?: unknown };
  posted?: { 'date-parts'?: unknown };
  URL?: unknown;
  relation?: Record<string, { id?: unknown; 'id-type'?: unknown }[] | undefined>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function names(list: Work['author']) {
  return (list ?? []).map((person) =>
    typeof person.family === 'string'
      ? { family: person.family, given: text(person.given), suffix: text(person.suffix) }
      : (literal(person.name) ?? {}),
  );
}

function title(work: Work): string | undefined {
  const main = markupToText(first(work.title));
  const sub = markupToText(first(work.subtitle));
  return main && sub ? `${main}: ${sub}` : main;
}

/** Where a polite client says who it is: Crossref's `mailto` (its "polite pool"). */
function mailto(settings: ServiceSettings): string {
  return settings.contact ? `&mailto=${encodeURIComponent(settings.contact)}` : '';
}

export const crossref: Service = {
  id: 'crossref',
  label: 'Crossref',
  origins: ['https://api.crossref.org/*'],
  // Crossref's public pool: 5 requests a second for single records (REST API documentation,
  // "Rate limits", 2025); the polite pool allows more, this client stays at the public figure.
  rate: { requests: 5, perMs: 1_000 },
  batch: 20,
  accepts: (query) =>
    query.kind === 'record'
      ? query.ids.doi !== undefined || byTitleOnly(query)
      : query.ids.arxiv !== undefined && query.title !== '',
  requests(queries, settings, base): ServiceRequest[] {
    const requests: ServiceRequest[] = [];
    const records = queries.filter((query) => query.kind === 'record' && query.ids.doi !== undefined);
    for (let i = 0; i < records.length; i += crossref.batch) {
      const part = records.slice(i, i + crossref.batch);
      const url =
        part.length === 1
          ? `https://api.crossref.org/works/${encodeURIComponent(part[0]?.ids.doi ?? '').replace(/%2F/g, '/')}?${mailto(settings).slice(1)}`
          : `https://api.crossref.org/works?filter=${part.map((query) => `doi:${query.ids.doi}`).join(',')}&rows=${part.length}${mailto(settings)}`;
      requests.push({ service: 'crossref', method: 'GET', url: at(url.replace(/\?$/, ''), base), queries: part });
    }
    // By title (and first author): where a preprint was published, and the record of a paper with no identifier.
    for (const query of queries.filter((q) => q.ids.doi === undefined && crossref.accepts(q))) {
      const author = query.firstFamily ? `&query.author=${encodeURIComponent(query.firstFamily)}` : '';
      const url = `https://api.crossref.org/works?query.bibliographic=${encodeURIComponent(query.title)}${author}&rows=5${mailto(settings)}`;
      requests.push({ service: 'crossref', method: 'GET', url: at(url, base), queries: [query] });
    }
    return requests;
  },
  parse(body, request): ParseResult {
    const json = readJson(body) as { message?: { items?: Work[] } & Work; 'message-type'?: unknown } | undefined;
    if (!json || typeof json.message !== 'object' || json.message === null) {
      return nothing('Crossref answered with something other than a work.');
    }
    const works: Work[] = json['message-type'] === 'work' ? [json.message] : (json.message.items ?? []);
    const results: Found[] = [];
    for (const query of request.queries) {
      const result =
        query.kind === 'published'
          ? publicationOf(query, works)
          : query.ids.doi
            ? recordOf(query, works)
            : recordByTitle(query, works);
      if (result) results.push(result);
    }
    return answered(request, results);
  },
};

function draftOf(work: Work) {
  return {
    title: title(work),
    names: names(work.author),
    editors: names(work.editor),
    abstract: markupToText(work.abstract),
    container: markupToText(first(work['container-title'])),
    volume: text(work.volume),
    issue: text(work.issue),
    pages: text(work.page),
    publisher: text(work.publisher),
    place: text(work['publisher-location']),
    type: typeFromCsl(work.type),
    issn: first(work.ISSN),
    isbn: first(work.ISBN),
    language: text(work.language),
    issued: fromParts(work.issued?.['date-parts']),
    ids: { doi: text(work.DOI) },
    url: text(work.URL),
  };
}

function recordOf(query: Query, works: Work[]): Found | undefined {
  const doi = query.ids.doi?.toLowerCase();
  const work = works.find((candidate) => normalizeDoi(text(candidate.DOI) ?? '')?.toLowerCase() === doi);
  if (!work) return undefined;
  // A posted preprint names the article it became.
  const preprintOf = work.relation?.['is-preprint-of']?.find((relation) => relation['id-type'] === 'doi');
  const publication = preprintOf ? { doi: text(preprintOf.id) } : undefined;
  return found('crossref', query.key, draftOf(work), publication);
}

/** The record of a paper known by no identifier: a work the search found whose title, first author and year agree. */
function recordByTitle(query: Query, works: Work[]): Found | undefined {
  const work = works.find((candidate) => {
    const draft = draftOf(candidate);
    const authors = (candidate.author ?? []).map((person) => text(person.family) ?? text(person.name) ?? '');
    return sameWork(query, draft.title, authors, draft.issued);
  });
  if (!work) return undefined;
  const preprintOf = work.relation?.['is-preprint-of']?.find((relation) => relation['id-type'] === 'doi');
  return found('crossref', query.key, draftOf(work), preprintOf ? { doi: text(preprintOf.id) } : undefined);
}

/** A published work whose title agrees with the preprint's, that is not itself a preprint. */
function publicationOf(query: Query, works: Work[]): Found | undefined {
  const work = works.find((candidate) => {
    const name = title(candidate);
    return name !== undefined && titlesAgree(name, query.title) && typeFromCsl(candidate.type) !== 'preprint';
  });
  if (!work) return undefined;
  const draft = draftOf(work);
  return found(
    'crossref',
    query.key,
    { title: draft.title },
    {
      doi: draft.ids.doi,
      container: draft.container,
      venue: draft.container,
      type: draft.type,
      issued: draft.issued,
      volume: draft.volume,
      issue: draft.issue,
      pages: draft.pages,
      publisher: draft.publisher,
    },
  );
}
