// Small DOM readers shared by the sources. Pure: they only read the document they are given.
import { cleanText, httpUrl } from '../paper/build';

/** The collapsed text of an element, or undefined when it has none. */
export function textOf(element: Element | null | undefined): string | undefined {
  return cleanText(element?.textContent);
}

/**
 * The content of every `<meta name=…>` (or `property=`) with that name, in page order. The metas
 * come from the document's tag collection, which the browser keeps between calls: a selector query
 * walked the whole of a 2,000-entry listing at each of a reader's calls.
 */
export function metaAll(doc: Document, name: string): string[] {
  const values: string[] = [];
  for (const meta of doc.getElementsByTagName('meta')) {
    const key = meta.getAttribute('name') ?? meta.getAttribute('property');
    if (key?.toLowerCase() !== name.toLowerCase()) continue;
    const content = cleanText(meta.getAttribute('content'));
    if (content) values.push(content);
  }
  return values;
}

/** The first `<meta>` content with that name. */
export function meta(doc: Document, name: string): string | undefined {
  return metaAll(doc, name)[0];
}

/** Reads an integer as a page shows it ("1,234", "1.2k", " 56 "); undefined when it is none. */
export function parseCount(text: string | null | undefined): number | undefined {
  const match = /^([\d.,]+)\s*([kKmM])?$/.exec(text?.trim() ?? '');
  if (!match?.[1]) return undefined;
  const unit = match[2]?.toLowerCase();
  if (unit) {
    const value = Number.parseFloat(match[1].replace(/,/g, ''));
    return Number.isFinite(value) ? Math.round(value * (unit === 'k' ? 1e3 : 1e6)) : undefined;
  }
  const digits = match[1].replace(/[.,]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/** Parses JSON, returning undefined instead of throwing on a page whose data changed shape. */
export function parseJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The collapsed text of an element leaving out the descendants that match `skip` (labels, toggles). */
export function textExcept(element: Element | null | undefined, skip: string): string | undefined {
  if (!element) return undefined;
  const parts: string[] = [];
  textsExcept(element, skip, parts);
  return cleanText(parts.join(''));
}

// Sibling links rather than `childNodes` iteration, whose iterator cost a listing of 2,000 entries
// a tenth of its detection time.
function textsExcept(node: Node, skip: string, parts: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) parts.push((child as Text).data);
    else if (child.nodeType === 1 && !(child as Element).matches(skip)) textsExcept(child, skip, parts);
  }
}

/**
 * The page's own address: its `<link rel="canonical">`, else `fallback` (a landing address the
 * page names), else the address it was loaded from without its fragment. Http(s) only.
 */
export function pageAddress(doc: Document, url: URL, fallback?: string): string {
  const canonical = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const page = new URL(url.href);
  page.hash = '';
  return httpUrl(canonical, url) ?? httpUrl(fallback, url) ?? page.href;
}

/** Letters and digits only, lower case: a heading may differ from metadata in case, quotes, marks. */
export function titleForm(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * True when an element's text shows `title`: the same letters and digits, or one holding the other
 * as at least half of it (a "Title:" label or a footnote mark beside it; a heading cut short).
 */
export function showsTitle(text: string | undefined, title: string): boolean {
  const shown = titleForm(text);
  const wanted = titleForm(title);
  if (!shown || !wanted) return false;
  const [short, long] = shown.length < wanted.length ? [shown, wanted] : [wanted, shown];
  return long.includes(short) && short.length >= 0.5 * long.length;
}

/**
 * Where a page shows the title of the one paper it is about: the heading (h1 first, then h2…h6)
 * whose text shows `title`, else the first h1, else the body.
 */
export function titleAnchor(doc: Document, title: string): Element | null {
  for (const level of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']) {
    for (const heading of doc.querySelectorAll(level)) {
      if (showsTitle(textOf(heading), title)) return heading;
    }
  }
  return doc.querySelector('h1') ?? doc.body ?? doc.documentElement;
}

/**
 * `root.querySelectorAll('<outer> <inner>')` in two scoped steps: the elements matching `inner`
 * inside those matching `outer` within `root`, in page order. Chromium evaluates a selector with
 * a descendant combinator on an element against the whole document (one call per entry made a
 * 2,000-entry listing quadratic); each step here stays inside its scope.
 */
export function allIn(root: ParentNode | null | undefined, outer: string, inner: string): Element[] {
  const found: Element[] = [];
  const scopes = root?.querySelectorAll(outer);
  if (!scopes) return found;
  // Indexed, not iterated: a NodeList's iterator makes a result object per step.
  for (let i = 0; i < scopes.length; i++) {
    const elements = (scopes[i] as Element).querySelectorAll(inner);
    for (let j = 0; j < elements.length; j++) found.push(elements[j] as Element);
  }
  // Nested scopes (rare) would list an element twice; one scope cannot.
  return scopes.length > 1 && found.length > 1 ? [...new Set(found)] : found;
}

/** The first element `allIn` would give, without reading further. */
export function firstIn(root: ParentNode | null | undefined, outer: string, inner: string): Element | null {
  for (const scope of root?.querySelectorAll(outer) ?? []) {
    const element = scope.querySelector(inner);
    if (element) return element;
  }
  return null;
}
