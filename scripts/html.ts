// Parses a saved page into a Document under Node (happy-dom), without running its scripts, for
// the `extract` command and the fixture tests: the same detection code then runs as in the browser.
import { Window } from 'happy-dom';

/** Parses HTML into a Document whose address is `url`; scripts and styles are never loaded. */
export function parseHtml(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  return doc as unknown as Document;
}
