// arxiv.org: /list/ listings, search results, /abs/ pages, and /html/ and /pdf/ addresses.
import type { Source } from '../types';

export const arxiv: Source = {
  id: 'arxiv',
  patterns: ['https://arxiv.org/*', 'https://www.arxiv.org/*'],
  matches: (url) => url.hostname === 'arxiv.org' || url.hostname === 'www.arxiv.org',
  detect: () => [],
};
