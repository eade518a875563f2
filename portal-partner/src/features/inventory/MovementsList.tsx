import { useState } from 'react';
import { Button, Card, Flex, Input, Modal, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import {
  MyStockMovementsDocument,
  ReverseStockMovementDocument,
  type StockMovementRowFragment,
} from '../../gql/graphql';
import { STOCK_ERRORS } from './inventoryErrors';

/** The distributor's stock movements, newest first; a wrong one is corrected by its reversal. */
export function MovementsList() {
  const { t } = useTranslation();
  const query = useQuery(MyStockMovementsDocument);
  const pager = useLoadMore(query, 'stockMovements');
  const [reversing, setReversing] = useState<StockMovementRowFragment | null>(null);
  return (
    <Card size="small">
      <PagedList
        query={query}
        pager={pager}
        testId="movement-list"
        footerTestId="movements"
        row={(x) => <MovementRow key={x.id} movement={x} onReverse={() => setReversing(x)} />}
        empty={<EmptyState title={t('stock.noMovements')} />}
      />
      <ReverseDialog movement={reversing} onClose={() => setReversing(null)} />
    </Card>
  );
}

function MovementRow({ movement: x, onReverse }: { movement: StockMovementRowFragment; onReverse: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const where = [x.hospitalName, x.departmentName, x.counterpartName].filter(Boolean).join(' · ');
  return (
    <div className="pp-item" data-testid="movement-row">
      <Flex justify="space-between" align="center" gap={8}>
        <span>
          <Tag color={x.quantity > 0 ? 'green' : 'blue'}>{t(`stock.kind.${x.kind}`)}</Tag>
          {x.reversed && <Tag>{t('stock.reversed')}</Tag>}
        </span>
        <Typography.Text strong>{format.number(x.quantity)}</Typography.Text>
      </Flex>
      <div className="pp-item-line">{[x.productName, x.batchNo, x.serialNo].filter(Boolean).join(' · ')}</div>
      <Flex justify="space-between" align="center" className="pp-item-line" gap={8}>
        <span className="pp-muted">{[format.date(x.occurredOn), where || x.reason].filter(Boolean).join(' · ')}</span>
        {!x.reversed && x.kind !== 'REVERSAL' && x.kind !== 'TRANSFER_IN' && (
          <Button size="small" type="link" onClick={onReverse} data-testid="movement-reverse">
            {t('stock.reverse')}
          </Button>
        )}
      </Flex>
    </div>
  );
}

function ReverseDialog({ movement, onClose }: { movement: StockMovementRowFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const explain = useCodedError(STOCK_ERRORS);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reverse, { loading }] = useMutation(ReverseStockMovementDocument, {
    refetchQueries: ['MyStock', 'MyStockMovements'],
  });
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (!movement || !reason.trim()) return;
    try {
      await reverse({ variables: { id: movement.id, reason: reason.trim() } });
      close();
    } catch (e) {
      setError(explain(e).message);
    }
  };
  return (
    <Modal
      open={movement != null}
      title={t('stock.reverseTitle')}
      onCancel={close}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !reason.trim(), loading }}
      okText={t('stock.reverse')}
    >
      <Input.TextArea
        aria-label={t('stock.reverseReason')}
        placeholder={t('stock.reverseReason')}
        value={reason}
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}
