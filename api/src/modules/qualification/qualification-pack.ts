import { DataSource } from 'typeorm';
import { AuthorizationStatus } from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { today } from '../../common/dates';
import { ZipEntry, zip } from '../../common/zip';
import { statusOn } from '../authorization';
import type { AuthorizationService } from '../authorization';
import type { DistributorService } from '../distributor';
import type { QualificationService } from './qualification.service';
import { authorizationLetterPdf, letterFileName } from './authorization-letter-pdf';
import type { AuthorizationLetterService } from './authorization-letter.service';

/**
 * What a hospital's equipment department asks a distributor for: its licences (the uploaded
 * scans), an authorization letter (授权书, a PDF with its verification code) per live grant, and the registration certificates of
 * the products it is authorized for. One ZIP, built from what the viewer may see.
 */
export class QualificationPackService {
  constructor(
    private readonly ds: DataSource,
    private readonly distributors: DistributorService,
    private readonly qualifications: QualificationService,
    private readonly authorizations: AuthorizationService,
    private readonly letters: AuthorizationLetterService,
  ) {}

  async build(scope: Scope, distributorId: string): Promise<{ fileName: string; data: Buffer }> {
    const distributor = await this.distributors.get(scope, distributorId);
    const on = today();
    const entries: ZipEntry[] = [];
    for (const q of await this.qualifications.byDistributorIds(scope, [distributor.id])) {
      if (!q.fileName || (q.validTo && q.validTo < on)) continue;
      const file = await this.qualifications.readFile(scope, q.id);
      entries.push({
        name: `资质/${q.type}-${q.number.replace(/[\\/]/g, '_')}-${file.name}`,
        data: await file.bytes(),
      });
    }
    const grants = (await this.authorizations.byDistributorIds(scope, [distributor.id])).filter((g) =>
      [AuthorizationStatus.ACTIVE, AuthorizationStatus.SCHEDULED].includes(statusOn(g, on)),
    );
    for (const letter of await this.letters.letters(scope, distributor.id, grants)) {
      entries.push({ name: `授权书/${letterFileName(letter)}`, data: await authorizationLetterPdf(letter) });
    }
    const products: Array<{ name: string; registration_no: string; from: string; to: string }> = await this.ds.query(
      `SELECT name, registration_no, registration_valid_from::text AS "from", registration_valid_to::text AS "to"
         FROM product WHERE brand_id = $1 AND (id = ANY($2) OR product_line_id = ANY($3)) ORDER BY name`,
      [scope.brandId, grants.flatMap((g) => g.productIds), grants.flatMap((g) => g.productLineIds)],
    );
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
