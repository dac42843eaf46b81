// Save all of any size: the sender's parts, the background's staging, and the library write they
// end in, on the real arXiv listing's papers repeated under fresh ids (fake-indexeddb).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLibraryDb } from './library/db';
import { createLibrary, type Library } from './library/library';
import { freshName } from './library/test-helpers';
import { type BackgroundRequest, BackgroundRequestSchema, type BackgroundResponse } from './messages';
import type { Paper } from './paper/model';
import {
  BATCH_IDLE_MS,
  BATCH_LOST,
  MAX_STAGED,
  PARTS_IN_FLIGHT,
  SAVE_PART,
  SaveBatches,
  sendSaveAll,
  workerGone,
} from './save-batch';

const listing = JSON.parse(
  readFileSync(new URL('../tests/fixtures/arxiv/listing-new/expected.json', import.meta.url), 'utf8'),
) as { papers: Paper[] };

/** `count` papers: the listing's, in turn, each under a fresh arXiv id of its own. */
function papers(count: number): Paper[] {
  return Array.from({ length: count }, (_, index) => {
    const real = listing.papers[index % listing.papers.length] as Paper;
    const id = `2609.${String(index).padStart(5, '0')}`;
    return { ...real, key: `arxiv:${id}`, ids: { arxiv: id }, url: `https://arxiv.org/abs/${id}` };
  });
}

/** A background as entrypoints/background.ts handles `save`: parses, stages, saves the whole set once. */
class FakeBackground {
  batches: SaveBatches;
  writes: number[] = [];
  requests: BackgroundRequest[] = [];
  clock = 0;

  constructor(private readonly library: Library) {
    this.batches = new SaveBatches(() => this.clock);
  }

  /** The worker stops: the staged parts are gone with it. */
  restart(): void {
    this.batches = new SaveBatches(() => this.clock);
  }

  send = async (message: BackgroundRequest, owner = 'extension'): Promise<BackgroundResponse> => {
    const parsed = BackgroundRequestSchema.safeParse(JSON.parse(JSON.stringify(message)));
    if (!parsed.success) return { ok: false, error: 'papershelf refused a malformed message' };
    const request = parsed.data;
    if (request.type !== 'save') throw new Error('only save here');
    this.requests.push(request);
    let toSave = request.papers;
    if (request.batch) {
      const { id, part, parts } = request.batch;
      const staging = this.batches.add(owner, id, part, parts, request.papers);
      if (staging.kind === 'refused') return { ok: false, error: staging.error };
      if (staging.kind === 'wait') return { ok: true };
      toSave = staging.papers;
    }
    this.writes.push(toSave.length);
    await this.library.savePapers(toSave);
    return { ok: true };
  };
}

let name: string;
let library: Library;
let background: FakeBackground;

beforeEach(() => {
  name = freshName();
  library = createLibrary({ name });
  background = new FakeBackground(library);
});
afterEach(async () => {
  await closeLibraryDb(name);
});

async function storedKeys(): Promise<string[]> {
  return (await library.allPapers()).map((paper) => paper.key).sort();
}

describe('sendSaveAll', () => {
  it('sends 2,500 papers as three parts under the cap, saved in one write, each once', async () => {
    const all = papers(2500);
    const progress: [number, number][] = [];
    expect(await sendSaveAll(all, background.send, (sent, total) => progress.push([sent, total]))).toBe(2500);
    expect(background.requests.map((request) => (request.type === 'save' ? request.papers.length : 0))).toEqual([
      1000, 1000, 500,
    ]);
    expect(background.writes).toEqual([2500]);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(await storedKeys()).toEqual(all.map((paper) => paper.key).sort());
    const stored = await library.getPaper('arxiv:2609.00016');
    expect(stored?.title).toBe(listing.papers[1]?.title);
    expect(stored?.authors).toEqual(listing.papers[1]?.authors);
  });

  it('keeps up to PARTS_IN_FLIGHT parts on their way at once, received in order', async () => {
    const all = papers(5 * SAVE_PART);
    let open = 0;
    let most = 0;
    const received: number[] = [];
    const slow = async (request: BackgroundRequest) => {
      open += 1;
      most = Math.max(most, open);
      if (request.type === 'save' && request.batch) received.push(request.batch.part);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const answer = await background.send(request);
      open -= 1;
      return answer;
    };
    expect(await sendSaveAll(all, slow)).toBe(all.length);
    expect(most).toBe(PARTS_IN_FLIGHT);
    expect(received).toEqual([0, 1, 2, 3, 4]);
    expect(background.writes).toEqual([all.length]);
  });

  it('sends a set within the cap as one plain save', async () => {
    await sendSaveAll(papers(SAVE_PART), background.send);
    expect(background.requests).toHaveLength(1);
    expect(background.requests[0]).not.toHaveProperty('batch');
    expect(await library.countPapers()).toBe(SAVE_PART);
  });

  it('sends the batch again when the worker stopped midway, and stores each paper once', async () => {
    const all = papers(2100);
    let sent = 0;
    const flaky = async (request: BackgroundRequest) => {
      sent += 1;
      if (sent === 2) {
        background.restart();
        throw new Error(
          'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
        );
      }
      return background.send(request);
    };
    expect(await sendSaveAll(all, flaky)).toBe(2100);
    expect(background.writes).toEqual([2100]);
    expect(await storedKeys()).toEqual(all.map((paper) => paper.key).sort());
  });

  it('sends the batch again when the restarted worker no longer knows its first parts', async () => {
    const all = papers(2100);
    let sent = 0;
    const forgetful = async (request: BackgroundRequest) => {
      sent += 1;
      if (sent === 2) background.restart();
      return background.send(request);
    };
    expect(await sendSaveAll(all, forgetful)).toBe(2100);
    expect(background.writes).toEqual([2100]);
    expect(await library.countPapers()).toBe(2100);
  });

  it('reports, and saves nothing, when the worker keeps stopping', async () => {
    const dying = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    await expect(sendSaveAll(papers(1500), dying)).rejects.toThrow(/Receiving end/);
    expect(await library.countPapers()).toBe(0);
  });

  it("passes the background's refusal on without sending again", async () => {
    const refusing = async (): Promise<BackgroundResponse> => ({ ok: false, error: 'Storage is full' });
    await expect(sendSaveAll(papers(1500), refusing)).rejects.toThrow('Storage is full');
  });
});

describe('SaveBatches', () => {
  const chunk = papers(3);

  it('refuses a part out of order, from another sender, or of an unknown batch', () => {
    const batches = new SaveBatches(() => 0);
    expect(batches.add('tab:1', 'b', 1, 2, chunk)).toEqual({ kind: 'refused', error: BATCH_LOST });
    expect(batches.add('tab:1', 'b', 0, 2, chunk)).toEqual({ kind: 'wait' });
    expect(batches.add('tab:2', 'b', 1, 2, chunk)).toEqual({ kind: 'refused', error: BATCH_LOST });
    expect(batches.add('tab:1', 'b', 1, 3, chunk)).toEqual({ kind: 'refused', error: BATCH_LOST });
    const done = batches.add('tab:1', 'b', 1, 2, chunk);
    expect(done.kind === 'complete' && done.papers.map((paper) => paper.key)).toEqual(
      [...chunk, ...chunk].map((paper) => paper.key),
    );
    expect(batches.waiting).toBe(0);
  });

  it('drops a batch that stopped arriving, and frees what it held', () => {
    let now = 0;
    const batches = new SaveBatches(() => now);
    batches.add('extension', 'b', 0, 2, chunk);
    expect(batches.waiting).toBe(3);
    now = BATCH_IDLE_MS + 1;
    expect(batches.add('extension', 'b', 1, 2, chunk)).toEqual({ kind: 'refused', error: BATCH_LOST });
    expect(batches.waiting).toBe(0);
  });

  it('refuses more than it may hold at once, and keeps nothing of it', () => {
    const batches = new SaveBatches(() => 0);
    const part = papers(SAVE_PART);
    const parts = MAX_STAGED / SAVE_PART + 1;
    for (let index = 0; index < parts - 1; index += 1) {
      expect(batches.add('tab:1', 'big', index, parts, part).kind).toBe('wait');
    }
    const last = batches.add('tab:1', 'big', parts - 1, parts, part);
    expect(last.kind).toBe('refused');
    expect(batches.waiting).toBe(0);
  });
});

describe('workerGone', () => {
  it('tells a stopped worker from a refusal', () => {
    expect(workerGone(new Error('The message port closed before a response was received.'))).toBe(true);
    expect(workerGone(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(true);
    expect(workerGone(new Error('Storage is full'))).toBe(false);
  });
});
