/**
 * Bringing a § (or one decision) into view once its meeting has opened: the meeting screen
 * renders the editor asynchronously (the replica loads first), so this waits for the element
 * to appear, scrolls it to the middle and marks it for a moment. Found by the data attributes
 * the editor's elements carry (`data-item-id`, `data-block-id`); nothing in the editor changes.
 */
const MARK_ATTR = 'data-revealed';

export function revealInMeeting(target: { itemId: string; blockId?: string | null }, timeoutMs = 10_000): void {
  const started = performance.now();
  const find = (): HTMLElement | null => {
    const esc = (s: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/"/gu, '\\"'));
    // A text decision's id may carry "_n" (the n-th in its paragraph): the paragraph is the block.
    const block = target.blockId ? document.querySelector<HTMLElement>(`[data-block-id="${esc(target.blockId.replace(/_\d+$/u, ''))}"]`) : null;
    // The § in the editor (a section); the agenda outline beside it carries the same id.
    return block ?? document.querySelector<HTMLElement>(`section[data-item-id="${esc(target.itemId)}"]`);
  };
  // The editor may render the meeting more than once while its replica loads (a re-sync
  // rebuilds the DOM), so the mark is kept on whatever element is current, each frame, until
  // the person types or clicks, or the time is up.
  let scrolled = false;
  let done = false;
  const stop = () => {
    done = true;
    document.querySelectorAll(`[${MARK_ATTR}]`).forEach((e) => e.removeAttribute(MARK_ATTR));
    window.removeEventListener('keydown', stop, true);
    window.removeEventListener('pointerdown', stop, true);
  };
  window.addEventListener('keydown', stop, true);
  window.addEventListener('pointerdown', stop, true);
  const step = () => {
    if (done) return;
    const el = find();
    if (el && !el.hasAttribute(MARK_ATTR)) {
      // A data attribute, not a class: React owns className and would drop an added class.
      el.setAttribute(MARK_ATTR, 'true');
      if (!scrolled) el.scrollIntoView({ block: 'center' });
      scrolled = true;
    }
    if (performance.now() - started < timeoutMs) requestAnimationFrame(step);
    else if (!scrolled) stop();
  };
  requestAnimationFrame(step);
}
