// Recall and precision of the listing readers over every saved page of theirs: the whole registry
// runs on each page (what the user would see), and the keys it finds are compared with the papers
// listed here by hand, from reading the pages (independently of expected.json). Negative pages
// must yield nothing. The test (lib/detect/sources/generic-recall.test.ts) holds every page to
// these lists; `npm run recall` prints the table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectPapers } from '../lib/detect/index';
import { parseHtml } from '../scripts/html';

export const fixtures = join(import.meta.dirname, 'fixtures');

/** The papers each page shows, by key, as a reader of the page counts them. [] for a negative page. */
export const EXPECTED: Record<string, string[]> = {
  'generic-links/lab-publications-synthetic': [
    'arxiv:2312.00752',
    'arxiv:2307.08691',
    'url:https://lab.example.edu/papers/sparse-kv-esfomo24.pdf',
    'arxiv:2302.10866',
    'arxiv:2309.06180',
    'openreview:q7m0FcHqNe',
    'arxiv:2205.14135',
  ],
  'generic-links/reading-list-synthetic': [
    'arxiv:1301.3781',
    'url:http://papers.nips.cc/paper/5021-distributed-representations-of-words-and-phrases-and-their-compositionality.pdf',
    'url:http://nlp.stanford.edu/pubs/glove.pdf',
    'acl:Q15-1016',
    'acl:D15-1036',
    'arxiv:1706.03762',
    'arxiv:1802.05751',
    'arxiv:1810.04805',
    'acl:N18-1202',
    'arxiv:2305.18290',
    'arxiv:2203.02155',
  ],
  'generic-links/blog-post-synthetic': ['arxiv:1706.03762', 'arxiv:2004.05150', 'arxiv:2006.04768', 'arxiv:2205.14135'],
  'generic-links/newsletter-synthetic': [
    'arxiv:2405.21060',
    'arxiv:2404.19756',
    'doi:10.1038/s41586-024-07487-w',
    'arxiv:2404.14219',
    'arxiv:2404.07143',
    'doi:10.1101/2024.02.27.582234',
    'pubmed:34265844',
    's2:204e3073870fae3d05bcbc2f6a8e263d9b72e776',
  ],
  'generic-links/conference-programme-synthetic': [
    'acl:N19-1357',
    'acl:D19-1002',
    'acl:2020.acl-main.385',
    'arxiv:2209.11326',
    'openreview:Kq8vT2mXbP',
    'openreview:Rz4nW7cYdL',
  ],
  'generic-links/news-site-synthetic': [],
  'generic-links/github-readme-synthetic': [],
  'generic-links/search-engine-synthetic': [],
  'generic-cards/lab-cards-synthetic': [
    'arxiv:2304.02643',
    'url:https://vision.example.edu/publication/sparse-scene-graphs',
    'url:https://vision.example.edu/publication/depth-from-focal-stacks',
    'url:https://vision.example.edu/publication/robust-visual-odometry-low-light',
    'url:https://vision.example.edu/publication/zhang-phd-thesis',
  ],
  'generic-cards/product-grid-synthetic': [],
};

export interface Row {
  page: string;
  expected: number;
  found: number;
  hits: number;
  recall: number;
  precision: number;
  missing: string[];
  unexpected: string[];
}

export function measure(name: string, keys: readonly string[]): Row {
  const dir = join(fixtures, name);
  const { url } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { url: string };
  const doc = parseHtml(readFileSync(join(dir, 'page.html'), 'utf8'), url);
  const found = detectPapers(doc, new URL(url)).map(({ paper }) => paper.key);
  const hits = found.filter((key) => keys.includes(key)).length;
  return {
    page: name,
    expected: keys.length,
    found: found.length,
    hits,
    // An empty page has nothing to miss; a page that yields nothing has nothing wrong.
    recall: keys.length === 0 ? 1 : hits / keys.length,
    precision: found.length === 0 ? 1 : hits / found.length,
    missing: keys.filter((key) => !found.includes(key)),
    unexpected: found.filter((key) => !keys.includes(key)),
  };
}

export function format(rows: readonly Row[]): string {
  const lines = rows.map(
    (row) =>
      `${row.page.padEnd(46)} ${String(row.expected).padStart(8)} ${String(row.found).padStart(5)} ` +
      `${row.recall.toFixed(2).padStart(6)} ${row.precision.toFixed(2).padStart(9)}` +
      (row.missing.length > 0 ? `\n    missing: ${row.missing.join(' ')}` : '') +
      (row.unexpected.length > 0 ? `\n    unexpected: ${row.unexpected.join(' ')}` : ''),
  );
  const expected = rows.reduce((sum, row) => sum + row.expected, 0);
  const found = rows.reduce((sum, row) => sum + row.found, 0);
  const hits = rows.reduce((sum, row) => sum + row.hits, 0);
  const total =
    `${'all pages'.padEnd(46)} ${String(expected).padStart(8)} ${String(found).padStart(5)} ` +
    `${(hits / expected).toFixed(2).padStart(6)} ${(found === 0 ? 1 : hits / found).toFixed(2).padStart(9)}`;
  return [`${'page'.padEnd(46)} expected found recall precision`, ...lines, total].join('\n');
}
