import { render } from 'preact';
import { CodeLookup } from '../../src/ui/CodeLookup';
import { sendToWorker } from '../../src/ui/runtime-client';
import '../../src/ui/ui.css';

function Popup() {
  return (
    <main class="popup">
      <header class="bar">
        <h1>ClaimLens</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </header>
      <CodeLookup send={sendToWorker} today={new Date().toLocaleDateString('en-CA')} />
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
