/**
 * Test data: 20 people from the attendance list of the LSVO protocol of 2021-05-07
 * (samples/lsvo-2021-05-07-protokoll.txt), with names, titles and organisations exactly as
 * written there. E-mail addresses are invented under the reserved ".example" domain.
 */
export interface Row {
  name: string;
  title: string;
  organisation: string;
  role: string;
  email: string;
}

const people: [string, string, string, string?][] = [
  ['Bodil Sundlöf', 'Enheten för kvalitet och utveckling', 'Region Blekinge'],
  ['Torill Skaar Magnusson', 'förvaltningschef Omsorgsförvaltningen', 'Karlshamns kommun'],
  ['Thomas Svensson', 'förvaltningschef Arbete och välfärd', 'Karlshamns kommun'],
  ['Annelie Kjellström', 'förvaltningschef Omsorgsförvaltningen', 'Sölvesborgs kommun'],
  ['Elina Tyrberg', 'förvaltningschef, Funktionsstödsförvaltningen', 'Karlskrona kommun'],
  ['Cecilia Grefve-Lang', 'förvaltningschef Socialförvaltningen', 'Karlskrona kommun'],
  ['Birgitta Ratcovich', 'förvaltningschef Socialförvaltningen', 'Ronneby kommun'],
  ['Patrik Håkansson', 'förvaltningschef utbildningsförvaltningen', 'Olofströms kommun'],
  ['Robert Schelin', 'förvaltningschef Socialförvaltningen', 'Olofströms kommun'],
  ['Gunilla Råberg', 'förvaltningschef Äldreförvaltningen', 'Karlskrona kommun'],
  ['Kjell Ivarsson', 'hälso- och sjukvårdsdirektör', 'Region Blekinge'],
  ['Håkan Friberg', 'medicinsk rådgivare, Hälsovalsavdelningen', 'Region Blekinge'],
  ['Annika Mellqvist', 'tf hälso- och sjukvårdschef Nära vård', 'Region Blekinge'],
  ['Carina Andersson', 'Enheten för kvalitet och utveckling', 'Region Blekinge'],
  ['Martin Åsman', 'förvaltningschef Barn- och utbildningsförvaltningen', 'Sölvesborgs kommun'],
  ['Tobias Ekblad', 'förvaltningschef utbildningsförvaltningen', 'Ronneby kommun'],
  ['Maria Appelskog', 'förvaltningschef Vård- och omsorgsförvaltningen', 'Ronneby kommun'],
  ['Yvonne Strandh', 'förvaltningschef kunskapsförvaltningen', 'Karlskrona kommun'],
  ['Tomas Ringberg', 'förvaltningschef utbildningsförvaltningen', 'Karlshamns kommun'],
  ['Mats Wennstig', 'Enheten för kvalitet och utveckling', 'Region Blekinge', 'Tjänsteperson'],
];

function ascii(s: string): string {
  return s.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e');
}

export const lsvoRows: Row[] = people.map(([name, title, organisation, role]) => ({
  name,
  title,
  organisation,
  role: role ?? 'Ledamot',
  email: `${ascii(name).replace(/ /g, '.')}@${ascii(organisation).replace(/ kommun$/, '').replace(/ /g, '')}.example`,
}));

/** A CSV text written independently of the code under test: quote when needed, CRLF. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[], sep: string): string {
  const field = (v: string) => (v.includes(sep) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(field).join(sep)).join('\r\n') + '\r\n';
}

export const svHeader = ['Namn', 'Titel', 'Organisation', 'Roll', 'E-post'];
export function lsvoCsv(sep: string): string {
  return csvText(svHeader, lsvoRows.map((r) => [r.name, r.title, r.organisation, r.role, r.email]), sep);
}

/**
 * Windows-1252 by hand, for exactly the letters Swedish rosters need, so the test does not
 * depend on any decoder: å=E5 ä=E4 ö=F6 Å=C5 Ä=C4 Ö=D6 é=E9. Anything else non-ASCII throws.
 */
const cp1252: Record<string, number> = { å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6, é: 0xe9 };
export function encodeCp1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code;
    const b = cp1252[ch];
    if (b === undefined) throw new Error(`no hand mapping for ${ch}`);
    return b;
  });
}

export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...body]) : body;
}

/** Sequential ids "p1", "p2", … and a count of calls. */
export function counter(): { newId: () => string; calls: () => number } {
  let n = 0;
  return { newId: () => `p${++n}`, calls: () => n };
}
