import { render } from 'preact';
import { OptionsPage } from '../../src/ui/OptionsPage';
import { sendToWorker } from '../../src/ui/runtime-client';
import '../../src/ui/ui.css';

const permissions = {
  request: (pattern: string) => browser.permissions.request({ origins: [pattern] }),
  remove: (pattern: string) => browser.permissions.remove({ origins: [pattern] }),
};

render(<OptionsPage send={sendToWorker} permissions={permissions} />, document.getElementById('app')!);
