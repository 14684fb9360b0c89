/**
 * The read-back view: the decision of the item the cursor is in, in large type, for sharing on
 * the Teams screen so the meeting can confirm the wording before moving on. It follows the text
 * live (the secretary may correct a word while it is shown) and the cursor's item; Esc or the
 * button closes it and the cursor is back where it was.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Editor, Element, Node } from 'slate';
import { useSlateSelector } from 'slate-react';
import { AppEditor } from './AppEditor';

interface Shown {
  itemId: string | null;
  title: string;
  attSatser: string[];
}

/** The current item's title and att-satser (also those under its sub-items), as one string so re-renders happen only when they change. */
function readCurrent(editor: Editor): string {
  const item = AppEditor.currentItem(editor);
  if (!item) return JSON.stringify({ itemId: null, title: '', attSatser: [] } satisfies Shown);
  const attSatser: string[] = [];
  const visit = (n: Node) => {
    if (!Element.isElement(n)) return;
    if (n.type === 'att-sats') attSatser.push(Node.string(n));
    else if (n.type === 'decision' || n.type === 'subitem' || n.type === 'item') n.children.forEach(visit);
  };
  visit(item);
  const title = item.children[0]?.type === 'item-title' ? Node.string(item.children[0]) : '';
  return JSON.stringify({ itemId: item.id, title, attSatser } satisfies Shown);
}

export function ReadBack({ label, lead, onClose }: { label(itemId: string): string; lead: string; onClose(): void }) {
  const { t } = useTranslation();
  const shown = JSON.parse(useSlateSelector(readCurrent)) as Shown;
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div
      className="readback"
      role="dialog"
      aria-modal="true"
      aria-labelledby="readback-title"
      data-testid="readback"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h2 id="readback-title" className="readback-title">
        {shown.itemId ? `${label(shown.itemId)} ${shown.title}` : t('readback.noItem')}
      </h2>
      {shown.attSatser.length > 0 ? (
        <div className="readback-decision">
          <p className="readback-lead">{lead}</p>
          <ul>
            {shown.attSatser.map((a, i) => (
              <li key={i} data-testid="readback-att-sats">
                {a}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="readback-empty">{t('readback.noDecision')}</p>
      )}
      <button ref={closeRef} type="button" className="secondary" data-testid="readback-close" onClick={onClose}>
        {t('readback.close')}
      </button>
    </div>
  );
}
