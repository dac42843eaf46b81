// The content script for pages no site reader knows: embedded metadata and listings. It runs
// where the user asked from the toolbar, or on every site once they granted that (lib/access.ts).
import { listingReaders, metadataReaders } from '../../lib/detect/readers';
import { shelfScript } from './shelf';

// Not in the manifest: lib/access.ts registers it, or injects it into one tab on request.
export default shelfScript([], [...metadataReaders, ...listingReaders]);
