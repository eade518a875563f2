import { DistributorStage, RegionLevel, Role } from '@medchannel/shared-schema';

/**
 * Fixed-id demo data: the demo, the tests and the isolation matrix all speak of these records.
 * Two brands on one deployment; each with every role and a second-tier distributor.
 */
export const DEMO_PASSWORD = 'MedChannel#2026';

export const fixedId = (kind: number, n: number) =>
  `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export interface SeedBrand {
  id: string;
  code: string;
  name: string;
}
export interface SeedRegion {
  id: string;
  brandId: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentCode?: string;
}
export interface SeedDistributor {
  id: string;
  brandId: string;
  code: string;
  name: string;
  stage: DistributorStage;
  tier: number;
  regionCode: string;
  channelManagerEmail?: string;
  parentCode?: string;
}
export interface SeedUser {
  id: string;
  brandId: string;
  email: string;
  displayName: string;
  role: Role;
  regionCodes?: string[];
  distributorCode?: string;
}

export const BRANDS = {
  huakang: { id: fixedId(0xb, 1), code: 'HK', name: '华康医疗科技有限公司' },
  ruiguang: { id: fixedId(0xb, 2), code: 'RG', name: '瑞光生物医学有限公司' },
} satisfies Record<string, SeedBrand>;

const GEOGRAPHY: Array<[string, string, Array<[string, string]>]> = [
  [
    'ZJ',
    '浙江省',
    [
      ['ZJ-HZ', '杭州市'],
      ['ZJ-NB', '宁波市'],
      ['ZJ-WZ', '温州市'],
    ],
  ],
  [
    'JS',
    '江苏省',
    [
      ['JS-NJ', '南京市'],
      ['JS-SZ', '苏州市'],
    ],
  ],
  [
    'GD',
    '广东省',
    [
      ['GD-GZ', '广州市'],
      ['GD-SZ', '深圳市'],
    ],
  ],
];

export const REGIONS: SeedRegion[] = Object.values(BRANDS).flatMap((brand, b) => {
  let n = 0;
  return GEOGRAPHY.flatMap(([code, name, cities]) => [
    { id: fixedId(0xe, ++n + b * 100), brandId: brand.id, code, name, level: RegionLevel.PROVINCE },
    ...cities.map(([cityCode, cityName]) => ({
      id: fixedId(0xe, ++n + b * 100),
      brandId: brand.id,
      code: cityCode,
      name: cityName,
      level: RegionLevel.CITY,
      parentCode: code,
    })),
  ]);
});

const HK = BRANDS.huakang.id;
const RG = BRANDS.ruiguang.id;

export const DISTRIBUTORS: SeedDistributor[] = [
  {
    id: fixedId(0xd, 1),
    brandId: HK,
    code: 'HK-KD',
    name: '杭州康达医疗器械有限公司',
    stage: DistributorStage.FORMAL,
    tier: 1,
    regionCode: 'ZJ-HZ',
    channelManagerEmail: 'zhang.cm@huakang.demo',
  },
  {
    id: fixedId(0xd, 2),
    brandId: HK,
    code: 'HK-NBRK',
    name: '宁波瑞康医疗用品有限公司',
    stage: DistributorStage.TRIAL,
    tier: 2,
    regionCode: 'ZJ-NB',
    channelManagerEmail: 'zhang.cm@huakang.demo',
    parentCode: 'HK-KD',
  },
  {
    id: fixedId(0xd, 3),
    brandId: HK,
    code: 'HK-HN',
    name: '南京华宁医疗设备有限公司',
    stage: DistributorStage.FORMAL,
    tier: 1,
    regionCode: 'JS-NJ',
    channelManagerEmail: 'zhang.cm@huakang.demo',
  },
  {
    id: fixedId(0xd, 4),
    brandId: HK,
    code: 'HK-HGK',
    name: '苏州恒康医疗器械有限公司',
    stage: DistributorStage.TEMP_AUTHORIZED,
    tier: 2,
    regionCode: 'JS-SZ',
  },
  {
    id: fixedId(0xd, 5),
    brandId: HK,
    code: 'HK-YK',
    name: '广州粤康医疗科技有限公司',
    stage: DistributorStage.FORMAL,
    tier: 1,
    regionCode: 'GD-GZ',
    channelManagerEmail: 'chen.cm@huakang.demo',
  },
  {
    id: fixedId(0xd, 11),
    brandId: RG,
    code: 'RG-RD',
    name: '杭州瑞达生物科技有限公司',
    stage: DistributorStage.FORMAL,
    tier: 1,
    regionCode: 'ZJ-HZ',
    channelManagerEmail: 'cm@ruiguang.demo',
  },
  {
    id: fixedId(0xd, 12),
    brandId: RG,
    code: 'RG-WZRH',
    name: '温州瑞华医疗器械有限公司',
    stage: DistributorStage.FORMAL,
    tier: 2,
    regionCode: 'ZJ-WZ',
    parentCode: 'RG-RD',
  },
  {
    id: fixedId(0xd, 13),
    brandId: RG,
    code: 'RG-KT',
    name: '南京康泰医疗科技有限公司',
    stage: DistributorStage.NEGOTIATING,
    tier: 1,
    regionCode: 'JS-NJ',
  },
  {
    id: fixedId(0xd, 14),
    brandId: RG,
    code: 'RG-RL',
    name: '深圳瑞联医疗设备有限公司',
    stage: DistributorStage.SCREENING,
    tier: 1,
    regionCode: 'GD-SZ',
  },
];

/** The demo person who works for both brands (portal, owner in each). */
export const TWO_BRANDS_EMAIL = 'yu.siyuan@partner.demo';

let u = 0;
const user = (brandId: string, email: string, displayName: string, role: Role, where: string[] | string): SeedUser => ({
  id: fixedId(0xa, ++u),
  brandId,
  email,
  displayName,
  role,
  ...(Array.isArray(where) ? { regionCodes: where } : { distributorCode: where }),
});

export const USERS: SeedUser[] = [
  user(HK, 'admin@huakang.demo', '王磊', Role.ADMIN, []),
  user(HK, 'zhao.rh@huakang.demo', '赵建国', Role.REGIONAL_HEAD, ['ZJ', 'JS']),
  user(HK, 'zhang.cm@huakang.demo', '张伟', Role.CHANNEL_MANAGER, ['ZJ-HZ']),
  user(HK, 'chen.cm@huakang.demo', '陈静', Role.CHANNEL_MANAGER, ['GD']),
  user(HK, 'order@huakang.demo', '刘芳', Role.ORDER_DESK, ['ZJ', 'JS']),
  user(HK, 'finance@huakang.demo', '孙丽', Role.FINANCE, ['ZJ', 'JS']),
  user(HK, 'trainer@huakang.demo', '周敏', Role.TRAINER, ['ZJ', 'JS']),
  user(HK, 'engineer@huakang.demo', '吴强', Role.ENGINEER, ['GD']),
  user(HK, 'boss@kangda.demo', '钱永强', Role.OWNER, 'HK-KD'),
  user(HK, 'li.rep@kangda.demo', '李娜', Role.REP, 'HK-KD'),
  user(HK, 'wang.rep@kangda.demo', '王浩', Role.REP, 'HK-KD'),
  user(HK, 'boss@nbruikang.demo', '何建华', Role.OWNER, 'HK-NBRK'),
  user(HK, 'boss@huaning.demo', '马晓东', Role.OWNER, 'HK-HN'),
  user(HK, 'xu.rep@huaning.demo', '徐丽', Role.REP, 'HK-HN'),
  user(HK, 'boss@hengkang.demo', '郑凯', Role.OWNER, 'HK-HGK'),
  user(HK, 'boss@yuekang.demo', '黄志明', Role.OWNER, 'HK-YK'),
  user(RG, 'admin@ruiguang.demo', '林涛', Role.ADMIN, []),
  user(RG, 'rh@ruiguang.demo', '高峰', Role.REGIONAL_HEAD, ['ZJ']),
  user(RG, 'cm@ruiguang.demo', '罗敏', Role.CHANNEL_MANAGER, ['ZJ-HZ']),
  user(RG, 'order@ruiguang.demo', '梁静', Role.ORDER_DESK, ['ZJ', 'JS']),
  user(RG, 'finance@ruiguang.demo', '宋雪', Role.FINANCE, ['ZJ', 'JS', 'GD']),
  user(RG, 'trainer@ruiguang.demo', '唐杰', Role.TRAINER, ['ZJ']),
  user(RG, 'engineer@ruiguang.demo', '韩冰', Role.ENGINEER, ['JS']),
  user(RG, 'boss@ruida.demo', '许志远', Role.OWNER, 'RG-RD'),
  user(RG, 'rep@ruida.demo', '冯晓', Role.REP, 'RG-RD'),
  user(RG, 'boss@wzruihua.demo', '邓明', Role.OWNER, 'RG-WZRH'),
  user(RG, 'boss@kangtai.demo', '曹阳', Role.OWNER, 'RG-KT'),
  user(RG, 'boss@ruilian.demo', '彭辉', Role.OWNER, 'RG-RL'),
  // added with the finance demo (kept last so that earlier users keep their fixed ids)
  user(HK, 'zhou.rep@nbruikang.demo', '周婷', Role.REP, 'HK-NBRK'),
  // added with the training demo: the rep who learns in the training browser test
  user(HK, 'sun.rep@kangda.demo', '孙悦', Role.REP, 'HK-KD'),
  // one person, two brands: 宁波瑞康 sells for 华康 and (as 杭州瑞达's partner) for 瑞光, so its
  // second owner holds a membership in each with one e-mail and one password (the brand switcher)
  user(HK, TWO_BRANDS_EMAIL, '俞思远', Role.OWNER, 'HK-NBRK'),
  user(RG, TWO_BRANDS_EMAIL, '俞思远', Role.OWNER, 'RG-RD'),
];

/** A person's memberships, in the order above (userByEmail answers the first). */
export const membershipsOf = (email: string): SeedUser[] => USERS.filter((x) => x.email === email);

export const userByEmail = (email: string): SeedUser => {
  const found = USERS.find((x) => x.email === email);
  if (!found) throw new Error(`no demo user ${email}`);
  return found;
};

export const distributorByCode = (code: string): SeedDistributor => {
  const found = DISTRIBUTORS.find((d) => d.code === code);
  if (!found) throw new Error(`no demo distributor ${code}`);
  return found;
};
