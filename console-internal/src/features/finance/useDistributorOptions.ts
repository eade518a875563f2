import { useEffect, useEffectEvent, useState } from 'react';
import { Form, type FormInstance } from 'antd';
import { useQuery } from '@apollo/client/react';
import type { TypedDocumentNode } from '@apollo/client';

/**
 * A finance form's options for the distributor picked on it (DistributorField): the shipments to
 * invoice, the invoices a payment settles. Loaded fresh from the server when a distributor is picked
 * (and `needed`), with `onPick` run when the pick changes; plus the notice the options' part of the
 * form shows beside them, cleared on each opening.
 */
export function useDistributorOptions<TData, V extends { distributorId?: string }>(
  form: FormInstance<V>,
  document: TypedDocumentNode<TData, { distributorId: string }>,
  { open, needed = true, onPick }: { open: boolean; needed?: boolean; onPick: () => void },
) {
  const distributorId = Form.useWatch('distributorId', form) as string | undefined;
  const options = useQuery(document, {
    variables: { distributorId: distributorId ?? '' },
    skip: !distributorId || !needed,
    fetchPolicy: 'network-only',
  });
  const [notice, setNotice] = useState<string | null>(null);

  // The caller's reset runs for a new pick, not for a new render.
  const picked = useEffectEvent(onPick);
  useEffect(() => picked(), [distributorId]);
  useEffect(() => {
    if (open) setNotice(null);
  }, [open]);

  return { distributorId, options, notice, setNotice };
}
