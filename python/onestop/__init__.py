"""Run onestop, the staffing simulator for one-stop public administrative service
centres, from Python.

Every function calls the ``onestop`` executable with ``--json`` and reads what it prints
and the tables it writes; nothing of the model is reimplemented here. Tables come back
as pandas DataFrames, summaries as dicts (the schema of the command's JSON file).

    >>> import onestop
    >>> r = onestop.run("scenarios/default.yaml", set={"centre.counter_staff": 4}, replications=10)
    >>> r.kpis.loc["overdue", "mean"]
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

import pandas as pd

__all__ = [
    "run", "compare", "sweep", "optimize", "check", "validate", "describe",
    "RunResult", "Comparison", "Sweep", "Optimization",
    "OnestopError", "ScenarioError", "UsageError", "OnestopWarning", "executable",
]

Scenario = Union[str, os.PathLike, Mapping[str, Any]]
"""A scenario file's path, or the scenario itself as a dict (written as a YAML file)."""


class OnestopError(Exception):
    """A command failed. ``messages`` holds what it printed on standard error (each line
    names the file, line, key path, expected and found where it can), ``exit_code`` its
    exit code, ``command`` the command line."""

    def __init__(self, messages: Sequence[str], exit_code: int, command: Sequence[str]):
        self.messages = list(messages)
        self.exit_code = exit_code
        self.command = list(command)
        shown = "\n".join(self.messages[-20:]) or f"exit code {exit_code}"
        super().__init__(shown)


class ScenarioError(OnestopError, ValueError):
    """The scenario, or a setting given to it, is invalid (exit code 2). ``issues`` lists
    each problem as ``onestop validate --json`` reports it: severity, file, line, column,
    key_path, expected, found, message (empty when the problem is in a variant)."""

    def __init__(self, messages, exit_code, command, issues: Sequence[Mapping[str, Any]] = ()):
        super().__init__(messages, exit_code, command)
        self.issues = [dict(i) for i in issues]


class UsageError(OnestopError, ValueError):
    """An argument was refused (exit code 64): an unknown option, a malformed value."""


class OnestopWarning(UserWarning):
    """A warning the command printed (a setting without effect, a centre over capacity)."""


def executable() -> str:
    """The onestop executable: ``ONESTOP_BIN``, else ``onestop`` on the PATH, else the
    repository's ``.build/release/onestop`` beside this package's sources."""
    explicit = os.environ.get("ONESTOP_BIN")
    if explicit:
        return explicit
    found = shutil.which("onestop")
    if found:
        return found
    built = Path(__file__).resolve().parents[2] / ".build" / "release" / "onestop"
    if built.is_file():
        return str(built)
    raise OnestopError(["the onestop executable was not found: set ONESTOP_BIN, put onestop on the PATH, "
                        "or build it with 'swift build -c release' in the repository"], 127, [])


# MARK: - Results


@dataclass
class RunResult:
    """``onestop run``: the summary (``summary.json``) and the tables it wrote."""

    summary: dict
    directory: Path

    @property
    def kpis(self) -> pd.DataFrame:
        """One row per KPI (index: its id), with mean, ci95_low, ci95_high and the rest of
        ``summary.json``'s fields."""
        return pd.DataFrame.from_dict(self.summary["kpis"], orient="index")

    @property
    def replications(self) -> pd.DataFrame:
        """``replications.csv``: one row per replication, one column per KPI."""
        return _table(self.directory / "replications.csv")

    @property
    def daily(self) -> pd.DataFrame:
        """``daily.csv``: one row per day of the horizon."""
        return _table(self.directory / "daily.csv")

    @property
    def centres(self) -> pd.DataFrame:
        """``centres.csv``: one row per centre."""
        return _table(self.directory / "centres.csv")

    @property
    def procedures(self) -> pd.DataFrame:
        """``procedures.csv``: one row per procedure."""
        return _table(self.directory / "procedures.csv")

    def table(self, name: str) -> pd.DataFrame:
        """Any CSV the run wrote (``pools``, ``hourly``, ``centres_daily`` ...)."""
        return _table(self.directory / (name if name.endswith(".csv") else name + ".csv"))


@dataclass
class Comparison:
    """``onestop compare``: the summary (``compare.json``) and its paired differences."""

    summary: dict
    directory: Path

    @property
    def differences(self) -> pd.DataFrame:
        """One row per (variant, KPI): base and variant means, the paired difference with
        its 95% interval, and whether it is significant."""
        return pd.DataFrame(self.summary["differences"])

    @property
    def verdicts(self) -> list:
        """The verdicts in words, one per variant and headline KPI."""
        return list(self.summary["verdicts"])


@dataclass
class Sweep:
    """``onestop sweep``: its description (``sweep.json``) and its points."""

    summary: dict
    directory: Path

    @property
    def points(self) -> pd.DataFrame:
        """``sweep.csv``: one row per design point, its settings then each KPI's mean and
        half-width."""
        return pd.DataFrame(self.summary["points"])

    @property
    def replications(self) -> pd.DataFrame:
        """``replications.csv``: one row per point and replication."""
        return _table(self.directory / "replications.csv")


@dataclass
class Optimization:
    """``onestop optimize``: the answer (``optimize.json``)."""

    summary: dict
    directory: Path

    @property
    def staffing(self) -> pd.DataFrame:
        """One row per pool: its staff before and after."""
        return pd.DataFrame(self.summary["staffing"])

    @property
    def marginal(self) -> pd.DataFrame:
        """A centre-by-centre allocation's people: where each goes and what they buy."""
        return pd.DataFrame(self.summary.get("marginal", []))


# MARK: - Commands


def run(scenario: Scenario, *, set: Optional[Mapping[str, Any]] = None, replications: Optional[int] = None,
        seed: Optional[int] = None, out: Optional[Union[str, os.PathLike]] = None, jobs: Optional[int] = None,
        args: Iterable[str] = ()) -> RunResult:
    """Runs the scenario's replications (``onestop run``). ``set`` changes fields
    (``{"centre.counter_staff": 4}``); the files go to ``out`` (a new temporary folder by
    default); ``args`` are passed on as they are."""
    directory = _folder(out)
    with _scenario_file(scenario) as path:
        summary = _json("run", [path, *_common(set, replications, seed, jobs), "--out", str(directory), *args], path, set)
    return RunResult(summary, directory)


def compare(base: Scenario, *others: Scenario, variants: Optional[Mapping[str, Mapping[str, Any]]] = None,
            set: Optional[Mapping[str, Any]] = None, replications: Optional[int] = None, seed: Optional[int] = None,
            out: Optional[Union[str, os.PathLike]] = None, jobs: Optional[int] = None, args: Iterable[str] = ()) -> Comparison:
    """Compares the base scenario with other scenario files and with ``variants`` (a
    label and the fields it changes: ``{"more counters": {"centre.counter_staff": 5}}``),
    on common random numbers (``onestop compare``)."""
    directory = _folder(out)
    variant_args: list = []
    for label, changes in (variants or {}).items():
        variant_args += ["--variant", f"{label}: " + "; ".join(f"{k}={_value(v)}" for k, v in changes.items())]
    with _scenario_file(base) as path:
        other_paths = [os.fspath(o) for o in others]
        summary = _json("compare", [path, *other_paths, *variant_args, *_common(set, replications, seed, jobs),
                                    "--out", str(directory), *args], path, set)
    return Comparison(summary, directory)


def sweep(scenario: Scenario, *, vary: Mapping[str, Any], lhs: Optional[int] = None, set: Optional[Mapping[str, Any]] = None,
          replications: Optional[int] = None, seed: Optional[int] = None, out: Optional[Union[str, os.PathLike]] = None,
          jobs: Optional[int] = None, args: Iterable[str] = ()) -> Sweep:
    """Sweeps settings (``onestop sweep``): ``vary`` maps each key to a list of values or
    a range text (``"2:6:1"``, ``"0.1:0.3"`` with ``lhs``). With an ``out`` folder that
    holds the same sweep, it resumes."""
    directory = _folder(out)
    vary_args: list = []
    for key, values in vary.items():
        text = values if isinstance(values, str) else ",".join(_value(v) for v in values)
        vary_args += ["--vary", f"{key}={text}"]
    extra = ["--lhs", str(lhs)] if lhs is not None else []
    with _scenario_file(scenario) as path:
        summary = _json("sweep", [path, *vary_args, *extra, *_common(set, replications, seed, jobs), "--out", str(directory), *args],
                        path, set)
    return Sweep(summary, directory)


def optimize(scenario: Scenario, *, targets: Sequence[str] = (), objective: Optional[str] = None, budget: Optional[int] = None,
             units: Optional[str] = None, transfers: bool = False, set: Optional[Mapping[str, Any]] = None,
             replications: Optional[int] = None, seed: Optional[int] = None, out: Optional[Union[str, os.PathLike]] = None,
             jobs: Optional[int] = None, args: Iterable[str] = ()) -> Optimization:
    """Finds a staffing (``onestop optimize``): the least that meets ``targets``
    (``["on_time_rate>=0.95"]``), or where ``budget`` extra staff buy most of
    ``objective`` (``"overdue"``, ``"on-time"``, ``"wait-p90"``)."""
    directory = _folder(out)
    extra: list = []
    for target in targets:
        extra += ["--target", target]
    if objective is not None:
        extra += ["--objective", objective]
    if budget is not None:
        extra += ["--budget", str(budget)]
    if units is not None:
        extra += ["--units", units]
    if transfers:
        extra.append("--transfers")
    with _scenario_file(scenario) as path:
        summary = _json("optimize", [path, *extra, *_common(set, replications, seed, jobs), "--out", str(directory), *args], path, set)
    return Optimization(summary, directory)


def check(scenario: Scenario, *, set: Optional[Mapping[str, Any]] = None, replications: Optional[int] = None,
          seed: Optional[int] = None, jobs: Optional[int] = None) -> dict:
    """Checks the model's invariants on the scenario (``onestop check``): a dict with
    ``holds`` and each check; a violated invariant is reported there, not raised."""
    with _scenario_file(scenario) as path:
        return _json("check", [path, *_common(set, replications, seed, jobs)], path, set, accept=(0, 3))


def validate(*scenarios: Scenario, set: Optional[Mapping[str, Any]] = None) -> list:
    """Checks scenario files without running them (``onestop validate``): one dict per
    file, with ``valid`` and every issue; an invalid file is reported there, not raised."""
    paths = [os.fspath(s) for s in scenarios]
    return _json("validate", [*paths, *_common(set, None, None, None)], None, set, accept=(0, 2))


def describe(scenario: Scenario, *, set: Optional[Mapping[str, Any]] = None, centres: int = 5) -> dict:
    """The scenario resolved, with its counter load and queueing theory's answers
    (``onestop describe``)."""
    with _scenario_file(scenario) as path:
        return _json("describe", [path, *_common(set, None, None, None), "--centres", str(centres)], path, set)


# MARK: - Plumbing


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _common(set: Optional[Mapping[str, Any]], replications: Optional[int], seed: Optional[int], jobs: Optional[int]) -> list:
    args: list = []
    for key, value in (set or {}).items():
        args += ["--set", f"{key}={_value(value)}"]
    if replications is not None:
        args += ["--replications", str(replications)]
    if seed is not None:
        args += ["--seed", str(seed)]
    if jobs is not None:
        args += ["--jobs", str(jobs)]
    return args


def _folder(out: Optional[Union[str, os.PathLike]]) -> Path:
    return Path(out) if out is not None else Path(tempfile.mkdtemp(prefix="onestop-"))


class _scenario_file:
    """A scenario's path: the file given, or a temporary YAML file holding a dict (as
    JSON, which YAML reads), removed afterwards."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.temporary: Optional[str] = None

    def __enter__(self) -> str:
        if isinstance(self.scenario, Mapping):
            handle, self.temporary = tempfile.mkstemp(prefix="onestop-scenario-", suffix=".yaml")
            with os.fdopen(handle, "w", encoding="utf-8") as f:
                json.dump(self.scenario, f, ensure_ascii=False, indent=1)
            return self.temporary
        return os.fspath(self.scenario)

    def __exit__(self, *exc) -> None:
        if self.temporary:
            os.unlink(self.temporary)


def _json(command: str, args: list, scenario: Optional[str], set: Optional[Mapping[str, Any]], accept=(0,)) -> Any:
    line = [executable(), command, *args, "--json"]
    env = dict(os.environ, ONESTOP_LANG=os.environ.get("ONESTOP_LANG", "en"))
    done = subprocess.run(line, capture_output=True, text=True, env=env)
    messages = [m for m in done.stderr.splitlines() if m.strip()]
    for m in messages:
        if "warning:" in m:
            warnings.warn(m, OnestopWarning, stacklevel=3)
    if done.returncode not in accept:
        if done.returncode == 2:
            issues: list = []
            if scenario is not None and command != "validate":
                try:
                    checked = validate(scenario, set=set)
                    issues = [i for f in checked for i in f["issues"] if i["severity"] == "error"]
                except OnestopError:
                    pass
            raise ScenarioError(messages, done.returncode, line, issues)
        if done.returncode == 64:
            raise UsageError(messages, done.returncode, line)
        raise OnestopError(messages, done.returncode, line)
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise OnestopError(messages + [f"onestop {command} printed no JSON ({error})"], done.returncode, line) from None


def _table(path: Path) -> pd.DataFrame:
    return pd.read_csv(path)
