/** How much data a run builds. `full` is the target scale (BENCHMARKS.md, "What is measured"); `quick` is the same shape, small, for CI. */
export interface Scale {
  name: 'full' | 'quick';
  provinces: number;
  citiesPerProvince: number;
  distributors: number;
  /** the last `secondTier` distributors hang under the first ones */
  secondTier: number;
  /** partner users per distributor: one owner, the rest reps */
  usersPerDistributor: number;
  productLines: number;
  productsPerLine: number;
  hospitals: number;
  departmentsPerHospital: number;
  /** lines per order cycle through 3..7 (five on average), so orders × 5 lines exactly */
  orders: number;
  /** every ledger entry: shipments' receivables plus the ERP's history, payments and credits */
  ledgerEntries: number;
  visitNotes: number;
  /** the pipeline: opportunities at every stage, with their stage facts and registrations */
  opportunities: number;
  /** sell-out lines (流向, SOLD_OUT movements); stock movements are 2.5 × as many (receipts, transfers to the second tier) */
  sellOutLines: number;
  /** placed instruments (设备投放), with their events */
  placements: number;
  /** days of history behind the orders and the ledger */
  historyDays: number;
}

export const SCALES: Record<Scale['name'], Scale> = {
  full: {
    name: 'full',
    provinces: 30,
    citiesPerProvince: 10,
    distributors: 500,
    secondTier: 50,
    usersPerDistributor: 10,
    productLines: 20,
    productsPerLine: 100,
    hospitals: 20_000,
    departmentsPerHospital: 3,
    orders: 200_000,
    ledgerEntries: 2_000_000,
    visitNotes: 100_000,
    opportunities: 200_000,
    sellOutLines: 2_000_000,
    placements: 20_000,
    historyDays: 730,
  },
  quick: {
    name: 'quick',
    provinces: 6,
    citiesPerProvince: 5,
    distributors: 50,
    secondTier: 5,
    usersPerDistributor: 4,
    productLines: 8,
    productsPerLine: 25,
    hospitals: 1_000,
    departmentsPerHospital: 3,
    orders: 5_000,
    ledgerEntries: 50_000,
    visitNotes: 2_500,
    opportunities: 5_000,
    sellOutLines: 20_000,
    placements: 400,
    historyDays: 365,
  },
};

export const cities = (s: Scale) => s.provinces * s.citiesPerProvince;
/** The order desk and its regional peers cover the first fifth of the provinces. */
export const deskProvinces = (s: Scale) => Math.max(1, Math.round(s.provinces / 5));
/** The first-tier distributors (the second tier are the last `secondTier`). */
export const firstTier = (s: Scale) => s.distributors - s.secondTier;
/** Hospitals per city (each city holds the hospitals `city + cities × i`). */
export const hospitalsPerCity = (s: Scale) => Math.floor(s.hospitals / cities(s));
export const productCount = (s: Scale) => s.productLines * s.productsPerLine;
/** Authorized lines sit this many lines apart (four per distributor), so neighbours' lines differ. */
export const authorizedLineStep = (s: Scale) => Math.max(1, Math.floor(s.productLines / 4));
