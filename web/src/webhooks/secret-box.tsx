import { ShownOnceBox, type ShownOnceTexts } from '../components/shown-once-box.tsx';

const texts: ShownOnceTexts = {
  warning: 'Hemligheten visas bara en gång.',
  note: 'Spara den nu i mottagarens system; den kan inte visas igen.',
  copy: 'Kopiera hemligheten',
  copied: 'Hemligheten är kopierad.',
  copyFailed: 'Kunde inte kopiera. Markera hemligheten och kopiera den själv.',
  dismiss: 'Jag har sparat hemligheten',
};

/** The signing secret, shown once: the API never returns it again. */
export function SecretBox({ secret, heading, onDismiss }: { secret: string; heading: string; onDismiss: () => void }) {
  return <ShownOnceBox value={secret} heading={heading} texts={texts} testId="webhook-secret" onDismiss={onDismiss} />;
}
