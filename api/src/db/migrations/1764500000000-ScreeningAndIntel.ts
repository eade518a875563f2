import { MigrationInterface, QueryRunner } from 'typeorm';

const BASE = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  brand_id uuid NOT NULL REFERENCES brand(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

/** Screening assessments of candidates, hospital intel notes and who is reported serving a hospital. */
export class ScreeningAndIntel1764500000000 implements MigrationInterface {
  name = 'ScreeningAndIntel1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE distributor_assessment (${BASE},
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      assessor_id uuid NOT NULL REFERENCES app_user(id),
      products_carried varchar(1000),
      competing_products varchar(1000),
      brand_strength varchar(1000),
      peer_reviews varchar(2000),
      fit_score smallint NOT NULL CHECK (fit_score BETWEEN 1 AND 5),
      willingness_score smallint NOT NULL CHECK (willingness_score BETWEEN 1 AND 5),
      capability_score smallint NOT NULL CHECK (capability_score BETWEEN 1 AND 5))`);
    await q.query(
      `CREATE INDEX distributor_assessment_distributor ON distributor_assessment (distributor_id, created_at)`,
    );
    await q.query(`CREATE TABLE hospital_note (${BASE},
      hospital_id uuid NOT NULL REFERENCES hospital(id),
      author_id uuid NOT NULL REFERENCES app_user(id),
      body varchar(4000) NOT NULL)`);
    await q.query(`CREATE INDEX hospital_note_hospital ON hospital_note (hospital_id, created_at)`);
    await q.query(`CREATE TABLE hospital_serving_report (${BASE},
      hospital_id uuid NOT NULL REFERENCES hospital(id),
      reported_by uuid NOT NULL REFERENCES app_user(id),
      distributor_name varchar(200) NOT NULL,
      products varchar(500))`);
    await q.query(`CREATE INDEX hospital_serving_report_hospital ON hospital_serving_report (hospital_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE hospital_serving_report`);
    await q.query(`DROP TABLE hospital_note`);
    await q.query(`DROP TABLE distributor_assessment`);
  }
}
