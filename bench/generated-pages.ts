/**
 * Web pages generated for the browser benchmarks, written for this project (no borrowed policy text):
 * - a policy page with as many flaggable passages as asked, where some passages cross inline elements
 *   (links, emphasis) the way real policy pages do, so a highlight covers several text nodes;
 * - a large page that is NOT a police policy (a town newsletter), the worst case for the cheap check:
 *   it talks about the police department and policies, so only the immigration words are missing.
 * Generation is deterministic so runs compare alike. Page text is plain ASCII, so no escaping is needed.
 */

/** Each sentence, alone in its paragraph, is flagged by the rules (red or green). */
const FLAGGABLE = [
  'Officers may share <em>arrest and booking information</em> with federal immigration authorities when doing so serves a public safety interest.',
  'Requests by federal immigration officials for assistance from this department should be directed to a supervisor.',
  'No officer shall inquire about the <a href="#status">immigration status</a> of any person, except as required by law.',
  'The Department shall not enter into any agreement under section 287(g) of the Immigration and Nationality Act.',
  'No funds, resources, facilities, property, equipment, or personnel of the Department shall be used for any federal immigration enforcement purpose.',
  'Officers shall not detain any person solely on the basis of a <strong>civil immigration detainer</strong>.',
  'Officers shall check the immigration status of every person booked after an arrest.',
  'When ICE sends an immigration detainer, the arrestee shall be notified and given a copy.',
];

const FILLER = [
  'Members shall document each contact in a report before the end of their shift.',
  'The shift supervisor reviews every report for completeness and accuracy.',
  'Training on this procedure is provided at least once every calendar year.',
  'Any deviation from this policy shall be reported through the chain of command.',
];

/** A policy page whose body holds `passages` paragraphs, each with one flaggable sentence. */
export function flaggablePolicyPage(passages: number, scripts: string[] = []): string {
  const body: string[] = ['<h1>Policy 428: Immigration and Federal Agencies</h1>'];
  for (let i = 0; i < passages; i++) {
    if (i % 50 === 0) body.push(`<h2>428.${i / 50 + 1} Section ${i / 50 + 1}</h2>`);
    const filler = FILLER[i % FILLER.length];
    body.push(`<p>(${i + 1}) ${FLAGGABLE[i % FLAGGABLE.length]} ${filler}</p>`);
  }
  return page('Police Department Policy Manual: Immigration', body, scripts);
}

const NEWS = [
  'The library extends its winter hours through the end of February, with story time on Saturday mornings.',
  'Residents can pick up a parking sticker for the town beach at the clerk office on weekdays.',
  'The police department thanks everyone who came to the open house and toured the new dispatch center.',
  'Road crews will treat the hills on Maple Street first whenever ice or snow is in the forecast.',
  'The select board will discuss the new trash policy and the recycling schedule at its next meeting.',
  'Volunteers are needed for the spring cleanup of the river path; gloves and bags are provided.',
  'The fire department reminds residents to test smoke alarms twice a year and to clear hydrants.',
  'Registration for summer programs opens in April; scholarships are available for every family.',
];

/** A newsletter page of about `kilobytes` kB of text that mentions police and policies but not immigration. */
export function notAPolicyPage(kilobytes: number): string {
  const body: string[] = ['<h1>Town Newsletter</h1>'];
  let size = 0;
  for (let i = 0; size < kilobytes * 1000; i++) {
    if (i % 20 === 0) body.push(`<h2>Week ${i / 20 + 1}</h2>`);
    const text = `${NEWS[i % NEWS.length]} ${NEWS[(i * 3 + 1) % NEWS.length]}`;
    body.push(`<article><p>${text}</p><p><a href="#item${i}">Read more</a></p></article>`);
    size += text.length + 'Read more'.length;
  }
  return page('Town Newsletter', body, []);
}

function page(title: string, body: string[], scripts: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${title}</title>`,
    ...scripts.map((src) => `<script src="${src}"></script>`),
    '</head><body><main>',
    ...body,
    '</main></body></html>',
  ].join('\n');
}
