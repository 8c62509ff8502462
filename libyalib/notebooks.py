"""Execute the numbered notebooks headless, in order and in place: ``python -m libyalib.notebooks NB...``.

Each notebook is paired with a jupytext ``py:percent`` script of the same name; the script is the source
that is executed, and both files are rewritten from the executed notebook, so they stay in step. Cell ids
are numbered and no timing is recorded, so the same inputs give byte-identical notebooks.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

PAIRING = "ipynb,py:percent"


def _load(ipynb: Path):
    import jupytext

    script = ipynb.with_suffix(".py")
    nb = jupytext.read(script if script.exists() else ipynb)
    nb.metadata.setdefault("jupytext", {})["formats"] = PAIRING
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i:02d}"
        cell.get("metadata", {}).pop("execution", None)
    return nb


def execute(ipynb: Path, timeout: int = 600, to: Path | None = None) -> None:
    """Execute one notebook in its folder and write it back with its paired script, or, with ``to``, write
    only the executed notebook there (the repository's notebooks are left as they are)."""
    import jupytext
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = _load(ipynb)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(ipynb.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        failed = next(
            (i for i, c in enumerate(nb.cells) if any(o.get("output_type") == "error" for o in c.get("outputs", []))),
            None,
        )
        first = str(exc).strip().splitlines()
        raise SystemExit(f"{ipynb}: cell {failed} failed: {first[-1] if first else exc}") from None
    nb.metadata.pop("widgets", None)
    if to is not None:
        to.parent.mkdir(parents=True, exist_ok=True)
        nb.metadata.pop("jupytext", None)
        jupytext.write(nb, to)
        return
    jupytext.write(nb, ipynb)
    jupytext.write(nb, ipynb.with_suffix(".py"), fmt="py:percent")


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m libyalib.notebooks NOTEBOOK.ipynb ...", file=sys.stderr)
        return 2
    for name in argv:
        path = Path(name)
        start = time.perf_counter()
        execute(path)
        print(f"executed {path} in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
