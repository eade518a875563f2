import type { DataSource } from 'typeorm';
import { fromJsonRow } from '../../db/json-rows';
import type { Json, JsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { HospitalContact, HospitalContactFact, HospitalDepartment } from './hospital.entity';

/**
 * A hospital's own rows in a one-statement tree, as the hospital loaders read them (the service's
 * departmentsByHospitalIds / contactsByHospitalIds and the decision chain's historyByContactIds):
 * the rows of a hospital the viewer may see, in those loaders' order. The hospitals list
 * (hospital-page.ts) and the visit pages (a co-visit's or a note's place) write them from here.
 */
export interface PlaceParts {
  departments: boolean;
  contacts: boolean;
  /** each contact's history (only with contacts) */
  contactHistory?: boolean;
}

export interface Place {
  departments: HospitalDepartment[] | undefined;
  contacts: HospitalContact[] | undefined;
  /** the history of each contact read, by contact id */
  contactHistory?: Map<string, HospitalContactFact[]>;
}

/** The rows of `hospitalColumn`'s hospital under the hospitals' scope (its departments, its contacts). */
const ofVisibleHospital = (kit: JsonTreeKit, alias: string, hospitalColumn: string, prefix: string) =>
  `${alias}.hospital_id = ${hospitalColumn}
     AND EXISTS (SELECT 1 FROM hospital ${prefix}h WHERE ${prefix}h.id = ${alias}.hospital_id AND ${kit.inScope('hospital', `${prefix}h`)})`;

/** The hospital's departments and contacts (with their history when asked), in their loaders' order. */
export function placeParts(
  kit: JsonTreeKit,
  hospitalColumn: string,
  prefix: string,
  parts: PlaceParts,
): Array<[string, string] | false> {
  return [
    parts.departments && [
      'departments',
      kit.list(
        kit.row(HospitalDepartment, `${prefix}dp`),
        `hospital_department ${prefix}dp WHERE ${ofVisibleHospital(kit, `${prefix}dp`, hospitalColumn, `${prefix}dp`)}`,
        `${prefix}dp.name`,
      ),
    ],
    parts.contacts && [
      'contacts',
      kit.list(
        kit.row(HospitalContact, `${prefix}ct`),
        `hospital_contact ${prefix}ct WHERE ${ofVisibleHospital(kit, `${prefix}ct`, hospitalColumn, `${prefix}ct`)}`,
        `${prefix}ct.retired_on DESC NULLS FIRST, ${prefix}ct.decision_role, ${prefix}ct.name`,
      ),
    ],
    // the facts of all the hospital's contacts, oldest first, as historyByContactIds reads them
    !!(parts.contacts && parts.contactHistory) && [
      'contactHistory',
      kit.list(
        kit.row(HospitalContactFact, `${prefix}cf`),
        `hospital_contact_fact ${prefix}cf JOIN hospital_contact ${prefix}cc ON ${prefix}cc.id = ${prefix}cf.contact_id
          WHERE ${ofVisibleHospital(kit, `${prefix}cc`, hospitalColumn, `${prefix}cc`)}`,
        `${prefix}cf.created_at, ${prefix}cf.id`,
      ),
    ],
  ];
}

export interface PlaceJson {
  departments?: Json[];
  contacts?: Json[];
  contactHistory?: Json[];
}

/** A place's parts read back from the tree. */
export function readPlace(ds: DataSource, json: PlaceJson): Place {
  const contacts = json.contacts?.map((c) => fromJsonRow(ds, HospitalContact, c));
  let contactHistory: Map<string, HospitalContactFact[]> | undefined;
  if (contacts && json.contactHistory) {
    const history = new Map<string, HospitalContactFact[]>(contacts.map((c) => [c.id, []]));
    for (const f of json.contactHistory.map((j) => fromJsonRow(ds, HospitalContactFact, j)))
      history.get(f.contactId)?.push(f);
    contactHistory = history;
  }
  return {
    departments: json.departments?.map((d) => fromJsonRow(ds, HospitalDepartment, d)),
    contacts,
    contactHistory,
  };
}

/** Primes the hospital loaders with a place's departments and contacts (and their history when read). */
export function primePlace(loaders: Loaders, hospitalId: string, place: Place): void {
  if (place.departments) loaders.departmentsByHospitalId.prime(hospitalId, place.departments);
  if (place.contacts) loaders.contactsByHospitalId.prime(hospitalId, place.contacts);
  if (place.contactHistory)
    for (const [contactId, facts] of place.contactHistory) loaders.contactHistoryByContactId.prime(contactId, facts);
}
