import { useEffect, useId, useRef, useState } from 'react';

/**
 * The signing secret, shown once: the API never returns it again. The box takes focus when it
 * appears, so a keyboard or screen-reader user lands on it and hears the warning first.
 */
export function SecretBox({ secret, heading, onDismiss }: { secret: string; heading: string; onDismiss: () => void }) {
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  const [copied, setCopied] = useState('');

  useEffect(() => {
    ref.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Hemligheten är kopierad.');
    } catch {
      // Without clipboard access (an insecure origin, a refused permission) the user copies by hand.
      setCopied('Kunde inte kopiera. Markera hemligheten och kopiera den själv.');
    }
  }

  return (
    <section className="secret-box" aria-labelledby={headingId} tabIndex={-1} ref={ref}>
      <h3 id={headingId}>{heading}</h3>
      <p className="secret-box__warning">
        <strong>Hemligheten visas bara en gång.</strong> Spara den nu i mottagarens system; den kan inte visas igen.
      </p>
      <p>
        <code className="secret-box__value" data-testid="webhook-secret">
          {secret}
        </code>
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={copy}>
          Kopiera hemligheten
        </button>
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          Jag har sparat hemligheten
        </button>
        <p role="status" className="status-inline">
          {copied}
        </p>
      </div>
    </section>
  );
}
