// Discover: whom to talk to next. Prospects for a topic, hashtag or query; whom to
// follow (circle of trust and SALSA); follow-back and unfollow triage; the engagement
// queue of posts to answer while their authors are talking. Every row says why.
import { apiGet } from "../api.js";
import { h, clear } from "../dom.js";
import { loadInto, rowsOf } from "./common.js";
import { rankedCard, summaryFigures } from "./ranked-list.js";

const KINDS = [
  { value: "hashtag", label: "hashtag" },
  { value: "topic", label: "topic" },
  { value: "query", label: "query" },
];

// The hashtag with the strongest burst in the workspace: a subject people talked about.
export async function busiestHashtag(signal) {
  const trends = await apiGet("trends", { top: 20 }, { signal });
  return rowsOf(trends.bursts).find((row) => String(row.item).startsWith("#")) || null;
}

export function renderDiscover(container, view) {
  const sections = [
    ["Prospects", "prospects-section"],
    ["Whom to follow", "suggest-section"],
    ["Follow-back and unfollow triage", "triage-section"],
    ["Engagement queue", "engage-section"],
  ].map(([title, className]) => {
    const area = h("div", { class: className });
    container.append(h("h2", { class: "section-title" }, title), area);
    return area;
  });
  renderProspects(sections[0], view);
  loadInto(sections[1], view, (signal) => apiGet("suggest", { top: 15 }, { signal }), (answer) => {
    const figures = summaryFigures(answer.suggest_summary, ["account", "follows", "circle_of_trust", "accounts_circle_follows"]);
    if (figures) sections[1].append(figures);
    sections[1].append(
      rankedCard("Interested in: whom your circle of trust follows", answer.interested_in, "No suggestions: the account follows no one in the workspace.", "interested-in", ["rank", "handle", "name", "followers", "circle_followers", "mutual_follows", "score", "why"]),
      rankedCard("Similar to: accounts that follow like you do", answer.similar_to, "No similar accounts found.", "similar-to", ["rank", "handle", "name", "followers", "circle_rank", "shared_follows", "score", "why"]),
    );
  }, "Walking the circle of trust");
  loadInto(sections[2], view, (signal) => apiGet("triage", { top: 25 }, { signal }), (answer) => {
    const figures = summaryFigures(answer.triage, ["followers", "follows", "followers_not_followed_back", "follow_back", "ignore", "unfollow_candidates"]);
    if (figures) sections[2].append(figures);
    sections[2].append(
      rankedCard("Followers not followed back", answer.follow_back, "Every follower is followed back, or no followers are known.", "follow-back", ["rank", "handle", "name", "recommendation", "country", "last_post", "score", "why"]),
      rankedCard("Follows you may drop", answer.unfollow, "No follow has a reason to be dropped.", "unfollow", ["rank", "handle", "name", "reasons", "last_post", "score", "why"]),
    );
  }, "Sorting followers and follows");
  loadInto(sections[3], view, (signal) => apiGet("engage", { top: 20 }, { signal }), (answer) => {
    const figures = summaryFigures(answer.engage_summary, ["hours", "reference_time", "posts_in_window", "posts_on_subject", "qualified", "queued"]);
    if (figures) sections[3].append(figures);
    sections[3].append(rankedCard("Posts to answer now", answer.engage, "No post from your target audience or your prospects in the window.", "engage-queue", ["rank", "handle", "posted_at", "text", "retweets", "score", "why"]));
  }, "Finding posts to answer");
}

function renderProspects(area, view) {
  const kind = h("select", { name: "kind", "aria-label": "Prospects for a" }, KINDS.map((option) => h("option", { value: option.value }, option.label)));
  const input = h("input", { type: "text", name: "subject", placeholder: "#hashtag, a topic of crowdlens.toml, or a listening query", "aria-label": "Subject" });
  const result = h("div", { class: "prospects-result" });
  const run = () => {
    const subject = input.value.trim();
    if (!subject) return;
    view.setParams({ ...view.params, kind: kind.value, subject });
    loadInto(result, view, (signal) => apiGet("prospects", { [kind.value]: subject, top: 25 }, { signal }), (answer) => {
      const figures = summaryFigures(answer.prospects_summary, ["matching_posts", "authors", "prospects", "excluded_already_followed", "excluded_spam", "reference_time"]);
      if (figures) result.append(figures);
      result.append(rankedCard(`People who talk about ${subject}`, answer.prospects, "Nobody outside your follows talks about it.", "prospects-list", ["rank", "handle", "name", "matching_posts", "last_posted_at", "in_target", "follows_you", "score", "why"]));
    }, "Ranking prospects");
  };
  const form = h("form", { class: "form-row", onsubmit: (event) => { event.preventDefault(); run(); } }, kind, input, h("button", { type: "submit", class: "primary" }, "Find prospects"));
  area.append(form, result);
  if (view.params.subject) {
    kind.value = KINDS.some((option) => option.value === view.params.kind) ? view.params.kind : "hashtag";
    input.value = view.params.subject;
    run();
    return;
  }
  // Nothing asked yet: start from the hashtag the workspace talked about most suddenly.
  loadInto(result, view, busiestHashtag, (burst) => {
    if (!burst) {
      clear(result);
      result.append(h("p", { class: "note" }, "Type a hashtag, a topic or a query to find the people who talk about it."));
      return;
    }
    kind.value = "hashtag";
    input.value = burst.item;
    run();
  }, "Finding a subject");
}
