/**
 * How elements render. Elements only render (STYLE.md §5). The § label and the sub-item
 * letter come from the numbering computed once per change of the item structure
 * (NumberingContext), and are shown through data attributes and CSS (::before), so they are
 * never part of the editable text: they cannot be typed over, selected into a copy, or saved.
 *
 * The item passes its labels down through a context of its own, so a title finds its label
 * without looking up its parent, and a keystroke in a paragraph re-renders nothing above it
 * but its item and its own block.
 */
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Node } from 'slate';
import type { RenderElementProps, RenderLeafProps } from 'slate-react';
import { emptyNumbering, type ItemLabels, type MeetingNumbering } from './numbering';
import type { ItemElement, SubItemElement } from './schema';
import type { DecisionStyle } from '../../src/bodies/profile';
import { LinkLeaf, renderRichElement } from './richElements';
import { isPoliticalType, type PoliticalElement } from '../../src/protocol/politicsSchema';
import { ItemPoliticsProvider, renderPolitical } from './politicsElements';

export const NumberingContext = createContext<MeetingNumbering>(emptyNumbering);

/** How the body writes its decisions (from its profile): the lead phrase and the style. */
export interface DecisionLook {
  lead: string;
  style: DecisionStyle;
}
export const DecisionLookContext = createContext<DecisionLook | null>(null);

/**
 * Words of the protocol itself, not of the interface: the minutes are Swedish whatever language
 * the app is shown in, so these do not follow the language switch.
 */
const GENERIC_DECISION_LEAD = 'Beslut:';
const FOREDRAGANDE_PREFIX = 'Föredragande:';
const ItemLabelsContext = createContext<ItemLabels | undefined>(undefined);
const SubItemLabelContext = createContext<string>('');

export function renderElement(props: RenderElementProps) {
  switch (props.element.type) {
    case 'item':
      return <Item {...props} element={props.element} />;
    case 'item-title':
      return <ItemTitle {...props} />;
    case 'subitem':
      return <SubItem {...props} element={props.element} />;
    case 'subitem-title':
      return <SubItemTitle {...props} />;
    case 'decision':
      return <Decision {...props} />;
    case 'att-sats':
      return <AttSats {...props} />;
    case 'foredragande':
      return <Foredragande {...props} />;
    case 'list':
    case 'list-item':
    case 'documents':
    case 'distribution':
    case 'table':
    case 'table-row':
    case 'table-cell':
      return renderRichElement(props);
    default:
      if (isPoliticalType(props.element.type)) return renderPolitical({ ...props, element: props.element as PoliticalElement });
      return <Paragraph {...props} />;
  }
}

function titleText(element: ItemElement | SubItemElement): string {
  const first = element.children[0];
  return first && (first.type === 'item-title' || first.type === 'subitem-title') ? Node.string(first).trim() : '';
}

function Item({ attributes, children, element }: RenderElementProps & { element: ItemElement }) {
  const { t } = useTranslation();
  const labels = useContext(NumberingContext).items.get(element.id);
  const label = labels?.label ?? '§';
  const title = titleText(element) || t('agenda.untitled');
  const bordlagd = element.bordlagd === true;
  return (
    <section
      {...attributes}
      className={bordlagd ? 'item item-bordlagd' : 'item'}
      aria-label={bordlagd ? t('editor.itemAriaBordlagd', { label, title }) : t('editor.itemAria', { label, title })}
      data-testid="item"
      data-item-id={element.id}
      data-label={label}
      data-bordlagd={bordlagd ? 'true' : undefined}
      data-badge={bordlagd ? t('editor.bordlagd') : undefined}
    >
      <ItemLabelsContext.Provider value={labels}>
        <ItemPoliticsProvider item={element}>{children}</ItemPoliticsProvider>
      </ItemLabelsContext.Provider>
    </section>
  );
}

function ItemTitle({ attributes, children, element }: RenderElementProps) {
  const label = useContext(ItemLabelsContext)?.label ?? '§';
  return (
    <h2 {...attributes} className="item-title" data-label={label} data-block-id={element.id} data-testid="item-title">
      {children}
    </h2>
  );
}

function SubItem({ attributes, children, element }: RenderElementProps & { element: SubItemElement }) {
  const { t } = useTranslation();
  const label = useContext(ItemLabelsContext)?.subItems.get(element.id) ?? '';
  const title = titleText(element) || t('agenda.untitled');
  return (
    <div
      {...attributes}
      className="subitem"
      role="group"
      aria-label={`${label} ${title}`.trim()}
      data-testid="subitem"
      data-subitem-id={element.id}
      data-label={label}
    >
      <SubItemLabelContext.Provider value={label}>{children}</SubItemLabelContext.Provider>
    </div>
  );
}

function SubItemTitle({ attributes, children, element }: RenderElementProps) {
  const label = useContext(SubItemLabelContext);
  return (
    <h3 {...attributes} className="subitem-title" data-label={label} data-block-id={element.id} data-testid="subitem-title">
      {children}
    </h3>
  );
}

/**
 * The decision block. The lead phrase is the body's ("LSVO:s ledningsgrupp beslutar", or
 * "Beslut:"), shown through CSS like the § labels: never typed, never stored in the text.
 * Until the body's profile has loaded, the generic "Beslut:" stands in.
 */
function Decision({ attributes, children }: RenderElementProps) {
  const look = useContext(DecisionLookContext);
  const lead = look?.lead || GENERIC_DECISION_LEAD;
  return (
    <div {...attributes} className={`decision decision-${look?.style ?? 'att-satser'}`} role="group" aria-label={lead} data-lead={lead} data-testid="decision">
      {children}
    </div>
  );
}

function AttSats({ attributes, children, element }: RenderElementProps) {
  return (
    <p {...attributes} className="att-sats" data-block-id={element.id} data-testid="att-sats">
      {children}
    </p>
  );
}

function Foredragande({ attributes, children, element }: RenderElementProps) {
  return (
    <p {...attributes} className="foredragande" data-prefix={FOREDRAGANDE_PREFIX} data-block-id={element.id} data-testid="foredragande">
      {children}
    </p>
  );
}

/** Text: bold, italic, and a person reference (a roster member's name, see TextLeaf.personId). */
export function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
  let content = children;
  if (leaf.bold) content = <strong>{content}</strong>;
  if (leaf.italic) content = <em>{content}</em>;
  if (leaf.link) content = <LinkLeaf url={leaf.link}>{content}</LinkLeaf>;
  if (leaf.personId) {
    return (
      <span {...attributes} className="person-ref" data-person-id={leaf.personId} data-testid="person-ref">
        {content}
      </span>
    );
  }
  return <span {...attributes}>{content}</span>;
}

function Paragraph({ attributes, children, element }: RenderElementProps) {
  return (
    <p {...attributes} className="paragraph" data-block-id={element.id}>
      {children}
    </p>
  );
}
