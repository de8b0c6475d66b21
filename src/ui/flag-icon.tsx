import { FLAG_ICON_PATHS } from './flag-style';

export type IconKind = keyof typeof FLAG_ICON_PATHS;

/**
 * A shape per kind (stop sign, check mark, L badge…), so meaning never rests on colour alone. Decorative:
 * the word next to it is what screen readers read.
 */
export function FlagIcon({ kind, size = 18 }: { kind: IconKind; size?: number }) {
  return (
    <svg
      class={`pl-icon pl-icon-${kind}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path d={FLAG_ICON_PATHS[kind]} fill="currentColor" fill-rule="evenodd" />
    </svg>
  );
}
