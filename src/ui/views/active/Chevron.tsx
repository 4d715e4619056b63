/** Props of {@link Chevron}. */
export interface ChevronProps {
  /** Whether what it toggles is open (the chevron turns up). */
  open: boolean;
}

/** A 12 px expand chevron, pointing down when closed and up when open; decorative (aria-hidden). */
export function Chevron({ open }: ChevronProps) {
  return (
    <svg
      width="12"
      height="12"
      viewBox="0 0 12 12"
      aria-hidden="true"
      style={{ rotate: open ? '180deg' : '0deg' }}
    >
      <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
