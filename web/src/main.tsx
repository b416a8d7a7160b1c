import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles.css';
import './ledger/ledger.css';
import './cycle/cycle.css';
import './webhooks/webhooks.css';
import './simulation/simulation.css';
import './users/users.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks the #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
