/**
 * Ctrl+K: the small dialog that asks for a link's address (and, when nothing is selected, the
 * words to show). A native modal <dialog>: focus moves into it, the page behind is inert, Esc
 * closes it; the caller puts the cursor back where it was. An address that cannot be made
 * safe (anything but http:, https: or an e-mail address) is refused with a message, in the
 * dialog, and nothing changes in the text.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { linkUrlFromInput } from '../../src/protocol/schema';
import { useRichStrings } from '../i18n/richBlocks';

export interface LinkDialogProps {
  /** The address of the link at the cursor, when there is one (editing it). */
  current: string | null;
  /** Ask for the words to show (nothing is selected and the cursor is not in a link). */
  askText: boolean;
  onSave(url: string, text: string): void;
  onRemove(): void;
  onClose(): void;
}

export function LinkDialog({ current, askText, onSave, onRemove, onClose }: LinkDialogProps) {
  const s = useRichStrings();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [address, setAddress] = useState(current ?? '');
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = linkUrlFromInput(address);
    if (!url) {
      setInvalid(true);
      return;
    }
    onSave(url, text);
  };

  return (
    <dialog ref={dialog} className="dialog link-dialog" aria-labelledby={`${id}-title`} data-testid="link-dialog" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{s.linkTitle}</h2>
        <label htmlFor={`${id}-url`}>{s.linkAddress}</label>
        <input
          id={`${id}-url`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={address}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          data-testid="link-url"
          onChange={(e) => {
            setAddress(e.target.value);
            setInvalid(false);
          }}
          autoFocus
        />
        {askText ? (
          <>
            <label htmlFor={`${id}-text`}>{s.linkText}</label>
            <input id={`${id}-text`} type="text" value={text} data-testid="link-text" onChange={(e) => setText(e.target.value)} />
          </>
        ) : null}
        {invalid ? (
          <p id={`${id}-error`} role="alert" className="error" data-testid="link-error">
            {s.linkInvalid}
          </p>
        ) : null}
        <div className="dialog-buttons">
          <button type="submit" data-testid="link-save">
            {s.linkSave}
          </button>
          {current !== null ? (
            <button type="button" className="secondary" data-testid="link-remove" onClick={onRemove}>
              {s.linkRemove}
            </button>
          ) : null}
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {s.linkCancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
