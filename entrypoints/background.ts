// The background is the hub between the toolbar, the tabs and the extension pages.
// Its behaviour is filled in by the web-page and PDF surfaces; see src/messages.ts for the contract.
export default defineBackground(() => {});
