// The content script of pubmed's pages: its reader and the metadata readers, nothing else.
import { pubmed } from '../lib/detect/sources/pubmed';
import { siteScript } from './content/shelf';

export default siteScript(pubmed);
