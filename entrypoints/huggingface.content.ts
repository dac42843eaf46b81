// The content script of huggingface's pages: its reader and the metadata readers, nothing else.
import { huggingface } from '../lib/detect/sources/huggingface';
import { siteScript } from './content/shelf';

export default siteScript(huggingface);
