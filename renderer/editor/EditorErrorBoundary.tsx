/**
 * Catches a render error inside the Slate editor and hands it to the parent, which rebuilds
 * the editor from the Y.Doc. The Y.Doc is the source of truth and is not touched by a
 * rendering failure, so rebuilding loses nothing that was saved (or even queued).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  onError(error: unknown): void;
  children: ReactNode;
}

export class EditorErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('editor render failed; rebuilding from the document', error, info.componentStack);
    this.props.onError(error);
  }

  override render() {
    // The parent remounts this boundary (new key) with a new editor; until then, nothing.
    return this.state.failed ? null : this.props.children;
  }
}
