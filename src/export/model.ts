/**
 * The protocol model: one layout-independent tree of a meeting's protocol, built from the
 * meeting document (content, meta, attendance), the body profile, the roster and the § labels
 * the Core computed. Every exporter (PDF now, DOCX and extracts later) renders this tree and
 * nothing else, so two formats of the same protocol can never disagree about what it says.
 *
 * Pure: no node:*, no Yjs. The Core reads the Y.Doc and passes plain values in.
 *
 * Older documents wrote lists and decisions as conventions of the text, recognised here the same
 * way the register reads them (src/followup/splitAttSatser): a lead paragraph ("LSVO:s
 * ledningsgrupp beslutar", or any paragraph ending in "beslutar") followed by "att …"
 * paragraphs is a decision block; a paragraph starting with "- ", "• " or "– " is a list entry.
 * The editor's own elements (decision, list, table, Dokument, skickas-till) are taken as they
 * are (bodyBlocks; lists and tables in richBlocks.ts).
 */
import type { BodyProfile, SignatoryRole } from '../bodies/profile';
import type { Person } from '../bodies/roster';
import { attendanceEntrySchema, attendanceStatusLabels, meetingRoleLabels, type AttendanceEntry, type AttendanceStatus, type MeetingRole } from '../protocol/attendance';
import { isElement, richBlockTypes, safeLinkUrl } from '../protocol/schema';
import { richModelBlock, richReadingOrder, type RichModelBlock } from './richBlocks';
import { itemPolitics } from '../protocol/politics';
import { isPoliticalType } from '../protocol/politicsSchema';
import { politicalBlock, politicalReadingOrder, type PoliticalBlock, type PoliticsExportContext } from './politics';

export interface ProtocolMeetingMeta {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  dnr: string | null;
  /** "Digital justering senast 2024-10-11 kl. 16.00", when the secretary wrote one. */
  justering?: string | null;
}

/** The labels the numbering engine computed (the Core's itemRows), by item id. */
export interface ItemLabel {
  id: string;
  label: string | null;
  subItems: Array<{ id: string; label: string | null }>;
}

export interface ProtocolInput {
  meeting: ProtocolMeetingMeta;
  profile: BodyProfile;
  roster: readonly Person[];
  /** The Slate children of the meeting document's `content`. */
  content: readonly unknown[];
  /** The meeting document's `attendance` map, as entries; invalid entries are skipped. */
  attendance: ReadonlyArray<readonly [string, unknown]>;
  labels: readonly ItemLabel[];
  /** Rättelser recorded after justering (the meeting document's `rattelser`), oldest first. */
  rattelser?: readonly Rattelse[];
  /** The lock record, once the protocol is justerat. */
  justerat?: Justerat | null;
}

/** When a protocol was justerat, by whose signatures, and the hash of the signed PDF. */
export interface Justerat {
  at: string;
  signers: Array<{ name: string | null; signedAt: string | null }>;
  signedPdfSha256: string;
}

/**
 * A correction of a justerat protocol: what changed, when, by whom and why. The protocol text
 * itself is never changed after justering; every later export prints these after it.
 */
export interface Rattelse {
  id: string;
  /** ISO time the rättelse was recorded. */
  at: string;
  by: string;
  /** The § it concerns (an item id), if any. */
  itemId: string | null;
  what: string;
  why: string;
}

export interface RattelseLine extends Rattelse {
  /** "§ 105", from the item it concerns. */
  label: string | null;
}

export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A link's address (http:, https: or mailto: only). */
  link?: string;
}

export type Block =
  | { kind: 'paragraph'; runs: TextRun[]; text: string }
  // Lists (also the Dokument and skickas-till blocks, with a heading) and tables: richBlocks.ts.
  | RichModelBlock
  | { kind: 'presenters'; text: string }
  | { kind: 'decision'; lead: string; decisions: string[] }
  | PoliticalBlock;

export interface ProtocolSubItem {
  id: string;
  /** "a/" */
  label: string | null;
  title: string;
  blocks: Block[];
}

export interface ProtocolItem {
  id: string;
  /** "§ 101", as the body's numbering scheme writes it; null when not numbered yet. */
  label: string | null;
  title: string;
  bordlagd: boolean;
  blocks: Block[];
  subItems: ProtocolSubItem[];
}

export interface AttendanceLine {
  name: string;
  /** "förvaltningschef Socialförvaltningen, Karlskrona kommun" */
  description: string;
  roles: string[];
  /** "§ 103", "ej fm", "tjänstgörande ersättare för X". */
  notes: string[];
}

export interface AttendanceGroup {
  status: AttendanceStatus;
  heading: string;
  people: AttendanceLine[];
}

export interface SignatureLine {
  role: SignatoryRole;
  roleLabel: string;
  name: string | null;
  description: string;
}

export interface ProtocolModel {
  lang: 'sv';
  meetingId: string;
  bodyName: string;
  documentTitle: string;
  date: string;
  /** "Fredagen den 7 maj 2021 kl. 12.30 – 15.30 via Teams"; null when nothing is known. */
  timeAndPlace: string | null;
  dnr: string | null;
  attendance: AttendanceGroup[];
  justerare: string[];
  /** Time (and place) of justering, or the deadline the profile implies. */
  justering: string | null;
  signatures: SignatureLine[];
  /** "§ 101–§ 112"; null when no item has a number. */
  span: string | null;
  items: ProtocolItem[];
  distribution: string[];
  pageBoxes: { justerandesSignatur: boolean; utdragsbestyrkande: boolean };
  /** The text of the profile's decision lead, for exporters that need it. */
  decisionLead: string;
  /** Rättelser after justering, oldest first; empty before. */
  rattelser: RattelseLine[];
  /** Set once the protocol is justerat: later exports say so on their signature page. */
  justerat: Justerat | null;
  /** 'protokoll', or 'utdrag': a protokollsutdrag of chosen § (extractModel). */
  kind: 'protokoll' | 'utdrag';
}

const WEEKDAYS = ['söndagen', 'måndagen', 'tisdagen', 'onsdagen', 'torsdagen', 'fredagen', 'lördagen'];
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "Fredagen den 7 maj 2021", as Swedish protocols write the date in "Tid och plats". */
export function swedishLongDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // UTC: the weekday of a calendar date must not depend on the machine's time zone.
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  return `${weekday[0]!.toUpperCase()}${weekday.slice(1)} den ${d} ${MONTHS[m - 1]} ${y}`;
}

/** "12:30" → "12.30": the stored form is HH:MM, Swedish text writes "kl. 12.30". */
const clock = (t: string): string => t.replace(':', '.');

export function timeAndPlace(m: Pick<ProtocolMeetingMeta, 'date' | 'startTime' | 'endTime' | 'place'>): string {
  let s = swedishLongDate(m.date);
  if (m.startTime && m.endTime) s += ` kl. ${clock(m.startTime)} – ${clock(m.endTime)}`;
  else if (m.startTime) s += ` kl. ${clock(m.startTime)}`;
  if (m.place) s += /^(via|i|på|hos)\s/iu.test(m.place) ? ` ${m.place}` : `, ${m.place}`;
  return s;
}

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function leafRuns(node: { children: unknown[] }, out: TextRun[]): void {
  for (const c of node.children) {
    if (isElement(c)) leafRuns(c, out);
    else if (typeof c === 'object' && c !== null && 'text' in c) {
      const leaf = c as { text: unknown; bold?: unknown; italic?: unknown; link?: unknown };
      const run: TextRun = { text: String(leaf.text) };
      if (leaf.bold === true) run.bold = true;
      if (leaf.italic === true) run.italic = true;
      const link = safeLinkUrl(leaf.link);
      if (link) {
        run.link = link;
        // A printed protocol cannot be clicked: the address follows the words (unless they are it).
        const address = link.replace(/^mailto:/iu, '');
        if (!run.text.includes(address)) run.text += ` (${address})`;
      }
      if (run.text !== '') out.push(run);
    }
  }
}

/** Collapses the whitespace a paste leaves (tabs, no-break spaces, doubled spaces). */
const tidy = (s: string): string => s.replace(/[\s\u00a0]+/gu, ' ').trim();

const ATT = /^att\s/iu;
const LIST = /^[-•–·*]\s+/u;
const PRESENTERS = /^föredragande\s*:/iu;

function isLead(text: string, lead: string): boolean {
  const t = tidy(text).toLocaleLowerCase('sv').replace(/:$/u, '');
  const l = tidy(lead).toLocaleLowerCase('sv').replace(/:$/u, '');
  return t === l || /(?:^|\s)beslutar$/u.test(t);
}

/**
 * Paragraphs to blocks. Empty paragraphs are dropped (the editor always keeps one to type in).
 * A decision block ends at the first paragraph that is neither an att-sats nor its lower-case
 * continuation, as in splitAttSatser.
 */
export function toBlocks(paragraphs: ReadonlyArray<{ runs: TextRun[] }>, profile: BodyProfile): Block[] {
  const blocks: Block[] = [];
  const lead = profile.decision.lead;
  for (const p of paragraphs) {
    const text = tidy(p.runs.map((r) => r.text).join(''));
    if (text === '') continue;
    const last = blocks[blocks.length - 1];
    if (isLead(text, lead) || /^beslut\s*:$/iu.test(text)) {
      blocks.push({ kind: 'decision', lead: text, decisions: [] });
      continue;
    }
    if (last?.kind === 'decision') {
      if (ATT.test(text) || (profile.decision.style !== 'att-satser' && last.decisions.length === 0)) {
        last.decisions.push(text.replace(LIST, ''));
        continue;
      }
      if (profile.decision.style === 'beslut-bullets' && LIST.test(text)) {
        last.decisions.push(text.replace(LIST, ''));
        continue;
      }
      if (/^\p{Ll}/u.test(text) && last.decisions.length > 0) {
        last.decisions[last.decisions.length - 1] += ` ${text}`;
        continue;
      }
    }
    const beslut = /^beslut\s*:\s*(.+)$/iu.exec(text);
    if (beslut) {
      blocks.push({ kind: 'decision', lead: 'Beslut:', decisions: [beslut[1]!] });
      continue;
    }
    if (LIST.test(text)) {
      const entry = text.replace(LIST, '');
      if (last?.kind === 'list') last.entries.push(entry);
      else blocks.push({ kind: 'list', entries: [entry] });
      continue;
    }
    if (PRESENTERS.test(text)) {
      blocks.push({ kind: 'presenters', text });
      continue;
    }
    blocks.push({ kind: 'paragraph', runs: p.runs, text });
  }
  return blocks;
}

function runsText(node: { children: unknown[] }): string {
  const runs: TextRun[] = [];
  leafRuns(node, runs);
  return tidy(runs.map((r) => r.text).join(''));
}

/**
 * The body of an item or sub-item to blocks. Typed paragraphs go through `toBlocks`; the
 * structured elements of the editor's schema, where present, are taken as they are: a
 * `decision` element (one `att-sats` child per decision; its lead phrase is the profile's,
 * shown, not stored) and a `foredragande` element (the names; the word "Föredragande:" is shown).
 * Element types are read as strings so the model accepts documents from any schema version.
 */
export function bodyBlocks(nodes: readonly unknown[], profile: BodyProfile, politics?: PoliticsExportContext): Block[] {
  const blocks: Block[] = [];
  let pending: Array<{ runs: TextRun[] }> = [];
  const flush = () => {
    blocks.push(...toBlocks(pending, profile));
    pending = [];
  };
  for (const n of nodes) {
    if (!isElement(n)) continue;
    const type = (n as { type: string }).type;
    if (type === 'decision') {
      flush();
      const decisions = (n.children as unknown[]).filter(isElement).map((a) => runsText(a)).filter((t) => t !== '');
      if (decisions.length > 0) blocks.push({ kind: 'decision', lead: profile.decision.lead, decisions });
    } else if ((richBlockTypes as readonly string[]).includes(type)) {
      const rich = richModelBlock(n);
      const lastText = pending.length > 0 ? tidy(pending[pending.length - 1]!.runs.map((r) => r.text).join('')) : '';
      if (rich?.kind === 'list' && !rich.heading && profile.decision.style === 'beslut-bullets' && /^beslut\s*:$/iu.test(lastText)) {
        // "Beslut:" and a bullet list: one decision per bullet, read as the older "- " paragraphs are.
        pending.push(...rich.entries.map((e) => ({ runs: [{ text: `– ${e}` }] })));
        continue;
      }
      flush();
      if (rich) blocks.push(rich);
    } else if (isPoliticalType(type)) {
      // Political lines (src/export/politics.ts); without the item's context (attendance, roster),
      // read from these nodes alone, so their text is never dropped.
      flush();
      const b = politicalBlock(n, politics ?? { itemId: '', politics: itemPolitics({ children: nodes }), attendance: [], roster: [], body: profile.name });
      if (b) blocks.push(b);
    } else if (type === 'foredragande') {
      flush();
      const names = runsText(n);
      if (names !== '') blocks.push({ kind: 'presenters', text: PRESENTERS.test(names) ? names : `Föredragande: ${names}` });
    } else {
      const runs: TextRun[] = [];
      leafRuns(n, runs);
      pending.push({ runs });
    }
  }
  flush();
  return blocks;
}

function personDescription(title: string, organisation: string): string {
  return [title, organisation].map((s) => s.trim()).filter((s) => s !== '').join(', ');
}

const roleOrder: readonly MeetingRole[] = ['ordforande', 'sekreterare', 'justerare', 'kommunikator', 'processledare'];
const groupHeadings: Record<AttendanceStatus, string> = {
  narvarande: 'Närvarande ledamöter',
  ersattare: attendanceStatusLabels.ersattare.sv,
  forhinder: 'Frånvarande',
  ovrig: attendanceStatusLabels.ovrig.sv,
};

export function buildProtocolModel(input: ProtocolInput): ProtocolModel {
  const { meeting, profile, roster } = input;
  const rosterIndex = new Map(roster.map((p, i) => [p.id, i]));
  const byId = new Map(roster.map((p) => [p.id, p]));
  const labelOf = new Map(input.labels.map((l) => [l.id, l]));

  // Items in document order; labels from the numbering engine (never stored in the text).
  const items: ProtocolItem[] = [];
  for (const node of input.content) {
    if (!isElement(node) || node.type !== 'item') continue;
    const labels = labelOf.get(node.id);
    const politics: PoliticsExportContext = { itemId: node.id, politics: itemPolitics(node), attendance: input.attendance, roster, body: profile.name };
    const subLabels = new Map((labels?.subItems ?? []).map((s) => [s.id, s.label]));
    let title = '';
    const body: unknown[] = [];
    const subItems: ProtocolSubItem[] = [];
    for (const c of node.children) {
      if (!isElement(c)) continue;
      if (c.type === 'item-title') title = runsText(c);
      else if (c.type === 'subitem') {
        let subTitle = '';
        const subBody: unknown[] = [];
        for (const s of c.children) {
          if (!isElement(s)) continue;
          if (s.type === 'subitem-title') subTitle = runsText(s);
          else subBody.push(s);
        }
        subItems.push({ id: c.id, label: subLabels.get(c.id) ?? null, title: subTitle, blocks: bodyBlocks(subBody, profile, politics) });
      } else body.push(c);
    }
    items.push({ id: node.id, label: labels?.label ?? null, title, bordlagd: node.bordlagd === true, blocks: bodyBlocks(body, profile, politics), subItems });
  }
  const itemLabel = new Map(items.map((i) => [i.id, i.label]));

  // Attendance: one group per status in the order minutes print them; the chair first, then
  // the roster's order (the order the body lists its members in), guests last.
  const entries: Array<{ key: string; entry: AttendanceEntry }> = [];
  for (const [key, raw] of input.attendance) {
    const parsed = attendanceEntrySchema.safeParse(raw);
    if (parsed.success) entries.push({ key, entry: parsed.data });
  }
  const nameOf = (e: AttendanceEntry): string => e.guest?.name ?? (e.personId ? byId.get(e.personId)?.name : undefined) ?? '';
  const sortKey = (e: AttendanceEntry): number => (e.roles.includes('ordforande') ? -1 : e.personId ? (rosterIndex.get(e.personId) ?? 1e6) : 2e6);
  entries.sort((a, b) => sortKey(a.entry) - sortKey(b.entry) || nameOf(a.entry).localeCompare(nameOf(b.entry), 'sv'));
  const groups: AttendanceGroup[] = [];
  for (const status of ['narvarande', 'ersattare', 'ovrig', 'forhinder'] as const) {
    const people: AttendanceLine[] = [];
    for (const { entry } of entries.filter((x) => x.entry.status === status)) {
      const person = entry.personId ? byId.get(entry.personId) : undefined;
      const name = nameOf(entry);
      if (name === '') continue;
      const notes: string[] = [];
      if (entry.replaces) notes.push(`tjänstgörande ersättare för ${byId.get(entry.replaces)?.name ?? entry.replaces}`);
      const present = (entry.presence?.itemIds ?? []).map((id) => itemLabel.get(id)).filter((l): l is string => !!l);
      if (present.length > 0) notes.push(present.join(', '));
      if (entry.presence?.note) notes.push(entry.presence.note);
      people.push({
        name,
        description: entry.guest ? personDescription(entry.guest.title, entry.guest.organisation) : person ? personDescription(person.title, person.organisation) : '',
        roles: [...entry.roles].sort((a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b)).map((r) => meetingRoleLabels[r].sv),
        notes,
      });
    }
    if (people.length > 0) groups.push({ status, heading: groupHeadings[status], people });
  }

  const withRole = (role: MeetingRole) => entries.filter((x) => x.entry.roles.includes(role) && x.entry.status !== 'forhinder').map((x) => x.entry);
  const describe = (e: AttendanceEntry): string => {
    const p = e.personId ? byId.get(e.personId) : undefined;
    return e.guest ? personDescription(e.guest.title, e.guest.organisation) : p ? personDescription(p.title, p.organisation) : '';
  };
  const signatures: SignatureLine[] = [];
  for (const role of profile.signing.signatories) {
    const label = meetingRoleLabels[role].sv;
    const people = withRole(role);
    // A signature line even when nobody has the role yet: the printed form has a line to sign.
    if (people.length === 0) signatures.push({ role, roleLabel: label, name: null, description: '' });
    for (const e of people) signatures.push({ role, roleLabel: label, name: nameOf(e), description: describe(e) });
  }

  const numbered = items.filter((i) => i.label !== null);
  const span = numbered.length === 0 ? null : numbered.length === 1 ? numbered[0]!.label : `${numbered[0]!.label}–${numbered[numbered.length - 1]!.label}`;

  let justering: string | null = meeting.justering ?? null;
  if (!justering && profile.features.justering.enabled && profile.features.justering.deadlineDays !== null) {
    justering = `Justering senast ${addDays(meeting.date, profile.features.justering.deadlineDays)}`;
  }

  const hasTime = meeting.startTime !== null || meeting.place !== null;
  return {
    lang: 'sv',
    meetingId: meeting.id,
    bodyName: profile.name,
    documentTitle: profile.documentTitle,
    date: meeting.date,
    timeAndPlace: hasTime ? timeAndPlace(meeting) : swedishLongDate(meeting.date),
    dnr: meeting.dnr,
    attendance: groups,
    justerare: profile.features.justering.enabled ? withRole('justerare').map(nameOf) : [],
    justering: profile.features.justering.enabled ? justering : null,
    signatures,
    span,
    items,
    distribution: [...profile.distribution],
    pageBoxes: { ...profile.features.pageBoxes },
    decisionLead: profile.decision.lead,
    rattelser: (input.rattelser ?? []).map((r) => ({ ...r, label: r.itemId ? (itemLabel.get(r.itemId) ?? null) : null })),
    justerat: input.justerat ?? null,
    kind: 'protokoll',
  };
}

/**
 * A protokollsutdrag: the meeting's header, attendance and justering with only the chosen §
 * (in the protocol's order, whatever order they were asked in), and the rättelser that concern
 * them. No ärendeförteckning beyond the chosen §, no signature lines: the extract is certified
 * by the Utdragsbestyrkande text, not signed as the protocol is.
 */
export function extractModel(model: ProtocolModel, itemIds: readonly string[]): ProtocolModel {
  const wanted = new Set(itemIds);
  const items = model.items.filter((i) => wanted.has(i.id));
  if (items.length === 0 || items.length !== wanted.size) throw new Error('extractModel: an item id is not in the protocol');
  const numbered = items.filter((i) => i.label !== null);
  const span = numbered.length === 0 ? null : numbered.length === 1 ? numbered[0]!.label : `${numbered[0]!.label}–${numbered[numbered.length - 1]!.label}`;
  return {
    ...model,
    kind: 'utdrag',
    documentTitle: 'Protokollsutdrag',
    items,
    span,
    signatures: [],
    rattelser: model.rattelser.filter((r) => r.itemId !== null && wanted.has(r.itemId)),
  };
}

/** "Utdragsbestyrkande": the certification an extract carries. */
export function utdragsbestyrkande(model: Pick<ProtocolModel, 'bodyName' | 'date' | 'span'>): string {
  // No genitive of the body's name: "LSVO:s", "Socialnämndens" and "Region Blekinges" follow different rules.
  return `Utdragsbestyrkande: Detta utdrag${model.span ? ` (${model.span})` : ''} ur protokollet från ${model.bodyName} ${model.date} överensstämmer med originalprotokollet.`;
}

/** Every text of the model in reading order, one entry per line: what a PDF's text must contain. */
export function modelReadingOrder(model: ProtocolModel): string[] {
  const out: string[] = [];
  const blocks = (bs: Block[]) => {
    for (const b of bs) {
      if (b.kind === 'paragraph' || b.kind === 'presenters') out.push(b.text);
      else if (b.kind === 'list' || b.kind === 'table') out.push(...richReadingOrder(b));
      else if (b.kind === 'political' || b.kind === 'omrostning') out.push(...politicalReadingOrder(b));
      else out.push(b.lead, ...b.decisions);
    }
  };
  for (const item of model.items) {
    if (item.label) out.push(item.label);
    out.push(item.title);
    blocks(item.blocks);
    for (const s of item.subItems) {
      out.push(`${s.label ?? ''} ${s.title}`.trim());
      blocks(s.blocks);
    }
  }
  return out;
}
