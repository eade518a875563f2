import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './app/i18n';
import { whereToStart } from './app/signIn/start';
import { Entry } from './app/signIn/Entry';

// The first load is the sign-in shell: plain React and the words. antd, Apollo and the router come
// with the full app (app/App.tsx, a lazy chunk), opened at once when a session is kept or answered.
void Promise.all([i18nReady, whereToStart()]).then(([, start]) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Entry start={start} />
    </StrictMode>,
  ),
);
