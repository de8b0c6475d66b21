import { render } from 'preact';
import { PdfRedirectSetting } from '@/src/pdf/pdf-redirect-setting';
import { adoptStyles } from '@/src/ui/adopt-styles';
import { themeCss } from '@/src/ui/theme';
import { AutoAnalysisOptions, optionsCss } from './auto-analysis-options';

adoptStyles(document, [themeCss, optionsCss]);
render(
  <>
    <AutoAnalysisOptions />
    <PdfRedirectSetting />
  </>,
  document.getElementById('app')!,
);
