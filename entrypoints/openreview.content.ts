// The content script of openreview's pages: its reader and the metadata readers, nothing else.
import { openreview } from '../lib/detect/sources/openreview';
import { siteScript } from './content/shelf';

export default siteScript(openreview);
