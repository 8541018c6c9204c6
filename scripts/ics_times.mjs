// Read an iCalendar file as Thunderbird does (Mozilla's ical.js), and print
// each to-do's and event's UID, start and end as UTC instants, one JSON line.
//
// The zones come from the file's own VTIMEZONEs (registered with ical.js's
// TimezoneService, as Thunderbird registers them), never from a zone database,
// so a VTIMEZONE that ical.js misreads shows as a wrong time.
//
// Usage: node scripts/ics_times.mjs FILE.ics  (needs the npm package ical.js:
// `npm install ical.js` here or anywhere on NODE_PATH).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let ICAL;
try {
  ICAL = (await import("ical.js")).default;
} catch {
  try {
    ICAL = require("ical.js"); // an install found through NODE_PATH
  } catch {
    console.error("ical.js is not installed (npm install ical.js)");
    process.exit(3); // the tests skip on this status
  }
}

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
}
const utc = (property, item) => {
  const value = item.getFirstPropertyValue(property);
  return value === null ? null : value.toJSDate().toISOString();
};
const found = [];
for (const item of calendar.getAllSubcomponents()) {
  if (item.name !== "vevent" && item.name !== "vtodo") continue;
  found.push({
    uid: item.getFirstPropertyValue("uid"),
    start: utc("dtstart", item),
    end: utc(item.name === "vevent" ? "dtend" : "due", item),
  });
}
console.log(JSON.stringify(found));
