import { DeviceClass, ProductKind } from '@medchannel/shared-schema';
import { BRANDS, fixedId } from './demo-data';

/**
 * The demo catalog: product lines and products with their registrations and tier prices. Ids are
 * fixed; registration dates are days relative to the seed's day (seed-clock.ts). The hospitals are
 * in hospital-data.ts, the distributors' licences and authorizations in authorization-data.ts.
 */

const HK = BRANDS.huakang.id;
const RG = BRANDS.ruiguang.id;

export const PRODUCT_LINES = [
  { id: fixedId(0x1a, 1), brandId: HK, code: 'IMG', name: '超声影像' },
  { id: fixedId(0x1a, 2), brandId: HK, code: 'IVD', name: '体外诊断试剂' },
  { id: fixedId(0x1a, 11), brandId: RG, code: 'BIO', name: '生化分析' },
];

export interface SeedProduct {
  id: string;
  brandId: string;
  lineCode: string;
  code: string;
  name: string;
  kind: ProductKind;
  deviceClass: DeviceClass;
  registrationNo: string;
  from: number;
  to: number;
  udiDi: string;
  listPrice: string;
  tierPrices: Record<number, string>;
  /** ordering it needs a certificate for its line (training) */
  requiresCertification?: boolean;
}

export const PRODUCTS: SeedProduct[] = [
  {
    id: fixedId(0x1b, 1),
    brandId: HK,
    lineCode: 'IMG',
    code: 'HK-US-200',
    name: '彩色多普勒超声诊断仪 HK-200',
    kind: ProductKind.EQUIPMENT,
    deviceClass: DeviceClass.II,
    registrationNo: '浙械注准20212060123',
    from: -1800,
    to: 1800,
    udiDi: '06901234500017',
    listPrice: '680000.00',
    tierPrices: { 1: '598000.00', 2: '628000.00' },
  },
  {
    id: fixedId(0x1b, 2),
    brandId: HK,
    lineCode: 'IMG',
    code: 'HK-US-P10',
    name: '便携式超声诊断仪 P10',
    kind: ProductKind.EQUIPMENT,
    deviceClass: DeviceClass.II,
    registrationNo: '浙械注准20202060088',
    from: -1900,
    to: -30,
    udiDi: '06901234500024',
    listPrice: '168000.00',
    tierPrices: { 1: '148000.00', 2: '155000.00' },
  },
  {
    id: fixedId(0x1b, 3),
    brandId: HK,
    lineCode: 'IVD',
    code: 'HK-CRP-50',
    name: 'C反应蛋白测定试剂盒（免疫比浊法）50人份',
    kind: ProductKind.CONSUMABLE,
    deviceClass: DeviceClass.II,
    registrationNo: '浙械注准20222400456',
    from: -900,
    to: 900,
    udiDi: '06901234500031',
    listPrice: '380.00',
    tierPrices: { 1: '296.00', 2: '318.00' },
  },
  {
    id: fixedId(0x1b, 4),
    brandId: HK,
    lineCode: 'IVD',
    code: 'HK-HIV-96',
    name: 'HIV抗原抗体检测试剂盒（化学发光法）96人份',
    kind: ProductKind.CONSUMABLE,
    deviceClass: DeviceClass.III,
    registrationNo: '国械注准20233400789',
    from: -600,
    to: 1200,
    udiDi: '06901234500048',
    listPrice: '2600.00',
    tierPrices: { 1: '2080.00', 2: '2210.00' },
  },
  // class I: filed (备案), needs only the business licence to sell
  {
    id: fixedId(0x1b, 5),
    brandId: HK,
    lineCode: 'IMG',
    code: 'HK-PAD-50',
    name: '一次性使用超声检查垫单 50片',
    kind: ProductKind.CONSUMABLE,
    deviceClass: DeviceClass.I,
    registrationNo: '浙杭械备20230456号',
    from: -700,
    to: 3000,
    udiDi: '06901234500055',
    listPrice: '45.00',
    tierPrices: { 1: '36.00', 2: '38.50' },
  },
  // complex equipment only a certified person may order
  {
    id: fixedId(0x1b, 6),
    brandId: HK,
    lineCode: 'IVD',
    code: 'HK-CL-1000',
    name: '全自动化学发光免疫分析仪 CL-1000',
    kind: ProductKind.EQUIPMENT,
    deviceClass: DeviceClass.II,
    registrationNo: '浙械注准20242400321',
    from: -400,
    to: 1400,
    udiDi: '06901234500062',
    listPrice: '520000.00',
    tierPrices: { 1: '458000.00', 2: '476000.00' },
    requiresCertification: true,
  },
  {
    id: fixedId(0x1b, 11),
    brandId: RG,
    lineCode: 'BIO',
    code: 'RG-BC-800',
    name: '全自动生化分析仪 BC-800',
    kind: ProductKind.EQUIPMENT,
    deviceClass: DeviceClass.II,
    registrationNo: '苏械注准20212220555',
    from: -1000,
    to: 1000,
    udiDi: '06907654300011',
    listPrice: '450000.00',
    tierPrices: { 1: '399000.00' },
  },
];
