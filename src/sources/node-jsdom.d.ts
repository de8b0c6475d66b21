// The slice of jsdom's API the Node sources use. jsdom ships no types and @types/jsdom is not a
// dependency; declaring the two members we touch is smaller than adding one.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string; contentType?: string });
    readonly window: Window & typeof globalThis;
  }
}
