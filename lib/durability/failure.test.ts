import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryError } from '../library/library';
import { explainWriteFailure } from './failure';

function estimateOf(usage: number, quota: number): void {
  vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage, quota }) } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

// The errors are the ones Chromium gave on a full tmpfs (tests/e2e/durability-disk-full.test.ts),
// with the estimate it gave then: 234,223 bytes used of a 266,991-byte quota.
const aborted = new LibraryError(
  'failed',
  'The library could not finish this change: The transaction was aborted, so the request cannot be fulfilled.',
);
const backingStore = new LibraryError(
  'unavailable',
  'The library cannot be opened right now: Internal error opening backing store for indexedDB.open.',
);

describe('explainWriteFailure', () => {
  it('says the disk is full when a write failed and storage is nearly full', async () => {
    estimateOf(234_223, 266_991);
    for (const error of [aborted, backingStore]) {
      expect(await explainWriteFailure(error)).toBe(
        `No space left on the disk: nothing was saved. Free some disk space, then try again. (${error.message})`,
      );
    }
  });

  it('keeps the library message when there is room, or when it already names the quota', async () => {
    estimateOf(1_000_000, 100_000_000_000);
    expect(await explainWriteFailure(aborted)).toBe(aborted.message);
    const quota = new LibraryError('quota', 'Storage is full: the browser refused to store more.');
    estimateOf(234_223, 266_991);
    expect(await explainWriteFailure(quota)).toBe(quota.message);
  });
});
