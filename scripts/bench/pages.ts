// Big pages for `npm run bench`, generated at run time from real saved pages: a real fixture's
// entries repeated with fresh ids, so every copy is a distinct paper with real markup and text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../tests/e2e/paths';

export const ARXIV_LISTING_URL = 'https://arxiv.org/list/cond-mat.mtrl-sci/new';
export const HF_DAILY_URL = 'https://huggingface.co/papers';
export const NO_PAPERS_URL = 'https://news.bench.papershelf.invalid/';

/** The n-th fresh arXiv id: valid (yymm.nnnnn), distinct for n below 1,199,988. */
export function freshArxivId(n: number): string {
  const month = Math.floor(n / 99_999);
  return `${2001 + Math.floor(month / 12) * 100 + (month % 12)}.${String((n % 99_999) + 1).padStart(5, '0')}`;
}

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name, 'page.html'), 'utf8');
}

/** The page cut around its run of entries: before the first, each entry, after the last. */
function entries(html: string, first: string, end: string): [string, string[], string] {
  const start = html.indexOf(first);
  const stop = html.lastIndexOf(end) + end.length;
  if (start < 0 || stop < start) throw new Error(`bench: no ${first} entries in the page`);
  const blocks = html.slice(start, stop).split(new RegExp(`(?=${first})`));
  return [html.slice(0, start), blocks, html.slice(stop)];
}

/** arXiv's /new listing (tests/fixtures/arxiv/listing-new) cut around its entries, with or without
 * their abstracts (arXiv's month listings have none), and each entry's arXiv id. */
function arxivEntries(abstracts: boolean): { head: string; blocks: string[]; ids: string[]; tail: string } {
  const [head, all, tail] = entries(fixture('arxiv/listing-new'), '<dt>', '</dd>');
  const blocks = abstracts ? all : all.map((entry) => entry.replace(/<p class='mathjax'>[\s\S]*?<\/p>/, ''));
  const ids = blocks.map((entry) => /\/abs\/(\d{4}\.\d{4,5})/.exec(entry)?.[1] ?? '');
  return { head, blocks, ids, tail };
}

const ENTRY_NUMBER = /name='item\d+'>\[\d+\]/;

/** The listing with `count` entries, abstracts included. */
export function arxivListing(count: number): string {
  const { head, blocks, ids, tail } = arxivEntries(true);
  const out: string[] = [head.replace(/showing \d+ of \d+ entries/, `showing ${count} of ${count} entries`)];
  for (let i = 0; i < count; i++) {
    const k = i % blocks.length;
    out.push(
      (blocks[k] as string)
        .replaceAll(ids[k] as string, freshArxivId(i))
        .replace(ENTRY_NUMBER, `name='item${i + 1}'>[${i + 1}]`),
    );
  }
  out.push(tail);
  return out.join('');
}

/**
 * The same listing without abstracts, built by the page's own script while the page is parsed (in
 * parts of 2,000 entries parsed with DOMParser, before DOMContentLoaded): a page of 100,000 entries (190 MB even without
 * abstracts) is more than the DevTools protocol can hand the browser, which closed the tab trying.
 */
export function arxivListingBuiltInPage(count: number): string {
  const { head, blocks, ids, tail } = arxivEntries(false);
  const script = `<script>(() => {
    const blocks = ${JSON.stringify(blocks)};
    const ids = ${JSON.stringify(ids)};
    const fresh = ${freshArxivId.toString()};
    const number = ${ENTRY_NUMBER.toString()};
    const list = document.currentScript.previousElementSibling;
    for (let start = 0; start < ${count}; start += 2000) {
      const parts = [];
      for (let i = start; i < Math.min(${count}, start + 2000); i++) {
        const k = i % blocks.length;
        parts.push(blocks[k].replaceAll(ids[k], fresh(i)).replace(number, "name='item" + (i + 1) + "'>[" + (i + 1) + ']'));
      }
      const parsed = new DOMParser().parseFromString('<dl>' + parts.join('') + '</dl>', 'text/html');
      list.append(...parsed.body.firstElementChild.childNodes);
    }
  })();</script>`;
  return `${head.replace(/showing \d+ of \d+ entries/, `showing ${count} of ${count} entries`)}</dl>${script}<dl hidden>${tail}`;
}

/** Hugging Face's daily papers (tests/fixtures/huggingface/daily-listing) with `count` cards: the
 * cards after the sixth carry fresh ids and are read from their markup (the hydration JSON keeps
 * the page's own six). */
export function huggingFaceDaily(count: number): string {
  const html = fixture('huggingface/daily-listing');
  const [head, cards, tail] = entries(html, '<article', '</article>');
  const ids = cards.map((card) => /\/papers\/(\d{4}\.\d{4,5})/.exec(card)?.[1] ?? '');
  const out: string[] = [head];
  for (let i = 0; i < count; i++) {
    const k = i % cards.length;
    const card = cards[k] as string;
    out.push(i < cards.length ? card : card.replaceAll(ids[k] as string, freshArxivId(i)));
  }
  out.push(tail);
  return out.join('');
}

/** A news page of about `elements` elements and no papers, whose stories are heading links: the
 * shape the generic link readers look at, which the gate must reject. Headlines are the real
 * titles of the arXiv fixture turned into news (no paper signal: no DOI, arXiv or PDF link). */
export function noPapersPage(elements: number): string {
  const titles = [...fixture('arxiv/listing-new').matchAll(/Title:<\/span>\s*([^<]+?)\s*<\/div>/g)].map((m) => m[1]);
  const stories: string[] = [];
  // Each story is five elements: article, h2, a, p, time.
  for (let i = 0; i * 5 < elements; i++) {
    const title = titles[i % titles.length] ?? 'Story';
    stories.push(
      `<article><h2><a href="/story/${i}">${title}</a></h2><p>Reported by the desk, part ${i}.</p><time>2026-12-0${1 + (i % 3)}</time></article>`,
    );
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>News</title></head><body><main>${stories.join('\n')}</main></body></html>`;
}
