import path from 'node:path';
import PDFDocument from 'pdfkit';

// the package exports only its code (dist/); its fonts/ folder sits beside that
const CJK_FONT = path.join(
  path.dirname(require.resolve('@embedpdf/fonts-sc')),
  '..',
  'fonts',
  'NotoSansHans-Regular.otf',
);

/**
 * An A4 PDF with Chinese text: the document comes with Noto Sans SC registered and selected as
 * `cjk` (subset into the file); `draw` writes the pages, and the bytes are answered once it ends.
 */
export function cjkPdf(title: string, draw: (pdf: PDFKit.PDFDocument) => void, margin = 40): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin, info: { Title: title } });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.registerFont('cjk', CJK_FONT);
    pdf.font('cjk');
    try {
      draw(pdf);
    } catch (err) {
      reject(err);
      return;
    }
    pdf.end();
  });
}
