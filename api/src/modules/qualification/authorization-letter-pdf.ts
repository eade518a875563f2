import QRCode from 'qrcode';
import { cjkPdf } from '../../common/pdf';
import type { AuthorizationLetter } from './authorization-letter.service';

export const letterFileName = (letter: AuthorizationLetter) =>
  `授权书-${letter.tender ? `${letter.tender.number}-` : ''}${letter.distributor.name}-${letter.validFrom}-${letter.number.slice(0, 8)}.pdf`;

/** A QR code of `text`, `size` points wide, its top left corner at (x, y). */
function drawQr(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col)) pdf.rect(x + col * cell, y + row * cell, cell, cell);
  pdf.fillColor('black').fill();
}

/** The letter's grant of authority: general (products in places), or for one tender's bid. */
function authority(letter: AuthorizationLetter): string {
  const who = `${letter.distributor.name}（统一社会信用代码：${letter.distributor.creditCode ?? '—'}）`;
  const places = letter.places.join('、') || '—';
  if (letter.tender)
    return (
      `兹授权 ${who} 代表我公司，以下列产品参加 ${letter.tender.purchaser} 组织的 ${places}「${letter.tender.project}」` +
      `项目招标（招标编号：${letter.tender.number}），办理投标、签约及相关事宜。本授权仅限该项目使用。`
    );
  const kind = `${letter.exclusive ? '独家' : ''}${letter.temporary ? '临时' : ''}`;
  return `兹授权 ${who} 为我公司下列产品在 ${places} 的${kind}授权经销商。`;
}

/**
 * One A4 page: the brand authorizes the distributor for these products in these places (or for
 * one tender) over this period, with the letter's number and verification code, and a QR code (and
 * link) that opens the public check with both filled in.
 */
export function authorizationLetterPdf(letter: AuthorizationLetter): Promise<Buffer> {
  return cjkPdf(letterFileName(letter), (pdf) => {
    const left = pdf.page.margins.left + 20;
    const width = pdf.page.width - left * 2;
    pdf.y = 80;
    pdf.fontSize(26).text('授 权 书', { align: 'center' });
    pdf
      .fontSize(11)
      .fillColor('#555')
      .text(letter.tender ? 'Letter of Authorization for Tender' : 'Letter of Authorization', { align: 'center' });
    pdf.fillColor('black').moveDown(2).fontSize(12);
    pdf.text(authority(letter), left, pdf.y, { width, lineGap: 6 });
    pdf
      .moveDown()
      .text(`授权期限：${letter.validFrom} 至 ${letter.validTo}${letter.endedEarly ? '（提前终止）' : ''}`, { width });
    pdf.moveDown();
    const columns = [
      { title: '产品', at: left, width: width * 0.4 },
      { title: '注册证/备案号', at: left + width * 0.4, width: width * 0.3 },
      { title: '有效期', at: left + width * 0.7, width: width * 0.3 },
    ];
    const row = (cells: string[], size: number) => {
      const y = pdf.y;
      let bottom = y;
      cells.forEach((cell, i) => {
        pdf.fontSize(size).text(cell, columns[i].at, y, { width: columns[i].width - 8 });
        bottom = Math.max(bottom, pdf.y);
      });
      pdf
        .moveTo(left, bottom + 3)
        .lineTo(left + width, bottom + 3)
        .strokeColor('#999')
        .stroke();
      pdf.y = bottom + 8;
    };
    row(
      columns.map((c) => c.title),
      11,
    );
    for (const p of letter.products) row([p.name, p.registrationNo, `${p.from} 至 ${p.to}`], 10);

    pdf.moveDown(2).fontSize(12).text(letter.brand, left, pdf.y, { width, align: 'right' });
    pdf.text(letter.issuedOn, { width, align: 'right' });

    const qrTop = pdf.page.height - 230;
    drawQr(pdf, letter.verifyUrl, left, qrTop, 110);
    pdf.link(left, qrTop, 110, 110, letter.verifyUrl);
    const textLeft = left + 130;
    const textWidth = width - 130;
    pdf.fontSize(10).text(`授权书编号：${letter.number}`, textLeft, qrTop, { width: textWidth });
    pdf.text(`验证码：${letter.code}`, { width: textWidth });
    pdf.moveDown(0.5).fontSize(9).fillColor('#555');
    pdf.text('真伪查验：扫描二维码，或打开下方地址并输入授权书编号与验证码', { width: textWidth });
    pdf.text('To verify, scan the code or open this address with the number and code:', { width: textWidth });
    pdf.fillColor('#1565c0').text(letter.verifyUrl, { width: textWidth, link: letter.verifyUrl });
    pdf.fillColor('black');
  });
}
