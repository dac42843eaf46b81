import type { Paper } from '../paper/model';

/** One paper found on a page, with the element its save control goes beside (its title). */
export interface Detection {
  paper: Paper;
  anchor: Element | null;
}

/**
 * A reader of one site (or one kind of embedded metadata). `matches` is the cheap address gate;
 * `detect` reads the page and never throws, mutates the page, fetches or touches `browser.*`.
 */
export interface Source {
  /** Equals the file name under lib/detect/sources/ and the fixture folder name. */
  id: string;
  /** Manifest match patterns of the pages where the content script runs for this source. */
  patterns: readonly string[];
  matches(url: URL): boolean;
  detect(doc: Document, url: URL): Detection[];
}
