import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptPatterns, detectPapers } from '../../lib/detect/index';

export default defineContentScript({
  matches: contentScriptPatterns,
  main() {
    detectPapers(document, new URL(location.href));
  },
});
