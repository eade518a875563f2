import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import type { ConsoleScorecardFigureFragment } from '../../../gql/graphql';

/** The inputs that are amounts of money (the others are counts or days). */
const MONEY = new Set(['target', 'sellIn', 'outstanding', 'overdue', 'balance', 'raised']);

/** How a figure was computed: each input named and valued, one a line. */
export function FigureInputs({ figure }: { figure: ConsoleScorecardFigureFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }} data-testid={`inputs-${figure.kind}`}>
      {figure.inputs.map((i) => (
        <li key={`${i.key}:${i.subject ?? ''}`}>
          <Typography.Text type="secondary">{t(`scorecard.input.${i.key}`, { subject: i.subject })}</Typography.Text>{' '}
          {MONEY.has(i.key) ? format.money(i.value) : i.value}
        </li>
      ))}
    </ul>
  );
}

/** A ratio "0.6000" as a percentage, exactly (two decimals); "—" when there is nothing to measure. */
export function percent(value: string | null | undefined): string {
  if (!value) return '—';
  const [whole, fraction = ''] = value.split('.');
  const digits = `${whole}${fraction.padEnd(4, '0')}`.replace(/^0+(?=\d{3})/, '');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}%`;
}
