// The content script of alphaxiv's pages: its reader and the metadata readers, nothing else.
import { alphaxiv } from '../lib/detect/sources/alphaxiv';
import { siteScript } from './content/shelf';

export default siteScript(alphaxiv);
