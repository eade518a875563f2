import { useState } from 'react';
import { Alert, Input } from 'antd';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { PlacementScanUdiDocument } from '../../gql/graphql';
import { PLACEMENT_ERRORS } from './placementErrors';

/**
 * The scan field of 扫码出库 for a placement: a scanner (or a scanning app) types the GS1 UDI and
 * Enter; the server reads it and the serial and the instrument fill in. A plain serial typed by
 * hand is taken as the serial.
 */
export function ScanSerial({ onScanned }: { onScanned: (serialNo: string, productId?: string) => void }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const explain = useCodedError(PLACEMENT_ERRORS);
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scan = async (code: string) => {
    const typed = code.trim();
    if (!typed) return;
    setScanning(true);
    setError(null);
    try {
      const r = await client.query({
        query: PlacementScanUdiDocument,
        variables: { code: typed },
        fetchPolicy: 'network-only',
      });
      const read = r.data?.scanUdi;
      if (read?.serialNo) onScanned(read.serialNo, read.product?.id);
      else if (read) setError(t('placement.scanNoSerial'));
    } catch (e) {
      if (!typed.startsWith('(') && !/^\d{14}/.test(typed)) onScanned(typed);
      else setError(explain(e).message);
    } finally {
      setScanning(false);
    }
  };
  return (
    <>
      <label htmlFor="placement-scan" style={{ display: 'block', marginBottom: 6 }}>
        {t('placement.scanLabel')}
      </label>
      <Input.Search
        id="placement-scan"
        size="large"
        autoComplete="off"
        placeholder={t('placement.scanPlaceholder')}
        enterButton={t('placement.scanRead')}
        loading={scanning}
        onSearch={(v) => void scan(v)}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </>
  );
}
