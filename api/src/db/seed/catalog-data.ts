import { AuthorizationKind, DecisionRole, DeviceClass, HospitalGrade, ProductKind, QualificationType, VolumeKind } from '@medchannel/shared-schema';
import { BRANDS, fixedId } from './demo-data';

/**
 * Part 3's demo data: catalog, hospitals, qualifications and authorizations. Ids are fixed;
 * validity dates are days relative to the seed's day (seed-clock.ts), so the demo always shows
 * live grants, an expiring licence and an expired one.
 */

const HK = BRANDS.huakang.id;
const RG = BRANDS.ruiguang.id;

export const PRODUCT_LINES = [
  { id: fixedId(0x1a, 1), brandId: HK, code: 'IMG', name: '超声影像' },
  { id: fixedId(0x1a, 2), brandId: HK, code: 'IVD', name: '体外诊断试剂' },
  { id: fixedId(0x1a, 11), brandId: RG, code: 'BIO', name: '生化分析' },
];

export interface SeedProduct {
  id: string; brandId: string; lineCode: string; code: string; name: string; kind: ProductKind; deviceClass: DeviceClass;
  registrationNo: string; from: number; to: number; udiDi: string; listPrice: string; tierPrices: Record<number, string>;
  /** ordering it needs a certificate for its line (part 6) */
  requiresCertification?: boolean;
}

export const PRODUCTS: SeedProduct[] = [
  { id: fixedId(0x1b, 1), brandId: HK, lineCode: 'IMG', code: 'HK-US-200', name: '彩色多普勒超声诊断仪 HK-200', kind: ProductKind.EQUIPMENT, deviceClass: DeviceClass.II,
    registrationNo: '浙械注准20212060123', from: -1800, to: 1800, udiDi: '06901234500017', listPrice: '680000.00', tierPrices: { 1: '598000.00', 2: '628000.00' } },
  { id: fixedId(0x1b, 2), brandId: HK, lineCode: 'IMG', code: 'HK-US-P10', name: '便携式超声诊断仪 P10', kind: ProductKind.EQUIPMENT, deviceClass: DeviceClass.II,
    registrationNo: '浙械注准20202060088', from: -1900, to: -30, udiDi: '06901234500024', listPrice: '168000.00', tierPrices: { 1: '148000.00', 2: '155000.00' } },
  { id: fixedId(0x1b, 3), brandId: HK, lineCode: 'IVD', code: 'HK-CRP-50', name: 'C反应蛋白测定试剂盒（免疫比浊法）50人份', kind: ProductKind.CONSUMABLE, deviceClass: DeviceClass.II,
    registrationNo: '浙械注准20222400456', from: -900, to: 900, udiDi: '06901234500031', listPrice: '380.00', tierPrices: { 1: '296.00', 2: '318.00' } },
  { id: fixedId(0x1b, 4), brandId: HK, lineCode: 'IVD', code: 'HK-HIV-96', name: 'HIV抗原抗体检测试剂盒（化学发光法）96人份', kind: ProductKind.CONSUMABLE, deviceClass: DeviceClass.III,
    registrationNo: '国械注准20233400789', from: -600, to: 1200, udiDi: '06901234500048', listPrice: '2600.00', tierPrices: { 1: '2080.00', 2: '2210.00' } },
  // class I: filed (备案), needs only the business licence to sell
  { id: fixedId(0x1b, 5), brandId: HK, lineCode: 'IMG', code: 'HK-PAD-50', name: '一次性使用超声检查垫单 50片', kind: ProductKind.CONSUMABLE, deviceClass: DeviceClass.I,
    registrationNo: '浙杭械备20230456号', from: -700, to: 3000, udiDi: '06901234500055', listPrice: '45.00', tierPrices: { 1: '36.00', 2: '38.50' } },
  // part 6: complex equipment only a certified person may order
  { id: fixedId(0x1b, 6), brandId: HK, lineCode: 'IVD', code: 'HK-CL-1000', name: '全自动化学发光免疫分析仪 CL-1000', kind: ProductKind.EQUIPMENT, deviceClass: DeviceClass.II,
    registrationNo: '浙械注准20242400321', from: -400, to: 1400, udiDi: '06901234500062', listPrice: '520000.00', tierPrices: { 1: '458000.00', 2: '476000.00' }, requiresCertification: true },
  { id: fixedId(0x1b, 11), brandId: RG, lineCode: 'BIO', code: 'RG-BC-800', name: '全自动生化分析仪 BC-800', kind: ProductKind.EQUIPMENT, deviceClass: DeviceClass.II,
    registrationNo: '苏械注准20212220555', from: -1000, to: 1000, udiDi: '06907654300011', listPrice: '450000.00', tierPrices: { 1: '399000.00' } },
];

export interface SeedHospital {
  id: string; brandId: string; name: string; grade: HospitalGrade; beds: number; regionCode: string; address: string;
  departments: Array<{ name: string; yearlyVolume: number; volumeKind: VolumeKind }>;
  contacts: Array<{ name: string; title: string; decisionRole: DecisionRole; department?: string }>;
}

export const HOSPITALS: SeedHospital[] = [
  { id: fixedId(0x1c, 1), brandId: HK, name: '浙江大学医学院附属第一医院', grade: HospitalGrade.GRADE_3A, beds: 3500, regionCode: 'ZJ-HZ', address: '杭州市上城区庆春路79号',
    departments: [{ name: '超声医学科', yearlyVolume: 420000, volumeKind: VolumeKind.TEST }, { name: '检验科', yearlyVolume: 2600000, volumeKind: VolumeKind.TEST }],
    contacts: [{ name: '王建华', title: '设备科科长', decisionRole: DecisionRole.EQUIPMENT_HEAD }, { name: '陈晓燕', title: '超声医学科主任', decisionRole: DecisionRole.DEPARTMENT_HEAD, department: '超声医学科' }] },
  { id: fixedId(0x1c, 2), brandId: HK, name: '杭州市第一人民医院', grade: HospitalGrade.GRADE_3A, beds: 2000, regionCode: 'ZJ-HZ', address: '杭州市上城区浣纱路261号',
    departments: [{ name: '检验科', yearlyVolume: 1200000, volumeKind: VolumeKind.TEST }], contacts: [] },
  { id: fixedId(0x1c, 3), brandId: HK, name: '宁波市第一医院', grade: HospitalGrade.GRADE_3A, beds: 1800, regionCode: 'ZJ-NB', address: '宁波市海曙区柳汀街59号',
    departments: [{ name: '超声科', yearlyVolume: 180000, volumeKind: VolumeKind.TEST }], contacts: [] },
  { id: fixedId(0x1c, 4), brandId: HK, name: '南京鼓楼医院', grade: HospitalGrade.GRADE_3A, beds: 3800, regionCode: 'JS-NJ', address: '南京市鼓楼区中山路321号',
    departments: [{ name: '超声诊断科', yearlyVolume: 390000, volumeKind: VolumeKind.TEST }], contacts: [] },
  { id: fixedId(0x1c, 5), brandId: HK, name: '苏州大学附属第一医院', grade: HospitalGrade.GRADE_3A, beds: 3000, regionCode: 'JS-SZ', address: '苏州市姑苏区十梓街188号',
    departments: [{ name: '检验科', yearlyVolume: 1500000, volumeKind: VolumeKind.TEST }], contacts: [] },
  { id: fixedId(0x1c, 6), brandId: HK, name: '中山大学附属第一医院', grade: HospitalGrade.GRADE_3A, beds: 3000, regionCode: 'GD-GZ', address: '广州市越秀区中山二路58号',
    departments: [{ name: '超声科', yearlyVolume: 450000, volumeKind: VolumeKind.TEST }], contacts: [] },
  { id: fixedId(0x1c, 11), brandId: RG, name: '浙江省人民医院', grade: HospitalGrade.GRADE_3A, beds: 2800, regionCode: 'ZJ-HZ', address: '杭州市拱墅区上塘路158号',
    departments: [{ name: '检验中心', yearlyVolume: 1800000, volumeKind: VolumeKind.TEST }], contacts: [] },
  { id: fixedId(0x1c, 12), brandId: RG, name: '南京市第一医院', grade: HospitalGrade.GRADE_3A, beds: 2500, regionCode: 'JS-NJ', address: '南京市秦淮区长乐路68号',
    departments: [{ name: '检验科', yearlyVolume: 1100000, volumeKind: VolumeKind.TEST }], contacts: [] },
];

export interface SeedQualification {
  id: string; distributorCode: string; type: QualificationType; number: string; deviceClasses: DeviceClass[]; from: number; to: number | null;
}

let q = 0;
const qual = (distributorCode: string, type: QualificationType, number: string, deviceClasses: DeviceClass[], from: number, to: number | null): SeedQualification =>
  ({ id: fixedId(0x1d, ++q), distributorCode, type, number, deviceClasses, from, to });

export const QUALIFICATIONS: SeedQualification[] = [
  qual('HK-KD', QualificationType.BUSINESS_LICENSE, '91330100MA2AX1234K', [], -2000, null),
  qual('HK-KD', QualificationType.OPERATING_LICENSE_III, '浙杭食药监械经营许20190123号', [DeviceClass.II, DeviceClass.III], -900, 560),
  qual('HK-NBRK', QualificationType.BUSINESS_LICENSE, '91330200MA2BY5678L', [], -1500, null),
  // expires within 30 days: the warning shows on both sides
  qual('HK-NBRK', QualificationType.FILING_CERTIFICATE_II, '浙甬食药监械经营备20210456号', [DeviceClass.II], -1000, 20),
  qual('HK-HN', QualificationType.BUSINESS_LICENSE, '91320100MA1CZ9012M', [], -3000, null),
  // expired ten days ago: blocks new authorizations and sales of class II/III
  qual('HK-HN', QualificationType.OPERATING_LICENSE_III, '苏宁食药监械经营许20180789号', [DeviceClass.II, DeviceClass.III], -1800, -10),
  qual('HK-HGK', QualificationType.BUSINESS_LICENSE, '91320500MA1DA3456N', [], -800, null),
  qual('HK-HGK', QualificationType.FILING_CERTIFICATE_II, '苏苏食药监械经营备20220321号', [DeviceClass.II], -700, 1100),
  qual('HK-YK', QualificationType.BUSINESS_LICENSE, '91440100MA5EB7890P', [], -2500, null),
  qual('HK-YK', QualificationType.OPERATING_LICENSE_III, '粤穗食药监械经营许20200654号', [DeviceClass.II, DeviceClass.III], -1100, 700),
  qual('RG-RD', QualificationType.BUSINESS_LICENSE, '91330100MA2FC2468Q', [], -1200, null),
  qual('RG-RD', QualificationType.OPERATING_LICENSE_III, '浙杭食药监械经营许20210987号', [DeviceClass.II, DeviceClass.III], -600, 900),
];

export interface SeedAuthorization {
  id: string; distributorCode: string; kind: AuthorizationKind; exclusive: boolean; lineCodes: string[]; productCodes: string[];
  regionCodes: string[]; hospitalIds: string[]; from: number; to: number;
}

export const AUTHORIZATIONS: SeedAuthorization[] = [
  { id: fixedId(0x1e, 1), distributorCode: 'HK-KD', kind: AuthorizationKind.FORMAL, exclusive: true, lineCodes: ['IMG', 'IVD'], productCodes: [], regionCodes: ['ZJ-HZ'], hospitalIds: [], from: -300, to: 400 },
  { id: fixedId(0x1e, 2), distributorCode: 'HK-NBRK', kind: AuthorizationKind.FORMAL, exclusive: false, lineCodes: [], productCodes: ['HK-US-200'], regionCodes: [], hospitalIds: [HOSPITALS[2].id], from: -100, to: 265 },
  { id: fixedId(0x1e, 3), distributorCode: 'HK-HN', kind: AuthorizationKind.FORMAL, exclusive: false, lineCodes: ['IMG'], productCodes: [], regionCodes: ['JS-NJ'], hospitalIds: [], from: -200, to: 165 },
  { id: fixedId(0x1e, 4), distributorCode: 'HK-HGK', kind: AuthorizationKind.TEMPORARY, exclusive: false, lineCodes: [], productCodes: ['HK-CRP-50'], regionCodes: [], hospitalIds: [HOSPITALS[4].id], from: -10, to: 50 },
  { id: fixedId(0x1e, 5), distributorCode: 'HK-YK', kind: AuthorizationKind.FORMAL, exclusive: true, lineCodes: ['IMG', 'IVD'], productCodes: [], regionCodes: ['GD'], hospitalIds: [], from: -400, to: 330 },
  { id: fixedId(0x1e, 11), distributorCode: 'RG-RD', kind: AuthorizationKind.FORMAL, exclusive: false, lineCodes: ['BIO'], productCodes: [], regionCodes: ['ZJ'], hospitalIds: [], from: -200, to: 500 },
];
