import { render } from 'preact';
import { adoptStyles } from '@/src/ui/adopt-styles';
import { flagCardCss } from '@/src/ui/flag-card';
import { savedExcerptsLinkCss } from '@/src/ui/saved-excerpts-link';
import { scorecardCss } from '@/src/ui/scorecard';
import { themeCss } from '@/src/ui/theme';
import { SidePanel, sidePanelCss } from './side-panel';

adoptStyles(document, [themeCss, scorecardCss, flagCardCss, savedExcerptsLinkCss, sidePanelCss]);
render(<SidePanel />, document.getElementById('app')!);
