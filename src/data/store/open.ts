import type { ReferenceStore } from './api';
import { DB_NAME, DB_VERSION, openClaimLensDb } from './schema';

/** Opens (creating or upgrading) the reference database. */
export async function openReferenceStore(name: string = DB_NAME, version: number = DB_VERSION): Promise<ReferenceStore> {
  const db = await openClaimLensDb(name, version);
  return { db, close: () => db.close() };
}
