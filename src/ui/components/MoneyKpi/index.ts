export { MoneyKpi } from './MoneyKpi.tsx';
export type { MoneyKpiProps } from './MoneyKpi.tsx';
