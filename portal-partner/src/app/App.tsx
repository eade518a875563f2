import { createApolloClient, WebApp } from '@medchannel/web-shared';
import { router } from './router';

const client = createApolloClient('portal');

// No antd <App> here: it would bring message, modal and notification into the first load.
export function App() {
  return <WebApp client={client} router={router} />;
}
