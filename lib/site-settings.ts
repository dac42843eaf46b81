// Sites where the user turned papershelf off. One small list in extension storage: the content
// script reads it once, before any work, and does nothing on a listed site; the popup, the page
// control's menu and the side panel's settings change it.
import { browser } from 'wxt/browser';

/** The `storage.local` key that holds the list of turned-off sites (host names). */
export const DISABLED_SITES_KEY = 'disabledSites';

/** The site a page belongs to, as listed: its host name, lower-case, without a leading `www.`. */
export function siteOf(url: string | URL): string {
  const host = (typeof url === 'string' ? new URL(url) : url).hostname.toLowerCase();
  return host.startsWith('www.') ? host.slice(4) : host;
}

function asSites(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((site): site is string => typeof site === 'string') : [];
}

/** Every site the user turned papershelf off on, sorted. */
export async function disabledSites(): Promise<string[]> {
  const stored = await browser.storage.local.get(DISABLED_SITES_KEY);
  return asSites(stored[DISABLED_SITES_KEY]).sort();
}

/** True when papershelf is turned off on the site of this address. */
export async function isSiteDisabled(url: string | URL): Promise<boolean> {
  return (await disabledSites()).includes(siteOf(url));
}

/** Turns papershelf off (or back on) on one site. */
export async function setSiteDisabled(site: string, disabled: boolean): Promise<void> {
  const sites = new Set(await disabledSites());
  if (disabled) sites.add(site);
  else sites.delete(site);
  await browser.storage.local.set({ [DISABLED_SITES_KEY]: [...sites].sort() });
}
