"""A static HTML report of the executed notebooks: ``python -m libyalib.report [--out report]``.

Each notebook becomes a page (nbconvert, no external scripts: the report reads offline), the figures are
copied beside them, and ``index.html`` links the pages and shows every figure. A small script on the index
records, once the page has loaded, how many figures loaded and which did not (``body[data-figures]``).
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
from pathlib import Path

from .paths import FIGURES, ROOT

NOTEBOOKS = ROOT / "notebooks"
_EXTERNAL_SCRIPT = re.compile(r"<script[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>", re.I)
_CHECK = """<script>
window.addEventListener("load", function () {
  var imgs = Array.prototype.slice.call(document.images);
  var broken = imgs.filter(function (i) { return !(i.complete && i.naturalWidth > 0); })
                   .map(function (i) { return i.getAttribute("src"); });
  document.body.setAttribute("data-figures", broken.length ? "broken: " + broken.join(" ") : "ok " + imgs.length);
});
</script>"""


def _title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def interactive_charts(tables: Path | None = None) -> dict:
    """The interactive charts of the report, from an export's ``tables`` folder, or made from the corpus the
    notebooks read (``LIBYALIB_CORPUS``, the seeds by default)."""
    from .charts import interactive
    from .tables.read import read_table

    articles = read_table("articles", tables=tables)
    backers = read_table("backers", tables=tables)
    return {
        "backers-matrix": interactive.backers_matrix(backers, articles),
        "backers-by-year": interactive.backers_by_year(backers, articles),
        "mentions-by-month": interactive.mentions_by_month(read_table("mentions", tables=tables), articles),
        "timeline": interactive.timeline(read_table("chronology", tables=tables)),
    }


def build(
    out: Path = ROOT / "report",
    notebooks: Path = NOTEBOOKS,
    figures: Path = FIGURES,
    title: str = "libyalib: news coverage of the Libyan conflict",
    tables: Path | None = None,
) -> Path:
    """Write the report of the executed ``notebooks`` and ``figures`` to ``out``; return the index page. The
    index holds the interactive charts (:func:`interactive_charts` of ``tables``), their JavaScript inlined.

    Text from the articles reaches the pages only through nbconvert's escaped outputs, ``html.escape`` and
    JSON in which ``</`` is escaped, so a title holding ``<script>`` shows as text."""
    import nbformat
    from nbconvert import HTMLExporter

    from .charts.interactive import embedded

    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(figures, out / "figures", dirs_exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    pages = []
    for path in sorted(notebooks.glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        body, _ = exporter.from_notebook_node(nb)
        body = _EXTERNAL_SCRIPT.sub("", body).replace("</body>", _CHECK + "\n</body>")
        page = out / f"{path.stem}.html"
        page.write_text(body, encoding="utf-8")
        pages.append((page.name, _title(nb) or path.stem))
    figures = sorted(p.name for p in (out / "figures").glob("*.png"))
    items = "\n".join(f'<li><a href="{html.escape(name)}">{html.escape(title)}</a></li>' for name, title in pages)
    images = "\n".join(
        f'<figure><img src="figures/{html.escape(f)}" alt="{html.escape(f)}" loading="eager">'
        f"<figcaption>{html.escape(f)}</figcaption></figure>"
        for f in figures
    )
    head, charts = embedded(interactive_charts(tables))
    index = out / "index.html"
    index.write_text(
        f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
{head}
<style>body{{font-family:sans-serif;max-width:1250px;margin:2em auto;padding:0 1em}}
img{{max-width:100%;border:1px solid #ddd}}figure{{margin:1.5em 0}}</style></head>
<body>
<h1>{html.escape(title)}</h1>
<h2>Notebooks</h2>
<ol>
{items}
</ol>
<h2>Interactive charts</h2>
<p>Hover a mark for its counts; click it to list the evidence behind it; click elsewhere to clear.</p>
{charts}
<h2>Figures</h2>
{images}
{_CHECK}
</body></html>
""",
        encoding="utf-8",
    )
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "report")
    args = parser.parse_args(argv)
    index = build(args.out)
    print(f"report written to {index}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
