// Reference lists for forms and labels (GET /api/reference), loaded once.
import { get } from './api.js';

let cached = null;

export function reference() {
  if (!cached) {
    cached = get('/api/reference').then((r) => ({
      regions: r.regions,
      sectors: r.sectors,
      sectorName: new Map(r.sectors.map((s) => [s.code, s.name])),
    })).catch((e) => {
      cached = null;
      throw e;
    });
  }
  return cached;
}
