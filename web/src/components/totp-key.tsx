import { groupedSecret, otpauthUri } from '../auth/totp-uri.ts';

/**
 * The authenticator app's key as text and as an otpauth:// address (no QR code: no small,
 * well-kept QR library is installed, and typing or pasting the key works in every app).
 */
export function TotpKey({ secret, account }: { secret: string; account: string }) {
  const uri = otpauthUri(secret, account);
  return (
    <div className="totp-key">
      <p>
        Öppna din autentiseringsapp (till exempel Microsoft Authenticator eller Google Authenticator), välj att lägga
        till ett konto med en nyckel och skriv in nyckeln nedan. Välj tidsbaserad kod om appen frågar.
      </p>
      <dl className="facts">
        <dt>Nyckel</dt>
        <dd>
          <code data-testid="totp-secret">{groupedSecret(secret)}</code>
        </dd>
        <dt>Konto</dt>
        <dd>{account}</dd>
      </dl>
      <p>
        På en telefon kan du i stället <a href={uri}>öppna nyckeln direkt i appen</a>.
      </p>
    </div>
  );
}
