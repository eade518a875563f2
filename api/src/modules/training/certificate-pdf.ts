import { cjkPdf } from '../../common/pdf';
import { VERIFY_PATH, type CertificateDocument } from './certificate-document.service';

export const certificateFileName = (doc: CertificateDocument) => `培训证书-${doc.number}-${doc.holder}.pdf`;

/** 2026-03-05 → 2026年3月5日 */
const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * One A4 page: the certificate in Chinese with English subtitles — who holds it, for which
 * company, course and product lines, its number and validity, and how to check it (the path and
 * the verification code).
 */
export function certificatePdf(doc: CertificateDocument): Promise<Buffer> {
  return cjkPdf(
    certificateFileName(doc),
    (pdf) => {
      const left = pdf.page.margins.left;
      const width = pdf.page.width - left - pdf.page.margins.right;
      pdf
        .lineWidth(2)
        .rect(left - 16, 44, width + 32, pdf.page.height - 88)
        .stroke();
      pdf.y = 90;
      pdf.fontSize(26).text('培训合格证书', { align: 'center' });
      pdf.fontSize(12).fillColor('#555').text('Certificate of Training', { align: 'center' });
      pdf.moveDown(0.4).fontSize(11).text(doc.brand, { align: 'center' });
      pdf.fillColor('black').moveDown(2);
      pdf.fontSize(13).text(`兹证明 ${doc.holder}（${doc.company}）`, { align: 'center' });
      pdf.fontSize(10).fillColor('#555').text(`This certifies that ${doc.holder} of ${doc.company}`, {
        align: 'center',
      });
      pdf.fillColor('black').moveDown(0.8).fontSize(13);
      pdf.text(`已完成课程「${doc.course}」（第 ${doc.courseVersion} 版）的学习并通过考核`, { align: 'center' });
      pdf.fontSize(10).fillColor('#555').text(`has completed and passed the course (version ${doc.courseVersion})`, {
        align: 'center',
      });
      pdf.fillColor('black').moveDown(2);

      const field = (zh: string, en: string, value: string) => {
        const y = pdf.y;
        pdf
          .fontSize(12)
          .fillColor('black')
          .text(zh, left + 40, y, { width: 150 });
        pdf
          .fontSize(8)
          .fillColor('#777')
          .text(en, left + 40, pdf.y, { width: 150 });
        const labelBottom = pdf.y;
        pdf
          .fontSize(12)
          .fillColor('black')
          .text(value, left + 200, y, { width: width - 240 });
        pdf.y = Math.max(labelBottom, pdf.y) + 8;
      };
      field('持证人', 'Holder', doc.holder);
      field('所属公司', 'Company', doc.company);
      field('课程', 'Course', `${doc.course}（第 ${doc.courseVersion} 版）`);
      field('认证产品线', 'Certified product lines', doc.productLines.join('、') || '—');
      field('证书编号', 'Certificate number', doc.number);
      field('发证日期', 'Issued on', `${chineseDate(doc.issuedOn)}（${doc.issuedOn}）`);
      field('有效期至', 'Valid to', `${chineseDate(doc.validTo)}（${doc.validTo}）`);
      field('验证码', 'Verification code', doc.code);

      pdf.x = left;
      pdf.y += 24;
      pdf.fontSize(10).fillColor('black').text('真伪查验：凭证书编号与验证码访问', left, pdf.y, { width });
      pdf.fontSize(8).fillColor('#777').text('To verify, open (with the certificate number and code):', { width });
      pdf.fontSize(9).fillColor('black').text(doc.verifyUrl, { width });
      pdf.fontSize(8).fillColor('#777').text(`${VERIFY_PATH}?number=<证书编号>&code=<验证码>`, { width });
    },
    56,
  );
}
