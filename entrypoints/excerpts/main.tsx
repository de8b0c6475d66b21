import { render } from 'preact';
import { browser } from 'wxt/browser';
import { adoptStyles } from '../../src/ui/adopt-styles';
import { ExcerptPage, excerptPageCss } from '../../src/ui/excerpt-page';
import { flagCardCss } from '../../src/ui/flag-card';
import { themeCss } from '../../src/ui/theme';

// Thin entrypoint: styles, then the page component with the viewer's address for PDF links.
adoptStyles(document, [themeCss, flagCardCss, excerptPageCss]);
const root = document.getElementById('app');
if (root) render(<ExcerptPage viewerUrl={browser.runtime.getURL('/viewer.html')} />, root);
