// Hugging Face's papers API (huggingface.co/api/papers/<arXiv id>): the record the Hub keeps of an
// arXiv paper it lists — every author (a Hugging Face card shows "16 authors"), the abstract and
// the date it was published. One paper a request; the Hub's anonymous API limit is 500 requests
// in five minutes (huggingface.co/docs/hub/rate-limits).
import type { ParseResult, Service, ServiceRequest } from '../types';
import { answered, at, found, fromDate, markupToText, nothing, readJson } from './common';

interface HubPaper {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  publishedAt?: unknown;
  authors?: { name?: unknown; hidden?: unknown }[];
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

export const huggingFace: Service = {
  id: 'huggingface',
  label: 'Hugging Face',
  origins: ['https://huggingface.co/*'],
  rate: { requests: 500, perMs: 300_000 },
  batch: 1,
  accepts: (query) => query.kind === 'record' && query.ids.arxiv !== undefined,
  requests(queries, _settings, base): ServiceRequest[] {
    return queries.filter(huggingFace.accepts).map((query) => ({
      service: 'huggingface',
      method: 'GET',
      url: at(`https://huggingface.co/api/papers/${encodeURIComponent(query.ids.arxiv ?? '')}`, base),
      queries: [query],
    }));
  },
  parse(body, request): ParseResult {
    const paper = readJson(body) as HubPaper | undefined;
    const query = request.queries[0];
    if (!paper || typeof paper !== 'object' || !query)
      return nothing('Hugging Face answered with something other than a paper.');
    // The Hub answers for the id asked; anything else is not this paper.
    if (text(paper.id) !== query.ids.arxiv) return { found: [], missing: [query.key], problems: [] };
    const result = found('huggingface', query.key, {
      title: markupToText(paper.title),
      // Every author the Hub lists, hidden ones too: "hidden" hides a name from the card, not from the paper.
      authors: (paper.authors ?? []).map((author) => text(author.name)),
      abstract: markupToText(paper.summary),
      published: fromDate(paper.publishedAt),
      ids: { arxiv: query.ids.arxiv },
    });
    return answered(request, result ? [result] : []);
  },
};
