import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { chooseSignInProvider } from './auth/active-provider.ts';
import { loadPortalConfig } from './auth/portal-config.ts';
import { setBusinessTime } from './business-clock.ts';
import { StartupFailure } from './pages/startup-failure.tsx';
import './styles.css';
import './ledger/ledger.css';
import './cycle/cycle.css';
import './webhooks/webhooks.css';
import './simulation/simulation.css';
import './users/users.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks the #root element');

// The sign-in is chosen before the first render, so no page ever sees the wrong one.
const started = await loadPortalConfig()
  .then((config) => {
    setBusinessTime(config.businessTime);
    return chooseSignInProvider(config);
  })
  .then(
    () => true,
    (error: unknown) => {
      console.error('Finsam Cloud could not start:', error);
      return false;
    },
  );

createRoot(root).render(<StrictMode>{started ? <App /> : <StartupFailure />}</StrictMode>);
