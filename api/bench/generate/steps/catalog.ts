import { productCount } from '../../scale';
import { GenContext, Step } from '../context';
import { LINE_NAMES, PRODUCT_STEMS } from '../names';

/**
 * Product lines and products (every fifth one equipment, one in forty with a lapsed registration),
 * with tier 1 and tier 2 prices. Product `j` is `bench_gen.uid('p:' || j)`, in line (j - 1) / perLine + 1.
 */
export const catalog: Step = {
  name: 'product lines, products, price lists',
  async run(ctx: GenContext) {
    const { db, scale: s } = ctx;
    const n = productCount(s);
    await db.query(
      `INSERT INTO product_line (id, brand_id, code, name)
       SELECT bench_gen.uid('line:' || l), bench_gen.uid('brand'), 'L' || lpad(l::text, 3, '0'),
              ($1::text[])[1 + (l - 1) % cardinality($1::text[])] || CASE WHEN l > cardinality($1::text[]) THEN ' ' || l ELSE '' END
         FROM generate_series(1, ${s.productLines}) l`,
      [LINE_NAMES],
    );
    await db.query(
      `INSERT INTO product (id, brand_id, product_line_id, code, name, kind, device_class, registration_no, registration_valid_from,
                            registration_valid_to, udi_di, list_price)
       SELECT bench_gen.uid('p:' || j), bench_gen.uid('brand'), bench_gen.uid('line:' || ((j - 1) / ${s.productsPerLine} + 1)),
              'BP' || lpad(j::text, 5, '0'),
              ($1::text[])[1 + (j - 1) % cardinality($1::text[])] || ' ' || chr(65 + j % 26) || (100 + j),
              CASE WHEN j % 5 = 0 THEN 'EQUIPMENT' ELSE 'CONSUMABLE' END,
              (ARRAY['I', 'II', 'III'])[1 + j % 3],
              '国械注准2023' || lpad(j::text, 7, '0'),
              CURRENT_DATE - 1000,
              CASE WHEN j % 40 = 0 THEN CURRENT_DATE - 30 ELSE CURRENT_DATE + 1000 END,
              '069' || lpad(j::text, 11, '0'),
              CASE WHEN j % 5 = 0 THEN round((50000 + bench_gen.rnd('price:' || j) * 750000)::numeric, -2)
                   ELSE round((20 + bench_gen.rnd('price:' || j) * 2980)::numeric, 0) END
         FROM generate_series(1, ${n}) j`,
      [PRODUCT_STEMS],
    );
    // the certificates' history (product_registration), which a trigger writes outside the bench: the
    // catalog and the compliance check read a product's registration from it, and the generator loads
    // with triggers off, so without these rows no product is orderable and the catalog page is empty
    await db.query(
      `INSERT INTO product_registration (brand_id, product_id, registration_no, valid_from, valid_to)
       SELECT brand_id, id, registration_no, registration_valid_from, registration_valid_to FROM product`,
    );
    await db.query(
      `INSERT INTO price_list_entry (brand_id, product_id, tier, price, effective_from)
       SELECT p.brand_id, p.id, t.tier, round(p.list_price * t.factor, 2), CURRENT_DATE - 365
         FROM product p CROSS JOIN (VALUES (1, 0.80), (2, 0.85)) t(tier, factor)`,
    );
    return `${s.productLines} lines, ${n} products with their registrations, ${n * 2} prices`;
  },
};
