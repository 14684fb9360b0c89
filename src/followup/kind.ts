/**
 * What sort of decision it is, first rule that fires:
 * 1. bordlagd: "bordlägga", "bordläggs", "bordlagd", "bordlades".
 * 2. aterremitterad: "återremittera", "återremitteras", "återremiss".
 * 3. uppdrag: someone is to do something. Either a task phrase ("i uppdrag", "uppdra åt",
 *    "ansvarar för", "tar med sig", "tar fram", "tar upp", "tar på sig", "återkommer",
 *    "återkopplar", "skickar ut", "informerar", "utreder", "ser över", "följs upp",
 *    "redovisar", "presenteras", "sammankallar", "påbörjar", "ringar in", "kontakta", …, in
 *    any tense that is not a noun: "redovisningen" and "presenterat förslag" are not tasks),
 *    or an owner followed by a verb in the present tense: the att-sats convention "att
 *    [who] [does what]" ("att kommunerna diskuterar …", "Nätverken i NV provar …"), unless
 *    the verb only states ("har", "är", "blir", "kan", …), or a bullet opening with an
 *    imperative ("Kontakta Annika …", "Skicka …").
 *    Task phrases outrank the information phrase, so "att lägga informationen till
 *    protokollet och att Annika återkommer i juni" is an uppdrag.
 * 4. informationen-till-protokollet: "lägga informationen till protokollet", "läggs till
 *    handlingarna", "notera informationen", "tacka för informationen".
 * 5. beslut: the rest ("att godkänna …", "att ställa sig positiva …", "att utse …").
 * The noun "uppdrag" alone is not a task: "förlänga brukarsamordnarnas uppdrag" is a beslut.
 */
import { words } from './text';
import type { DecisionKind, Evidence } from './types';

const BORDLAGD = words('bordlägg\\p{L}*|bordlag[dt]\\p{L}*|bordlades', 'iu');
const ATERREMITTERAD = words('återremitt\\p{L}*|återremiss\\p{L}*', 'iu');
const TASK = words(
  [
    'i\\s+uppdrag',
    'uppdra(?:r|s)?(?:\\s+åt)?',
    'uppdraget\\s+att',
    'ansvara(?:r)?\\s+för',
    'ansvariga?\\s+för',
    'ta[rs]?\\s+med\\s+(?:sig|frågan|ärendet|det)',
    'ta[rs]?\\s+fram',
    'ta[rs]?\\s+på\\s+sig',
    'ta[rs]?\\s+(?:åter\\s+|igen\\s+)?upp',
    'ta[r]?\\s+kontakt',
    'återkomm(?:a|er)',
    'återkoppla(?:r)?',
    'återrapportera(?:r|s)?',
    'skicka(?:r|s)?\\s+ut',
    'informera(?:r)?',
    'utred(?:a|er|s)',
    'se[rs]?\\s+över',
    'följ(?:a|er|s)\\s+upp',
    'undersök(?:a|er|s)',
    'bered(?:a|er|s)',
    'sammankalla(?:r)?',
    'redovisa(?:r|s)?',
    'presentera(?:r|s)?',
    'rapportera(?:r)?',
    'kontakta(?:r)?',
    'påbörja(?:r)?',
    'ringa(?:r)?\\s+in',
  ].join('|'),
  'iu',
);
const INFORMATION = words(
  [
    '(?:lägga|läggs|lägger)\\s+(?:\\p{L}+\\s+){0,4}?till\\s+(?:protokollet|handlingarna)',
    '(?:notera|noteras|noterar)\\s+(?:informationen|redovisningen|rapporten|lägesrapporten)',
    '(?:informationen|redovisningen|rapporten|lägesrapporten)\\s+noteras',
    'tacka(?:r)?\\s+för\\s+(?:informationen|redovisningen|dragningen)',
  ].join('|'),
  'iu',
);
/** A bullet that opens with an imperative is a task for whoever reads it. */
const IMPERATIVE = /^(?:Kontakta|Skicka|Anmäl|Meddela|Lämna|Boka|Fyll\s+i|Återkom)(?![\p{L}])/u;
/** Present-tense verbs that state rather than commit. */
const STATIVE = new Set(['är', 'har', 'blir', 'var', 'kan', 'får', 'ska', 'skall', 'bör', 'måste', 'kommer', 'vill', 'hade', 'finns', 'gäller']);

function span(text: string, m: RegExpExecArray, rule: string): Evidence {
  return { start: m.index, end: m.index + m[0].length, text: m[0], field: 'kind', rule };
}

/** An owner followed by a present-tense verb ("Kjell Ivarsson tar", "kommunerna diskuterar"). */
function agentVerb(text: string, owners: readonly Evidence[]): Evidence | null {
  const sorted = [...owners].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    let end = sorted[i]!.end;
    // Skip the rest of a list of owners: "Patrik Håkansson och Mats Wennstig tar fram".
    for (let j = i + 1; j < sorted.length; j++) {
      const between = text.slice(end, sorted[j]!.start);
      if (!/^(?:\s*,\s*|\s+(?:och|samt)\s+)$/u.test(between)) break;
      end = sorted[j]!.end;
    }
    const rest = text.slice(end).replace(/^\s+(?:i|inom|på|från)\s+[\p{L}\p{N}-]+/u, '');
    const m = /^\s+(\p{Ll}+)(?![\p{L}])/u.exec(rest);
    const verb = m?.[1];
    if (verb === undefined || STATIVE.has(verb)) continue;
    if (verb.length > 2 && verb.endsWith('r')) {
      const at = text.length - rest.length + (m?.[0].length ?? 0) - verb.length;
      return { start: at, end: at + verb.length, text: verb, field: 'kind', rule: 'owner-verb' };
    }
  }
  return null;
}

/** `ownerSpans`: where detectOwners found owners (person and group evidence). */
export function detectKind(text: string, ownerSpans: readonly Evidence[]): { kind: DecisionKind; evidence: Evidence[] } {
  const bord = BORDLAGD.exec(text);
  if (bord !== null) return { kind: 'bordlagd', evidence: [span(text, bord, 'bordlagd')] };
  const ater = ATERREMITTERAD.exec(text);
  if (ater !== null) return { kind: 'aterremitterad', evidence: [span(text, ater, 'aterremitterad')] };
  const task = TASK.exec(text);
  if (task !== null) return { kind: 'uppdrag', evidence: [span(text, task, 'task-phrase')] };
  const agent = agentVerb(text, ownerSpans);
  if (agent !== null) return { kind: 'uppdrag', evidence: [agent] };
  const imperative = IMPERATIVE.exec(text.trimStart());
  if (imperative !== null) {
    const at = text.length - text.trimStart().length;
    return { kind: 'uppdrag', evidence: [{ start: at, end: at + imperative[0].length, text: imperative[0], field: 'kind', rule: 'imperative' }] };
  }
  const info = INFORMATION.exec(text);
  if (info !== null) return { kind: 'informationen-till-protokollet', evidence: [span(text, info, 'information')] };
  return { kind: 'beslut', evidence: [] };
}
