// Full-text search over the reading list (MiniSearch): title, authors and abstract, prefix and
// slightly fuzzy, so results follow each keystroke.
import MiniSearch from 'minisearch';
import type { SavedPaper } from '../../lib/paper/model';

/** A search index over saved papers, updated record by record. */
export function createSearchIndex(): MiniSearch<SavedPaper> {
  return new MiniSearch<SavedPaper>({
    idField: 'key',
    fields: ['title', 'authors', 'abstract', 'tags', 'note'],
    extractField: (paper, field) => {
      const value = (paper as Record<string, unknown>)[field];
      return Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
    },
    searchOptions: { prefix: true, fuzzy: 0.15, combineWith: 'AND', boost: { title: 3, authors: 2 } },
  });
}
