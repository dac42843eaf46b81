// The content scripts' context, in place of WXT's (wxt.config.ts aliases
// `wxt/utils/content-script-context` to this file). WXT's announces every start to the page
// (`window.postMessage` and a `document` event named `<extension id>:…:wxt:content-script-started`)
// and stops itself when that event comes back, and it reports in-app navigation as a `window`
// event carrying the id too: a page could learn that papershelf is installed and, replaying the
// event, remove every control for good. This one tells the page nothing. An older copy of the
// script in the same tab (injected again on request) is stopped through a global of the content
// scripts' own world, which the page cannot reach; a copy whose extension was updated or removed
// stops itself the first time it notices that its runtime is gone.
import { browser } from 'wxt/browser';

const CURRENT = Symbol.for('papershelf.content-script');

type Invalidatable = { notifyInvalidated(): void };
type Handler = (event: Event) => void;

/** What WXT's content-script entrypoint constructs and hands to `main`: the parts papershelf uses. */
export class ContentScriptContext {
  private readonly controller = new AbortController();
  private lastUrl = location.href;
  private watching = false;
  private readonly locationListeners: Handler[] = [];

  // WXT passes the script's name and options; nothing here needs them.
  constructor() {
    const scope = globalThis as unknown as Record<symbol, Invalidatable | undefined>;
    scope[CURRENT]?.notifyInvalidated();
    scope[CURRENT] = this;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isValid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return !this.signal.aborted;
  }

  /** Calls `callback` once when this script stops; returns a function that cancels that. */
  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  setTimeout(handler: () => void, timeout?: number): ReturnType<typeof setTimeout> {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  /**
   * Listens until the script stops. `wxt:locationchange` is in-app navigation: the address is
   * compared once a second and `handler` called directly, with no event in the page.
   */
  addEventListener(target: EventTarget, type: string, handler: Handler, options?: AddEventListenerOptions): void {
    if (type === 'wxt:locationchange') {
      this.watchLocation(handler);
      return;
    }
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  /** Stops this script: every `onInvalidated` callback runs. */
  notifyInvalidated(): void {
    this.controller.abort('papershelf content script stopped');
  }

  private watchLocation(handler: Handler): void {
    this.locationListeners.push(handler);
    if (this.watching) return;
    this.watching = true;
    const id = setInterval(() => {
      if (!this.isValid || location.href === this.lastUrl) return;
      this.lastUrl = location.href;
      for (const listener of this.locationListeners) listener(new Event('locationchange'));
    }, 1000);
    this.onInvalidated(() => clearInterval(id));
  }
}
