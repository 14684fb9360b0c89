/**
 * The one IPC entry point: `paragraf:invoke` carries every method of the API contract. The
 * sender is checked first (senderPolicy.ts), then dispatch() validates the method and params
 * against the contract and calls the Core; the reply is always an ApiResult, never a thrown
 * error, so the renderer sees the same bilingual errors as over the harness.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { ApiHandlers, EventName } from '../../src/api/contract';
import type { ApiResult } from '../../src/api/errors';
import { dispatch } from '../../src/api/dispatch';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type EventMessage } from './channels';
import { isTrustedSender } from './senderPolicy';
import { isAppUrl } from './urlPolicy';
import { isAppWebContents, listAppWindows } from './window';

/** The part of the Core the shell needs (main/core/Core.ts). */
export interface CoreLike {
  readonly handlers: ApiHandlers;
  onEvent(listener: (event: EventName, payload: unknown, exceptClientId?: string) => void): () => void;
}

/** One client per window: the Core uses it to leave the sender out of its own update echo. */
export const clientIdOf = (contents: WebContents): string => `window-${contents.id}`;

const forbidden: ApiResult<never> = {
  ok: false,
  error: {
    code: 'FORBIDDEN_SENDER',
    message: {
      sv: 'Anropet kom inte från Paragrafs eget fönster och nekades. Inget har ändrats.',
      en: 'The call did not come from Paragraf’s own window and was refused. Nothing was changed.',
    },
  },
};

function senderIsTrusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  const isMainFrame =
    frame !== null && !frame.isDestroyed() && frame.parent === null && frame.frameTreeNodeId === event.sender.mainFrame.frameTreeNodeId;
  return isTrustedSender({
    frameUrl: frame && !frame.isDestroyed() ? frame.url : null,
    isMainFrame,
    isAppWindow: isAppWebContents(event.sender),
  });
}

/** Registers the handler and the event relay; returns a function that removes both. */
export function registerIpc(core: CoreLike): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, params: unknown): Promise<ApiResult<unknown>> => {
    if (!senderIsTrusted(event)) {
      console.warn(`[paragraf] refused IPC from ${event.senderFrame?.url ?? '(gone frame)'}`);
      return forbidden;
    }
    return dispatch(core.handlers, method, params, { clientId: clientIdOf(event.sender) });
  });

  const stopEvents = core.onEvent((name, payload, exceptClientId) => {
    const message: EventMessage = { event: name, payload };
    for (const win of listAppWindows()) {
      const contents = win.webContents;
      if (contents.isDestroyed() || clientIdOf(contents) === exceptClientId) continue;
      // Only a page still on our origin gets document data.
      if (!isAppUrl(contents.mainFrame.url)) continue;
      contents.send(EVENT_CHANNEL, message);
    }
  });

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    stopEvents();
  };
}
