import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change that can end a session or change what its user may see is announced on the
 * `medchannel_auth` channel when it commits, so each API process drops the sessions it keeps warm
 * (auth/session-cache.ts) before their next request: `user:<id>` for one person's sessions, `*`
 * for everyone's. Triggers, not the API's own calls, so a change from any path (another process,
 * an import, hand-written SQL) is announced too.
 *
 * - session: revoked, its expiry or owner changed, or its last activity set back (the API's own
 *   touch, which only moves it forward, stays quiet);
 * - app_user: disabled, deleted, or its role, side, company, brand or finance access changed;
 * - user_region: a brand user's regions;
 * - distributor, region: the tree an owner's or a regional user's scope is expanded from.
 */
export class AuthChanges1768300000000 implements MigrationInterface {
  name = 'AuthChanges1768300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION announce_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_LEVEL = 'STATEMENT' THEN
          PERFORM pg_notify('medchannel_auth', '*');
        ELSIF TG_TABLE_NAME = 'app_user' THEN
          PERFORM pg_notify('medchannel_auth', 'user:' || CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
        ELSE
          IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('medchannel_auth', 'user:' || OLD.user_id); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('medchannel_auth', 'user:' || NEW.user_id); END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER session_auth_change AFTER UPDATE ON session FOR EACH ROW
        WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
          OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.audience IS DISTINCT FROM NEW.audience
          OR OLD.token_hash IS DISTINCT FROM NEW.token_hash OR NEW.updated_at < OLD.updated_at)
        EXECUTE FUNCTION announce_auth_change()`);
    await q.query(
      `CREATE TRIGGER session_auth_gone AFTER DELETE ON session FOR EACH ROW EXECUTE FUNCTION announce_auth_change()`,
    );
    await q.query(`
      CREATE TRIGGER app_user_auth_change AFTER UPDATE ON app_user FOR EACH ROW
        WHEN (OLD.disabled_at IS DISTINCT FROM NEW.disabled_at OR OLD.role IS DISTINCT FROM NEW.role
          OR OLD.side IS DISTINCT FROM NEW.side OR OLD.distributor_id IS DISTINCT FROM NEW.distributor_id
          OR OLD.brand_id IS DISTINCT FROM NEW.brand_id OR OLD.finance_access IS DISTINCT FROM NEW.finance_access)
        EXECUTE FUNCTION announce_auth_change()`);
    await q.query(
      `CREATE TRIGGER app_user_auth_gone AFTER DELETE ON app_user FOR EACH ROW EXECUTE FUNCTION announce_auth_change()`,
    );
    await q.query(
      `CREATE TRIGGER user_region_auth_change AFTER INSERT OR UPDATE OR DELETE ON user_region FOR EACH ROW EXECUTE FUNCTION announce_auth_change()`,
    );
    await q.query(`
      CREATE TRIGGER distributor_auth_change AFTER INSERT OR DELETE OR UPDATE OF parent_id, brand_id ON distributor
        FOR EACH STATEMENT EXECUTE FUNCTION announce_auth_change()`);
    await q.query(`
      CREATE TRIGGER region_auth_change AFTER INSERT OR DELETE OR UPDATE OF parent_id, brand_id ON region
        FOR EACH STATEMENT EXECUTE FUNCTION announce_auth_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['session_auth_change', 'session'],
      ['session_auth_gone', 'session'],
      ['app_user_auth_change', 'app_user'],
      ['app_user_auth_gone', 'app_user'],
      ['user_region_auth_change', 'user_region'],
      ['distributor_auth_change', 'distributor'],
      ['region_auth_change', 'region'],
    ])
      await q.query(`DROP TRIGGER ${trigger} ON ${table}`);
    await q.query(`DROP FUNCTION announce_auth_change()`);
  }
}
