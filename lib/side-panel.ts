// Opening the reading list: Chrome's side panel, Firefox's sidebar. Call it in the turn of the
// user's gesture (a click, a keyboard command, a menu), before any await: a browser opens a panel
// only then.
import { browser } from 'wxt/browser';

/** The side panel's page; with a key, the deep link that opens it scrolled to that paper. */
export function sidePanelPath(key?: string): `sidepanel.html${string}` {
  return key === undefined ? 'sidepanel.html' : `sidepanel.html?paper=${encodeURIComponent(key)}`;
}

/**
 * Opens the side panel (sidebar) of the window or tab, at `key`'s paper when given; a page of the
 * extension as a last resort. The panel's path is set in the same turn as `open()`, not awaited
 * before it, so the user's gesture still counts.
 */
export function openSidePanel(target: { tabId?: number; windowId?: number }, key?: string): Promise<unknown> {
  if (import.meta.env.FIREFOX) {
    const sidebar = (
      browser as unknown as {
        sidebarAction: { open(): Promise<void>; setPanel(details: { tabId?: number; panel: string }): Promise<void> };
      }
    ).sidebarAction;
    const panel = sidebar.setPanel({ tabId: target.tabId, panel: browser.runtime.getURL(`/${sidePanelPath(key)}`) });
    return Promise.all([sidebar.open(), panel]);
  }
  const path =
    target.tabId !== undefined && key !== undefined
      ? browser.sidePanel.setOptions({ tabId: target.tabId, path: sidePanelPath(key), enabled: true })
      : undefined;
  const opened =
    target.windowId !== undefined
      ? browser.sidePanel.open({ ...target, windowId: target.windowId })
      : target.tabId !== undefined
        ? browser.sidePanel.open({ tabId: target.tabId })
        : browser.tabs.create({ url: browser.runtime.getURL(`/${sidePanelPath(key)}`) });
  return Promise.all([opened, path]);
}
