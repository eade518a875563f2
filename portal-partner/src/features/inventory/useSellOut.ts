import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { StockMovementKind } from '@medchannel/shared-schema';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { MyStockDocument, RecordSellOutDocument, ScanUdiDocument, type ScanUdiQuery } from '../../gql/graphql';
import { STOCK_ERRORS } from './inventoryErrors';

export interface SellOutValues {
  hospitalId: string;
  departmentId: string;
  quantity: number;
  occurredOn: string;
}

/** What is being sold out: from a scanned UDI, or a lot picked from the stock list (?product=&batch=&serial=). */
interface Lot {
  productId: string;
  productName: string;
  batchNo: string | null;
  serialNo: string | null;
  expiryDate: string | null;
  onHand: number;
}

/** The scan, the lot it names and the sell-out itself. */
export function useSellOut(form: FormInstance<SellOutValues>) {
  const client = useApolloClient();
  const explain = useCodedError(STOCK_ERRORS);
  const [params] = useSearchParams();
  const [scanned, setScanned] = useState<ScanUdiQuery['scanUdi'] | null>(null);
  const [scanError, setScanError] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const picked = params.get('product');
  const fromStock = useQuery(MyStockDocument, {
    variables: { filter: { productId: picked, lot: params.get('serial') || params.get('batch') || null } },
    skip: !picked || scanned != null,
  });
  const [record, recording] = useMutation(RecordSellOutDocument, { refetchQueries: ['MyStock', 'MyStockMovements'] });

  const pickedLine = fromStock.data?.channelStock.nodes.find(
    (n) => (n.batchNo ?? '') === (params.get('batch') ?? '') && (n.serialNo ?? '') === (params.get('serial') ?? ''),
  );
  const lot: Lot | null = scanned?.product
    ? { ...scanned, productId: scanned.product.id, productName: scanned.product.name }
    : pickedLine && !scanned
      ? { ...pickedLine, onHand: pickedLine.quantity }
      : null;

  const scan = async (code: string) => {
    if (!code.trim()) return;
    setScanning(true);
    setScanError(null);
    try {
      const r = await client.query({ query: ScanUdiDocument, variables: { code }, fetchPolicy: 'network-only' });
      setScanned(r.data?.scanUdi ?? null);
      if (r.data?.scanUdi.serialNo) form.setFieldValue('quantity', 1);
    } catch (e) {
      setScanned(null);
      setScanError(explain(e).message);
    } finally {
      setScanning(false);
    }
  };

  const sell = (v: SellOutValues, requestKey: string) =>
    record({
      variables: {
        input: {
          kind: StockMovementKind.SOLD_OUT,
          productId: lot!.productId,
          batchNo: lot!.batchNo,
          serialNo: lot!.serialNo,
          quantity: Number(v.quantity),
          occurredOn: v.occurredOn,
          hospitalId: v.hospitalId,
          departmentId: v.departmentId,
          idempotencyKey: requestKey,
        },
      },
    });

  /** after a sell-out: the next package is scanned afresh */
  const clear = () => setScanned(null);

  return { lot, scanned, scan, clear, scanning, scanError, sell, recording: recording.loading };
}
