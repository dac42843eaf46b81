// arXiv's API (export.arxiv.org/api/query, an Atom feed): the record of an arXiv paper by id,
// many ids a request (`id_list`), and where the authors say it was published (`arxiv:doi`,
// `arxiv:journal_ref`).
import { parseArxivId } from '../../paper/ids';
import type { Found, ParseResult, Query, Service, ServiceRequest } from '../types';
import { answered, at, found, markupToText, nothing, xmlReader, xmlText, xmlValue } from './common';

const reader = xmlReader(['entry', 'author', 'link']);

interface Entry {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  published?: unknown;
  author?: { name?: unknown }[];
  link?: { '@href'?: string; '@title'?: string; '@rel'?: string }[];
  'arxiv:doi'?: unknown;
  'arxiv:journal_ref'?: unknown;
}

export const arxiv: Service = {
  id: 'arxiv',
  label: 'arXiv',
  origins: ['https://export.arxiv.org/*'],
  // "make no more than one request every three seconds" (arXiv API Terms of Use).
  rate: { requests: 1, perMs: 3_000 },
  batch: 50,
  accepts: (query) => query.ids.arxiv !== undefined,
  requests(queries, _settings, base): ServiceRequest[] {
    const requests: ServiceRequest[] = [];
    const mine = queries.filter(arxiv.accepts);
    for (let i = 0; i < mine.length; i += arxiv.batch) {
      const part = mine.slice(i, i + arxiv.batch);
      const ids = part.map((query) => query.ids.arxiv).join(',');
      requests.push({
        service: 'arxiv',
        method: 'GET',
        url: at(
          `https://export.arxiv.org/api/query?id_list=${encodeURIComponent(ids)}&max_results=${part.length}`,
          base,
        ),
        queries: part,
      });
    }
    return requests;
  },
  parse(body, request): ParseResult {
    let feed: { feed?: { entry?: Entry[] } };
    try {
      feed = reader.parse(body) as typeof feed;
    } catch {
      return nothing('arXiv answered with text that is not an Atom feed.');
    }
    const entries = feed.feed?.entry ?? [];
    const byId = new Map<string, Query>();
    for (const query of request.queries) if (query.ids.arxiv) byId.set(query.ids.arxiv, query);
    const results: Found[] = [];
    const problems: string[] = [];
    for (const entry of entries) {
      const id = parseArxivId(xmlText(entry.id) ?? '');
      if (!id) {
        // The API reports a malformed id as an entry titled "Error".
        const message = markupToText(xmlText(entry.summary));
        if (message) problems.push(`arXiv: ${message}`);
        continue;
      }
      const query = byId.get(id.id);
      if (!query) continue;
      const pdf = entry.link?.find((link) => link['@title'] === 'pdf')?.['@href'];
      const doi = xmlValue(entry['arxiv:doi']);
      const journal = markupToText(xmlText(entry['arxiv:journal_ref']));
      const result = found(
        'arxiv',
        query.key,
        {
          title: markupToText(xmlText(entry.title)),
          authors: (entry.author ?? []).map((author) => xmlValue(author.name)),
          abstract: markupToText(xmlText(entry.summary)),
          published: xmlText(entry.published)?.slice(0, 10),
          ids: { arxiv: id.id },
          url: `https://arxiv.org/abs/${id.id}`,
          pdfUrl: pdf,
          type: 'preprint',
        },
        doi || journal ? { doi, venue: journal } : undefined,
      );
      if (result) results.push(result);
    }
    return answered(request, results, problems);
  },
};
