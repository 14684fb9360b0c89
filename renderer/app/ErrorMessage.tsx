/** An API error as the person should read it: the Swedish (or English) message from the Core. */
import { useTranslation } from 'react-i18next';
import { localized } from '../i18n';

export type Bilingual = { sv: string; en: string };

export function ErrorMessage({ error, testId }: { error: Bilingual | null; testId?: string }) {
  const { i18n } = useTranslation();
  // role=alert: an error the person must notice even while looking at the keyboard.
  return (
    <div role="alert" className="error" data-testid={testId ?? 'error'} hidden={!error}>
      {error ? localized(error, i18n.language) : null}
    </div>
  );
}

export function toBilingual(err: unknown): Bilingual {
  const text = err instanceof Error ? err.message : String(err);
  return { sv: text, en: text };
}
