import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { REGIONS, SeedUser } from '../../src/db/seed/demo-data';
import { HOSPITALS } from '../../src/db/seed/hospital-data';
import { PRODUCTS } from '../../src/db/seed/catalog-data';
import { expectedDistributors, expectedHospitals } from '../personas';
import { Call } from './types';

/** Small look-ups the modules' isolation tables share: a persona's first records, fresh names, a row's version. */

/** A short random tag, so names the matrix writes never collide. */
export const tag = () => randomUUID().slice(0, 8);

export const firstDistributor = (user: SeedUser) => expectedDistributors(user)[0];

export const regionOf = (brandId: string, code: string) =>
  REGIONS.find((r) => r.brandId === brandId && r.code === code)!.id;

export const productOf = (user: SeedUser) => PRODUCTS.find((p) => p.brandId === user.brandId)!;

/** A hospital the persona sees, or (for a persona that sees none) one of its brand. */
export const hospitalFor = (user: SeedUser) =>
  expectedHospitals(user)[0] ?? HOSPITALS.find((h) => h.brandId === user.brandId)!;

export const versionOf = async (ds: DataSource, table: string, id: string): Promise<number> =>
  (await ds.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version;

/** One foreign call per row (reads as what it is in the tables). */
export const notFoundEach = <T>(rows: T[], call: (row: T) => Call): Call[] => rows.map(call);
