"""The Python interface against the onestop executable (ONESTOP_BIN, or the repository's
release build). Small runs with fixed seeds: each test takes a fraction of a second."""

import math
from pathlib import Path

import pandas as pd
import pytest

import onestop

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT / "scenarios" / "default.yaml"
QUICK = {"horizon.days": 21}

TINY = {
    "name": "tiny",
    "seed": 7,
    "replications": 3,
    "horizon": {"start": "2025-07-01", "days": 14},
    "procedures": [
        {"id": "copy", "share": 0.7, "counter_time": {"lognormal": {"mean": 4, "sd": 2}},
         "back_office_time": {"lognormal": {"mean": 2, "sd": 1}}, "deadline": {"working_days": 0}},
        {"id": "land", "share": 0.3, "counter_time": {"lognormal": {"mean": 20, "sd": 10}},
         "back_office_time": {"lognormal": {"mean": 120, "sd": 60}}, "deadline": {"working_days": 10}},
    ],
    "centre": {"id": "c", "arrivals": {"daily_volume": 40}, "counter_staff": 2, "back_office_staff": 5},
}


def test_run_gives_the_summary_and_its_tables():
    r = onestop.run(DEFAULT, set=QUICK, replications=3, seed=5)
    assert r.summary["provenance"]["seed"] == "5"
    assert r.summary["provenance"]["overrides"] == ["horizon.days=21"]
    kpis = r.kpis
    assert 0 <= kpis.loc["on_time_rate", "mean"] <= 1
    assert kpis.loc["overdue", "ci95_low"] <= kpis.loc["overdue", "mean"] <= kpis.loc["overdue", "ci95_high"]
    reps = r.replications
    assert len(reps) == 3 and list(reps["replication"]) == [0, 1, 2]
    # The summary's mean is the mean of the replications.
    assert math.isclose(reps["overdue"].mean(), kpis.loc["overdue", "mean"], rel_tol=1e-9, abs_tol=1e-9)
    assert len(r.daily) == 21
    assert isinstance(r.table("pools"), pd.DataFrame)


def test_the_same_seed_gives_the_same_numbers():
    a = onestop.run(DEFAULT, set=QUICK, replications=2, seed=11)
    b = onestop.run(DEFAULT, set=QUICK, replications=2, seed=11, jobs=1)
    assert a.summary["kpis"] == b.summary["kpis"]
    assert a.replications.equals(b.replications)


def test_a_scenario_can_be_a_dict():
    r = onestop.run(TINY)
    assert r.summary["scenario"]["name"] == "tiny"
    assert r.summary["provenance"]["replications"] == 3


def test_more_counter_staff_shortens_the_wait_in_a_comparison():
    c = onestop.compare(DEFAULT, variants={"more": {"centre.counter_staff": 5}}, set=QUICK, replications=4)
    d = c.differences.set_index("kpi")
    assert d.loc["counter_wait_mean", "difference_mean"] < 0
    assert d.loc["counter_wait_mean", "variant"] == "more"
    assert [a["label"] for a in c.summary["provenance"]["alternatives"]] == ["default", "more"]
    assert c.verdicts


def test_sweep_returns_one_row_per_point():
    s = onestop.sweep(DEFAULT, vary={"centre.counter_staff": [2, 3, 4]}, set=QUICK, replications=2)
    points = s.points
    assert list(points["centre.counter_staff"]) == [2, 3, 4]
    # More counter staff, less waiting: the planner's expectation, point by point.
    waits = list(points["counter_wait_mean_mean"])
    assert waits[0] > waits[1] > waits[2]
    assert len(s.replications) == 6


def test_a_resumed_sweep_in_the_same_folder_gives_the_same_table(tmp_path):
    first = onestop.sweep(DEFAULT, vary={"centre.counter_staff": [2, 3]}, set=QUICK, replications=2, out=tmp_path / "s")
    again = onestop.sweep(DEFAULT, vary={"centre.counter_staff": [2, 3]}, set=QUICK, replications=2, out=tmp_path / "s")
    assert first.points.equals(again.points)


def test_optimize_finds_a_staffing():
    o = onestop.optimize(DEFAULT, targets=["counter_wait_p95<=10"], units="counters",
                         set={**QUICK, "centre.counter_staff": 1}, replications=3)
    staffing = o.staffing.set_index("unit")
    assert staffing.loc["commune/counter", "after"] > 1
    assert o.summary["feasible"] is True


def test_check_and_validate_report_instead_of_raising(tmp_path):
    assert onestop.check(DEFAULT, set=QUICK, replications=2)["holds"] is True
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nhorizon:\n  days: -3\n")
    results = onestop.validate(DEFAULT, bad)
    assert [f["valid"] for f in results] == [True, False]
    assert any(i["key_path"] == "horizon.days" and i["line"] == 3 for i in results[1]["issues"])
    outline = onestop.describe(DEFAULT)
    assert len(outline["procedures"]) == 9


def test_an_invalid_setting_raises_with_its_location():
    with pytest.raises(onestop.ScenarioError) as caught:
        onestop.run(DEFAULT, set={"centre.counter_staff": -1})
    error = caught.value
    assert error.exit_code == 2
    assert [i["key_path"] for i in error.issues] == ["centre.counter_staff"]
    assert error.issues[0]["found"] == "-1"
    assert "centre.counter_staff" in str(error)
    assert isinstance(error, ValueError)


def test_a_missing_file_and_a_bad_argument_raise():
    with pytest.raises(onestop.ScenarioError) as caught:
        onestop.run(ROOT / "scenarios" / "no-such-file.yaml")
    assert "no-such-file.yaml" in str(caught.value)
    with pytest.raises(onestop.UsageError):
        onestop.run(DEFAULT, replications=0)


def test_warnings_reach_python():
    with pytest.warns(onestop.OnestopWarning):
        onestop.run(DEFAULT, set={**QUICK, "centre.back_office_staff": 1}, replications=2)
