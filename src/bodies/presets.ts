/**
 * Starting points for a new body's profile, one per kind of series seen in practice (the
 * samples in /samples): the secretary picks one, names the body, and edits from there.
 *
 * - sammantradesprotokoll: a formal protocol like LSVO's — § counting through the year,
 *   "[Body] beslutar" + att-satser, justering, boxes on every page, protokollsutdrag.
 * - motesanteckningar: like Kronoberg's — points 1, 2, 3, prose "Beslut: …", no justering,
 *   "Mötesanteckningar förda av …".
 * - minnesanteckningar: like Skåne Nordväst's — "§ 1" restarting each meeting, "Beslut:" +
 *   bullets, signed by ordförande and processledare.
 * - politisk-namnd: a nämnd, styrelse or fullmäktige under Kommunallagen — a formal protocol
 *   plus votes, reservations, jäv, protokollsanteckningar, justering within 14 days,
 *   omedelbar justering and anslag.
 */
import type { Bilingual } from './bilingual';
import { fillBodyName, genitive } from './genitive';
import { type AgendaTemplateItem, type BodyProfile, type Phrase, bodyProfileSchema } from './profile';

export const presetIds = ['sammantradesprotokoll', 'motesanteckningar', 'minnesanteckningar', 'politisk-namnd'] as const;
export type PresetId = (typeof presetIds)[number];

export const presetLabels: Record<PresetId, Bilingual> = {
  sammantradesprotokoll: { sv: 'Sammanträdesprotokoll (formellt, som LSVO)', en: 'Formal minutes (like LSVO)' },
  motesanteckningar: { sv: 'Mötesanteckningar (punkter, ”Beslut:”)', en: 'Meeting notes (points, "Beslut:")' },
  minnesanteckningar: { sv: 'Minnesanteckningar (§ 1 varje möte, ”Beslut:” i punktform)', en: 'Memorandum notes (§ 1 each meeting, bulleted "Beslut:")' },
  'politisk-namnd': { sv: 'Politisk nämnd, styrelse eller fullmäktige (Kommunallagen)', en: 'Political board or council (Local Government Act)' },
};

const item = (key: AgendaTemplateItem['key'], title: string, phraseIds: string[] = []): AgendaTemplateItem => ({ key, title, phraseIds });
const phrase = (id: string, label: string, text: string): Phrase => ({ id, label, text });

function attSatsPhrases(): Phrase[] {
  return [
    phrase('information', 'Informationen till protokollet', 'att lägga informationen till protokollet'),
    phrase('foredragningslista', 'Föredragningslista med tillägg', 'att med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista'),
    phrase('foredragningslista-utan-tillagg', 'Föredragningslista', 'att godkänna för sammanträdet upprättad föredragningslista'),
    phrase('foregaende-protokoll', 'Godkänna föregående protokoll', 'att godkänna … upprättat sammanträdesprotokoll'),
    phrase('justerare', 'Val av justerare', 'att utse … att jämte ordföranden justera protokollet'),
    phrase('tid-for-justering', 'Tid för justering', 'att justering sker …'),
    phrase('bordlagga', 'Bordlägga', 'att bordlägga frågan och ta upp denna igen vid …'),
    phrase('aterremittera', 'Återremittera', 'att återremittera ärendet för …'),
    phrase('uppdrag', 'Uppdrag', 'att … ges i uppdrag att …'),
  ];
}

function formal(): Omit<BodyProfile, 'name'> {
  return {
    documentTitle: 'Sammanträdesprotokoll',
    genre: 'sammantradesprotokoll',
    kommunallagen: false,
    numbering: { kind: 'yearly', format: 'space' },
    decision: { style: 'att-satser', lead: '{namn} beslutar' },
    features: {
      justering: { enabled: true, deadlineDays: null, omedelbar: false },
      pageBoxes: { justerandesSignatur: true, utdragsbestyrkande: true },
      protokollsutdrag: true,
      anslag: { enabled: false, publishWithinDays: 2, keepDays: 21 },
      votes: false,
      reservations: false,
      jav: false,
      protokollsanteckning: false,
    },
    signing: { signatories: ['sekreterare', 'ordforande', 'justerare'], recordedBy: null },
    agenda: {
      opening: [
        item('val-av-justerare', 'Val av justerare samt tid för justering', ['justerare', 'tid-for-justering']),
        item('godkannande-av-foredragningslista', 'Godkännande av föredragningslista', ['foredragningslista', 'foredragningslista-utan-tillagg']),
        item('foregaende-protokoll', 'Föregående sammanträdesprotokoll', ['foregaende-protokoll']),
      ],
      closing: [item('ovriga-fragor', 'Övriga frågor'), item('avslutande', 'Mötets avslutande')],
    },
    distribution: ['Diariet', 'Ledamöter'],
    phrases: attSatsPhrases(),
  };
}

function motesanteckningar(): Omit<BodyProfile, 'name'> {
  return {
    documentTitle: 'Mötesanteckningar',
    genre: 'motesanteckningar',
    kommunallagen: false,
    numbering: { kind: 'points' },
    decision: { style: 'beslut-prose', lead: 'Beslut:' },
    features: noFormalFeatures(),
    signing: { signatories: [], recordedBy: 'Mötesanteckningar förda av' },
    agenda: {
      opening: [
        item('oppnande', 'Incheckning'),
        item('godkannande-av-foredragningslista', 'Godkännande av dagordning', ['dagordning']),
        item('foregaende-protokoll', 'Föregående mötesanteckningar', ['foregaende-protokoll']),
      ],
      closing: [item('ovriga-fragor', 'Övrigt'), item('avslutande', 'Avslut')],
    },
    distribution: ['Ledamöter'],
    phrases: [
      phrase('information', 'Informationen till handlingarna', 'Informationen läggs till handlingarna.'),
      phrase('dagordning', 'Dagordningen godkänns', 'Dagordningen godkänns.'),
      phrase('foregaende-protokoll', 'Föregående anteckningar godkänns', 'Föregående mötesanteckningar godkänns.'),
      phrase('stalla-sig-bakom', 'Ställer sig bakom', 'Mötet ställer sig bakom …'),
      phrase('bordlagga', 'Bordlägga', 'Frågan bordläggs och tas upp igen vid …'),
      phrase('aterremittera', 'Återremittera', 'Ärendet återremitteras för …'),
    ],
  };
}

function minnesanteckningar(): Omit<BodyProfile, 'name'> {
  return {
    documentTitle: 'Minnesanteckningar',
    genre: 'minnesanteckningar',
    kommunallagen: false,
    numbering: { kind: 'per-meeting', format: 'paragraph' },
    decision: { style: 'beslut-bullets', lead: 'Beslut:' },
    features: noFormalFeatures(),
    signing: { signatories: ['ordforande', 'processledare'], recordedBy: null },
    agenda: {
      opening: [
        item('oppnande', 'Mötets öppnande'),
        item('foregaende-protokoll', 'Genomgång av minnesanteckningarna från föregående sammanträde', ['foregaende-protokoll']),
      ],
      closing: [item('ovriga-fragor', 'Övrigt'), item('avslutande', 'Mötets avslutande')],
    },
    distribution: ['Ledamöter'],
    phrases: [
      phrase('information', 'Informationen till handlingarna', 'Informationen läggs till handlingarna.'),
      phrase('foregaende-protokoll', 'Inga synpunkter', 'Inga synpunkter, läggs till handlingarna.'),
      phrase('ta-med-hem', 'Tar med frågan hem', 'Samtliga tar med frågan hem och frågan tas åter upp vid kommande möte.'),
      phrase('bordlagga', 'Bordlägga', 'Frågan bordläggs och kommer åter upp vid …'),
      phrase('aterremittera', 'Återremittera', 'Ärendet återremitteras för …'),
    ],
  };
}

function politiskNamnd(): Omit<BodyProfile, 'name'> {
  const base = formal();
  return {
    ...base,
    kommunallagen: true,
    features: {
      justering: { enabled: true, deadlineDays: 14, omedelbar: true },
      pageBoxes: { justerandesSignatur: true, utdragsbestyrkande: true },
      protokollsutdrag: true,
      anslag: { enabled: true, publishWithinDays: 2, keepDays: 21 },
      votes: true,
      reservations: true,
      jav: true,
      protokollsanteckning: true,
    },
    agenda: {
      opening: [
        item('oppnande', 'Sammanträdets öppnande'),
        item('upprop', 'Upprop'),
        item('val-av-justerare', 'Val av justerare samt tid för justering', ['justerare', 'tid-for-justering']),
        item('godkannande-av-foredragningslista', 'Godkännande av föredragningslista', ['foredragningslista', 'foredragningslista-utan-tillagg']),
        item('jav', 'Anmälan om jäv'),
      ],
      closing: [
        item('delegationsbeslut', 'Anmälan av delegationsbeslut', ['delegationsbeslut']),
        item('meddelanden', 'Meddelanden', ['meddelanden']),
        item('ovriga-fragor', 'Övriga frågor'),
        item('avslutande', 'Sammanträdets avslutande'),
      ],
    },
    distribution: ['Diariet', 'Ledamöter', 'Ersättare'],
    phrases: [
      ...attSatsPhrases().filter((p) => p.id !== 'foregaende-protokoll'),
      phrase('omedelbar-justering', 'Omedelbar justering', 'att förklara paragrafen omedelbart justerad'),
      phrase('delegationsbeslut', 'Delegationsbeslut till handlingarna', 'att lägga redovisningen av delegationsbeslut till handlingarna'),
      phrase('meddelanden', 'Meddelanden till handlingarna', 'att lägga meddelandena till handlingarna'),
      phrase('bifall', 'Bifall', 'att bifalla …'),
      phrase('avslag', 'Avslag', 'att avslå …'),
    ],
  };
}

function noFormalFeatures(): BodyProfile['features'] {
  return {
    justering: { enabled: false, deadlineDays: null, omedelbar: false },
    pageBoxes: { justerandesSignatur: false, utdragsbestyrkande: false },
    protokollsutdrag: false,
    anslag: { enabled: false, publishWithinDays: 2, keepDays: 21 },
    votes: false,
    reservations: false,
    jav: false,
    protokollsanteckning: false,
  };
}

const builders: Record<PresetId, () => Omit<BodyProfile, 'name'>> = {
  sammantradesprotokoll: formal,
  motesanteckningar,
  minnesanteckningar,
  'politisk-namnd': politiskNamnd,
};

export interface ProfileFromPresetOptions {
  /**
   * The group within the named organisation that decides, for phrases like "LSVO:s
   * ledningsgrupp beslutar": the lead becomes "{genitive of name} {group} beslutar". Without it
   * the lead is "{name} beslutar" ("Socialnämnden beslutar"). Ignored by the "Beslut:" genres.
   */
  group?: string;
}

/**
 * A complete, valid profile for a new body: a fresh copy of the preset (nothing shared between
 * bodies) with the body's name filled into the decision lead and phrases.
 */
export function profileFromPreset(preset: PresetId, name: string, options: ProfileFromPresetOptions = {}): BodyProfile {
  const tidyName = name.trim().replace(/\s+/gu, ' ');
  if (tidyName === '') throw new RangeError('profileFromPreset: the body needs a name');
  const base = builders[preset]();
  const group = options.group?.trim().replace(/\s+/gu, ' ') ?? '';
  const leadTemplate =
    base.decision.style === 'att-satser' && group !== '' ? `${genitive(tidyName)} ${group} beslutar` : base.decision.lead;
  const profile: BodyProfile = {
    name: tidyName,
    ...base,
    decision: { ...base.decision, lead: fillBodyName(leadTemplate, tidyName) },
    phrases: base.phrases.map((p) => ({ ...p, text: fillBodyName(p.text, tidyName) })),
  };
  // Presets are data written by hand: validate, so a broken preset fails in tests, not at a user.
  return bodyProfileSchema.parse(profile);
}
