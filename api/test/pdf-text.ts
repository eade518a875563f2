import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF the API wrote with pdfkit, one string per text run, for tests to read what a
 * printed statement says. pdfkit embeds a subset CJK font whose glyph ids map back to Unicode
 * through its ToUnicode CMap (`beginbfrange <start> <end> [<hex> …]`), and writes text as
 * `[<glyph ids> kerning …] TJ`; this reads just that shape (enough for our own files).
 */
export function pdfText(pdf: Buffer): string[] {
  const streams: string[] = [];
  const raw = pdf.toString('latin1');
  const re = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const body = pdf.subarray(start, end);
    try {
      streams.push(inflateSync(body).toString('latin1'));
    } catch {
      streams.push(body.toString('latin1'));
    }
    re.lastIndex = end + 'endstream'.length;
  }
  const glyphs = new Map<number, string>();
  for (const cmap of streams.filter((s) => s.includes('beginbfrange'))) {
    for (const range of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      const first = parseInt(range[1], 16);
      [...range[3].matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((u, i) => {
        const units = u[1]
          .trim()
          .split(/\s+/)
          .map((h) => parseInt(h, 16));
        glyphs.set(first + i, String.fromCharCode(...units));
      });
    }
  }
  const runs: string[] = [];
  for (const content of streams.filter((s) => s.includes(' TJ'))) {
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      let text = '';
      for (let i = 0; i + 4 <= hex.length; i += 4) text += glyphs.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
      runs.push(text);
    }
  }
  return runs;
}
