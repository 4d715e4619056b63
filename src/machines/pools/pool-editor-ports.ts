import type { PoolsResponse } from '../../contract/index.ts';

/** The backend's list of pools with their shares (`GET /api/ledger/pools`). */
export interface PoolListPort {
  pools(): Promise<PoolsResponse>;
}
