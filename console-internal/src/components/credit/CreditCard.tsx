import './strings';
import { useState } from 'react';
import { Button, Card, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { can } from '@medchannel/shared-schema';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { minus, percentOf, toCents } from '@medchannel/web-shared/kernel';
import { CreditStatusDocument } from '../../gql/graphql';
import { CreditLimitModal } from './CreditLimitModal';
import { PaymentTerms } from './PaymentTerms';

interface Props {
  distributorId: string;
  /** The distributor's version, for those who may set the limit (ADMIN, FINANCE) */
  edit?: { version: number };
  /** Smaller figures, for a card among others */
  compact?: boolean;
}

/**
 * Credit: limit − (open orders + receivables) = available, as the API derives it, and the payment
 * terms (账期); the limit and the terms editable by finance.
 */
export function CreditCard({ distributorId, edit, compact }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const { data, error, refetch } = useQuery(CreditStatusDocument, { variables: { distributorId } });
  const c = data?.creditStatus;
  const terms = data?.terms;
  const over = c ? toCents(c.available.amount) < 0n : false;
  // What is taken: open orders and receivables, i.e. limit − available.
  const used = c ? percentOf(minus(c.limit.amount, c.available.amount), c.limit.amount) : 0;
  const figures = c
    ? ([
        ['limit', c.limit],
        ['openOrders', c.openOrders],
        ['receivables', c.receivables],
        ['available', c.available],
      ] as const)
    : [];

  return (
    <Card
      title={t('credit.title')}
      style={{ marginBottom: 16 }}
      data-testid="credit-card"
      extra={
        edit && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="credit-limit-edit">
            {t('credit.editLimit')}
          </Button>
        )
      }
    >
      {error && !c ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !c ? (
        <LoadingState />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {figures.map(([key, m]) => (
              <Col key={key} xs={12} md={6}>
                <Statistic
                  title={t(`credit.${key}`)}
                  value={format.money(m)}
                  styles={{
                    content: {
                      fontSize: compact ? 18 : 22,
                      color: key === 'available' && over ? '#cf1322' : undefined,
                    },
                  }}
                  data-testid={`credit-${key}`}
                />
              </Col>
            ))}
          </Row>
          <Progress
            percent={Math.min(used, 100)}
            status={over ? 'exception' : 'normal'}
            showInfo={false}
            style={{ marginTop: 12, marginBottom: 0 }}
          />
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type={over ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {over ? t('credit.over') : t('credit.used', { percent: used })}
            </Typography.Text>
            {terms?.paymentTermsDays != null && (
              <PaymentTerms
                distributorId={distributorId}
                days={terms.paymentTermsDays}
                edit={edit && can(user.role, 'distributor.setPaymentTerms') ? edit : undefined}
              />
            )}
          </Flex>
        </>
      )}
      {edit && c && (
        <CreditLimitModal
          open={editing}
          distributorId={distributorId}
          version={edit.version}
          current={c.limit.amount}
          onClose={() => setEditing(false)}
        />
      )}
    </Card>
  );
}
