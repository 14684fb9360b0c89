/**
 * The LSVO protocol of 2021-05-07 (../shared/samples/lsvo-2021-05-07-protokoll.txt), re-created
 * through the real Core: body, roster, an earlier meeting ending at § 100, the meeting with its
 * twelve items (§ 101–§ 112, sub-items a/ b/ under Övriga frågor) and attendance.
 */
import { randomUUID } from 'node:crypto';
import { Transforms } from 'slate';
import * as Y from 'yjs';
import { unwrap } from '../../../src/api/client';
import { fromBase64, toBase64 } from '../../../src/api/base64';
import type { TypedApi } from '../../../src/api/transport';
import type { ItemElement, ParagraphElement, SubItemElement } from '../../../src/protocol/schema';
import { editDoc } from '../../helpers/meetingEditor';

const id = () => randomUUID();
const para = (text: string): ParagraphElement => ({ type: 'paragraph', id: id(), children: [{ text }] });
const LEAD = 'LSVO:s ledningsgrupp beslutar';

function item(title: string, lines: string[], subs: Array<[string, string[]]> = []): ItemElement {
  const subItems: SubItemElement[] = subs.map(([t, ls]) => ({ type: 'subitem', id: id(), children: [{ type: 'subitem-title', id: id(), children: [{ text: t }] }, ...ls.map(para)] }));
  return { type: 'item', id: id(), children: [{ type: 'item-title', id: id(), children: [{ text: title }] }, ...lines.map(para), ...subItems] };
}

export const lsvoItems = (): ItemElement[] => [
  item('Godkännande av föredragningslistan', [LEAD, 'att med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista']),
  item('Föregående sammanträdesprotokoll', [
    'Återkoppling protokoll 2021-04-09:',
    '§95 VFU sjuksköterskeprogrammet BTH – Återkoppling möte med BTH: Annelie Kjellström informerar om att det varit en bra dialog med VFU-rådet med ömsesidig förståelse.',
    LEAD,
    'att godkänna för 2021-04-09 upprättade sammanträdesprotokoll.',
  ]),
  item('Uppföljning angående åtgärder utifrån IVOs granskning (se PPT)', [
    'Föredragande: Helene Bjerstedt och Ingemar Lilja',
    'Föredragande gav en beskrivning av svaren på IVO:s granskning i Blekinge som ska vara inlämnade till IVO senast den 15/9. Åtgärderna som ska vidtas utgår från införande av närsjukvårdsmodellen ”Mobil närvård” och dessa innebär konkret:',
    '- Breddinförande av Avancerad medicinsk individuell vårdplan, AMP, för att säkra att den medicinska bedömningen dokumenteras i journalsystemet',
    '- Rutin för AMP (syfte, rollfördelning, genomförande etc.)',
    '- Gemensamt sätta plan för hela införandet av mobil närvård',
    LEAD,
    'att lägga informationen till protokollet.',
  ]),
  item('Psykisk hälsa 2021 - Budget/gemensamma tjänster (se PPT)', [
    'Föredragande: Kristina Borén och Bodil Sundlöv',
    'Kristina Borén är regionens länssamordnare och inom kort är även kommunernas motsvarighet på plats. I årets överenskommelse ställs högre krav på resultat och effekter i redovisningen till SKR.',
    LEAD,
    'att godkänna presenterat förslag till budget för gemensamma tjänster efter justering enligt ovan.',
    'att länsamordnarna återkommer till LSVO med förslag till inriktning för 2021 års utvecklingsmedel',
  ]),
  item('God och nära vård - Rekrytering utvecklingsamordnare', [
    'Föredragande: Annika Mellqvist',
    'Det var 23 sökande till tjänsterna som utvecklingssamordnare. Av sökande var det endast ett fåtal som uppfyllde den önskade profilen. '.repeat(3),
    LEAD,
    'att Kjell Ivarsson tar med sig frågan om möjligheten till längre anställningstid för regionens utvecklingssamordnare.',
    'att Annika Mellqvist tar med sig frågan om huruvida rekrytering ska fortsätta enligt plan eller om det ska avvaktas med en ny annonsering efter sommaren',
  ]),
  item('Projektstruktur länsgemensamma projekt', [
    'Föredragande: Bodil Sundlöf, Kristina Borén, Mats Wennstig',
    'Det finns behov av att ta fram en tydlig struktur för större länsgemensamma projekt som exempelvis Uppdrag psykisk hälsa samt God och nära vård.',
    LEAD,
    'att föredragande ges i uppdrag att ta fram ett förslag till projektstruktur som presenteras vid LSVO 4 juni',
  ]),
  item('Nytt tillnyktringsavtal - Hur arbeta fram nytt avtal?', [
    'Föredragande: Bodil Sundlöf',
    'Nuvarande avtal gäller till 211231. Frågan om förlängning har lyfts till det interkommunala forumet men pga låg närvaro kunde detta ej behandlas.',
    LEAD,
    'att Annika Mellqvist ansvarar för att ett underlag och redovisning för 2020 skickas ut inför LSVO 4 juni.',
  ]),
  item('LSVOs ledningssystem - Framtagande av verksamhetsplan/handlingsplaner -21, Beredningsgruppen, Samverkansgrupperna', [
    'Föredragande: Bodil Sundlöv och Mats Wennstig',
    'I LSVO ledningssystem anges att LSVO årligen ska ta fram en verksamhetsplan för de kommande fem åren. '.repeat(4),
    'Steg 1: LSVO ringar in några frågeställningar som kan ange riktningen för samverkansgrupperna',
    'Steg 2: Samverkansgrupperna gör ett grundarbete med analys av valda delar som därefter skickas till LSVO',
    LEAD,
    'att en arbetsgrupp bestående av Kjell Ivarsson, Patrik Håkansson, Annelie Kjellström och Birgitta Ratcovich ringar in frågeställningarna enligt ovan.',
  ]),
  item('LSVO:s möten - Mötesplan hösten -21/Mötestid, Behov av extra LSVO pga Covid-läget?, Digitalisering av möten (e-meeting)', [
    'Mötesplanen för hösten diskuterades. '.repeat(6),
    LEAD,
    'att nuvarande mötestid behålls',
  ]),
  item('FoU-avtal 2022 – Utkast', ['Ett utkast till nytt FoU-avtal presenterades.', LEAD, 'att bordlägga frågan och ta upp denna igen vid LSVO 4 juni']),
  item('Införande av NCS BoS för Klinisk kemi - Återkoppling', ['Återkoppling om införandet.', LEAD, 'att lägga informationen till protokollet']),
  item(
    'Övriga frågor',
    [],
    [
      ['Vaccinationsmöjligheter för personal HBV', ['Frågan om vaccination för personal inom hemsjukvården togs upp.', LEAD, 'att Kjell Ivarsson undersöker möjligheten till vaccination']],
      ['Underskrifter LSVO:s ledningssystem', ['Ledningssystemet skrivs under digitalt.']],
    ],
  ),
];

const roster = [
  ['Bodil Sundlöf', 'Enheten för kvalitet och utveckling', 'Region Blekinge'],
  ['Torill Skaar Magnusson', 'förvaltningschef Omsorgsförvaltningen', 'Karlshamns kommun'],
  ['Cecilia Grefve-Lang', 'förvaltningschef Socialförvaltningen', 'Karlskrona kommun'],
  ['Kjell Ivarsson', 'hälso- och sjukvårdsdirektör', 'Region Blekinge'],
  ['Annika Mellqvist', 'tf hälso- och sjukvårdschef Nära vård', 'Region Blekinge'],
  ['Mats Wennstig', 'Enheten för kvalitet och utveckling', 'Region Blekinge'],
  ['Martin Åsman', 'förvaltningschef Barn- och utbildningsförvaltningen', 'Sölvesborgs kommun'],
];

export async function createLsvoMeeting(api: TypedApi) {
  const csv = toBase64(new TextEncoder().encode(['Namn;Titel;Organisation', ...roster.map((r) => r.join(';'))].join('\r\n')));
  const body = unwrap(await api.invoke('bodies.create', { name: 'LSVO', preset: 'sammantradesprotokoll', group: 'ledningsgrupp' }));
  unwrap(await api.invoke('roster.importCsv', { bodyId: body.id, csv }));
  unwrap(await api.invoke('meetings.recordEarlier', { bodyId: body.id, date: '2021-04-09', firstNumber: 90, lastNumber: 100 }));
  const meeting = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07', startTime: '12:30', endTime: '15:30', place: 'via Teams', dnr: '21RGK153' }));

  const bodyDoc = new Y.Doc();
  Y.applyUpdate(bodyDoc, fromBase64(unwrap(await api.invoke('docs.open', { docId: body.id })).update));
  const personId = new Map<string, string>();
  bodyDoc.getMap('members').forEach((v) => {
    const p = v as { id: string; name: string };
    personId.set(p.name, p.id);
  });
  const items = lsvoItems();
  await editDoc(api, meeting.id, (doc, editor) => {
    // Replace the standard agenda with the twelve items of the sample.
    const standard = editor.children.length;
    for (const i of items) Transforms.insertNodes(editor, i as never, { at: [editor.children.length] });
    for (let k = 0; k < standard; k++) Transforms.removeNodes(editor, { at: [0] });
    const att = doc.getMap('attendance');
    const mark = (name: string, status: string, roles: string[] = []) => {
      const pid = personId.get(name)!;
      att.set(pid, { personId: pid, status, roles });
    };
    mark('Bodil Sundlöf', 'narvarande', ['ordforande']);
    mark('Torill Skaar Magnusson', 'narvarande', ['justerare']);
    mark('Cecilia Grefve-Lang', 'narvarande');
    mark('Kjell Ivarsson', 'narvarande');
    mark('Annika Mellqvist', 'narvarande');
    mark('Mats Wennstig', 'ovrig', ['sekreterare']);
    mark('Martin Åsman', 'forhinder');
    att.set('guest-1', { personId: null, guest: { name: 'Helene Bjerstedt', title: 'utvecklingsledare', organisation: 'Region Blekinge' }, status: 'ovrig', roles: [], presence: { itemIds: [items[2]!.id] } });
  });
  return { body, meeting, items };
}
