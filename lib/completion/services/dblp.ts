// DBLP's publication search (dblp.org/search/publ/api): where a computer-science preprint was
// published, found by its title and first author's family name — a hit whose title agrees and
// that is not itself an arXiv or other informal version names the venue, pages, year and DOI.
// One search a paper, one a second: DBLP publishes no number, and asks heavy users for restraint.
import type { PaperType } from '../../paper/model';
import { titlesAgree } from '../../paper/titles';
import type { Found, ParseResult, Query, Service, ServiceRequest } from '../types';
import { answered, at, found, fromDate, markupToText, nothing, readJson } from './common';

interface Hit {
  info?: {
    title?: unknown;
    venue?: unknown;
    volume?: unknown;
    number?: unknown;
    pages?: unknown;
    year?: unknown;
    type?: unknown;
    doi?: unknown;
    ee?: unknown;
  };
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** DBLP's publication types as the model names them; informal versions (CoRR, preprints) are not publications. */
const TYPES: Record<string, PaperType | 'informal'> = {
  'Conference and Workshop Papers': 'conference',
  'Journal Articles': 'article',
  'Parts in Books or Collections': 'chapter',
  'Informal Publications': 'informal',
  'Informal and Other Publications': 'informal',
};

/** A hit that is the published version of the paper asked about, if one is. */
function publishedHit(query: Query, hits: Hit[]): Hit | undefined {
  return hits.find((hit) => {
    const title = markupToText(hit.info?.title)?.replace(/\.$/, '');
    const type = TYPES[String(hit.info?.type)];
    const venue = text(hit.info?.venue);
    return (
      title !== undefined &&
      titlesAgree(title, query.title) &&
      type !== 'informal' &&
      !(venue && /^(?:CoRR|arXiv)\b/i.test(venue))
    );
  });
}

export const dblp: Service = {
  id: 'dblp',
  label: 'DBLP',
  origins: ['https://dblp.org/*'],
  rate: { requests: 1, perMs: 1_000 },
  batch: 1,
  accepts: (query) => query.kind === 'published' && query.title !== '',
  requests(queries, _settings, base): ServiceRequest[] {
    return queries.filter(dblp.accepts).map((query) => {
      const words = [query.title, query.firstFamily].filter(Boolean).join(' ');
      return {
        service: 'dblp',
        method: 'GET',
        url: at(`https://dblp.org/search/publ/api?q=${encodeURIComponent(words)}&format=json&h=10`, base),
        queries: [query],
      };
    });
  },
  parse(body, request): ParseResult {
    const json = readJson(body) as { result?: { hits?: { hit?: Hit[] } } } | undefined;
    const query = request.queries[0];
    if (!json?.result || !query) return nothing('DBLP answered with something other than a search result.');
    const hit = publishedHit(query, json.result.hits?.hit ?? []);
    if (!hit?.info) return { found: [], missing: [query.key], problems: [] };
    const info = hit.info;
    const type = TYPES[String(info.type)];
    const results: Found[] = [];
    const result = found(
      'dblp',
      query.key,
      { title: markupToText(info.title)?.replace(/\.$/, '') },
      {
        doi: text(info.doi),
        venue: text(info.venue),
        type: type === 'informal' ? undefined : type,
        volume: text(info.volume),
        issue: text(info.number),
        pages: text(info.pages),
        issued: fromDate(info.year),
        url: text(info.ee),
      },
    );
    if (result) results.push(result);
    return answered(request, results);
  },
};
