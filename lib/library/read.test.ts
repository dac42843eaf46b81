import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { arxivPapers } from '../search/arxiv-fixture';
import { closeLibraryDb, openLibraryDb } from './db';
import { countPapersIn, getMany, type PageCursor, readNewest } from './read';
import { freshName } from './test-helpers';

let name = freshName();
afterEach(async () => {
  await closeLibraryDb(name);
  name = freshName();
});

async function store(values: unknown[]): Promise<void> {
  const db = await openLibraryDb(name);
  const tx = db.transaction('papers', 'readwrite');
  await Promise.all([...values.map((value) => tx.store.put(value)), tx.done]);
}

describe('readNewest', () => {
  it('walks the library newest first in pages that neither repeat nor skip, same-millisecond saves included', async () => {
    const papers = arxivPapers();
    // Three papers share one savedAt: the primary key orders them (descending, newest-first walk).
    const same = papers[4]?.savedAt ?? '';
    for (const i of [5, 6]) (papers[i] as { savedAt: string }).savedAt = same;
    await store(papers.map((paper) => ({ ...paper, terms: [] })));
    const seen: string[] = [];
    let after: PageCursor | undefined;
    let pages = 0;
    do {
      const page = await readNewest(2, after, { name });
      expect(page.papers.length).toBeLessThanOrEqual(2);
      seen.push(...page.papers.map((paper) => paper.key));
      after = page.next;
      pages++;
    } while (after);
    expect(pages).toBe(5);
    expect(seen).toEqual([
      'arxiv:1312.7288',
      'arxiv:physics/0507092',
      'arxiv:1802.03292',
      // The feed's 5th, 6th and 7th papers, all saved at 12:04: keys in descending order.
      'arxiv:0808.0639',
      'arxiv:0808.0638',
      'arxiv:0705.1367',
      'arxiv:0808.0631',
      'arxiv:quant-ph/0210005',
      'arxiv:1503.01162',
      'arxiv:1501.05039',
    ]);
  });

  it('skips an unreadable record, tells which, and still fills the page from the rest', async () => {
    const papers = arxivPapers().slice(0, 3);
    await store([...papers, { key: 'arxiv:9999.99999', title: 42, savedAt: '2026-01-01T00:00:00.000Z' }]);
    const invalid: (string | undefined)[] = [];
    const page = await readNewest(10, undefined, { name, onInvalid: (key) => invalid.push(key) });
    expect(page.papers.map((paper) => paper.key)).toEqual([
      'arxiv:quant-ph/0210005',
      'arxiv:1503.01162',
      'arxiv:1501.05039',
    ]);
    expect(page.next).toBeUndefined();
    expect(invalid).toEqual(['arxiv:9999.99999']);
    expect(await countPapersIn({ name })).toBe(4);
  });
});

describe('getMany', () => {
  it('reads the keys asked for, leaves out absent ones and answers an empty ask without opening', async () => {
    await store(arxivPapers());
    const found = await getMany(['arxiv:0808.0631', 'arxiv:0000.00000', 'arxiv:1312.7288', 'arxiv:0808.0631'], {
      name,
    });
    expect([...found.keys()]).toEqual(['arxiv:0808.0631', 'arxiv:1312.7288']);
    expect(found.get('arxiv:1312.7288')?.title).toBe('The Science of al-Biruni');
    expect(found.get('arxiv:0808.0631')?.authors).toEqual(['Hans R. Künsch']);
    expect((await getMany([], { name })).size).toBe(0);
  });
});
