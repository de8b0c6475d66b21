import { pdfViewerBenchmark } from '/work/main/bench/pdf.ts';
const s = await pdfViewerBenchmark();
console.log(JSON.stringify(s, null, 1));
