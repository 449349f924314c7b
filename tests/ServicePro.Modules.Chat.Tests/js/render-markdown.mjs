// Renders the Markdown on standard input to HTML as a permissive viewer would (raw HTML allowed, bare links linked),
// for the test that checks Messages' Markdown export shows what reps typed. Usage: node render-markdown.mjs < file.md
import MarkdownIt from "markdown-it";

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
process.stdout.write(new MarkdownIt({ html: true, linkify: true }).render(Buffer.concat(chunks).toString("utf8")));
