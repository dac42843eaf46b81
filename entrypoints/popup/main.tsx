import { render } from 'preact';
import '../../components/tokens.css';
import '../../components/base.css';
import './popup.css';
import { App } from './App';

render(<App />, document.getElementById('app') as HTMLElement);
