import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { LIBRARY_CHANNEL, onLibraryChange } from './changes';
import { closeLibraryDb } from './db';
import { createLibrary } from './library';
import { at, freshName, makePaper } from './test-helpers';

const name = freshName();
const library = createLibrary({ name });
const stops: (() => void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await closeLibraryDb(name);
});

// Collects announcements until one contains every key in `keys` (other tests may announce too).
function changeWith(...keys: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no change announced for ${keys.join(', ')}`)), 2000);
    stops.push(
      onLibraryChange((changed) => {
        if (keys.every((key) => changed.includes(key))) {
          clearTimeout(timer);
          resolve(changed);
        }
      }),
    );
  });
}

describe('onLibraryChange', () => {
  it('announces the keys of a committed save, and stops after unsubscribing', async () => {
    const seen: string[][] = [];
    const stop = onLibraryChange((keys) => seen.push(keys));
    const announced = changeWith('arxiv:2401.00001');
    await library.savePaper(makePaper({ key: 'arxiv:2401.00001' }));
    expect(await announced).toEqual(['arxiv:2401.00001']);
    expect(seen).toContainEqual(['arxiv:2401.00001']);
    stop();
    const later = changeWith('arxiv:2401.00002');
    await library.savePaper(makePaper({ key: 'arxiv:2401.00002' }));
    await later;
    expect(seen).not.toContainEqual(['arxiv:2401.00002']);
  });

  it('includes the keys of duplicates a merge deleted', async () => {
    await library.savePaper(makePaper({ key: 'arxiv:2401.00003', ids: { arxiv: '2401.00003' } }), { now: at(1) });
    await library.savePaper(makePaper({ key: 'doi:10.1/dup', ids: { doi: '10.1/dup' } }), { now: at(2) });
    const announced = changeWith('arxiv:2401.00003', 'doi:10.1/dup');
    await library.savePaper(makePaper({ key: 'arxiv:2401.00003', ids: { arxiv: '2401.00003', doi: '10.1/dup' } }));
    expect((await announced).sort()).toEqual(['arxiv:2401.00003', 'doi:10.1/dup']);
  });

  it('announces nothing for a write that failed', async () => {
    const seen: string[][] = [];
    stops.push(onLibraryChange((keys) => seen.push(keys)));
    await library.savePaper({ ...makePaper({ key: 'arxiv:2401.00004' }), title: '' }).catch(() => undefined);
    const marker = changeWith('arxiv:2401.00005');
    await library.savePaper(makePaper({ key: 'arxiv:2401.00005' }));
    await marker;
    expect(seen.flat()).not.toContain('arxiv:2401.00004');
  });

  it('ignores messages on the channel that are not change announcements', async () => {
    const seen: string[][] = [];
    stops.push(onLibraryChange((keys) => seen.push(keys)));
    const marker = changeWith('marker');
    const stranger = new BroadcastChannel(LIBRARY_CHANNEL);
    stranger.postMessage({ type: 'changed', keys: [1, 2] });
    stranger.postMessage({ type: 'deleted-everything' });
    stranger.postMessage('changed');
    stranger.postMessage({ type: 'changed', keys: ['marker'] });
    await marker;
    stranger.close();
    expect(seen).toEqual([['marker']]);
  });
});
