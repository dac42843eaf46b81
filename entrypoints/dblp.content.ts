// The content script of dblp's pages: its reader and the metadata readers, nothing else.
import { dblp } from '../lib/detect/sources/dblp';
import { siteScript } from './content/shelf';

export default siteScript(dblp);
