import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

const names: Record<Language, string> = { sv: 'Svenska', en: 'English' };

/** Two toggle buttons, each named in its own language so a person who cannot read the current one finds theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('app.language')} className="language-switch">
      {(Object.keys(names) as Language[]).map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={i18n.language === lng}
          onClick={() => setLanguage(lng)}
          data-testid={`language-${lng}`}
        >
          {names[lng]}
        </button>
      ))}
    </div>
  );
}
