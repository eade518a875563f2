import express, { Router } from 'express';
import { HospitalGrade, Role } from '@medchannel/shared-schema';
import { scopeOfRequest, sendError } from '../../common/rest';
import type { Services } from '../../schema/services';
import { hospitalWorkbook } from './hospital-sheet';

const IMPORTERS = [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendWorkbook(res: express.Response, name: string, data: Buffer) {
  res.setHeader('content-type', XLSX);
  res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  res.setHeader('cache-control', 'private, no-store');
  res.send(data);
}

/** Spreadsheets in and out: the template, an upload that answers with its preview, and the export of a filtered list. */
export function importRoutes(services: Services): Router {
  const router = Router();

  router.get('/templates/hospitals.xlsx', async (req, res) => {
    try {
      await scopeOfRequest(services, req, IMPORTERS);
      sendWorkbook(res, '医院导入模板.xlsx', await hospitalWorkbook([
        { name: '示例：杭州市第一人民医院', grade: HospitalGrade.GRADE_3A, beds: 2000, regionCode: 'ZJ-HZ', address: '杭州市上城区浣纱路261号', department: '检验科', yearlyVolume: 1200000, volumeKind: null },
      ]));
    } catch (err) {
      sendError(res, err);
    }
  });

  router.post('/imports/hospitals', express.raw({ type: () => true, limit: '30mb' }), async (req, res) => {
    try {
      const scope = await scopeOfRequest(services, req, IMPORTERS);
      const name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'hospitals.xlsx'));
      const job = await services.imports.previewHospitals(scope, name, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
      res.json({ id: job.id, status: job.status, totalRows: job.totalRows, errorCount: job.errorCount, errors: job.errors, summary: job.summary });
    } catch (err) {
      sendError(res, err);
    }
  });

  router.get('/exports/hospitals.xlsx', async (req, res) => {
    try {
      const scope = await scopeOfRequest(services, req);
      const q = req.query as Record<string, string | undefined>;
      const grade = Object.values(HospitalGrade).includes(q.grade as HospitalGrade) ? (q.grade as HospitalGrade) : undefined;
      sendWorkbook(res, '医院.xlsx', await services.imports.exportHospitals(scope, { search: q.search?.slice(0, 100), regionId: q.regionId, grade }));
    } catch (err) {
      sendError(res, err);
    }
  });
  return router;
}
