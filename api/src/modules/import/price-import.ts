import { DataSource } from 'typeorm';
import { Scope, applyScope } from '../../auth/scope';
import { addDays, isIsoDate, today } from '../../common/dates';
import { Decimal } from '../../common/money';
import { Product, type ProductService } from '../product';
import { RowError } from './import.entity';
import { Preview, rowByRow } from './import-common';
import { SheetColumn, readSheet, writeSheet } from './sheet';

/**
 * A price list from Excel: tier prices by product code, each from a date on (the same rule as the price editor: a
 * new price closes the one before it the day before; a price from a day on which a later one already exists is
 * refused). A row the list already says is unchanged, so replaying a file changes nothing.
 */
const PRICE_COLUMNS = [
  { key: 'productCode', header: '产品编码 Product code*', width: 18 },
  { key: 'tier', header: '价格级别 Tier (1–9)*', width: 14 },
  { key: 'price', header: '价格 Price*', width: 14 },
  { key: 'effectiveFrom', header: '生效日期 Effective from*', width: 16 },
] as const satisfies readonly SheetColumn[];

const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;

interface PriceRow {
  row: number;
  productId: string;
  tier: number;
  price: string;
  effectiveFrom: string;
}

export async function previewPrices(ds: DataSource, scope: Scope, data: Buffer): Promise<Preview> {
  const raw: Array<Record<(typeof PRICE_COLUMNS)[number]['key'], string> & { row: number }> = [];
  const parsed = await readSheet(data, PRICE_COLUMNS, (cells, row, error) => {
    if (!cells.productCode) error('productCode', 'Required');
    if (!/^[1-9]$/.test(cells.tier)) error('tier', 'A tier from 1 to 9');
    const price = cells.price.replace(/,/g, '');
    if (!AMOUNT.test(price) || new Decimal(price || '0').lt(0)) error('price', 'A price such as 12800.00');
    if (!isIsoDate(cells.effectiveFrom)) error('effectiveFrom', 'A date is written YYYY-MM-DD');
    raw.push({ ...cells, row });
  });
  const errors: RowError[] = [...parsed.errors];
  const products = await applyScope(ds.getRepository(Product).createQueryBuilder('p'), scope, 'brand')
    .andWhere('p.code = ANY(:codes)', { codes: raw.map((r) => r.productCode) })
    .getMany();
  const idOf = new Map(products.map((p) => [p.code, p.id]));
  const seen = new Set<string>();
  const rows: PriceRow[] = [];
  for (const r of raw) {
    const err = (i: number, message: string) => errors.push({ row: r.row, column: PRICE_COLUMNS[i].header, message });
    const productId = idOf.get(r.productCode);
    if (r.productCode && !productId) err(0, `No product ${r.productCode}`);
    const key = `${r.productCode}|${r.tier}|${r.effectiveFrom}`;
    if (seen.has(key)) err(3, 'This product, tier and date are in the file twice');
    seen.add(key);
    if (productId && !errors.some((e) => e.row === r.row))
      rows.push({
        row: r.row,
        productId,
        tier: Number(r.tier),
        price: new Decimal(r.price.replace(/,/g, '')).toFixed(2),
        effectiveFrom: r.effectiveFrom,
      });
  }
  // against the list as it is: the latest price from each row's day on, per product and tier
  const existing: Array<{ product_id: string; tier: number; from: string; price: string }> = await ds.query(
    `SELECT e.product_id, e.tier, e.effective_from::text AS "from", e.price::text AS price FROM price_list_entry e
      WHERE e.brand_id = $1 AND e.product_id = ANY($2::uuid[])`,
    [scope.brandId, [...new Set(rows.map((r) => r.productId))]],
  );
  const payload: PriceRow[] = [];
  let unchanged = 0;
  // in date order per product and tier, as they will be written: a row may close the file's earlier one
  rows.sort(
    (a, b) =>
      a.productId.localeCompare(b.productId) || a.tier - b.tier || a.effectiveFrom.localeCompare(b.effectiveFrom),
  );
  for (const r of rows) {
    const later = existing.filter(
      (e) => e.product_id === r.productId && e.tier === r.tier && e.from >= r.effectiveFrom,
    );
    if (later.length === 1 && later[0].from === r.effectiveFrom && later[0].price === r.price) unchanged++;
    else if (later.length)
      errors.push({
        row: r.row,
        column: PRICE_COLUMNS[3].header,
        message: `A price from ${later.map((e) => e.from).sort()[0]} or later exists already`,
      });
    else payload.push(r);
  }
  return { errors, totalRows: parsed.totalRows, payload, summary: { prices: payload.length, unchanged } };
}

export const writePrices = (products: ProductService) =>
  rowByRow<PriceRow>((em, scope, r) =>
    products.setTierPriceIn(em, scope, {
      productId: r.productId,
      tier: r.tier,
      price: r.price,
      effectiveFrom: r.effectiveFrom,
    }),
  );

/** A price list workbook in the import's shape (the template's, a test's). */
export const priceWorkbook = (rows: Array<Record<(typeof PRICE_COLUMNS)[number]['key'], string>>) =>
  writeSheet('价格表', PRICE_COLUMNS, rows);

export const priceTemplate = () =>
  priceWorkbook([
    { productCode: 'HK-CRP-50', tier: '1', price: '296.00', effectiveFrom: addDays(today(), 1) },
    { productCode: 'HK-CRP-50', tier: '2', price: '310.00', effectiveFrom: addDays(today(), 1) },
  ]);
