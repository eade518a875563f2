import { DataSource } from 'typeorm';
import type { Config } from '../config';
import { SessionService } from '../auth/session.service';
import { BrandService } from '../modules/brand/brand.service';
import { DistributorService } from '../modules/distributor/distributor.service';
import { RegionService } from '../modules/region/region.service';
import { UserService } from '../modules/user/user.service';

/** One instance of each service per app; they hold no request state (the scope is an argument). */
export function createServices(ds: DataSource, config: Config) {
  return {
    sessions: new SessionService(ds, config),
    brands: new BrandService(ds),
    regions: new RegionService(ds),
    users: new UserService(ds),
    distributors: new DistributorService(ds),
  };
}

export type Services = ReturnType<typeof createServices>;
