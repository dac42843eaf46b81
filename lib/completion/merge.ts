// How what a service found goes into a saved paper (issue 13): only gaps are filled, what the user
// wrote and what the page showed are kept, a record for another paper is refused, and each filled
// field remembers where and when it came from so that Undo restores the record exactly.
import { PLACEHOLDER_TITLE } from '../paper/build';
import { isRxivDoi } from '../paper/ids';
import type { Completion, SavedPaper } from '../paper/model';
import { foldTitle, titlesAgree } from '../paper/titles';
import { COMPLETABLE, type Found } from './types';

/** An arXiv, bioRxiv or medRxiv preprint, or a paper typed as a preprint: it may have been published since. */
export function isPreprint(paper: SavedPaper): boolean {
  return (
    paper.ids?.arxiv !== undefined ||
    paper.type === 'preprint' ||
    (paper.ids?.doi !== undefined && isRxivDoi(paper.ids.doi))
  );
}

/** What one merge did. */
export interface Merged {
  paper: SavedPaper;
  /** Fields filled (model names; `ids.doi` for an id, `publication` for the published version). */
  filled: string[];
  /** Findings refused, in plain words (a service that answered for another paper). */
  refused: string[];
}

/** An author list or venue the page cut short ("J Doe, É Müller…", "Journal of …"). */
const CUT = /(?:…|\.\.\.)\s*$/;

/** The last word of a name, folded: "J Doe" and "John Doe" are the same person here. */
function familyOf(name: string): string {
  const words = foldTitle(name).split(' ');
  return words[words.length - 1] ?? '';
}

/**
 * True when `full` continues `shown`: longer, and the shown names are its first ones (by family
 * name, since pages abbreviate given names) — a Scholar row's "J Doe, É Müller…", a Hugging Face
 * card's "16 authors".
 */
function continues(shown: readonly string[], full: readonly string[], count: number | undefined): boolean {
  if (full.length <= shown.length) return false;
  if (count !== undefined && full.length > count && shown.length > 0) return false;
  return shown.every((name, i) => familyOf(name) === familyOf(full[i] ?? ''));
}

// Authors and names are replaced as a list (above), not field by field.
const FIELD_ORDER = COMPLETABLE.filter((field) => field !== 'authors' && field !== 'names');

/**
 * Merges findings into `paper`. A finding whose title disagrees with the paper's (titlesAgree) is
 * refused, unless the paper's title is only its identifier. Authors are filled when the paper has
 * none, or replaced when the found list continues the one the page showed (the old list is kept
 * for Undo); every other field only where the paper has none. Ids the paper lacks are added (its
 * key does not change); a preprint's published version is recorded once.
 */
export function mergeFound(paper: SavedPaper, findings: readonly Found[], now: Date): Merged {
  const at = now.toISOString();
  const next: Record<string, unknown> = { ...paper };
  const completion: Completion = {
    fields: { ...paper.completion?.fields },
    ...(paper.completion?.replaced ? { replaced: { ...paper.completion.replaced } } : {}),
  };
  const filled: string[] = [];
  const refused: string[] = [];
  const mark = (field: string, service: string) => {
    completion.fields[field] = { service, at };
    filled.push(field);
  };
  for (const finding of findings) {
    const current = next as SavedPaper;
    const placeholder = PLACEHOLDER_TITLE.test(current.title);
    if (finding.title !== undefined && !placeholder && !titlesAgree(finding.title, current.title)) {
      refused.push(`${finding.service} answered with another paper: “${finding.title}”`);
      continue;
    }
    const fields = finding.fields;
    if (fields.title && placeholder) {
      completion.replaced = { ...completion.replaced, title: current.title };
      next.title = fields.title;
      mark('title', finding.service);
    }
    const authors = fields.authors ?? [];
    if (
      authors.length > 0 &&
      (current.authors.length === 0 || continues(current.authors, authors, current.authorCount))
    ) {
      if (current.authors.length > 0) {
        completion.replaced = { ...completion.replaced, authors: current.authors };
        if (current.names) completion.replaced.names = current.names;
      }
      next.authors = authors;
      if (fields.names) next.names = fields.names;
      else delete next.names;
      mark('authors', finding.service);
    }
    for (const field of FIELD_ORDER) {
      const value = fields[field];
      if (value === undefined || field === 'title') continue;
      const have = current[field];
      if (field === 'venue' && typeof have === 'string' && CUT.test(have) && typeof value === 'string') {
        const shown = foldTitle(have.replace(CUT, ''));
        if (!foldTitle(value).startsWith(shown)) continue;
        completion.replaced = { ...completion.replaced, venue: have };
      } else if (have !== undefined) {
        continue;
      }
      next[field] = value;
      mark(field, finding.service);
    }
    // A venue cut on the page is completed by the container when the service names no venue.
    if (
      typeof current.venue === 'string' &&
      CUT.test(current.venue) &&
      fields.venue === undefined &&
      fields.container
    ) {
      const shown = foldTitle(current.venue.replace(CUT, ''));
      if (foldTitle(fields.container).startsWith(shown)) {
        completion.replaced = { ...completion.replaced, venue: current.venue };
        next.venue = fields.container;
        mark('venue', finding.service);
      }
    }
    const ids: Record<string, unknown> = { ...current.ids };
    for (const [scheme, value] of Object.entries(finding.ids ?? {})) {
      if (value === undefined || ids[scheme] !== undefined || scheme === 'arxivVersion') continue;
      ids[scheme] = value;
      mark(`ids.${scheme}`, finding.service);
    }
    if (Object.keys(ids).length > 0) next.ids = ids;
    if (finding.publication && current.publication === undefined && isPreprint(current)) {
      next.publication = finding.publication;
      mark('publication', finding.service);
    }
  }
  if (filled.length === 0) return { paper, filled, refused };
  next.completion = completion;
  if (!PLACEHOLDER_TITLE.test(String(next.title)) && (next.authors as string[]).length > 0) delete next.incomplete;
  next.updatedAt = at;
  return { paper: next as SavedPaper, filled, refused };
}

/**
 * The record as it was before completion: every field completion filled is removed, what it
 * replaced is put back. With `service`, only that service's fields.
 */
export function undoCompletion(paper: SavedPaper, now: Date, service?: string): SavedPaper {
  const fields = paper.completion?.fields ?? {};
  const undone = Object.entries(fields).filter(([, source]) => service === undefined || source.service === service);
  if (undone.length === 0) return paper;
  const next: Record<string, unknown> = { ...paper };
  const ids: Record<string, unknown> = { ...paper.ids };
  const replaced = paper.completion?.replaced;
  for (const [field] of undone) {
    if (field.startsWith('ids.')) delete ids[field.slice(4)];
    else if (field === 'title') next.title = replaced?.title ?? paper.title;
    else if (field === 'authors') {
      next.authors = replaced?.authors ?? [];
      if (replaced?.names) next.names = replaced.names;
      else delete next.names;
    } else if (field === 'venue' && replaced?.venue) next.venue = replaced.venue;
    else delete next[field];
  }
  if (Object.keys(ids).length > 0) next.ids = ids;
  else delete next.ids;
  const kept = Object.fromEntries(Object.entries(fields).filter(([field]) => !undone.some(([name]) => name === field)));
  if (Object.keys(kept).length > 0) {
    const rest: Completion = { fields: kept };
    const left: NonNullable<Completion['replaced']> = {};
    if (replaced?.title && kept.title) left.title = replaced.title;
    if (replaced?.authors && kept.authors) left.authors = replaced.authors;
    if (replaced?.names && kept.authors) left.names = replaced.names;
    if (replaced?.venue && kept.venue) left.venue = replaced.venue;
    if (Object.keys(left).length > 0) rest.replaced = left;
    next.completion = rest;
  } else delete next.completion;
  if (PLACEHOLDER_TITLE.test(String(next.title))) next.incomplete = true;
  next.updatedAt = now.toISOString();
  return next as SavedPaper;
}
