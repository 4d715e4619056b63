/**
 * Reports over HTTP (issue 13): `GET /api/reports/costs.csv?<filter>&currency=` answers the cost CSV
 * itself (for tools and browsers), `GET /api/reports/report.html?<filter>&currency=` the HTML report;
 * `POST` to either with the same query as a JSON body saves the file under the data dir's `reports/`
 * and answers where (a CEP panel cannot download a file, so it shows the path).
 */

/** Body of `POST /api/reports/costs.csv` and `/report.html`: the file written and what it holds. */
export interface SavedReport {
  /** Absolute path of the file written under the data dir's `reports/`. */
  path: string;
  /** Data rows in the file (generations, external costs and pool shares). */
  rows: number;
  bytes: number;
}
