/**
 * The command line: export, sign and verify protocols through the Core in plain Node, for IT's
 * batch archiving and for anyone who receives a signed protocol and wants to check it.
 *
 *   tsx main/cli/paragraf.ts meetings --data-dir DIR
 *   tsx main/cli/paragraf.ts items   --data-dir DIR --meeting ID
 *   tsx main/cli/paragraf.ts export  --data-dir DIR --meeting ID [--pdfa 1b|2b] [--docx] [--items ID,ID…] [-o FILE]
 *   tsx main/cli/paragraf.ts export  --data-dir DIR --meeting ID --kallelse [--pdfa 1b|2b] [--docx] [-o FILE]
 *   tsx main/cli/paragraf.ts sign    FILE.pdf --p12 CERT.p12 [--field ROLE] [--reason TEXT] [--location TEXT] [-o OUT.pdf] [--data-dir DIR [--lock] [--meeting ID]]
 *
 * With --data-dir, the signature that fills the last signature field of a protocol exported from
 * that database justerar and locks its meeting, as the app does; --lock locks it after this
 * signature even when fields are left (a justerare who signed on paper). If the lock is refused,
 * nothing is written.
 *   tsx main/cli/paragraf.ts verify  FILE.pdf [--json]
 *
 * The certificate password is read from the environment (PARAGRAF_P12_PASSWORD, or the variable
 * named by --password-env), never from the command line, where other users could see it.
 * Exit codes: 0 done (verify: every signature valid and nothing changed after the last),
 * 1 error, 2 verify found a problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../src/api/dispatch';
import type { MethodName, ParamsIn, ResultOf } from '../../src/api/contract';
import type { ApiResult } from '../../src/api/errors';
import { Core } from '../core/Core';
import { readSignatureFields } from '../export/pdfFile';
import { writeFileAtomic, writeFileAtomicWhen } from '../export/sign';

const argv = process.argv.slice(2);
const command = argv[0];
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
/** Options that take no value: the word after one of them is not its value. */
const FLAGS = new Set(['--json', '--lock', '--docx', '--kallelse']);
const positional = argv.slice(1).find((a, i, all) => !a.startsWith('-') && !(i > 0 && all[i - 1]!.startsWith('-') && !FLAGS.has(all[i - 1]!)));

class CliError extends Error {
  constructor(
    readonly sv: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function fail(sv: string, en: string): never {
  process.stderr.write(`paragraf: ${sv}\nparagraf: ${en}\n`);
  process.exit(1);
}

const usage = `Användning / Usage:
  paragraf meetings --data-dir DIR
  paragraf items    --data-dir DIR --meeting ID
  paragraf export   --data-dir DIR --meeting ID [--pdfa 1b|2b] [--docx] [--items ID,ID…] [-o FILE]
  paragraf export   --data-dir DIR --meeting ID --kallelse [--pdfa 1b|2b] [--docx] [-o FILE]
  paragraf sign     FILE.pdf --p12 CERT.p12 [--field ROLE] [--reason TEXT] [--location TEXT] [-o OUT.pdf] [--data-dir DIR [--lock] [--meeting ID]]
  paragraf verify   FILE.pdf [--json]
Lösenordet till certifikatet läses från PARAGRAF_P12_PASSWORD (eller --password-env NAMN).
The certificate password is read from PARAGRAF_P12_PASSWORD (or --password-env NAME).`;

/** One call through the contract's dispatcher: params validated, errors bilingual, as in the app. */
async function call<M extends MethodName>(core: Core, method: M, params: ParamsIn<M>): Promise<ResultOf<M>> {
  const r = (await dispatch(core.handlers, method, params, { clientId: 'cli' })) as ApiResult<ResultOf<M>>;
  if (!r.ok) fail(r.error.message.sv, r.error.message.en);
  return r.value;
}

function withCore<T>(run: (core: Core) => Promise<T>): Promise<T> {
  const dataDir = opt('--data-dir');
  if (!dataDir) fail('Ange --data-dir (mappen med paragraf.sqlite).', 'Give --data-dir (the folder holding paragraf.sqlite).');
  const core = Core.open({ dataDir: path.resolve(dataDir), backupIntervalMs: 0 });
  return run(core).finally(() => core.close());
}

const readFile = (file: string | undefined, what: { sv: string; en: string }): Buffer => {
  if (!file) fail(`Ange ${what.sv}.`, `Give ${what.en}.`);
  try {
    return fs.readFileSync(file);
  } catch {
    fail(`Filen ${file} kan inte läsas.`, `The file ${file} cannot be read.`);
  }
};

async function main(): Promise<number> {
  if (command === 'meetings') {
    await withCore(async (core) => {
      const bodies = new Map((await call(core, 'bodies.list', {})).map((b) => [b.id, b.name]));
      for (const m of await call(core, 'meetings.list', {})) process.stdout.write(`${m.id}\t${m.date}\t${bodies.get(m.bodyId) ?? ''}\t${m.title}\n`);
    });
    return 0;
  }
  if (command === 'items') {
    const meetingId = opt('--meeting');
    if (!meetingId) fail('Ange --meeting ID (se "paragraf meetings").', 'Give --meeting ID (see "paragraf meetings").');
    await withCore(async (core) => {
      for (const i of await call(core, 'meetings.items', { meetingId })) process.stdout.write(`${i.id}\t${i.label ?? ''}\t${i.title}\n`);
    });
    return 0;
  }
  if (command === 'export') {
    const meetingId = opt('--meeting');
    if (!meetingId) fail('Ange --meeting ID (se "paragraf meetings").', 'Give --meeting ID (see "paragraf meetings").');
    const pdfa = opt('--pdfa');
    if (pdfa !== undefined && pdfa !== '1b' && pdfa !== '2b') fail('--pdfa ska vara 1b eller 2b.', '--pdfa must be 1b or 2b.');
    // A protokollsutdrag of these § (ids from "paragraf items"), and/or Word instead of PDF.
    const items = opt('--items')?.split(',').map((i) => i.trim()).filter((i) => i !== '');
    if (argv.includes('--kallelse')) {
      // The kallelse with its föredragningslista, before the meeting: the whole agenda, never chosen §.
      if (items) fail('--items gäller protokollsutdrag, inte kallelse.', '--items is for a protokollsutdrag, not a kallelse.');
      const format = argv.includes('--docx') ? 'docx' : 'pdf';
      await withCore(async (core) => {
        const r = await call(core, 'export.kallelse', { meetingId, format, ...(pdfa ? { pdfa } : {}) });
        const out = opt('-o') ?? r.fileName;
        writeFileAtomic(out, Buffer.from(r.data, 'base64'));
        process.stdout.write(`${out}${r.pages === null ? '' : `\t${r.pages} sidor/pages`}\tsha256 ${r.sha256}\n`);
      });
      return 0;
    }
    if (argv.includes('--docx')) {
      await withCore(async (core) => {
        const r = await call(core, 'export.docx', { meetingId, ...(items ? { items } : {}) });
        const out = opt('-o') ?? r.fileName;
        writeFileAtomic(out, Buffer.from(r.docx, 'base64'));
        process.stdout.write(`${out}\tsha256 ${r.sha256}\n`);
      });
      return 0;
    }
    await withCore(async (core) => {
      const r = await call(core, 'export.pdf', { meetingId, ...(pdfa ? { pdfa } : {}), ...(items ? { items } : {}) });
      const out = opt('-o') ?? r.fileName;
      writeFileAtomic(out, Buffer.from(r.pdf, 'base64'));
      process.stdout.write(`${out}\t${r.pages} sidor/pages\tsha256 ${r.sha256}\n`);
    });
    return 0;
  }
  if (command === 'sign') {
    const input = positional;
    const pdf = readFile(input, { sv: 'PDF-filen att skriva under', en: 'the PDF file to sign' });
    const p12 = readFile(opt('--p12'), { sv: 'certifikatfilen med --p12', en: 'the certificate file with --p12' });
    const envName = opt('--password-env') ?? 'PARAGRAF_P12_PASSWORD';
    const password = process.env[envName];
    if (password === undefined) fail(`Lösenordet saknas: sätt miljövariabeln ${envName}.`, `The password is missing: set the environment variable ${envName}.`);
    const dataDir = opt('--data-dir');
    const lockAsked = argv.includes('--lock');
    if (lockAsked && !dataDir) fail('--lock behöver --data-dir: databasen med mötet som ska låsas.', '--lock needs --data-dir: the database holding the meeting to lock.');
    // Signed in a scratch database, which has exported nothing and so never locks anything: the
    // lock, when due, is made below in the person's own database, before the file is in place.
    const scratch = Core.open({ dataDir: fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'paragraf-cli-')), backupIntervalMs: 0 });
    let signed: ResultOf<'export.sign'>;
    try {
      const params = { pdf: pdf.toString('base64'), p12: p12.toString('base64'), password, ...(opt('--field') ? { field: opt('--field')! } : {}), ...(opt('--reason') ? { reason: opt('--reason')! } : {}), ...(opt('--location') ? { location: opt('--location')! } : {}) };
      signed = await call(scratch, 'export.sign', params);
    } finally {
      scratch.close();
      fs.rmSync(scratch.dataDir, { recursive: true, force: true });
    }
    const bytes = Buffer.from(signed.pdf, 'base64');
    const out = opt('-o') ?? input!;
    const { fields } = readSignatureFields(bytes);
    const allSigned = fields.length > 0 && fields.every((f) => f.signed);
    if (!dataDir || !(allSigned || lockAsked)) {
      writeFileAtomic(out, bytes);
      process.stdout.write(`${out}\t${signed.field}\t${signed.signer}\n`);
      if (allSigned) process.stderr.write('paragraf: Alla har skrivit under. Ange --data-dir för att justera och låsa mötet i Paragraf.\nparagraf: Everyone has signed. Give --data-dir to justera and lock the meeting in Paragraf.\n');
      return 0;
    }
    // The last signature (or --lock): justera and lock the meeting as the app's dialog does
    // (justering.lock). The signed file is written to a temporary file first and renamed into
    // place only once the meeting is locked; if the lock is refused, neither happens.
    let meetingId = '';
    await withCore(async (core) => {
      await writeFileAtomicWhen(out, bytes, async () => {
        const r = (await dispatch(core.handlers, 'justering.lock', { pdf: signed.pdf, ...(opt('--meeting') ? { meetingId: opt('--meeting')! } : {}) }, { clientId: 'cli' })) as ApiResult<ResultOf<'justering.lock'>>;
        if (!r.ok) throw new CliError(r.error.message.sv, r.error.message.en);
        meetingId = r.value.meetingId;
      }).catch((err: unknown) => {
        if (err instanceof CliError) fail(`${err.sv} Filen har inte skrivits.`, `${err.en} The file was not written.`);
        throw err;
      });
    });
    process.stdout.write(`${out}\t${signed.field}\t${signed.signer}\tjusterat/locked ${meetingId}\n`);
    return 0;
  }
  if (command === 'verify') {
    const pdf = readFile(positional, { sv: 'PDF-filen att kontrollera', en: 'the PDF file to check' });
    // Verification needs no database: the Core's handler is pure over the bytes.
    const { verifyPdf } = await import('../export/verify');
    const report = verifyPdf(pdf);
    if (argv.includes('--json')) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else {
      if (report.signatures.length === 0) process.stdout.write('Inga underskrifter / No signatures\n');
      report.signatures.forEach((s, i) => {
        const state = s.valid ? 'giltig / valid' : `OGILTIG / INVALID: ${s.problem?.sv ?? ''} / ${s.problem?.en ?? ''}`;
        process.stdout.write(`${i + 1}. ${s.signer ?? '?'} (${s.field ?? '-'}, ${s.signedAt ?? '-'}): ${state}\n`);
      });
      if (report.changedAfterLastSignature) process.stdout.write('Filen har ändrats efter den sista underskriften / The file was changed after the last signature\n');
      process.stdout.write(report.intact ? 'Dokumentet är oförändrat sedan underskrifterna / The document is unchanged since it was signed\n' : 'Dokumentet kan inte bekräftas som oförändrat / The document cannot be confirmed unchanged\n');
    }
    return report.intact ? 0 : 2;
  }
  process.stderr.write(`${usage}\n`);
  return 1;
}

process.exitCode = await main();
