/**
 * The Gateway's bulk import (goal: 100,000 records ≤ 10 s): 100,000 synthetic records in the six languages
 * (`shared/synthetic/gateway-records.ts`, every type) written as the CSV files a moderator would upload — one
 * type per file, at most the 10,000 rows and 5 MiB a bulk file may hold — and imported one file after another
 * through `ImportService.import`, as `POST /api/v1/gateway/import` and `thiqa gateway import` call it: each file
 * read and validated row by row, then published in one transaction with its index, duplicate keys, flags of
 * likely duplicates and audit entry. The time is the sum over the files of that call; writing the files is not
 * in it. The store starts empty; likely duplicates among the generated titles are flagged as they would be.
 */
import { SYSTEM } from '../server/core/auth/actor.ts';
import { loadConfig } from '../server/core/config.ts';
import { openPlatform } from '../server/platform.ts';
import { MAX_RECORD_FILE_BYTES, MAX_RECORD_FILE_ROWS } from '../shared/gateway/record-file.ts';
import { writeRecordCsv } from '../shared/gateway/record-csv.ts';
import { RECORD_TYPES, type GatewayRecord, type RecordType } from '../shared/gateway/record-types.ts';
import { generateGatewayRecords } from '../shared/synthetic/gateway-records.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { MB, round } from './stats.ts';
import { createEmptyStore } from './store.ts';

export const GATEWAY_IMPORT_RECORDS = 100_000;

/** The records as bulk files: per type, chunks of at most the rows and bytes a file may hold. */
export function importFiles(records: readonly { type: RecordType; record: GatewayRecord }[]): { type: RecordType; text: string; rows: number }[] {
  const files: { type: RecordType; text: string; rows: number }[] = [];
  for (const type of RECORD_TYPES) {
    const ofType = records.filter((r) => r.type === type).map((r) => r.record);
    for (let start = 0; start < ofType.length; ) {
      let rows = Math.min(MAX_RECORD_FILE_ROWS, ofType.length - start);
      let text = writeRecordCsv(type, ofType.slice(start, start + rows));
      while (Buffer.byteLength(text) > MAX_RECORD_FILE_BYTES) {
        rows = Math.floor(rows / 2);
        text = writeRecordCsv(type, ofType.slice(start, start + rows));
      }
      files.push({ type, text, rows });
      start += rows;
    }
  }
  return files;
}

export async function measureGatewayImport(database: DatabaseKind, tmp: string, postgresUrl: string, size = GATEWAY_IMPORT_RECORDS): Promise<Measurement[]> {
  const store = await createEmptyStore(database, tmp, `gateway-import-${database}`, postgresUrl);
  const platform = await openPlatform(loadConfig({ databaseUrl: store.databaseUrl, dataDir: store.dataDir }, {}));
  try {
    const files = importFiles(generateGatewayRecords(2028, size));
    const perFile: number[] = [];
    let imported = 0;
    let duplicates = 0;
    const cpuBefore = process.cpuUsage();
    for (const file of files) {
      const started = performance.now();
      const report = await platform.gatewayImport.import(SYSTEM, { type: file.type, content: file.text, format: 'csv', source: `bench-${file.type}.csv` });
      perFile.push(performance.now() - started);
      if (report.refused || report.imported !== file.rows) throw new Error(`a ${file.type} file of ${file.rows} rows imported ${report.imported}: ${JSON.stringify(report.problems.slice(0, 3))}`);
      imported += report.imported;
      duplicates += report.duplicates.length;
    }
    const cpu = process.cpuUsage(cpuBefore);
    const totalMs = perFile.reduce((a, b) => a + b, 0);
    // The import is the real thing: the search finds every record.
    if ((await platform.gatewaySearch.find({})).total !== size) throw new Error('the import did not publish every record');
    return [
      {
        name: `gateway: import ${size.toLocaleString('en-US')} records in six languages (${files.length} CSV files)`,
        database,
        size,
        value: totalMs / 1000,
        unit: 's',
        goal: 'gatewayImport',
        detail: {
          files: files.length,
          imported,
          duplicatesFlagged: duplicates,
          megabytes: round(files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / MB),
          slowestFileMs: Math.round(Math.max(...perFile)),
          recordsPerSecond: Math.round(imported / (totalMs / 1000)),
          // On a shared machine the time waits for the CPUs; this process's CPU time (all of SQLite's work, none
          // of PostgreSQL's server) does much less.
          cpuSeconds: round((cpu.user + cpu.system) / 1e6),
        },
      },
    ];
  } finally {
    await platform.close();
    await store.drop();
  }
}
