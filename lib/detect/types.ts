import type { Paper } from '../paper/model';

/** One paper found on a page, with the element its save control goes beside (its title). */
export interface Detection {
  paper: Paper;
  anchor: Element | null;
  /**
   * The site's own row of actions for this entry (arXiv's `[pdf, html, other]`, a Hugging Face
   * card's action row, Scholar's link row): the control goes at its end, among them, rather than
   * beside the title, where it could add a line. Absent where the site has none.
   */
  actions?: Element;
}

/**
 * What a reader knows: one site (`site`), metadata any page may embed (`metadata`: citation_*,
 * Dublin Core, JSON-LD, COinS), or the shape of a list of papers on a page no source knows
 * (`listing`: links to papers, repeated cards). Listing readers run only where no site source
 * reads the address, so a known site never gets guessed controls.
 */
export type SourceKind = 'site' | 'metadata' | 'listing';

/**
 * A reader. `matches` is the cheap address gate; `detect` reads the page and never mutates it,
 * fetches or touches `browser.*`. A reader of long listings also offers `read`, the same papers as
 * a generator (one entry read per step), so a large page can be read in slices (`detectionSteps`
 * in engine.ts); its `detect` is then `[...read(doc, url)]`.
 */
export interface Source {
  /** Equals the file name under lib/detect/sources/ and the fixture folder name. */
  id: string;
  kind: SourceKind;
  /** Manifest match patterns where the content script runs for this site (none for generic readers). */
  patterns: readonly string[];
  matches(url: URL): boolean;
  detect(doc: Document, url: URL): Detection[];
  read?(doc: Document, url: URL): Iterable<Detection>;
}
