// DataCite's REST API (api.datacite.org): the record of a DataCite DOI — datasets, software,
// theses and reports that Crossref does not hold.
import type { PaperType } from '../../paper/model';
import type { Found, ParseResult, Service, ServiceRequest } from '../types';
import { answered, at, found, fromDate, literal, markupToText, nothing, readJson } from './common';

interface Creator {
  name?: unknown;
  givenName?: unknown;
  familyName?: unknown;
  nameType?: unknown;
}

interface Attributes {
  doi?: unknown;
  titles?: { title?: unknown; titleType?: unknown }[];
  creators?: Creator[];
  publisher?: unknown;
  publicationYear?: unknown;
  types?: { resourceTypeGeneral?: unknown };
  descriptions?: { description?: unknown; descriptionType?: unknown }[];
  container?: { title?: unknown; volume?: unknown; issue?: unknown; firstPage?: unknown; lastPage?: unknown };
  language?: unknown;
  url?: unknown;
  dates?: { date?: unknown; dateType?: unknown }[];
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

// DataCite's resourceTypeGeneral vocabulary (DataCite Metadata Schema 4.5) as the model names it.
const TYPES: Record<string, PaperType> = {
  Dataset: 'dataset',
  Software: 'software',
  Dissertation: 'thesis',
  Report: 'report',
  Preprint: 'preprint',
  JournalArticle: 'article',
  ConferencePaper: 'conference',
  ConferenceProceeding: 'book',
  Book: 'book',
  BookChapter: 'chapter',
  Audiovisual: 'video',
};

function creator(person: Creator) {
  if (person.nameType === 'Organizational' || typeof person.familyName !== 'string') return literal(person.name) ?? {};
  return { family: person.familyName, given: text(person.givenName) };
}

export const datacite: Service = {
  id: 'datacite',
  label: 'DataCite',
  origins: ['https://api.datacite.org/*'],
  // "3000 requests in a 5 minute window" per address (DataCite REST API guide, "Rate limit").
  rate: { requests: 10, perMs: 1_000 },
  batch: 1,
  accepts: (query) => query.kind === 'record' && query.ids.doi !== undefined,
  requests(queries, _settings, base): ServiceRequest[] {
    return queries.filter(datacite.accepts).map((query) => ({
      service: 'datacite',
      method: 'GET',
      url: at(`https://api.datacite.org/dois/${encodeURIComponent(query.ids.doi ?? '').replace(/%2F/g, '/')}`, base),
      queries: [query],
    }));
  },
  parse(body, request): ParseResult {
    const json = readJson(body) as { data?: { attributes?: Attributes } } | undefined;
    const attributes = json?.data?.attributes;
    const query = request.queries[0];
    if (!attributes || !query) return nothing('DataCite answered with something other than a DOI record.');
    if (text(attributes.doi)?.toLowerCase() !== query.ids.doi?.toLowerCase()) {
      return { found: [], missing: [query.key], problems: [] };
    }
    const main = attributes.titles?.find((title) => title.titleType === undefined) ?? attributes.titles?.[0];
    const subtitle = attributes.titles?.find((title) => title.titleType === 'Subtitle');
    const title = [text(main?.title), text(subtitle?.title)].filter(Boolean).join(': ');
    const abstract = attributes.descriptions?.find((description) => description.descriptionType === 'Abstract');
    const container = attributes.container ?? {};
    const start = text(container.firstPage);
    const end = text(container.lastPage);
    const results: Found[] = [];
    const result = found('datacite', query.key, {
      // Titles often end in a cataloguer's " /" (MARC's statement of responsibility).
      title: title.replace(/\s*[/:;,]\s*$/, ''),
      names: (attributes.creators ?? []).map(creator),
      abstract: markupToText(abstract?.description),
      publisher: text(attributes.publisher)?.replace(/\s*[,;:]\s*$/, ''),
      container: text(container.title),
      volume: text(container.volume),
      issue: text(container.issue),
      pages: start && end && end !== start ? `${start}–${end}` : start,
      type: TYPES[String(attributes.types?.resourceTypeGeneral)] ?? 'other',
      issued:
        fromDate(attributes.dates?.find((date) => date.dateType === 'Issued')?.date) ??
        fromDate(attributes.publicationYear),
      language: text(attributes.language),
      ids: { doi: query.ids.doi },
      url: text(attributes.url),
    });
    if (result) results.push(result);
    return answered(request, results);
  },
};
