import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { estimate, itemCount, type Cart } from './cart';

/** A bar fixed above the tab bar (at the bottom on a desktop): a summary, and the next step's button under the thumb. */
export function BottomBar({ summary, action, testId }: { summary: ReactNode; action: ReactNode; testId: string }) {
  return (
    <>
      <div className="po-bar-spacer" />
      <div className="po-bar" data-testid={testId}>
        <div className="po-bar-sum">{summary}</div>
        {action}
      </div>
    </>
  );
}

/** The cart's count and estimate (before the server prices it), with the next step's button. */
export function CartBar({ cart, action, note }: { cart: Cart; action: ReactNode; note?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = estimate(cart);
  return (
    <BottomBar
      testId="cart-bar"
      action={action}
      summary={
        <>
          <div data-testid="cart-count">{t('cart.count', { count: itemCount(cart), lines: cart.lines.length })}</div>
          <div>
            <span className="po-muted">{t('cart.estimate')} </span>
            <span className="po-amount" data-testid="cart-estimate">
              {format.money(total.amount, total.currency)}
            </span>
          </div>
          {note && (
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {note}
            </Typography.Text>
          )}
        </>
      }
    />
  );
}
