import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import { today } from '../../common/dates';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { Distributor } from '../distributor';
import { ProductLine } from '../product';
import { User } from '../user';
import { heldOrder } from './certification.service';
import { primeProductLines, productLinesOf } from './certificate-page';
import type { ReadinessCounts } from './training-report.service';
import { Certificate } from './training.entity';
import type { CertifiedLineType } from './training.types';

/**
 * A page of the readiness list (distributor staff, one row a person, by name) with what each row
 * shows (the person's enrollment counts, the distributor, the certificates the certified lines are
 * read from and those lines), built with the page in one statement (paginateTree): each part only
 * when the request's selection under `nodes` asks for it, each record under the scope helper's own
 * condition, as its loader reads it. The request's loaders are primed with it, so the field
 * resolvers answer from memory.
 */
export interface ReadinessPageParts {
  /** assigned, inProgress, completed, overdue */
  counts: boolean;
  user: boolean;
  distributor: boolean;
  /** the person's certificates, that certifiedLines reads */
  certificates: boolean;
  /** and the product lines they name (certifiedLines.productLine) */
  lines: boolean;
}

export function readinessPageParts(nodes: Selection | undefined): ReadinessPageParts {
  return {
    counts: asks(nodes, ...READINESS_COUNTS('x').map(([name]) => name)),
    user: asks(nodes, 'user'),
    distributor: asks(nodes, 'distributor'),
    certificates: asks(nodes, 'certifiedLines'),
    lines: asks(nodes?.certifiedLines, 'productLine'),
  };
}

/**
 * A person's enrollment counts as SQL aggregates over enrollment `e` (naming `:readiness_on`, see
 * readinessParams): countsByUserIds and this page count alike.
 */
export const READINESS_COUNTS = (e: string): Array<[keyof Omit<ReadinessCounts, 'userId'>, string]> => [
  ['assigned', 'count(*)::int'],
  ['inProgress', `(count(*) FILTER (WHERE ${e}.started_at IS NOT NULL AND ${e}.passed_at IS NULL))::int`],
  ['completed', `(count(*) FILTER (WHERE ${e}.passed_at IS NOT NULL))::int`],
  ['overdue', `(count(*) FILTER (WHERE ${e}.passed_at IS NULL AND ${e}.due_on < :readiness_on))::int`],
];

/** The parameters READINESS_COUNTS names. */
export const readinessParams = () => ({ readiness_on: today() });

/** A row of the readiness list: the person and their counts (zero when not asked). */
export interface ReadinessRow extends ReadinessCounts {
  distributorId: string;
}

/** Each product line with a certificate valid `on`, until its latest expiry: certifiedLines and the page's priming read it alike. */
export function certifiedLines(certificates: Certificate[], on = today()): CertifiedLineType[] {
  const lines = new Map<string, CertifiedLineType>();
  for (const c of certificates) {
    if (c.issuedOn > on || c.validTo < on) continue;
    for (const line of c.productLineIds) {
      const held = lines.get(line);
      if (!held || held.validTo < c.validTo)
        lines.set(line, { productLineId: line, validTo: c.validTo, certificateId: c.id });
    }
  }
  return [...lines.values()];
}

export interface ReadinessNode {
  user: User;
  parts: ReadinessPageParts;
  counts: Omit<ReadinessCounts, 'userId'> | undefined;
  distributor: Distributor | null;
  certificates: Certificate[] | undefined;
  lines: ProductLine[] | undefined;
}

interface NodeJson {
  row: Json;
  counts?: Omit<ReadinessCounts, 'userId'>;
  distributor?: Json | null;
  certificates?: Json[];
  lines?: Json[];
}

/** The page's node over person `u` (already in the viewer's scope), for paginateTree. */
export function readinessPageTree(ds: DataSource, scope: Scope, parts: ReadinessPageParts): PageTree<ReadinessNode> {
  const kit = jsonTreeKit(ds, scope);
  const { row, list, fields, one, inScope, entity } = kit;
  // the person's certificates, as certificatesByUserId reads them
  const held = (c: string) => `certificate ${c} WHERE ${c}.user_id = u.id AND ${inScope('trainee', c)}`;
  const order = (c: string) =>
    Object.entries(heldOrder(c))
      .map(([column, direction]) => `${column} ${direction}`)
      .join(', ');
  const node = fields([
    ['row', row(User, 'u')],
    parts.counts && [
      'counts',
      `(SELECT ${fields(READINESS_COUNTS('rn'))} FROM training_enrollment rn WHERE rn.user_id = u.id AND ${inScope('trainee', 'rn')})`,
    ],
    parts.distributor && ['distributor', one(Distributor, 'distributor', 'rd', 'u.distributor_id', 'distributor')],
    parts.certificates && ['certificates', list(row(Certificate, 'rc'), held('rc'), order('rc'))],
    parts.lines && [
      'lines',
      productLinesOf(kit, `ARRAY(SELECT unnest(rlc.product_line_ids) FROM ${held('rlc')})`, 'rl'),
    ],
  ]);
  return {
    node,
    params: { ...kit.params, ...readinessParams() },
    read: (json) => {
      const n = json as unknown as NodeJson;
      return {
        user: fromJsonRow(ds, User, n.row),
        parts,
        counts: n.counts,
        distributor: entity(Distributor, n.distributor),
        certificates: n.certificates?.map((c) => fromJsonRow(ds, Certificate, c)),
        lines: n.lines?.map((l) => fromJsonRow(ds, ProductLine, l)),
      };
    },
  };
}

/** Primes the request's loaders with a page's nodes (a record the scope hid as null); returns the rows. */
export function primeReadinessPage(loaders: Loaders, nodes: ReadinessNode[]): ReadinessRow[] {
  return nodes.map((n) => {
    const u = n.user;
    const { parts } = n;
    if (parts.user) loaders.userById.prime(u.id, u);
    if (parts.distributor) loaders.distributorById.prime(u.distributorId!, n.distributor);
    if (n.certificates) {
      loaders.certificatesByUserId.prime(u.id, n.certificates);
      if (n.lines)
        primeProductLines(
          loaders,
          certifiedLines(n.certificates).map((l) => l.productLineId),
          n.lines,
        );
    }
    return {
      userId: u.id,
      distributorId: u.distributorId!,
      assigned: 0,
      inProgress: 0,
      completed: 0,
      overdue: 0,
      ...n.counts,
    };
  });
}
