// The content script of biorxiv's pages: its reader and the metadata readers, nothing else.
import { biorxiv } from '../lib/detect/sources/biorxiv';
import { siteScript } from './content/shelf';

export default siteScript(biorxiv);
