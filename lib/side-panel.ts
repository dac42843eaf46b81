// Opening the reading list: Chrome's side panel, Firefox's sidebar. Call it in the turn of the
// user's gesture (a click, a keyboard command, a menu), before any await: a browser opens a panel
// only then.
import { browser } from 'wxt/browser';

/** Opens the side panel (sidebar) of the window or tab; a page of the extension as a last resort. */
export function openSidePanel(target: { tabId?: number; windowId?: number }): Promise<unknown> {
  if (import.meta.env.FIREFOX) {
    return (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
  }
  if (target.windowId !== undefined) return browser.sidePanel.open({ ...target, windowId: target.windowId });
  if (target.tabId !== undefined) return browser.sidePanel.open({ tabId: target.tabId });
  return browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
}
