import { render } from 'preact';
import '../../components/tokens.css';
import '../../components/base.css';
import './sidepanel.css';
import { savePapers, updatePaper } from '../../lib/library/library';
import { App } from './App';

// The test build lets the browser tests fill the library and change a paper "from elsewhere"
// (docs/CONTRACT.md, test hooks); the production build has no such global.
if (import.meta.env.MODE === 'test') Object.assign(globalThis, { papershelfLibrary: { savePapers, updatePaper } });

render(<App />, document.getElementById('app') as HTMLElement);
