import type { DataSource } from 'typeorm';
import type { Audience } from '@medchannel/shared-schema';
import type { TestApp } from './harness';
import type { BrandFixture, CatalogFixture } from './factories';

/** A list whose SQL count must not grow with the page size. */
interface SqlCountList {
  name: string;
  query: string;
  as: (brand: BrandFixture) => string;
  audience?: Audience;
  /** the most statements the list may cost (auth + count + page + one batch per nested level) */
  max?: number;
  /**
   * Loads of one loader from different depths (the people on a visit note: author, CC, task
   * owners, commenters) share a batch or not depending on which query answers first, so the
   * count may move by this much from run to run; it never grows with the page.
   */
  jitter?: number;
}

/**
 * What a module's `*.sql-count.ts` exports as `SQL_COUNT`: the page of records its lists show
 * (written straight to the database for a brand of the check's own, in the modules' order), its
 * lists, and checks of its own (operations whose cost must not grow with their items).
 */
export interface SqlCountTable {
  /** adminId, ownerId: the ids of the brand's admin and first distributor's owner */
  seed?: (fixture: {
    ds: DataSource;
    brand: BrandFixture;
    cat: CatalogFixture;
    adminId: string;
    ownerId: string;
  }) => Promise<void>;
  lists?: SqlCountList[];
  tests?: Record<string, (run: { t: TestApp; brand: BrandFixture }) => Promise<void>>;
}
