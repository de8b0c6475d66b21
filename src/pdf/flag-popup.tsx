import { useEffect, useRef } from 'preact/hooks';
import type { Flag } from '../engine/report';
import { questionInfo } from '../rules/rule-book';
import { FlagCard } from '../ui/flag-card';

/**
 * The popup on a flagged passage of a PDF page: the shared flag card, placed under the passage inside
 * the scrolling page area (so it scrolls with the text), as a non-modal dialog that takes focus and
 * gives it back on Escape.
 */

export interface PopupPlacement {
  top: number;
  left: number;
}

const POPUP_WIDTH = 400;

/** Where to put the popup for a passage: under it, in the coordinates of the (positioned) page container. */
export function placeUnder(anchor: Range, container: HTMLElement): PopupPlacement {
  const rect = anchor.getBoundingClientRect();
  const box = container.getBoundingClientRect();
  const maxLeft = Math.max(8, container.clientWidth - POPUP_WIDTH - 8);
  return {
    top: rect.bottom - box.top + 8,
    left: Math.min(Math.max(8, rect.left - box.left), maxLeft),
  };
}

export interface FlagPopupProps {
  flag: Flag;
  placement: PopupPlacement;
  position: { index: number; total: number } | undefined;
  lexipolLabel: string | null;
  onPrevious: () => void;
  onNext: () => void;
  onClose: () => void;
  /** "Save excerpt" (wired by the excerpts feature); the button is hidden without it. */
  onSave?: (flag: Flag) => void;
}

export function FlagPopup(props: FlagPopupProps) {
  const { flag } = props;
  const dialog = useRef<HTMLDivElement>(null);
  const info = questionInfo(flag.question);
  useEffect(() => {
    dialog.current?.focus({ preventScroll: true });
  }, [flag]);
  return (
    <div
      ref={dialog}
      class="pl-popup"
      role="dialog"
      aria-labelledby="pl-popup-heading"
      tabIndex={-1}
      style={{
        top: `${props.placement.top}px`,
        left: `${props.placement.left}px`,
        width: `${POPUP_WIDTH}px`,
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          props.onClose();
        }
      }}
    >
      <FlagCard
        flag={flag}
        questionText={info.question}
        questionTitle={info.title}
        modelLanguage={info.modelLanguage}
        position={props.position}
        lexipolLabel={props.lexipolLabel}
        onPrevious={props.onPrevious}
        onNext={props.onNext}
        onClose={props.onClose}
        onSave={props.onSave}
        headingId="pl-popup-heading"
      />
    </div>
  );
}
