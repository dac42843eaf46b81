// The backup file against a stand-in for the browser's storage, permissions and downloads: a file
// is written only when on, allowed and due; the oldest files papershelf wrote are deleted past the
// number kept; a download the browser interrupts is recorded in plain words; the folder a user
// types is a relative path or nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { gunzipText, gzipPieces } from './compress';
import type { KeptBackup } from './places';

const state = vi.hoisted(() => ({
  stored: {} as Record<string, unknown>,
  granted: false,
  allow: true,
  downloads: undefined as unknown,
}));

vi.mock('wxt/browser', () => ({
  browser: {
    storage: {
      local: {
        get: async (key: string) => (key in state.stored ? { [key]: structuredClone(state.stored[key]) } : {}),
        set: async (items: Record<string, unknown>) => {
          Object.assign(state.stored, structuredClone(items));
        },
      },
    },
    get downloads() {
      return state.downloads;
    },
    permissions: {
      contains: async () => state.granted,
      request: async () => {
        state.granted = state.allow;
        return state.allow;
      },
      remove: async () => {
        state.granted = false;
        return true;
      },
    },
  },
}));

const { backupFileAfter, fileNameOf, folderOf, readBackupFileStatus, switchBackupFile, writeBackupFile } = await import(
  './backup-file'
);

interface Item {
  id: number;
  filename: string;
  url: string;
  state: 'in_progress' | 'complete' | 'interrupted';
  error?: string;
  removed?: boolean;
}

// The browser's downloads: each file completes after one look (or is interrupted with `failWith`).
function standInDownloads(failWith?: string) {
  const items: Item[] = [];
  return {
    items,
    async download(options: { url: string; filename: string }) {
      const id = items.length + 1;
      items.push({
        id,
        filename: `Downloads/${options.filename}`,
        url: options.url,
        state: 'in_progress',
      });
      return id;
    },
    async search({ id }: { id: number }) {
      const item = items.find((one) => one.id === id);
      if (!item) return [];
      const seen = { ...item };
      if (item.state === 'in_progress') {
        item.state = failWith ? 'interrupted' : 'complete';
        if (failWith) item.error = failWith;
      }
      return [seen];
    },
    async removeFile(id: number) {
      const item = items.find((one) => one.id === id);
      if (!item || item.removed) throw new Error('Download file already deleted');
      item.removed = true;
    },
    async erase() {
      return [];
    },
  };
}

async function backupOf(count: number): Promise<KeptBackup> {
  const text = JSON.stringify({ format: 'papershelf', version: 3, papers: Array.from({ length: count }, () => ({})) });
  const gzip = await gzipPieces([text]);
  return { meta: { layout: 1, readAt: new Date().toISOString(), count, bytes: gzip.length }, gzip };
}

// The bytes a data: URL carries.
async function bytesOf(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

const HOUR = 60 * 60 * 1000;

// Chrome's service worker has no URL.createObjectURL: the file goes as a data: URL, as it does there.
Object.defineProperty(URL, 'createObjectURL', { value: undefined });

beforeEach(() => {
  state.stored = {};
  state.granted = false;
  state.allow = true;
  state.downloads = undefined;
});

describe('the backup file', () => {
  it('takes a folder as a relative path of plain names, and nothing else', () => {
    expect(folderOf(' papershelf-backups ')).toBe('papershelf-backups');
    expect(folderOf('Backups\\papershelf//2026 ')).toBe('Backups/papershelf/2026');
    expect(folderOf('Sauvegardes/Bibliothèque')).toBe('Sauvegardes/Bibliothèque');
    for (const bad of ['', '/', '../outside', 'a/../b', '.hidden', 'C:', 'name.', 'a/b/c/d', 'x'.repeat(61), 'a*b']) {
      expect(folderOf(bad), bad).toBeUndefined();
    }
    expect(fileNameOf('papershelf-backups', new Date(2026, 11, 4, 7, 5))).toBe(
      'papershelf-backups/papershelf-backup-2026-12-04-0705.json.gz',
    );
  });

  it('asks for the downloads permission when turned on; refused, it stays off', async () => {
    state.allow = false;
    await expect(switchBackupFile(true, false)).rejects.toThrow('did not allow');
    expect(state.stored.backupFile).toBeUndefined();
    state.allow = true;
    expect(await switchBackupFile(true, false)).toEqual({
      on: true,
      folder: 'papershelf-backups',
      every: 'day',
      keep: 7,
    });
    expect(state.granted).toBe(true);
    expect((await switchBackupFile(false, true)).on).toBe(false);
    expect(state.granted).toBe(false);
  });

  it('writes the backup as it is, once a day after a change, and only when on and allowed', async () => {
    const downloads = standInDownloads();
    const backup = await backupOf(3);
    const start = new Date('2026-12-04T07:00:00Z');
    const written = await writeBackupFile(backup, { now: start, downloads });
    expect(written).toMatchObject({ id: 1, count: 3, bytes: backup.gzip.length, at: start.toISOString() });
    expect(written.path).toMatch(/^Downloads\/papershelf-backups\/papershelf-backup-.*\.json\.gz$/);
    // What reaches the disk is the backup's gzip, byte for byte.
    const sent = await bytesOf(downloads.items[0]?.url ?? '');
    expect(sent).toEqual(backup.gzip);
    expect(JSON.parse(await gunzipText(sent)).papers).toHaveLength(3);

    // backupFileAfter: off → nothing; on but not allowed → nothing; on, allowed, not yet due → nothing.
    state.stored.backupFileStatus = { files: [] };
    await backupFileAfter(backup, () => start);
    expect(await readBackupFileStatus()).toEqual({ files: [] });
    state.stored.backupFile = { on: true, folder: 'papershelf-backups', every: 'day', keep: 7 };
    await backupFileAfter(backup, () => start);
    expect((await readBackupFileStatus()).files).toEqual([]);
    state.granted = true;
    const browserDownloads = standInDownloads();
    state.downloads = browserDownloads;
    await backupFileAfter(backup, () => start);
    expect((await readBackupFileStatus()).files.map((file) => file.at)).toEqual([start.toISOString()]);
    // Another change an hour later: the day's file exists, no second one.
    await backupFileAfter(backup, () => new Date(start.getTime() + HOUR));
    expect(browserDownloads.items).toHaveLength(1);
  });

  it('keeps the newest files papershelf wrote and deletes older ones, even when the user moved one', async () => {
    state.stored.backupFile = { on: true, folder: 'papers', every: 'day', keep: 2 };
    const downloads = standInDownloads();
    const backup = await backupOf(1);
    for (let day = 0; day < 4; day++) {
      await writeBackupFile(backup, { now: new Date(Date.UTC(2026, 11, 1 + day, 9)), downloads });
      if (day === 0) (downloads.items[0] as Item).removed = true; // moved away by the user
    }
    expect((await readBackupFileStatus()).files.map((file) => file.id)).toEqual([3, 4]);
    expect(downloads.items.map((item) => item.removed === true)).toEqual([true, true, false, false]);
  });

  it('is due a day (less an hour) after the last file, or a week when chosen', async () => {
    const { isDue } = await import('./backup-file');
    const at = '2026-12-04T09:00:00.000Z';
    const daily = { on: true, folder: 'f', every: 'day' as const, keep: 7 };
    const files = [{ id: 1, path: '', at, count: 1, bytes: 1 }];
    expect(isDue(daily, { files: [] }, new Date(at))).toBe(true);
    expect(isDue(daily, { files }, new Date(Date.parse(at) + 22 * HOUR))).toBe(false);
    expect(isDue(daily, { files }, new Date(Date.parse(at) + 23 * HOUR))).toBe(true);
    expect(isDue({ ...daily, every: 'week' }, { files }, new Date(Date.parse(at) + 6 * 24 * HOUR))).toBe(false);
    expect(isDue({ ...daily, on: false }, { files: [] }, new Date(at))).toBe(false);
  });

  it('records a download the browser interrupts in plain words, and tries again after the next change', async () => {
    state.stored.backupFile = { on: true, folder: 'papershelf-backups', every: 'day', keep: 7 };
    const backup = await backupOf(2);
    await expect(
      writeBackupFile(backup, { now: new Date('2026-12-04T09:00:00Z'), downloads: standInDownloads('FILE_NO_SPACE') }),
    ).rejects.toThrow('the disk is full');
    const status = await readBackupFileStatus();
    expect(status).toEqual({
      files: [],
      problem: '2026-12-04T09:00:00.000Z: the backup file could not be written: the disk is full',
    });
    // Nothing was written, so the next change finds a file due (here written through the stand-in).
    const downloads = standInDownloads();
    await writeBackupFile(backup, { now: new Date('2026-12-04T09:05:00Z'), downloads });
    expect(await readBackupFileStatus()).toMatchObject({ files: [{ id: 1, count: 2 }] });
    expect((await readBackupFileStatus()).problem).toBeUndefined();
  });
});
