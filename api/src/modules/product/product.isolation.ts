import type { DataSource } from 'typeorm';
import { rolesFor } from '@medchannel/shared-schema';
import { PRODUCT_LINES } from '../../db/seed/catalog-data';
import { addDays, today } from '../../common/dates';
import { PERSONA_KEYS, foreignProducts } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';

import { productOf, tag, notFoundEach } from '../../../test/isolation/fixtures';

const UPDATE = `mutation($id: ID!, $i: UpdateProductInput!) { updateProduct(id: $id, input: $i) { id code version } }`;
const RENEW = `mutation($id: ID!, $i: RenewRegistrationInput!) { renewProductRegistration(id: $id, input: $i) { id registrationNo registrations { registrationNo } } }`;

/** The product's own facts as they are, so the matrix's edit changes nothing but the version. */
const sameFacts = async (ds: DataSource, id: string) => {
  const [p] = await ds.query(
    `SELECT product_line_id, code, name, kind, device_class, udi_di, list_price, version FROM product WHERE id = $1`,
    [id],
  );
  return {
    productLineId: p.product_line_id,
    code: p.code,
    name: p.name,
    kind: p.kind,
    deviceClass: p.device_class,
    udiDi: p.udi_di,
    listPrice: p.list_price,
    expectedVersion: p.version,
  };
};

/** A renewal of the product's certificate: a day later on both ends, under a new number. */
const renewalOf = async (ds: DataSource, id: string) => {
  const [p] = await ds.query(
    `SELECT (registration_valid_from + 1)::text AS "from", (registration_valid_to + 1)::text AS "to", version FROM product WHERE id = $1`,
    [id],
  );
  return { registrationNo: `续${tag()}`, validFrom: p.from, validTo: p.to, expectedVersion: p.version };
};

/** The product catalog's operations: lines, products, tier prices. */

export const PRODUCT_OPERATIONS: Record<string, OperationCase> = {
  productLines: { allowed: 'any', own: () => ({ query: `{ productLines { id code name } }` }) },
  products: {
    allowed: 'any',
    own: () => ({
      query: `{ products(first: 100) { totalCount nodes { id name code deviceClass listPrice { amount currency } productLine { name } } } }`,
    }),
    foreign: ({ user }) =>
      foreignProducts(user).map((p) => ({
        query: `query($s: String) { products(first: 100, filter: { search: $s }) { totalCount nodes { id name } } }`,
        variables: { s: p.name },
        expect: 'LISTED' as const,
      })),
  },
  product: {
    allowed: 'any',
    own: ({ user }) => ({
      query: `query($id: ID!) { product(id: $id) { id name registrationNo registrationValidTo registrations { registrationNo validTo } } }`,
      variables: { id: productOf(user).id },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignProducts(user), (p) => ({
        query: `query($id: ID!) { product(id: $id) { id name } }`,
        variables: { id: p.id },
      })),
  },
  createProduct: {
    allowed: rolesFor('product.create'),
    own: ({ user }) => ({
      query: `mutation($i: CreateProductInput!) { createProduct(input: $i) { id code } }`,
      variables: {
        i: {
          productLineId: PRODUCT_LINES.find((l) => l.brandId === user.brandId)!.id,
          code: `MX-${tag()}`,
          name: `矩阵产品 ${tag()}`,
          kind: 'CONSUMABLE',
          deviceClass: 'I',
          registrationNo: `浙械备${tag()}`,
          registrationValidFrom: today(),
          registrationValidTo: addDays(today(), 365),
          listPrice: '12.50',
          currency: 'CNY',
        },
      },
    }),
    foreign: ({ user }) => [
      {
        query: `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`,
        variables: {
          i: {
            productLineId: PRODUCT_LINES.find((l) => l.brandId !== user.brandId)!.id,
            code: `MX-${tag()}`,
            name: '越界产品',
            kind: 'CONSUMABLE',
            deviceClass: 'I',
            registrationNo: 'x',
            registrationValidFrom: today(),
            registrationValidTo: today(),
            listPrice: '1.00',
            currency: 'CNY',
          },
        },
        // another brand's product line answers like one that does not exist
      },
    ],
    mutates: true,
  },
  updateProduct: {
    allowed: rolesFor('product.edit'),
    own: async ({ user, ds }) => ({
      query: UPDATE,
      variables: { id: productOf(user).id, i: await sameFacts(ds, productOf(user).id) },
    }),
    foreign: ({ user, ds }) =>
      Promise.all(
        foreignProducts(user).map(async (p) => ({
          query: UPDATE,
          variables: { id: p.id, i: { ...(await sameFacts(ds, p.id)), name: '越界产品' } },
        })),
      ),
    mutates: true,
  },
  renewProductRegistration: {
    allowed: rolesFor('product.edit'),
    own: async ({ user, ds }) => ({
      query: RENEW,
      variables: { id: productOf(user).id, i: await renewalOf(ds, productOf(user).id) },
    }),
    foreign: ({ user, ds }) =>
      Promise.all(
        foreignProducts(user).map(async (p) => ({
          query: RENEW,
          variables: { id: p.id, i: await renewalOf(ds, p.id) },
        })),
      ),
    mutates: true,
  },
  setTierPrice: {
    allowed: rolesFor('product.setPrice'),
    own: ({ user, key }) => ({
      query: `mutation($i: SetTierPriceInput!) { setTierPrice(input: $i) { id } }`,
      variables: {
        i: {
          productId: productOf(user).id,
          tier: 3 + (PERSONA_KEYS.indexOf(key) % 6),
          price: '99.00',
          effectiveFrom: addDays(today(), 2000 + Math.floor(Math.random() * 5000)),
        },
      },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignProducts(user), (p) => ({
        query: `mutation($i: SetTierPriceInput!) { setTierPrice(input: $i) { id } }`,
        variables: { i: { productId: p.id, tier: 3, price: '1.00', effectiveFrom: addDays(today(), 9000) } },
      })),
    mutates: true,
  },
};
