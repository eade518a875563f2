import { SelloutRowProblem, SelloutUploadKind } from '@medchannel/shared-schema';
import { CURRENCIES, fixed2 } from '../../common/money';
import { rowsOf } from '../import';

/** The columns of a distributor's file, by what their headers say (the file is theirs, not our template). */
export type SelloutColumn = 'hospital' | 'department' | 'product' | 'batch' | 'quantity' | 'date' | 'price';

/** Header words per column, tried in this order (批号 before 产品: "产品批号" is a batch). */
const HEADERS: Array<[SelloutColumn, string[]]> = [
  ['department', ['科室', 'department', 'dept']],
  ['batch', ['批号', '批次', 'batch', 'lot']],
  ['date', ['日期', '时间', 'date']],
  // optional: the price per unit sold at (单价 before 产品: "产品单价" is a price)
  ['price', ['单价', '价格', '售价', 'price']],
  ['quantity', ['数量', '销量', '库存', 'quantity', 'qty']],
  ['hospital', ['医院', '终端', '客户', 'hospital', 'customer']],
  ['product', ['产品', '品名', '物料', '商品', 'product', 'item']],
];

const REQUIRED: Record<SelloutUploadKind, SelloutColumn[]> = {
  [SelloutUploadKind.SELL_OUT]: ['hospital', 'product', 'batch', 'quantity', 'date'],
  [SelloutUploadKind.STOCK]: ['product', 'batch', 'quantity'],
};

export interface RowProblem {
  /** 1-based row, as Excel and a text editor number it (0: the file itself) */
  row: number;
  column: SelloutColumn | '';
  code: SelloutRowProblem;
  message: string;
}

/** A row of the file as text, by column. */
export interface FileRow {
  row: number;
  cells: Record<SelloutColumn, string>;
}

const columnOf = (header: string): SelloutColumn | undefined => {
  const h = header.toLowerCase().replace(/\s+/g, '');
  return HEADERS.find(([, words]) => words.some((w) => h.includes(w)))?.[0];
};

/**
 * The rows of an uploaded file (.xlsx, or CSV in UTF-8 or GBK) whose first row names the columns in
 * the distributor's own words; a file missing a column the kind needs is one problem on row 1.
 */
export async function readSelloutFile(
  data: Buffer,
  kind: SelloutUploadKind,
): Promise<{ rows: FileRow[]; problems: RowProblem[] }> {
  const parsed = await rowsOf(data);
  if ('error' in parsed)
    return { rows: [], problems: [{ row: 0, column: '', code: SelloutRowProblem.REQUIRED, message: parsed.error }] };
  const [head, ...body] = parsed.rows;
  const at = new Map<SelloutColumn, number>();
  (head?.cells ?? []).forEach((h, i) => {
    const c = columnOf(h);
    if (c && !at.has(c)) at.set(c, i);
  });
  const missing = REQUIRED[kind].filter((c) => !at.has(c));
  if (missing.length)
    return {
      rows: [],
      problems: missing.map((c) => ({
        row: head?.n ?? 1,
        column: c,
        code: SelloutRowProblem.REQUIRED,
        message: `The first row names no ${c} column`,
      })),
    };
  const rows: FileRow[] = [];
  for (const { n, cells } of body) {
    const get = (c: SelloutColumn) => (at.has(c) ? (cells[at.get(c)!] ?? '').trim() : '');
    const row = {
      row: n,
      cells: {
        hospital: get('hospital'),
        department: get('department'),
        product: get('product'),
        batch: get('batch'),
        quantity: get('quantity'),
        date: get('date'),
        price: get('price'),
      },
    };
    if (Object.values(row.cells).some((v) => v !== '')) rows.push(row);
  }
  return { rows, problems: [] };
}

/** A day as distributors write it: 2026-11-05, 2026/11/5, 2026.11.05, 20261105. */
export function dayOf(text: string): string | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** A whole number of units (thousands separators allowed), or null. */
export function unitsOf(text: string): number | null {
  const t = text.replace(/[,，\s]/g, '');
  if (!/^-?\d{1,9}$/.test(t)) return null;
  return Number(t);
}

/**
 * A unit price as distributors write it: 12.5, ¥1,280.50, 12.50元, CNY 12.50, 12.50 USD. Empty: none;
 * anything else (a negative, more than 2 decimals, a currency we do not know): 'invalid'.
 */
export function priceOf(text: string): { amount: string; currency: string | null } | 'invalid' | null {
  let t = text.replace(/[,，\s]/g, '').toUpperCase();
  if (!t) return null;
  let currency: string | null = null;
  const code = /^([A-Z]{3})?([^A-Z]*?)([A-Z]{3})?$/.exec(t);
  if (!code || (code[1] && code[3])) return 'invalid';
  if (code[1] || code[3]) {
    currency = (code[1] ?? code[3])!;
    if (!(CURRENCIES as readonly string[]).includes(currency)) return 'invalid';
    t = code[2];
  }
  if (/^[¥￥]/.test(t) || /元$/.test(t)) {
    if (currency && currency !== 'CNY') return 'invalid';
    currency = 'CNY';
    t = t.replace(/^[¥￥]/, '').replace(/元$/, '');
  }
  if (!/^\d{1,16}(\.\d{1,2})?$/.test(t)) return 'invalid';
  return { amount: fixed2(t), currency };
}
