import { DataSource } from 'typeorm';
import { ErrorCode } from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { LoginThrottle } from '../../auth/rate-limiter';
import { today } from '../../common/dates';
import { AppError, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { CertificationService } from './certification.service';
import { certificateSubject, codeMatches, normalizeCode, verificationCode } from '../../common/verification-code';

/** What a certificate prints: the facts of the certificate with the names they point at. */
interface CertificateDetails {
  id: string;
  number: string;
  issuedOn: string;
  validTo: string;
  holder: string;
  company: string;
  brand: string;
  course: string;
  courseVersion: number;
  productLines: string[];
}

/** The printed certificate: its details, its verification code and where to check it. */
export interface CertificateDocument extends CertificateDetails {
  code: string;
  verifyUrl: string;
}

enum CertificateStatus {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
}

/** What the public check answers: enough to recognise the holder, never their full name. */
export interface CertificateCheck {
  valid: boolean;
  status: CertificateStatus;
  number: string;
  holder: string;
  company: string;
  course: string;
  productLines: string[];
  issuedOn: string;
  validTo: string;
}

export const VERIFY_PATH = '/files/verify/certificates';

/** One certificate with its names, by id or by number (both indexed); product lines by name. */
const DETAILS = (where: string) => `
  SELECT c.id, c.number, c.issued_on::text AS "issuedOn", c.valid_to::text AS "validTo",
         u.display_name AS holder, d.name AS company, b.name AS brand, v.title AS course, v.version AS "courseVersion",
         ARRAY(SELECT pl.name FROM product_line pl WHERE pl.id = ANY(c.product_line_ids) ORDER BY pl.name) AS "productLines"
    FROM certificate c
    JOIN app_user u ON u.id = c.user_id
    JOIN distributor d ON d.id = c.distributor_id
    JOIN brand b ON b.id = c.brand_id
    JOIN course_version v ON v.id = c.course_version_id
   WHERE ${where}`;

/** 王浩 → 王*: the family name and a star for each further character. */
const maskName = (name: string) => {
  const chars = [...name.trim()];
  return chars.length ? chars[0] + '*'.repeat(Math.max(1, chars.length - 1)) : '*';
};

/**
 * The certificate as a document (its PDF, for those who may see it) and its public check: a
 * hospital shown a certificate types its number and verification code and learns whether it holds.
 * A wrong code and an unknown number answer the same NOT_FOUND; failed checks are throttled per
 * source address like failed logins.
 */
export class CertificateDocumentService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly ds: DataSource,
    private readonly certifications: CertificationService,
    private readonly secret: string,
    private readonly publicUrl: string,
    failedChecksPerMinute: number,
  ) {
    this.throttle = new LoginThrottle(ds, 'certificate-check', failedChecksPerMinute);
  }

  /** The certificate in the viewer's scope, ready to print; NOT_FOUND outside it, as for a missing id. */
  async document(scope: Scope, id: string): Promise<CertificateDocument> {
    if (!isUuid(id)) throw notFound('Certificate');
    const seen = await this.certifications
      .scoped(scope)
      .select('cert.id', 'id')
      .andWhere('cert.id = :id', { id })
      .getRawOne<{ id: string }>();
    if (!seen) throw notFound('Certificate');
    const [details]: CertificateDetails[] = await this.ds.query(DETAILS('c.id = $1'), [id]);
    const code = verificationCode(this.secret, certificateSubject(details));
    const query = new URLSearchParams({ number: details.number, code });
    return { ...details, code, verifyUrl: `${this.publicUrl}${VERIFY_PATH}?${query}` };
  }

  /** The public check: the certificate whose number and code both match, or NOT_FOUND. */
  async check(number: string, code: string, source: string): Promise<CertificateCheck> {
    const key = number.trim().toUpperCase();
    const wait = await this.throttle.retryAfter(key, source);
    if (wait > 0) throw new AppError(ErrorCode.RATE_LIMITED, `Too many checks; try again in ${wait} s`);
    const rows: CertificateDetails[] =
      key && key.length <= 40 && normalizeCode(code).length === 10
        ? await this.ds.query(DETAILS('c.number = $1'), [key])
        : [];
    const found = rows.find((c) => codeMatches(this.secret, certificateSubject(c), code));
    if (!found) {
      await this.throttle.fail(key, source);
      throw new AppError(ErrorCode.NOT_FOUND, 'No certificate has this number and verification code');
    }
    const valid = found.issuedOn <= today() && found.validTo >= today();
    return {
      valid,
      status: valid ? CertificateStatus.VALID : CertificateStatus.EXPIRED,
      number: found.number,
      holder: maskName(found.holder),
      company: found.company,
      course: found.course,
      productLines: found.productLines,
      issuedOn: found.issuedOn,
      validTo: found.validTo,
    };
  }
}
