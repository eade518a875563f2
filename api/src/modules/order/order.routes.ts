import { Router } from 'express';
import { OrderKind, OrderStatus } from '@medchannel/shared-schema';
import { scopeOfRequest, sendDownload, sendError, XLSX_TYPE } from '../../common/rest';
import {
  checkExportSize,
  listFilterOf,
  MOMENT_FORMAT,
  MONEY_FORMAT,
  sheetMoment,
  sheetMoney,
  type ParamSpec,
} from '../../common/export-query';
import { writeSheet, type SheetColumn } from '../import';
import type { OrderRouteServices } from './index';
import { OrderFilter } from './order.inputs';
import { orderTreeParts } from './order-tree';

/** The orders screen's URL filters (OrderFilters.tsx), as its list's OrderFilter. */
const ORDER_PARAMS: Record<string, ParamSpec<OrderFilter>> = {
  q: { field: 'search' },
  status: { field: 'statuses', kind: 'list' },
  region: { field: 'regionId' },
  distributor: { field: 'distributorId' },
  hospital: { field: 'hospitalId' },
  age: { field: 'minAgeDays', kind: 'int' },
  month: { field: 'month' },
  sort: { field: 'sort' },
};

const STATUS: Record<OrderStatus, string> = {
  [OrderStatus.SUBMITTED]: '待审批',
  [OrderStatus.APPROVED]: '已批准',
  [OrderStatus.REJECTED]: '已驳回',
  [OrderStatus.PARTIALLY_SHIPPED]: '部分发货',
  [OrderStatus.SHIPPED]: '已发货',
  [OrderStatus.DELIVERED]: '已送达',
  [OrderStatus.CLOSED]: '已关闭',
  [OrderStatus.CANCELLED]: '已取消',
};
const KIND: Record<OrderKind, string> = { [OrderKind.HOSPITAL]: '医院订单', [OrderKind.STOCK]: '备货订单' };

type Column = 'number' | 'submittedAt' | 'distributor' | 'code' | 'hospital' | 'kind' | 'status' | 'total' | 'shipped';
const COLUMNS: readonly SheetColumn<Column | 'currency'>[] = [
  { key: 'number', header: '订单号 Number', width: 22 },
  { key: 'submittedAt', header: '提交时间 Submitted', width: 18, numFmt: MOMENT_FORMAT },
  { key: 'distributor', header: '经销商 Distributor', width: 28 },
  { key: 'code', header: '经销商编码 Code', width: 14 },
  { key: 'hospital', header: '医院 Hospital', width: 28 },
  { key: 'kind', header: '类型 Kind', width: 10 },
  { key: 'status', header: '状态 Status', width: 10 },
  { key: 'total', header: '金额 Total', width: 16, numFmt: MONEY_FORMAT },
  { key: 'shipped', header: '已发货金额 Shipped', width: 16, numFmt: MONEY_FORMAT },
  { key: 'currency', header: '币种 Currency', width: 8 },
];

/** The orders list as a spreadsheet: the screen's filters, its query and order (newest first), in the viewer's scope. */
export function orderRoutes(services: OrderRouteServices): Router {
  const router = Router();
  router.get('/exports/orders.xlsx', async (req, res) => {
    try {
      const scope = await scopeOfRequest(services, req);
      const filter = await listFilterOf(req.query as Record<string, unknown>, OrderFilter, ORDER_PARAMS);
      const limit = services.maxExportRows;
      // the distributor and hospital of each row come in the page's own statement (order-tree.ts)
      const parts = { ...orderTreeParts({}), distributor: true, hospital: true };
      const page = await services.replica.read(() => services.orders.list(scope, { first: limit }, filter, parts));
      checkExportSize(page.totalCount, limit);
      const rows = page.nodes.map(({ order: o, distributor, hospital }) => ({
        number: o.number,
        submittedAt: sheetMoment(o.submittedAt),
        distributor: distributor?.name ?? '',
        code: distributor?.code ?? '',
        hospital: o.hospitalId ? (hospital?.name ?? null) : null,
        kind: KIND[o.kind] ?? o.kind,
        status: STATUS[o.status] ?? o.status,
        total: sheetMoney(o.total),
        shipped: sheetMoney(o.shippedTotal),
        currency: o.currency,
      }));
      sendDownload(res, '订单.xlsx', XLSX_TYPE, await writeSheet('订单 Orders', COLUMNS, rows));
    } catch (err) {
      sendError(res, err);
    }
  });
  return router;
}
