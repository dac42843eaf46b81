// The content script of semantic-scholar's pages: its reader and the metadata readers, nothing else.
import { semanticScholar } from '../lib/detect/sources/semantic-scholar';
import { siteScript } from './content/shelf';

export default siteScript(semanticScholar);
