import { render } from 'preact';

function Options() {
  return <main><h1>ClaimLens settings</h1></main>;
}

render(<Options />, document.getElementById('app')!);
