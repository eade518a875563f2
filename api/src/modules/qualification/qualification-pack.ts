import { DataSource } from 'typeorm';
import { AuthorizationStatus } from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { today } from '../../common/dates';
import { ZipEntry, zip } from '../../common/zip';
import { statusOn } from '../authorization';
import type { AuthorizationService } from '../authorization';
import type { DistributorService } from '../distributor';
import type { QualificationService } from './qualification.service';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * What a hospital's equipment department asks a distributor for: its licences (the uploaded
 * scans), an authorization letter (授权书) per live grant, and the registration certificates of
 * the products it is authorized for. One ZIP, built from what the viewer may see.
 */
export class QualificationPackService {
  constructor(
    private readonly ds: DataSource,
    private readonly distributors: DistributorService,
    private readonly qualifications: QualificationService,
    private readonly authorizations: AuthorizationService,
  ) {}

  async build(scope: Scope, distributorId: string): Promise<{ fileName: string; data: Buffer }> {
    const distributor = await this.distributors.get(scope, distributorId);
    const [brand] = await this.ds.query(`SELECT name FROM brand WHERE id = $1`, [scope.brandId]);
    const on = today();
    const entries: ZipEntry[] = [];
    for (const q of await this.qualifications.byDistributorIds(scope, [distributor.id])) {
      if (!q.fileName || (q.validTo && q.validTo < on)) continue;
      const file = await this.qualifications.readFile(scope, q.id);
      entries.push({ name: `资质/${q.type}-${q.number.replace(/[\\/]/g, '_')}-${file.name}`, data: file.data });
    }
    const grants = (await this.authorizations.byDistributorIds(scope, [distributor.id])).filter((g) =>
      [AuthorizationStatus.ACTIVE, AuthorizationStatus.SCHEDULED].includes(statusOn(g, on)),
    );
    const productIds = [...new Set(grants.flatMap((g) => g.productIds))];
    const lineIds = [...new Set(grants.flatMap((g) => g.productLineIds))];
    const products: Array<{
      id: string;
      name: string;
      registration_no: string;
      from: string;
      to: string;
      line: string;
    }> = await this.ds.query(
      `SELECT id, name, registration_no, registration_valid_from::text AS "from", registration_valid_to::text AS "to", product_line_id AS line
         FROM product WHERE brand_id = $1 AND (id = ANY($2) OR product_line_id = ANY($3)) ORDER BY name`,
      [scope.brandId, productIds, lineIds],
    );
    const regionNames = new Map<string, string>(
      (await this.ds.query(`SELECT id, name FROM region WHERE brand_id = $1`, [scope.brandId])).map(
        (r: { id: string; name: string }) => [r.id, r.name],
      ),
    );
    const hospitalNames = new Map<string, string>(
      (
        await this.ds.query(`SELECT id, name FROM hospital WHERE brand_id = $1 AND id = ANY($2)`, [
          scope.brandId,
          grants.flatMap((g) => g.hospitalIds),
        ])
      ).map((h: { id: string; name: string }) => [h.id, h.name]),
    );
    for (const g of grants) {
      const covered = products.filter((p) => g.productIds.includes(p.id) || g.productLineIds.includes(p.line));
      const places = [
        ...g.regionIds.map((r) => regionNames.get(r)),
        ...g.hospitalIds.map((h) => hospitalNames.get(h)),
      ].filter(Boolean) as string[];
      const letter = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>授权书</title>
<style>body{font-family:serif;max-width:720px;margin:48px auto;line-height:1.8}h1{text-align:center;letter-spacing:.5em}td,th{border:1px solid #999;padding:4px 8px}table{border-collapse:collapse;width:100%}</style>
<h1>授权书</h1>
<p>兹授权 <b>${esc(distributor.name)}</b>（统一社会信用代码：${esc(distributor.creditCode ?? '—')}）为我公司下列产品在 <b>${esc(places.join('、'))}</b> 的${g.exclusive ? '独家' : ''}${g.kind === 'TEMPORARY' ? '临时' : ''}授权经销商。</p>
<p>授权期限：${g.validFrom} 至 ${g.revokedFrom && g.revokedFrom <= g.validTo ? `${g.revokedFrom}（提前终止）` : g.validTo}</p>
<table><tr><th>产品</th><th>注册证/备案号</th><th>有效期</th></tr>
${covered.map((p) => `<tr><td>${esc(p.name)}</td><td>${esc(p.registration_no)}</td><td>${p.from} 至 ${p.to}</td></tr>`).join('\n')}</table>
<p style="text-align:right;margin-top:48px">${esc(brand.name)}<br>${on}</p>
<p style="color:#888;font-size:12px">授权编号 ${g.id}</p></html>`;
      entries.push({
        name: `授权书/授权书-${g.validFrom}-${g.id.slice(0, 8)}.html`,
        data: Buffer.from(letter, 'utf8'),
      });
    }
    const certificates = [
      '产品,注册证/备案号,有效期自,有效期至',
      ...products.map((p) =>
        [p.name, p.registration_no, p.from, p.to].map((v) => `"${v.replace(/"/g, '""')}"`).join(','),
      ),
    ];
    entries.push({ name: '注册证清单.csv', data: Buffer.from(`\ufeff${certificates.join('\r\n')}\r\n`, 'utf8') });
    return { fileName: `${distributor.name}-资质包-${on}.zip`, data: zip(entries) };
  }
}
