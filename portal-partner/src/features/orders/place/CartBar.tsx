import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { BottomBar } from '../../../components/BottomBar';
import { estimate, itemCount, type Cart } from './cart';

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
            <span className="pp-muted">{t('cart.estimate')} </span>
            <span className="pp-amount" data-testid="cart-estimate">
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
