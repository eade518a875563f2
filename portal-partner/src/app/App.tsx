import { createApolloClient, WebApp } from '@medchannel/web-shared';
import { keepCache } from '../components/offline/keptCache';
import { router } from './router';
import { portalTheme } from './theme';
import './portal.css';

const client = createApolloClient('portal');
// What the rep last read, kept on the device, is in the cache before the first render: the app
// opens without a signal as the person it last answered for (components/offline/keptCache.ts).
keepCache(client);

// No antd <App> here: it would bring message, modal and notification into the first load.
export default function App() {
  return <WebApp client={client} router={router} theme={portalTheme} />;
}
