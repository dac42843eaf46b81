// The readers every page may need, grouped so a content script can carry only the groups it uses:
// metadata a page embeds (strongest first), and the guesses for listings on sites no reader knows.
import { academicpages } from './sources/academicpages';
import { alFolio } from './sources/al-folio';
import { coins } from './sources/coins';
import { dublinCore } from './sources/dublin-core';
import { genericCards } from './sources/generic-cards';
import { genericLinks } from './sources/generic-links';
import { highwire } from './sources/highwire';
import { hugoAcademic } from './sources/hugo-academic';
import { jekyllScholar } from './sources/jekyll-scholar';
import { jsonLd } from './sources/json-ld';
import { plainCitations } from './sources/plain-citations';
import type { Source } from './types';

/** citation_* > Dublin Core/PRISM > JSON-LD > COinS: the order their fields win. */
export const metadataReaders: readonly Source[] = [highwire, dublinCore, jsonLd, coins];

/**
 * Site templates' publication lists (one named reader per template), then links to papers,
 * repeated citation cards and citations that print their DOI as text, for pages no site reader reads.
 */
export const listingReaders: readonly Source[] = [
  alFolio,
  jekyllScholar,
  hugoAcademic,
  academicpages,
  genericLinks,
  genericCards,
  plainCitations,
];
