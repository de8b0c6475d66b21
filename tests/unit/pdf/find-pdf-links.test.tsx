// @vitest-environment jsdom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { findPdfLinks } from '../../../src/pdf/find-pdf-links';
import { PdfListView } from '../../../src/pdf/pdf-list';

describe('findPdfLinks', () => {
  it('lists embedded PDFs first, then policy links, then other PDF links, without duplicates', () => {
    document.body.innerHTML = `
      <nav><a href="/agendas/2026-01.pdf">January agenda</a></nav>
      <main>
        <p><a href="/docs/Policy%20413%20Immigration.pdf">Immigration policy (PDF)</a></p>
        <p><a href="/docs/Policy%20413%20Immigration.pdf#page=2">same file, page 2</a></p>
        <iframe src="/viewer?file=/docs/General%20Order%2012.pdf" title="General Order 12"></iframe>
        <object data="/files/manual.pdf" type="application/pdf"></object>
        <a href="/DocumentCenter/View/1234/Police-Manual">Police manual</a>
        <a href="/about.html">About</a>
        <a href="javascript:alert(1)">x.pdf</a>
      </main>`;
    const links = findPdfLinks(document);
    expect(links.map((l) => [l.kind, new URL(l.url).pathname])).toEqual([
      ['embedded', '/docs/General%20Order%2012.pdf'],
      ['embedded', '/files/manual.pdf'],
      ['link', '/docs/Policy%20413%20Immigration.pdf'],
      ['link', '/DocumentCenter/View/1234/Police-Manual'],
      ['link', '/agendas/2026-01.pdf'],
    ]);
    expect(links[2]?.label).toBe('Immigration policy (PDF)');
    expect(links[1]?.label).toBe('manual.pdf');
  });

  it('searches only inside the given root', () => {
    document.body.innerHTML = '<nav><a href="/a.pdf">a</a></nav><main><a href="/b.pdf">b</a></main>';
    expect(findPdfLinks(document.querySelector('main')!).map((l) => l.label)).toEqual(['b']);
  });
});

describe('PdfListView', () => {
  it('renders one Analyse button per PDF, named for screen readers, and calls back with its URL', () => {
    const host = document.createElement('div');
    const opened: string[] = [];
    render(
      <PdfListView
        pdfs={[{ url: 'https://t.example/p.pdf', label: 'Policy 413', kind: 'link', relevant: true }]}
        onAnalyse={(url) => opened.push(url)}
      />,
      host,
    );
    const button = host.querySelector('button')!;
    expect(button.textContent).toContain('Analyse Policy 413');
    button.click();
    expect(opened).toEqual(['https://t.example/p.pdf']);
    render(<PdfListView pdfs={[]} onAnalyse={() => {}} />, host);
    expect(host.querySelector('section')).toBeNull();
  });
});
