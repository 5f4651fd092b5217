import { createClient } from '../messaging/client';

/** The typed client bound to this extension's runtime messaging (popup, options page). */
export const sendToWorker = createClient((message) => browser.runtime.sendMessage(message));
