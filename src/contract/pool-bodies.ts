import type { CostItem, Pool } from '../domain/index.ts';

/**
 * Pool costs over HTTP (issue 13): `GET /api/ledger/pools` lists the pools of the ledger with their
 * shares as the read model computed them. Pools are defined, changed and removed by appending
 * `pool.*` events like any other fact, so they reach disk through the panel's outbox.
 */

/** One pool and the cost item each sharing project carries (they sum exactly to the pool). */
export interface PoolView {
  pool: Pool;
  shares: CostItem[];
}

/** Body of `GET /api/ledger/pools`: every pool of the current epoch, by name. */
export interface PoolsResponse {
  pools: PoolView[];
  version: string;
}
