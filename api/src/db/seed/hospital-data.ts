import { DecisionRole, HospitalGrade, VolumeKind } from '@medchannel/shared-schema';
import { BRANDS, fixedId } from './demo-data';

/** The demo hospitals with their departments and contacts (ids fixed), in the brands' regions. */

const HK = BRANDS.huakang.id;
const RG = BRANDS.ruiguang.id;

export interface SeedHospital {
  id: string;
  brandId: string;
  name: string;
  grade: HospitalGrade;
  beds: number;
  regionCode: string;
  address: string;
  departments: Array<{ name: string; yearlyVolume: number; volumeKind: VolumeKind }>;
  contacts: Array<{ name: string; title: string; decisionRole: DecisionRole; department?: string }>;
}

export const HOSPITALS: SeedHospital[] = [
  {
    id: fixedId(0x1c, 1),
    brandId: HK,
    name: '浙江大学医学院附属第一医院',
    grade: HospitalGrade.GRADE_3A,
    beds: 3500,
    regionCode: 'ZJ-HZ',
    address: '杭州市上城区庆春路79号',
    departments: [
      { name: '超声医学科', yearlyVolume: 420000, volumeKind: VolumeKind.TEST },
      { name: '检验科', yearlyVolume: 2600000, volumeKind: VolumeKind.TEST },
    ],
    contacts: [
      { name: '王建华', title: '设备科科长', decisionRole: DecisionRole.EQUIPMENT_HEAD },
      { name: '陈晓燕', title: '超声医学科主任', decisionRole: DecisionRole.DEPARTMENT_HEAD, department: '超声医学科' },
    ],
  },
  {
    id: fixedId(0x1c, 2),
    brandId: HK,
    name: '杭州市第一人民医院',
    grade: HospitalGrade.GRADE_3A,
    beds: 2000,
    regionCode: 'ZJ-HZ',
    address: '杭州市上城区浣纱路261号',
    departments: [{ name: '检验科', yearlyVolume: 1200000, volumeKind: VolumeKind.TEST }],
    contacts: [],
  },
  {
    id: fixedId(0x1c, 3),
    brandId: HK,
    name: '宁波市第一医院',
    grade: HospitalGrade.GRADE_3A,
    beds: 1800,
    regionCode: 'ZJ-NB',
    address: '宁波市海曙区柳汀街59号',
    departments: [{ name: '超声科', yearlyVolume: 180000, volumeKind: VolumeKind.TEST }],
    contacts: [],
  },
  {
    id: fixedId(0x1c, 4),
    brandId: HK,
    name: '南京鼓楼医院',
    grade: HospitalGrade.GRADE_3A,
    beds: 3800,
    regionCode: 'JS-NJ',
    address: '南京市鼓楼区中山路321号',
    departments: [{ name: '超声诊断科', yearlyVolume: 390000, volumeKind: VolumeKind.TEST }],
    contacts: [],
  },
  {
    id: fixedId(0x1c, 5),
    brandId: HK,
    name: '苏州大学附属第一医院',
    grade: HospitalGrade.GRADE_3A,
    beds: 3000,
    regionCode: 'JS-SZ',
    address: '苏州市姑苏区十梓街188号',
    departments: [{ name: '检验科', yearlyVolume: 1500000, volumeKind: VolumeKind.TEST }],
    contacts: [],
  },
  {
    id: fixedId(0x1c, 6),
    brandId: HK,
    name: '中山大学附属第一医院',
    grade: HospitalGrade.GRADE_3A,
    beds: 3000,
    regionCode: 'GD-GZ',
    address: '广州市越秀区中山二路58号',
    departments: [{ name: '超声科', yearlyVolume: 450000, volumeKind: VolumeKind.TEST }],
    contacts: [],
  },
  {
    id: fixedId(0x1c, 11),
    brandId: RG,
    name: '浙江省人民医院',
    grade: HospitalGrade.GRADE_3A,
    beds: 2800,
    regionCode: 'ZJ-HZ',
    address: '杭州市拱墅区上塘路158号',
    departments: [{ name: '检验中心', yearlyVolume: 1800000, volumeKind: VolumeKind.TEST }],
    contacts: [],
  },
  {
    id: fixedId(0x1c, 12),
    brandId: RG,
    name: '南京市第一医院',
    grade: HospitalGrade.GRADE_3A,
    beds: 2500,
    regionCode: 'JS-NJ',
    address: '南京市秦淮区长乐路68号',
    departments: [{ name: '检验科', yearlyVolume: 1100000, volumeKind: VolumeKind.TEST }],
    contacts: [],
  },
];
