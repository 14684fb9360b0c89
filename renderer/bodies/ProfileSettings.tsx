/**
 * The body's settings (its profile, src/bodies/profile.ts), on the body page: how decisions
 * are written, the § numbering, which parts of the protocol apply (justering, anslag, votes…),
 * who signs, the standard agenda every new meeting starts from, the distribution list and the
 * phrase bank. A presets gives the starting point; this is where she makes it her body's.
 *
 * One form, one save: the whole profile is checked first (validateProfile) and every problem
 * named next to the setting in Swedish and English; nothing is written until it is right, and
 * what she typed stays in the form. Saving writes only what she changed onto the profile as it
 * is now (saveProfile), so a change made meanwhile on another device survives.
 *
 * The numbering cannot change once a meeting of the body has started: the numbers of minuted
 * items are final (DOMAIN.md), and a new format would relabel protocols already sent.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  type AgendaTemplateItem,
  type BodyProfile,
  type DecisionStyle,
  type ProfileIssue,
  type SignatoryRole,
  cloneJson,
  decisionStyles,
  newPhraseId,
  sameJson,
  signatoryRoles,
} from '../../src/bodies';
import type { NumberingScheme } from '../../src/numbering';
import type { Body } from '../../src/api/contract';
import { useApi } from '../app/ConnectionContext';
import { localized } from '../i18n';
import { saveProfile } from './rosterDoc';

/** The numbering choices, as the select offers them. */
const NUMBERINGS = {
  'yearly-space': { kind: 'yearly', format: 'space' },
  'yearly-nospace': { kind: 'yearly', format: 'nospace' },
  'yearly-slash-year': { kind: 'yearly', format: 'slash-year' },
  'per-meeting': { kind: 'per-meeting', format: 'paragraph' },
  points: { kind: 'points' },
} satisfies Record<string, NumberingScheme>;
type NumberingChoice = keyof typeof NUMBERINGS;
const numberingChoices = Object.keys(NUMBERINGS) as NumberingChoice[];
const numberingKey = (s: NumberingScheme): NumberingChoice => (s.kind === 'yearly' ? `yearly-${s.format}` : s.kind);

type Draft = BodyProfile;

export function ProfileSettings({ body, doc, profile }: { body: Body; doc: Y.Doc; profile: BodyProfile }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const api = useApi();
  const [base, setBase] = useState<BodyProfile>(profile);
  const [draft, setDraft] = useState<Draft>(() => cloneJson(profile));
  const [issues, setIssues] = useState<ProfileIssue[]>([]);
  const [notice, setNotice] = useState('');
  const [started, setStarted] = useState<boolean | null>(null);
  const dirty = !sameJson(base, draft);

  // A change from elsewhere (another device, the Core) shows at once while she has not
  // started editing; once she has, her form stays and the save merges (saveProfile).
  useEffect(() => {
    if (sameJson(profile, base)) return;
    if (!dirty) setDraft(cloneJson(profile));
    setBase((b) => (dirty ? b : profile));
  }, [profile, base, dirty]);

  useEffect(() => {
    let live = true;
    void api.invoke('meetings.list', { bodyId: body.id }).then((res) => {
      if (live) setStarted(res.ok ? res.value.some((m) => m.status !== 'planerat' && !m.recorded) : true);
    });
    return () => {
      live = false;
    };
  }, [api, body.id]);

  const edit = (change: (d: Draft) => void) => {
    setDraft((d) => {
      const next = cloneJson(d);
      change(next);
      return next;
    });
    setNotice('');
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const res = saveProfile(doc, base, withPhraseIds(draft));
    if (!res.ok) {
      setIssues(res.issues);
      setNotice('');
      return;
    }
    setIssues([]);
    setBase(res.profile);
    setDraft(cloneJson(res.profile));
    setNotice(t('settings.saved'));
  }

  function undo() {
    setDraft(cloneJson(profile));
    setBase(profile);
    setIssues([]);
    setNotice(t('settings.undone'));
  }

  /** Problems at this place of the profile (or under it), for aria-invalid and the message beside it. */
  const issuesAt = (...path: Array<string | number>) => issues.filter((i) => path.every((p, n) => i.path[n] === p));
  const fieldId = (...path: Array<string | number>) => `${id}-${path.join('-')}`;
  const invalid = (...path: Array<string | number>) => {
    const found = issuesAt(...path);
    return found.length > 0 ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId(...path)}-err` } : {};
  };
  const errorsAt = (...path: Array<string | number>): ReactNode => {
    const found = issuesAt(...path);
    return found.length === 0 ? null : (
      <p id={`${fieldId(...path)}-err`} className="error field-error">
        {found.map((i) => localized(i.message, i18n.language)).join(' ')}
      </p>
    );
  };

  const text = (path: ['name'] | ['documentTitle'] | ['decision', 'lead'], label: string, get: (d: Draft) => string, set: (d: Draft, v: string) => void) => (
    <div className="field">
      <label htmlFor={fieldId(...path)}>{label}</label>
      <input id={fieldId(...path)} value={get(draft)} maxLength={200} onChange={(e) => edit((d) => set(d, e.target.value))} data-testid={`settings-${path.join('-')}`} {...invalid(...path)} />
      {errorsAt(...path)}
    </div>
  );
  const check = (testId: string, label: string, get: (d: Draft) => boolean, set: (d: Draft, v: boolean) => void, path: Array<string | number>) => (
    <div className="check">
      <input id={fieldId(testId)} type="checkbox" checked={get(draft)} onChange={(e) => edit((d) => set(d, e.target.checked))} data-testid={`settings-${testId}`} {...invalid(...path)} />
      <label htmlFor={fieldId(testId)}>{label}</label>
      {errorsAt(...path)}
    </div>
  );
  const days = (testId: string, label: string, value: number | null, set: (d: Draft, v: number | null) => void, path: Array<string | number>, optional = false) => (
    <div className="field">
      <label htmlFor={fieldId(testId)}>{label}</label>
      <input
        id={fieldId(testId)}
        type="number"
        min={0}
        inputMode="numeric"
        value={value ?? ''}
        onChange={(e) => edit((d) => set(d, e.target.value === '' ? (optional ? null : Number.NaN) : Number(e.target.value)))}
        data-testid={`settings-${testId}`}
        {...invalid(...path)}
      />
      {errorsAt(...path)}
    </div>
  );

  const f = draft.features;
  const otherIssues = issues.filter((i) => !KNOWN_PLACES.some((p) => p.every((k, n) => i.path[n] === k)));

  return (
    <form onSubmit={submit} noValidate className="form profile-settings" data-testid="profile-settings" aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="hint">
        {t('settings.intro')}
      </p>

      <fieldset>
        <legend>{t('settings.body')}</legend>
        {text(['name'], t('settings.name'), (d) => d.name, (d, v) => (d.name = v))}
        {text(['documentTitle'], t('settings.documentTitle'), (d) => d.documentTitle, (d, v) => (d.documentTitle = v))}
        {check('kommunallagen', t('settings.kommunallagen'), (d) => d.kommunallagen, (d, v) => (d.kommunallagen = v), ['kommunallagen'])}
      </fieldset>

      <fieldset>
        <legend>{t('settings.numbering')}</legend>
        <div className="field">
          <label htmlFor={fieldId('numbering')}>{t('settings.numberingLabel')}</label>
          <select
            id={fieldId('numbering')}
            value={numberingKey(draft.numbering)}
            disabled={started !== false}
            aria-describedby={`${id}-numbering-hint`}
            onChange={(e) => edit((d) => (d.numbering = NUMBERINGS[e.target.value as NumberingChoice]))}
            data-testid="settings-numbering"
          >
            {numberingChoices.map((k) => (
              <option key={k} value={k}>
                {t(`settings.numberings.${k}`)}
              </option>
            ))}
          </select>
          <p id={`${id}-numbering-hint`} className="hint" data-testid="settings-numbering-hint">
            {started === null ? t('settings.numberingChecking') : started ? t('settings.numberingLocked') : t('settings.numberingHint')}
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('settings.decisions')}</legend>
        <div className="field">
          <label htmlFor={fieldId('style')}>{t('settings.style')}</label>
          <select id={fieldId('style')} value={draft.decision.style} onChange={(e) => edit((d) => (d.decision.style = e.target.value as DecisionStyle))} data-testid="settings-style">
            {decisionStyles.map((s) => (
              <option key={s} value={s}>
                {t(`settings.styles.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {text(['decision', 'lead'], t('settings.lead'), (d) => d.decision.lead, (d, v) => (d.decision.lead = v))}
      </fieldset>

      <fieldset>
        <legend>{t('settings.justering')}</legend>
        {check(
          'justering',
          t('settings.justeringEnabled'),
          (d) => d.features.justering.enabled,
          (d, v) => {
            d.features.justering.enabled = v;
            // The justerare signs exactly when there is justering (checkProfile): kept in step.
            const s = d.signing.signatories.filter((r) => r !== 'justerare');
            d.signing.signatories = v ? [...s, 'justerare'] : s;
          },
          ['features', 'justering'],
        )}
        {days('deadline', t('settings.deadlineDays'), f.justering.deadlineDays, (d, v) => (d.features.justering.deadlineDays = v), ['features', 'justering', 'deadlineDays'], true)}
        {check('omedelbar', t('settings.omedelbar'), (d) => d.features.justering.omedelbar, (d, v) => (d.features.justering.omedelbar = v), ['features', 'justering', 'omedelbar'])}
        {check('justerandesSignatur', t('settings.justerandesSignatur'), (d) => d.features.pageBoxes.justerandesSignatur, (d, v) => (d.features.pageBoxes.justerandesSignatur = v), ['features', 'pageBoxes', 'justerandesSignatur'])}
        {check('protokollsutdrag', t('settings.protokollsutdrag'), (d) => d.features.protokollsutdrag, (d, v) => (d.features.protokollsutdrag = v), ['features', 'protokollsutdrag'])}
        {check('utdragsbestyrkande', t('settings.utdragsbestyrkande'), (d) => d.features.pageBoxes.utdragsbestyrkande, (d, v) => (d.features.pageBoxes.utdragsbestyrkande = v), ['features', 'pageBoxes', 'utdragsbestyrkande'])}
        {check('anslag', t('settings.anslag'), (d) => d.features.anslag.enabled, (d, v) => (d.features.anslag.enabled = v), ['features', 'anslag'])}
        {days('publishWithin', t('settings.publishWithinDays'), f.anslag.publishWithinDays, (d, v) => (d.features.anslag.publishWithinDays = v ?? Number.NaN), ['features', 'anslag', 'publishWithinDays'])}
        {days('keep', t('settings.keepDays'), f.anslag.keepDays, (d, v) => (d.features.anslag.keepDays = v ?? Number.NaN), ['features', 'anslag', 'keepDays'])}
      </fieldset>

      <fieldset>
        <legend>{t('settings.politics')}</legend>
        {check('votes', t('settings.votes'), (d) => d.features.votes, (d, v) => (d.features.votes = v), ['features', 'votes'])}
        {check('reservations', t('settings.reservations'), (d) => d.features.reservations, (d, v) => (d.features.reservations = v), ['features', 'reservations'])}
        {check('jav', t('settings.jav'), (d) => d.features.jav, (d, v) => (d.features.jav = v), ['features', 'jav'])}
        {check('protokollsanteckning', t('settings.protokollsanteckning'), (d) => d.features.protokollsanteckning, (d, v) => (d.features.protokollsanteckning = v), ['features', 'protokollsanteckning'])}
      </fieldset>

      <fieldset>
        <legend>{t('settings.signing')}</legend>
        <p className="hint">{t('settings.signingHint')}</p>
        {signatoryRoles.map((role) => (
          <div className="check" key={role}>
            <input
              id={fieldId('sign', role)}
              type="checkbox"
              checked={draft.signing.signatories.includes(role)}
              // The justerare follows the justering setting above.
              disabled={role === 'justerare'}
              onChange={(e) => edit((d) => (d.signing.signatories = toggled(d.signing.signatories, role, e.target.checked)))}
              data-testid={`settings-sign-${role}`}
            />
            <label htmlFor={fieldId('sign', role)}>{t(`attendance.role.${role}`)}</label>
          </div>
        ))}
        {errorsAt('signing', 'signatories')}
        <div className="field">
          <label htmlFor={fieldId('recordedBy')}>{t('settings.recordedBy')}</label>
          <input
            id={fieldId('recordedBy')}
            value={draft.signing.recordedBy ?? ''}
            maxLength={200}
            onChange={(e) => edit((d) => (d.signing.recordedBy = e.target.value.trim() === '' ? null : e.target.value))}
            data-testid="settings-recordedBy"
            {...invalid('signing', 'recordedBy')}
          />
          {errorsAt('signing', 'recordedBy')}
        </div>
      </fieldset>

      <fieldset data-testid="settings-agenda">
        <legend>{t('settings.agenda')}</legend>
        <p className="hint">{t('settings.agendaHint')}</p>
        {(['opening', 'closing'] as const).map((part) => (
          <AgendaPart
            key={part}
            label={t(`settings.agenda_${part}`)}
            part={part}
            items={draft.agenda[part]}
            onChange={(items) => edit((d) => (d.agenda[part] = items))}
            fieldId={fieldId}
            invalid={invalid}
            errorsAt={errorsAt}
          />
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('settings.distribution')}</legend>
        <div className="field">
          <label htmlFor={fieldId('distribution')}>{t('settings.distributionLabel')}</label>
          <DistributionText value={draft.distribution} onChange={(list) => edit((d) => (d.distribution = list))} id={fieldId('distribution')} {...invalid('distribution')} />
          {errorsAt('distribution')}
        </div>
      </fieldset>

      <fieldset data-testid="settings-phrases">
        <legend>{t('settings.phrases')}</legend>
        <p className="hint">{t('settings.phrasesHint')}</p>
        <ol className="settings-rows">
          {draft.phrases.map((p, i) => (
            <li key={p.id} data-testid="settings-phrase">
              <div className="field">
                <label htmlFor={fieldId('phrases', i, 'label')}>{t('settings.phraseLabel')}</label>
                <input id={fieldId('phrases', i, 'label')} value={p.label} maxLength={100} onChange={(e) => edit((d) => (d.phrases[i]!.label = e.target.value))} {...invalid('phrases', i, 'label')} />
                {errorsAt('phrases', i, 'label')}
              </div>
              <div className="field">
                <label htmlFor={fieldId('phrases', i, 'text')}>{t('settings.phraseText')}</label>
                <textarea id={fieldId('phrases', i, 'text')} value={p.text} rows={2} maxLength={1000} onChange={(e) => edit((d) => (d.phrases[i]!.text = e.target.value))} {...invalid('phrases', i, 'text')} />
                {errorsAt('phrases', i, 'text')}
              </div>
              <button
                type="button"
                className="secondary small"
                onClick={() =>
                  edit((d) => {
                    d.phrases.splice(i, 1);
                    // An agenda item offering this phrase no longer does.
                    for (const item of [...d.agenda.opening, ...d.agenda.closing]) item.phraseIds = item.phraseIds.filter((x) => x !== p.id);
                  })
                }
              >
                {t('settings.removePhrase', { label: p.label || t('settings.untitled') })}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="secondary"
          data-testid="settings-add-phrase"
          onClick={() => edit((d) => d.phrases.push({ id: newPhraseId(NEW_PHRASE, new Set(d.phrases.map((x) => x.id))), label: '', text: '' }))}
        >
          {t('settings.addPhrase')}
        </button>
      </fieldset>

      <div role="alert" className="error" data-testid="settings-error" hidden={issues.length === 0}>
        {issues.length > 0 ? (
          <>
            <p>{t('settings.notSaved', { count: issues.length })}</p>
            {otherIssues.length > 0 ? (
              <ul>
                {otherIssues.map((i, n) => (
                  <li key={n}>{localized(i.message, i18n.language)}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" data-testid="settings-save" disabled={!dirty}>
          {t('settings.save')}
        </button>
        <button type="button" className="secondary" data-testid="settings-undo" disabled={!dirty} onClick={undo}>
          {t('settings.undo')}
        </button>
      </div>
      <p role="status" className="muted" data-testid="settings-notice">
        {notice}
      </p>
    </form>
  );
}

/** The places whose problems are shown beside their field; any other problem is listed above the buttons. */
const KNOWN_PLACES: Array<Array<string | number>> = [
  ['name'],
  ['documentTitle'],
  ['decision', 'lead'],
  ['features', 'justering', 'deadlineDays'],
  ['features', 'anslag', 'publishWithinDays'],
  ['features', 'anslag', 'keepDays'],
  ['signing', 'recordedBy'],
  ['distribution'],
  ['phrases'],
];

/** A phrase added in this form has a placeholder id until saved; then its id comes from its name. */
const NEW_PHRASE = 'ny fras utan namn';
const NEW_PHRASE_ID = newPhraseId(NEW_PHRASE, new Set());

function withPhraseIds(d: Draft): Draft {
  const next = cloneJson(d);
  const taken = new Set(next.phrases.filter((p) => !p.id.startsWith(NEW_PHRASE_ID)).map((p) => p.id));
  for (const p of next.phrases) {
    if (!p.id.startsWith(NEW_PHRASE_ID)) continue;
    p.id = newPhraseId(p.label, taken);
    taken.add(p.id);
  }
  return next;
}

function toggled(roles: SignatoryRole[], role: SignatoryRole, on: boolean): SignatoryRole[] {
  const without = roles.filter((r) => r !== role);
  return on ? [...without, role] : without;
}

interface AgendaPartProps {
  label: string;
  part: 'opening' | 'closing';
  items: AgendaTemplateItem[];
  onChange(items: AgendaTemplateItem[]): void;
  fieldId(...path: Array<string | number>): string;
  invalid(...path: Array<string | number>): object;
  errorsAt(...path: Array<string | number>): ReactNode;
}

/** One list of the standard agenda: titles to edit, reorder and remove; new items are "annan". */
function AgendaPart({ label, part, items, onChange, fieldId, invalid, errorsAt }: AgendaPartProps) {
  const { t } = useTranslation();
  const move = (i: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(i, 1);
    next.splice(to, 0, item!);
    onChange(next);
  };
  return (
    <div className="settings-agenda-part" data-testid={`settings-agenda-${part}`}>
      <h4>{label}</h4>
      <ol className="settings-rows">
        {items.map((item, i) => {
          const name = item.title || t('settings.untitled');
          return (
            <li key={`${i}-${item.key}`} data-testid="settings-agenda-item">
              <label className="visually-hidden" htmlFor={fieldId('agenda', part, i, 'title')}>
                {t('settings.agendaItem', { n: i + 1 })}
              </label>
              <input
                id={fieldId('agenda', part, i, 'title')}
                value={item.title}
                maxLength={300}
                onChange={(e) => onChange(items.map((x, n) => (n === i ? { ...x, title: e.target.value } : x)))}
                {...invalid('agenda', part, i)}
              />
              <button type="button" className="secondary small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                {t('settings.up', { title: name })}
              </button>
              <button type="button" className="secondary small" disabled={i === items.length - 1} onClick={() => move(i, i + 1)}>
                {t('settings.down', { title: name })}
              </button>
              <button type="button" className="secondary small" onClick={() => onChange(items.filter((_, n) => n !== i))}>
                {t('settings.remove', { title: name })}
              </button>
              {errorsAt('agenda', part, i)}
            </li>
          );
        })}
      </ol>
      <button type="button" className="secondary" data-testid={`settings-agenda-add-${part}`} onClick={() => onChange([...items, { key: 'annan', title: '', phraseIds: [] }])}>
        {t('settings.addAgendaItem')}
      </button>
    </div>
  );
}

/**
 * The distribution list as lines of text. The textarea keeps what she types (a blank line
 * while she is between two names); the list is the non-empty lines.
 */
function DistributionText({ value, onChange, id, ...rest }: { value: string[]; onChange(list: string[]): void; id: string }) {
  const [textValue, setTextValue] = useState(() => value.join('\n'));
  const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');
  // A change from outside (undo, another device) replaces the text.
  useEffect(() => {
    setTextValue((current) => (sameJson(lines(current), value) ? current : value.join('\n')));
  }, [value]);
  return (
    <textarea
      id={id}
      rows={Math.max(3, value.length + 1)}
      value={textValue}
      onChange={(e) => {
        setTextValue(e.target.value);
        onChange(lines(e.target.value));
      }}
      data-testid="settings-distribution"
      {...rest}
    />
  );
}
