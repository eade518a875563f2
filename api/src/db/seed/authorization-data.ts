import { AuthorizationKind, DeviceClass, QualificationType } from '@medchannel/shared-schema';
import { fixedId } from './demo-data';
import { HOSPITALS } from './hospital-data';

/**
 * What lets a demo distributor sell: its qualifications (licences, by device class) and the brand's
 * authorizations. Ids are fixed; validity dates are days relative to the seed's day (seed-clock.ts),
 * so the demo always shows live grants, an expiring licence and an expired one.
 */

export interface SeedQualification {
  id: string;
  distributorCode: string;
  type: QualificationType;
  number: string;
  deviceClasses: DeviceClass[];
  from: number;
  to: number | null;
}

let q = 0;
const qual = (
  distributorCode: string,
  type: QualificationType,
  number: string,
  deviceClasses: DeviceClass[],
  from: number,
  to: number | null,
): SeedQualification => ({ id: fixedId(0x1d, ++q), distributorCode, type, number, deviceClasses, from, to });

export const QUALIFICATIONS: SeedQualification[] = [
  qual('HK-KD', QualificationType.BUSINESS_LICENSE, '91330100MA2AX1234K', [], -2000, null),
  qual(
    'HK-KD',
    QualificationType.OPERATING_LICENSE_III,
    '浙杭食药监械经营许20190123号',
    [DeviceClass.II, DeviceClass.III],
    -900,
    560,
  ),
  qual('HK-NBRK', QualificationType.BUSINESS_LICENSE, '91330200MA2BY5678L', [], -1500, null),
  // expires within 30 days: the warning shows on both sides
  qual('HK-NBRK', QualificationType.FILING_CERTIFICATE_II, '浙甬食药监械经营备20210456号', [DeviceClass.II], -1000, 20),
  qual('HK-HN', QualificationType.BUSINESS_LICENSE, '91320100MA1CZ9012M', [], -3000, null),
  // expired ten days ago: blocks new authorizations and sales of class II/III
  qual(
    'HK-HN',
    QualificationType.OPERATING_LICENSE_III,
    '苏宁食药监械经营许20180789号',
    [DeviceClass.II, DeviceClass.III],
    -1800,
    -10,
  ),
  qual('HK-HGK', QualificationType.BUSINESS_LICENSE, '91320500MA1DA3456N', [], -800, null),
  qual('HK-HGK', QualificationType.FILING_CERTIFICATE_II, '苏苏食药监械经营备20220321号', [DeviceClass.II], -700, 1100),
  qual('HK-YK', QualificationType.BUSINESS_LICENSE, '91440100MA5EB7890P', [], -2500, null),
  qual(
    'HK-YK',
    QualificationType.OPERATING_LICENSE_III,
    '粤穗食药监械经营许20200654号',
    [DeviceClass.II, DeviceClass.III],
    -1100,
    700,
  ),
  qual('RG-RD', QualificationType.BUSINESS_LICENSE, '91330100MA2FC2468Q', [], -1200, null),
  qual(
    'RG-RD',
    QualificationType.OPERATING_LICENSE_III,
    '浙杭食药监械经营许20210987号',
    [DeviceClass.II, DeviceClass.III],
    -600,
    900,
  ),
  // 温州瑞华, which the demo's exit ends (exit.seed.ts)
  qual('RG-WZRH', QualificationType.BUSINESS_LICENSE, '91330300MA2HT7731K', [], -900, null),
  qual(
    'RG-WZRH',
    QualificationType.OPERATING_LICENSE_III,
    '浙温食药监械经营许20220315号',
    [DeviceClass.II, DeviceClass.III],
    -700,
    800,
  ),
];

export interface SeedAuthorization {
  id: string;
  distributorCode: string;
  kind: AuthorizationKind;
  exclusive: boolean;
  lineCodes: string[];
  productCodes: string[];
  regionCodes: string[];
  hospitalIds: string[];
  from: number;
  to: number;
}

export const AUTHORIZATIONS: SeedAuthorization[] = [
  {
    id: fixedId(0x1e, 1),
    distributorCode: 'HK-KD',
    kind: AuthorizationKind.FORMAL,
    exclusive: true,
    lineCodes: ['IMG', 'IVD'],
    productCodes: [],
    regionCodes: ['ZJ-HZ'],
    hospitalIds: [],
    from: -300,
    to: 400,
  },
  {
    id: fixedId(0x1e, 2),
    distributorCode: 'HK-NBRK',
    kind: AuthorizationKind.FORMAL,
    exclusive: false,
    lineCodes: [],
    productCodes: ['HK-US-200'],
    regionCodes: [],
    hospitalIds: [HOSPITALS[2].id],
    from: -100,
    to: 265,
  },
  {
    id: fixedId(0x1e, 3),
    distributorCode: 'HK-HN',
    kind: AuthorizationKind.FORMAL,
    exclusive: false,
    lineCodes: ['IMG'],
    productCodes: [],
    regionCodes: ['JS-NJ'],
    hospitalIds: [],
    from: -200,
    to: 165,
  },
  {
    id: fixedId(0x1e, 4),
    distributorCode: 'HK-HGK',
    kind: AuthorizationKind.TEMPORARY,
    exclusive: false,
    lineCodes: [],
    productCodes: ['HK-CRP-50'],
    regionCodes: [],
    hospitalIds: [HOSPITALS[4].id],
    from: -10,
    to: 50,
  },
  {
    id: fixedId(0x1e, 5),
    distributorCode: 'HK-YK',
    kind: AuthorizationKind.FORMAL,
    exclusive: true,
    lineCodes: ['IMG', 'IVD'],
    productCodes: [],
    regionCodes: ['GD'],
    hospitalIds: [],
    from: -400,
    to: 330,
  },
  {
    id: fixedId(0x1e, 11),
    distributorCode: 'RG-RD',
    kind: AuthorizationKind.FORMAL,
    exclusive: false,
    lineCodes: ['BIO'],
    productCodes: [],
    regionCodes: ['ZJ'],
    hospitalIds: [],
    from: -200,
    to: 500,
  },
  {
    // 温州瑞华's, revoked from its exit's effective date by the demo's exit (exit.seed.ts)
    id: fixedId(0x1e, 12),
    distributorCode: 'RG-WZRH',
    kind: AuthorizationKind.FORMAL,
    exclusive: false,
    lineCodes: ['BIO'],
    productCodes: [],
    regionCodes: ['ZJ-WZ'],
    hospitalIds: [],
    from: -360,
    to: 370,
  },
];
