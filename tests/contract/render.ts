// What a front end written against the generated types does with a page: compiled with
// tsc --strict by tests/contract/test_generated_clients.py, then run on recorded responses.
import type { components, paths } from "./schema";

type Resolved =
  paths["/api/v1/pages/resolve"]["get"]["responses"][200]["content"]["application/json"];
type StoryBlock = components["schemas"]["ArticleContent"]["story"][number];
// A revalidation answer is part of the contract: this line stops compiling without it.
export type NotModified = paths["/api/v1/pages/resolve"]["get"]["responses"][304];

function renderStory(block: StoryBlock): string {
  switch (block.type) {
    case "heading":
      return `<h2>${block.value.text}</h2>`;
    case "paragraph":
      return block.value;
    case "callout":
      return `<aside class="${block.value.tone}">${block.value.body}</aside>`;
    default: {
      // Block types a later version adds reach the front end as the fallback member.
      const later: components["schemas"]["UnknownBlock"] | Exclude<StoryBlock, { type: "heading" | "paragraph" | "callout" }> = block;
      return later.type ? "" : "";
    }
  }
}

export function render(page: Resolved): string {
  if (page.kind === "redirect") return `redirect ${page.status} ${page.location}`;
  const content = page.content;
  if (content.type !== "articles.ArticlePage") return page.title;
  return content.story.map(renderStory).join("");
}
