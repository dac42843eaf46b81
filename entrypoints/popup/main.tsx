import { render } from 'preact';

render(<p>papershelf</p>, document.getElementById('app') as HTMLElement);
