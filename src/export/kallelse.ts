/**
 * The kallelse (notice of meeting) with its föredragningslista (agenda): what the secretary
 * sends to the members and substitutes before the meeting. Built from the same input and the
 * same protocol model as the protocol (buildProtocolModel: the items, their titles, § labels
 * and föredragande), so the agenda sent out and the minutes later taken never disagree about
 * what was on it. Exporters (main/export/kallelsePdf.ts, docx.ts) render this and nothing else.
 *
 * Pure: no node:*, no Yjs.
 */
import type { PersonRole } from '../bodies/roster';
import { buildProtocolModel, type ProtocolInput } from './model';

export interface KallelseItem {
  id: string;
  /** "§ 101" when the numbering engine has given the item a number; otherwise "1.", "2.", … */
  number: string;
  title: string;
  /** "Föredragande: Helene Bjerstedt och Ingemar Lilja", one entry per line given. */
  presenters: string[];
  /** "a/ Vaccinationsmöjligheter för personal HBV" */
  subItems: string[];
}

export interface KallelseGroup {
  role: PersonRole;
  heading: string;
  /** "Torill Skaar Magnusson, förvaltningschef Omsorgsförvaltningen, Karlshamns kommun" */
  people: string[];
}

export interface KallelseModel {
  lang: 'sv';
  kind: 'kallelse';
  meetingId: string;
  bodyName: string;
  documentTitle: 'Kallelse';
  date: string;
  dnr: string | null;
  /** "Fredagen den 7 maj 2021 kl. 12.30 – 15.30 via Teams" */
  timeAndPlace: string;
  /** "Härmed kallas ni till sammanträde med LSVO." */
  intro: string;
  called: KallelseGroup[];
  /** Whom to tell of förhinder (the meeting's sekreterare, when one is set). */
  forhinder: string;
  items: KallelseItem[];
  /** The page furniture shared with the protocol: no signature boxes on a kallelse. */
  pageBoxes: { justerandesSignatur: false; utdragsbestyrkande: false };
}

/** Who is called, in this order; tjänstepersoner are not called, they send the kallelse. */
const CALLED: ReadonlyArray<{ role: PersonRole; heading: string }> = [
  { role: 'ledamot', heading: 'Ledamöter' },
  { role: 'ersattare', heading: 'Ersättare' },
  { role: 'adjungerad', heading: 'Adjungerade' },
];

export function buildKallelseModel(input: ProtocolInput): KallelseModel {
  const protocol = buildProtocolModel(input);
  const describe = (parts: string[]) => parts.map((s) => s.trim()).filter((s) => s !== '').join(', ');
  const called: KallelseGroup[] = [];
  for (const { role, heading } of CALLED) {
    // The roster's order is the body's own order of its members; people who left are not called.
    const people = input.roster.filter((p) => p.active && p.role === role).map((p) => describe([p.party ? `${p.name} (${p.party})` : p.name, p.title, p.organisation]));
    if (people.length > 0) called.push({ role, heading, people });
  }
  const secretary = protocol.signatures.find((s) => s.role === 'sekreterare' && s.name)?.name ?? null;
  const items: KallelseItem[] = protocol.items.map((item, i) => ({
    id: item.id,
    number: item.label ?? `${i + 1}.`,
    title: item.title,
    presenters: item.blocks.filter((b) => b.kind === 'presenters').map((b) => b.text),
    subItems: item.subItems.map((s) => [s.label, s.title].filter(Boolean).join(' ')),
  }));
  const when = protocol.timeAndPlace ?? protocol.date;
  return {
    lang: 'sv',
    kind: 'kallelse',
    meetingId: protocol.meetingId,
    bodyName: protocol.bodyName,
    documentTitle: 'Kallelse',
    date: protocol.date,
    dnr: protocol.dnr,
    timeAndPlace: when,
    intro: `Härmed kallas ni till sammanträde med ${protocol.bodyName}.`,
    called,
    forhinder: secretary ? `Förhinder anmäls till sekreteraren ${secretary}, som kallar ersättare.` : 'Förhinder anmäls till sekreteraren, som kallar ersättare.',
    items,
    pageBoxes: { justerandesSignatur: false, utdragsbestyrkande: false },
  };
}

/** Every text of the föredragningslista in reading order: what a kallelse's text must contain. */
export function kallelseReadingOrder(model: KallelseModel): string[] {
  return model.items.flatMap((i) => [i.number, i.title, ...i.presenters, ...i.subItems]);
}
