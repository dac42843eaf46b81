// The save control put beside each detected paper's title. It lives in a closed shadow root, so
// the page's styles cannot break it and the page's scripts cannot read it. Its size does not
// depend on its state, so the page cannot tell from layout which papers the user saved.
import type { Paper } from '../../lib/paper/model';

export type ControlState = 'unsaved' | 'saving' | 'saved' | 'removed' | 'error';

export interface ControlActions {
  save(): void;
  remove(): void;
  undoRemove(): void;
  openSidePanel(): void;
  turnOffSite(): void;
}

/** One paper's control on the page. */
export interface Control {
  readonly host: HTMLElement;
  paper: Paper;
  /** The key the paper is saved under (may differ from the detected key), when saved. */
  savedKey: string | undefined;
  /** The key a Remove from this control took out, while it offers Undo. */
  removedKey?: string;
  readonly state: ControlState;
  setState(state: ControlState, message?: string): void;
  destroy(): void;
}

const TEST_HOOKS = import.meta.env.MODE === 'test';

// `:host` pins, with !important (a shadow root's important rules beat the page's, even inline
// ones), every property page CSS could use to give the host a size or look that differs by state.
const STYLE = `
:host { all: initial !important; display: inline-block !important; position: relative !important;
  vertical-align: middle !important; margin: 0 0 0 0.4em !important; line-height: 1 !important;
  writing-mode: horizontal-tb !important; direction: ltr !important; unicode-bidi: isolate !important; zoom: 1 !important;
  font: 12px/1 system-ui, sans-serif !important; padding: 0 !important; border: 0 !important;
  letter-spacing: normal !important; word-spacing: normal !important; text-transform: none !important;
  transform: none !important; visibility: visible !important; opacity: 1 !important; float: none !important;
  width: auto !important; height: auto !important; min-width: 0 !important; min-height: 0 !important;
  max-width: none !important; max-height: none !important; pointer-events: auto !important;
  content-visibility: visible !important; contain: none !important; }
:host::before, :host::after { content: none !important; display: none !important; }
button { font: 600 12px/1 system-ui, sans-serif; cursor: pointer; border-radius: 6px; border: 1px solid #c6c9d2;
  background: #f7f8fa; color: #1f2330; padding: 4px 8px; }
.main { width: 6.2em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
button:focus-visible { outline: 2px solid #3b6fe0; outline-offset: 1px; }
.main[data-state="saved"] { background: #e7f4ea; border-color: #7dbb8b; color: #17572a; }
.main[data-state="error"] { background: #fdecea; border-color: #e39a91; color: #8a1f12; }
.main[data-state="saving"] { opacity: 0.7; cursor: progress; }
.main::before { content: "Save"; }
.main[data-state="saving"]::before { content: "Saving\\2026"; }
.main[data-state="saved"]::before { content: "Saved \\2713"; }
.main[data-state="error"]::before { content: "Retry"; }
.main[data-state="removed"]::before { content: "Undo"; }
.menu { position: absolute; z-index: 2147483647; top: calc(100% + 4px); inset-inline-end: 0; display: flex;
  flex-direction: column; gap: 2px; padding: 4px; border-radius: 8px; border: 1px solid #c6c9d2; background: #fff;
  box-shadow: 0 4px 16px rgb(0 0 0 / 0.18); }
.menu[hidden] { display: none; }
.menu button { border: 0; background: transparent; text-align: start; font-weight: 500; white-space: nowrap; }
.menu button:hover, .menu button:focus-visible { background: #eef1f7; }
@media (prefers-color-scheme: dark) {
  button { background: #2a2e38; color: #e8eaf0; border-color: #4a5060; }
  .main[data-state="saved"] { background: #1d3b26; border-color: #3f7a4f; color: #bfe8c9; }
  .main[data-state="error"] { background: #4a1f1a; border-color: #9a4a3f; color: #ffd2cb; }
  .menu { background: #22252d; border-color: #4a5060; }
  .menu button:hover, .menu button:focus-visible { background: #353a46; }
}
`;

// The visible label is a pseudo-element (in STYLE), not text: window.find and text selection on the
// page cannot reach it, so they cannot tell a saved control from an unsaved one.

// One stylesheet for every control of the page, adopted by each root: 2,000 roots with a `<style>`
// each cost the page hundreds of milliseconds of style and layout. Where adopting fails (an older
// browser, or a content-script world that cannot hand its sheet to the page's document), each root
// gets its own `<style>`.
let shared: CSSStyleSheet | null | undefined;

function styleRoot(doc: Document, root: ShadowRoot): void {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(STYLE);
    } catch {
      shared = null;
    }
  }
  if (shared) {
    try {
      root.adoptedStyleSheets = [shared];
      return;
    } catch {
      shared = null;
    }
  }
  const style = doc.createElement('style');
  style.textContent = STYLE;
  root.append(style);
}

// The host is a built-in `<span>`, not a custom element: a page that defines a custom element of
// ours first would construct it (and reach its closed root through `attachInternals`) or forbid its
// shadow root. A built-in element's name is the page's to style but not to define.
const hosts = new WeakSet<Node>();

/** True for a control's host: the content script's own mutations are not page changes. */
export function isControlHost(node: Node): boolean {
  return hosts.has(node);
}

/** Creates a control for `paper` (not yet in the page: the caller places `host`). */
export function createControl(doc: Document, paper: Paper, actions: ControlActions): Control {
  const host = doc.createElement('span');
  hosts.add(host);
  const root = host.attachShadow({ mode: 'closed' });
  styleRoot(doc, root);
  const main = doc.createElement('button');
  main.type = 'button';
  main.className = 'main';
  main.setAttribute('aria-haspopup', 'menu');
  const menu = doc.createElement('div');
  menu.className = 'menu';
  menu.setAttribute('role', 'menu');
  menu.hidden = true;
  const open = menuItem(doc, 'Open in side panel', () => actions.openSidePanel());
  const remove = menuItem(doc, 'Remove from papershelf', () => actions.remove());
  const turnOff = menuItem(doc, 'Turn off on this site', () => actions.turnOffSite());
  const items = [open, remove, turnOff];
  menu.append(...items);
  root.append(main, menu);

  let state: ControlState = 'unsaved';
  const control: Control = {
    host,
    paper,
    savedKey: undefined,
    get state() {
      return state;
    },
    setState(next, message) {
      state = next;
      main.dataset.state = next;
      // Not `disabled`: a disabled button drops the keyboard focus to the page's body.
      main.setAttribute('aria-disabled', String(next === 'saving'));
      const title = control.paper.title;
      const label =
        next === 'saved'
          ? `Saved in papershelf: ${title}. Open the menu to open or remove it`
          : next === 'removed'
            ? `Removed from papershelf: ${title}. Press to undo`
            : next === 'error'
              ? `papershelf could not save ${title}: ${message ?? 'unknown error'}. Press to try again`
              : `Save to papershelf: ${title}`;
      main.setAttribute('aria-label', label);
      main.title = next === 'error' ? (message ?? '') : label;
      if (next !== 'saved') closeMenu();
      if (TEST_HOOKS && next !== 'saving' && next !== 'error') {
        host.dataset.papershelfState = next === 'saved' ? 'saved' : 'unsaved';
      }
    },
    destroy() {
      unwatchVisibility(host);
      host.remove();
    },
  };

  function closeMenu(): void {
    menu.hidden = true;
    main.setAttribute('aria-expanded', 'false');
  }

  // Only the user's own clicks count: a script of the page cannot reach into the closed root,
  // and synthetic events are not trusted. Clicks stop here, so a card that is itself a link
  // does not navigate.
  main.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (!event.isTrusted || !seenAsItself(host, event)) return;
    if (state === 'saved') {
      menu.hidden = !menu.hidden;
      main.setAttribute('aria-expanded', String(!menu.hidden));
      if (!menu.hidden) open.focus();
    } else if (state === 'removed') {
      actions.undoRemove();
    } else if (state !== 'saving') {
      actions.save();
    }
  });
  root.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key === 'Escape' && !menu.hidden) {
      closeMenu();
      main.focus();
    } else if ((key === 'ArrowDown' || key === 'ArrowUp') && !menu.hidden) {
      event.preventDefault();
      const at = items.indexOf(root.activeElement as HTMLButtonElement);
      const step = key === 'ArrowDown' ? 1 : items.length - 1;
      items[(at + step) % items.length]?.focus();
    }
  });
  root.addEventListener('focusout', (event) => {
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (!next || !root.contains(next)) closeMenu();
  });
  for (const item of items) {
    item.addEventListener('click', () => {
      closeMenu();
      main.focus();
    });
  }

  if (TEST_HOOKS) host.dataset.papershelfKey = paper.key;
  watchVisibility(host);
  control.setState('unsaved');
  return control;
}

function menuItem(doc: Document, label: string, onClick: () => void): HTMLButtonElement {
  const item = doc.createElement('button');
  item.type = 'button';
  item.setAttribute('role', 'menuitem');
  item.textContent = label;
  item.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    const host = (item.getRootNode() as ShadowRoot).host;
    if (event.isTrusted && host && seenAsItself(host, event)) onClick();
  });
  return item;
}

/** Puts the control beside the title: after a title link (never inside it), else at its end. */
export function placeControl(control: Control, anchor: Element): void {
  const link = anchor.closest('a');
  if (link) link.after(control.host);
  else anchor.append(control.host);
}

// Clickjacking: a page may make a control invisible (opacity, a filter, a clip, a decoy drawn over
// it, even one that lets clicks through) to trick the user into a click. A click counts only when
// the control is seen as itself at that moment. Where the browser can tell (IntersectionObserver
// v2's `isVisible`: occlusion, opacity, filters and transforms), its last word decides; it speaks
// only for controls near the viewport, after at least 100 ms. Until it has, and in browsers
// without it, the control's own chain of styles and the element at the click point decide. A key
// press is not a click the page can steer: it counts.
const visible = new WeakMap<Element, boolean>();
const near =
  typeof IntersectionObserver === 'function'
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (entry.isIntersecting) seen?.observe(entry.target);
            else {
              seen?.unobserve(entry.target);
              visible.delete(entry.target);
            }
          }
        },
        { rootMargin: '200px' },
      )
    : undefined;
const seen = supportsVisibility()
  ? new IntersectionObserver(
      (entries) => {
        for (const entry of entries) visible.set(entry.target, (entry as { isVisible?: boolean }).isVisible === true);
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    )
  : undefined;

function supportsVisibility(): boolean {
  return typeof IntersectionObserverEntry === 'function' && 'isVisible' in IntersectionObserverEntry.prototype;
}

function watchVisibility(host: Element): void {
  near?.observe(host);
}

function unwatchVisibility(host: Element): void {
  near?.unobserve(host);
  seen?.unobserve(host);
  visible.delete(host);
}

/** True when `host` is on screen as itself for this click (see above). */
export function seenAsItself(host: Element, event: MouseEvent): boolean {
  // Keyboard activation (no pointer, `detail` 0): the control the user moved the focus to is what
  // they chose, and a page cannot make trusted keys.
  if (event.detail === 0) return true;
  const known = visible.get(host);
  if (known !== undefined) return known;
  if (host.ownerDocument.elementFromPoint(event.clientX, event.clientY) !== host) return false;
  let opacity = 1;
  for (let element: Element | null = host; element; element = element.parentElement) {
    const style = getComputedStyle(element);
    opacity *= Number.parseFloat(style.opacity) || 0;
    if (style.visibility !== 'visible' || (style.filter !== 'none' && element !== host)) return false;
    if (style.clipPath !== 'none' && element !== host) return false;
  }
  return opacity >= 0.9;
}
