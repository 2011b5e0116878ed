"""Market-briefing wiki generator.

    seeds/*.txt|md --load--> RawSeed --decode--> text --clean--> Doc (lines marked as chrome or content)
        --structure--> Markdown blocks --extract--> Meta (title, date, source, author, summary)
        --render--> pages {relative path: Markdown} --write--> OUT/ (CLI) or MkDocs' files (hook)

Public API: build_site(seeds_dir) -> BuildResult.
"""

from generator.pipeline import build_site

__all__ = ["build_site"]
