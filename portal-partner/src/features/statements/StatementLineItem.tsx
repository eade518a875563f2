import { useEffect, useRef } from 'react';
import { Checkbox, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DisputeStatusTag } from '@medchannel/web-shared/finance';
import { signOf } from '@medchannel/web-shared/kernel';
import type { PartnerStatementFragment } from '../../gql/graphql';
import type { DisputeDraft } from './useDisputeDraft';
import { useAccountFormat } from './format';

type Line = PartnerStatementFragment['lines'][number];

interface LineProps {
  line: Line;
  balance: string;
  draft: DisputeDraft | null;
  /** the owner's comment, when the line is disputed */
  comment?: string;
  /** scroll to this line's comment (the first one with an error) */
  reveal: boolean;
}

/** One line of the month with the balance after it; while disputing, a checkbox and, once ticked, its comment. */
export function LineItem({ line, balance, draft, comment, reveal }: LineProps) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  const box = useRef<HTMLDivElement>(null);
  const picked = draft != null && line.id in draft.comments;
  const error = draft?.errors[line.id];
  useEffect(() => {
    if (reveal && error) box.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [reveal, error]);
  const body = (
    <div className="pa-line-body">
      <div className="pp-row-head">
        <span className="pa-line-when">
          <span className="pp-muted">#{line.lineNo}</span> {format.date(line.occurredOn)}
          <Tag bordered={false} style={{ marginInlineStart: 6 }}>
            {t(`ledgerKind.${line.kind}`)}
          </Tag>
        </span>
        <span
          className={signOf(line.amount.amount) < 0 ? 'pp-amount pa-credit' : 'pp-amount'}
          data-testid="line-amount"
        >
          {format.signed(line.amount.amount, line.amount.currency)}
        </span>
      </div>
      <div className="pp-row-head" style={{ alignItems: 'flex-start', marginTop: 2 }}>
        <span className="pa-memo" data-testid="line-memo">
          {line.memo || t(`ledgerKind.${line.kind}`)}
        </span>
        <span className="pp-muted pa-running" data-testid="line-balance">
          {t('statement.balanceAfter', { amount: format.money(balance, line.amount.currency) })}
        </span>
      </div>
      {line.dispute && (
        <div className="pa-line-dispute" data-testid="line-dispute">
          <DisputeStatusTag status={line.dispute.status} />
          {comment && <span className="pa-line-dispute-text">{comment}</span>}
        </div>
      )}
    </div>
  );

  if (!draft) {
    return (
      <div className="pp-item" data-testid="statement-line" data-line-no={line.lineNo}>
        {body}
      </div>
    );
  }
  return (
    <div
      className={picked ? 'pp-item pa-line-picked' : 'pp-item'}
      data-testid="statement-line"
      data-line-no={line.lineNo}
    >
      {/* The whole row toggles the line: a finger finds it more easily than the box alone. */}
      <Checkbox
        className="pa-line-pick"
        checked={picked}
        onChange={(e) => draft.toggle(line.id, e.target.checked)}
        data-testid="dispute-pick"
      >
        {body}
      </Checkbox>
      {picked && (
        <div className="pa-line-comment" ref={box}>
          <Input.TextArea
            autoFocus
            value={draft.comments[line.id]}
            onChange={(e) => draft.write(line.id, e.target.value)}
            maxLength={draft.maxLength}
            autoSize={{ minRows: 2, maxRows: 6 }}
            status={error ? 'error' : undefined}
            placeholder={t('dispute.commentPlaceholder')}
            aria-label={t('dispute.commentLabel', { lineNo: line.lineNo })}
            data-testid="dispute-comment"
          />
          {error && (
            <div className="pa-error" data-testid="dispute-comment-error">
              {error}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
