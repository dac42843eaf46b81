// The content script of scholar's pages: its reader and the metadata readers, nothing else.
import { scholar } from '../lib/detect/sources/scholar';
import { siteScript } from './content/shelf';

export default siteScript(scholar);
