// huggingface.co/papers: daily/weekly/monthly/trending/search listings and single paper pages.
import type { Source } from '../types';

export const huggingface: Source = {
  id: 'huggingface',
  // The whole site: listings are reached by in-app navigation from any Hugging Face page.
  patterns: ['https://huggingface.co/*'],
  matches: (url) => url.hostname === 'huggingface.co' && /^\/papers(\/|$)/.test(url.pathname),
  detect: () => [],
};
