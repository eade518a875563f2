import { DataSource } from 'typeorm';
import { Scope, applyScope } from '../../auth/scope';
import { Region } from './region.entity';

export class RegionService {
  constructor(private readonly ds: DataSource) {}

  /** The brand's whole territory tree (a few hundred rows at most), provinces first. */
  list(scope: Scope): Promise<Region[]> {
    const qb = this.ds.getRepository(Region).createQueryBuilder('r');
    return applyScope(qb, scope, 'brand').orderBy('r.level', 'DESC').addOrderBy('r.code').getMany();
  }

  async byIds(scope: Scope, ids: readonly string[]): Promise<Region[]> {
    const qb = this.ds.getRepository(Region).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids });
    return applyScope(qb, scope, 'brand').getMany();
  }

  /** The regions asked for and the provinces above them: a screen showing a city shows its province next (one statement, not two). */
  async byIdsWithParents(scope: Scope, ids: readonly string[]): Promise<Region[]> {
    const qb = this.ds
      .getRepository(Region)
      .createQueryBuilder('r')
      .where('(r.id = ANY(:ids) OR r.id IN (SELECT c.parent_id FROM region c WHERE c.id = ANY(:ids)))', { ids });
    return applyScope(qb, scope, 'brand').getMany();
  }

  /** Regions assigned to each of the given users (brand users), with the user's id on each row. */
  async byUserIds(scope: Scope, userIds: readonly string[]): Promise<Array<Region & { userId: string }>> {
    const qb = this.ds
      .createQueryBuilder()
      .from(Region, 'r')
      .innerJoin('user_region', 'ur', 'ur.region_id = r.id')
      .select(['r.id AS id', 'r.brand_id AS "brandId"', 'r.parent_id AS "parentId"', 'r.level AS level'])
      .addSelect(['r.code AS code', 'r.name AS name', 'ur.user_id AS "userId"'])
      .where('ur.user_id = ANY(:userIds)', { userIds });
    return applyScope(qb, scope, 'brand', 'r').orderBy('r.code').getRawMany();
  }
}
