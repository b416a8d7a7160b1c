import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * "Are you sure?" before something that cannot be undone, as a modal <dialog>: the browser keeps
 * focus inside, Escape cancels, and the rest of the page is inert while it is open. Focus starts
 * on "Avbryt", the harmless choice. Render it only while the question stands; the caller moves
 * focus back when it is answered, since the element that opened it may be gone by then.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyText,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Said while the action runs, e.g. "Tar bort…". */
  busyText: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog.close();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        // Escape: the page decides what closing means, so the dialog never closes behind React's back.
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={headingId}>{title}</h2>
      {children}
      <div className="form-actions">
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy} ref={cancelRef}>
          Avbryt
        </button>
        <p role="status" className="status-inline">
          {busy ? busyText : ''}
        </p>
      </div>
    </dialog>
  );
}
