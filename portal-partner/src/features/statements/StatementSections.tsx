import { Button, Card, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatementStatusTag } from '@medchannel/web-shared/finance';
import { BottomBar } from '../../components/BottomBar';
import type { PartnerStatementFragment } from '../../gql/graphql';
import { useAccountFormat } from './format';
import type { DisputeDraft } from './useDisputeDraft';

export function Summary({ statement: s }: { statement: PartnerStatementFragment }) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  const money = (m: { amount: string; currency: string }) => format.money(m.amount, m.currency);
  return (
    <Card size="small">
      <Descriptions
        column={{ xs: 2, md: 4 }}
        size="small"
        layout="vertical"
        colon={false}
        items={[
          {
            key: 'opening',
            label: t('statement.openingBalance'),
            children: <span className="pp-amount">{money(s.openingBalance)}</span>,
          },
          {
            key: 'debits',
            label: t('statement.debits'),
            children: <span className="pp-amount">{money(s.debits)}</span>,
          },
          {
            key: 'credits',
            label: t('statement.credits'),
            children: <span className="pp-amount">{money(s.credits)}</span>,
          },
          {
            key: 'closing',
            label: t('statement.closingBalance'),
            children: (
              <span className="pp-amount" data-testid="statement-closing-balance">
                {money(s.closingBalance)}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Every version of the month, oldest first; the one shown is marked, the others are links. */
export function Versions({ statement }: { statement: PartnerStatementFragment }) {
  const { t } = useTranslation();
  if (statement.versions.length < 2) return null;
  return (
    <Card size="small" title={t('statement.versions')} data-testid="statement-versions">
      <div className="pp-list">
        {statement.versions.map((v) => {
          const head = (
            <div className="pp-row-head">
              <span>{t('statement.version', { version: v.version })}</span>
              <span>
                {v.id === statement.id && (
                  <span className="pp-muted" style={{ marginInlineEnd: 8 }}>
                    {t('statement.shown')}
                  </span>
                )}
                <StatementStatusTag status={v.status} />
              </span>
            </div>
          );
          return v.id === statement.id ? (
            <div key={v.id} className="pp-item" data-testid="statement-version" data-version={v.version}>
              {head}
            </div>
          ) : (
            <Link
              key={v.id}
              to={`/statements/${v.id}`}
              className="pp-item pp-row"
              data-testid="statement-version"
              data-version={v.version}
            >
              {head}
            </Link>
          );
        })}
      </div>
    </Card>
  );
}

/** Under the thumb while disputing: how many lines are ticked, cancel, submit. */
export function DisputeBar({ draft, onClose }: { draft: DisputeDraft; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <BottomBar
      testId="dispute-bar"
      summary={<span data-testid="dispute-count">{t('dispute.count', { count: draft.picked.length })}</span>}
      action={
        <Flex gap={8}>
          <Button
            onClick={() => {
              draft.reset();
              onClose();
            }}
            data-testid="dispute-cancel"
          >
            {t('action.cancel')}
          </Button>
          <Button
            type="primary"
            danger
            loading={draft.sending}
            onClick={() => void draft.submit().then((sent) => sent && onClose())}
            data-testid="dispute-submit"
          >
            {t('dispute.submit')}
          </Button>
        </Flex>
      }
    />
  );
}
