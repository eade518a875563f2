/** The library ships no types: what this module reads of it. */
declare module 'gs1-barcode-parser-mod' {
  export function parseBarcode(code: string): {
    codeName: string;
    parsedCodeItems: Array<{ ai: string; dataTitle: string; data: unknown; isoDate: string; raw: string }>;
  };
}
