/**
 * A body's profile: every rule of DOMAIN.md that differs from one body to the next — genre,
 * numbering, how decisions are written, which legal features apply, the standard agenda, the
 * distribution list and the phrase bank — as data, never as constants in the code.
 *
 * Political nämnd / styrelse / fullmäktige is not a fourth genre: its document is a
 * sammanträdesprotokoll like LSVO's. What sets it apart is that Kommunallagen applies, so
 * `kommunallagen: true`, and then the features the law requires (justering within 14 days,
 * anslag within 2 days kept 3 weeks, votes, reservations, jäv) must be on: checkProfile says so.
 * A cooperation group like LSVO may turn the same features on by choice.
 */
import { z } from 'zod';
import { numberingSchemeSchema } from '../numbering/scheme';
import type { Bilingual } from './bilingual';

/** Same values as the API contract's `genre` (a test keeps the two in step). */
export const genres = ['sammantradesprotokoll', 'motesanteckningar', 'minnesanteckningar'] as const;
export const genreSchema = z.enum(genres);
export type Genre = z.infer<typeof genreSchema>;

/**
 * att-satser: "[Body] beslutar" then one "att …" per line (formal protocols).
 * beslut-prose: "Beslut: Ledningsgruppen ställer sig bakom …" (mötesanteckningar).
 * beslut-bullets: "Beslut:" then bullet points (minnesanteckningar).
 */
export const decisionStyles = ['att-satser', 'beslut-prose', 'beslut-bullets'] as const;
export const decisionStyleSchema = z.enum(decisionStyles);
export type DecisionStyle = z.infer<typeof decisionStyleSchema>;

export const signatoryRoles = ['sekreterare', 'ordforande', 'justerare', 'processledare'] as const;
export const signatoryRoleSchema = z.enum(signatoryRoles);
export type SignatoryRole = z.infer<typeof signatoryRoleSchema>;

/**
 * What a standard agenda item is for, so other modules can find it whatever its title:
 * follow-up fills `foregaende-protokoll`, sub-items a/, b/ live under `ovriga-fragor`,
 * `val-av-justerare` records the justerare and the time of justering.
 */
export const agendaItemKeys = [
  'oppnande',
  'upprop',
  'val-av-justerare',
  'godkannande-av-foredragningslista',
  'jav',
  'foregaende-protokoll',
  'delegationsbeslut',
  'meddelanden',
  'ovriga-fragor',
  'avslutande',
  'annan',
] as const;
export const agendaItemKeySchema = z.enum(agendaItemKeys);
export type AgendaItemKey = z.infer<typeof agendaItemKeySchema>;

const text = (max: number) => z.string().max(max).refine((s) => s.trim() !== '', 'must not be empty');
const phraseId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case id');

export const agendaTemplateItemSchema = z.object({
  key: agendaItemKeySchema,
  title: text(300),
  /** Phrases offered for this item's decision, the first being the default. */
  phraseIds: z.array(phraseId).max(20),
});
export type AgendaTemplateItem = z.infer<typeof agendaTemplateItemSchema>;

/**
 * A phrase the secretary inserts with a keystroke. "…" (U+2026) marks a gap to fill in
 * ("att bordlägga frågan och ta upp denna igen vid …").
 */
export const phraseSchema = z.object({
  id: phraseId,
  /** Short name in the phrase picker. */
  label: text(100),
  text: text(1000),
});
export type Phrase = z.infer<typeof phraseSchema>;

export const bodyFeaturesSchema = z.object({
  justering: z.object({
    enabled: z.boolean(),
    /** Days after the meeting by which it must be justerat; null: no deadline (Kommunallagen: 14). */
    deadlineDays: z.number().int().min(1).max(365).nullable(),
    /** A single § may be justerad at the meeting (omedelbar justering). */
    omedelbar: z.boolean(),
  }),
  /** The boxes on every page of the protocol. */
  pageBoxes: z.object({ justerandesSignatur: z.boolean(), utdragsbestyrkande: z.boolean() }),
  /** Certified extracts of chosen § for their recipients. */
  protokollsutdrag: z.boolean(),
  /** Notice of the justering on the body's web anslagstavla (Kommunallagen 8 kap. 12 §). */
  anslag: z.object({
    enabled: z.boolean(),
    /** Days after justering by which the notice is up (the law: 2). */
    publishWithinDays: z.number().int().min(0).max(30),
    /** Days the notice stays up (the appeal window: 3 weeks = 21). */
    keepDays: z.number().int().min(1).max(365),
  }),
  /** Yrkanden, propositionsordning and votes with named lists (Ja / Nej / Avstår). */
  votes: z.boolean(),
  reservations: z.boolean(),
  jav: z.boolean(),
  protokollsanteckning: z.boolean(),
});
export type BodyFeatures = z.infer<typeof bodyFeaturesSchema>;

/** The fields and their types only; bodyProfileSchema adds checkProfile's rules. */
export const bodyProfileShape = z.object({
  /** "LSVO", "Socialnämnden", "Ledningsgrupp för samordning". */
  name: text(200),
  /** The document type in the header: "Sammanträdesprotokoll", "Mötesanteckningar". */
  documentTitle: text(100),
  genre: genreSchema,
  /** The body is a kommunal/regional nämnd, styrelse or fullmäktige bound by Kommunallagen. */
  kommunallagen: z.boolean(),
  numbering: numberingSchemeSchema,
  decision: z.object({
    style: decisionStyleSchema,
    /** The line above the decisions: "LSVO:s ledningsgrupp beslutar", or "Beslut:". */
    lead: text(200),
  }),
  features: bodyFeaturesSchema,
  signing: z.object({
    /** Signature lines, in the order printed. */
    signatories: z.array(signatoryRoleSchema).max(signatoryRoles.length),
    /** Closing line before the secretary's name, e.g. "Mötesanteckningar förda av"; null: none. */
    recordedBy: text(200).nullable(),
  }),
  agenda: z.object({
    /** Items every meeting starts with, in order. */
    opening: z.array(agendaTemplateItemSchema).max(30),
    /** Items every meeting ends with, in order. */
    closing: z.array(agendaTemplateItemSchema).max(30),
  }),
  /** "Protokollet ska skickas till": Diariet, Ledamöter … */
  distribution: z.array(text(200)).max(100),
  phrases: z.array(phraseSchema).max(500),
});

export type BodyProfile = z.infer<typeof bodyProfileShape>;

export interface ProfileIssue {
  code:
    | 'KOMMUNALLAGEN_REQUIRES'
    | 'JUSTERING_INCONSISTENT'
    | 'FEATURE_REQUIRES'
    | 'DUPLICATE_SIGNATORY'
    | 'DUPLICATE_AGENDA_ITEM'
    | 'DUPLICATE_PHRASE'
    | 'UNKNOWN_PHRASE'
    | 'PHRASE_NOT_ATT_SATS'
    | 'DUPLICATE_RECIPIENT'
    /** A field of the wrong type, empty or too long (profileEdit.ts's validateProfile). */
    | 'INVALID_FIELD';
  /** Where in the profile, as zod paths are written. */
  path: (string | number)[];
  message: Bilingual;
}

/**
 * The rules between fields that a schema of independent fields cannot say. Returned in
 * Swedish and English for the settings screen; the zod schema reports the same issues (in
 * English) so that invalid profiles never reach a document.
 */
export function checkProfile(p: BodyProfile): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const add = (code: ProfileIssue['code'], path: ProfileIssue['path'], sv: string, en: string): void => {
    issues.push({ code, path, message: { sv, en } });
  };
  const f = p.features;

  if (p.kommunallagen) {
    const law = 'Kommunallagen kräver';
    const lawEn = 'Kommunallagen (the Local Government Act) requires';
    if (p.genre !== 'sammantradesprotokoll') add('KOMMUNALLAGEN_REQUIRES', ['genre'], `${law} ett sammanträdesprotokoll.`, `${lawEn} a sammanträdesprotokoll (formal minutes).`);
    if (!f.justering.enabled || f.justering.deadlineDays === null || f.justering.deadlineDays > 14) {
      add('KOMMUNALLAGEN_REQUIRES', ['features', 'justering'], `${law} justering senast 14 dagar efter sammanträdet.`, `${lawEn} justering (adjustment) within 14 days of the meeting.`);
    }
    if (!f.anslag.enabled || f.anslag.publishWithinDays > 2 || f.anslag.keepDays < 21) {
      add('KOMMUNALLAGEN_REQUIRES', ['features', 'anslag'], `${law} anslag om justeringen inom 2 dagar, uppsatt i minst 3 veckor.`, `${lawEn} a notice of the justering within 2 days, kept for at least 3 weeks.`);
    }
    if (!f.votes) add('KOMMUNALLAGEN_REQUIRES', ['features', 'votes'], `${law} att yrkanden, propositionsordning och omröstningar protokollförs.`, `${lawEn} that motions, the order of putting them and votes are minuted.`);
    if (!f.reservations) add('KOMMUNALLAGEN_REQUIRES', ['features', 'reservations'], `${law} att reservationer protokollförs.`, `${lawEn} that reservations (dissent) are minuted.`);
    if (!f.jav) add('KOMMUNALLAGEN_REQUIRES', ['features', 'jav'], `${law} att jäv protokollförs.`, `${lawEn} that disqualification (jäv) is minuted.`);
  }

  const justerareSigns = p.signing.signatories.includes('justerare');
  if (f.justering.enabled !== justerareSigns) {
    add(
      'JUSTERING_INCONSISTENT',
      ['signing', 'signatories'],
      f.justering.enabled ? 'Med justering måste justeraren skriva under.' : 'Justeraren kan bara skriva under om protokollet justeras.',
      f.justering.enabled ? 'With justering, the justerare must sign.' : 'The justerare can only sign if the protocol is justerat.',
    );
  }
  const needsJustering: [boolean, (string | number)[], string, string][] = [
    [f.justering.omedelbar, ['features', 'justering', 'omedelbar'], 'Omedelbar justering', 'Omedelbar justering (immediate adjustment)'],
    [f.pageBoxes.justerandesSignatur, ['features', 'pageBoxes', 'justerandesSignatur'], 'Rutan ”Justerandes signatur”', 'The "Justerandes signatur" box'],
    [f.anslag.enabled, ['features', 'anslag', 'enabled'], 'Anslag', 'Anslag (the public notice)'],
  ];
  for (const [on, path, sv, en] of needsJustering) {
    if (on && !f.justering.enabled) add('FEATURE_REQUIRES', path, `${sv} förutsätter justering.`, `${en} requires justering.`);
  }
  if (f.pageBoxes.utdragsbestyrkande && !f.protokollsutdrag) {
    add('FEATURE_REQUIRES', ['features', 'pageBoxes', 'utdragsbestyrkande'], 'Rutan ”Utdragsbestyrkande” förutsätter protokollsutdrag.', 'The "Utdragsbestyrkande" box requires protokollsutdrag (certified extracts).');
  }

  p.signing.signatories.forEach((role, i) => {
    if (p.signing.signatories.indexOf(role) !== i) add('DUPLICATE_SIGNATORY', ['signing', 'signatories', i], `${role} står två gånger bland underskrifterna.`, `${role} is listed twice among the signatories.`);
  });

  const phraseIds = new Set<string>();
  p.phrases.forEach((ph, i) => {
    if (phraseIds.has(ph.id)) add('DUPLICATE_PHRASE', ['phrases', i, 'id'], `Frasen ${ph.id} finns två gånger.`, `The phrase ${ph.id} is there twice.`);
    phraseIds.add(ph.id);
    if (p.decision.style === 'att-satser' && !/^att\s/u.test(ph.text)) {
      add('PHRASE_NOT_ATT_SATS', ['phrases', i, 'text'], `Frasen ”${ph.label}” ska börja med ”att”: beslut skrivs som att-satser.`, `The phrase "${ph.label}" must start with "att": decisions are written as att-satser.`);
    }
  });

  const seenKeys = new Set<AgendaItemKey>();
  for (const part of ['opening', 'closing'] as const) {
    p.agenda[part].forEach((item, i) => {
      if (item.key !== 'annan' && seenKeys.has(item.key)) {
        add('DUPLICATE_AGENDA_ITEM', ['agenda', part, i, 'key'], `Punkten ”${item.title}” finns redan på standarddagordningen.`, `The item "${item.title}" is already on the standard agenda.`);
      }
      seenKeys.add(item.key);
      item.phraseIds.forEach((id, j) => {
        if (!phraseIds.has(id)) add('UNKNOWN_PHRASE', ['agenda', part, i, 'phraseIds', j], `Punkten ”${item.title}” hänvisar till frasen ${id}, som inte finns.`, `The item "${item.title}" refers to the phrase ${id}, which does not exist.`);
      });
      if (item.key === 'val-av-justerare' && !f.justering.enabled) {
        add('FEATURE_REQUIRES', ['agenda', part, i, 'key'], `Punkten ”${item.title}” förutsätter justering.`, `The item "${item.title}" requires justering.`);
      }
      if (item.key === 'jav' && !f.jav) {
        add('FEATURE_REQUIRES', ['agenda', part, i, 'key'], `Punkten ”${item.title}” förutsätter att jäv protokollförs.`, `The item "${item.title}" requires jäv to be minuted.`);
      }
    });
  }

  const recipients = new Set<string>();
  p.distribution.forEach((r, i) => {
    const key = r.trim().toLowerCase();
    if (recipients.has(key)) add('DUPLICATE_RECIPIENT', ['distribution', i], `${r} står två gånger i sändlistan.`, `${r} is in the distribution list twice.`);
    recipients.add(key);
  });
  return issues;
}

/** The profile schema: field types plus checkProfile's rules. Use it wherever a profile enters. */
export const bodyProfileSchema = bodyProfileShape.superRefine((p, ctx) => {
  for (const issue of checkProfile(p)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message.en });
});
