import { useTranslation } from 'react-i18next';
import { useConnectionState } from './ConnectionContext';

/**
 * Says when the Core is out of reach. Always rendered (empty when all is well) so the live
 * region exists before its text changes: screen readers announce changes, not insertions.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const state = useConnectionState();
  const down = state === 'closed';
  return (
    <div role="status" aria-live="polite" className={down ? 'banner banner-warning' : 'banner'} data-testid="connection" data-state={state}>
      {down ? t('app.disconnected') : null}
    </div>
  );
}
