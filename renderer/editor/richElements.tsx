/**
 * How lists, tables, the Dokument and "Protokollet skickas till" blocks and links render
 * (src/protocol/richBlocks.ts), with the semantics a screen reader expects: ul/ol/li,
 * table/th/td (the header row's cells are column headers), a. The two blocks' headings are
 * generated content like the decision's lead phrase: words of the protocol, never typed,
 * never stored, always Swedish like the minutes themselves.
 */
import { createContext, useContext, type MouseEvent, type ReactNode } from 'react';
import type { RenderElementProps } from 'slate-react';
import { richBlockLabels, safeLinkUrl, type TableRowElement } from '../../src/protocol/schema';
import { useRichStrings } from '../i18n/richBlocks';
import './richBlocks.css';

const HeaderRowContext = createContext(false);

export function renderRichElement(props: RenderElementProps) {
  const { attributes, children, element } = props;
  switch (element.type) {
    case 'list':
      return element.ordered ? (
        <ol {...attributes} className="list list-ordered" data-block-id={element.id} data-testid="list">
          {children}
        </ol>
      ) : (
        <ul {...attributes} className="list" data-block-id={element.id} data-testid="list">
          {children}
        </ul>
      );
    case 'list-item':
      return (
        <li {...attributes} className="list-item" data-block-id={element.id} data-testid="list-item">
          {children}
        </li>
      );
    case 'documents':
    case 'distribution': {
      const label = richBlockLabels[element.type].sv;
      return (
        <div {...attributes} className={`labelled-list labelled-${element.type}`} role="group" aria-label={label} data-lead={label} data-block-id={element.id} data-testid={element.type}>
          <ul className="list">{children}</ul>
        </div>
      );
    }
    case 'table':
      return <Table {...props} />;
    case 'table-row':
      return (
        <tr {...attributes} data-block-id={element.id} data-testid="table-row">
          <HeaderRowContext.Provider value={(element as TableRowElement).header === true}>{children}</HeaderRowContext.Provider>
        </tr>
      );
    default:
      return <TableCell {...props} />;
  }
}

function Table({ attributes, children, element }: RenderElementProps) {
  const s = useRichStrings();
  return (
    <div className="table-wrap" {...attributes} data-block-id={element.id}>
      <table className="table" aria-label={s.table} data-testid="table">
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function TableCell({ attributes, children, element }: RenderElementProps) {
  const header = useContext(HeaderRowContext);
  return header ? (
    <th {...attributes} scope="col" data-block-id={element.id} data-testid="table-cell">
      {children}
    </th>
  ) : (
    <td {...attributes} data-block-id={element.id} data-testid="table-cell">
      {children}
    </td>
  );
}

/**
 * A link in the text. A click only puts the cursor there (the secretary is writing, and the
 * app window must never navigate away); Ctrl+click (Cmd+click) opens it in a new window,
 * which in Electron the window guard hands to the system browser (https only) and in a
 * browser is a new tab. `href` is the safe address or nothing.
 */
export function LinkLeaf({ url, children }: { url: string; children: ReactNode }) {
  const s = useRichStrings();
  const safe = safeLinkUrl(url);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (safe && (event.ctrlKey || event.metaKey)) window.open(safe, '_blank', 'noopener,noreferrer');
  };
  return (
    <a href={safe ?? undefined} rel="noreferrer noopener" className="link" title={safe ? s.linkHint(safe) : undefined} onClick={onClick} data-testid="link">
      {children}
    </a>
  );
}
