// What the durability browser tests share: reading the backup's two places and deleting the
// extension's IndexedDB folder the way Chromium does after a disk-full error.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from './browser';

/** The description of the backup in each place (undefined where there is none). */
export interface BackupPlaces {
  storageLocal?: { readAt: string; count: number; bytes: number };
  opfs?: { readAt: string; count: number; bytes: number };
}

/** Reads the backup's description from storage.local and from the OPFS file, in an extension page. */
export async function backupPlaces(browser: Browser): Promise<BackupPlaces> {
  const page = await browser.openExtensionPage('popup.html');
  try {
    return await page.evaluate(async () => {
      type Local = { get(key: string): Promise<Record<string, { meta?: BackupPlaces['storageLocal'] }>> };
      const chrome = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome;
      const stored = await chrome.storage.local.get('libraryBackup');
      let opfs: BackupPlaces['opfs'];
      try {
        const root = await navigator.storage.getDirectory();
        const file = await (await root.getFileHandle('papershelf-backup.json.gz')).getFile();
        const bytes = new Uint8Array(await file.arrayBuffer());
        opfs = JSON.parse(new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(10))));
      } catch {
        opfs = undefined;
      }
      return { storageLocal: stored.libraryBackup?.meta, opfs };
    });
  } finally {
    await page.close();
  }
}

/** The extension's IndexedDB folders in a profile (the database and its blobs). */
export function indexedDbFolders(profile: string, extensionId: string): string[] {
  const root = join(profile, 'Default', 'IndexedDB');
  let names: string[] = [];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  return names.filter((name) => name.startsWith(`chrome-extension_${extensionId}_`)).map((name) => join(root, name));
}

/** Deletes the extension's IndexedDB folders of a closed profile, as Chromium does on FILE_ERROR_NO_SPACE. */
export function deleteIndexedDb(profile: string, extensionId: string): string[] {
  const folders = indexedDbFolders(profile, extensionId);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  return folders;
}
