// Progressive enhancement only: every page works without this script.
import { initAll } from "/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// Live notifications: the unread badge counts up and the news is announced, without a reload.
// The stream is open only while the page is shown: a browser keeps six connections per site over
// HTTP/1.1, and a stream left open by a hidden tab or a page kept for "back" holds one of them,
// until the site's next page waits for a free one.
const badge = document.getElementById("unread-count");
const live = document.getElementById("live-notice");
let stream = null;

function announce(event) {
  const notice = JSON.parse(event.data);
  const unread = (parseInt(badge.textContent, 10) || 0) + 1;
  badge.textContent = String(unread);
  badge.hidden = false;
  if (live) {
    live.replaceChildren();
    const text = document.createElement("p");
    text.className = "govuk-body govuk-!-font-weight-bold";
    text.textContent = "New: " + notice.message;
    live.append(text);
  }
  const list = document.getElementById("notifications");
  if (list) {
    const item = document.createElement("li");
    item.className = "app-notification app-notification--unread";
    const link = document.createElement("a");
    link.className = "govuk-link";
    link.href = /^\/[A-Za-z0-9\/_-]*$/.test(notice.link || "") ? notice.link : "/notifications";
    link.textContent = notice.message;
    item.append(link);
    list.prepend(item);
  }
}

function listen() {
  if (!stream && document.visibilityState === "visible") {
    stream = new EventSource("/notifications/stream");
    stream.addEventListener("notification", announce);
  }
}

function stop() {
  if (stream) {
    stream.close();
    stream = null;
  }
}

if (document.body.dataset.signedIn === "true" && window.EventSource && badge) {
  document.addEventListener("visibilitychange", () => (document.visibilityState === "visible" ? listen() : stop()));
  window.addEventListener("pagehide", stop);
  window.addEventListener("pageshow", listen);
  listen();
}
