export { ErrorBanner } from './ErrorBanner.tsx';
export type { ErrorBannerProps, ErrorTone } from './ErrorBanner.tsx';
