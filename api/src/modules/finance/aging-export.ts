import { MONEY_FORMAT, sheetMoney, type ParamSpec } from '../../common/export-query';
import type { Distributor } from '../distributor';
import { writeSheet, type SheetColumn } from '../import';
import { AccountFilter } from './finance.inputs';
import type { Aging } from './receivables';

/** The finance screens' URL filters (AccountFilters.tsx), as the aging list's AccountFilter. */
export const ACCOUNT_PARAMS: Record<string, ParamSpec<AccountFilter>> = {
  region: { field: 'regionId' },
  distributor: { field: 'distributorId' },
};

type Column = 'distributor' | 'code' | 'd0' | 'd31' | 'd61' | 'd90' | 'total' | 'overdue' | 'currency';
const money = (key: Column, header: string): SheetColumn<Column> => ({ key, header, width: 16, numFmt: MONEY_FORMAT });
const COLUMNS: readonly SheetColumn<Column>[] = [
  { key: 'distributor', header: '经销商 Distributor', width: 28 },
  { key: 'code', header: '经销商编码 Code', width: 14 },
  money('d0', '0-30天 0-30 days'),
  money('d31', '31-60天 31-60 days'),
  money('d61', '61-90天 61-90 days'),
  money('d90', '90天以上 Over 90 days'),
  money('total', '应收合计 Total'),
  money('overdue', '已逾期 Overdue'),
  { key: 'currency', header: '币种 Currency', width: 8 },
];

/** The aging per distributor as the 应收 table lists it (largest total first); amounts in CNY, as the list answers them. */
export function agingWorkbook(rows: Aging[], distributors: Distributor[]): Promise<Buffer> {
  const byId = new Map(distributors.map((d) => [d.id, d]));
  return writeSheet(
    '应收账龄 Receivables aging',
    COLUMNS,
    rows.map((r) => ({
      distributor: byId.get(r.distributorId)?.name ?? '',
      code: byId.get(r.distributorId)?.code ?? '',
      d0: sheetMoney(r.buckets.D0_30),
      d31: sheetMoney(r.buckets.D31_60),
      d61: sheetMoney(r.buckets.D61_90),
      d90: sheetMoney(r.buckets.D90_PLUS),
      total: sheetMoney(r.total),
      overdue: sheetMoney(r.overdue),
      currency: 'CNY',
    })),
  );
}
