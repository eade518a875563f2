import '../../components/offline/strings';
import { useEffect, useSyncExternalStore } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyUpdate, registerServiceWorker, subscribeUpdate, updateWaiting } from '../serviceWorker';

/**
 * Registers the service worker with the signed-in shell (not in the first load, which stays within
 * its budget); a new version installed and waiting: one tap reloads into it (never mid-way by itself).
 */
export function UpdateBanner() {
  const { t } = useTranslation();
  useEffect(registerServiceWorker, []);
  const waiting = useSyncExternalStore(subscribeUpdate, updateWaiting);
  if (!waiting) return null;
  return (
    <Alert
      type="info"
      banner
      data-testid="update-banner"
      message={t('offline.update')}
      action={
        <Button size="small" type="primary" onClick={applyUpdate}>
          {t('offline.reload')}
        </Button>
      }
    />
  );
}
