// The background: the only door from a page to the library. It checks who is asking, parses
// every message with the message table, writes through lib/library, keeps the toolbar badge, and
// tells open tabs what changed. The popup saves through it too: a popup closes the moment the user
// clicks elsewhere, and a write it started itself could be cut short; the background finishes it.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { syncAllSitesScript } from '../lib/access';
import { registerCommands } from '../lib/commands';
import { queueForCompletion, resumeCompletion } from '../lib/completion/drain';
import { readCompletionSettings } from '../lib/completion/settings';
import { backupFileAfter } from '../lib/durability/backup-file';
import { explainWriteFailure } from '../lib/durability/failure';
import { keepBackedUp } from '../lib/durability/follow';
import { allPapers, findSaved, getPaper, removePaper, restorePaper, savePapers } from '../lib/library/library';
import { type BackgroundRequest, BackgroundRequestSchema, type BackgroundResponse } from '../lib/messages';
import type { SavedPaper } from '../lib/paper/model';
import { SaveBatches } from '../lib/save-batch';
import { openSidePanel } from '../lib/side-panel';
import { notifyTabs, resyncTabs } from '../lib/tabs';

type Sender = Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1];

/** Who may ask: our own content scripts in a tab on an http(s) page, and our own pages (popup). */
type Asker = { kind: 'page'; tabId: number; windowId?: number } | { kind: 'extension' };

function askerOf(sender: Sender): Asker | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  if (sender.url?.startsWith(browser.runtime.getURL('/'))) return { kind: 'extension' };
  if (sender.tab?.id !== undefined && /^https?:/.test(sender.url ?? '')) {
    return { kind: 'page', tabId: sender.tab.id, windowId: sender.tab.windowId };
  }
  return undefined;
}

// What a page's control removed, as it was (status, tags, note), for its Undo: kept a minute, in
// this worker only (a worker that stops forgets it, and Undo then says so).
const UNDO_MS = 60_000;
const removed = new Map<string, SavedPaper>();

function keepForUndo(record: SavedPaper): void {
  removed.set(record.key, record);
  setTimeout(() => removed.delete(record.key), UNDO_MS);
}

// The parts of the Save all batches still arriving (lib/save-batch.ts); a worker that stops forgets
// them, and the sender then sends the batch again.
const batches = new SaveBatches();

function ownerOf(asker: Asker): string {
  return asker.kind === 'page' ? `tab:${asker.tabId}` : 'extension';
}

/** After a save: the saved papers that lack something go to completion, when it is on; the save does not wait. */
function completeLater(records: SavedPaper[]): void {
  queueForCompletion(records, (keys) => void notifyTabs(keys)).catch((error: unknown) =>
    console.warn('papershelf: could not queue papers for completion:', error),
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function handle(request: BackgroundRequest, asker: Asker): Promise<BackgroundResponse> {
  switch (request.type) {
    case 'save': {
      if (request.batch) {
        const { id, part, parts } = request.batch;
        const staging = batches.add(ownerOf(asker), id, part, parts, request.papers);
        if (staging.kind === 'refused') return { ok: false, error: staging.error };
        if (staging.kind === 'wait') return { ok: true };
        // The whole set in one write; its notice carries every changed key, and is the only one.
        const results = await savePapers(staging.papers, { parsed: true });
        void notifyTabs(results.map((result) => result.record.key));
        completeLater(results.map((result) => result.record));
        return { ok: true };
      }
      const results = await savePapers(request.papers, { parsed: true });
      const saved = results.map((result) => result.record);
      void notifyTabs(saved.map((record) => record.key));
      completeLater(saved);
      return { ok: true, saved };
    }
    case 'remove': {
      const record = await removePaper(request.key);
      if (record) keepForUndo(record);
      void notifyTabs([request.key]);
      return { ok: true };
    }
    case 'undo-remove': {
      const record = removed.get(request.key);
      if (!record) return { ok: false, error: 'It is too late to put that paper back: save it again.' };
      removed.delete(request.key);
      const restored = await restorePaper(record);
      void notifyTabs([restored.key]);
      return { ok: true, saved: [restored] };
    }
    case 'lookup':
      return { ok: true, found: Object.fromEntries(await findSaved(request.terms)) };
    case 'detected':
      if (asker.kind !== 'page') return { ok: false, error: 'only a page reports what it shows' };
      await browser.action.setBadgeText({ tabId: asker.tabId, text: request.count > 0 ? String(request.count) : '' });
      return { ok: true };
    case 'complete': {
      if (asker.kind !== 'extension') return { ok: false, error: 'only papershelf’s own pages ask for completion' };
      if ((await readCompletionSettings()).services.length === 0)
        return { ok: false, error: 'Completion is off: turn on a service in the settings first.' };
      const papers = request.keys
        ? (await Promise.all(request.keys.map((key) => getPaper(key)))).filter((paper) => paper !== undefined)
        : await allPapers();
      const queued = await queueForCompletion(papers, (keys) => void notifyTabs(keys));
      return { ok: true, queued };
    }
    case 'open-side-panel':
      // A page's request is answered before any await (a panel opens only in the turn of the
      // user's click); the popup opens the panel itself.
      return { ok: false, error: 'only a page asks the background to open the side panel' };
  }
}

export default defineBackground(() => {
  void browser.action.setBadgeBackgroundColor({ color: '#3b6fe0' });
  void syncAllSitesScript();
  // This worker may have replaced one that stopped between a commit and its notice: the tabs
  // ask again for their saved state.
  void resyncTabs();
  registerCommands();
  // Completion's queue outlives this worker: what a stopped one left is asked about now.
  resumeCompletion((keys) => void notifyTabs(keys));
  // The rolling backup outside IndexedDB, written a moment after each change, and the backup file
  // when the user turned it on and one is due (lib/durability).
  const backups = keepBackedUp({ onBackup: (backup) => void backupFileAfter(backup) });
  browser.permissions.onAdded.addListener(() => void syncAllSitesScript());
  browser.permissions.onRemoved.addListener(() => void syncAllSitesScript());
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const asker = askerOf(sender);
    if (!asker) return false;
    const request = BackgroundRequestSchema.safeParse(message);
    if (!request.success) {
      sendResponse({ ok: false, error: 'papershelf refused a malformed message' } satisfies BackgroundResponse);
      return false;
    }
    if (request.data.type === 'open-side-panel' && asker.kind === 'page') {
      openSidePanel({ tabId: asker.tabId, windowId: asker.windowId }, request.data.key).then(
        () => sendResponse({ ok: true }),
        (error) => sendResponse({ ok: false, error: `could not open the side panel: ${describe(error)}` }),
      );
      return true;
    }
    // A backup in progress gives way to a write (a Save all's parts come while it would run).
    if (request.data.type === 'save' || request.data.type === 'remove' || request.data.type === 'undo-remove') {
      backups.postpone();
    }
    // A write that failed on a full disk says so (lib/durability/failure.ts); it is never acknowledged.
    handle(request.data, asker).then(sendResponse, async (error) =>
      sendResponse({ ok: false, error: await explainWriteFailure(error) }),
    );
    return true;
  });
});
