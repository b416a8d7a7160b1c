/** Shown when /config.json cannot be read: without it the portal does not know how to sign in. */
export function StartupFailure() {
  return (
    <main className="site-main">
      <h1>Portalen kunde inte starta</h1>
      <p>
        Portalen kunde inte läsa sina inställningar. Ladda om sidan om en stund. Om felet består, kontakta supporten.
      </p>
    </main>
  );
}
