import { Page } from '../components/page.tsx';
import { Link } from '../router.tsx';

/** Shown for an unknown address and when the API answers 404 (also for another förbund's data). */
export function NotFoundPage() {
  return (
    <Page title="Sidan finns inte">
      <p>Sidan du söker finns inte, eller så har du inte tillgång till den.</p>
      <p>
        Kontrollera adressen, eller gå till <Link to="/">startsidan</Link>.
      </p>
    </Page>
  );
}
