import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS } from '@medchannel/shared-schema';

// Both apps word an audit row's action from web-shared's audit words; `audit()` takes only
// AUDIT_ACTIONS, so a row whose action has no words would show its raw name (INVITE_USER) to a person.
const words = (lang: string): Record<string, string> =>
  (
    JSON.parse(readFileSync(join(__dirname, '../../../../web-shared/src/audit/locales', `${lang}.json`), 'utf8')) as {
      audit: { action: Record<string, string> };
    }
  ).audit.action;

describe.each(['zh-CN', 'en'])('audit actions in %s', (lang) => {
  it('has words for every action the trail records', () => {
    const missing = AUDIT_ACTIONS.filter((action) => !words(lang)[action]?.trim());
    expect(missing).toEqual([]);
  });
});
