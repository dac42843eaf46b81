// The content script of arxiv's pages: its reader and the metadata readers, nothing else.
import { arxiv } from '../lib/detect/sources/arxiv';
import { siteScript } from './content/shelf';

export default siteScript(arxiv);
