import { DataSource } from 'typeorm';
import { Scope, applyScope } from '../../auth/scope';
import { Brand } from './brand.entity';

export class BrandService {
  constructor(private readonly ds: DataSource) {}

  byIds(scope: Scope, ids: readonly string[]): Promise<Brand[]> {
    const qb = this.ds.getRepository(Brand).createQueryBuilder('b').where('b.id = ANY(:ids)', { ids });
    return applyScope(qb, scope, 'tenant').getMany();
  }
}
