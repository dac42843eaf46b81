import { describe, expect, it } from 'vitest';
import type { Paper } from '../paper/model';
import { escapeMarkdown, toMarkdown, toMarkdownFull } from './markdown';
import { ATTENTION } from './test-data';

const base: Paper = { key: 'url:https://example.org/p', title: 'T', authors: [], source: 'test' };

describe('toMarkdown', () => {
  it('writes "- [Title](link) — Authors (year), venue", three authors then et al.', () => {
    expect(toMarkdown([ATTENTION, { ...ATTENTION, authorCount: undefined, venue: 'NeurIPS' }])).toBe(
      '- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) — Ashish Vaswani, Noam Shazeer, Niki Parmar et al. (2017)\n' +
        '- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) — Ashish Vaswani, Noam Shazeer, Niki Parmar (2017), NeurIPS\n',
    );
  });

  it('links the arXiv page or doi.org when there is no landing page, and leaves a bare title otherwise', () => {
    expect(toMarkdown([{ ...base, ids: { arxiv: 'hep-th/9711200' } }])).toBe(
      '- [T](https://arxiv.org/abs/hep-th/9711200)\n',
    );
    expect(toMarkdown([{ ...base, ids: { doi: '10.1002/(sici)1<1>2' } }])).toBe(
      '- [T](https://doi.org/10.1002/%28sici%291%3C1%3E2)\n',
    );
    expect(toMarkdown([{ ...base, published: '2020-01' }])).toBe('- T — (2020)\n');
    expect(toMarkdown([{ ...base, url: 'https://example.org/a b(c)' }])).toBe(
      '- [T](https://example.org/a%20b%28c%29)\n',
    );
  });

  it('escapes what Markdown would read as markup, so titles show as written', () => {
    expect(escapeMarkdown('*Bold* _it_ `code` [link](x) <b> a|b ~s~ $x$ &amp; \\')).toBe(
      '\\*Bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\> a\\|b \\~s\\~ \\$x\\$ \\&amp; \\\\',
    );
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('R&D at 50% - fine')).toBe('R&D at 50% - fine');
  });
});

describe('toMarkdownFull', () => {
  it('writes a heading, every author, the ids and the abstract as a quote', () => {
    const paper: Paper = {
      ...ATTENTION,
      authors: ['A One', 'B Two', 'C Three', 'D Four'],
      ids: { arxiv: '1706.03762', doi: '10.1/x' },
      abstract: '1. We propose *a* model.',
    };
    expect(toMarkdownFull([paper, base])).toBe(
      '## [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n\n' +
        'A One, B Two, C Three, D Four et al. (2017)  \narXiv:1706.03762 · doi:10.1/x\n\n' +
        '> 1\\. We propose \\*a\\* model.\n\n' +
        '## T\n',
    );
  });
});
