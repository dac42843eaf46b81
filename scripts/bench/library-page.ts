// Bundled by scripts/bench/library.ts and run inside an extension page of the built extension: the
// real library, Save all through the real background, and the worker's export and import, each
// beside raw IndexedDB puts of the same records (the baseline) in the same page.
import { exportPapers } from '../../lib/formats';
import { createLibrary } from '../../lib/library/library';
import { idTerms } from '../../lib/paper/ids';
import { type Paper, SavedPaperSchema } from '../../lib/paper/model';
import { sendSaveAll } from '../../lib/save-batch';
import { freshName, openScratch, rawPuts, stored } from './raw-puts';

const chromeRuntime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
  .chrome.runtime;

/** `count` papers: the real `base` papers in turn, each under a fresh arXiv id of its own. */
function make(base: Paper[], count: number, offset = 0): Paper[] {
  return Array.from({ length: count }, (_, at) => {
    const index = at + offset;
    const real = base[index % base.length] as Paper;
    const id = `${2001 + Math.floor(index / 100_000)}.${String(index % 100_000).padStart(5, '0')}`;
    return { ...real, key: `arxiv:${id}`, ids: { arxiv: id }, url: `https://arxiv.org/abs/${id}` };
  });
}

async function time(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

(globalThis as unknown as { papershelfLibraryBench: unknown }).papershelfLibraryBench = {
  /** Save all of `papers` through the background (parts of 1,000, one write), and raw puts of them. */
  async saveAll(base: Paper[], count: number, offset = 0) {
    const papers = make(base, count, offset);
    const at = new Date().toISOString();
    const baseline = await rawPuts(papers.map((paper) => stored(paper, at)));
    const value = await time(() =>
      sendSaveAll(papers, async (request) => {
        const answer = (await chromeRuntime.sendMessage(request)) as { ok: boolean; error?: string };
        return answer.ok ? { ok: true } : { ok: false, error: answer.error ?? '' };
      }),
    );
    return { value, baseline };
  },
  /** `savePapers` of `papers` into a fresh library in this page, and raw puts of them. */
  async savePapers(base: Paper[], count: number) {
    const papers = make(base, count);
    const at = new Date().toISOString();
    const baseline = await rawPuts(papers.map((paper) => stored(paper, at)));
    const library = createLibrary({ name: freshName() });
    const value = await time(() => library.savePapers(papers));
    return { value, baseline };
  },
  /**
   * `importRecords` of a backup's records into a fresh library, and raw puts of them. The records
   * come as the import worker hands them over: parsed by the backup's reader (lib/formats), which
   * is not timed here.
   */
  async importBackup(base: Paper[], count: number) {
    const papers = make(base, count);
    const at = new Date().toISOString();
    const records = papers.map((paper) =>
      SavedPaperSchema.parse({ ...paper, status: 'unread', savedAt: at, updatedAt: at }),
    );
    const baseline = await rawPuts(records.map((record) => ({ ...record, terms: idTerms(record) })));
    const library = createLibrary({ name: freshName() });
    const value = await time(() => library.importRecords(records, { parsed: true }));
    return { value, baseline };
  },
  /** BibTeX of `papers`, as the export worker writes it; the baseline is JSON.stringify of the same records. */
  async exportBibtex(base: Paper[], count: number) {
    const papers = make(base, count);
    const baseline = await time(() => JSON.stringify(papers));
    const value = await time(() => exportPapers(papers, 'bibtex'));
    return { value, baseline };
  },
};

/** One raw put of one record, in its own transaction of a database opened once. */
function putOne(db: IDBDatabase, value: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('papers', 'readwrite');
    tx.objectStore('papers').put(value);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

(globalThis as unknown as { papershelfLibraryBench: Record<string, unknown> }).papershelfLibraryBench.warmSaves =
  /** `times` single saves, through the background, of papers a tab shows on an `entries`-entry listing (2601.*). */
  async (base: Paper[], entries: number, times: number) => {
    const db = await openScratch();
    const values: number[] = [];
    const baseline: number[] = [];
    const at = new Date().toISOString();
    for (let index = 0; index < times; index += 1) {
      const id = `2601.${String(Math.floor((index * entries) / times)).padStart(5, '0')}`;
      const paper = { ...(base[index % base.length] as Paper), key: `arxiv:${id}`, ids: { arxiv: id } };
      baseline.push(await time(() => putOne(db, stored({ ...paper, key: `raw:${id}` }, at))));
      values.push(await time(() => chromeRuntime.sendMessage({ type: 'save', papers: [paper] })));
      // The tab's re-lookup after the notice runs meanwhile; let it settle as a user's next click would.
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    db.close();
    return { values, baseline };
  };
