"""Dispatch ``python -m timeline.evaluate KIND ...`` to the module that measures KIND."""

from __future__ import annotations

import argparse
import importlib
import sys

KINDS = {
    "timex": "timeline.evaluate.timex",
    "events": "timeline.evaluate.events",
    "pubdate": "timeline.evaluate.pubdate",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m timeline.evaluate", description=__doc__)
    sub = parser.add_subparsers(dest="kind", required=True)
    modules = {}
    for kind, module_name in KINDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # a measure not built yet is simply not offered
            if exc.name != module_name:
                raise
            continue
        modules[kind] = module
        module.add_arguments(sub.add_parser(kind, help=(module.__doc__ or "").strip().splitlines()[0]))
    args = parser.parse_args(argv)
    return modules[args.kind].run(args)


if __name__ == "__main__":
    sys.exit(main())
