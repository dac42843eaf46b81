// A realistic library for the side panel's figures (issue 9): real titles, authors and dates of
// 15,671 ICML and NeurIPS papers (tests/fixtures/library/cmlbib-papers.tsv.gz) and the real
// abstracts of the project's fixtures (detected pages' expected.json and the arXiv API answer),
// origins in tests/fixtures/SOURCES.md. Past 15,671 papers the titles come round again under new
// keys; abstracts are fewer and are shared, which makes abstract search harder, not easier.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SavedPaper } from '../../lib/paper/model';
import { buildCorpus } from './corpus-build';

export { buildCorpus };

/** The real papers' lines (title, BibTeX authors, date, venue; tab-separated), as stored. */
export function corpusText(root: string): string {
  return gunzipSync(readFileSync(join(root, 'tests/fixtures/library/cmlbib-papers.tsv.gz'))).toString('utf8');
}

/** Every abstract the project's real (not synthetic) fixtures hold, once each. */
export function realAbstracts(root: string): string[] {
  const found = new Set<string>();
  const fixtures = join(root, 'tests/fixtures');
  for (const site of readdirSync(fixtures)) {
    const dir = join(fixtures, site);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name, 'expected.json');
      if (name.includes('synthetic')) continue;
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        continue;
      }
      const papers = (json as { papers?: { abstract?: unknown }[] }).papers ?? [];
      for (const paper of papers) if (typeof paper.abstract === 'string') found.add(paper.abstract);
    }
  }
  const feed = JSON.parse(readFileSync(join(fixtures, 'services/arxiv/query-search-ten.json'), 'utf8')) as {
    interactions: { response: { body: string } }[];
  };
  for (const match of (feed.interactions[0]?.response.body ?? '').matchAll(/<summary>([\s\S]*?)<\/summary>/g)) {
    found.add((match[1] ?? '').replace(/\s+/g, ' ').trim());
  }
  return [...found].filter((abstract) => abstract.length > 0);
}

/** `count` saved papers of the realistic library (see scripts/bench/corpus-build.ts). */
export function libraryCorpus(root: string, count: number): SavedPaper[] {
  return buildCorpus(corpusText(root), realAbstracts(root), count);
}
