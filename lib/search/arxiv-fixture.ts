// Test records from a real arXiv API answer (tests/fixtures/services/arxiv/query-search-ten.json,
// origin in tests/fixtures/SOURCES.md): ten papers with their titles, authors, abstracts and dates
// as arXiv sent them (whitespace collapsed, as every reader does).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SavedPaper } from '../paper/model';

const FIXTURE = fileURLToPath(new URL('../../tests/fixtures/services/arxiv/query-search-ten.json', import.meta.url));

const text = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

/** The feed's papers in its order, the first saved first (savedAt one minute apart from 2025-01-01T12:00Z). */
export function arxivPapers(): SavedPaper[] {
  const json = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { interactions: { response: { body: string } }[] };
  const body = json.interactions[0]?.response.body ?? '';
  return body
    .split('<entry>')
    .slice(1)
    .map((entry, i) => {
      const id = text(/<id>http:\/\/arxiv\.org\/abs\/([^<]+?)v\d+<\/id>/.exec(entry)?.[1]);
      const savedAt = new Date(Date.UTC(2025, 0, 1, 12, i)).toISOString();
      return {
        key: `arxiv:${id}`,
        title: text(/<title>([\s\S]*?)<\/title>/.exec(entry)?.[1]),
        authors: [...entry.matchAll(/<name>([\s\S]*?)<\/name>/g)].map((match) => text(match[1])),
        abstract: text(/<summary>([\s\S]*?)<\/summary>/.exec(entry)?.[1]),
        published: text(/<published>(\d{4}-\d\d-\d\d)/.exec(entry)?.[1]),
        ids: { arxiv: id },
        source: 'arxiv',
        status: 'unread',
        savedAt,
        updatedAt: savedAt,
      };
    });
}
