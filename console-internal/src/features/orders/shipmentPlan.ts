import type { Dayjs } from 'dayjs';
import type { ShipmentItemInput } from '../../gql/graphql';

/** How a line's units are entered: counted by batch, or one serial number per unit (equipment). */
export type ShipMode = 'batch' | 'serial';

export interface LotValues {
  quantity?: number | null;
  batchNo?: string;
  udiPi?: string;
  expiryDate?: Dayjs | null;
}

interface LineValues {
  mode: ShipMode;
  /** batch mode: one row per batch */
  lots?: LotValues[];
  /** serial mode: one unit per line of text, "serial" or "serial UDI-PI" as a scanner pastes it */
  serials?: string;
  batchNo?: string;
  expiryDate?: Dayjs | null;
}

export interface ShipmentValues {
  shippedOn: Dayjs;
  carrier?: string;
  trackingNo?: string;
  lines: Record<string, LineValues>;
}

export interface OpenLine {
  id: string;
  openQuantity: number;
}

export type FieldPath = Array<string | number>;
type ItemField = 'quantity' | 'serialNo' | 'batchNo' | 'udiPi' | 'expiryDate';

interface PlanError {
  name: FieldPath;
  /** locale key under shipment.* */
  key: string;
  params?: Record<string, string | number>;
}

export interface ShipmentPlan {
  items: ShipmentItemInput[];
  /** Where each item's fields live in the form, so a server error on items.N.field lands beside its input */
  paths: Array<Record<ItemField, FieldPath>>;
  errors: PlanError[];
}

export interface Unit {
  serialNo: string;
  udiPi?: string;
}

/** One unit per non-blank line; a second token on the line (after a space, tab or comma) is its UDI-PI. */
export function parseSerials(text = ''): Unit[] {
  return text
    .split(/\r?\n/)
    .map((row) => row.trim())
    .filter(Boolean)
    .map((row) => {
      const [serialNo, udiPi] = row.split(/[\s,，;；]+/);
      return udiPi ? { serialNo, udiPi } : { serialNo };
    });
}

const text = (v?: string) => v?.trim() || undefined;
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The form as the API's shipment items, in line order, with where each came from and what is wrong. */
export function planShipment(lines: OpenLine[], values: ShipmentValues): ShipmentPlan {
  const plan: ShipmentPlan = { items: [], paths: [], errors: [] };
  for (const line of lines) {
    const v = values.lines?.[line.id];
    if (!v) continue;
    const base: FieldPath = ['lines', line.id];
    if (v.mode === 'serial') {
      const units = parseSerials(v.serials);
      const serialsPath = [...base, 'serials'];
      const seen = new Set<string>();
      const twice = units.find((u) => (seen.has(u.serialNo) ? true : (seen.add(u.serialNo), false)));
      if (twice) plan.errors.push({ name: serialsPath, key: 'serialTwice', params: { serial: twice.serialNo } });
      if (units.length > line.openQuantity)
        plan.errors.push({ name: serialsPath, key: 'overOpen', params: { open: line.openQuantity } });
      for (const unit of units) {
        plan.items.push({
          orderLineId: line.id,
          quantity: 1,
          serialNo: unit.serialNo,
          udiPi: unit.udiPi,
          batchNo: text(v.batchNo),
          expiryDate: day(v.expiryDate),
        });
        plan.paths.push({
          quantity: serialsPath,
          serialNo: serialsPath,
          udiPi: serialsPath,
          batchNo: [...base, 'batchNo'],
          expiryDate: [...base, 'expiryDate'],
        });
      }
      continue;
    }
    let total = 0;
    (v.lots ?? []).forEach((lot, i) => {
      const at = (field: string): FieldPath => [...base, 'lots', i, field];
      const quantity = lot.quantity ?? 0;
      if (!quantity) {
        if (text(lot.batchNo) || text(lot.udiPi) || lot.expiryDate)
          plan.errors.push({ name: at('quantity'), key: 'quantityRequired' });
        return;
      }
      total += quantity;
      plan.items.push({
        orderLineId: line.id,
        quantity,
        batchNo: text(lot.batchNo),
        udiPi: text(lot.udiPi),
        expiryDate: day(lot.expiryDate),
      });
      plan.paths.push({
        quantity: at('quantity'),
        serialNo: at('quantity'),
        batchNo: at('batchNo'),
        udiPi: at('udiPi'),
        expiryDate: at('expiryDate'),
      });
    });
    if (total > line.openQuantity)
      plan.errors.push({
        name: [...base, 'lots', 0, 'quantity'],
        key: 'overOpen',
        params: { open: line.openQuantity },
      });
  }
  return plan;
}

/** The form path for a server field such as "items.3.expiryDate" (undefined when it names no item). */
export function pathOfServerField(plan: ShipmentPlan, field: string | undefined): FieldPath | undefined {
  const match = /^items\.(\d+)(?:\.(\w+))?$/.exec(field ?? '');
  const paths = match ? plan.paths[Number(match[1])] : undefined;
  if (!paths) return undefined;
  return paths[(match?.[2] ?? 'quantity') as ItemField] ?? paths.quantity;
}
