// Where papershelf may read pages. Known scholarly sites: always (the manifest's content script).
// Any other page: on demand from the toolbar (activeTab + scripting inject the same content
// script into that one tab), or everywhere once the user grants the optional "all sites"
// permission in the popup, which registers the content script for every http(s) page.
import { browser } from 'wxt/browser';
import { contentScriptPatterns } from './detect/index';

/** The optional host permission behind "find papers on every site". */
export const ALL_SITES = ['http://*/*', 'https://*/*'];

const CONTENT_SCRIPT = 'content-scripts/content.js';
const ALL_SITES_SCRIPT = 'papershelf-all-sites';

/** True when the user has granted access to every site. */
export function hasAllSites(): Promise<boolean> {
  return browser.permissions.contains({ origins: ALL_SITES });
}

/** Asks for access to every site; call it from the user's click. */
export function requestAllSites(): Promise<boolean> {
  return browser.permissions.request({ origins: ALL_SITES });
}

/** Gives access to every site back. */
export function removeAllSites(): Promise<boolean> {
  return browser.permissions.remove({ origins: ALL_SITES });
}

// The test build's manifest already runs the content script everywhere: registering it again
// would inject it twice.
function manifestCoversAllSites(): boolean {
  return (browser.runtime.getManifest().content_scripts ?? []).some((script) =>
    ALL_SITES.every((pattern) => script.matches?.includes(pattern)),
  );
}

/** Registers the content script for every site while that permission is granted, else removes it. */
export async function syncAllSitesScript(): Promise<void> {
  const granted = (await hasAllSites()) && !manifestCoversAllSites();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [ALL_SITES_SCRIPT] });
  if (granted && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id: ALL_SITES_SCRIPT,
        js: [CONTENT_SCRIPT],
        matches: ALL_SITES,
        // The known sites have the manifest's script already.
        excludeMatches: contentScriptPatterns,
        runAt: 'document_start',
      },
    ]);
  } else if (!granted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [ALL_SITES_SCRIPT] });
  }
}

/** Runs detection in one tab on demand (the toolbar's activeTab grant covers it). */
export async function detectInTab(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [`/${CONTENT_SCRIPT}`] });
}
