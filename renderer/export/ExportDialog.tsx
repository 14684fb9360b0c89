/**
 * Export, sign and verify from the meeting screen: one button in the header opens a modal
 * <dialog> (showModal: focus moves in, the page behind is inert, Escape closes, focus returns
 * to the button) with three forms, each usable by keyboard alone:
 *
 * - Export: PDF or DOCX, the whole protocol or a protokollsutdrag of chosen §, or the kallelse
 *   with its föredragningslista (before the meeting).
 * - Sign: a PDF (the one just exported, or a chosen file), a PKCS#12 file and its password; the
 *   signed file is saved. The password lives in this form's state only for the call.
 * - Verify: any signed PDF; signers, validity, and whether it changed after the last signature.
 *
 * Files are saved as downloads (the same way the register's CSV is), which is a save dialog or
 * the Downloads folder depending on the platform. Anything that takes more than half a second
 * shows a progress bar with what is happening (`useSlow`).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { toBase64 } from '../../src/api/base64';
import type { ItemRow } from '../../src/api/contract';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';
import { exportStrings, useExportStrings } from '../i18n/export';
import './export.css';

type VerifyResult = { lines: Array<{ text: string; valid: boolean }>; verdict: string; intact: boolean };

/** True once `busy` has lasted more than half a second: quick calls never flash a progress bar. */
export function useSlow(busy: boolean, afterMs = 500): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!busy) {
      setSlow(false);
      return;
    }
    const timer = setTimeout(() => setSlow(true), afterMs);
    return () => clearTimeout(timer);
  }, [busy, afterMs]);
  return slow;
}

function save(base64: string, fileName: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // Revoked later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const readFile = async (file: File): Promise<string> => toBase64(new Uint8Array(await file.arrayBuffer()));

function Progress({ busy, label, testId }: { busy: boolean; label: string; testId: string }) {
  const slow = useSlow(busy);
  return (
    <div role="status" aria-live="polite" className="export-progress" data-testid={testId}>
      {slow ? (
        <>
          <progress aria-label={label} />
          <span>{label}</span>
        </>
      ) : null}
    </div>
  );
}

export interface ExportDialogProps {
  meetingId: string;
  locked: boolean;
  /**
   * Resolves once what she typed has reached the Core (the replica's queue is empty), rejects
   * if it does not in time. The Core exports its own copy of the document: without this wait,
   * the last words typed before "Exportera" could be missing from the PDF she then signs.
   */
  whenSaved?(): Promise<void>;
}

export function ExportDialog({ meetingId, locked, whenSaved }: ExportDialogProps) {
  const s = useExportStrings();
  const api = useApi();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const [items, setItems] = useState<ItemRow[]>([]);
  const [format, setFormat] = useState<'pdf' | 'docx'>('pdf');
  const [kind, setKind] = useState<'protokoll' | 'kallelse'>('protokoll');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<'export' | 'sign' | 'verify' | 'rattelse' | 'lock' | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [lastPdf, setLastPdf] = useState<{ pdf: string; fileName: string } | null>(null);
  const [verified, setVerified] = useState<VerifyResult | null>(null);
  const [late, setLate] = useState<Array<{ sv: string; en: string }>>([]);
  const what = useRef<HTMLTextAreaElement>(null);

  async function open() {
    setError(null);
    setDone(null);
    setVerified(null);
    dialog.current?.showModal();
    const res = await api.invoke('meetings.items', { meetingId });
    if (res.ok) setItems(res.value);
    if (locked) {
      // Changes merged after the lock (from another computer): offered as the text of a rättelse.
      const st = await api.invoke('justering.status', { meetingId });
      if (st.ok) setLate(st.value.lateChanges);
    }
  }

  async function onExport(e: FormEvent) {
    e.preventDefault();
    setBusy('export');
    setError(null);
    setDone(null);
    const selected = items.filter((i) => chosen.has(i.id)).map((i) => i.id);
    const params = { meetingId, ...(selected.length > 0 ? { items: selected } : {}) };
    try {
      try {
        await whenSaved?.();
      } catch {
        return setError({ sv: exportStrings.sv.notSavedYet, en: exportStrings.en.notSavedYet });
      }
      if (kind === 'kallelse') {
        // The föredragningslista of the whole agenda: no § to choose, nothing to sign.
        const res = await api.invoke('export.kallelse', { meetingId, format });
        if (!res.ok) return setError(res.error.message);
        save(res.value.data, res.value.fileName, format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        setDone(s.exported(res.value.fileName, res.value.pages));
      } else if (format === 'pdf') {
        const res = await api.invoke('export.pdf', params);
        if (!res.ok) return setError(res.error.message);
        save(res.value.pdf, res.value.fileName, 'application/pdf');
        if (selected.length === 0) setLastPdf({ pdf: res.value.pdf, fileName: res.value.fileName });
        setDone(s.exported(res.value.fileName, res.value.pages));
      } else {
        const res = await api.invoke('export.docx', params);
        if (!res.ok) return setError(res.error.message);
        save(res.value.docx, res.value.fileName, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        setDone(s.exported(res.value.fileName, null));
      }
    } finally {
      setBusy(null);
    }
  }

  async function onSign(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // Kept before the first await: React clears currentTarget once the event is handled.
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const pdfFile = form.get('pdf');
    const p12File = form.get('p12');
    const password = String(form.get('password') ?? '');
    setError(null);
    setDone(null);
    const pickedPdf = pdfFile instanceof File && pdfFile.size > 0 ? pdfFile : null;
    if (!pickedPdf && !lastPdf) return setError({ sv: exportStrings.sv.needPdf, en: exportStrings.en.needPdf });
    if (!(p12File instanceof File) || p12File.size === 0) return setError({ sv: exportStrings.sv.needP12, en: exportStrings.en.needP12 });
    setBusy('sign');
    try {
      const pdf = pickedPdf ? await readFile(pickedPdf) : lastPdf!.pdf;
      const fileName = pickedPdf ? pickedPdf.name : lastPdf!.fileName;
      const res = await api.invoke('export.sign', { pdf, p12: await readFile(p12File), password });
      if (!res.ok) return setError(res.error.message);
      const signedName = fileName.replace(/(-signerad)?\.pdf$/iu, '-signerad.pdf');
      save(res.value.pdf, signedName, 'application/pdf');
      // The next signer signs the file just signed.
      setLastPdf({ pdf: res.value.pdf, fileName: signedName });
      setDone(`${s.signed(res.value.signer, res.value.field)}${res.value.justerat ? ` ${s.justerat}` : ''}`);
      // Empty for the next signer: their own certificate file and password, never the last one's.
      formElement.reset();
    } finally {
      setBusy(null);
    }
  }

  async function onVerify(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get('pdf');
    if (!(file instanceof File) || file.size === 0) return;
    setBusy('verify');
    setError(null);
    setVerified(null);
    try {
      const res = await api.invoke('export.verify', { pdf: await readFile(file) });
      if (!res.ok) return setError(res.error.message);
      const r = res.value;
      const en = s === exportStrings.en;
      setVerified({
        lines: r.signatures.map((x, i) => ({
          valid: x.valid,
          text: `${i + 1}. ${x.signer ?? '?'}${x.signedAt ? `, ${x.signedAt.replace('T', ' ').replace('Z', ' UTC')}` : ''}: ${x.valid ? s.valid : `${s.invalid}${x.problem ? ` (${en ? x.problem.en : x.problem.sv})` : ''}`}`,
        })),
        verdict: r.signatures.length === 0 ? s.noSignatures : `${r.intact ? s.intact : s.notIntact}${r.changedAfterLastSignature ? ` ${s.changedAfter}` : ''}`,
        intact: r.intact,
      });
    } finally {
      setBusy(null);
    }
  }

  async function onRattelse(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    setBusy('rattelse');
    setError(null);
    setDone(null);
    try {
      const itemId = String(form.get('item') ?? '');
      const res = await api.invoke('justering.rattelse', {
        meetingId,
        ...(itemId ? { itemId } : {}),
        what: String(form.get('what') ?? ''),
        why: String(form.get('why') ?? ''),
        by: String(form.get('by') ?? ''),
      });
      if (!res.ok) return setError(res.error.message);
      setDone(s.rattelseSaved);
      // Emptied, so a second click cannot record the same rättelse twice.
      formElement.reset();
    } finally {
      setBusy(null);
    }
  }

  async function onLock(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get('pdf');
    if (!(file instanceof File) || file.size === 0) return setError({ sv: exportStrings.sv.needPdf, en: exportStrings.en.needPdf });
    setBusy('lock');
    setError(null);
    setDone(null);
    try {
      const res = await api.invoke('justering.lock', { meetingId, pdf: await readFile(file) });
      if (!res.ok) return setError(res.error.message);
      setDone(s.lockedNow);
    } finally {
      setBusy(null);
    }
  }

  const label = (i: ItemRow) => [i.label, i.title].filter(Boolean).join(' ');

  return (
    <>
      <button ref={trigger} type="button" className="secondary" data-testid="open-export" onClick={() => void open()}>
        {s.open}
      </button>
      <dialog ref={dialog} className="dialog export-dialog" aria-labelledby={`${id}-title`} data-testid="export-dialog" onClose={() => trigger.current?.focus()}>
        <h2 id={`${id}-title`}>{s.title}</h2>
        <ErrorMessage error={error} testId="export-error" />
        <p role="status" className="export-done" data-testid="export-done">
          {done}
        </p>

        <form onSubmit={(e) => void onExport(e)} aria-labelledby={`${id}-export`}>
          <h3 id={`${id}-export`}>{s.exportHeading}</h3>
          <fieldset>
            <legend>{s.document}</legend>
            <label>
              <input type="radio" name="kind" value="protokoll" checked={kind === 'protokoll'} onChange={() => setKind('protokoll')} /> {s.documentProtocol}
            </label>
            <label>
              <input type="radio" name="kind" value="kallelse" checked={kind === 'kallelse'} onChange={() => setKind('kallelse')} /> {s.documentKallelse}
            </label>
          </fieldset>
          <fieldset>
            <legend>{s.format}</legend>
            <label>
              <input type="radio" name="format" value="pdf" checked={format === 'pdf'} onChange={() => setFormat('pdf')} /> {s.formatPdf}
            </label>
            <label>
              <input type="radio" name="format" value="docx" checked={format === 'docx'} onChange={() => setFormat('docx')} /> {s.formatDocx}
            </label>
          </fieldset>
          {items.length > 0 && kind === 'protokoll' ? (
            <fieldset className="export-items">
              <legend>{s.extract}</legend>
              {items.map((i) => (
                <label key={i.id}>
                  <input
                    type="checkbox"
                    checked={chosen.has(i.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(i.id);
                      else next.delete(i.id);
                      setChosen(next);
                    }}
                  />{' '}
                  {label(i)}
                </label>
              ))}
            </fieldset>
          ) : null}
          <button type="submit" className="primary" disabled={busy !== null} data-testid="export-submit">
            {s.exportButton}
          </button>
          <Progress busy={busy === 'export'} label={s.exporting} testId="export-progress" />
        </form>

        {locked ? (
          <form onSubmit={(e) => void onRattelse(e)} aria-labelledby={`${id}-rattelse`}>
            <h3 id={`${id}-rattelse`}>{s.rattelseHeading}</h3>
            <label>
              §{' '}
              <select name="item">
                <option value="">–</option>
                {items.map((i) => (
                  <option key={i.id} value={i.id}>
                    {label(i)}
                  </option>
                ))}
              </select>
            </label>
            {late.length > 0 ? (
              <div className="late-changes" data-testid="dialog-late-changes">
                <p>{s.lateHeading}:</p>
                <ul>
                  {late.map((c) => (
                    <li key={c.sv}>
                      {s === exportStrings.en ? c.en : c.sv}{' '}
                      <button type="button" className="secondary" onClick={() => what.current && ((what.current.value = c.sv), what.current.focus())}>
                        {s.lateUse}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <label>
              {s.rattelseWhat} <textarea ref={what} name="what" required rows={2} />
            </label>
            <label>
              {s.rattelseWhy} <input name="why" required />
            </label>
            <label>
              {s.rattelseBy} <input name="by" required />
            </label>
            <button type="submit" className="secondary" disabled={busy !== null} data-testid="rattelse-submit">
              {s.rattelseButton}
            </button>
          </form>
        ) : (
          <form onSubmit={(e) => void onSign(e)} aria-labelledby={`${id}-sign`}>
            <h3 id={`${id}-sign`}>{s.signHeading}</h3>
            <label>
              {s.signPdf} <input type="file" name="pdf" accept=".pdf,application/pdf" data-testid="sign-pdf" />
            </label>
            <label>
              {s.signP12} <input type="file" name="p12" accept=".p12,.pfx,application/x-pkcs12" data-testid="sign-p12" />
            </label>
            <label>
              {s.signPassword} <input type="password" name="password" autoComplete="off" data-testid="sign-password" />
            </label>
            <button type="submit" className="primary" disabled={busy !== null} data-testid="sign-submit">
              {s.signButton}
            </button>
            <Progress busy={busy === 'sign'} label={s.signing} testId="sign-progress" />
          </form>
        )}

        {locked ? null : (
          <form onSubmit={(e) => void onLock(e)} aria-labelledby={`${id}-lock`} aria-describedby={`${id}-lock-hint`}>
            <h3 id={`${id}-lock`}>{s.lockHeading}</h3>
            <p id={`${id}-lock-hint`} className="muted">
              {s.lockHint}
            </p>
            <label>
              {s.lockPdf} <input type="file" name="pdf" accept=".pdf,application/pdf" data-testid="lock-pdf" />
            </label>
            <button type="submit" className="secondary" disabled={busy !== null} data-testid="lock-submit">
              {s.lockButton}
            </button>
            <Progress busy={busy === 'lock'} label={s.locking} testId="lock-progress" />
          </form>
        )}

        <form onSubmit={(e) => void onVerify(e)} aria-labelledby={`${id}-verify`}>
          <h3 id={`${id}-verify`}>{s.verifyHeading}</h3>
          <label>
            {s.verifyPdf} <input type="file" name="pdf" accept=".pdf,application/pdf" data-testid="verify-pdf" />
          </label>
          <button type="submit" className="secondary" disabled={busy !== null} data-testid="verify-submit">
            {s.verifyButton}
          </button>
          <Progress busy={busy === 'verify'} label={s.verifying} testId="verify-progress" />
          {verified ? (
            <div data-testid="verify-result" data-intact={verified.intact}>
              <ul>
                {verified.lines.map((l) => (
                  <li key={l.text} className={l.valid ? 'sig-valid' : 'sig-invalid'}>
                    {l.text}
                  </li>
                ))}
              </ul>
              <p>{verified.verdict}</p>
            </div>
          ) : null}
        </form>

        <div className="dialog-buttons">
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {s.close}
          </button>
        </div>
      </dialog>
    </>
  );
}
