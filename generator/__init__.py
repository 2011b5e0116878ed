"""Market-briefing wiki generator.

    seeds/*.txt|md --load--> RawSeed --decode--> text --clean--> Doc (lines marked as chrome or content)
        --structure--> Blocks --extract--> Meta (title, date, source, author, summary, key figures)
        --recognise--> companies and topics --settle--> dates added, slugs for good (git history)
        --link--> Corpus --render--> Pages --write--> OUT/ or MkDocs' files

The folders, lowest floor first (a module imports only from its own floor or those below):

- model.py: the data every stage passes on (frozen dataclasses); imports nothing from the package.
- errors.py, paths.py, chars.py, limits.py, safeyaml.py, markup.py: one-line errors, file names and slugs, unsafe
  characters, size limits, bounded YAML, Markdown scanners.
- lexicon/: what cleaning and extraction both read (words and name shapes, dates, labels, zones of a page, prose
  scores, outlet names, the one Markdown escaper and plain text, what an article's address is). clean/ and
  extract/ import lexicon/ and model.py, never each other.
- Stages: load.py and history.py (the seeds' git history), decode.py (codepages.py), clean/ (rules/: one kind of
  chrome each, run in order; then span.py: the article as the best run of prose lines, and the headline it bears
  out), structure.py and editor.py (scraped and editor-written bodies to Blocks), extract/, entities/ (registry,
  recognise, focus, link), permalinks.py (which briefing a slug names), render.py (templates/, chips.py,
  paging.py, feeds.py, redirects.py), write.py.
- pipeline.py: one seed through the stages (make_briefing), dates added and slugs (settle), the whole build
  (build_site).
- runtime/: how the stages run: the one worker pool (pool.py) and everything one build hands the next under
  `mkdocs serve` (incremental.py, which owns every cache key and fingerprint).
- check/: `python -m generator check` (targets, registry, seeds, report); mkdocs_hook.py: the build inside MkDocs
  (with sanitise.py, csp.py, edit_links.py, accessibility.py); __main__.py: the command line.

Public API: build_site(seeds_dir) -> BuildResult.
"""

from generator.pipeline import build_site

__all__ = ["build_site"]
