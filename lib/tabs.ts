// Telling the content scripts of open tabs that the library changed, from whichever extension
// context wrote (the background for saves on a page, the popup or side panel for their own).
import { browser } from 'wxt/browser';
import type { TabRequest } from './messages';

/** Sends `library-changed` to every tab; tabs without our content script are skipped. */
export async function notifyTabs(keys: string[]): Promise<void> {
  const message: TabRequest = { type: 'library-changed', keys };
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
