import { setupBackground } from '@/src/background/setup-background';

// The background is the hub between the toolbar, the tabs and the extension pages: see
// src/background/setup-background.ts for what it installs.
export default defineBackground(() => setupBackground());
