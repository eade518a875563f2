import ExcelJS from 'exceljs';
import { LedgerEntryKind, StatementChangeKind } from '@medchannel/shared-schema';
import { Decimal } from '../../common/money';
import { cjkPdf } from '../../common/pdf';
import { Statement, StatementDispute, StatementLine } from './finance.entity';
import { StatementChanges } from './statement-changes';

/** What a statement export shows: the statement, its lines and disputes, and who it is for. */
export interface StatementDocument {
  statement: Statement;
  lines: StatementLine[];
  disputes: StatementDispute[];
  distributorName: string;
  brandName: string;
  /** against the version before (none for version 1) */
  changes: StatementChanges | null;
}

const KIND_LABEL: Record<LedgerEntryKind, string> = {
  [LedgerEntryKind.SHIPMENT_RECEIVABLE]: '发货应收 Shipment',
  [LedgerEntryKind.PAYMENT]: '回款 Payment',
  [LedgerEntryKind.CREDIT_NOTE]: '红字/贷项 Credit note',
  [LedgerEntryKind.REBATE]: '返利 Rebate',
  [LedgerEntryKind.ADJUSTMENT]: '调整 Adjustment',
  [LedgerEntryKind.REVERSAL]: '冲销 Reversal',
};

const CHANGE_LABEL: Record<StatementChangeKind, string> = {
  [StatementChangeKind.ADDED]: '新增 Added',
  [StatementChangeKind.REMOVED]: '删除 Removed',
  [StatementChangeKind.AMOUNT_CHANGED]: '金额变更 Amount changed',
};

const DISPUTE_LABEL: Record<string, string> = { OPEN: '争议中', ADJUSTED: '已调整', REJECTED: '已驳回' };
const STATUS_LABEL: Record<string, string> = {
  ISSUED: '已出具',
  CONFIRMED: '已确认',
  DISPUTED: '有争议',
  SUPERSEDED: '已被新版本取代',
};

export const statementFileName = (doc: StatementDocument, ext: 'pdf' | 'xlsx') =>
  `对账单-${doc.distributorName}-${doc.statement.period}-v${doc.statement.version}.${ext}`;

/** Every line with the running balance after it. */
function withBalance(doc: StatementDocument) {
  let balance = new Decimal(doc.statement.openingBalance);
  return doc.lines.map((l) => {
    balance = balance.plus(l.amount);
    const dispute = doc.disputes.find((d) => d.statementLineId === l.id);
    return { line: l, balance: balance.toFixed(2), dispute };
  });
}

export async function statementWorkbook(doc: StatementDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(`${doc.statement.period} v${doc.statement.version}`);
  sheet.addRow([`${doc.brandName} 对账单 Statement`]).font = { bold: true, size: 14 };
  sheet.addRow(['经销商 Distributor', doc.distributorName]);
  sheet.addRow([
    '期间 Period',
    doc.statement.period,
    '版本 Version',
    doc.statement.version,
    '状态 Status',
    doc.statement.status,
  ]);
  sheet.addRow(['期初余额 Opening balance', Number(doc.statement.openingBalance)]);
  sheet.addRow([]);
  const header = sheet.addRow([
    '#',
    '日期 Date',
    '类型 Kind',
    '摘要 Memo',
    '金额 Amount',
    '余额 Balance',
    '争议 Dispute',
  ]);
  header.font = { bold: true };
  for (const { line, balance, dispute } of withBalance(doc)) {
    sheet.addRow([
      line.lineNo,
      line.occurredOn,
      KIND_LABEL[line.kind] ?? line.kind,
      line.memo ?? '',
      Number(line.amount),
      Number(balance),
      dispute
        ? `${DISPUTE_LABEL[dispute.status] ?? dispute.status}: ${dispute.comment}${dispute.resolution ? ` → ${dispute.resolution}` : ''}`
        : '',
    ]);
  }
  sheet.addRow([]);
  sheet.addRow(['本期借方 Debits', Number(doc.statement.debits), '本期贷方 Credits', Number(doc.statement.credits)]);
  sheet.addRow(['期末余额 Closing balance', Number(doc.statement.closingBalance)]).font = { bold: true };
  if (doc.changes) {
    const c = doc.changes;
    sheet.addRow([]);
    sheet.addRow([`与上一版（第 ${c.previousVersion} 版）相比 Changes from version ${c.previousVersion}`]).font = {
      bold: true,
    };
    sheet.addRow([
      '#',
      '日期 Date',
      '类型 Kind',
      '摘要 Memo',
      '原金额 Before',
      '新金额 After',
      '变化 Change',
      '对余额的影响 Balance effect',
    ]).font = { bold: true };
    for (const l of c.lines) {
      sheet.addRow([
        l.lineNo,
        l.occurredOn,
        KIND_LABEL[l.kind] ?? l.kind,
        l.memo ?? '',
        l.previousAmount === null ? '' : Number(l.previousAmount),
        l.amount === null ? '' : Number(l.amount),
        CHANGE_LABEL[l.change],
        Number(l.effect),
      ]);
    }
    sheet.addRow([
      '期初余额变化 Opening balance change',
      Number(c.openingBalanceChange),
      '期末余额变化 Closing balance change',
      Number(c.closingBalanceChange),
    ]);
  }
  // amounts as numbers formatted to two places: a spreadsheet sums them, and nothing is rounded
  for (const col of [2, 5, 6]) sheet.getColumn(col).numFmt = '#,##0.00';
  [6, 12, 22, 30, 16, 16, 40].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const money = (amount: string) => new Decimal(amount).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** An A4 statement with Chinese text (Noto Sans SC, subset into the file). */
export function statementPdf(doc: StatementDocument): Promise<Buffer> {
  return cjkPdf(statementFileName(doc, 'pdf'), (pdf) => {
    const s = doc.statement;
    pdf.fontSize(16).text(`${doc.brandName} 对账单`, { align: 'center' });
    pdf.moveDown(0.5).fontSize(10);
    pdf.text(`出具方：${doc.brandName}`);
    pdf.text(`经销商：${doc.distributorName}`);
    pdf.text(`期间：${s.period}    版本：v${s.version}    状态：${STATUS_LABEL[s.status] ?? s.status}`);
    pdf.text(`期初余额：¥${money(s.openingBalance)}`);
    pdf.moveDown(0.5);
    const cols = [30, 70, 100, 150, 80, 85];
    const row = (cells: string[], bold = false) => {
      const y = pdf.y;
      let x = pdf.page.margins.left;
      let bottom = y + 14;
      cells.forEach((c, i) => {
        pdf.text(c, x, y, { width: cols[i] - 4, align: i >= 4 ? 'right' : 'left', lineBreak: true });
        bottom = Math.max(bottom, pdf.y + 2);
        x += cols[i];
      });
      pdf.y = bottom;
      pdf.x = pdf.page.margins.left;
      if (bold) {
        pdf
          .moveTo(pdf.page.margins.left, pdf.y - 1)
          .lineTo(pdf.page.margins.left + cols.reduce((a, b) => a + b, 0), pdf.y - 1)
          .stroke();
        pdf.y += 4;
      }
      if (pdf.y > pdf.page.height - 80) pdf.addPage();
    };
    row(['#', '日期', '类型', '摘要', '金额', '余额'], true);
    for (const { line, balance, dispute } of withBalance(doc)) {
      row([
        String(line.lineNo),
        line.occurredOn,
        (KIND_LABEL[line.kind] ?? line.kind).split(' ')[0],
        `${line.memo ?? ''}${dispute ? ` [${DISPUTE_LABEL[dispute.status]}]` : ''}`,
        money(line.amount),
        money(balance),
      ]);
    }
    pdf.moveDown(1);
    pdf.text(`本期借方：¥${money(s.debits)}    本期贷方：¥${money(s.credits)}`);
    pdf.fontSize(12).text(`期末余额：¥${money(s.closingBalance)}`);
    if (doc.changes) {
      const c = doc.changes;
      pdf.moveDown(1).fontSize(12).text(`与上一版（第 ${c.previousVersion} 版）相比`);
      pdf.moveDown(0.3).fontSize(10);
      if (!c.lines.length) pdf.text('明细行没有变化');
      else row(['#', '日期', '变化', '摘要', '原金额 → 新金额', '对余额的影响'], true);
      for (const l of c.lines) {
        const amounts = `${l.previousAmount === null ? '—' : money(l.previousAmount)} → ${l.amount === null ? '—' : money(l.amount)}`;
        row([
          String(l.lineNo),
          l.occurredOn,
          CHANGE_LABEL[l.change].split(' ')[0],
          `${(KIND_LABEL[l.kind] ?? l.kind).split(' ')[0]} ${l.memo ?? ''}`,
          amounts,
          signed(l.effect),
        ]);
      }
      pdf.moveDown(0.5);
      pdf.text(`期初余额变化：${signed(c.openingBalanceChange)}    期末余额变化：${signed(c.closingBalanceChange)}`);
    }
    signatures(pdf, doc);
  });
}

const signed = (amount: string) => (new Decimal(amount).gt(0) ? '+' : '') + money(amount);

/** Both parties sign and seal the printed statement: the brand (甲方) and the distributor (乙方). */
function signatures(pdf: PDFKit.PDFDocument, doc: StatementDocument): void {
  if (pdf.y > pdf.page.height - 160) pdf.addPage();
  pdf.moveDown(2).fontSize(10);
  const left = pdf.page.margins.left;
  const half = (pdf.page.width - left - pdf.page.margins.right) / 2;
  const top = pdf.y;
  const block = (x: string[], at: number) =>
    x.forEach((text, i) => pdf.text(text, at, top + i * 22, { width: half - 10 }));
  block([`甲方（盖章）：${doc.brandName}`, '经办人签字：', '日期：    年    月    日'], left);
  block([`乙方（盖章）：${doc.distributorName}`, '经办人签字：', '日期：    年    月    日'], left + half);
  pdf.x = left;
  pdf.y = top + 3 * 22;
}
