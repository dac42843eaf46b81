// openreview.net: forum pages /forum?id=<id>, the lists of notes on venue and group pages, search
// results and profiles (/group, /search, /profile, /submissions), and PDF addresses /pdf?id=<id>
// (docs/SITES.md, "openreview.net"; markup of openreview/openreview-web: components/forum/ForumNote.js,
// components/Note.js, NoteTitle.js, NoteAuthors.js, NoteContent.js, lib/utils.js forumDate).
//
// Decisions, the same on every kind of page:
// - `ids.openreview` is the forum id; `url` is https://openreview.net/forum?id=<id>; `pdfUrl`, when
//   the page links the note's PDF, is https://openreview.net/pdf?id=<id> (lists link the same file
//   as /attachment?id=<id>&name=pdf), or the outside address a note gives as its PDF.
// - The page body is read first: OpenReview is a Next.js app whose in-app navigation replaces the
//   body, and the citation_* tags of the forum page are used only when citation_pdf_url names this
//   forum (or, without one, when citation_title is the title shown). Its citation_author is not used
//   while the body lists authors: app/forum/page.js assigns it in a loop, so only the last author
//   survives.
// - `published` is the date the note shows first ("Published: 18 Sept 2025, Last Modified: …" → the
//   publication date; otherwise the creation date), the same on forum and list pages; without a
//   body, citation_online_date.
// - `venue` is the venue line the note shows ("ICLR 2024 oral", "Submitted to ICLR 2025").
// - `keywords` are the note's Keywords field, split at commas; the TL;DR is not the abstract.
// - The abstract is citation_abstract (OpenReview writes the raw text there, TeX included; the body
//   shows it rendered by Markdown and MathJax), else the body's Abstract field.
// - A link the note gives as its website ("html") that is an arXiv or DOI address adds that id.
// - Anonymous submissions are signed by a group ("ICLR 2025 Conference Submission12 Authors"),
//   not by people: no authors.
import { cleanText, httpUrl, type PaperDraft, toPaper } from '../../paper/build';
import { toIsoDate } from '../../paper/dates';
import { normalizeDoi, parseArxivId } from '../../paper/ids';
import { allIn, meta, metaAll, textExcept, textOf } from '../dom';
import type { Detection, Source } from '../types';

const SITE = 'https://openreview.net';
const NOTE_ID = /^[A-Za-z0-9_-]{4,}$/;
// The pages that show notes; the home page, venue directory and account pages do not.
const NOTE_PAGES = /^\/(?:forum|pdf|group|search|profile|submissions)\/?$/;
// Rendered maths: MathJax 2 keeps the TeX in a <script type="math/tex"> beside its output.
const MATHJAX_OUTPUT = '.MathJax, .MathJax_Preview, .MathJax_SVG, mjx-container';
// Labels and icons inside an author list that are not names.
const NOT_A_NAME = /^(?:anonymous(?: authors?)?|.*\bsubmission\s*\d+\b.*\bauthors?|.*\bauthors)$/i;

function noteId(value: string | null | undefined): string | null {
  const id = value?.trim();
  return id && NOTE_ID.test(id) ? id : null;
}

/** The id of the forum a link on the site points to, or null for a reply (`noteId` of another note). */
function forumOfLink(link: Element | null, base: URL): string | null {
  const href = httpUrl(link?.getAttribute('href'), base);
  if (!href) return null;
  const target = new URL(href);
  if (target.hostname !== 'openreview.net' || target.pathname !== '/forum') return null;
  const id = noteId(target.searchParams.get('id'));
  const reply = target.searchParams.get('noteId');
  return id && (!reply || reply === id) ? id : null;
}

/** The value elements of a note's content fields ("Keywords:", "Abstract:", …), by label. */
function fieldsOf(content: Element | null | undefined): Map<string, Element> {
  const fields = new Map<string, Element>();
  for (const name of content?.querySelectorAll('strong.note-content-field') ?? []) {
    const label = textOf(name)?.replace(/\s*:$/, '').toLowerCase();
    const value = name.parentElement?.querySelector('.note-content-value');
    if (label && value && !fields.has(label)) fields.set(label, value);
  }
  return fields;
}

/** "Parameter Efficient Fine-tuning (PEFT), LoRA, LLMs" → one keyword each; commas in brackets stay. */
function splitKeywords(text: string | undefined): string[] {
  const keywords: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text ?? '') {
    if (char === '(' || char === '[') depth += 1;
    if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    if ((char === ',' || char === ';') && depth === 0) {
      keywords.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  keywords.push(current);
  return keywords.map((keyword) => keyword.trim()).filter((keyword) => keyword.length > 0);
}

interface Authors {
  names: string[];
  /** Listed plus hidden, when the list ends in "et al. (N additional authors not shown)". */
  count?: number;
}

/**
 * The names in an author list (NoteAuthors.js): links to profiles or DBLP, plain spans, or spans
 * holding a link and institution numbers; past 20 names the rest hide behind an "et al." toggle.
 */
function authorsIn(container: Element | null | undefined): Authors {
  if (!container) return { names: [] };
  // ExpandableList wraps the names, their commas and its toggle in one <span>.
  const first = container.firstElementChild;
  const list =
    container.children.length === 1 && first?.tagName === 'SPAN' && first.children.length > 0 ? first : container;
  const names: string[] = [];
  let hidden: number | undefined;
  for (const item of list.children) {
    if (item.matches('a.show-all')) {
      const more = /(\d+)\s+additional authors? not shown/i.exec(textOf(item) ?? '');
      if (more) hidden = Number(more[1]);
      continue;
    }
    if (!(item.tagName === 'A' || item.tagName === 'SPAN') || item.matches('.glyphicon, [class*="private"]')) continue;
    const name = textExcept(item, 'sup, .glyphicon');
    if (name && !NOT_A_NAME.test(name)) names.push(name);
  }
  return { names, count: hidden === undefined ? undefined : names.length + hidden };
}

/** The first date a note shows: "Published: 18 Sept 2025, Last Modified: …" or "27 Sept 2024 (modified: …)". */
function shownDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const published = /Published:\s*([^,]+)/.exec(text)?.[1];
  return toIsoDate(published ?? text.replace(/\s*\(.*$/, '').replace(/,.*$/, ''));
}

/** The note's PDF: OpenReview's own file as /pdf?id=<id>, or the outside address the note gives. */
function pdfOf(link: Element | null | undefined, id: string, base: URL): string | undefined {
  const href = httpUrl(link?.getAttribute('href'), base);
  if (!href) return undefined;
  return new URL(href).hostname === 'openreview.net' ? `${SITE}/pdf?id=${id}` : href;
}

/** arXiv and DOI ids from the website link a note gives (notes imported from DBLP point at them). */
function idsFromWebsite(link: Element | null | undefined, base: URL): PaperDraft['ids'] {
  const href = httpUrl(link?.getAttribute('href'), base);
  if (!href) return {};
  const doi = /^https?:\/\/(?:dx\.)?doi\.org\//i.test(href) ? normalizeDoi(href) : null;
  return { arxiv: parseArxivId(href)?.id, doi };
}

function baseDraft(id: string, url: URL): PaperDraft {
  return { ids: { openreview: id }, url: `${SITE}/forum?id=${id}`, source: 'openreview', pageUrl: url.href };
}

/** `/forum?id=<id>`: the forum note at the top of the page (ForumNote.js); replies are not papers. */
function detectForum(doc: Document, url: URL, id: string): Detection[] {
  const note = doc.querySelector('.forum-note');
  const titleElement = note?.querySelector('.forum-title h2') ?? null;
  const shownTitle = textExcept(titleElement, MATHJAX_OUTPUT);
  // After in-app navigation the head may still describe the forum the tab opened first.
  const metaTitle = meta(doc, 'citation_title');
  const metaPdf = meta(doc, 'citation_pdf_url');
  const metaPdfId = metaPdf ? noteId(new URL(httpUrl(metaPdf, url) ?? SITE).searchParams.get('id')) : null;
  const trusted = metaPdf ? metaPdfId === id : !shownTitle || !metaTitle || cleanText(metaTitle) === shownTitle;
  const fields = fieldsOf(note?.querySelector('.note-content'));
  const authors = authorsIn(note?.querySelector('.forum-authors h3'));
  const metaItems = [...(note?.querySelectorAll('.forum-meta .item') ?? [])];
  const venue = metaItems.find((item) => item.querySelector('.glyphicon-folder-open'));
  // The readers item's tooltip (moved to data-original-title once Bootstrap's tooltip ran) ends
  // "since <date>", the day the note became public.
  const readers = metaItems.find((item) => item.matches('.readers'));
  const since = /since\s+(\d{1,2} \w+ \d{4})/.exec(
    `${readers?.getAttribute('data-original-title') ?? ''} ${readers?.getAttribute('title') ?? ''}`,
  )?.[1];
  const website = note?.querySelector('.forum-title a[title="Open Website"]');
  const paper = toPaper({
    ...baseDraft(id, url),
    title: shownTitle ?? (trusted ? metaTitle : undefined),
    authors: note ? authors.names : trusted ? metaAll(doc, 'citation_author') : [],
    authorCount: authors.count,
    abstract:
      (trusted ? meta(doc, 'citation_abstract') : undefined) ?? textExcept(fields.get('abstract'), MATHJAX_OUTPUT),
    published:
      shownDate(textOf(note?.querySelector('.forum-meta .date'))) ??
      toIsoDate(since ?? '') ??
      (trusted ? toIsoDate(meta(doc, 'citation_online_date') ?? '') : undefined),
    venue:
      textOf(venue) ??
      (trusted ? (meta(doc, 'citation_conference_title') ?? meta(doc, 'citation_journal_title')) : undefined),
    keywords: splitKeywords(textOf(fields.get('keywords'))),
    ids: { openreview: id, ...idsFromWebsite(website, url) },
    pdfUrl:
      pdfOf(note?.querySelector('.forum-title a.citation_pdf_url, .forum-title a[title="Download PDF"]'), id, url) ??
      (trusted && metaPdf ? `${SITE}/pdf?id=${id}` : undefined),
  });
  return paper ? [{ paper, anchor: titleElement ?? doc.body ?? doc.documentElement }] : [];
}

/** Venue, group, search and profile pages: one `div.note` per paper (Note.js), titled by a link to its forum. */
function detectList(doc: Document, url: URL): Detection[] {
  const found: Detection[] = [];
  for (const note of doc.querySelectorAll('div.note')) {
    // A forum page's replies are notes too; the forum note itself is read by detectForum.
    if (note.closest('#forum-replies, .forum-note')) continue;
    const heading = [...note.children].find((child) => child.tagName === 'H4') ?? null;
    const link = heading?.querySelector('a[href*="forum?id="]') ?? null;
    const id = forumOfLink(link, url);
    if (!heading || !id) continue;
    const authors = authorsIn(note.querySelector('.note-authors'));
    const [date, venue] = allIn(note, 'ul.note-meta-info', ':scope > li').map(textOf);
    const fields = fieldsOf(note.querySelector('.note-content'));
    const paper = toPaper({
      ...baseDraft(id, url),
      title: textExcept(link, MATHJAX_OUTPUT),
      authors: authors.names,
      authorCount: authors.count,
      abstract: textExcept(fields.get('abstract'), MATHJAX_OUTPUT),
      published: shownDate(date),
      venue,
      keywords: splitKeywords(textOf(fields.get('keywords'))),
      ids: { openreview: id, ...idsFromWebsite(heading.querySelector('a.html-link'), url) },
      pdfUrl: pdfOf(heading.querySelector('a.pdf-link'), id, url),
    });
    if (paper) found.push({ paper, anchor: heading });
  }
  return found;
}

/** `/pdf?id=<id>`: the browser's PDF viewer, nothing to read but the address. */
function detectPdf(doc: Document, url: URL, id: string): Detection[] {
  const paper = toPaper({
    ...baseDraft(id, url),
    // The model needs a title and the viewer shows none: the id stands in, "OpenReview:<id>" as
    // arXiv's "arXiv:<id>" and as lib/detect/address.ts names such a tab, until the paper is seen
    // on a page that names it.
    title: `OpenReview:${id}`,
    pdfUrl: `${SITE}/pdf?id=${id}`,
  });
  return paper ? [{ paper, anchor: doc.body ?? doc.documentElement }] : [];
}

/** OpenReview: forum pages, lists of notes (venues, groups, search, profiles) and PDF addresses. */
export const openreview: Source = {
  id: 'openreview',
  kind: 'site',
  patterns: ['https://openreview.net/*'],
  matches: (url) => url.hostname === 'openreview.net' && NOTE_PAGES.test(url.pathname),
  detect(doc, url) {
    const page = url.pathname.replace(/\/$/, '');
    const id = noteId(url.searchParams.get('id'));
    if (page === '/pdf') return id ? detectPdf(doc, url, id) : [];
    if (page === '/forum') return id ? detectForum(doc, url, id) : [];
    return detectList(doc, url);
  },
};
