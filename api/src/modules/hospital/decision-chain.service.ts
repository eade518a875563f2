import type { AuditAction } from '@medchannel/shared-schema';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, illegal, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { assertVersion } from '../../common/versioning';
import { Hospital, HospitalContact, HospitalContactFact, HospitalDepartment } from './hospital.entity';
import { ContactInput, RetireContactInput, UpdateContactInput } from './hospital.inputs';
import type { HospitalService } from './hospital.service';

/**
 * The decision chain (决策链): a hospital's contacts, their place and relation to the brand. A
 * contact is changed in place for reading, and every insert or change appends a fact to their
 * history (a trigger of migration HospitalMasterData); one who left is retired, never deleted.
 */
export class DecisionChainService {
  constructor(
    private readonly ds: DataSource,
    private readonly hospitals: HospitalService,
  ) {}

  async add(scope: Scope, hospitalId: string, input: ContactInput): Promise<Hospital> {
    return this.ds.transaction(async (em) => {
      const hospital = await this.hospitals.locked(em, scope, hospitalId);
      await departmentOf(em, hospital.id, input.departmentId);
      const contact = await em.save(
        em.create(HospitalContact, {
          ...contactFields(input),
          brandId: scope.brandId,
          hospitalId: hospital.id,
          changedBy: scope.userId,
          changeNote: null,
        }),
      );
      await audit(em, scope, 'ADD_CONTACT', 'hospital', hospital.id, { contactId: contact.id, ...input });
      return hospital;
    });
  }

  /** Title, role, relation, department or phone changed at the version the user saw; a retired contact is history. */
  async update(scope: Scope, contactId: string, input: UpdateContactInput): Promise<HospitalContact> {
    return this.change(scope, contactId, input.expectedVersion, async (em, contact) => {
      await departmentOf(em, contact.hospitalId, input.departmentId);
      Object.assign(contact, contactFields(input), { changeNote: input.note?.trim() || null });
      return 'UPDATE_CONTACT';
    });
  }

  async retire(scope: Scope, contactId: string, input: RetireContactInput): Promise<HospitalContact> {
    return this.change(scope, contactId, input.expectedVersion, async (_em, contact) => {
      Object.assign(contact, { retiredOn: input.on, changeNote: input.note?.trim() || null });
      return 'RETIRE_CONTACT';
    });
  }

  private async change(
    scope: Scope,
    contactId: string,
    expectedVersion: number,
    apply: (em: EntityManager, contact: HospitalContact) => Promise<AuditAction>,
  ): Promise<HospitalContact> {
    return this.ds.transaction(async (em) => {
      const contact = isUuid(contactId) ? await em.findOneBy(HospitalContact, { id: contactId }) : null;
      // a contact follows its hospital's scope: one at a hospital out of sight is not found
      if (!contact) throw notFound('Contact');
      const hospital = await this.hospitals.locked(em, scope, contact.hospitalId, 'Contact');
      assertVersion(contact, expectedVersion, 'contact');
      if (contact.retiredOn) throw illegal('This contact has left; their history is kept as it was');
      const action = await apply(em, contact);
      contact.changedBy = scope.userId;
      const saved = await em.save(contact);
      await audit(em, scope, action, 'hospital', hospital.id, { contactId: contact.id, ...pick(saved) });
      return saved;
    });
  }

  /** The facts of each contact, oldest first, for the contacts of hospitals the viewer sees. */
  historyByContactIds(scope: Scope, ids: readonly string[]): Promise<HospitalContactFact[]> {
    const visible = this.hospitals.visibleIdsQuery(scope);
    return this.ds
      .getRepository(HospitalContactFact)
      .createQueryBuilder('f')
      .innerJoin(HospitalContact, 'c', 'c.id = f.contact_id')
      .where('f.contact_id = ANY(:ids)', { ids })
      .andWhere(`c.hospital_id IN (${visible.getQuery()})`)
      .setParameters({ ...visible.getParameters(), ids })
      .orderBy('f.created_at')
      .addOrderBy('f.id')
      .getMany();
  }
}

const contactFields = (input: ContactInput) => ({
  name: input.name.trim(),
  title: input.title?.trim() || null,
  decisionRole: input.decisionRole,
  relation: input.relation,
  phone: input.phone?.trim() || null,
  departmentId: input.departmentId ?? null,
});

const pick = (c: HospitalContact) => ({
  title: c.title,
  decisionRole: c.decisionRole,
  relation: c.relation,
  departmentId: c.departmentId,
  retiredOn: c.retiredOn,
  note: c.changeNote,
});

/** A department named on a contact must be the hospital's own. */
async function departmentOf(em: EntityManager, hospitalId: string, departmentId: string | undefined): Promise<void> {
  if (!departmentId) return;
  const found = isUuid(departmentId) ? await em.countBy(HospitalDepartment, { id: departmentId, hospitalId }) : 0;
  if (!found) throw new AppError(ErrorCode.NOT_FOUND, 'Department not found', 'departmentId');
}
