// Where the rolling backup is kept, outside IndexedDB: extension storage (`storage.local`, a
// LevelDB of its own in the profile, unbounded with `unlimitedStorage`) and the origin private
// file system (OPFS, plain files). Both are in the same profile on the same disk; the disk-full
// test (tests/e2e/durability-disk-full.test.ts) measures which survives, and the README says so.
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { fromBase64, toBase64 } from './compress';

/** What a backup says about itself, readable without decompressing it. */
export const BackupMetaSchema = z.object({
  /** The layout of this record (not the backup format's version, which is inside the JSON). */
  layout: z.literal(1),
  /** When the library was read for this backup: every change committed before it is inside. */
  readAt: z.iso.datetime(),
  /** How many papers the backup holds. */
  count: z.int().check(z.nonnegative()),
  /** Size of the compressed backup in bytes. */
  bytes: z.int().check(z.nonnegative()),
});

/** What a backup says about itself. */
export type BackupMeta = z.infer<typeof BackupMetaSchema>;

/** A backup as kept: its description and the gzip of the JSON backup (lib/formats/backup.ts). */
export interface KeptBackup {
  meta: BackupMeta;
  gzip: Uint8Array;
}

/** One place a backup is kept. */
export interface BackupPlace {
  readonly id: 'storage-local' | 'opfs';
  /** Replaces the backup kept here, all at once (a failed write leaves the previous one). */
  write(backup: KeptBackup): Promise<void>;
  /** The backup kept here; undefined when there is none or it cannot be read. */
  read(): Promise<KeptBackup | undefined>;
}

/** The `storage.local` key of the backup (docs/CONTRACT.md, "Storage"). */
export const BACKUP_STORAGE_KEY = 'libraryBackup';

const StoredSchema = z.object({ meta: BackupMetaSchema, gzip: z.string() });

/** The backup in extension storage: one value, `{meta, gzip: base64}`, written in one `set`. */
export function storageLocalPlace(): BackupPlace {
  return {
    id: 'storage-local',
    async write({ meta, gzip }) {
      await browser.storage.local.set({ [BACKUP_STORAGE_KEY]: { meta, gzip: toBase64(gzip) } });
    },
    async read() {
      const stored = await browser.storage.local.get(BACKUP_STORAGE_KEY);
      const parsed = StoredSchema.safeParse(stored[BACKUP_STORAGE_KEY]);
      if (!parsed.success) return undefined;
      try {
        return { meta: parsed.data.meta, gzip: fromBase64(parsed.data.gzip) };
      } catch {
        return undefined;
      }
    },
  };
}

/** The OPFS file of the backup (docs/CONTRACT.md, "Storage"). */
export const BACKUP_FILE = 'papershelf-backup.json.gz';

// The file is one line of JSON (the meta), a newline, then the gzip bytes: one file, so that the
// browser's swap-file commit of `createWritable` replaces description and data together.
const NEWLINE = 0x0a;

/** The backup as a file in the origin private file system. */
export function opfsPlace(): BackupPlace {
  return {
    id: 'opfs',
    async write({ meta, gzip }) {
      const root = await navigator.storage.getDirectory();
      const handle = await root.getFileHandle(BACKUP_FILE, { create: true });
      const writable = await handle.createWritable();
      try {
        await writable.write(new Blob([`${JSON.stringify(meta)}\n`, gzip as Uint8Array<ArrayBuffer>]));
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => {});
        throw error;
      }
    },
    async read() {
      try {
        const root = await navigator.storage.getDirectory();
        const file = await (await root.getFileHandle(BACKUP_FILE)).getFile();
        const bytes = new Uint8Array(await file.arrayBuffer());
        const end = bytes.indexOf(NEWLINE);
        if (end < 0) return undefined;
        const meta = BackupMetaSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes.subarray(0, end))));
        return meta.success ? { meta: meta.data, gzip: bytes.slice(end + 1) } : undefined;
      } catch {
        // No file yet, no OPFS in this context, or a damaged head: no backup here.
        return undefined;
      }
    },
  };
}
