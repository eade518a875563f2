import { Card, Flex, Typography } from 'antd';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can, DisputeStatus } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { DisputeEvidence, DisputeStatusTag } from '@medchannel/web-shared/finance';
import type { PartnerStatementFragment } from '../../gql/graphql';
import { useAccountFormat } from './format';

/**
 * Every dispute raised on this month, in any version, newest version first, with its evidence and finance's
 * answer: a reissued month still says what was disputed before and how it was settled. The owner adds evidence
 * (a photo of a signed delivery note, say) while a dispute is open.
 */
export function DisputesCard({ statement }: { statement: PartnerStatementFragment }) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  const client = useApolloClient();
  const answers = can(useCurrentUser().role, 'statement.answer');
  const versions = [...statement.versions].reverse().filter((v) => v.disputes.length > 0);
  if (versions.length === 0) return null;

  return (
    <Card size="small" title={t('dispute.title')} data-testid="statement-disputes">
      <div className="pp-list">
        {versions.flatMap((v) =>
          v.disputes.map((d) => (
            <div key={d.id} className="pp-item" data-testid="dispute" data-status={d.status}>
              <Flex justify="space-between" align="flex-start" gap={8}>
                <Typography.Text strong style={{ minWidth: 0 }}>
                  {d.line ? `#${d.line.lineNo} ${d.line.memo || t(`ledgerKind.${d.line.kind}`)}` : t('dispute.line')}
                </Typography.Text>
                <DisputeStatusTag status={d.status} />
              </Flex>
              <div className="pp-muted" style={{ marginTop: 2 }}>
                {[
                  v.id !== statement.id ? t('statement.version', { version: v.version }) : null,
                  d.line
                    ? `${format.date(d.line.occurredOn)} · ${format.signed(d.line.amount.amount, d.line.amount.currency)}`
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              <div className="pp-item-line">
                <span className="pp-item-label">{t('dispute.yourComment')}</span>
                <span data-testid="dispute-comment-text">{d.comment}</span>
              </div>
              <DisputeEvidence
                disputeId={d.id}
                attachments={d.attachments}
                audience="portal"
                canAdd={answers && d.status === DisputeStatus.OPEN}
                onAdded={() => void client.refetchQueries({ include: ['Statement'] })}
              />
              {d.status === DisputeStatus.OPEN ? (
                <div className="pp-item-line pp-muted">{t('dispute.waiting')}</div>
              ) : (
                <div className="pp-item-line" data-testid="dispute-resolution">
                  <span className="pp-item-label">{t('dispute.answer')}</span>
                  {d.resolution}
                  {d.resolvedAt && <span className="pp-muted"> · {format.date(d.resolvedAt)}</span>}
                </div>
              )}
            </div>
          )),
        )}
      </div>
    </Card>
  );
}
