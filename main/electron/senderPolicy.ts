/**
 * Who may call the Core over IPC. Pure (no `electron` import) so the rule is unit-tested in
 * plain Node against hostile senders (tests/unit/electron/senderPolicy.test.ts); ipc.ts only
 * collects the facts from the IPC event and asks this function.
 *
 * The rule: the message comes from the main frame (never a subframe, which could be any
 * origin if one ever slipped in), of a window this process created for the app, whose frame
 * is currently on our app origin. Everything else, including a frame that is already gone,
 * is refused: failing closed costs a retry, failing open hands the minutes to a stranger.
 */
import { isSameOrigin, APP_ORIGIN } from './urlPolicy';

export interface SenderFacts {
  /** URL of the frame that sent the message; null when the frame was destroyed or navigated away. */
  frameUrl: string | null | undefined;
  /** The sending frame is the top-level frame of its WebContents. */
  isMainFrame: boolean;
  /** The WebContents belongs to a window the app created (see window.ts). */
  isAppWindow: boolean;
}

export function isTrustedSender(sender: SenderFacts, appOrigin: string = APP_ORIGIN): boolean {
  if (!sender.isAppWindow || !sender.isMainFrame) return false;
  if (typeof sender.frameUrl !== 'string' || sender.frameUrl === '') return false;
  return isSameOrigin(sender.frameUrl, appOrigin);
}
