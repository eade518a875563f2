import { defineModule, type ModuleCore } from '../module';
import type { ProductServices } from '../product';
import { Inventory1770300000000 } from './1770300000000-Inventory';
import { SelloutPrice1772200000000 } from './1772200000000-SelloutPrice';
import { StockOnHand1772300000001 } from './1772300000001-StockOnHand';
import { SelloutMonth1772400000000 } from './1772400000000-SelloutMonth';
import { SelloutHospitalMonth1772500000000 } from './1772500000000-SelloutHospitalMonth';
import { SelloutHospitalLast1772700000000 } from './1772700000000-SelloutHospitalLast';
import { StockIndexOnly1772800000001 } from './1772800000001-StockIndexOnly';
import { StockByExpiry1772900000000 } from './1772900000000-StockByExpiry';
import { StockBalance, StockMovement } from './inventory.entity';
import { InventoryResolver } from './inventory.resolver';
import { seedInventory } from './inventory.seed';
import { StockReadService } from './stock-reads.service';
import { StockService } from './stock.service';

// deps: the catalogue (a scanned GTIN's product, read in scope)
function inventoryServices({ ds, config }: ModuleCore, deps: ProductServices) {
  return {
    stock: new StockService(ds),
    stockReads: new StockReadService(ds, deps.products, config.nearExpiryDays),
  };
}

export const inventoryModule = defineModule({
  name: 'inventory',
  entities: () => [StockMovement, StockBalance],
  migrations: () => [
    Inventory1770300000000,
    SelloutPrice1772200000000,
    StockOnHand1772300000001,
    SelloutMonth1772400000000,
    SelloutHospitalMonth1772500000000,
    SelloutHospitalLast1772700000000,
    StockIndexOnly1772800000001,
    StockByExpiry1772900000000,
  ],
  services: inventoryServices,
  resolvers: () => [InventoryResolver],
  seed: (em, cal) => seedInventory(em, cal),
});

export * from './inventory.entity';
// the one writer of stock movements (the monthly sell-out upload writes through it)
export { appendMovement } from './stock.service';
export { parseUdi } from './udi';
export { SELL_OUT_ORDER, sellOutMonthTotals, sellOutQuery } from './sell-out-query';
// the sell-out list's filter, which its export reads from the URL (sellout-export.ts)
export { SellOutFilter } from './inventory.inputs';
