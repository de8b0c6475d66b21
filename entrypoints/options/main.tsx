import { render } from 'preact';
import { adoptStyles } from '@/src/ui/adopt-styles';
import { themeCss } from '@/src/ui/theme';
import { AutoAnalysisOptions, optionsCss } from './auto-analysis-options';

adoptStyles(document, [themeCss, optionsCss]);
render(<AutoAnalysisOptions />, document.getElementById('app')!);
