// The content script of acl's pages: its reader and the metadata readers, nothing else.
import { acl } from '../lib/detect/sources/acl';
import { siteScript } from './content/shelf';

export default siteScript(acl);
