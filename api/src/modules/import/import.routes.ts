import express, { type RequestHandler, Router } from 'express';
import type { Scope } from '../../auth/scope';
import { DistributorStage, HospitalCoverage, HospitalGrade, rolesFor } from '@medchannel/shared-schema';
import {
  XLSX_TYPE,
  rawUpload,
  scopeOfRequest,
  sendDownload,
  sendError,
  uploadScope,
  uploadedFile,
} from '../../common/rest';
import type { ImportRouteServices } from './index';
import { hospitalWorkbook } from './hospital-sheet';
import { distributorWorkbook } from './distributor-sheet';
import type { ImportKind } from './import.entity';
import { IMPORTERS } from './import.service';
import { invoiceTemplate, paymentTemplate } from './finance-import';
import { priceTemplate } from './price-import';

const pick = <T extends string>(values: Record<string, T>, v: unknown): T | undefined =>
  Object.values(values).includes(v as T) ? (v as T) : undefined;

type Query = Record<string, string | undefined>;
type ListFilter = { search?: string; regionId?: string };

const sendWorkbook = (res: express.Response, name: string, data: Buffer) => sendDownload(res, name, XLSX_TYPE, data);

const TEMPLATES: Record<string, { file: string; kind: ImportKind; build: () => Promise<Buffer> }> = {
  hospitals: {
    file: '医院导入模板.xlsx',
    kind: 'HOSPITALS',
    build: () =>
      hospitalWorkbook([
        {
          name: '示例：杭州市第一人民医院',
          grade: HospitalGrade.GRADE_3A,
          beds: 2000,
          regionCode: 'ZJ-HZ',
          address: '杭州市上城区浣纱路261号',
          department: '检验科',
          yearlyVolume: 1200000,
        },
      ]),
  },
  distributors: {
    file: '经销商导入模板.xlsx',
    kind: 'DISTRIBUTORS',
    build: () =>
      distributorWorkbook([
        {
          name: '示例：杭州某某医疗器械有限公司',
          code: 'HZ-001',
          regionCode: 'ZJ-HZ',
          tier: 1,
          parentCode: null,
          creditCode: '91330100MA2AX1234K',
          registeredCapital: '5000000.00',
          address: '杭州市西湖区',
          contactName: '张三',
          contactPhone: '0571-88888888',
          classifications: [],
        },
      ]),
  },
};

TEMPLATES.payments = { file: '回款导入模板.xlsx', kind: 'PAYMENTS', build: paymentTemplate };
TEMPLATES.invoices = { file: '发票导入模板.xlsx', kind: 'INVOICES', build: invoiceTemplate };
TEMPLATES.prices = { file: '价格表导入模板.xlsx', kind: 'PRICES', build: priceTemplate };

/** The largest spreadsheet an import reads */
const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

const KIND: Record<string, ImportKind> = {
  hospitals: 'HOSPITALS',
  distributors: 'DISTRIBUTORS',
  payments: 'PAYMENTS',
  invoices: 'INVOICES',
  prices: 'PRICES',
};

/** Spreadsheets in and out: templates, uploads that answer with their preview, exports of a filtered list. */
export function importRoutes(services: ImportRouteServices): Router {
  const router = Router();

  router.get('/templates/:kind.xlsx', async (req, res) => {
    try {
      const t = TEMPLATES[String(req.params.kind)];
      if (!t) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such template' } });
      await scopeOfRequest(services, req, rolesFor(IMPORTERS[t.kind]));
      sendWorkbook(res, t.file, await t.build());
    } catch (err) {
      sendError(res, err);
    }
  });

  const importKind = (req: express.Request): ImportKind | undefined => KIND[String(req.params.kind)];
  router.post(
    '/imports/:kind',
    (req, res, next) =>
      importKind(req)
        ? next()
        : void res
            .status(404)
            .json({ error: { code: 'NOT_FOUND', reason: null, field: null, message: 'No such import' } }),
    ...rawUpload(services, {
      maxBytes: MAX_IMPORT_BYTES,
      tooLarge: 'A spreadsheet may be at most 30 MB',
      roles: (req) => rolesFor(IMPORTERS[importKind(req)!]),
    }),
    async (req, res) => {
      try {
        const { name, data } = uploadedFile(req, `${req.params.kind}.xlsx`);
        const job = await services.imports.preview(uploadScope(res), importKind(req)!, name, data);
        res.json({
          id: job.id,
          status: job.status,
          totalRows: job.totalRows,
          errorCount: job.errorCount,
          errors: job.errors,
          summary: job.summary,
        });
      } catch (err) {
        sendError(res, err);
      }
    },
  );

  /**
   * A list's workbook in the viewer's scope, read on the replica, filtered as the list's query says:
   * its search and region, and what `build` picks of the rest.
   */
  const listExport =
    (fileName: string, build: (scope: Scope, filter: ListFilter, q: Query) => Promise<Buffer>): RequestHandler =>
    async (req, res) => {
      try {
        const scope = await scopeOfRequest(services, req);
        const q = req.query as Query;
        const filter = { search: q.search?.slice(0, 100), regionId: q.regionId };
        sendWorkbook(res, fileName, await services.replica.read(() => build(scope, filter, q)));
      } catch (err) {
        sendError(res, err);
      }
    };
  const pickHospitals = (q: Query) => ({
    grade: pick(HospitalGrade, q.grade),
    coverage: pick(HospitalCoverage, q.coverage),
  });
  router.get(
    '/exports/hospitals.xlsx',
    listExport('医院.xlsx', (scope, filter, q) =>
      services.imports.exportHospitals(scope, { ...filter, ...pickHospitals(q) }),
    ),
  );
  router.get(
    '/exports/distributors.xlsx',
    listExport('经销商.xlsx', (scope, filter, q) =>
      services.imports.exportDistributors(scope, { ...filter, stage: pick(DistributorStage, q.stage) }),
    ),
  );
  return router;
}
