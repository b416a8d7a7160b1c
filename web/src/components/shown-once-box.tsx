import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

export interface ShownOnceTexts {
  /** Bold first line, e.g. "Hemligheten visas bara en gång." */
  warning: string;
  /** What to do with the value now. */
  note: ReactNode;
  copy: string;
  copied: string;
  copyFailed: string;
  dismiss: string;
}

/**
 * A value the API returns once and never again: a webhook's signing secret, a new user's
 * temporary password. The box takes focus when it appears, so a keyboard or screen-reader user
 * lands on it and hears the warning first.
 */
export function ShownOnceBox({
  value,
  heading,
  texts,
  testId,
  onDismiss,
}: {
  value: string;
  heading: string;
  texts: ShownOnceTexts;
  testId: string;
  onDismiss: () => void;
}) {
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  const [copied, setCopied] = useState('');

  useEffect(() => {
    ref.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(texts.copied);
    } catch {
      // Without clipboard access (an insecure origin, a refused permission) the user copies by hand.
      setCopied(texts.copyFailed);
    }
  }

  return (
    <section className="secret-box" aria-labelledby={headingId} tabIndex={-1} ref={ref}>
      <h3 id={headingId}>{heading}</h3>
      <p className="secret-box__warning">
        <strong>{texts.warning}</strong> {texts.note}
      </p>
      <p>
        <code className="secret-box__value" data-testid={testId}>
          {value}
        </code>
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={copy}>
          {texts.copy}
        </button>
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          {texts.dismiss}
        </button>
        <p role="status" className="status-inline">
          {copied}
        </p>
      </div>
    </section>
  );
}
