import { parseBarcode } from 'gs1-barcode-parser-mod';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { AppError } from '../../common/errors';

/** What a GS1 UDI barcode says: GTIN (01), expiry (17), batch (10), serial (21). */
export interface ParsedUdi {
  gtin: string;
  expiryDate: string | null;
  batchNo: string | null;
  serialNo: string | null;
}

const unreadable = () =>
  new AppError(ErrorCode.BAD_USER_INPUT, 'This is not a GS1 UDI code with a GTIN', 'code', ErrorReason.UDI_UNREADABLE);

/**
 * Reads a scanned GS1 code with the gs1-barcode-parser-mod library: as a scanner types it (with
 * its symbology prefix such as ]d2 and the group separator), or in the printed form with the AIs in
 * brackets, "(01)06901234500062(17)271231(10)2611B".
 */
export function parseUdi(code: string): ParsedUdi {
  let items: Array<{ ai: string; data: unknown; isoDate?: string; raw?: string }>;
  try {
    items = parseBarcode(code.trim()).parsedCodeItems;
  } catch {
    throw unreadable();
  }
  const ai = (n: string) => items.find((i) => i.ai === n);
  const gtin = ai('01')?.raw;
  if (!gtin) throw unreadable();
  return {
    gtin,
    expiryDate: ai('17')?.isoDate || null,
    batchNo: ai('10')?.raw ?? null,
    serialNo: ai('21')?.raw ?? null,
  };
}
