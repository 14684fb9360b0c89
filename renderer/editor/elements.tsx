/**
 * How blocks render. Elements only render (STYLE.md §5); the § number comes from a context
 * computed once per change of item order, and is shown through a data attribute and CSS
 * (::before), so it is never part of the editable text: it cannot be typed over, selected
 * into a copy, or saved.
 */
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderElementProps } from 'slate-react';

export const ItemNumbersContext = createContext<ReadonlyMap<string, number>>(new Map());

export function renderElement(props: RenderElementProps) {
  return props.element.type === 'item-title' ? <ItemTitle {...props} /> : <Paragraph {...props} />;
}

function ItemTitle({ attributes, children, element }: RenderElementProps) {
  const { t } = useTranslation();
  const n = useContext(ItemNumbersContext).get(element.id);
  const label = n === undefined ? '§' : t('editor.itemLabel', { n });
  return (
    <h2 {...attributes} className="item-title" data-label={label} data-block-id={element.id} data-testid="item-title">
      {children}
    </h2>
  );
}

function Paragraph({ attributes, children, element }: RenderElementProps) {
  return (
    <p {...attributes} className="paragraph" data-block-id={element.id}>
      {children}
    </p>
  );
}
