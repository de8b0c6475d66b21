import { render } from 'preact';
import { ViewerApp } from '../../src/pdf/viewer-app';
import { viewerCss } from '../../src/pdf/viewer-styles';
import { parseViewerLocation } from '../../src/pdf/viewer-url';
import { adoptStyles } from '../../src/ui/adopt-styles';
import { flagCardCss } from '../../src/ui/flag-card';
import { pageHighlightCss } from '../../src/ui/flag-style';
import { scorecardCss } from '../../src/ui/scorecard';
import { themeCss } from '../../src/ui/theme';

// The viewer page: wiring only. What it shows and does lives in src/pdf/.
const { file, page, handoff } = parseViewerLocation(location.search, location.hash);
// PDF pages are always light paper, so the highlight inks are the light-page ones.
// The viewer's sheet comes last: it may refine the shared highlight rules for PDF pages.
adoptStyles(document, [themeCss, scorecardCss, flagCardCss, pageHighlightCss('light'), viewerCss]);
const app = document.getElementById('app');
if (app)
  render(<ViewerApp initial={file ? { kind: 'url', url: file, handoff } : null} initialPage={page} />, app);
