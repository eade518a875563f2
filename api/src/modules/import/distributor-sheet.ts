import { DistributorClassification } from '@medchannel/shared-schema';
import { RowError } from './import.entity';
import { SheetColumn, readSheet, writeSheet } from './sheet';

/** The distributor workbook: one row per distributor; imported ones enter the pipeline as prospects. */
const DISTRIBUTOR_COLUMNS = [
  { key: 'name', header: '名称 Name*', width: 32 },
  { key: 'code', header: '编码 Code*', width: 14 },
  { key: 'regionCode', header: '地区代码 Region code*', width: 18 },
  { key: 'tier', header: '级别 Tier', width: 8 },
  { key: 'parentCode', header: '上级编码 Parent code', width: 16 },
  { key: 'creditCode', header: '统一社会信用代码 Credit code', width: 24 },
  { key: 'registeredCapital', header: '注册资本 Registered capital', width: 18 },
  { key: 'address', header: '地址 Address', width: 36 },
  { key: 'contactName', header: '联系人 Contact', width: 12 },
  { key: 'contactPhone', header: '电话 Phone', width: 16 },
  { key: 'classifications', header: '分类 Classifications', width: 28 },
] as const satisfies readonly SheetColumn[];

type ColumnKey = (typeof DISTRIBUTOR_COLUMNS)[number]['key'];

const CLASSES: Record<string, DistributorClassification> = {
  终端强关系: DistributorClassification.STRONG_TERMINAL_RELATIONSHIP,
  专业度高: DistributorClassification.HIGHLY_PROFESSIONAL,
  合作意愿强: DistributorClassification.STRONG_WILLINGNESS,
  产品补足: DistributorClassification.PRODUCT_COMPLEMENT,
  ...Object.fromEntries(Object.values(DistributorClassification).map((c) => [c, c])),
};
const CLASS_LABEL = Object.fromEntries(
  Object.entries(CLASSES)
    .filter(([k]) => !(k in DistributorClassification))
    .map(([k, v]) => [v, k]),
);
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export interface ParsedDistributor {
  row: number;
  name: string;
  code: string;
  regionCode: string;
  tier: number;
  parentCode: string | null;
  creditCode: string | null;
  registeredCapital: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  classifications: DistributorClassification[];
}

export async function parseDistributorWorkbook(
  data: Buffer,
): Promise<{ distributors: ParsedDistributor[]; errors: RowError[]; totalRows: number }> {
  const distributors: ParsedDistributor[] = [];
  const codes = new Set<string>();
  const { errors, totalRows } = await readSheet<ColumnKey>(data, DISTRIBUTOR_COLUMNS, (cell, n, err) => {
    if (!cell.name) err('name', 'Required');
    if (cell.name.length > 200) err('name', 'At most 200 characters');
    if (!cell.code) err('code', 'Required');
    else if (codes.has(cell.code)) err('code', `${cell.code} appears twice`);
    if (!cell.regionCode) err('regionCode', 'Required');
    const tier = cell.tier === '' ? (cell.parentCode ? 2 : 1) : Number(cell.tier);
    if (!Number.isInteger(tier) || tier < 1 || tier > 9) err('tier', 'A tier from 1 to 9');
    if (cell.creditCode && !CREDIT_CODE.test(cell.creditCode))
      err('creditCode', 'A unified social credit code has 18 characters');
    if (cell.registeredCapital && !/^\d{1,16}(\.\d{1,2})?$/.test(cell.registeredCapital))
      err('registeredCapital', 'An amount in CNY, e.g. 5000000.00');
    const classifications = cell.classifications
      ? cell.classifications
          .split(/[,，、;；]/)
          .map((c) => c.trim())
          .filter(Boolean)
      : [];
    const unknown = classifications.filter((c) => !CLASSES[c]);
    if (unknown.length)
      err('classifications', `Unknown: ${unknown.join(', ')} (终端强关系, 专业度高, 合作意愿强, 产品补足)`);
    codes.add(cell.code);
    distributors.push({
      row: n,
      name: cell.name,
      code: cell.code,
      regionCode: cell.regionCode,
      tier: Number.isInteger(tier) ? tier : 1,
      parentCode: cell.parentCode || null,
      creditCode: cell.creditCode || null,
      registeredCapital: cell.registeredCapital || null,
      address: cell.address || null,
      contactName: cell.contactName || null,
      contactPhone: cell.contactPhone || null,
      classifications: [...new Set(classifications.map((c) => CLASSES[c]).filter(Boolean))],
    });
  });
  return { distributors, errors, totalRows };
}

export interface DistributorSheetRow extends Omit<ParsedDistributor, 'row'> {}

export function distributorWorkbook(rows: DistributorSheetRow[]): Promise<Buffer> {
  return writeSheet(
    '经销商 Distributors',
    DISTRIBUTOR_COLUMNS,
    rows.map((r) => ({
      ...r,
      classifications: r.classifications.map((c) => CLASS_LABEL[c] ?? c).join('、'),
    })),
  );
}
