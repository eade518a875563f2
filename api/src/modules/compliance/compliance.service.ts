import { DataSource, EntityManager } from 'typeorm';
import { visibleId } from '../../auth/scoped-ids';
import { Scope, scopeCondition } from '../../auth/scope';
import type { DistributorService } from '../distributor';
import type { ProductService } from '../product';
import { registeredOnSql } from '../product';
import {
  AuthorizationStatus,
  ComplianceReason,
  DeviceClass,
  DistributorStage,
  QualificationType,
} from '@medchannel/shared-schema';
import { AuthorizationGrant, statusOn } from '../authorization';
import { Qualification } from '../qualification';

export interface ComplianceQuestion {
  distributorId: string;
  productId: string;
  /** null for stock bought into the distributor's own warehouse: any territory of its grants will do */
  hospitalId: string | null;
  /** YYYY-MM-DD */
  on: string;
}

export interface ComplianceFinding {
  reason: ComplianceReason;
  message: string;
}

export interface ComplianceAnswer {
  allowed: boolean;
  findings: ComplianceFinding[];
}

/** The licence a device class needs besides the business licence (class I needs only that). */
const LICENCE_FOR: Record<DeviceClass, QualificationType | null> = {
  [DeviceClass.I]: null,
  [DeviceClass.II]: QualificationType.FILING_CERTIFICATE_II,
  [DeviceClass.III]: QualificationType.OPERATING_LICENSE_III,
};

const validOn = (q: Pick<Qualification, 'validFrom' | 'validTo'>, on: string) =>
  q.validFrom <= on && (!q.validTo || q.validTo >= on);

/**
 * Can distributor D sell product P to hospital H on date T? One answer for every module that
 * sells (orders, tenders, new authorizations): yes, or every reason why not (docs/domain.md, rules 1–3).
 * It reads the records named through the scope's `brand` resource (the tenant's, whichever of them
 * the viewer's screens show: a shipment asks about its order's hospital); callers establish first
 * that the viewer may ask.
 */
export class ComplianceService {
  constructor(
    private readonly ds: DataSource,
    private readonly distributors: DistributorService,
    private readonly products: ProductService,
  ) {}

  /** The question as a viewer asks it: they must see the distributor, the product and the hospital. */
  async ask(scope: Scope, q: ComplianceQuestion): Promise<ComplianceAnswer> {
    await this.distributors.get(scope, q.distributorId);
    await this.products.get(scope, q.productId);
    // The hospital as the viewer's scope reads it: one outside it answers like one that does not exist.
    await visibleId(this.ds.manager, scope, 'hospital', q.hospitalId ?? '', 'hospitalId');
    return this.check(scope, q);
  }

  /** Rule 2: the business licence, and the licence the device class needs, valid that day and covering the class. */
  async qualificationFindings(
    em: EntityManager,
    scope: Scope,
    distributorId: string,
    classes: DeviceClass[],
    on: string,
  ): Promise<ComplianceFinding[]> {
    return qualificationFindingsIn(
      await em.find(Qualification, { where: { brandId: scope.brandId, distributorId } }),
      classes,
      on,
    );
  }

  async check(scope: Scope, q: ComplianceQuestion, em: EntityManager = this.ds.manager): Promise<ComplianceAnswer> {
    const { productId, ...rest } = q;
    return (await this.checkMany(scope, { ...rest, productIds: [productId] }, em)).get(productId)!;
  }

  /**
   * The same question for many products at once (an order's lines): five queries however many
   * products, so that placing a 50-line order costs what a 1-line order does.
   */
  async checkMany(
    scope: Scope,
    q: Omit<ComplianceQuestion, 'productId'> & { productIds: string[] },
    em: EntityManager = this.ds.manager,
  ): Promise<Map<string, ComplianceAnswer>> {
    const brandId = scope.brandId;
    const tenant = (alias: string) => scopeCondition(scope, 'brand', alias);
    const distributor: { stage: DistributorStage } | undefined = await em
      .createQueryBuilder()
      .select('d.stage', 'stage')
      .from('distributor', 'd')
      .where('d.id = :id', { id: q.distributorId })
      .andWhere(tenant('d').sql, tenant('d').params)
      .getRawOne();
    const products: Array<{
      id: string;
      device_class: DeviceClass;
      product_line_id: string;
      registered: boolean;
      name: string;
    }> = await em
      .createQueryBuilder()
      .select('p.id', 'id')
      .addSelect('p.device_class', 'device_class')
      .addSelect('p.product_line_id', 'product_line_id')
      // rule 3 on the certificate current on the day asked about (a renewal takes over from its first day)
      .addSelect(registeredOnSql('p', ':on'), 'registered')
      .addSelect('p.name', 'name')
      .from('product', 'p')
      .where('p.id = ANY(:ids)', { ids: q.productIds, on: q.on })
      .andWhere(tenant('p').sql, tenant('p').params)
      .getRawMany();
    const hospital: { id: string; region_id: string; parent_id: string | null } | undefined = q.hospitalId
      ? await em
          .createQueryBuilder()
          .select('h.id', 'id')
          .addSelect('h.region_id', 'region_id')
          .addSelect('r.parent_id', 'parent_id')
          .from('hospital', 'h')
          .innerJoin('region', 'r', 'r.id = h.region_id')
          .where('h.id = :id', { id: q.hospitalId })
          .andWhere(tenant('h').sql, tenant('h').params)
          .getRawOne()
      : undefined;
    if (!distributor || products.length !== new Set(q.productIds).size || (q.hospitalId && !hospital)) {
      throw new Error('compliance check on records outside the tenant: callers must look them up first');
    }
    const docs = await em.find(Qualification, { where: { brandId, distributorId: q.distributorId } });

    // Rule 1: grants covering any of the products (or their lines) and the hospital (or its region).
    const grantQuery = em
      .getRepository(AuthorizationGrant)
      .createQueryBuilder('g')
      .where('g.brand_id = :brandId AND g.distributor_id = :distributorId', { brandId, distributorId: q.distributorId })
      .andWhere('(g.product_ids && :productIds::uuid[] OR g.product_line_ids && :lineIds::uuid[])', {
        productIds: q.productIds,
        lineIds: [...new Set(products.map((p) => p.product_line_id))],
      });
    if (hospital) {
      grantQuery.andWhere(
        '(:hospitalId = ANY(g.hospital_ids) OR :regionId = ANY(g.region_ids) OR :parentId = ANY(g.region_ids))',
        {
          hospitalId: hospital.id,
          regionId: hospital.region_id,
          parentId: hospital.parent_id ?? hospital.region_id,
        },
      );
    }
    const grants: AuthorizationGrant[] = await grantQuery.getMany();

    const answers = new Map<string, ComplianceAnswer>();
    for (const product of products) {
      const findings: ComplianceFinding[] = [];
      if (distributor.stage === DistributorStage.TERMINATED || distributor.stage === DistributorStage.PROSPECT) {
        findings.push({
          reason: ComplianceReason.DISTRIBUTOR_INACTIVE,
          message: `The distributor is ${distributor.stage}`,
        });
      }
      // Rule 3: an expired (or not yet valid) registration certificate cannot be sold.
      if (!product.registered) {
        findings.push({
          reason: ComplianceReason.REGISTRATION_EXPIRED,
          message: `The registration certificate of ${product.name} is not valid on ${q.on}`,
        });
      }
      findings.push(...qualificationFindingsIn(docs, [product.device_class], q.on));
      const covering = grants.filter(
        (g) => g.productIds.includes(product.id) || g.productLineIds.includes(product.product_line_id),
      );
      const statuses = covering.map((g) => statusOn(g, q.on));
      if (!statuses.includes(AuthorizationStatus.ACTIVE)) {
        // every reason why not: a grant revoked and another run out are both said
        const revoked = statuses.includes(AuthorizationStatus.REVOKED);
        const expired = statuses.includes(AuthorizationStatus.EXPIRED);
        if (revoked)
          findings.push({
            reason: ComplianceReason.AUTHORIZATION_REVOKED,
            message: `The authorization was revoked before ${q.on}`,
          });
        if (expired)
          findings.push({
            reason: ComplianceReason.AUTHORIZATION_EXPIRED,
            message: `The authorization expired before ${q.on}`,
          });
        if (!revoked && !expired) {
          findings.push({
            reason: ComplianceReason.NO_AUTHORIZATION,
            message: hospital
              ? `No authorization covers this product at this hospital on ${q.on}`
              : `No authorization covers this product on ${q.on}`,
          });
        }
      }
      answers.set(product.id, { allowed: findings.length === 0, findings });
    }
    return answers;
  }
}

/** Rule 2 over a distributor's documents (pure, so one load serves many products). */
function qualificationFindingsIn(docs: Qualification[], classes: DeviceClass[], on: string): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const need = (type: QualificationType, cls?: DeviceClass) => {
    // A class III operating licence also covers class II when its scope lists it.
    const ofType = docs.filter(
      (d) => d.type === type || (cls === DeviceClass.II && d.type === QualificationType.OPERATING_LICENSE_III),
    );
    const covering = cls ? ofType.filter((d) => d.deviceClasses.includes(cls)) : ofType;
    const label = cls ? `class ${cls}` : 'the business licence';
    if (covering.some((d) => validOn(d, on))) return;
    if (covering.length) {
      findings.push({
        reason: ComplianceReason.QUALIFICATION_EXPIRED,
        message: `The qualification for ${label} is not valid on ${on}`,
      });
    } else if (cls && ofType.some((d) => validOn(d, on))) {
      findings.push({
        reason: ComplianceReason.QUALIFICATION_SCOPE,
        message: `No valid qualification's scope covers ${label}`,
      });
    } else {
      findings.push({
        reason: ComplianceReason.QUALIFICATION_MISSING,
        message: `No qualification for ${label} on file`,
      });
    }
  };
  need(QualificationType.BUSINESS_LICENSE);
  for (const cls of [...new Set(classes)].sort()) {
    const type = LICENCE_FOR[cls];
    if (type) need(type, cls);
  }
  return findings;
}
