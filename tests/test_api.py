"""The package's public names are the functions the README documents, whatever was imported before."""

import importlib

import libyalib


def test_public_names_are_functions_not_modules():
    for name in libyalib.__all__:
        importlib.import_module(f"libyalib.{libyalib._API[name]}")  # importing a module must not shadow a name
        value = getattr(libyalib, name)
        assert callable(value) and type(value).__name__ != "module", name


def test_from_import_gives_the_functions():
    from libyalib import actor_mentions, chronology, foreign_backers, load_corpus, reconcile

    assert [f.__name__ for f in (load_corpus, actor_mentions, foreign_backers, chronology, reconcile)] == [
        "load_corpus",
        "actor_mentions",
        "foreign_backers",
        "chronology",
        "reconcile",
    ]
