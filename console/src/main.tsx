import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApiClient } from './api/client';
import { App } from './app/App';
import { session } from './auth/session';
import './styles.css';

configureApiClient();
// Once per page load, outside React: a second refresh with the same token would end the sign-in.
void session.restore();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
