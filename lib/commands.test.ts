import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAPER_LINK_PATTERNS, paperOfLink, paperOfPage } from './commands';
import { paperLinkOf } from './detect/links';
import { toPaper } from './paper/build';

const FIXTURES = join(import.meta.dirname, '../tests/fixtures');

// A browser match pattern (`*://*.host/path*`) as a RegExp over a whole address, as Chrome reads
// `targetUrlPatterns`: the path part covers the query too.
function matcher(pattern: string): RegExp {
  const [, scheme, host, path] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern) ?? [];
  const any = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  const hostPart =
    host === '*' ? '[^/]+' : host?.startsWith('*.') ? `(?:[^/]+\\.)?${any(host.slice(2))}` : any(host ?? '');
  return new RegExp(`^${scheme === '*' ? 'https?' : scheme}://${hostPart}(?::\\d+)?${any(path ?? '')}$`);
}
const patterns = PAPER_LINK_PATTERNS.map(matcher);
// The browser matches the canonical address: host in lower case, an empty path as "/"
// (`http://arXiv.org/abs/…`, `https://pod-iopscience.org?doi=…` on saved IOP pages).
const offered = (link: string) => patterns.some((pattern) => pattern.test(new URL(link).href.replace(/#.*$/, '')));

// Every address linked from the saved pages (tests/fixtures/*/*/page.html: real and hand-made
// pages of every reader).
const links = [
  ...new Set(
    readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('page.html'))
      .flatMap((file) =>
        [...readFileSync(join(FIXTURES, file), 'utf8').matchAll(/href="(https?:\/\/[^"]+)"/g)].map((match) =>
          (match[1] ?? '').replaceAll('&amp;', '&'),
        ),
      ),
  ),
];

describe('the link context menu', () => {
  it('is offered on every link of the saved pages that names a paper', () => {
    const papers = links.filter((link) => paperLinkOf(link));
    expect(papers.length).toBeGreaterThan(100);
    expect(papers.filter((link) => !offered(link))).toEqual([]);
  });

  it('is not offered on links to people, code, listings, search engines or news', () => {
    for (const link of [
      'https://arxiv.org/a/dao_t_1',
      'https://arxiv.org/list/cs.LG/new',
      'https://github.com/state-spaces/mamba',
      'https://scholar.google.com/citations?user=AbCdEfGhIjK',
      'https://blog.vllm.ai/2023/06/20/vllm.html',
      'https://huggingface.co/datasets/squad',
      'https://news.ycombinator.com/submitlink?u=https%3A%2F%2Fblog.example.com%2F',
    ]) {
      expect(offered(link), link).toBe(false);
    }
  });

  it('saves the paper as the page shows it when the page lists the link', () => {
    const listed = toPaper({
      source: 'generic-links',
      title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness',
      authors: ['Tri Dao'],
      ids: { arxiv: '2205.14135' },
      url: 'https://arxiv.org/abs/2205.14135',
    });
    if (!listed) throw new Error('toPaper refused the listed paper');
    expect(paperOfLink('https://arxiv.org/pdf/2205.14135', [listed])?.title).toBe(listed.title);
    expect(paperOfLink('https://doi.org/10.48550/arXiv.2205.14135', [listed])?.key).toBe('arxiv:2205.14135');
  });

  it('saves the paper the address names when the page does not list it, and nothing for other links', () => {
    const paper = paperOfLink('https://openreview.net/forum?id=q7m0FcHqNe', []);
    expect(paper?.key).toBe('openreview:q7m0FcHqNe');
    expect(paper?.url).toBe('https://openreview.net/forum?id=q7m0FcHqNe');
    expect(paperOfLink('https://github.com/state-spaces/mamba', [])).toBeUndefined();
  });
});

describe('the paper of a tab', () => {
  const arxiv = JSON.parse(readFileSync(join(FIXTURES, 'arxiv/abs-page/expected.json'), 'utf8')).papers;
  const listing = JSON.parse(readFileSync(join(FIXTURES, 'huggingface/daily-listing/expected.json'), 'utf8')).papers;

  it("is the article page's own paper", () => {
    const [first] = arxiv;
    expect(paperOfPage(`https://arxiv.org/abs/${first.ids.arxiv}`, arxiv)).toEqual(first);
  });

  it('is the one a listing address names, and none for a listing itself', () => {
    expect(listing.length).toBeGreaterThan(1);
    expect(paperOfPage('https://huggingface.co/papers/date/2026-01-01', listing)).toBeUndefined();
    const [, second] = listing;
    expect(paperOfPage(`https://huggingface.co/papers/${second.ids.arxiv}`, listing)).toEqual(second);
  });

  it("is a PDF tab's paper, named by its address", () => {
    expect(paperOfPage('https://arxiv.org/pdf/2312.00752v2', [])?.key).toBe('arxiv:2312.00752');
    expect(paperOfPage('https://example.com/about', [])).toBeUndefined();
  });
});
