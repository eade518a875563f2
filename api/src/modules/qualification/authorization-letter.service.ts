import { DataSource } from 'typeorm';
import { AuthorizationStatus, ErrorCode } from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { LoginThrottle } from '../../auth/rate-limiter';
import { today } from '../../common/dates';
import { AppError, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { codeMatches, normalizeCode, verificationCode } from '../../common/verification-code';
import { statusOn, type AuthorizationGrant, type AuthorizationService } from '../authorization';
import type { DistributorService } from '../distributor';

/** What an authorization letter (授权书) prints, with its verification code and where to check it. */
export interface AuthorizationLetter {
  grant: AuthorizationGrant;
  brand: string;
  distributor: { name: string; creditCode: string | null };
  /** The regions and hospitals the grant names, by name. */
  places: string[];
  products: Array<{ name: string; registrationNo: string; from: string; to: string }>;
  issuedOn: string;
  code: string;
  verifyUrl: string;
}

/** What the public check answers: whether the letter holds today, nothing else about it. */
export interface LetterCheck {
  status: AuthorizationStatus;
  checkedOn: string;
}

/** The page a letter's QR code opens (the portal's, signed out): number and code filled in. */
const LETTER_VERIFY_PAGE = '/verify/letter';

const letterSubject = (grantId: string) => `authorization-letter:${grantId}`;

interface ProductRow {
  id: string;
  name: string;
  registrationNo: string;
  from: string;
  to: string;
  line: string;
}

/**
 * Authorization letters as documents: for those who may see the grant, the letter's facts (to
 * print as a PDF), and for anyone, the public check of a letter by its number (the grant's id) and
 * verification code. Forged letters are a known problem in hospital tenders: the code is an HMAC
 * under the server's secret, so a letter cannot be made up, and the check says when a real one was
 * revoked. A wrong code and an unknown number answer the same NOT_FOUND; failed checks are
 * throttled per source address like failed logins.
 */
export class AuthorizationLetterService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly ds: DataSource,
    private readonly distributors: DistributorService,
    private readonly authorizations: AuthorizationService,
    private readonly secret: string,
    private readonly publicUrl: string,
    failedChecksPerMinute: number,
  ) {
    this.throttle = new LoginThrottle(ds, 'letter-check', failedChecksPerMinute);
  }

  /** One grant's letter, in the viewer's scope; NOT_FOUND outside it, as for a missing id. */
  async letter(scope: Scope, grantId: string): Promise<AuthorizationLetter> {
    const [grant] = isUuid(grantId) ? await this.authorizations.byIds(scope, [grantId]) : [];
    if (!grant) throw notFound('Authorization');
    const [letter] = await this.letters(scope, grant.distributorId, [grant]);
    return letter;
  }

  /** The letters of one distributor's grants (the qualification pack prints one per live grant). */
  async letters(scope: Scope, distributorId: string, grants: AuthorizationGrant[]): Promise<AuthorizationLetter[]> {
    if (!grants.length) return [];
    const distributor = await this.distributors.get(scope, distributorId);
    const [brand]: Array<{ name: string }> = await this.ds.query(`SELECT name FROM brand WHERE id = $1`, [
      scope.brandId,
    ]);
    const products: ProductRow[] = await this.ds.query(
      `SELECT id, name, registration_no AS "registrationNo", registration_valid_from::text AS "from",
              registration_valid_to::text AS "to", product_line_id AS line
         FROM product WHERE brand_id = $1 AND (id = ANY($2) OR product_line_id = ANY($3)) ORDER BY name`,
      [scope.brandId, grants.flatMap((g) => g.productIds), grants.flatMap((g) => g.productLineIds)],
    );
    const names = new Map<string, string>(
      (
        await this.ds.query(
          `SELECT id, name FROM region WHERE brand_id = $1 AND id = ANY($2)
           UNION ALL SELECT id, name FROM hospital WHERE brand_id = $1 AND id = ANY($3)`,
          [scope.brandId, grants.flatMap((g) => g.regionIds), grants.flatMap((g) => g.hospitalIds)],
        )
      ).map((r: { id: string; name: string }) => [r.id, r.name]),
    );
    return grants.map((grant) => {
      const code = verificationCode(this.secret, letterSubject(grant.id));
      const query = new URLSearchParams({ number: grant.id, code });
      return {
        grant,
        brand: brand.name,
        distributor: { name: distributor.name, creditCode: distributor.creditCode ?? null },
        places: [...grant.regionIds, ...grant.hospitalIds].map((id) => names.get(id)).filter((n) => n !== undefined),
        products: products
          .filter((p) => grant.productIds.includes(p.id) || grant.productLineIds.includes(p.line))
          .map(({ name, registrationNo, from, to }) => ({ name, registrationNo, from, to })),
        issuedOn: today(),
        code,
        verifyUrl: `${this.publicUrl}${LETTER_VERIFY_PAGE}?${query}`,
      };
    });
  }

  /** The public check: the letter whose number and code both match, as it stands today; or NOT_FOUND. */
  async check(number: string, code: string, source: string): Promise<LetterCheck> {
    const key = number.trim().toLowerCase();
    const wait = await this.throttle.retryAfter(key, source);
    if (wait > 0) throw new AppError(ErrorCode.RATE_LIMITED, `Too many checks; try again in ${wait} s`);
    const rows: Array<Pick<AuthorizationGrant, 'validFrom' | 'validTo' | 'revokedFrom'>> =
      isUuid(key) && normalizeCode(code).length === 10 && codeMatches(this.secret, letterSubject(key), code)
        ? await this.ds.query(
            `SELECT valid_from::text AS "validFrom", valid_to::text AS "validTo", revoked_from::text AS "revokedFrom"
               FROM authorization_grant WHERE id = $1`,
            [key],
          )
        : [];
    if (!rows.length) {
      await this.throttle.fail(key, source);
      throw new AppError(ErrorCode.NOT_FOUND, 'No authorization letter has this number and verification code');
    }
    const on = today();
    return { status: statusOn(rows[0], on), checkedOn: on };
  }
}
