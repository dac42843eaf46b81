import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createLibrary } from '../library/library';
import { freshName, makePaper } from '../library/test-helpers';
import type { BackupResult } from './backup';
import { keepBackedUp } from './follow';
import type { BackupPlace, KeptBackup } from './places';

function memoryPlace(): BackupPlace & { writes: KeptBackup[] } {
  const writes: KeptBackup[] = [];
  return {
    id: 'storage-local',
    writes,
    write: async (backup) => void writes.push(backup),
    read: async () => writes.at(-1),
  };
}

describe('keepBackedUp', () => {
  it('writes one backup after a save, and a second context skips the backup the first already made', async () => {
    const name = freshName();
    const place = memoryPlace();
    const results: BackupResult[] = [];
    let resolveFirst: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      resolveFirst = resolve;
    });
    const followers = [
      keepBackedUp({
        name,
        places: [place],
        // Not 0: both contexts must have heard of the change before the first reads the library
        // (on a loaded machine the second heard it after a 0 ms backup, and rightly wrote again).
        delayMs: 300,
        onBackup: (result) => {
          results.push(result);
          resolveFirst();
        },
      }),
      // Long after the first has written: it finds that backup newer than the change and skips.
      keepBackedUp({ name, places: [place], delayMs: 2000, onBackup: (result) => results.push(result) }),
    ];
    const library = createLibrary({ name });
    await library.savePapers([
      makePaper({ key: 'arxiv:2310.03646' }),
      makePaper({ key: 'arxiv:2309.17453', title: 'Attention Sinks' }),
    ]);
    await done;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    for (const follower of followers) follower.stop();
    expect(place.writes.length).toBe(1);
    expect(results.map((result) => result.meta.count)).toEqual([2]);
  });

  it('gives up a backup in progress when a write is coming, and makes it after the next quiet delay', async () => {
    const name = freshName();
    const place = memoryPlace();
    let postponedAt = 0;
    let writtenAt = 0;
    const follower = keepBackedUp({
      name,
      places: [
        {
          ...place,
          // The backup begins by reading the places: a write request comes just then.
          read: async () => {
            if (postponedAt === 0) {
              postponedAt = Date.now();
              follower.postpone();
            }
            return place.read();
          },
          write: async (backup) => {
            writtenAt = Date.now();
            await place.write(backup);
          },
        },
      ],
      delayMs: 400,
    });
    const done = new Promise<void>((resolve) => {
      const wait = () => (writtenAt ? resolve() : setTimeout(wait, 50));
      wait();
    });
    await createLibrary({ name }).savePapers([makePaper({ key: 'arxiv:2310.03646' })]);
    await done;
    follower.stop();
    expect(place.writes.length).toBe(1);
    expect(place.writes[0]?.meta.count).toBe(1);
    // Not the backup that was under way (it would have written at once) but one a delay later.
    expect(writtenAt - postponedAt).toBeGreaterThanOrEqual(400);
  });
});
