// Search matches marked in a row's text: the text is split into strings and <mark> elements, so
// page text stays text (never innerHTML).
import type { ComponentChildren } from 'preact';

function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for words that start with one of `terms` (the index matches prefixes). */
export function matcher(terms: readonly string[]): RegExp | undefined {
  const words = terms.filter(Boolean).sort((a, b) => b.length - a.length);
  return words.length === 0
    ? undefined
    : new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})`, 'giu');
}

/** `text` with every match of `pattern` in a <mark class="ps-match">. */
export function highlight(text: string, pattern: RegExp | undefined): ComponentChildren {
  if (!pattern) return text;
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index ?? 0;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark class="ps-match">{found[0]}</mark>);
    at = start + found[0].length;
  }
  if (parts.length === 0) return text;
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
