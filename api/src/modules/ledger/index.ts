import { LedgerEntry } from './ledger.entity';
import { defineModule, type ModuleCore } from '../module';
import { LedgerService } from './ledger.service';

function ledgerServices({ ds }: ModuleCore) {
  return { ledger: new LedgerService(ds) };
}
export type LedgerServices = ReturnType<typeof ledgerServices>;

export const ledgerModule = defineModule({ name: 'ledger', entities: () => [LedgerEntry], services: ledgerServices });

// What other modules (and tests) may use from this one
export * from './ledger.entity';
export * from './ledger.service';
