// Telling the content scripts of open tabs that the library changed, from whichever extension
// context wrote (the background for saves on a page, the popup or side panel for their own).
import { browser } from 'wxt/browser';
import type { TabRequest } from './messages';

/** Keys per `library-changed` message: the message table's cap. */
const KEYS_PER_NOTICE = 10_000;

/** Sends `library-changed` to every tab (in messages of at most 10,000 keys); tabs without our content script are skipped. */
export async function notifyTabs(keys: string[]): Promise<void> {
  for (let start = 0; start < keys.length; start += KEYS_PER_NOTICE) {
    await sendToTabs({ type: 'library-changed', keys: keys.slice(start, start + KEYS_PER_NOTICE) });
  }
}

/** Asks every tab to look up its saved state again (a restarted background may have missed a notice). */
export function resyncTabs(): Promise<void> {
  return sendToTabs({ type: 'library-resync' });
}

async function sendToTabs(message: TabRequest): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, message).catch(() => {
            // No content script in that tab (or it is loading): nothing to update there.
          }),
    ),
  );
}
