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

// The host's negative block margins leave it 8 px for the line box: a 20 px control added to a
// line of text does not make the line taller, so the entries after it do not move (2,000 arXiv
// entries: each control made its line 18 -> 20.3 px, and every round of insertions cost the page a
// layout and a pre-paint of everything below).
// `:host` pins, with !important (a shadow root's important rules beat the page's, even inline
// ones), every property page CSS could use to give the host a size or look that differs by state:
// `all: initial` resets every property but `direction` and `unicode-bidi`, set after it. The
// button is 20 px tall: no taller than a line of small text (14 px / 20 px), so a site's action row
// keeps its height.
// Written compactly (it ships in every content script); the colours are custom properties, so a
// theme or a state is one line.
const STYLE = `
:host{all:initial!important;display:inline-block!important;position:var(--papershelf-position,relative)!important;top:var(--papershelf-top,auto)!important;left:var(--papershelf-left,auto)!important;vertical-align:middle!important;margin:var(--papershelf-margin,-6px 0 -6px .4em)!important;line-height:1!important;direction:ltr!important;unicode-bidi:isolate!important;font:12px/1 system-ui,sans-serif!important}
:host::before,:host::after{content:none!important;display:none!important}
.main,.menu{--b:#c6c9d2;--g:#f7f8fa;--c:#1f2330;--h:#eef1f7;--m:#fff}
[data-theme=dark]{--b:#4a5060;--g:#2a2e38;--c:#e8eaf0;--h:#353a46;--m:#22252d}
[data-state=saved]{--b:#7dbb8b;--g:#e7f4ea;--c:#17572a}
[data-state=error]{--b:#e39a91;--g:#fdecea;--c:#8a1f12}
[data-theme=dark][data-state=saved]{--b:#3f7a4f;--g:#1d3b26;--c:#bfe8c9}
[data-theme=dark][data-state=error]{--b:#9a4a3f;--g:#4a1f1a;--c:#ffd2cb}
button{font:600 12px/1 system-ui,sans-serif;cursor:pointer;border-radius:6px;border:1px solid var(--b);background:var(--g);color:var(--c);padding:3px 8px}
button:focus-visible{outline:2px solid #3b6fe0;outline-offset:1px}
.main{width:6.2em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.main::before{content:"Save"}
[data-state=saving]{opacity:.7;cursor:progress}
[data-state=saving]::before{content:"Saving\\2026"}
[data-state=saved]::before{content:"Saved \\2713"}
[data-state=error]::before{content:"Retry"}
[data-state=removed]::before{content:"Undo"}
.menu{position:absolute;z-index:2147483647;top:calc(100% + 4px);inset-inline-end:0;display:flex;flex-direction:column;gap:2px;padding:4px;border-radius:8px;border:1px solid var(--b);background:var(--m);box-shadow:0 4px 16px rgb(0 0 0/.18)}
.menu[hidden]{display:none}
.menu button{border:0;background:0 0;text-align:start;font-weight:500;white-space:nowrap}
.menu button:hover,.menu button:focus-visible{background:var(--h)}
`;

// The visible label is a pseudo-element (in STYLE), not text: window.find and text selection on the
// page cannot reach it, so they cannot tell a saved control from an unsaved one.

// Chromium: one stylesheet for every control of the page, adopted by each root (2,000 roots with a
// `<style>` each cost the page hundreds of milliseconds of style and layout). Firefox's content
// scripts cannot hand a sheet of their own world to the page's document: there each root gets its
// own `<style>`. Each build carries only its browser's way.
let shared: CSSStyleSheet | undefined;

function styleRoot(doc: Document, root: ShadowRoot): void {
  if (!import.meta.env.FIREFOX) {
    if (!shared) {
      shared = new CSSStyleSheet();
      shared.replaceSync(STYLE);
    }
    root.adoptedStyleSheets = [shared];
    return;
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
export function createControl(doc: Document, paper: Paper, actions: ControlActions, theme: Theme = 'light'): Control {
  const host = doc.createElement('span');
  hosts.add(host);
  // delegatesFocus: focusing the host (a click on it, `focus()`) focuses the control's button.
  const root = host.attachShadow({ mode: 'closed', delegatesFocus: true });
  styleRoot(doc, root);
  const main = doc.createElement('button');
  main.type = 'button';
  main.className = 'main';
  main.setAttribute('aria-haspopup', 'menu');
  const menu = doc.createElement('div');
  menu.className = 'menu';
  menu.setAttribute('role', 'menu');
  menu.hidden = true;
  const open = menuItem(doc, host, 'Open in side panel', () => actions.openSidePanel());
  const remove = menuItem(doc, host, 'Remove from papershelf', () => actions.remove());
  const turnOff = menuItem(doc, host, 'Turn off on this site', () => actions.turnOffSite());
  const items = [open, remove, turnOff];
  menu.append(...items);
  main.dataset.theme = theme;
  menu.dataset.theme = theme;
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

  onUserClick(main, host, activate);
  function activate(): void {
    if (state === 'saved') {
      menu.hidden = !menu.hidden;
      main.setAttribute('aria-expanded', String(!menu.hidden));
      if (!menu.hidden) open.focus();
    } else if (state === 'removed') {
      actions.undoRemove();
    } else if (state !== 'saving') {
      actions.save();
    }
  }
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

function menuItem(doc: Document, host: Element, label: string, onClick: () => void): HTMLButtonElement {
  const item = doc.createElement('button');
  item.type = 'button';
  item.setAttribute('role', 'menuitem');
  item.textContent = label;
  onUserClick(item, host, onClick);
  return item;
}

// Only the user's own clicks count: a script of the page cannot reach into the closed root, and
// synthetic events are not trusted; nor does a click on a control the page hid or covered
// (seenAsItself). Clicks stop here, so a card that is itself a link does not navigate.
function onUserClick(button: HTMLButtonElement, host: Element, run: () => void): void {
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (event.isTrusted) void seenAsItself(host, event).then((seenRight) => seenRight && run());
  });
}

/**
 * Puts the control where the site keeps the entry's own actions when it has such a row (at its
 * end), else beside the title: after a title link (never inside it), else at the title's end.
 */
export function placeControl(control: Control, anchor: Element, actions?: Element): void {
  const link = actions ? null : anchor.closest('a');
  if (actions) actions.append(control.host);
  else if (link) link.after(control.host);
  else anchor.append(control.host);
}

// On a very large page every element added inside it costs a layout of the whole page (an arXiv
// listing of 12,000 entries: 80–100 ms for any number of controls, 100,000 entries: seconds),
// since the browser lays out again each ancestor of the new element and all their children. There,
// controls float: they go into one layer at the end of the document, each at the point where it
// would stand in the page (after the title, or at the end of the action row), and adding them
// costs a layout of the layer alone (~3 ms). They cover what is under that point instead of making
// room; that is the price of a page that stays responsive.
//
// A site script (not the generic one) isolates the page's body from the layer (a style element
// put in with the layer). Without it the browser paints the page and the layer as one: any change
// to a floating control (put in, moved, a new state, taken off) made it paint the whole page again
// (100,000 arXiv entries: ~300 ms each time, 12,000: ~50 ms), and each layout after a scroll
// walked the page for a scroll anchor (~100 ms); with `isolation: isolate` and
// `overflow-anchor: none` on the body, 5-20 ms. It goes in with the layer while the page is empty
// (put into a parsed page it costs a layout and paint of all of it: 290 ms at 12,000 entries, 2.2 s
// at 100,000), and both come off a page that turns out not to float: that costs a repaint of the
// page, ~2 ms per 1,000 elements (50,000: 84-119 ms). So only the scripts of paper sites, whose
// listings run to thousands, do it; the generic script, on every other page (most of them no
// listing, some of 100,000 elements), leaves the body as it is, and its rare long listings float
// without it. `isolation` changes only blending and stacking inside the body, which a listing
// does not use; `overflow-anchor` only whether scrolling holds on to content that moves.
// `import.meta.env.ENTRYPOINT` is the script's name at build time: the generic script ("content")
// carries none of this.
const LAYER_STYLE =
  'all:initial!important;position:absolute!important;top:0!important;left:0!important;' +
  'z-index:2147483647!important;contain:layout style!important';
/** Whether this script isolates the body of a page that may float (see above). */
export const ISOLATES = import.meta.env.ENTRYPOINT !== 'content';

const layers = new WeakMap<Document, HTMLElement[]>();

/** The document's layer of floating controls, put at the end of the document if it is not there. */
export function floatingLayer(doc: Document): HTMLElement {
  let made = layers.get(doc);
  if (!made) {
    const layer = doc.createElement('span');
    layer.setAttribute('style', LAYER_STYLE);
    made = [layer];
    if (ISOLATES) {
      const isolation = doc.createElement('style');
      isolation.textContent = 'body{isolation:isolate;overflow-anchor:none}';
      made.push(isolation);
    }
    for (const node of made) hosts.add(node);
    layers.set(doc, made);
  }
  if (!made[0]?.isConnected) doc.documentElement.append(...made);
  return made[0] as HTMLElement;
}

/** True while the layer (and in a site script the body's isolation) is on the page. */
export function hasFloatingLayer(doc: Document): boolean {
  return layers.get(doc)?.[0]?.isConnected === true;
}

/** Takes the layer (and the body's isolation) off the page: a page without floating controls. */
export function dropFloatingLayer(doc: Document): void {
  for (const node of layers.get(doc) ?? []) node.remove();
}

// A control's box: set by its STYLE (a 20 px button of 6.2em at 12 px, its border and padding).
const FLOAT_HEIGHT = 20;
const FLOAT_WIDTH = 76;
const FLOAT_GAP = 6;

/** Where a floating control of `anchor` stands: layer coordinates of its top-left corner. */
export interface FloatPoint {
  top: number;
  left: number;
}

/** The layer's origin in the viewport and the page's width: read once for a round of points. */
export interface FloatFrame {
  top: number;
  left: number;
  width: number;
}

export function floatFrame(layer: Element): FloatFrame {
  const origin = layer.getBoundingClientRect();
  return { top: origin.top, left: origin.left, width: layer.ownerDocument.documentElement.clientWidth };
}

/**
 * The point after the end of the text the control would follow in the page (see placeControl),
 * vertically centred on its last line; kept inside the page's width. None for an entry the page
 * does not show (hidden, in a closed section): its control would stand at a made-up point. Reads
 * layout only.
 */
export function floatPoint(frame: FloatFrame, anchor: Element, actions?: Element): FloatPoint | undefined {
  const after = actions ?? anchor.closest('a') ?? anchor;
  const range = after.ownerDocument.createRange();
  range.selectNodeContents(after);
  const lines = range.getClientRects();
  let line: DOMRect | undefined;
  for (let at = lines.length - 1; at >= 0 && !line; at--) {
    const rect = lines[at] as DOMRect;
    if (rect.width > 0 && rect.height > 0) line = rect;
  }
  if (!line) {
    if (after.getClientRects().length === 0) return undefined;
    line = after.getBoundingClientRect();
  }
  const left = Math.max(0, Math.min(line.right + FLOAT_GAP, frame.width - FLOAT_WIDTH - FLOAT_GAP));
  return { top: line.top + (line.height - FLOAT_HEIGHT) / 2 - frame.top, left: left - frame.left };
}

/**
 * Moves a floating control to `point`: its STYLE reads its position, offsets and margin from the
 * custom properties set here (`all` leaves custom properties alone; set inline and important, no
 * rule of the page's beats them). A control already there is not written to: each write makes the
 * browser work out the control's style and the layer's layout again before the next read of any
 * position (on a 100,000-entry page, a scroll pause that wrote every control's unchanged point
 * made the next read cost 70–230 ms).
 */
export function moveFloating(control: Control, point: FloatPoint): void {
  const style =
    '--papershelf-position:absolute!important;--papershelf-margin:0!important;' +
    `--papershelf-top:${Math.round(point.top)}px!important;--papershelf-left:${Math.round(point.left)}px!important`;
  if (control.host.getAttribute('style') !== style) control.host.setAttribute('style', style);
}

/** The element `placeControl` puts the control in. */
export function placementParent(anchor: Element, actions?: Element): Element {
  return actions ?? anchor.closest('a')?.parentElement ?? anchor;
}

/** Light or dark controls, to suit what is behind them. */
export type Theme = 'light' | 'dark';

const themes = new WeakMap<Element, Theme>();

/**
 * The theme for a control placed in `parent`: the background of the first opaque element from
 * there up decides; where none is opaque, the page's `color-scheme` (dark only when the page says
 * it is dark, or supports dark and the browser shows it so); else light. The operating system's
 * setting alone never decides. Answers are kept per element, so a listing's thousands of entries
 * cost one style read each, not a walk each.
 */
export function themeFor(parent: Element): Theme {
  const path: Element[] = [];
  let found: Theme | null = null;
  for (let element: Element | null = parent; element; element = element.parentElement) {
    const known = themes.get(element);
    if (known !== undefined) {
      found = known;
      break;
    }
    path.push(element);
    found = backgroundTheme(getComputedStyle(element).backgroundColor);
    if (found) break;
  }
  // Kept resolved, the page's colour scheme included: a listing with no opaque background reads
  // the root's style once, not once a control.
  const theme = found ?? pageTheme(parent.ownerDocument);
  for (const element of path) themes.set(element, theme);
  return theme;
}

// A computed background colour is `rgb(r, g, b)` or `rgba(r, g, b, a)` (a number for alpha, however
// the page wrote it); any other form (`color(…)`, `oklch(…)`) is left to the elements around it.
function backgroundTheme(color: string): Theme | null {
  const [r, g, b, alpha = 1] = color.startsWith('rgb') ? (color.match(/[\d.]+/g) ?? []).map(Number) : [];
  if (b === undefined || alpha < 0.9) return null;
  return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * b < 127.5 ? 'dark' : 'light';
}

function pageTheme(doc: Document): Theme {
  const schemes = getComputedStyle(doc.documentElement).colorScheme.split(/\s+/);
  if (!schemes.includes('dark')) return 'light';
  if (!schemes.includes('light')) return 'dark';
  return doc.defaultView?.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

// Clickjacking: a page may make a control invisible (opacity, a filter, a clip, a decoy drawn over
// it, even one that lets clicks through) to trick the user into a click. A click counts only when
// the control is seen as itself at that moment. Where the browser can tell (IntersectionObserver
// v2's `isVisible`: occlusion, opacity, filters and transforms), its word decides: a control is
// watched from the moment a pointer enters it (a person's click comes later than the observer's
// 100 ms), and a click that comes first waits for that word. Only hovered controls are watched, so a
// page of 100,000 controls costs the browser nothing per frame. Firefox has no such observer: there
// the control's own chain of styles and the element at the click point decide (each build carries
// only its browser's path; a Chromium without the observer, which none since version 74 is, would
// count no click). A key press is not a click the page can steer: it counts.
const visible = new WeakMap<Element, boolean>();
const waiting = new WeakMap<Element, (() => void)[]>();
const seen =
  !import.meta.env.FIREFOX && supportsVisibility()
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            visible.set(entry.target, (entry as { isVisible?: boolean }).isVisible === true);
            for (const wake of waiting.get(entry.target) ?? []) wake();
            waiting.delete(entry.target);
          }
        },
        { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      )
    : undefined;

function supportsVisibility(): boolean {
  return typeof IntersectionObserverEntry === 'function' && 'isVisible' in IntersectionObserverEntry.prototype;
}

function watchVisibility(host: Element): void {
  if (!seen) return;
  host.addEventListener('pointerenter', () => seen.observe(host));
  host.addEventListener('pointerleave', () => unwatchVisibility(host));
}

function unwatchVisibility(host: Element): void {
  seen?.unobserve(host);
  visible.delete(host);
}

/** The observer's first word on `host`, or false when it has none within a second. */
function visibilityOf(host: Element): Promise<boolean> {
  const known = visible.get(host);
  if (known !== undefined || !seen) return Promise.resolve(known === true);
  seen.observe(host);
  return new Promise((resolve) => {
    const done = () => resolve(visible.get(host) === true);
    waiting.set(host, [...(waiting.get(host) ?? []), done]);
    setTimeout(done, 1000);
  });
}

/** True when `host` is on screen as itself for this click (see above). */
export async function seenAsItself(host: Element, event: MouseEvent): Promise<boolean> {
  // Keyboard activation (no pointer, `detail` 0): the control the user moved the focus to is what
  // they chose, and a page cannot make trusted keys.
  if (event.detail === 0) return true;
  if (!import.meta.env.FIREFOX) return visibilityOf(host);
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
