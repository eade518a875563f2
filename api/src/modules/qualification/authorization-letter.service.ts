import { DataSource } from 'typeorm';
import { AuthorizationKind, AuthorizationStatus, ErrorCode } from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { LoginThrottle } from '../../auth/rate-limiter';
import { today } from '../../common/dates';
import { AppError, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { codeMatches, normalizeCode, verificationCode } from '../../common/verification-code';
import { lastDay, statusOn, type AuthorizationGrant, type AuthorizationService } from '../authorization';
import type { DistributorService } from '../distributor';

/** The tender a per-tender letter authorizes the distributor to bid in. */
interface LetterTender {
  number: string;
  purchaser: string;
  project: string;
}

/**
 * What a letter is made of: a grant (the general letter), or a tender letter (its own number,
 * period, hospital and products, for one tender). One code path prints and checks both.
 */
export interface LetterBasis {
  kind: 'grant' | 'tender';
  /** the letter's number: the grant's id, or the tender letter's */
  number: string;
  validFrom: string;
  /** the last day it holds */
  validTo: string;
  /** a grant revoked before its period's end */
  endedEarly: boolean;
  exclusive: boolean;
  temporary: boolean;
  regionIds: string[];
  hospitalIds: string[];
  productIds: string[];
  productLineIds: string[];
  tender: LetterTender | null;
}

/** What an authorization letter (授权书) prints, with its verification code and where to check it. */
export interface AuthorizationLetter extends Omit<
  LetterBasis,
  'regionIds' | 'hospitalIds' | 'productIds' | 'productLineIds'
> {
  brand: string;
  distributor: { name: string; creditCode: string | null };
  /** The regions and hospitals the letter names, by name. */
  places: string[];
  products: Array<{ name: string; registrationNo: string; from: string; to: string }>;
  issuedOn: string;
  code: string;
  verifyUrl: string;
}

/** What the public check answers: whether the letter holds today, and for a tender letter which tender it is for. */
export interface LetterCheck {
  status: AuthorizationStatus;
  checkedOn: string;
  tender?: LetterTender & { hospital: string; validFrom: string; validTo: string };
}

/** A grant's general letter. */
const grantBasis = (grant: AuthorizationGrant): LetterBasis => ({
  kind: 'grant',
  number: grant.id,
  validFrom: grant.validFrom,
  validTo: lastDay(grant),
  endedEarly: lastDay(grant) !== grant.validTo,
  exclusive: grant.exclusive,
  temporary: grant.kind === AuthorizationKind.TEMPORARY,
  regionIds: grant.regionIds,
  hospitalIds: grant.hospitalIds,
  productIds: grant.productIds,
  productLineIds: grant.productLineIds,
  tender: null,
});

/** The page a letter's QR code opens (the portal's, signed out): number and code filled in. */
const LETTER_VERIFY_PAGE = '/verify/letter';

/** What a code is an HMAC of: the general and the tender letters' numbers never share a code. */
const letterSubject = (kind: LetterBasis['kind'], number: string) =>
  kind === 'grant' ? `authorization-letter:${number}` : `tender-letter:${number}`;

interface TenderLetterRow {
  validFrom: string;
  validTo: string;
  revokedFrom: string | null;
  number: string;
  purchaser: string;
  project: string;
  hospital: string;
}

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
  letters(scope: Scope, distributorId: string, grants: AuthorizationGrant[]): Promise<AuthorizationLetter[]> {
    return this.compose(scope, distributorId, grants.map(grantBasis));
  }

  /** Letters of one distributor, general or per tender: names, products and the code of each. */
  async compose(scope: Scope, distributorId: string, bases: LetterBasis[]): Promise<AuthorizationLetter[]> {
    if (!bases.length) return [];
    const distributor = await this.distributors.get(scope, distributorId);
    const [brand]: Array<{ name: string }> = await this.ds.query(`SELECT name FROM brand WHERE id = $1`, [
      scope.brandId,
    ]);
    const products: ProductRow[] = await this.ds.query(
      `SELECT id, name, registration_no AS "registrationNo", registration_valid_from::text AS "from",
              registration_valid_to::text AS "to", product_line_id AS line
         FROM product WHERE brand_id = $1 AND (id = ANY($2) OR product_line_id = ANY($3)) ORDER BY name`,
      [scope.brandId, bases.flatMap((b) => b.productIds), bases.flatMap((b) => b.productLineIds)],
    );
    const names = new Map<string, string>(
      (
        await this.ds.query(
          `SELECT id, name FROM region WHERE brand_id = $1 AND id = ANY($2)
           UNION ALL SELECT id, name FROM hospital WHERE brand_id = $1 AND id = ANY($3)`,
          [scope.brandId, bases.flatMap((b) => b.regionIds), bases.flatMap((b) => b.hospitalIds)],
        )
      ).map((r: { id: string; name: string }) => [r.id, r.name]),
    );
    return bases.map(({ regionIds, hospitalIds, productIds, productLineIds, ...basis }) => {
      const code = verificationCode(this.secret, letterSubject(basis.kind, basis.number));
      const query = new URLSearchParams({ number: basis.number, code });
      return {
        ...basis,
        brand: brand.name,
        distributor: { name: distributor.name, creditCode: distributor.creditCode ?? null },
        places: [...regionIds, ...hospitalIds].map((id) => names.get(id)).filter((n) => n !== undefined),
        products: products
          .filter((p) => productIds.includes(p.id) || productLineIds.includes(p.line))
          .map(({ name, registrationNo, from, to }) => ({ name, registrationNo, from, to })),
        issuedOn: today(),
        code,
        verifyUrl: `${this.publicUrl}${LETTER_VERIFY_PAGE}?${query}`,
      };
    });
  }

  /**
   * The public check: the letter whose number and code both match, as it stands today; or
   * NOT_FOUND. A tender letter also says which tender, hospital and project it is for (what the
   * paper in the checker's hand should say), and is revoked when a grant it rests on is.
   */
  async check(number: string, code: string, source: string): Promise<LetterCheck> {
    const key = number.trim().toLowerCase();
    const wait = await this.throttle.retryAfter(key, source);
    if (wait > 0) throw new AppError(ErrorCode.RATE_LIMITED, `Too many checks; try again in ${wait} s`);
    const matches = (kind: LetterBasis['kind']) =>
      isUuid(key) && normalizeCode(code).length === 10 && codeMatches(this.secret, letterSubject(kind, key), code);
    const on = today();
    if (matches('grant')) {
      const rows: Array<Pick<AuthorizationGrant, 'validFrom' | 'validTo' | 'revokedFrom'>> = await this.ds.query(
        `SELECT valid_from::text AS "validFrom", valid_to::text AS "validTo", revoked_from::text AS "revokedFrom"
           FROM authorization_grant WHERE id = $1`,
        [key],
      );
      if (rows.length) return { status: statusOn(rows[0], on), checkedOn: on };
    } else if (matches('tender')) {
      // revoked: a grant it rests on revoked from a day within the letter's period
      const rows: TenderLetterRow[] = await this.ds.query(
        `SELECT l.valid_from::text AS "validFrom", l.valid_to::text AS "validTo",
                (SELECT min(g.revoked_from)::text FROM authorization_grant g
                  WHERE g.id = ANY(l.grant_ids) AND g.revoked_from <= l.valid_to) AS "revokedFrom",
                t.number, t.purchaser, l.project, h.name AS hospital
           FROM tender_letter l JOIN tender t ON t.id = l.tender_id JOIN hospital h ON h.id = l.hospital_id
          WHERE l.id = $1`,
        [key],
      );
      if (rows.length) {
        const { revokedFrom, ...tender } = rows[0];
        return { status: statusOn({ ...tender, revokedFrom }, on), checkedOn: on, tender };
      }
    }
    await this.throttle.fail(key, source);
    throw new AppError(ErrorCode.NOT_FOUND, 'No authorization letter has this number and verification code');
  }
}
