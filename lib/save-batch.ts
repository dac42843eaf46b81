// "Save all" of any size. A message carries at most SAVE_PART papers (lib/messages.ts), so the
// sender splits a larger set into parts of one batch; the background stages the parts and saves the
// whole set in one library write when the last part arrives: one logical save, all or nothing.
// A worker that stops mid-batch forgets the parts; the sender then starts the batch again (saving
// is a merge, so a batch sent twice stores each paper once).
import type { BackgroundRequest, BackgroundResponse } from './messages';
import type { Paper } from './paper/model';

/** Papers per message: the `save` message's cap. */
export const SAVE_PART = 1000;
/** Parts one batch may have (a million papers). */
export const MAX_PARTS = 1000;
/** Papers staged at once over every unfinished batch; a batch past it is refused. */
export const MAX_STAGED = 200_000;
/** An unfinished batch that received nothing for this long is dropped. */
export const BATCH_IDLE_MS = 60_000;

/** What the background answers a part that did not come in order (the sender restarts the batch). */
export const BATCH_LOST = 'papershelf lost part of this Save all (it restarted): sending it again';

interface Staged {
  owner: string;
  parts: number;
  papers: Paper[];
  next: number;
  touched: number;
}

/** The outcome of adding a part: wait for more, save these papers, or refuse with a reason. */
export type Staging = { kind: 'wait' } | { kind: 'complete'; papers: Paper[] } | { kind: 'refused'; error: string };

/** The unfinished batches of one background, each owned by the context (tab or page) that began it. */
export class SaveBatches {
  private readonly batches = new Map<string, Staged>();
  private staged = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** Adds part `part` of `parts` of batch `id` from `owner`; parts must come in order, from 0. */
  add(owner: string, id: string, part: number, parts: number, papers: Paper[]): Staging {
    this.expire();
    let batch = this.batches.get(id);
    if (part === 0) {
      if (batch) this.drop(id);
      batch = { owner, parts, papers: [], next: 0, touched: this.clock() };
      this.batches.set(id, batch);
    }
    if (!batch || batch.owner !== owner || batch.parts !== parts || batch.next !== part) {
      return { kind: 'refused', error: BATCH_LOST };
    }
    if (this.staged + papers.length > MAX_STAGED) {
      this.drop(id);
      return { kind: 'refused', error: `papershelf saves at most ${MAX_STAGED} papers at once: nothing was saved` };
    }
    for (const paper of papers) batch.papers.push(paper);
    this.staged += papers.length;
    batch.next += 1;
    batch.touched = this.clock();
    if (batch.next < parts) return { kind: 'wait' };
    const complete = batch.papers;
    this.drop(id);
    return { kind: 'complete', papers: complete };
  }

  /** How many papers wait in unfinished batches. */
  get waiting(): number {
    return this.staged;
  }

  private drop(id: string): void {
    const batch = this.batches.get(id);
    if (!batch) return;
    this.staged -= batch.papers.length;
    this.batches.delete(id);
  }

  private expire(): void {
    const now = this.clock();
    for (const [id, batch] of this.batches) if (now - batch.touched > BATCH_IDLE_MS) this.drop(id);
  }
}

/** Progress of a Save all: parts sent so far, of how many. */
export type SaveProgress = (sent: number, total: number) => void;

/** True for a failure that means the background stopped while asked (its answer will never come). */
export function workerGone(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /message channel closed|receiving end does not exist|could not establish connection|message port closed/i.test(
    text,
  );
}

/** Parts in flight at once: the next is on its way while the background reads the last. */
export const PARTS_IN_FLIGHT = 3;

/**
 * Saves `papers` through the background, in parts of SAVE_PART, as one batch; starts the batch
 * again once if the background stopped meanwhile. Up to PARTS_IN_FLIGHT parts travel at once
 * (messages from one sender arrive in the order sent, and the background stages them in that
 * order): the background parses one part while the next is copied to it. Resolves with how many
 * papers were saved; rejects with the background's own words when it refused.
 */
export async function sendSaveAll(
  papers: Paper[],
  send: (request: BackgroundRequest) => Promise<BackgroundResponse>,
  progress: SaveProgress = () => {},
): Promise<number> {
  const parts = Math.ceil(papers.length / SAVE_PART);
  if (parts === 0) return 0;
  if (parts > MAX_PARTS) throw new Error(`papershelf saves at most ${MAX_PARTS * SAVE_PART} papers at once`);
  for (let attempt = 0; ; attempt += 1) {
    const id = crypto.randomUUID();
    let answered = 0;
    const sendPart = async (part: number): Promise<void> => {
      const chunk = papers.slice(part * SAVE_PART, (part + 1) * SAVE_PART);
      const request: BackgroundRequest =
        parts === 1 ? { type: 'save', papers: chunk } : { type: 'save', papers: chunk, batch: { id, part, parts } };
      const answer = await send(request);
      if (!answer.ok) throw new Error(answer.error);
      answered += 1;
      progress(answered, parts);
    };
    const failures: unknown[] = [];
    const inFlight = new Set<Promise<void>>();
    for (let part = 0; part < parts && failures.length === 0; part += 1) {
      const sending: Promise<void> = sendPart(part).then(
        () => void inFlight.delete(sending),
        (error: unknown) => {
          inFlight.delete(sending);
          failures.push(error);
        },
      );
      inFlight.add(sending);
      if (inFlight.size >= PARTS_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failures.length === 0) return papers.length;
    // A part the background refused for a reason of its own is that reason; a stopped worker (or
    // the restarted one that lost the first parts) is worth one more try of the whole batch.
    const retry = (error: unknown) => workerGone(error) || (error instanceof Error && error.message === BATCH_LOST);
    const final = failures.find((error) => !retry(error));
    if (final !== undefined || attempt > 0) throw final ?? failures[0];
    progress(0, parts);
  }
}
